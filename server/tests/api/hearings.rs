//! The défi jury of the call for défis: the pool's jurors assigned to the
//! shortlisted défis by the engine (never their own organisation's), the
//! hearings scheduled with notice and sent as iCalendar invitations (the
//! UID stays, SEQUENCE rises, a cancellation is a CANCEL), sheets on the
//! promotion's grid, rankings with a coup de cœur, the tally, and every
//! refusal: another juror's défi, a conflicted juror, a decided défi, a
//! grid in use.

use crate::helpers::{
    Browser, PASSWORD, TestApp, error_fields, location, open_applications, register,
};
use app::domain::defi::{Decision, DefiState};
use app::domain::defi_form::{DefiForm, SlotForm};
use app::server::db::hearings::{juror as panel, slot};
use app::server::mail::transport::StubMail;
use app::server::service::hearings::{grids, schedule, sheets};
use app::server::service::review::jurors;
use chrono::{Duration, Utc};
use icalendar::{Calendar, Component};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

/// A shortlisted défi of `org`.
async fn shortlisted(app: &TestApp, promotion: i64, org: i64, title: &str) -> i64 {
    use app::server::service::defis;
    let form = DefiForm {
        title: title.into(),
        summary: "Résumé.".into(),
        slots: [
            SlotForm {
                profile: "developer".into(),
                mission: "Mission.".into(),
                mandatory: true,
            },
            SlotForm {
                profile: "designer".into(),
                mission: "Mission.".into(),
                mandatory: true,
            },
            SlotForm::default(),
        ],
        ..DefiForm::default()
    };
    defis::import(
        &app.state.db,
        &Default::default(),
        defis::Imported {
            promotion,
            organisation: org,
            form: &form,
            state: DefiState::Shortlisted,
            message: None,
            published: false,
        },
    )
    .await
    .unwrap()
}

/// A juror of `promotion`'s pool, signed in.
async fn juror(app: &TestApp, promotion: i64, email: &str, name: &str) -> Browser {
    let b = app.verified_user(email, name, PASSWORD).await;
    let user = app.user_id(email).await;
    jurors::enrol(
        &app.state.db,
        &Default::default(),
        promotion,
        user,
        &[],
        true,
    )
    .await
    .unwrap();
    b
}

async fn panel_of(app: &TestApp, defi: i64) -> Vec<i64> {
    let mut v: Vec<i64> = panel::Entity::find()
        .filter(panel::Column::DefiId.eq(defi))
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.user_id)
        .collect();
    v.sort_unstable();
    v
}

async fn hearing_slot(app: &TestApp, promotion: i64, hours: i64) -> i64 {
    slot::free(
        promotion,
        Utc::now() + Duration::hours(hours),
        30,
        "Salle des fêtes",
    )
    .insert(&app.state.db)
    .await
    .unwrap()
    .id
}

/// The last invitation to `to` about défi `defi`: (method, uid, sequence,
/// subject).
async fn last_invitation(
    app: &TestApp,
    mail: &mut Vec<StubMail>,
    to: &str,
    defi: i64,
) -> (String, String, u32, String) {
    mail.extend(app.mail().await);
    let marker = format!("UID:audition-{defi}-");
    let m = mail
        .iter()
        .rev()
        .find(|m| m.to.contains(to) && m.calendar.as_ref().is_some_and(|c| c.contains(&marker)))
        .unwrap_or_else(|| panic!("an invitation to {to} about {defi}"));
    let text = m.calendar.clone().unwrap();
    let cal: Calendar = text.parse().expect("the invitation parses");
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris"));
    let method = cal
        .properties
        .iter()
        .find(|p| p.key() == "METHOD")
        .map(|p| p.value().to_owned())
        .unwrap_or_default();
    let e = cal
        .components
        .iter()
        .find_map(|c| c.as_event())
        .expect("one event");
    (
        method,
        e.get_uid().unwrap().to_owned(),
        e.get_sequence().unwrap_or(0),
        m.subject.clone(),
    )
}

