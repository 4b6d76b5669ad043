//! The ten months: the Friday bulletin's sequence with an injected clock
//! (reminders at 10:00 and 14:00 only to teams without a bulletin, the
//! 15:00 digest once, two workers racing, a digest missed while down sent
//! late once and a reminder whose moment passed skipped), the host's
//! report at risk alerting coordinators who reply, who sees what, the
//! calendars.

use crate::formation::market;
use crate::helpers::{Browser, PASSWORD, TestApp, location};
use app::domain::milestones::rule::paris;
use app::server::db::formation::{offer, placement};
use app::server::db::milestones::{instance, template};
use app::server::service::formation::{offers::answers, runs};
use app::server::service::milestones::{scheduler, submit};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};

/// Paris time on a day of October 2027.
pub(crate) fn oct(day: u32, h: u32, m: u32) -> DateTime<Utc> {
    paris(
        NaiveDate::from_ymd_opt(2027, 10, day).unwrap(),
        NaiveTime::from_hms_opt(h, m, 0).unwrap(),
    )
}

pub(crate) struct Running {
    pub promotion: i64,
    pub web: i64,
    pub forest: i64,
    pub hugo: Browser,
}

/// A promotion started on Monday 27 September 2027, its two teams under
/// contract: "Orienter les usagers" (Ada, Cleo; Hugo leads its host) and
/// "Cartographier les forêts" (Eve, Fay).
pub(crate) async fn running(app: &TestApp) -> Running {
    let (hugo, _) = app.host().await;
    let m = market(app).await;
    let origin = Default::default();
    runs::run(&app.state.db, &origin, m.promotion)
        .await
        .unwrap();
    let mut t = Utc::now() - Duration::days(2);
    answers::validate(&app.state, &origin, m.promotion, 1, t)
        .await
        .unwrap();
    while let Some(o) = offer::Entity::find()
        .filter(offer::Column::State.eq("open"))
        .order_by_asc(offer::Column::Id)
        .one(&app.state.db)
        .await
        .unwrap()
    {
        t += Duration::minutes(1);
        answers::answer(&app.state, &origin, o.id, true, t)
            .await
            .unwrap();
    }
    let start = NaiveDate::from_ymd_opt(2027, 9, 27).unwrap();
    for p in placement::Entity::find().all(&app.state.db).await.unwrap() {
        let mut row = p.into_active_model();
        row.state = Set("active".into());
        row.starts_on = Set(start);
        row.ends_on = Set(app::domain::placement::end_date(start, 10));
        row.update(&app.state.db).await.unwrap();
    }
    app.update_promotion(m.promotion, |p| {
        p.start_date = Set(start);
        p.duration_months = Set(10);
    })
    .await;
    app.mail().await;
    Running {
        promotion: m.promotion,
        web: m.web,
        forest: m.forest,
        hugo,
    }
}

