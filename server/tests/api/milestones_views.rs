//! The ten months, continued: who sees the moods, moved and waived
//! milestones and the reminders that follow them, the bulletins' CSV, the
//! calendars.

use crate::helpers::{PASSWORD, TestApp, location};
use crate::milestones::{bulletin_of, fill_bulletin, oct, running, to_of};
use app::domain::milestones::rule::paris;
use app::server::db::milestones::instance;
use app::server::service::milestones::scheduler;
use chrono::{NaiveDate, NaiveTime};
use icalendar::{Calendar, Component};

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

    // Moving a due date needs a reason; then the reminders follow it: the
    // forest team's first bulletin, moved to Monday the 4th at noon.
    let f = bulletin_of(&app, r.forest, 0).await;
    let fpage = format!("/equipes/{}/jalons/{}", r.forest, f.id);
    let (fid, forest) = (f.id.to_string(), r.forest.to_string());
    let res = claire
        .post(
            &fpage,
            "/api/deplacer-jalon",
            &[
                ("defi", &forest),
                ("jalon", &fid),
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
            &fpage,
            "/api/deplacer-jalon",
            &[
                ("defi", &forest),
                ("jalon", &fid),
                ("jour", "2027-10-04"),
                ("heure", "12:00"),
                ("raison", "Séminaire d'équipe vendredi"),
            ],
        )
        .await;
    assert_eq!(location(&res).path, fpage);
    assert_eq!(
        app.row::<instance::Entity>(f.id).await.due_at,
        paris(
            NaiveDate::from_ymd_opt(2027, 10, 4).unwrap(),
            NaiveTime::from_hms_opt(12, 0, 0).unwrap()
        )
    );
    // Someone of another team does not read the reason.
    assert!(!ada_sees_reason(&app, r.forest, f.id).await);
    app.mail().await;
    scheduler::tick(&app.state, oct(1, 10, 0)).await.unwrap();
    assert!(
        to_of(&app.mail().await, "Rappel").is_empty(),
        "not due on Friday any more"
    );
    scheduler::tick(&app.state, oct(4, 10, 0)).await.unwrap();
    assert_eq!(
        to_of(&app.mail().await, "Rappel"),
        vec!["eve@example.fr", "fay@example.fr"]
    );
    // The web team's second bulletin waived: no reminder on the 8th, and
    // none for it after its grace period; the forest team is reminded.
    let w = bulletin_of(&app, r.web, 1).await;
    let wpage = format!("/equipes/{}/jalons/{}", r.web, w.id);
    let res = claire
        .post(
            &wpage,
            "/api/dispenser-jalon",
            &[
                ("defi", &r.web.to_string()),
                ("jalon", &w.id.to_string()),
                ("motif", "Semaine de séminaire"),
            ],
        )
        .await;
    assert_eq!(location(&res).path, wpage);
    scheduler::tick(&app.state, oct(8, 10, 0)).await.unwrap();
    assert_eq!(
        to_of(&app.mail().await, "Rappel"),
        vec!["eve@example.fr", "fay@example.fr"]
    );
    scheduler::tick(&app.state, oct(12, 10, 0)).await.unwrap();
    let mail = app.mail().await;
    assert!(
        to_of(&mail, "En retard : Bulletin de la semaine — Orienter").is_empty(),
        "{mail:?}"
    );
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

/// Whether Ada, of the other team, reads a moved date's reason on the
/// forest team's bulletin page (she may open the page itself).
async fn ada_sees_reason(app: &TestApp, forest: i64, id: i64) -> bool {
    let ada = app.browser();
    ada.sign_in("ada@example.fr", PASSWORD).await;
    let page = ada.page(&format!("/equipes/{forest}/jalons/{id}")).await;
    assert!(page.contains("Bulletin de la semaine"), "{page}");
    page.contains("Séminaire")
}