fn sheet_fields(
    defi: i64,
    marks: [&'static str; 5],
    opinion: &'static str,
) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = marks
        .iter()
        .enumerate()
        .map(|(i, m)| (format!("note_{}", i + 1), (*m).to_owned()))
        .collect();
    v.push(("defi".into(), defi.to_string()));
    v.push(("avis".into(), opinion.into()));
    v.push(("intent".into(), "submit".into()));
    v
}

async fn post(b: &Browser, action: &str, fields: &[(String, String)]) -> crate::helpers::Landing {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    location(&b.post("/jury", action, &pairs).await)
}

#[tokio::test]
async fn the_defi_jury_hears_scores_and_ranks_and_the_tally_informs_the_decisions() {
    let app = TestApp::spawn().await;
    let promotion = open_applications(&app, "EIG 9 — 2029").await;
    let claire = app.coordinator().await;
    let (hugo, ville) = app.host_of("Ville de Belleforêt").await;
    let ines = app
        .verified_user("ines@region.fr", "Inès Région", PASSWORD)
        .await;
    let region = register(&ines, "Région Sud").await;
    let orienter = shortlisted(&app, promotion, ville, "Orienter les usagers").await;
    let forets = shortlisted(&app, promotion, region, "Cartographier les forêts").await;
    let eau = shortlisted(&app, promotion, region, "Mesurer l'eau").await;
    let p = promotion.to_string();
    let mut sent = Vec::new();

    // The grid changes while no sheet exists; a bad row names its field.
    let res = claire
        .post(
            "/coordination",
            "/api/grille-jury",
            &[
                ("promotion", &p),
                ("grille", "defi"),
                ("lignes", "2"),
                ("critere_0_nom", "Impact"),
                ("critere_0_min", "1"),
                ("critere_0_max", "4"),
                ("critere_1_nom", "Équipe"),
                ("critere_1_min", "4"),
                ("critere_1_max", "1"),
            ],
        )
        .await;
    assert_eq!(error_fields(&location(&res)), vec!["critere_1_max"]);
    let default = grids::grid_of(&app.state.db, promotion, grids::GridKind::Defi)
        .await
        .unwrap();
    assert_eq!(default.len(), 5, "unchanged: the default of DESIGN §8");

    // Three jurors; Hugo, the lead of the Ville, is one of them.
    let rose = juror(&app, promotion, "rose@example.fr", "Rose Experte").await;
    let marc = juror(&app, promotion, "marc@example.fr", "Marc Expert").await;
    jurors::enrol(
        &app.state.db,
        &Default::default(),
        promotion,
        app.user_id("hugo@ville.fr").await,
        &[],
        true,
    )
    .await
    .unwrap();
    let (rose_id, marc_id, hugo_id) = (
        app.user_id("rose@example.fr").await,
        app.user_id("marc@example.fr").await,
        app.user_id("hugo@ville.fr").await,
    );

    // Marc reads Cohorte in English.
    let mut m: app::server::db::user::ActiveModel = app
        .row::<app::server::db::user::Entity>(marc_id)
        .await
        .into();
    m.locale = Set("en".into());
    m.update(&app.state.db).await.unwrap();

    // Only coordinators see the page.
    assert_eq!(
        claire
            .get(&format!("/coordination/promotions/{promotion}/auditions"))
            .await
            .status(),
        200
    );
    assert_eq!(
        rose.get(&format!("/coordination/promotions/{promotion}/auditions"))
            .await
            .status(),
        404
    );

    // Two jurors per défi; Hugo never hears his own Ville's défi. A plan
    // that is not the one shown is refused.
    let res = claire
        .post(
            "/coordination",
            "/api/affecter-auditions",
            &[("promotion", &p), ("par_defi", "2"), ("empreinte", "autre")],
        )
        .await;
    assert_eq!(
        location(&res).error,
        Some(serde_json::json!({"Refused": "PlanChanged"}))
    );
    let shown = app::server::service::hearings::assign::plan(
        &app.state.db,
        promotion,
        2,
        app::i18n::Locale::Fr,
    )
    .await
    .unwrap();
    let res = claire
        .post(
            "/coordination",
            "/api/affecter-auditions",
            &[
                ("promotion", &p),
                ("par_defi", "2"),
                ("empreinte", &shown.fingerprint),
            ],
        )
        .await;
    assert!(location(&res).error.is_none(), "{:?}", location(&res).error);
    for d in [orienter, forets, eau] {
        assert_eq!(panel_of(&app, d).await.len(), 2, "défi {d}");
    }
    let mut heard = panel_of(&app, orienter).await;
    heard.sort_unstable();
    let mut expected = vec![rose_id, marc_id];
    expected.sort_unstable();
    assert_eq!(heard, expected);
    app.assert_audited(&["hearings.assigned"]).await;

    // Slots: a bad one refused by field; one too soon (notice) is skipped.
    let res = claire
        .post(
            "/coordination",
            "/api/creneau-audition",
            &[
                ("promotion", &p),
                ("debut", "demain"),
                ("duree", "5"),
                ("lieu", ""),
            ],
        )
        .await;
    assert_eq!(
        error_fields(&location(&res)),
        vec!["debut", "duree", "lieu"]
    );
    let start = app::domain::promotion::paris_input_value(Utc::now() + Duration::days(20));
    let res = claire
        .post(
            "/coordination",
            "/api/creneau-audition",
            &[
                ("promotion", &p),
                ("debut", &start),
                ("duree", "30"),
                ("lieu", "Salle 1"),
            ],
        )
        .await;
    assert!(location(&res).error.is_none());
    let soon = hearing_slot(&app, promotion, 26).await;
    hearing_slot(&app, promotion, 24 * 21).await;
    hearing_slot(&app, promotion, 24 * 22).await;

    let plan = schedule::preview(&app.state.db, promotion, 5)
        .await
        .unwrap();
    assert_eq!(plan.placed.len(), 3);
    // A stale preview is refused, and nothing changes.
    let res = claire
        .post(
            "/coordination",
            "/api/appliquer-auditions",
            &[
                ("promotion", &p),
                ("preavis", "5"),
                ("empreinte", "ancienne"),
            ],
        )
        .await;
    assert_eq!(
        location(&res).error,
        Some(serde_json::json!({"Refused": "PlanChanged"}))
    );
    let res = claire
        .post(
            "/coordination",
            "/api/appliquer-auditions",
            &[
                ("promotion", &p),
                ("preavis", "5"),
                ("empreinte", &plan.fingerprint),
            ],
        )
        .await;
    assert!(location(&res).error.is_none());
    assert!(
        app.row::<slot::Entity>(soon).await.defi_id.is_none(),
        "notice"
    );
    let held = slot::Entity::find()
        .filter(slot::Column::DefiId.eq(orienter))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    // The host and the défi's jurors are invited; Marc, who hears it, too.
    let (method, uid, seq, subject) =
        last_invitation(&app, &mut sent, "hugo@ville.fr", orienter).await;
    assert_eq!(method, "REQUEST");
    assert_eq!(uid, format!("audition-{orienter}-{}-0@cohorte", held.id));
    assert_eq!(seq, 1);
    assert!(subject.starts_with("Audition du défi"), "{subject}");
    // The event's title is in each reader's language.
    let ics_to = |to: &str| {
        let marker = format!("UID:audition-{orienter}-");
        sent.iter()
            .rev()
            .filter_map(|m| m.calendar.clone().filter(|_| m.to.contains(to)))
            .find(|c| c.contains(&marker))
            .unwrap()
            .replace("\r\n ", "")
    };
    let hugo_ics = ics_to("hugo@ville.fr");
    assert!(hugo_ics.contains("SUMMARY:Audition Cohorte : Orienter les usagers"));
    let marc_ics = ics_to("marc@example.fr");
    let (_, marc_uid, _, _) = last_invitation(&app, &mut sent, "marc@example.fr", orienter).await;
    assert_eq!(marc_uid, uid, "one event, the same for everyone");
    assert!(
        marc_ics.contains("SUMMARY:Cohorte hearing: Orienter les usagers"),
        "{marc_ics}"
    );
    app.assert_audited(&["hearings.scheduled"]).await;

    // A held slot cannot be deleted; cancelling sends a CANCEL, same UID.
    let res = claire
        .post(
            "/coordination",
            "/api/supprimer-creneau-audition",
            &[("promotion", &p), ("creneau", &held.id.to_string())],
        )
        .await;
    assert_eq!(
        location(&res).error,
        Some(serde_json::json!({"Refused": "HearingSlotHeld"}))
    );
    let res = claire
        .post(
            "/coordination",
            "/api/supprimer-creneau-audition",
            &[
                ("promotion", &p),
                ("creneau", &held.id.to_string()),
                ("intent", "annuler"),
            ],
        )
        .await;
    assert!(location(&res).error.is_none());
    let (method, uid2, seq, _) = last_invitation(&app, &mut sent, "hugo@ville.fr", orienter).await;
    assert_eq!(
        (method.as_str(), uid2.as_str(), seq),
        ("CANCEL", uid.as_str(), 2)
    );
    // Scheduled again in the same slot: a new UID (calendars keep a
    // cancelled event cancelled).
    let plan = schedule::preview(&app.state.db, promotion, 5)
        .await
        .unwrap();
    schedule::apply(
        &app.state,
        &Default::default(),
        promotion,
        5,
        &plan.fingerprint,
    )
    .await
    .unwrap();
    let (method, uid3, _, _) = last_invitation(&app, &mut sent, "hugo@ville.fr", orienter).await;
    assert_eq!(method, "REQUEST");
    assert_ne!(uid3, uid);

    // Hugo's private feed lists his défi's hearing (as its host) and the
    // two he hears; the public feed shows the jury's day, no names.
    use app::server::service::interviews::feeds;
    feeds::renew(&app.state.db, &Default::default(), hugo_id)
        .await
        .unwrap();
    let token = feeds::token_of(&app.state.db, hugo_id)
        .await
        .unwrap()
        .unwrap();
    let text = app
        .browser()
        .get(&format!("/calendrier/{token}.ics"))
        .await
        .text()
        .await
        .unwrap();
    let cal: Calendar = text.parse().expect("the feed parses");
    let uids: Vec<String> = cal
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .map(|e| e.get_uid().unwrap().to_owned())
        .collect();
    assert_eq!(uids.len(), 3, "{uids:?}");
    assert!(uids.contains(&uid3));
    let public = app
        .browser()
        .get(&format!("/promotions/{promotion}/calendrier.ics"))
        .await
        .text()
        .await
        .unwrap();
    assert!(public.contains("jury des défis"));
    assert!(!public.contains("Orienter les usagers"));

    // The reminder the day before goes once.
    let hearing_day = app.row::<slot::Entity>(held.id).await.starts_at;
    let eve = hearing_day - Duration::hours(20);
    assert_eq!(schedule::remind(&app.state, eve).await.unwrap(), 1);
    assert_eq!(schedule::remind(&app.state, eve).await.unwrap(), 0);
    let (method, _, _, subject) = last_invitation(&app, &mut sent, "hugo@ville.fr", orienter).await;
    assert_eq!(method, "REQUEST");
    assert!(subject.starts_with("Rappel : audition demain"), "{subject}");

    // Sheets: Hugo (the Ville's lead) and a juror who does not hear the
    // défi get "not found"; Rose reads it and scores it.
    let sheet_page = format!("/jury/auditions/defis/{orienter}");
    assert_eq!(hugo.get(&sheet_page).await.status(), 404);
    let rose_defis: Vec<i64> = sheets::mine(&app.state.db, promotion, rose_id)
        .await
        .unwrap()
        .defis
        .iter()
        .map(|d| d.defi_id)
        .collect();
    let not_rose = [forets, eau]
        .into_iter()
        .find(|d| !rose_defis.contains(d))
        .expect("Rose hears two of the three défis");
    assert_eq!(
        rose.get(&format!("/jury/auditions/defis/{not_rose}"))
            .await
            .status(),
        404
    );
    assert_eq!(rose.get(&sheet_page).await.status(), 200);
    let to = post(
        &hugo,
        "/api/grille-defi",
        &sheet_fields(orienter, ["4"; 5], "favorable"),
    )
    .await;
    assert_eq!(to.error, Some(serde_json::json!("NotFound")));

    // A submission needs the opinion, a mark on the scale.
    let to = post(
        &rose,
        "/api/grille-defi",
        &sheet_fields(orienter, ["4", "4", "0", "3", "3"], ""),
    )
    .await;
    assert_eq!(error_fields(&to), vec!["note_3", "avis"]);
    let to = post(
        &rose,
        "/api/grille-defi",
        &sheet_fields(orienter, ["4", "4", "4", "3", "3"], "favorable"),
    )
    .await;
    assert!(to.error.is_none(), "{:?}", to.error);
    app.assert_audited(&["hearing.sheet_submitted"]).await;

    // The grid no longer changes.
    let res = claire
        .post(
            "/coordination",
            "/api/grille-jury",
            &[
                ("promotion", &p),
                ("grille", "defi"),
                ("lignes", "1"),
                ("critere_0_nom", "Impact"),
                ("critere_0_min", "1"),
                ("critere_0_max", "4"),
            ],
        )
        .await;
    assert_eq!(
        location(&res).error,
        Some(serde_json::json!({"Refused": "GridInUse"}))
    );

    // Ranking waits for every sheet of the juror, then refuses ties.
    assert_eq!(
        rose_defis.len(),
        2,
        "three défis, two jurors each, three jurors, Hugo not on his own"
    );
    let rank_fields = |ranks: &[(i64, &str)], coup: &str| {
        let mut v: Vec<(String, String)> = ranks
            .iter()
            .map(|(d, r)| (format!("rang_{d}"), (*r).to_owned()))
            .collect();
        v.push(("promotion".into(), p.clone()));
        v.push(("coup_de_coeur".into(), coup.into()));
        v
    };
    let other = rose_defis.iter().copied().find(|d| *d != orienter).unwrap();
    let to = post(
        &rose,
        "/api/classer-auditions",
        &rank_fields(&[(orienter, "1"), (other, "2")], "aucun"),
    )
    .await;
    assert_eq!(
        to.error,
        Some(serde_json::json!({"Refused": "RankBeforeSheets"}))
    );
    let to = post(
        &rose,
        "/api/grille-defi",
        &sheet_fields(other, ["2", "2", "2", "2", "1"], "defavorable"),
    )
    .await;
    assert!(to.error.is_none());
    let to = post(
        &rose,
        "/api/classer-auditions",
        &rank_fields(&[(orienter, "1"), (other, "1")], "aucun"),
    )
    .await;
    // Both ties named, in the order of the form (the hearings' order).
    let mut tied = error_fields(&to);
    tied.sort();
    let mut expected = vec![format!("rang_{orienter}"), format!("rang_{other}")];
    expected.sort();
    assert_eq!(tied, expected);
    let to = post(
        &rose,
        "/api/classer-auditions",
        &rank_fields(&[(orienter, "2"), (other, "1")], &orienter.to_string()),
    )
    .await;
    assert!(to.error.is_none(), "{:?}", to.error);

    // Marc scores the Ville's défi too; the tally reads both.
    let to = post(
        &marc,
        "/api/grille-defi",
        &sheet_fields(orienter, ["3", "3", "3", "3", "2"], "defavorable"),
    )
    .await;
    assert!(to.error.is_none());
    let tally = sheets::tally(&app.state.db, promotion).await.unwrap();
    let row = tally.iter().find(|t| t.defi_id == orienter).unwrap();
    assert_eq!((row.sheets, row.assigned), (2, 2));
    assert_eq!(row.mean, Some(16.0));
    assert_eq!(row.spread, Some(4));
    assert_eq!((row.favourable, row.unfavourable, row.coups), (1, 1, 1));
    assert_eq!(row.mean_rank, Some(2.0));
    assert_eq!(tally[0].defi_id, orienter, "best mean first");
    let page = claire
        .page(&format!("/coordination/promotions/{promotion}/auditions"))
        .await;
    assert!(page.contains("16,0 (écart 4)"), "the tally on the page");

    // Taking Marc off a défi sends him the CANCEL of its hearing.
    let marc_defi = sheets::mine(&app.state.db, promotion, marc_id)
        .await
        .unwrap()
        .defis
        .iter()
        .find(|d| d.hearing.is_some() && d.defi_id != orienter)
        .map(|d| d.defi_id)
        .unwrap();
    let res = claire
        .post(
            "/coordination",
            "/api/retirer-jure-audition",
            &[
                ("promotion", &p),
                ("defi", &marc_defi.to_string()),
                ("jure", &marc_id.to_string()),
            ],
        )
        .await;
    assert!(location(&res).error.is_none());
    assert!(!panel_of(&app, marc_defi).await.contains(&marc_id));
    let (method, _, _, _) = last_invitation(&app, &mut sent, "marc@example.fr", marc_defi).await;
    assert_eq!(method, "CANCEL");
    assert_eq!(
        marc.get(&format!("/jury/auditions/defis/{marc_defi}"))
            .await
            .status(),
        404
    );

    // Once decided, the défi's sheets are frozen.
    app::server::service::defis::decide(
        &app.state,
        &Default::default(),
        orienter,
        Decision::Select,
        "Bravo.",
    )
    .await
    .unwrap();
    let to = post(
        &rose,
        "/api/grille-defi",
        &sheet_fields(orienter, ["1"; 5], "defavorable"),
    )
    .await;
    assert_eq!(
        to.error,
        Some(serde_json::json!({"Refused": "HearingClosed"}))
    );
    assert_eq!(rose.get(&sheet_page).await.status(), 200, "still readable");

    // Her ranking now covers what is still open; the decided défi keeps
    // its rank and coup de cœur.
    // Her coup de cœur went to the decided défi: it stays, no second one.
    let to = post(
        &rose,
        "/api/classer-auditions",
        &rank_fields(&[(other, "1")], &other.to_string()),
    )
    .await;
    assert_eq!(error_fields(&to), vec!["coup_de_coeur"]);
    let to = post(
        &rose,
        "/api/classer-auditions",
        &rank_fields(&[(other, "1")], "aucun"),
    )
    .await;
    assert!(to.error.is_none(), "{:?}", to.error);
    let mine = sheets::mine(&app.state.db, promotion, rose_id)
        .await
        .unwrap();
    let of = |d: i64| mine.defis.iter().find(|x| x.defi_id == d).unwrap().clone();
    // The open one takes the rank the decided one does not hold.
    assert_eq!((of(orienter).rank, of(orienter).coup), (Some(2), true));
    assert_eq!((of(other).rank, of(other).coup), (Some(1), false));

    // Marc, who sent his sheet on the Ville's défi, stays on it; out of
    // the pool, he reads nothing more, and his opinion still counts.
    let res = claire
        .post(
            "/coordination",
            "/api/retirer-jure-audition",
            &[
                ("promotion", &p),
                ("defi", &orienter.to_string()),
                ("jure", &marc_id.to_string()),
            ],
        )
        .await;
    assert!(location(&res).error.is_some());
    let marc_juror = app::server::service::review::juror_of(&app.state.db, promotion, marc_id)
        .await
        .unwrap()
        .unwrap();
    jurors::remove(&app.state, &Default::default(), promotion, marc_juror.id)
        .await
        .unwrap();
    assert_eq!(marc.get(&sheet_page).await.status(), 404);
    let tally = sheets::tally(&app.state.db, promotion).await.unwrap();
    let row = tally.iter().find(|t| t.defi_id == orienter).unwrap();
    assert_eq!((row.sheets, row.mean), (2, Some(16.0)));

    // A défi rejected before its hearing: the hearing is cancelled.
    let rejected = [forets, eau].into_iter().find(|d| *d != marc_defi).unwrap();
    app::server::service::defis::decide(
        &app.state,
        &Default::default(),
        rejected,
        Decision::Reject,
        "Merci.",
    )
    .await
    .unwrap();
    let (method, _, _, _) = last_invitation(&app, &mut sent, "ines@region.fr", rejected).await;
    assert_eq!(method, "CANCEL");
    assert!(
        slot::Entity::find()
            .filter(slot::Column::DefiId.eq(rejected))
            .one(&app.state.db)
            .await
            .unwrap()
            .is_none()
    );
}