pub(crate) async fn bulletin_of(app: &TestApp, defi: i64, seq: i32) -> instance::Model {
    let t = template::Entity::find()
        .filter(template::Column::Key.eq("bulletin"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    instance::Entity::find()
        .filter(instance::Column::TemplateId.eq(t.id))
        .filter(instance::Column::DefiId.eq(defi))
        .filter(instance::Column::Seq.eq(seq))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
}

pub(crate) async fn fill_bulletin(app: &TestApp, who: &str, id: i64, at: DateTime<Utc>) {
    let user = app.user_id(who).await;
    let fields = [
        ("humeur", "4"),
        ("priorite", "Tester le parcours avec cinq usagers"),
        ("hauts_bas", "Haut : la démo. Bas : le réseau."),
        ("aide", "Un accès à la base de production"),
    ];
    submit::fill(
        &app.state,
        &Default::default(),
        user,
        id,
        |k| {
            fields
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        },
        |_| Vec::new(),
        at,
    )
    .await
    .unwrap();
}

pub(crate) fn to_of(mail: &[app::server::mail::StubMail], subject: &str) -> Vec<String> {
    let mut to: Vec<String> = mail
        .iter()
        .filter(|m| m.subject.contains(subject))
        .map(|m| m.to.clone())
        .collect();
    to.sort();
    to
}

#[tokio::test]
async fn the_friday_sequence_reminds_the_teams_without_a_bulletin_then_digests_once() {
    let app = TestApp::spawn().await;
    let r = running(&app).await;
    let _claire = app.coordinator().await;

    // Friday 1 October, before 10:00: the instances exist, the milestones
    // already open are announced to who fills them, no reminder yet.
    let tally = scheduler::tick(&app.state, oct(1, 9, 59)).await.unwrap();
    assert!(
        tally.created > 0 && tally.reminders == 0 && tally.digests == 0,
        "{tally:?}"
    );
    let mail = app.mail().await;
    // Hugo leads the host of both défis: both teams' arrival checklists.
    assert_eq!(
        to_of(&mail, "Liste d'arrivée"),
        vec!["hugo@ville.fr", "hugo@ville.fr"]
    );
    assert_eq!(
        to_of(&mail, "Plénière mensuelle"),
        vec![
            "ada@example.fr",
            "cleo@example.fr",
            "eve@example.fr",
            "fay@example.fr"
        ]
    );
    assert!(to_of(&mail, "Rappel").is_empty());
    // The web team fills its bulletin at 09:30 (Ada; the last edit wins).
    let b = bulletin_of(&app, r.web, 0).await;
    assert_eq!(b.due_at, oct(1, 15, 0), "Friday 15:00, Paris time");
    fill_bulletin(&app, "ada@example.fr", b.id, oct(1, 9, 30)).await;

    // 10:00: only the forest team, which has no bulletin, is reminded.
    let tally = scheduler::tick(&app.state, oct(1, 10, 0)).await.unwrap();
    assert_eq!(tally.reminders, 1, "one team");
    let mail = app.mail().await;
    assert_eq!(
        to_of(&mail, "Rappel : le bulletin"),
        vec!["eve@example.fr", "fay@example.fr"]
    );
    // The same moment again, or a minute later: nothing more.
    for t in [oct(1, 10, 0), oct(1, 10, 1), oct(1, 13, 59)] {
        assert_eq!(scheduler::tick(&app.state, t).await.unwrap().reminders, 0);
    }
    assert!(to_of(&app.mail().await, "Rappel").is_empty());

    // 14:00: the second reminder, still to them only.
    scheduler::tick(&app.state, oct(1, 14, 0)).await.unwrap();
    assert_eq!(
        to_of(&app.mail().await, "Rappel : le bulletin"),
        vec!["eve@example.fr", "fay@example.fr"]
    );

    // 15:00: two workers race; the digest goes once to the whole promotion
    // (fellows, the host's lead, coordinators).
    let (a, b2) = tokio::join!(
        scheduler::tick(&app.state, oct(1, 15, 0)),
        scheduler::tick(&app.state, oct(1, 15, 0))
    );
    assert_eq!(a.unwrap().digests + b2.unwrap().digests, 1);
    let mail = app.mail().await;
    let digest = to_of(&mail, "Les bulletins de la semaine");
    assert_eq!(
        digest,
        vec![
            "ada@example.fr",
            "claire@example.fr",
            "cleo@example.fr",
            "eve@example.fr",
            "fay@example.fr",
            "hugo@ville.fr"
        ]
    );
    let one = mail
        .iter()
        .find(|m| m.to == "eve@example.fr" && m.subject.contains("bulletins"))
        .unwrap();
    assert!(
        one.text.contains("Tester le parcours avec cinq usagers"),
        "{}",
        one.text
    );
    assert!(
        one.text.contains("Pas de bulletin cette semaine"),
        "{}",
        one.text
    );
    assert!(
        one.text.contains(&format!("/equipes/{}", r.web)),
        "each block links to its team"
    );
    assert!(
        !one.text.contains("Humeur moyenne"),
        "fewer than five moods: no mean"
    );
    assert!(
        one.text.contains("bulletins remplis : 1 sur 2"),
        "{}",
        one.text
    );
    assert_eq!(
        scheduler::tick(&app.state, oct(1, 15, 30))
            .await
            .unwrap()
            .digests,
        0
    );
    assert!(to_of(&app.mail().await, "bulletins").is_empty());
    app.assert_audited(&[
        "bulletin.reminded",
        "bulletin.digest_sent",
        "milestones.scheduled",
        "milestone.opened",
    ])
    .await;

    // Down on Friday 8 October until 14:30: the 10:00 reminder's moment has
    // passed (not sent late), the 14:00 one goes, once to each fellow.
    let tally = scheduler::tick(&app.state, oct(8, 14, 30)).await.unwrap();
    assert_eq!(tally.reminders, 2, "{tally:?}");
    let mail = app.mail().await;
    assert_eq!(
        to_of(&mail, "Rappel : le bulletin"),
        vec![
            "ada@example.fr",
            "cleo@example.fr",
            "eve@example.fr",
            "fay@example.fr"
        ]
    );
    // What is missing past its grace period alerts coordinators, once:
    // the forest team's first bulletin (3 days), both teams' plenary
    // stand-ups due on the 5th (2 days).
    assert_eq!(
        to_of(
            &mail,
            "En retard : Bulletin de la semaine — Cartographier les forêts"
        ),
        vec!["claire@example.fr"]
    );
    assert_eq!(to_of(&mail, "En retard : Plénière mensuelle").len(), 2);
    assert_eq!(to_of(&mail, "En retard").len(), 3);
    // Down again from 14:31 until Monday: the digest missed is sent late,
    // once; no reminder; nothing new is late (the 8th's bulletins are
    // within their grace period).
    let tally = scheduler::tick(&app.state, oct(11, 9, 0)).await.unwrap();
    assert_eq!((tally.digests, tally.reminders), (1, 0), "{tally:?}");
    let mail = app.mail().await;
    assert_eq!(to_of(&mail, "Les bulletins de la semaine").len(), 6);
    assert!(to_of(&mail, "Rappel").is_empty());
    assert!(to_of(&mail, "En retard").is_empty(), "{mail:?}");
    scheduler::tick(&app.state, oct(11, 9, 1)).await.unwrap();
    assert!(
        app.mail()
            .await
            .iter()
            .all(|m| !m.subject.contains("bulletins") && !m.subject.contains("En retard"))
    );
}

#[tokio::test]
async fn a_report_at_risk_alerts_coordinators_who_reply_in_its_thread() {
    let app = TestApp::spawn().await;
    let r = running(&app).await;
    let claire = app.coordinator().await;
    scheduler::tick(&app.state, oct(1, 9, 0)).await.unwrap();
    app.mail().await;
    let report = instance::Entity::find()
        .filter(instance::Column::DefiId.eq(r.web))
        .filter(
            instance::Column::TemplateId.eq(template::Entity::find()
                .filter(template::Column::Key.eq("rapport"))
                .one(&app.state.db)
                .await
                .unwrap()
                .unwrap()
                .id),
        )
        .order_by_asc(instance::Column::Seq)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    // Due in two days (by the real clock the HTTP posts run on): open.
    let mut row = report.clone().into_active_model();
    row.due_at = Set(Utc::now() + Duration::days(2));
    row.update(&app.state.db).await.unwrap();
    let page = format!("/equipes/{}/jalons/{}", r.web, report.id);
    let id = report.id.to_string();
    let defi = r.web.to_string();

    // A fellow may not file the host's report; a bad post changes nothing.
    let ada_b = app.browser();
    ada_b.sign_in("ada@example.fr", PASSWORD).await;
    let res = ada_b
        .post(
            &page,
            "/api/remplir-jalon",
            &[("defi", &defi), ("jalon", &id), ("statut", "a_risque")],
        )
        .await;
    assert_eq!(
        crate::helpers::error_in(&location(&res)).map(|e| e.to_string()),
        Some("\"NotFound\"".to_owned()),
        "not theirs to fill"
    );
    let res = r
        .hugo
        .post(
            &page,
            "/api/remplir-jalon",
            &[
                ("defi", &defi),
                ("jalon", &id),
                ("statut", "perdu"),
                ("avancement", ""),
            ],
        )
        .await;
    let to = location(&res);
    assert_eq!(to.path, page);
    let fields = crate::helpers::error_fields(&to);
    assert!(
        fields.contains(&"statut".to_owned()) && fields.contains(&"avancement".to_owned()),
        "{fields:?}"
    );
    assert!(
        app.row::<instance::Entity>(report.id)
            .await
            .submitted_at
            .is_none()
    );

    // Hugo files it "at risk": coordinators hear it at once, with the text.
    let res = r
        .hugo
        .post(
            &page,
            "/api/remplir-jalon",
            &[
                ("defi", &defi),
                ("jalon", &id),
                ("statut", "a_risque"),
                ("avancement", "L'accès aux données est refusé."),
                ("suite", "Relancer la DSI."),
            ],
        )
        .await;
    assert_eq!(location(&res).path, page);
    let mail = app.mail().await;
    let alert = mail
        .iter()
        .find(|m| m.subject.contains("Alerte"))
        .expect("an alert");
    assert_eq!(alert.to, "claire@example.fr");
    assert!(
        alert.text.contains("L'accès aux données est refusé."),
        "{}",
        alert.text
    );
    // Filed again with the same status: no second alert.
    r.hugo
        .post(
            &page,
            "/api/remplir-jalon",
            &[
                ("defi", &defi),
                ("jalon", &id),
                ("statut", "a_risque"),
                ("avancement", "Toujours refusé."),
                ("suite", "Relancer."),
            ],
        )
        .await;
    assert!(
        app.mail()
            .await
            .iter()
            .all(|m| !m.subject.contains("Alerte"))
    );
    let dash = claire
        .page(&format!("/coordination/promotions/{}/suivi", r.promotion))
        .await;
    assert!(
        dash.contains("Équipes à risque ou bloquées") && dash.contains("Toujours refusé."),
        "{dash}"
    );
    assert!(dash.contains("À risque"));

    // Claire replies: the team and the host's lead are emailed, the thread
    // shows it to them.
    let res = claire
        .post(
            &page,
            "/api/repondre-rapport",
            &[
                ("defi", &defi),
                ("jalon", &id),
                ("reponse", "Nous appelons la DSI demain."),
            ],
        )
        .await;
    assert_eq!(location(&res).path, format!("{page}#fil"));
    let mail = app.mail().await;
    assert_eq!(
        to_of(&mail, "Nouvelle réponse"),
        vec!["ada@example.fr", "cleo@example.fr", "hugo@ville.fr"]
    );
    let seen = ada_b.page(&page).await;
    assert!(seen.contains("Nous appelons la DSI demain."), "{seen}");
    assert!(seen.contains("Toujours refusé."));
    // An empty reply is refused on its field.
    let res = claire
        .post(
            &page,
            "/api/repondre-rapport",
            &[("defi", &defi), ("jalon", &id), ("reponse", "  ")],
        )
        .await;
    assert_eq!(
        crate::helpers::error_fields(&location(&res)),
        vec!["reponse"]
    );
    app.assert_audited(&["milestone.filled", "milestone.replied"])
        .await;

    // The other team's fellows see neither the report nor the host's
    // contacts; someone outside the promotion sees nothing.
    let eve = app.browser();
    eve.sign_in("eve@example.fr", PASSWORD).await;
    assert_eq!(eve.get(&page).await.status(), 404);
    let team = eve.page(&format!("/equipes/{}", r.web)).await;
    assert!(
        !team.contains("hugo@ville.fr") && !team.contains("ada@example.fr"),
        "{team}"
    );
    let stranger = app
        .verified_user("zoe@example.fr", "Zoé Passante", PASSWORD)
        .await;
    assert_eq!(
        stranger.get(&format!("/equipes/{}", r.web)).await.status(),
        404
    );
    assert_eq!(stranger.get(&page).await.status(), 404);
    assert_eq!(
        ada_b
            .get(&format!("/coordination/promotions/{}/suivi", r.promotion))
            .await
            .status(),
        404
    );
    let _ = r.forest;
}
