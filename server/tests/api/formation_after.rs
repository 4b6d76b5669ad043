//! After the offers went out: the dossiers follow where their authors
//! stand, a signed contract makes a seat final (its holder leaves the
//! waitlists), the host hears of a fellow who will not come, a défi the
//! audit stopped resumes with a reason, the personal-data export holds the
//! offers and the retention purge forgets them.

use crate::formation::{market, offer_of};
use crate::helpers::TestApp;
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

#[tokio::test]
async fn dossiers_follow_the_offers_and_a_signed_contract_is_final() {
    let app = TestApp::spawn().await;
    // Hugo leads the host organisation of both défis.
    let (_hugo, _org) = app.host().await;
    let m = market(&app).await;
    let [ada, bob, cleo, dan, _eve, _] = m.people;
    let origin = Default::default();
    runs::run(&app.state.db, &origin, m.promotion)
        .await
        .unwrap();
    answers::validate(&app.state, &origin, m.promotion, 1, Utc::now())
        .await
        .unwrap();
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
            && told.text.contains("s'est retirée du programme"),
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

/// A défi the audit stopped resumes only with a reason; the violations
/// already reported no longer stop it, and its offers go on at once.
#[tokio::test]
async fn a_stopped_defi_resumes_with_a_reason() {
    use app::i18n::Msg;
    use app::model::AppError;
    let app = TestApp::spawn().await;
    let m = market(&app).await;
    let [ada, bob, ..] = m.people;
    let origin = Default::default();
    runs::run(&app.state.db, &origin, m.promotion)
        .await
        .unwrap();
    answers::validate(&app.state, &origin, m.promotion, 1, Utc::now())
        .await
        .unwrap();
    // As if the audit had stopped the web défi: its offers wait.
    let r = run::Entity::find()
        .filter(run::Column::PromotionId.eq(m.promotion))
        .filter(run::Column::ValidatedAt.is_not_null())
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let stopped = format!(r#"{{"blocked":["d{}"]}}"#, m.web);
    let mut row: run::ActiveModel = r.into();
    row.blocked = Set(stopped);
    row.update(&app.state.db).await.unwrap();
    let a = offer_of(&app, ada).await.id;
    answers::answer(&app.state, &origin, a, false, Utc::now())
        .await
        .unwrap();
    assert!(
        offer::Entity::find()
            .filter(offer::Column::ApplicationId.eq(bob))
            .one(&app.state.db)
            .await
            .unwrap()
            .is_none(),
        "a stopped défi makes no offer"
    );
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
        "Journal relu : l'anomalie venait d'une saisie corrigée.",
        now,
    )
    .await
    .unwrap();
    assert_eq!(
        offer_of(&app, bob).await.state,
        "open",
        "the cascade goes on at once"
    );
    assert_eq!(
        answers::resume(&app.state, &origin, m.promotion, m.web, "Encore.", now).await,
        Err(AppError::Refused(Msg::ResumeNotStopped))
    );
    app.assert_audited(&["offers.resumed"]).await;
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
}
