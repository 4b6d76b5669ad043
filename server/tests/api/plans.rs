//! Coordinators change a promotion's milestone schedule: the form refuses
//! what is not a schedule (each field named, nothing changed), only
//! coordinators reach it, and a change re-plans every team's upcoming
//! unanswered instances while what was answered, waived, moved for one
//! team or already past stays; the scheduler then follows the new days.

use crate::helpers::{TestApp, error_fields, location};
use crate::milestones::{bulletin_of, fill_bulletin, oct, running, to_of};
use app::server::db::milestones::{instance, template};
use app::server::service::milestones::{plan, scheduler, submit};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

async fn template_of(app: &TestApp, key: &str) -> template::Model {
    template::Entity::find()
        .filter(template::Column::Key.eq(key))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn changing_the_bulletin_day_replans_only_the_upcoming_unanswered_weeks() {
    let app = TestApp::spawn().await;
    let r = running(&app).await;
    let _claire = app.coordinator().await;
    scheduler::tick(&app.state, oct(1, 9, 0)).await.unwrap();
    // Week 1: the web team files its bulletin, the forest team does not.
    let web0 = bulletin_of(&app, r.web, 0).await;
    fill_bulletin(&app, "ada@example.fr", web0.id, oct(1, 9, 30)).await;
    let forest0 = bulletin_of(&app, r.forest, 0).await;
    // Week 3: moved for the forest team, waived for the web team.
    let forest2 = bulletin_of(&app, r.forest, 2).await;
    submit::move_due(
        &app.state,
        &Default::default(),
        forest2.id,
        "2027-10-14",
        "12:00",
        "Séminaire d'équipe",
    )
    .await
    .unwrap();
    let web2 = bulletin_of(&app, r.web, 2).await;
    submit::waive(
        &app.state,
        &Default::default(),
        web2.id,
        "Congés",
        oct(1, 10, 0),
    )
    .await
    .unwrap();

    // On Wednesday 6 October the bulletin moves to Thursdays at 16:00.
    let t = template_of(&app, "bulletin").await;
    let form = [
        ("echeance", "hebdo"),
        ("jour", "jeu"),
        ("heure", "16:00"),
        ("ouverture", "1"),
        ("alerte", "0"),
        ("public", "on"),
    ];
    let get = |k: &str| {
        form.iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| (*v).to_owned())
    };
    plan::edit(
        &app.state,
        &Default::default(),
        r.promotion,
        t.id,
        get,
        oct(6, 12, 0),
    )
    .await
    .unwrap();
    assert_eq!(template_of(&app, "bulletin").await.rule, "weekly:thu@16:00");
    assert!(app.audited("milestone.plan_changed").await);

    // What was answered or is past stays, answers and all.
    let kept = app.row::<instance::Entity>(web0.id).await;
    assert_eq!(kept.due_at, oct(1, 15, 0));
    assert_eq!(kept.answers, web0_answers(&app, web0.id).await);
    assert_eq!(
        app.row::<instance::Entity>(forest0.id).await.due_at,
        oct(1, 15, 0),
        "a past week unanswered stays late"
    );
    // What was moved for one team, or waived, stays.
    assert_eq!(
        app.row::<instance::Entity>(forest2.id).await.due_at,
        app::domain::milestones::rule::paris(
            chrono::NaiveDate::from_ymd_opt(2027, 10, 14).unwrap(),
            chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap()
        )
    );
    assert!(
        app.row::<instance::Entity>(web2.id)
            .await
            .waived_at
            .is_some()
    );
    // The other upcoming weeks fall on Thursdays at 16:00, for both teams.
    for defi in [r.web, r.forest] {
        assert_eq!(bulletin_of(&app, defi, 1).await.due_at, oct(7, 16, 0));
        assert_eq!(bulletin_of(&app, defi, 3).await.due_at, oct(21, 16, 0));
    }
    let weeks = instance::Entity::find()
        .filter(instance::Column::TemplateId.eq(t.id))
        .filter(instance::Column::DefiId.eq(r.web))
        .order_by_asc(instance::Column::Seq)
        .all(&app.state.db)
        .await
        .unwrap();
    let mut seqs: Vec<i32> = weeks.iter().map(|i| i.seq).collect();
    seqs.dedup();
    assert_eq!(seqs.len(), weeks.len(), "one instance per week");

    // The scheduler follows: Thursday's reminders go to both teams, and
    // Friday has none.
    app.mail().await;
    scheduler::tick(&app.state, oct(7, 10, 0)).await.unwrap();
    assert_eq!(
        to_of(&app.mail().await, "Rappel : le bulletin"),
        vec![
            "ada@example.fr",
            "cleo@example.fr",
            "eve@example.fr",
            "fay@example.fr"
        ]
    );
    scheduler::tick(&app.state, oct(8, 10, 0)).await.unwrap();
    assert!(to_of(&app.mail().await, "Rappel : le bulletin").is_empty());
}