/// `make run` seeds the demo each time: a second run changes nothing and
/// says so (it used to fail on the accounts already there); the demo
/// holds a défi jury already held (sheets and ranks beside the
/// decisions) and one to come (hearings scheduled, invitations queued).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_seeds_twice_and_shows_a_defi_jury_held_and_one_to_come() {
    use app::server::db::promotion;
    let app = TestApp::spawn().await;
    let extra = || server::seed::Extra {
        applicants: 0,
        bench_drafts: 0,
        data_dir: app.data_dir.clone(),
    };
    server::seed::run(&app.state.db, &app.base, extra())
        .await
        .unwrap();
    server::seed::run(&app.state.db, &app.base, extra())
        .await
        .expect("a second run changes nothing");
    let id_of = |name: String| {
        let db = app.state.db.clone();
        async move {
            promotion::Entity::find()
                .filter(promotion::Column::Name.eq(name))
                .one(&db)
                .await
                .unwrap()
                .unwrap()
                .id
        }
    };
    let demo = id_of(server::seed::demo_promotion().name).await;
    let next = id_of(server::seed::next_promotion().name).await;
    let held = sheets::tally(&app.state.db, demo).await.unwrap();
    assert!(!held.is_empty());
    assert!(held.iter().all(|t| t.sheets == 2 && t.mean_rank.is_some()));
    assert!(held.iter().any(|t| t.coups > 0));
    let to_come = sheets::tally(&app.state.db, next).await.unwrap();
    assert_eq!(to_come.len(), 3);
    assert!(
        to_come
            .iter()
            .all(|t| t.hearing.is_some() && t.assigned == 2 && t.sheets == 0)
    );
    let queued = app::server::db::outbox_message::Entity::find()
        .filter(app::server::db::outbox_message::Column::Template.eq("hearing"))
        .all(&app.state.db)
        .await
        .unwrap();
    assert!(
        !queued.is_empty(),
        "the hearings' invitations wait in the outbox"
    );
}

