//! Team formation in the product: a run saved and re-run byte for byte by
//! `cohorte match`, the embargo before validation, overrides previewed and
//! refused without a reason, validation sending the offers, a decline
//! cascading to the next on the list, an acceptance becoming a placement
//! and a team, expiry and reminders with the time injected, the audit of
//! the log (and of a tampered export), concurrent answers.

use crate::helpers::{PASSWORD, TestApp, error_fields, location, open_call, run_cli};
use crate::interviews::candidate;
use app::server::db::formation::{offer, run};
use app::server::db::interviews::list;
use app::server::service::formation::offers::{self, answers};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

/// A locked list of `defi` for `profile`.
pub(crate) async fn locked(app: &TestApp, defi: i64, profile: &str, ids: &[i64]) {
    list::ActiveModel {
        defi_id: Set(defi),
        profile: Set(profile.into()),
        entries: Set(serde_json::to_string(ids).unwrap()),
        locked_at: Set(Some(Utc::now())),
        locked_by: Set(None),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .unwrap();
}

pub(crate) struct Market {
    pub(crate) promotion: i64,
    pub(crate) web: i64,
    pub(crate) forest: i64,
    /// ada, bob: developers; cleo, dan: designers; eve: geomatician;
    /// fay: data scientist.
    pub(crate) people: [i64; 6],
}

pub(crate) async fn market(app: &TestApp) -> Market {
    let (promotion, web, forest) = open_call(app).await;
    let ada = candidate(app, promotion, "Ada", "developer", &[web]).await;
    let bob = candidate(app, promotion, "Bob", "developer", &[web]).await;
    let cleo = candidate(app, promotion, "Cleo", "designer", &[web]).await;
    let dan = candidate(app, promotion, "Dan", "designer", &[web]).await;
    let eve = candidate(app, promotion, "Eve", "geomatician", &[forest]).await;
    let fay = candidate(app, promotion, "Fay", "data_scientist", &[forest]).await;
    locked(app, web, "developer", &[ada, bob]).await;
    locked(app, web, "designer", &[cleo, dan]).await;
    locked(app, forest, "geomatician", &[eve]).await;
    locked(app, forest, "data_scientist", &[fay]).await;
    Market {
        promotion,
        web,
        forest,
        people: [ada, bob, cleo, dan, eve, fay],
    }
}

pub(crate) async fn offer_of(app: &TestApp, application: i64) -> offer::Model {
    offer::Entity::find()
        .filter(offer::Column::ApplicationId.eq(application))
        .order_by_desc(offer::Column::Id)
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("an offer")
}

#[tokio::test]
async fn a_run_is_saved_explained_embargoed_then_validated_into_offers_that_cascade() {
    let app = TestApp::spawn().await;
    let m = market(&app).await;
    let [ada, bob, cleo, dan, eve, fay] = m.people;
    let claire = app.coordinator().await;
    let p = m.promotion.to_string();
    let base = format!("/coordination/promotions/{p}/equipes");
    let page = claire.page(&base).await;
    assert!(page.contains("Constitution des équipes"), "{page}");

    // Run: saved with its input, and `cohorte match` on that input gives
    // the saved output byte for byte.
    let res = claire
        .post(&base, "/api/lancer-appariement", &[("promotion", &p)])
        .await;
    assert_eq!(location(&res).path, format!("{base}/1"));
    let r = run::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(r.number, 1);
    assert!(r.engine_version.starts_with("cohorte-match "));
    let (code, stdout, stderr) = run_cli("match", &r.input);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout, r.output,
        "cohorte match re-runs the saved input byte for byte"
    );
    let download = claire
        .get(&format!("{base}/1/entree.json"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(download, r.input);
    let page = claire.page(&format!("{base}/1")).await;
    assert!(page.contains("Paires bloquantes : 0."), "{page}");
    assert!(page.contains("<svg"), "the histogram is drawn");

    // The embargo: nothing for candidates or hosts before validation.
    let ada_b = app.browser();
    ada_b.sign_in("ada@example.fr", PASSWORD).await;
    let mine = ada_b.page("/espace/propositions").await;
    assert!(mine.contains("Aucun résultat pour l'instant"), "{mine}");
    assert_eq!(
        ada_b.get(&format!("/equipes/{}", m.web)).await.status(),
        404
    );
    assert_eq!(ada_b.get(&format!("{base}/1")).await.status(), 404);
    assert_eq!(
        ada_b.get(&format!("{base}/1/entree.json")).await.status(),
        404
    );
    assert!(
        app.mail().await.iter().all(|x| !x.to.contains("ada@")),
        "no email before validation"
    );

    // A second run, adjusted: Ada's seat removed, for a reason.
    claire
        .post(&base, "/api/lancer-appariement", &[("promotion", &p)])
        .await;
    let key = |id: i64| format!("candidat-{id}");
    let (ka, kw) = (key(ada), format!("defi-{}", m.web));
    let res = claire
        .post(
            &format!("{base}/2"),
            "/api/ajuster-placement",
            &[
                ("promotion", &p),
                ("execution", "2"),
                ("candidat", &ka),
                ("defi", ""),
                ("motif", "  "),
            ],
        )
        .await;
    assert_eq!(error_fields(&location(&res)), vec!["motif"]);
    let res = claire
        .post(
            &format!("{base}/2"),
            "/api/ajuster-placement",
            &[
                ("promotion", &p),
                ("execution", "2"),
                ("candidat", &key(bob)),
                ("defi", &kw),
                ("motif", "Équipe"),
            ],
        )
        .await;
    assert_eq!(
        error_fields(&location(&res)),
        vec!["defi"],
        "the developer seat is taken"
    );
    // The preview shows the blocking pair the removal creates.
    // The preview is posted: the reason comes back in the session, never
    // in the URL.
    let res = claire
        .post(
            &format!("{base}/2"),
            "/api/apercu-ajustement",
            &[
                ("promotion", p.as_str()),
                ("execution", "2"),
                ("candidat", ka.as_str()),
                ("defi", ""),
                ("motif", "Conflit d'intérêts"),
            ],
        )
        .await;
    let to = location(&res);
    assert!(to.path.ends_with("/2#ajustements"), "{to}");
    assert!(to.error.is_none(), "{to}");
    let preview = claire.page(&format!("{base}/2")).await;
    // Ada still wants the seat; Bob, next on the list, wants it free.
    assert!(
        preview.contains("Ce changement crée 2 paires bloquantes"),
        "{preview}"
    );
    assert!(
        preview.contains("Ada Candidat et Orienter les usagers"),
        "{preview}"
    );
    assert!(
        preview.contains("Bob Candidat et Orienter les usagers"),
        "{preview}"
    );
    let res = claire
        .post(
            &format!("{base}/2"),
            "/api/ajuster-placement",
            &[
                ("promotion", &p),
                ("execution", "2"),
                ("candidat", &ka),
                ("defi", ""),
                ("motif", "Conflit d'intérêts"),
            ],
        )
        .await;
    assert!(location(&res).error.is_none(), "{:?}", location(&res).error);
    app.assert_audited(&["match.run", "match.overridden"]).await;
    let two = claire.page(&format!("{base}/2?comparer=1")).await;
    assert!(
        two.contains(
            "Vous n&#x27;avez pas de place, par décision de l&#x27;équipe du programme, motif : Conflit d&#x27;intérêts"
        ) || two.contains("Vous n'avez pas de place, par décision de l'équipe du programme, motif : Conflit d'intérêts"),
        "{two}"
    );
    assert!(two.contains("Ada Candidat"), "Ada moves between the runs");

    // Validation: needs the box ticked; then the offers leave.
    let res = claire
        .post(
            &format!("{base}/1"),
            "/api/valider-appariement",
            &[("promotion", &p), ("execution", "1")],
        )
        .await;
    assert_eq!(error_fields(&location(&res)), vec!["confirm"]);
    let res = claire
        .post(
            &format!("{base}/1"),
            "/api/valider-appariement",
            &[("promotion", &p), ("execution", "1"), ("confirm", "on")],
        )
        .await;
    assert!(location(&res).error.is_none(), "{:?}", location(&res).error);
    let res = claire
        .post(
            &format!("{base}/2"),
            "/api/valider-appariement",
            &[("promotion", &p), ("execution", "2"), ("confirm", "on")],
        )
        .await;
    assert_eq!(
        location(&res).error,
        Some(serde_json::json!({"Refused": "OtherRunValidated"}))
    );
    let mail = app.mail().await;
    let to = |who: &str| {
        mail.iter()
            .filter(|x| x.to.contains(who))
            .cloned()
            .collect::<Vec<_>>()
    };
    let offer_mail = &to("ada@")[0];
    assert!(
        offer_mail.subject.contains("Une place vous est proposée"),
        "{}",
        offer_mail.subject
    );
    assert!(
        offer_mail
            .text
            .contains("Sans réponse à cette date, la proposition est considérée comme déclinée")
    );
    assert!(
        to("bob@")[0]
            .text
            .contains("Orienter les usagers : n° 1 sur la liste d'attente"),
        "{}",
        to("bob@")[0].text
    );
    for who in [ada, cleo, eve, fay] {
        assert_eq!(offer_of(&app, who).await.state, "open");
    }
    // The deadline: 3 French working days, 23:59 Paris time.
    let o = offer_of(&app, ada).await;
    assert_eq!(o.deadline_at, offers::deadline(o.offered_at));
    let mine = ada_b.page("/espace/propositions").await;
    assert!(
        mine.contains("Accepter") && mine.contains("Décliner"),
        "{mine}"
    );
    let bob_b = app.browser();
    bob_b.sign_in("bob@example.fr", PASSWORD).await;
    assert!(
        bob_b
            .page("/espace/propositions")
            .await
            .contains("1 sur la liste d&#x27;attente")
            || bob_b
                .page("/espace/propositions")
                .await
                .contains("1 sur la liste d'attente")
    );

    // Only Ada answers Ada's offer.
    let oid = o.id.to_string();
    let res = bob_b
        .post(
            "/espace/propositions",
            "/api/repondre-proposition",
            &[("proposition", &oid), ("intent", "decliner")],
        )
        .await;
    assert!(res.status() == 404 || location(&res).error == Some(serde_json::json!("NotFound")));
    // Ada declines: the seat goes to Bob, next on the list.
    let res = ada_b
        .post(
            "/espace/propositions",
            "/api/repondre-proposition",
            &[("proposition", &oid), ("intent", "decliner")],
        )
        .await;
    assert!(location(&res).error.is_none(), "{:?}", location(&res).error);
    assert_eq!(offer_of(&app, ada).await.state, "declined");
    assert_eq!(offer_of(&app, bob).await.state, "open");
    let mail = app.mail().await;
    assert!(
        mail.iter()
            .any(|x| x.to.contains("bob@") && x.subject.contains("Une place vous est proposée"))
    );
    // Bob accepts: a placement, a team page Bob (not Eve) may open.
    let bo = offer_of(&app, bob).await.id.to_string();
    bob_b
        .post(
            "/espace/propositions",
            "/api/repondre-proposition",
            &[("proposition", &bo), ("intent", "accepter")],
        )
        .await;
    assert_eq!(offer_of(&app, bob).await.state, "accepted");
    let team = bob_b.page(&format!("/equipes/{}", m.web)).await;
    assert!(team.contains("Bob Candidat"), "{team}");
    let eve_b = app.browser();
    eve_b.sign_in("eve@example.fr", PASSWORD).await;
    assert_eq!(
        eve_b.get(&format!("/equipes/{}", m.web)).await.status(),
        404
    );

    // Reminders, once each: 24 hours before, then the last morning.
    let co = offer_of(&app, cleo).await;
    let before = co.deadline_at - Duration::hours(23);
    assert!(answers::remind_due(&app.state, before).await.unwrap() >= 1);
    assert_eq!(answers::remind_due(&app.state, before).await.unwrap(), 0);
    let mail = app.mail().await;
    assert_eq!(
        mail.iter()
            .filter(|x| x.to.contains("cleo@") && x.subject.starts_with("Rappel"))
            .count(),
        1
    );
    // Cleo never answers: the offer expires and Dan is offered the seat.
    let later = co.deadline_at + Duration::minutes(5);
    assert!(answers::expire_due(&app.state, later).await.unwrap() >= 1);
    assert_eq!(offer_of(&app, cleo).await.state, "expired");
    assert_eq!(offer_of(&app, dan).await.state, "open");

    // The audit: the log in the database is sound; the export passes the
    // command line, a tampered one does not.
    let (_, log) = offers::log_of(&app.state.db, m.promotion)
        .await
        .unwrap()
        .unwrap();
    assert!(app::domain::offers::verify(&log).is_empty());
    let export = claire
        .get(&format!(
            "/coordination/promotions/{p}/propositions/journal.json"
        ))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !export.contains("Ada") && !export.contains("@example.fr"),
        "pseudonymous"
    );
    let (code, out, err) = run_verify(&export);
    assert_eq!(code, 0, "{out}{err}");
    let mut tampered: app::domain::offers::Log = serde_json::from_str(&export).unwrap();
    // Dan offered the designer seat before Cleo refused it.
    let dan_key = format!("c{dan}");
    let at = tampered
        .events
        .iter()
        .position(|e| e.candidate == dan_key)
        .unwrap();
    let e = tampered.events.remove(at);
    tampered.events.insert(
        0,
        app::domain::offers::Event {
            at: tampered.events[0].at.clone(),
            ..e
        },
    );
    for (i, e) in tampered.events.iter_mut().enumerate() {
        e.seq = i as u64 + 1;
    }
    let (code, out, _) = run_verify(&serde_json::to_string(&tampered).unwrap());
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("ranked above, waits") || out.contains("2 people hold"),
        "{out}"
    );
    let page = claire
        .page(&format!("/coordination/promotions/{p}/propositions"))
        .await;
    assert!(page.contains("respecte toutes les règles"), "{page}");
    let _ = m.forest;
}

