//! After the offers went out: the dossiers follow where their authors
//! stand, a signed contract makes a seat final (its holder leaves the
//! waitlists), the host hears of a fellow who will not come, a défi the
//! audit stopped resumes with a reason, the personal-data export holds the
//! offers and the retention purge forgets them.

use crate::formation::{market, offer_of};
use crate::helpers::{TestApp, location};
use crate::interviews::candidate;
use app::domain::offers::Kind;
use app::server::db::application;
use app::server::db::formation::{event, offer, placement, run};
use app::server::service::formation::offers::{self, answers};
use app::server::service::formation::{placements, runs};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

async fn state_of(app: &TestApp, id: i64) -> String {
    app.row::<application::Entity>(id).await.state
}

/// Runs the engine on the promotion and validates the run: the offers go.
async fn offers_out(app: &TestApp, promotion: i64) {
    let origin = Default::default();
    runs::run(&app.state.db, &origin, promotion).await.unwrap();
    answers::validate(&app.state, &origin, promotion, 1, Utc::now())
        .await
        .unwrap();
}

/// The dossier's author accepts their latest offer; its placement.
async fn accepts(app: &TestApp, dossier: i64) -> placement::Model {
    let o = offer_of(app, dossier).await.id;
    answers::answer(&app.state, &Default::default(), o, true, Utc::now())
        .await
        .unwrap();
    placement::Entity::find()
        .filter(placement::Column::ApplicationId.eq(dossier))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn dossiers_follow_the_offers_and_a_signed_contract_is_final() {
    let app = TestApp::spawn().await;
    // Hugo leads the host organisation of both défis.
    let (_hugo, _org) = app.host().await;
    let m = market(&app).await;
    let [ada, bob, cleo, dan, _eve, _] = m.people;
    let origin = Default::default();
    offers_out(&app, m.promotion).await;
    assert_eq!(state_of(&app, ada).await, "offered");
    assert_eq!(
        state_of(&app, bob).await,
        "shortlisted",
        "waiting, never offered"
    );
    app.mail().await;

    // Ada accepts: her dossier reads so, Hugo prepares the contract.
    let a = offer_of(&app, ada).await.id;
    answers::answer(&app.state, &origin, a, true, Utc::now())
        .await
        .unwrap();
    assert_eq!(state_of(&app, ada).await, "accepted");
    let mail = app.mail().await;
    assert!(
        mail.iter()
            .any(|x| x.to.contains("hugo@") && x.subject.contains("Contrat à préparer")),
        "{mail:?}"
    );
    // Cleo declines: Dan is offered her seat.
    let c = offer_of(&app, cleo).await.id;
    answers::answer(&app.state, &origin, c, false, Utc::now())
        .await
        .unwrap();
    assert_eq!(state_of(&app, cleo).await, "declined");
    assert_eq!(state_of(&app, dan).await, "offered");

    // Ada's contract is signed: her dossier is "placed", she leaves her
    // waitlists (a `renounce` in the log, which the audit accepts), and
    // she is told her seat is final.
    let p = placement::Entity::find()
        .filter(placement::Column::ApplicationId.eq(ada))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    for to in ["contract_in_progress", "placed"] {
        placements::update(
            &app.state,
            &origin,
            m.promotion,
            p.id,
            &placements::Change {
                to: to.into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    }
    assert_eq!(state_of(&app, ada).await, "placed");
    let (_, log) = offers::log_of(&app.state.db, m.promotion)
        .await
        .unwrap()
        .unwrap();
    let last = log.events.last().unwrap();
    assert_eq!(
        (last.kind, last.candidate.as_str()),
        (Kind::Renounce, format!("c{ada}").as_str())
    );
    assert_eq!(app::domain::offers::verify(&log), vec![]);
    let mail = app.mail().await;
    assert!(
        mail.iter()
            .any(|x| x.to.contains("ada@") && x.text.contains("est signé")),
        "{mail:?}"
    );
    app.assert_audited(&["offer.waitlists_left", "placement.updated"])
        .await;
    // Once placed, the dossier is no longer withdrawn by its author.
    assert!(
        app::server::service::applications::withdraw(&app.state, &origin, ada)
            .await
            .is_err()
    );

    // Dan accepts, then withdraws his dossier: Hugo hears he will not come,
    // and Dan's dossier reads "withdrawn".
    let d = offer_of(&app, dan).await.id;
    answers::answer(&app.state, &origin, d, true, Utc::now())
        .await
        .unwrap();
    app.mail().await;
    app::server::service::applications::withdraw(&app.state, &origin, dan)
        .await
        .unwrap();
    assert_eq!(state_of(&app, dan).await, "withdrawn");
    let mail = app.mail().await;
    let told = mail
        .iter()
        .find(|x| x.to.contains("hugo@"))
        .expect("the host is told");
    assert!(
        told.text.contains("Dan Candidat ne rejoindra pas")
            && told.text.contains("cette personne quitte le programme"),
        "{}",
        told.text
    );

    // Bob, waiting on a list, gives up from his offers page: his dossier
    // is withdrawn and he leaves the offers.
    let bob_user = app.user_id("bob@example.fr").await;
    answers::withdraw(&app.state, &origin, bob_user, m.promotion)
        .await
        .unwrap();
    assert_eq!(state_of(&app, bob).await, "withdrawn");
    let (_, log) = offers::log_of(&app.state.db, m.promotion)
        .await
        .unwrap()
        .unwrap();
    assert!(
        log.events
            .iter()
            .any(|e| e.kind == Kind::Withdraw && e.candidate == format!("c{bob}"))
    );
    assert!(
        answers::withdraw(&app.state, &origin, bob_user, m.promotion)
            .await
            .is_err(),
        "once"
    );

    // Ada's data export holds her offers and her placement.
    let user = app.user_id("ada@example.fr").await;
    let bytes = app::server::service::privacy::export(&app.state.db, &origin, &app.data_dir, user)
        .await
        .unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let data: serde_json::Value =
        serde_json::from_reader(archive.by_name("donnees.json").unwrap()).unwrap();
    let mine = &data["applications"][0]["team_formation"];
    assert_eq!(mine["offers"][0]["state"], "accepted", "{data}");
    assert_eq!(mine["placement"]["state"], "placed", "{data}");

    // The retention purge forgets the runs, offers, log and placements.
    let mut pr: app::server::db::promotion::ActiveModel = app
        .row::<app::server::db::promotion::Entity>(m.promotion)
        .await
        .into();
    pr.closed_at = Set(Some(Utc::now()));
    pr.update(&app.state.db).await.unwrap();
    let p = app
        .row::<app::server::db::promotion::Entity>(m.promotion)
        .await;
    let after = app::server::service::privacy::expiry(&p) + Duration::days(1);
    app::server::service::privacy::purge_expired(&app.state.db, &app.data_dir, after)
        .await
        .unwrap();
    assert!(
        run::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        offer::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        event::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        placement::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .is_empty()
    );
}

/// A défi the audit stopped resumes only with a reason; the violation
/// already reported no longer stops it, and its offers go on at once.
#[tokio::test]
async fn a_stopped_defi_resumes_with_a_reason() {
    use app::i18n::Msg;
    use app::model::AppError;
    let app = TestApp::spawn().await;
    let m = market(&app).await;
    let [ada, bob, cleo, dan, ..] = m.people;
    let origin = Default::default();
    offers_out(&app, m.promotion).await;
    // Tampered: the web developer seat went to Bob over Ada, first on its
    // list (a skip the audit finds at every step from now on).
    let e = event::Entity::find()
        .filter(event::Column::ApplicationId.eq(ada))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let mut row: event::ActiveModel = e.into();
    row.application_id = Set(bob);
    row.update(&app.state.db).await.unwrap();
    let o = offer_of(&app, ada).await;
    let mut row: offer::ActiveModel = o.into();
    row.application_id = Set(bob);
    row.update(&app.state.db).await.unwrap();
    let blocked = |app: &TestApp| {
        let db = app.state.db.clone();
        let promotion = m.promotion;
        async move {
            let r = run::Entity::find()
                .filter(run::Column::PromotionId.eq(promotion))
                .filter(run::Column::ValidatedAt.is_not_null())
                .one(&db)
                .await
                .unwrap()
                .unwrap();
            offers::Flags::of(&r).blocked
        }
    };
    // Cleo declines: the step's audit finds the skip and stops the web
    // défi (Dan was offered her seat in that step, before the audit).
    let c = offer_of(&app, cleo).await.id;
    answers::answer(&app.state, &origin, c, false, Utc::now())
        .await
        .unwrap();
    assert_eq!(blocked(&app).await, vec![format!("d{}", m.web)]);
    let now = Utc::now();
    let refused = answers::resume(&app.state, &origin, m.promotion, m.web, "  ", now).await;
    assert_eq!(
        refused,
        Err(AppError::field("motif", Msg::ResumeReasonRequired))
    );
    answers::resume(
        &app.state,
        &origin,
        m.promotion,
        m.web,
        "Journal relu : la place de Bob est confirmée par le jury.",
        now,
    )
    .await
    .unwrap();
    assert!(blocked(&app).await.is_empty());
    assert_eq!(
        answers::resume(&app.state, &origin, m.promotion, m.web, "Encore.", now).await,
        Err(AppError::Refused(Msg::ResumeNotStopped))
    );
    // The next step audits the same log: the skip, already reported, does
    // not stop the défi again.
    let d = offer_of(&app, dan).await.id;
    answers::answer(&app.state, &origin, d, false, Utc::now())
        .await
        .unwrap();
    assert!(blocked(&app).await.is_empty());
    app.assert_audited(&["offers.blocked", "offers.resumed"])
        .await;
    let page = app
        .coordinator()
        .await
        .page(&format!(
            "/coordination/promotions/{}/propositions",
            m.promotion
        ))
        .await;
    assert!(
        !page.contains("Reprendre les propositions du défi"),
        "{page}"
    );
    assert!(
        page.contains("aucun défi n&#x27;est arrêté") || page.contains("aucun défi n'est arrêté"),
        "{page}"
    );
}

/// A signed contract declines the better offer still open (nothing can
/// pull the person out of it); if its défi is then withdrawn, the dossier
/// no longer reads "placed" and its author may withdraw.
#[tokio::test]
async fn a_signed_contract_declines_better_offers_and_ends_with_its_defi() {
    use app::domain::defi::{Decision, DefiState};
    use app::domain::defi_form::{DefiForm, SlotForm};
    use app::domain::organisation::{OrgKind, OrganisationDraft};
    use app::server::db::interviews::list;
    use app::server::service::{defis, organisations};
    let app = TestApp::spawn().await;
    let m = market(&app).await;
    let origin = Default::default();
    // A third défi, with a developer and a designer seat.
    let org = organisations::ensure(
        &app.state.db,
        &origin,
        &OrganisationDraft {
            name: "Ville de Belleforêt".into(),
            kind: OrgKind::LocalAuthority,
            city: "Belleforêt".into(),
        },
    )
    .await
    .unwrap();
    let slot = |p: &str| SlotForm {
        profile: p.into(),
        mission: "Mission.".into(),
        mandatory: true,
    };
    let form = DefiForm {
        title: "Aider les aidants".into(),
        summary: "Résumé.".into(),
        slots: [slot("developer"), slot("designer"), SlotForm::default()],
        ..DefiForm::default()
    };
    let aider = defis::import(
        &app.state.db,
        &origin,
        defis::Imported {
            promotion: m.promotion,
            organisation: org,
            form: &form,
            state: DefiState::Selected,
            message: None,
            published: false,
        },
    )
    .await
    .unwrap();
    // Gus prefers it to the web défi; Zoe and Iris want only it.
    let gus = candidate(&app, m.promotion, "Gus", "developer", &[aider, m.web]).await;
    let zoe = candidate(&app, m.promotion, "Zoe", "developer", &[aider]).await;
    let iris = candidate(&app, m.promotion, "Iris", "designer", &[aider]).await;
    crate::formation::locked(&app, aider, "developer", &[zoe, gus]).await;
    crate::formation::locked(&app, aider, "designer", &[iris]).await;
    // Gus heads the web défi's developer list.
    let web_dev = list::Entity::find()
        .filter(list::Column::DefiId.eq(m.web))
        .filter(list::Column::Profile.eq("developer"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let [ada, bob, ..] = m.people;
    let mut row: list::ActiveModel = web_dev.into();
    row.entries = Set(serde_json::to_string(&[gus, ada, bob]).unwrap());
    row.update(&app.state.db).await.unwrap();

    offers_out(&app, m.promotion).await;
    let g = offer_of(&app, gus).await;
    assert_eq!(g.defi_id, m.web, "Zoe comes first on Aider's list");
    answers::answer(&app.state, &origin, g.id, true, Utc::now())
        .await
        .unwrap();
    // Zoe declines: Gus, who prefers Aider, is offered it while he holds
    // the web seat.
    let z = offer_of(&app, zoe).await.id;
    answers::answer(&app.state, &origin, z, false, Utc::now())
        .await
        .unwrap();
    let better = offer_of(&app, gus).await;
    assert_eq!((better.defi_id, better.state.as_str()), (aider, "open"));

    // His web contract is signed: the open Aider offer is declined in the
    // same step, the placement stays.
    let p = placement::Entity::find()
        .filter(placement::Column::ApplicationId.eq(gus))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    for to in ["contract_in_progress", "placed"] {
        placements::update(
            &app.state,
            &origin,
            m.promotion,
            p.id,
            &placements::Change {
                to: to.into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    }
    assert_eq!(offer_of(&app, gus).await.state, "declined");
    let kept = app.row::<placement::Entity>(p.id).await;
    assert_eq!((kept.defi_id, kept.state.as_str()), (m.web, "placed"));
    assert_eq!(state_of(&app, gus).await, "placed");
    let (_, log) = offers::log_of(&app.state.db, m.promotion)
        .await
        .unwrap()
        .unwrap();
    let kinds: Vec<Kind> = log.events.iter().rev().take(2).map(|e| e.kind).collect();
    assert_eq!(kinds, [Kind::Renounce, Kind::Decline]);
    assert_eq!(app::domain::offers::verify(&log), vec![]);
    let _ = iris;

    // The web défi is withdrawn: his seat is taken back, his dossier no
    // longer reads "placed", and he may withdraw it.
    defis::decide(
        &app.state,
        &origin,
        m.web,
        Decision::Withdraw,
        "Le service est réorganisé.",
    )
    .await
    .unwrap();
    assert!(
        placement::Entity::find_by_id(p.id)
            .one(&app.state.db)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        state_of(&app, gus).await,
        "declined",
        "he declined Aider (at the signature)"
    );
    app::server::service::applications::withdraw(&app.state, &origin, gus)
        .await
        .unwrap();
    let (_, log) = offers::log_of(&app.state.db, m.promotion)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(app::domain::offers::verify(&log), vec![]);
}

/// A coordinator interrupts a placement before the start: the person
/// leaves the offers, their seat goes to the next on the list, the host is
/// told and the dossier reads "withdrawn".
#[tokio::test]
async fn an_interrupted_placement_passes_its_seat_on() {
    let app = TestApp::spawn().await;
    let (_hugo, _org) = app.host().await;
    let m = market(&app).await;
    let [ada, bob, ..] = m.people;
    offers_out(&app, m.promotion).await;
    let p = accepts(&app, ada).await;
    app.mail().await;
    // From the offers page: the box first.
    let claire = app.coordinator().await;
    let page = format!("/coordination/promotions/{}/propositions", m.promotion);
    let (pr, pl) = (m.promotion.to_string(), p.id.to_string());
    let fields = [
        ("promotion", pr.as_str()),
        ("placement", pl.as_str()),
        ("vers", "interrupted"),
    ];
    let res = claire.post(&page, "/api/suivi-placement", &fields).await;
    assert_eq!(
        crate::helpers::error_fields(&location(&res)),
        vec!["confirm"]
    );
    assert_eq!(app.row::<placement::Entity>(p.id).await.state, "accepted");
    let res = claire
        .post(
            &page,
            "/api/suivi-placement",
            &[fields.as_slice(), &[("confirm", "on")]].concat(),
        )
        .await;
    assert_eq!(location(&res).error, None);
    assert_eq!(
        app.row::<placement::Entity>(p.id).await.state,
        "interrupted"
    );
    assert_eq!(state_of(&app, ada).await, "withdrawn");
    assert_eq!(offer_of(&app, bob).await.state, "open", "Bob is next");
    let mail = app.mail().await;
    let to_hugo: Vec<_> = mail.iter().filter(|x| x.to.contains("hugo@")).collect();
    assert_eq!(to_hugo.len(), 1, "{mail:?}");
    assert!(to_hugo[0].text.contains("Ada Candidat ne rejoindra pas"));
    assert!(
        mail.iter()
            .any(|x| x.to.contains("ada@") && x.text.contains("a interrompu votre placement")),
        "{mail:?}"
    );
    let (_, log) = offers::log_of(&app.state.db, m.promotion)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(app::domain::offers::verify(&log), vec![]);
}

/// Once the promotion has started, interrupting a placement stops the
/// mission: nobody is offered the seat, the host hears that the mission
/// stops, the dossier reads "withdrawn".
#[tokio::test]
async fn after_the_start_an_interruption_stops_the_mission() {
    let app = TestApp::spawn().await;
    let (_hugo, _org) = app.host().await;
    let m = market(&app).await;
    let [ada, bob, ..] = m.people;
    let origin = Default::default();
    offers_out(&app, m.promotion).await;
    let a = offer_of(&app, ada).await.id;
    answers::answer(&app.state, &origin, a, true, Utc::now())
        .await
        .unwrap();
    // The promotion started yesterday.
    let mut pr: app::server::db::promotion::ActiveModel = app
        .row::<app::server::db::promotion::Entity>(m.promotion)
        .await
        .into();
    pr.start_date = Set((Utc::now() - Duration::days(1)).date_naive());
    pr.update(&app.state.db).await.unwrap();
    let p = placement::Entity::find()
        .filter(placement::Column::ApplicationId.eq(ada))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    app.mail().await;
    placements::update(
        &app.state,
        &origin,
        m.promotion,
        p.id,
        &placements::Change {
            to: "interrupted".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        app.row::<placement::Entity>(p.id).await.state,
        "interrupted"
    );
    assert_eq!(state_of(&app, ada).await, "withdrawn");
    assert!(
        offer::Entity::find()
            .filter(offer::Column::ApplicationId.eq(bob))
            .one(&app.state.db)
            .await
            .unwrap()
            .is_none(),
        "nobody is offered the seat months later"
    );
    let mail = app.mail().await;
    let to_hugo: Vec<_> = mail.iter().filter(|x| x.to.contains("hugo@")).collect();
    assert_eq!(to_hugo.len(), 1, "{mail:?}");
    assert!(
        to_hugo[0].subject.contains("Mission arrêtée"),
        "{}",
        to_hugo[0].subject
    );
}
