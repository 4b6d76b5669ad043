//! Interviews and jury rankings: candidates proposed to juries, slots
//! booked once even under concurrency, iCalendar invitations (parsed: the
//! UID stays, SEQUENCE rises, a cancellation is a CANCEL), the scheduling
//! run's notice and its preview, scores, ranked lists (ties, unacceptable
//! candidates and the quorum refused), conflicts respected, and the
//! matching input that the engine runs.

use crate::helpers::{Msg, PASSWORD, TestApp, error_fields, location, open_call};
use crate::review::dossier;
use app::domain::application::ApplicationState;
use app::server::db::interviews::{interview, slot};
use app::server::db::{application, application_choice};
use app::server::policy::Actor;
use app::server::service::interviews::{booking, export, lists, slots};
use chrono::{Duration, Utc};
use icalendar::{Calendar, Component};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

/// A shortlisted dossier (with an account) that ranked `defis` in order.
pub(crate) async fn candidate(
    app: &TestApp,
    promotion: i64,
    first: &str,
    profile: &str,
    defis: &[i64],
) -> i64 {
    let email = format!("{}@example.fr", first.to_lowercase());
    app.verified_user(&email, &format!("{first} Candidat"), PASSWORD)
        .await;
    let user = app.user_id(&email).await;
    let id = dossier(
        app,
        promotion,
        (first, "Candidat", &email),
        profile,
        Some(user),
    )
    .await;
    let mut a: application::ActiveModel = app.row::<application::Entity>(id).await.into();
    a.state = Set(ApplicationState::Shortlisted.code().into());
    a.update(&app.state.db).await.unwrap();
    for (rank, d) in defis.iter().enumerate() {
        application_choice::ActiveModel {
            application_id: Set(id),
            rank: Set(rank as i32 + 1),
            defi_id: Set(*d),
            ..Default::default()
        }
        .insert(&app.state.db)
        .await
        .unwrap();
    }
    id
}

/// A form post refused as "not found" (what a browser sees: back with it).
fn assert_not_found(res: &reqwest::Response) {
    let to = location(res);
    assert!(
        res.status() == 404 || to.error == Some(serde_json::json!("NotFound")),
        "{} {:?}",
        res.status(),
        to.error
    );
}

async fn actor(app: &TestApp, email: &str) -> Actor {
    let id = app.user_id(email).await;
    Actor::Person(
        app::server::service::users::viewer(&app.state.db, id)
            .await
            .unwrap()
            .unwrap(),
    )
}