async fn web0_answers(app: &TestApp, id: i64) -> Option<String> {
    use app::server::db::milestones::answer;
    answer::Entity::find()
        .filter(answer::Column::InstanceId.eq(id))
        .order_by_desc(answer::Column::Id)
        .one(&app.state.db)
        .await
        .unwrap()
        .map(|a| a.answers)
}

#[tokio::test]
async fn the_schedule_form_refuses_nonsense_field_by_field_and_only_coordinators_reach_it() {
    let app = TestApp::spawn().await;
    let r = running(&app).await;
    let claire = app.coordinator().await;
    scheduler::tick(&app.state, oct(1, 9, 0)).await.unwrap();
    let plans = format!("/coordination/promotions/{}/jalons", r.promotion);
    let list = claire.page(&plans).await;
    assert!(
        list.contains("Bulletin de la semaine") && list.contains("chaque vendredi à 15:00"),
        "{list}"
    );
    let report = template_of(&app, "rapport").await;
    let edit = format!("{plans}/{}", report.id);
    let page = claire.page(&edit).await;
    assert!(page.contains("Rang dans le mois"), "{page}");
    assert_eq!(claire.get(&format!("{plans}/999999")).await.status(), 404);

    // Hosts do not reach the schedule, nor change it.
    assert_eq!(r.hugo.get(&plans).await.status(), 404);
    let (p, id) = (r.promotion.to_string(), report.id.to_string());
    let good = |extra: &[(&'static str, &'static str)]| {
        let mut v: Vec<(String, String)> = vec![
            ("promotion".into(), p.clone()),
            ("modele".into(), id.clone()),
            ("echeance".into(), "mensuel".into()),
            ("rang".into(), "5".into()),
            ("jour".into(), "ven".into()),
            ("heure".into(), "11:00".into()),
            ("ouverture".into(), "5".into()),
            ("alerte".into(), "3".into()),
        ];
        for (k, val) in extra {
            v.retain(|(n, _)| n != k);
            v.push(((*k).into(), (*val).into()));
        }
        v
    };
    r.hugo
        .post_fields(&edit, "/api/modifier-jalon-promotion", &good(&[]))
        .await;
    assert_eq!(
        template_of(&app, "rapport").await,
        report,
        "a host changes nothing"
    );

    // Each refused field is named, and nothing changes.
    for (extra, fields) in [
        (vec![("rang", "")], vec!["rang"]),
        (vec![("echeance", "chaque lune")], vec!["echeance"]),
        (
            vec![("heure", "11h"), ("ouverture", "61")],
            vec!["heure", "ouverture"],
        ),
        (
            vec![("echeance", "apres"), ("nombre", "900")],
            vec!["nombre"],
        ),
    ] {
        let res = claire
            .post_fields(&edit, "/api/modifier-jalon-promotion", &good(&extra))
            .await;
        assert_eq!(error_fields(&location(&res)), fields, "{extra:?}");
        assert_eq!(template_of(&app, "rapport").await, report);
    }
    // The bulletin stays weekly.
    let bulletin = template_of(&app, "bulletin").await;
    let res = claire
        .post_fields(
            &edit,
            "/api/modifier-jalon-promotion",
            &[
                ("promotion".into(), p.clone()),
                ("modele".into(), bulletin.id.to_string()),
                ("echeance".into(), "apres".into()),
                ("nombre".into(), "3".into()),
                ("heure".into(), "15:00".into()),
                ("ouverture".into(), "0".into()),
                ("alerte".into(), "0".into()),
            ],
        )
        .await;
    assert_eq!(error_fields(&location(&res)), ["echeance"]);

    // A good form: the last Friday of each month at 11:00, not public.
    let res = claire
        .post_fields(&edit, "/api/modifier-jalon-promotion", &good(&[]))
        .await;
    assert_eq!(location(&res).path, plans);
    let changed = template_of(&app, "rapport").await;
    assert_eq!(
        (
            changed.rule.as_str(),
            changed.opens_days,
            changed.grace_days
        ),
        ("monthly:5:fri@11:00", 5, 3)
    );
    assert!(!changed.public);
    assert!(app.audited("milestone.plan_changed").await);
    // The promotion lies ahead of today's clock: every report is re-planned.
    let reports = instance::Entity::find()
        .filter(instance::Column::TemplateId.eq(report.id))
        .filter(instance::Column::DefiId.eq(r.web))
        .order_by_asc(instance::Column::DueAt)
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(reports.first().unwrap().due_at, oct(29, 11, 0));
    assert!(
        claire
            .page(&plans)
            .await
            .contains("le dernier vendredi de chaque mois à 11:00")
    );
}