/// A juror taken out of the pool gets the CANCEL of each hearing to come
/// they were to attend, with a higher SEQUENCE than the invitation.
#[tokio::test]
async fn a_juror_out_of_the_pool_gets_the_cancellations() {
    let app = TestApp::spawn().await;
    let promotion = open_applications(&app, "EIG 9 — 2029").await;
    let (_hugo, ville) = app.host_of("Ville de Belleforêt").await;
    let defi = shortlisted(&app, promotion, ville, "Orienter les usagers").await;
    let _rose = juror(&app, promotion, "rose@example.fr", "Rose Experte").await;
    let state = &app.state;
    let origin = Default::default();
    let plan = app::server::service::hearings::assign::plan(
        &state.db,
        promotion,
        1,
        app::i18n::Locale::Fr,
    )
    .await
    .unwrap();
    app::server::service::hearings::assign::apply(state, &origin, promotion, 1, &plan.fingerprint)
        .await
        .unwrap();
    hearing_slot(&app, promotion, 24 * 20).await;
    let run = schedule::preview(&state.db, promotion, 5).await.unwrap();
    schedule::apply(state, &origin, promotion, 5, &run.fingerprint)
        .await
        .unwrap();
    let mut sent = Vec::new();
    let (method, uid, seq, _) = last_invitation(&app, &mut sent, "rose@example.fr", defi).await;
    assert_eq!(method, "REQUEST");
    let rose_id = app.user_id("rose@example.fr").await;
    let juror_row = app::server::service::review::juror_of(&state.db, promotion, rose_id)
        .await
        .unwrap()
        .unwrap();
    jurors::remove(state, &origin, promotion, juror_row.id)
        .await
        .unwrap();
    let (method, uid2, seq2, _) = last_invitation(&app, &mut sent, "rose@example.fr", defi).await;
    assert_eq!((method.as_str(), uid2.as_str()), ("CANCEL", uid.as_str()));
    assert!(seq2 > seq);
}
