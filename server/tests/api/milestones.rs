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
use icalendar::{Calendar, Component};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};

/// Paris time on a day of October 2027.
fn oct(day: u32, h: u32, m: u32) -> DateTime<Utc> {
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
    for p in placement::Entity::find().all(&app.state.db).await.unwrap() {
        let mut row = p.into_active_model();
        row.state = Set("active".into());
        row.update(&app.state.db).await.unwrap();
    }
    app.update_promotion(m.promotion, |p| {
        p.start_date = Set(NaiveDate::from_ymd_opt(2027, 9, 27).unwrap());
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

async fn bulletin_of(app: &TestApp, defi: i64, seq: i32) -> instance::Model {
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

async fn fill_bulletin(app: &TestApp, who: &str, id: i64, at: DateTime<Utc>) {
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

fn to_of(mail: &[app::server::mail::StubMail], subject: &str) -> Vec<String> {
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
        one.text.contains("1 équipes sur 2") || one.text.contains("(1 équipes sur 2)"),
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

    // Down all of Friday 8 October: on Monday the digest missed is sent
    // late, once; the reminders whose moment passed are not.
    let tally = scheduler::tick(&app.state, oct(11, 9, 0)).await.unwrap();
    assert_eq!((tally.digests, tally.reminders), (1, 0), "{tally:?}");
    let mail = app.mail().await;
    assert_eq!(to_of(&mail, "Les bulletins de la semaine").len(), 6);
    assert!(to_of(&mail, "Rappel").is_empty());
    // The forest team's first bulletin, missing past its grace period:
    // coordinators are alerted, once.
    // (The 8th's are still within theirs.)
    assert_eq!(
        to_of(
            &mail,
            "En retard : Bulletin de la semaine — Cartographier les forêts"
        ),
        vec!["claire@example.fr"]
    );
    // And both teams' plenary stand-ups, due on the 5th, two days' grace.
    assert_eq!(to_of(&mail, "En retard : Plénière mensuelle").len(), 2);
    assert_eq!(to_of(&mail, "En retard").len(), 3);
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

#[tokio::test]
async fn moods_stay_with_the_team_and_coordinators_and_dates_move_with_a_reason() {
    let app = TestApp::spawn().await;
    let r = running(&app).await;
    let claire = app.coordinator().await;
    scheduler::tick(&app.state, oct(1, 9, 0)).await.unwrap();
    let b = bulletin_of(&app, r.web, 0).await;
    fill_bulletin(&app, "ada@example.fr", b.id, oct(1, 9, 30)).await;
    let page = format!("/equipes/{}/jalons/{}", r.web, b.id);
    let ada = app.browser();
    ada.sign_in("ada@example.fr", PASSWORD).await;
    assert!(ada.page(&page).await.contains("Humeur de la semaine"));
    assert!(claire.page(&page).await.contains("Humeur de la semaine"));
    let host = r.hugo.page(&page).await;
    assert!(
        host.contains("Tester le parcours") && !host.contains("Humeur de la semaine"),
        "{host}"
    );
    let eve = app.browser();
    eve.sign_in("eve@example.fr", PASSWORD).await;
    let other = eve.page(&format!("/equipes/{}", r.web)).await;
    assert!(
        other.contains("Tester le parcours") && !other.contains("Humeur"),
        "{other}"
    );

    // Moving a due date needs a reason; then the reminders follow it.
    let id = b.id.to_string();
    let defi = r.web.to_string();
    let res = claire
        .post(
            &page,
            "/api/deplacer-jalon",
            &[
                ("defi", &defi),
                ("jalon", &id),
                ("jour", "2027-10-04"),
                ("heure", "12:00"),
                ("raison", ""),
            ],
        )
        .await;
    assert_eq!(
        crate::helpers::error_fields(&location(&res)),
        vec!["raison"]
    );
    let res = claire
        .post(
            &page,
            "/api/deplacer-jalon",
            &[
                ("defi", &defi),
                ("jalon", &id),
                ("jour", "2027-10-04"),
                ("heure", "12:00"),
                ("raison", "Jour férié local"),
            ],
        )
        .await;
    assert_eq!(location(&res).path, page);
    assert_eq!(
        app.row::<instance::Entity>(b.id).await.due_at,
        paris(
            NaiveDate::from_ymd_opt(2027, 10, 4).unwrap(),
            NaiveTime::from_hms_opt(12, 0, 0).unwrap()
        )
    );
    // Waived for the forest team: no reminder, no escalation.
    let f = bulletin_of(&app, r.forest, 0).await;
    let fpage = format!("/equipes/{}/jalons/{}", r.forest, f.id);
    let res = claire
        .post(
            &fpage,
            "/api/dispenser-jalon",
            &[
                ("defi", &r.forest.to_string()),
                ("jalon", &f.id.to_string()),
                ("motif", "Semaine de séminaire"),
            ],
        )
        .await;
    assert_eq!(location(&res).path, fpage);
    app.mail().await;
    scheduler::tick(&app.state, oct(1, 10, 0)).await.unwrap();
    scheduler::tick(&app.state, oct(6, 10, 0)).await.unwrap();
    let mail = app.mail().await;
    assert!(to_of(&mail, "Rappel").is_empty(), "{mail:?}");
    assert!(to_of(&mail, "En retard : Bulletin").is_empty(), "{mail:?}");
    // A filler may not answer a waived milestone.
    let fay = app.browser();
    fay.sign_in("fay@example.fr", PASSWORD).await;
    let res = fay
        .post(
            &fpage,
            "/api/remplir-jalon",
            &[
                ("defi", &r.forest.to_string()),
                ("jalon", &f.id.to_string()),
                ("humeur", "3"),
                ("priorite", "x"),
                ("hauts_bas", "y"),
            ],
        )
        .await;
    assert!(crate::helpers::error_in(&location(&res)).is_some());
    app.assert_audited(&["milestone.moved", "milestone.waived"])
        .await;

    // The CSV export: coordinators only, moods included.
    let csv = claire
        .post(
            &format!("/coordination/promotions/{}/suivi", r.promotion),
            &format!("/coordination/promotions/{}/bulletins.csv", r.promotion),
            &[],
        )
        .await;
    assert_eq!(csv.status(), 200);
    let text = csv.text().await.unwrap();
    assert!(
        text.contains("Tester le parcours avec cinq usagers") && text.contains(",4,"),
        "{text}"
    );
    app.assert_audited(&["bulletins.exported"]).await;
    let refused = ada
        .post(
            "/",
            &format!("/coordination/promotions/{}/bulletins.csv", r.promotion),
            &[],
        )
        .await;
    assert_eq!(refused.status(), 404);
}

#[tokio::test]
async fn the_calendars_gain_the_events_and_each_persons_due_dates() {
    let app = TestApp::spawn().await;
    let r = running(&app).await;
    scheduler::tick(&app.state, oct(1, 9, 0)).await.unwrap();
    let public = app
        .browser()
        .get(&format!("/promotions/{}/calendrier.ics", r.promotion))
        .await
        .text()
        .await
        .unwrap();
    let cal: Calendar = public.parse().unwrap();
    let summaries: Vec<String> = cal
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .filter_map(|e| e.get_summary().map(str::to_owned))
        .collect();
    for what in [
        "Bootcamp",
        "Demo Day",
        "Présentation finale",
        "Plénière mensuelle",
    ] {
        assert!(
            summaries.iter().any(|s| s.contains(what)),
            "{what} in {summaries:?}"
        );
    }
    assert!(public.contains("BEGIN:VTIMEZONE") && public.contains("TZID=Europe/Paris"));
    assert!(!public.contains("Ada"), "the public feed names nobody");
    // Ada's private feed: her team's due dates, with stable UIDs.
    let ada = app.user_id("ada@example.fr").await;
    app::server::service::interviews::feeds::renew(&app.state.db, &Default::default(), ada)
        .await
        .unwrap();
    let token = app::server::service::interviews::feeds::token_of(&app.state.db, ada)
        .await
        .unwrap()
        .unwrap();
    let feed = app
        .browser()
        .get(&format!("/calendrier/{token}.ics"))
        .await
        .text()
        .await
        .unwrap();
    let cal: Calendar = feed.parse().unwrap();
    let events: Vec<_> = cal.components.iter().filter_map(|c| c.as_event()).collect();
    let b = bulletin_of(&app, r.web, 0).await;
    let uid = format!("jalon-{}@cohorte", b.id);
    assert!(
        events.iter().any(|e| e.get_uid() == Some(uid.as_str())),
        "{feed}"
    );
    assert!(
        events.iter().all(|e| !e
            .get_summary()
            .unwrap_or_default()
            .contains("Rapport mensuel")),
        "the host's report is Hugo's, not Ada's"
    );
    let again = app
        .browser()
        .get(&format!("/calendrier/{token}.ics"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(feed, again, "the same feed twice");
}