/// A slot written directly (`hours` from now, past ones included).
async fn slot_at(app: &TestApp, defi: i64, hours: i64, quorum: i32) -> i64 {
    slot::ActiveModel {
        defi_id: Set(defi),
        starts_at: Set(Utc::now() + Duration::hours(hours)),
        duration_minutes: Set(45),
        place: Set("Salle 12, hôtel de ville".into()),
        quorum: Set(quorum),
        application_id: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .unwrap()
    .id
}

async fn interview_of(app: &TestApp, defi: i64, application: i64) -> interview::Model {
    interview::Entity::find()
        .filter(interview::Column::DefiId.eq(defi))
        .filter(interview::Column::ApplicationId.eq(application))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
}

/// The VEVENT of the last invitation sent to `to`: (method, uid, sequence).
async fn last_invitation(app: &TestApp, to: &str) -> (String, String, u32, String) {
    let mail = app.mail().await;
    let m = mail
        .iter()
        .rev()
        .find(|m| m.to.contains(to) && m.calendar.is_some())
        .expect("an invitation");
    let text = m.calendar.clone().unwrap();
    let cal: Calendar = text.parse().expect("the invitation parses");
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
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris"));
    (
        method,
        e.get_uid().unwrap().to_owned(),
        e.get_sequence().unwrap_or(0),
        m.subject.clone(),
    )
}

#[tokio::test]
async fn a_slot_is_booked_once_and_every_change_updates_the_same_invitation() {
    let app = TestApp::spawn().await;
    let (promotion, web, forest) = open_call(&app).await;
    let claire = app.coordinator().await;
    let ada = candidate(&app, promotion, "Ada", "developer", &[web, forest]).await;
    let grace = candidate(&app, promotion, "Grace", "developer", &[web]).await;
    // A geomatician who ranked only the forests is not proposed to the web jury.
    let gil = candidate(&app, promotion, "Gil", "geomatician", &[forest, web]).await;

    let res = claire
        .post(
            "/coordination",
            "/api/proposer-entretiens",
            &[("promotion", &promotion.to_string())],
        )
        .await;
    assert!(location(&res).error.is_none());
    let web_jury: Vec<i64> = app::server::service::interviews::interviews_of(&app.state.db, web)
        .await
        .unwrap()
        .iter()
        .map(|i| i.application_id)
        .collect();
    assert_eq!(web_jury, vec![ada, grace]);
    // Ada's developer profile is not one the forest défi asks for.
    let forest_jury: Vec<i64> =
        app::server::service::interviews::interviews_of(&app.state.db, forest)
            .await
            .unwrap()
            .iter()
            .map(|i| i.application_id)
            .collect();
    assert_eq!(forest_jury, vec![gil]);
    app.assert_audited(&["interviews.proposed"]).await;

    // A slot in the past is refused with its field; good ones are added.
    let past = app::domain::promotion::paris_input_value(Utc::now() - Duration::hours(2));
    let res = claire
        .post(
            "/jury",
            "/api/creneau",
            &[
                ("defi", &web.to_string()),
                ("debut", &past),
                ("duree", "45"),
                ("lieu", ""),
                ("quorum", "0"),
            ],
        )
        .await;
    assert_eq!(
        error_fields(&location(&res)),
        vec!["debut", "lieu", "quorum"]
    );
    let first = slot_at(&app, web, 24 * 10, 1).await;
    let second = slot_at(&app, web, 24 * 11, 1).await;

    // Booking opens once the jury offers three slots at least.
    let origin = Default::default();
    let ada_i = interview_of(&app, web, ada).await.id;
    let grace_i = interview_of(&app, web, grace).await.id;
    let ada_user = app.user_id("ada@example.fr").await;
    let grace_user = app.user_id("grace@example.fr").await;
    let early = booking::book(&app.state, &origin, ada_user, ada_i, first).await;
    assert!(
        matches!(early, Err(app::model::AppError::Refused(m)) if m == Msg::BookingNotOpen),
        "{early:?}"
    );
    slot_at(&app, web, 24 * 14, 1).await;

    // Two candidates book the same slot at the same moment: one gets it.
    let (a, g) = tokio::join!(
        booking::book(&app.state, &origin, ada_user, ada_i, first),
        booking::book(&app.state, &origin, grace_user, grace_i, first),
    );
    assert_eq!(
        [a.is_ok(), g.is_ok()].iter().filter(|x| **x).count(),
        1,
        "{a:?} {g:?}"
    );
    let holder = app.row::<slot::Entity>(first).await.application_id.unwrap();
    let (winner, loser_user, loser_i) = if holder == ada {
        ("ada@example.fr", grace_user, grace_i)
    } else {
        ("grace@example.fr", ada_user, ada_i)
    };
    // The other books the next slot.
    booking::book(&app.state, &origin, loser_user, loser_i, second)
        .await
        .unwrap();

    let (method, uid, seq, _) = last_invitation(&app, winner).await;
    assert_eq!((method.as_str(), seq), ("REQUEST", 0));
    assert_eq!(uid, format!("entretien-{web}-{holder}@cohorte"));

    // Someone else's interview is not found; a taken slot is refused.
    let winner_user = app.user_id(winner).await;
    let err = booking::book(&app.state, &origin, winner_user, loser_i, first).await;
    assert!(matches!(err, Err(app::model::AppError::NotFound)));

    // Moving it (through HTTP, as a browser): same UID, SEQUENCE 1.
    let third = slot_at(&app, web, 24 * 12, 1).await;
    let b = app.browser();
    b.sign_in(winner, PASSWORD).await;
    let winner_i = interview_of(&app, web, holder).await.id;
    let res = b
        .post(
            "/espace/entretiens",
            "/api/reserver-entretien",
            &[
                ("entretien", &winner_i.to_string()),
                ("creneau", &second.to_string()),
            ],
        )
        .await;
    assert_eq!(error_fields(&location(&res)), vec!["creneau"], "taken");
    let res = b
        .post(
            "/espace/entretiens",
            "/api/reserver-entretien",
            &[
                ("entretien", &winner_i.to_string()),
                ("creneau", &third.to_string()),
            ],
        )
        .await;
    assert!(location(&res).error.is_none());
    let (method, uid2, seq, _) = last_invitation(&app, winner).await;
    assert_eq!(
        (method.as_str(), seq, uid2.as_str()),
        ("REQUEST", 1, uid.as_str())
    );
    assert!(
        app.row::<slot::Entity>(first)
            .await
            .application_id
            .is_none()
    );

    // Cancelling: a CANCEL with the same UID and SEQUENCE 2.
    let res = b
        .post(
            "/espace/entretiens",
            "/api/annuler-entretien",
            &[("entretien", &winner_i.to_string())],
        )
        .await;
    assert!(location(&res).error.is_none());
    let (method, uid3, seq, subject) = last_invitation(&app, winner).await;
    assert_eq!(
        (method.as_str(), seq, uid3.as_str()),
        ("CANCEL", 2, uid.as_str())
    );
    assert!(subject.starts_with("Entretien annulé"), "{subject}");
    app.assert_audited(&[
        "interview.booked",
        "interview.rescheduled",
        "interview.cancelled",
    ])
    .await;

    // The reminder the day before goes once, to the candidate.
    let tomorrow = slot_at(&app, web, 20, 1).await;
    booking::book(&app.state, &origin, loser_user, loser_i, tomorrow)
        .await
        .expect_err("inside the 48-hour window");
    let before = app.mail().await.len();
    let mut m: slot::ActiveModel = app.row::<slot::Entity>(second).await.into();
    m.starts_at = Set(Utc::now() + Duration::hours(20));
    m.update(&app.state.db).await.unwrap();
    let sent = app::server::service::interviews::reminders::remind(&app.state, Utc::now())
        .await
        .unwrap();
    assert_eq!(sent, 1);
    assert_eq!(
        app::server::service::interviews::reminders::remind(&app.state, Utc::now())
            .await
            .unwrap(),
        0
    );
    let mail = app.mail().await;
    assert!(
        mail[before..]
            .iter()
            .any(|m| m.subject.starts_with("Rappel") && m.calendar.is_some())
    );
    // A held slot cannot be deleted.
    let res = claire
        .post(
            "/jury",
            "/api/supprimer-creneau",
            &[("defi", &web.to_string()), ("creneau", &second.to_string())],
        )
        .await;
    assert_eq!(
        location(&res).error,
        Some(serde_json::json!({"Refused": "SlotHeld"}))
    );

    // Too late to move or cancel within the windows.
    let soon = slot_at(&app, web, 3, 1).await;
    let err = booking::book(&app.state, &origin, winner_user, winner_i, soon).await;
    assert!(err.is_err());
    let g = app::server::service::interviews::slots_of(&app.state.db, web)
        .await
        .unwrap();
    assert_eq!(g.iter().filter(|s| s.application_id.is_some()).count(), 1);
}

#[tokio::test]
async fn the_scheduling_run_keeps_the_notice_and_applies_only_the_plan_shown() {
    let app = TestApp::spawn().await;
    let (promotion, web, _) = open_call(&app).await;
    let claire = app.coordinator().await;
    let ada = candidate(&app, promotion, "Ada", "developer", &[web]).await;
    let grace = candidate(&app, promotion, "Grace", "developer", &[web]).await;
    app::server::service::interviews::allocation::propose(
        &app.state.db,
        &Default::default(),
        promotion,
    )
    .await
    .unwrap();
    // Tomorrow is within five working days' notice; two slots later are not.
    let tomorrow = slot_at(&app, web, 24, 1).await;
    let later = slot_at(&app, web, 24 * 14, 1).await;
    let later2 = slot_at(&app, web, 24 * 14 + 1, 1).await;
    let plan = slots::preview(
        &app.state.db,
        &actor(&app, "claire@example.fr").await,
        web,
        5,
    )
    .await
    .unwrap();
    assert_eq!(plan.placed.len(), 2);
    assert!(plan.unplaced.is_empty());

    let res = claire
        .post(
            "/jury",
            "/api/appliquer-planning",
            &[
                ("defi", &web.to_string()),
                ("preavis", "5"),
                ("empreinte", "autre"),
            ],
        )
        .await;
    assert_eq!(
        location(&res).error,
        Some(serde_json::json!({"Refused": "PlanChanged"}))
    );
    let res = claire
        .post(
            "/jury",
            "/api/appliquer-planning",
            &[
                ("defi", &web.to_string()),
                ("preavis", "5"),
                ("empreinte", &plan.fingerprint),
            ],
        )
        .await;
    assert!(location(&res).error.is_none());
    assert!(
        app.row::<slot::Entity>(tomorrow)
            .await
            .application_id
            .is_none()
    );
    let mut holders = vec![
        app.row::<slot::Entity>(later).await.application_id.unwrap(),
        app.row::<slot::Entity>(later2)
            .await
            .application_id
            .unwrap(),
    ];
    holders.sort();
    assert_eq!(holders, vec![ada, grace]);
    let (method, _, seq, _) = last_invitation(&app, "ada@example.fr").await;
    assert_eq!((method.as_str(), seq), ("REQUEST", 0));
    // The jury's members got it too (the host lead has none here; the
    // coordinators follow the page); the candidate's feed lists it.
    app::server::service::interviews::feeds::renew(
        &app.state.db,
        &Default::default(),
        app.user_id("ada@example.fr").await,
    )
    .await
    .unwrap();
    let token = app::server::service::interviews::feeds::token_of(
        &app.state.db,
        app.user_id("ada@example.fr").await,
    )
    .await
    .unwrap()
    .unwrap();
    let feed = app.browser().get(&format!("/calendrier/{token}.ics")).await;
    assert_eq!(feed.status(), 200);
    let text = feed.text().await.unwrap();
    let cal: Calendar = text.parse().unwrap();
    assert_eq!(
        cal.components
            .iter()
            .filter(|c| c.as_event().is_some())
            .count(),
        1
    );
    assert_eq!(
        app.browser().get("/calendrier/0000.ics").await.status(),
        404
    );
    let public = app
        .browser()
        .get(&format!("/promotions/{promotion}/calendrier.ics"))
        .await;
    assert_eq!(public.status(), 200);
    let text = public.text().await.unwrap();
    assert!(!text.contains("Ada"), "the public feed names nobody");
    assert!(text.contains("entretiens des jurys"));
}

#[tokio::test]
async fn jurors_score_then_lock_a_list_that_the_engine_reads() {
    let app = TestApp::spawn().await;
    let (promotion, web, _) = open_call(&app).await;
    let claire = app.coordinator().await;
    let ada = candidate(&app, promotion, "Ada", "developer", &[web]).await;
    let grace = candidate(&app, promotion, "Grace", "developer", &[web]).await;
    let alan = candidate(&app, promotion, "Alan", "developer", &[web]).await;
    let origin = Default::default();
    app::server::service::interviews::allocation::propose(&app.state.db, &origin, promotion)
        .await
        .unwrap();
    // Interviews that took place yesterday, quorum 1.
    for (i, a) in [ada, grace, alan].into_iter().enumerate() {
        let s = slot_at(&app, web, -30 + i as i64, 1).await;
        assert!(booking::claim(&app.state.db, web, s, a).await.unwrap());
        let mut m: interview::ActiveModel = interview_of(&app, web, a).await.into();
        m.slot_id = Set(Some(s));
        m.state = Set("scheduled".into());
        m.update(&app.state.db).await.unwrap();
    }
    let score = |a: i64, marks: [&'static str; 5], ok: &'static str| {
        let claire = &claire;
        let app = &app;
        async move {
            let i = interview_of(app, web, a).await.id.to_string();
            let mut fields = vec![
                ("entretien", i.clone()),
                ("intent", "submit".to_owned()),
                ("acceptable", ok.to_owned()),
            ];
            for (n, m) in marks.iter().enumerate() {
                fields.push((
                    ["note_1", "note_2", "note_3", "note_4", "note_5"][n],
                    (*m).to_owned(),
                ));
            }
            let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            claire.post("/jury", "/api/grille", &f).await
        }
    };
    // Locking before anyone scored: short of the quorum.
    let web_s = web.to_string();
    let res = claire
        .post(
            "/jury",
            "/api/liste-classee",
            &[
                ("defi", &web_s),
                ("profil", "developer"),
                ("intent", "verrouiller"),
            ],
        )
        .await;
    assert_eq!(
        location(&res).error,
        Some(serde_json::json!({"Refused": "ListShortOfQuorum"}))
    );
    // A sheet without its verdict is refused, field by field.
    let res = score(ada, ["4", "4", "3", "4", "3"], "").await;
    assert_eq!(error_fields(&location(&res)), vec!["acceptable"]);
    assert!(
        location(&score(ada, ["4", "4", "3", "4", "3"], "oui").await)
            .error
            .is_none()
    );
    assert!(
        location(&score(grace, ["4", "4", "3", "4", "3"], "oui").await)
            .error
            .is_none()
    );
    assert!(
        location(&score(alan, ["1", "1", "1", "1", "1"], "non").await)
            .error
            .is_none()
    );

    let page = lists::page(&app.state.db, &actor(&app, "claire@example.fr").await, web)
        .await
        .unwrap();
    let list = page
        .lists
        .iter()
        .find(|l| l.profile == "developer")
        .unwrap();
    // Ada and Grace tie at 18/20: both proposed at rank 1; Alan has none.
    let ranks: Vec<(i64, Option<u32>)> = list
        .rows
        .iter()
        .map(|r| (r.application_id, r.rank))
        .collect();
    assert_eq!(ranks, vec![(ada, Some(1)), (grace, Some(1)), (alan, None)]);
    assert_eq!(list.rows[0].mean, Some(18.0));

    let rank = |a: i64| format!("rang_{a}");
    let (ra, rg, rl) = (rank(ada), rank(grace), rank(alan));
    let res = claire
        .post(
            "/jury",
            "/api/liste-classee",
            &[
                ("defi", &web_s),
                ("profil", "developer"),
                ("intent", "verrouiller"),
                (&ra, "1"),
                (&rg, "1"),
                (&rl, "3"),
            ],
        )
        .await;
    let mut fields = error_fields(&location(&res));
    fields.sort();
    assert_eq!(fields, vec![ra.clone(), rg.clone(), rl.clone()]);
    let res = claire
        .post(
            "/jury",
            "/api/liste-classee",
            &[
                ("defi", &web_s),
                ("profil", "developer"),
                ("intent", "verrouiller"),
                (&ra, "2"),
                (&rg, "1"),
            ],
        )
        .await;
    assert!(location(&res).error.is_none());
    // Locked: frozen, scores too.
    let res = score(ada, ["0", "0", "0", "0", "0"], "oui").await;
    assert!(location(&res).error.is_some());
    let res = claire
        .post(
            "/jury",
            "/api/liste-classee",
            &[
                ("defi", &web_s),
                ("profil", "developer"),
                (&ra, "1"),
                (&rg, "2"),
            ],
        )
        .await;
    assert_eq!(
        location(&res).error,
        Some(serde_json::json!({"Refused": "ListLocked"}))
    );

    // The matching input: the locked list, as the engine reads it.
    let json = export::json(&app.state.db, promotion).await.unwrap();
    let input = app::domain::matching::parse_json(&json).unwrap();
    let d = input
        .defis
        .iter()
        .find(|d| d.id == export::defi_key(web))
        .unwrap();
    let dev = d.slots.iter().find(|s| s.profile == "developer").unwrap();
    assert_eq!(
        dev.ranking,
        vec![export::candidate_key(grace), export::candidate_key(ada)]
    );
    app::domain::matching::run(&input).expect("the engine runs on it");
    let res = claire
        .get(&format!(
            "/coordination/promotions/{promotion}/appariement.json"
        ))
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.text().await.unwrap(), json);
    assert_eq!(
        app.verified_user("zoe@example.fr", "Zoé Visiteuse", PASSWORD)
            .await
            .get(&format!(
                "/coordination/promotions/{promotion}/appariement.json"
            ))
            .await
            .status(),
        404
    );

    // Reopening needs a reason, and is audited.
    let res = claire
        .post(
            "/jury",
            "/api/rouvrir-liste",
            &[("defi", &web_s), ("profil", "developer"), ("raison", " ")],
        )
        .await;
    assert_eq!(error_fields(&location(&res)), vec!["raison-developer"]);
    let res = claire
        .post(
            "/jury",
            "/api/rouvrir-liste",
            &[
                ("defi", &web_s),
                ("profil", "developer"),
                ("raison", "Une note saisie à tort."),
            ],
        )
        .await;
    assert!(location(&res).error.is_none());
    app.assert_audited(&[
        "ranked_list.locked",
        "ranked_list.reopened",
        "interview.scored",
    ])
    .await;
    let _ = Msg::RankTie;
}

#[tokio::test]
async fn who_sits_on_a_jury_and_what_a_conflicted_juror_cannot_see() {
    use app::domain::review::conflicts::ConflictKind;
    let app = TestApp::spawn().await;
    let (promotion, web, forest) = open_call(&app).await;
    let claire = app.coordinator().await;
    let ada = candidate(&app, promotion, "Ada", "developer", &[web]).await;
    let grace = candidate(&app, promotion, "Grace", "developer", &[web]).await;
    let origin = Default::default();
    app::server::service::interviews::allocation::propose(&app.state.db, &origin, promotion)
        .await
        .unwrap();
    // Two jurors of the pool: Marie invited to the web défi and in
    // conflict with Ada; Paul invited to the forest défi only.
    let marie_b = app
        .verified_user("marie@example.fr", "Marie Juré", PASSWORD)
        .await;
    let marie = app.user_id("marie@example.fr").await;
    let marie_j = app::server::service::review::jurors::enrol(
        &app.state.db,
        &origin,
        promotion,
        marie,
        &[],
        true,
    )
    .await
    .unwrap();
    let paul_b = app
        .verified_user("paul@example.fr", "Paul Juré", PASSWORD)
        .await;
    let paul = app.user_id("paul@example.fr").await;
    app::server::service::review::jurors::enrol(&app.state.db, &origin, promotion, paul, &[], true)
        .await
        .unwrap();
    for (defi, user) in [(web, marie), (forest, paul)] {
        let res = claire
            .post(
                "/jury",
                "/api/composer-jury",
                &[("defi", &defi.to_string()), ("jure", &user.to_string())],
            )
            .await;
        assert!(location(&res).error.is_none());
    }
    // Coordinators can take an invited juror off one jury from its page.
    let page = claire.page(&format!("/jury/defis/{forest}")).await;
    assert!(page.contains("Retirer Paul Juré de ce jury"), "the button");
    let res = claire
        .post(
            "/jury",
            "/api/composer-jury",
            &[
                ("defi", &forest.to_string()),
                ("jure", &paul.to_string()),
                ("intent", "retirer"),
            ],
        )
        .await;
    assert!(location(&res).error.is_none());
    assert_eq!(
        paul_b.get(&format!("/jury/defis/{forest}")).await.status(),
        404
    );
    let res = claire
        .post(
            "/jury",
            "/api/composer-jury",
            &[("defi", &forest.to_string()), ("jure", &paul.to_string())],
        )
        .await;
    assert!(location(&res).error.is_none());
    app::server::db::review::conflict::ActiveModel {
        juror_id: Set(marie_j),
        application_id: Set(Some(ada)),
        organisation_id: Set(None),
        kind: Set(ConflictKind::ALL[0].code().into()),
        detected: Set(String::new()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .unwrap();
    for (i, a) in [ada, grace].into_iter().enumerate() {
        let s = slot_at(&app, web, -30 + i as i64, 1).await;
        booking::claim(&app.state.db, web, s, a).await.unwrap();
        let mut m: interview::ActiveModel = interview_of(&app, web, a).await.into();
        m.slot_id = Set(Some(s));
        m.state = Set("scheduled".into());
        m.update(&app.state.db).await.unwrap();
    }
    // Marie sees Grace, never Ada.
    let page = lists::page(&app.state.db, &actor(&app, "marie@example.fr").await, web)
        .await
        .unwrap();
    let seen: Vec<i64> = page.candidates.iter().map(|c| c.application_id).collect();
    assert_eq!(seen, vec![grace]);
    assert!(!page.lists[0].rows.iter().any(|r| r.application_id == ada));
    assert!(!page.can_manage);
    let ada_i = interview_of(&app, web, ada).await.id.to_string();
    let grace_i = interview_of(&app, web, grace).await.id.to_string();
    let res = marie_b
        .post(
            "/jury",
            "/api/grille",
            &[("entretien", &ada_i), ("note_1", "3")],
        )
        .await;
    assert_not_found(&res);
    let res = marie_b
        .post(
            "/jury",
            "/api/grille",
            &[("entretien", &grace_i), ("note_1", "3")],
        )
        .await;
    assert!(location(&res).error.is_none());
    // Paul (another défi's jury), an applicant, a host of another
    // organisation: not found.
    let res = paul_b
        .post(
            "/jury",
            "/api/grille",
            &[("entretien", &grace_i), ("note_1", "3")],
        )
        .await;
    assert_not_found(&res);
    assert!(
        lists::page(&app.state.db, &actor(&app, "paul@example.fr").await, web)
            .await
            .is_err()
    );
    let (other_host, _) = app.host_of("Autre ville").await;
    let res = other_host
        .post(
            "/jury",
            "/api/creneau",
            &[
                ("defi", &web.to_string()),
                ("debut", "2030-01-01T10:00"),
                ("duree", "30"),
                ("lieu", "x"),
                ("quorum", "1"),
            ],
        )
        .await;
    assert_not_found(&res);
    // A juror may not declare slots or add candidates.
    let res = marie_b
        .post(
            "/jury",
            "/api/creneau",
            &[
                ("defi", &web.to_string()),
                ("debut", "2030-01-01T10:00"),
                ("duree", "30"),
                ("lieu", "x"),
                ("quorum", "1"),
            ],
        )
        .await;
    assert_not_found(&res);
    let res = marie_b
        .post(
            "/jury",
            "/api/composer-jury",
            &[("defi", &web.to_string()), ("candidat", &ada.to_string())],
        )
        .await;
    assert_not_found(&res);
    let _ = (Msg::RankTie, PASSWORD);
}

/// A candidate asked to meet a jury of a défi they did not rank hears of
/// it by email (no calendar yet), and is proposed once they accept.
#[tokio::test]
async fn a_candidate_asked_by_another_jury_is_told_and_answers() {
    let app = TestApp::spawn().await;
    let (promotion, web, forest) = open_call(&app).await;
    let claire = app.coordinator().await;
    let lin = candidate(&app, promotion, "Lin", "developer", &[forest]).await;
    app.mail().await;
    let res = claire
        .post(
            "/jury",
            "/api/composer-jury",
            &[("defi", &web.to_string()), ("candidat", &lin.to_string())],
        )
        .await;
    assert!(location(&res).error.is_none(), "{:?}", location(&res).error);
    let i = interview_of(&app, web, lin).await;
    assert_eq!(i.state, "asked");
    let mail = app.mail().await;
    let asked = mail
        .iter()
        .find(|m| m.to.contains("lin@example.fr"))
        .expect("the candidate is told");
    assert!(
        asked
            .subject
            .starts_with("Un jury aimerait vous rencontrer"),
        "{}",
        asked.subject
    );
    assert!(asked.calendar.is_none());
    assert!(asked.text.contains("/espace/entretiens"));
    let b = app.browser();
    b.sign_in("lin@example.fr", PASSWORD).await;
    let res = b
        .post(
            "/espace/entretiens",
            "/api/repondre-jury",
            &[("entretien", &i.id.to_string()), ("reponse", "oui")],
        )
        .await;
    assert!(location(&res).error.is_none());
    assert_eq!(interview_of(&app, web, lin).await.state, "proposed");
}
