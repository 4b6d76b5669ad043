//! Coordinators change a promotion's milestone schedule: the form refuses
//! what is not a schedule (each field named, nothing changed), only
//! coordinators reach it, and a change re-plans every team's upcoming
//! unanswered instances while what was answered, waived, moved for one
//! team or already past stays; the scheduler then follows the new days.

use crate::helpers::{TestApp, error_fields, location};
use crate::milestones::{bulletin_of, fill_bulletin, oct, running, to_of};
use app::server::db::formation::placement;
use app::server::db::milestones::{instance, template};
use app::server::service::milestones::{plan, scheduler, submit};
use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};

async fn template_of(app: &TestApp, key: &str) -> template::Model {
    template::Entity::find()
        .filter(template::Column::Key.eq(key))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
}

/// Changes a template's schedule through the service at `now`, from the
/// form's fields.
async fn edit_at(
    app: &TestApp,
    promotion: i64,
    id: i64,
    form: &[(&str, &str)],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<usize, app::model::AppError> {
    let get = |k: &str| {
        form.iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| (*v).to_owned())
    };
    plan::edit(&app.state, &Default::default(), promotion, id, get, now).await
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

    let web1 = bulletin_of(&app, r.web, 1).await;

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
    edit_at(&app, r.promotion, t.id, &form, oct(6, 12, 0))
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
    // Re-planned in place: the same instance (its page, its calendar
    // entry) on its new day.
    assert_eq!(bulletin_of(&app, r.web, 1).await.id, web1.id);
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
        // A monthly report stays monthly.
        (
            vec![("echeance", "apres"), ("nombre", "30")],
            vec!["echeance"],
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

async fn periods(app: &TestApp, key: &str, defi: i64) -> Vec<(i32, chrono::DateTime<chrono::Utc>)> {
    let t = template_of(app, key).await;
    instance::Entity::find()
        .filter(instance::Column::TemplateId.eq(t.id))
        .filter(instance::Column::DefiId.eq(defi))
        .order_by_asc(instance::Column::Seq)
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|i| (i.seq, i.due_at))
        .collect()
}

#[tokio::test]
async fn a_new_day_keeps_every_week_and_month_when_the_promotion_starts_midweek() {
    let app = TestApp::spawn().await;
    let r = running(&app).await;
    // The promotion starts on Wednesday 29 September 2027.
    let start = NaiveDate::from_ymd_opt(2027, 9, 29).unwrap();
    app.update_promotion(r.promotion, |p| p.start_date = Set(start))
        .await;
    for pl in placement::Entity::find().all(&app.state.db).await.unwrap() {
        let mut row = pl.into_active_model();
        row.starts_on = Set(start);
        row.update(&app.state.db).await.unwrap();
    }
    scheduler::tick(&app.state, oct(1, 9, 0)).await.unwrap();
    let (bulletin, plenary) = (
        template_of(&app, "bulletin").await,
        template_of(&app, "pleniere").await,
    );
    // Saturday 16 October: Fridays become Tuesdays at 10:00, the first
    // Tuesday's plenary becomes the last Thursday's.
    let now = oct(16, 12, 0);
    let weekly = vec![
        ("echeance", "hebdo"),
        ("jour", "mar"),
        ("heure", "10:00"),
        ("ouverture", "2"),
        ("alerte", "3"),
        ("public", "on"),
    ];
    edit_at(&app, r.promotion, bulletin.id, &weekly, now)
        .await
        .unwrap();
    let monthly = vec![
        ("echeance", "mensuel"),
        ("rang", "5"),
        ("jour", "jeu"),
        ("heure", "10:00"),
        ("ouverture", "7"),
        ("alerte", "2"),
        ("public", "on"),
    ];
    edit_at(&app, r.promotion, plenary.id, &monthly, now)
        .await
        .unwrap();
    // Weeks 0 to 2 were Fridays (past); week 3 is Tuesday 19 October; no
    // week is skipped nor doubled.
    let weeks = periods(&app, "bulletin", r.web).await;
    let seqs: Vec<i32> = weeks.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        seqs,
        (0..seqs.len() as i32).collect::<Vec<_>>(),
        "{weeks:?}"
    );
    assert_eq!(weeks[2].1, oct(15, 15, 0));
    assert_eq!(weeks[3].1, oct(19, 10, 0));
    assert!(weeks.len() >= 40);
    // The plenary: October's (its first Tuesday, past) stays; November's
    // is its last Thursday (25 November), and so every month after.
    let months = periods(&app, "pleniere", r.web).await;
    let seqs: Vec<i32> = months.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        seqs,
        (1..=seqs.len() as i32).collect::<Vec<_>>(),
        "{months:?}"
    );
    assert_eq!(
        months[1].1,
        app::domain::milestones::rule::paris(
            NaiveDate::from_ymd_opt(2027, 11, 25).unwrap(),
            chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap()
        )
    );
    // A one-off stays one-off, a ritual a ritual: refused, nothing changes.
    let once = vec![
        ("echeance", "apres"),
        ("nombre", "40"),
        ("heure", "10:00"),
        ("ouverture", "2"),
        ("alerte", "3"),
    ];
    assert!(
        edit_at(&app, r.promotion, bulletin.id, &once, now)
            .await
            .is_err()
    );
    assert_eq!(template_of(&app, "bulletin").await.rule, "weekly:tue@10:00");
}

#[tokio::test]
async fn a_day_changed_mid_week_keeps_this_weeks_bulletin_and_its_digest_waits_for_it() {
    let app = TestApp::spawn().await;
    let r = running(&app).await;
    let _claire = app.coordinator().await;
    scheduler::tick(&app.state, oct(1, 9, 0)).await.unwrap();
    let t = template_of(&app, "bulletin").await;
    // Thursday 7 October at 16:00: from now on, Thursdays at 15:00 — this
    // week's Thursday is already past.
    let form = [
        ("echeance", "hebdo"),
        ("jour", "jeu"),
        ("heure", "15:00"),
        ("ouverture", "2"),
        ("alerte", "3"),
    ];
    edit_at(&app, r.promotion, t.id, &form, oct(7, 16, 0))
        .await
        .unwrap();
    for defi in [r.web, r.forest] {
        assert_eq!(
            bulletin_of(&app, defi, 1).await.due_at,
            oct(8, 15, 0),
            "this week's bulletin stays on Friday"
        );
        assert_eq!(bulletin_of(&app, defi, 2).await.due_at, oct(14, 15, 0));
    }
    // The week's digest waits for Friday's bulletins, then goes once.
    app.mail().await;
    let tally = scheduler::tick(&app.state, oct(7, 16, 1)).await.unwrap();
    assert_eq!(tally.digests, 0);
    let tally = scheduler::tick(&app.state, oct(8, 15, 0)).await.unwrap();
    assert_eq!(tally.digests, 1);
    assert_eq!(
        scheduler::tick(&app.state, oct(8, 15, 5))
            .await
            .unwrap()
            .digests,
        0
    );
    // The next week's goes on Thursday.
    assert_eq!(
        scheduler::tick(&app.state, oct(14, 15, 0))
            .await
            .unwrap()
            .digests,
        1
    );
}