fn run_verify(log: &str) -> (i32, String, String) {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cohorte"))
        .args(["verify-offers", "--log", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(log.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Answers racing on one promotion never give a seat twice: two declines
/// at once each pass the seat on once; an offer accepted twice at once is
/// accepted once.
#[tokio::test]
async fn concurrent_answers_never_give_a_seat_twice() {
    let app = TestApp::spawn().await;
    let m = market(&app).await;
    let [ada, bob, cleo, dan, _, _] = m.people;
    let origin = Default::default();
    app::server::service::formation::runs::run(&app.state.db, &origin, m.promotion)
        .await
        .unwrap();
    answers::validate(&app.state, &origin, m.promotion, 1, Utc::now())
        .await
        .unwrap();
    let (a, c) = (offer_of(&app, ada).await.id, offer_of(&app, cleo).await.id);
    let now = Utc::now();
    let (x, y) = tokio::join!(
        answers::answer(&app.state, &origin, a, false, now),
        answers::answer(&app.state, &origin, c, false, now),
    );
    x.unwrap();
    y.unwrap();
    let (b, d) = (offer_of(&app, bob).await.id, offer_of(&app, dan).await.id);
    let (x, y, z) = tokio::join!(
        answers::answer(&app.state, &origin, b, true, now),
        answers::answer(&app.state, &origin, b, true, now),
        answers::answer(&app.state, &origin, d, false, now),
    );
    assert_eq!(
        [&x, &y].iter().filter(|r| r.is_ok()).count(),
        1,
        "{x:?} {y:?}"
    );
    z.unwrap();
    let (_, log) = offers::log_of(&app.state.db, m.promotion)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(app::domain::offers::verify(&log), vec![]);
    let accepted = offer::Entity::find()
        .filter(offer::Column::DefiId.eq(m.web))
        .filter(offer::Column::State.is_in(["open", "accepted"]))
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(
        accepted.len(),
        1,
        "Bob holds the developer seat; the designer list is exhausted"
    );
    assert!(app.audited("offers.list_exhausted").await);
}

/// A défi withdrawn once its offers are out (the coordinators' decision on
/// its page): its seats, offered or accepted, are taken back with a
/// message, nobody is offered them again, and the audit still passes.
#[tokio::test]
async fn a_defi_withdrawn_after_validation_takes_its_seats_back() {
    use app::domain::defi::Decision;
    use app::server::db::formation::placement;
    let app = TestApp::spawn().await;
    let m = market(&app).await;
    let [ada, bob, cleo, dan, eve, _] = m.people;
    let origin = Default::default();
    app::server::service::formation::runs::run(&app.state.db, &origin, m.promotion)
        .await
        .unwrap();
    answers::validate(&app.state, &origin, m.promotion, 1, Utc::now())
        .await
        .unwrap();
    let a = offer_of(&app, ada).await.id;
    answers::answer(&app.state, &origin, a, true, Utc::now())
        .await
        .unwrap();
    assert_eq!(
        placement::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .len(),
        1
    );
    app.mail().await;
    app::server::service::defis::decide(
        &app.state,
        &origin,
        m.web,
        Decision::Withdraw,
        "Le service est réorganisé.",
    )
    .await
    .unwrap();
    assert_eq!(offer_of(&app, ada).await.state, "cancelled");
    assert_eq!(offer_of(&app, cleo).await.state, "cancelled");
    for waiting in [bob, dan] {
        let none = offer::Entity::find()
            .filter(offer::Column::ApplicationId.eq(waiting))
            .one(&app.state.db)
            .await
            .unwrap();
        assert!(
            none.is_none(),
            "nobody is offered a seat of a withdrawn défi"
        );
    }
    assert_eq!(
        offer_of(&app, eve).await.state,
        "open",
        "the other défi goes on"
    );
    assert!(
        placement::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .is_empty()
    );
    let mail = app.mail().await;
    let to_ada = mail
        .iter()
        .find(|x| x.to.contains("ada@"))
        .expect("Ada is told");
    assert!(
        to_ada.text.contains("est retiré par l'équipe du programme"),
        "{}",
        to_ada.text
    );
    let (_, log) = offers::log_of(&app.state.db, m.promotion)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(app::domain::offers::verify(&log), vec![]);
    assert!(
        log.slots
            .iter()
            .filter(|s| s.slot.starts_with(&format!("d{}:", m.web)))
            .all(|s| s.closed_after.is_some())
    );
    app.assert_audited(&["offers.defi_withdrawn", "offer.released"])
        .await;
}

/// A placed candidate who withdraws their dossier leaves the offers: their
/// seat goes to the next on the list; a run made before a change in the
/// dossiers is stale and cannot be validated.
#[tokio::test]
async fn leaving_the_programme_passes_the_seat_on_and_a_stale_run_is_refused() {
    let app = TestApp::spawn().await;
    let m = market(&app).await;
    let [ada, bob, ..] = m.people;
    let origin = Default::default();
    let runs_ = app::server::service::formation::runs::run;
    runs_(&app.state.db, &origin, m.promotion).await.unwrap();
    // Bob leaves before the validation: run 1 no longer reads the database.
    let mut b: app::server::db::application::ActiveModel = app
        .row::<app::server::db::application::Entity>(bob)
        .await
        .into();
    b.state = Set(app::domain::application::ApplicationState::Withdrawn
        .code()
        .into());
    b.update(&app.state.db).await.unwrap();
    let stale = answers::validate(&app.state, &origin, m.promotion, 1, Utc::now()).await;
    assert_eq!(
        stale,
        Err(app::model::AppError::Refused(app::i18n::Msg::RunStale))
    );
    let mut b: app::server::db::application::ActiveModel = app
        .row::<app::server::db::application::Entity>(bob)
        .await
        .into();
    b.state = Set(app::domain::application::ApplicationState::Shortlisted
        .code()
        .into());
    b.update(&app.state.db).await.unwrap();
    answers::validate(&app.state, &origin, m.promotion, 1, Utc::now())
        .await
        .unwrap();
    // Ada withdraws her dossier: she leaves the offers, Bob is offered.
    app::server::service::applications::withdraw(&app.state, &origin, ada)
        .await
        .unwrap();
    assert_eq!(offer_of(&app, ada).await.state, "withdrawn");
    assert_eq!(offer_of(&app, bob).await.state, "open");
    let (_, log) = offers::log_of(&app.state.db, m.promotion)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(app::domain::offers::verify(&log), vec![]);
}
