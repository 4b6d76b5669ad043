//! A milestone's file field (the indicators sheet's PDF): sent by who
//! fills the milestone once it is open, refused before and once waived,
//! never a PDF in disguise; read by the team, its host and coordinators,
//! not by another team (the milestone is private); the last one sent is
//! kept; erased from disk with the promotion's data.

use crate::helpers::{Msg, PASSWORD, PDF, TestApp, fr, location, shows};
use crate::milestones::{oct, running};
use app::server::db::milestones::{instance, template};
use app::server::db::{attachment, promotion};
use app::server::service::milestones::scheduler;
use app::server::service::privacy;
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

async fn files_of(app: &TestApp, id: i64) -> Vec<attachment::Model> {
    attachment::Entity::find()
        .filter(attachment::Column::OwnerType.eq("milestone"))
        .filter(attachment::Column::OwnerId.eq(id))
        .all(&app.state.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_team_sends_its_indicators_sheet_and_only_those_who_see_the_milestone_read_it() {
    let app = TestApp::spawn().await;
    let r = running(&app).await;
    let claire = app.coordinator().await;
    scheduler::tick(&app.state, oct(1, 9, 0)).await.unwrap();
    let t = template::Entity::find()
        .filter(template::Column::Key.eq("indicateurs"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let sheet = instance::Entity::find()
        .filter(instance::Column::TemplateId.eq(t.id))
        .filter(instance::Column::DefiId.eq(r.web))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let page = format!("/equipes/{}/jalons/{}", r.web, sheet.id);
    let file = format!("{page}/fichier");
    let ada = app.browser();
    ada.sign_in("ada@example.fr", PASSWORD).await;

    // Not open yet (due in October 2027): refused next to the field.
    let res = ada.upload(&page, &file, "fiche.pdf", PDF).await;
    assert_eq!(location(&res).path, format!("{page}#jalon-fichier"));
    assert!(shows(&ada.follow(res).await, fr(Msg::MilestoneNotOpenYet)));
    assert!(files_of(&app, sheet.id).await.is_empty());

    // Due in two days: open. Something else than a PDF is refused.
    let mut row = sheet.clone().into_active_model();
    row.due_at = Set(Utc::now() + Duration::days(2));
    row.update(&app.state.db).await.unwrap();
    let res = ada
        .upload(&page, &file, "fiche.pdf", b"<html>not a pdf</html>")
        .await;
    assert!(shows(&ada.follow(res).await, fr(Msg::FileNotPdf)));
    assert!(files_of(&app, sheet.id).await.is_empty());

    // A PDF is kept; the page offers it.
    let res = ada.upload(&page, &file, "fiche.pdf", PDF).await;
    assert_eq!(location(&res).path, page);
    assert!(app.audited("attachment.uploaded").await);
    assert!(ada.page(&page).await.contains("Télécharger fiche.pdf"));

    // The team, its host and coordinators read it; the other team does not.
    let hugo = &r.hugo;
    for b in [&ada, hugo, &claire] {
        let res = b.get(&file).await;
        assert_eq!(res.status(), 200);
        assert_eq!(res.bytes().await.unwrap().as_ref(), PDF);
    }
    let eve = app.browser();
    eve.sign_in("eve@example.fr", PASSWORD).await;
    assert_eq!(eve.get(&file).await.status(), 404);
    assert_eq!(
        eve.upload(&page, &file, "x.pdf", PDF).await.status(),
        404,
        "another team sends nothing"
    );
    // The host reads it but does not fill the team's milestone.
    assert_eq!(hugo.upload(&page, &file, "x.pdf", PDF).await.status(), 404);
    // Through another team's address: not found.
    let wrong = format!("/equipes/{}/jalons/{}/fichier", r.forest, sheet.id);
    assert_eq!(ada.get(&wrong).await.status(), 404);

    // The last one sent is kept, the previous one removed from disk.
    let first = files_of(&app, sheet.id).await.remove(0);
    let files = app.data_dir.join("files");
    ada.upload(&page, &file, "fiche-v2.pdf", PDF).await;
    let now = files_of(&app, sheet.id).await;
    assert_eq!(now.len(), 1);
    assert_eq!(now[0].original_name, "fiche-v2.pdf");
    assert!(!files.join(&first.stored_name).exists());

    // Waived: nothing more is sent.
    claire
        .post(
            &page,
            "/api/dispenser-jalon",
            &[
                ("defi", &r.web.to_string()),
                ("jalon", &sheet.id.to_string()),
                ("motif", "Indicateurs fournis en comité"),
            ],
        )
        .await;
    let res = ada.upload(&page, &file, "fiche-v3.pdf", PDF).await;
    assert!(shows(
        &ada.follow(res).await,
        fr(Msg::MilestoneWaivedNoAnswer)
    ));
    assert_eq!(
        files_of(&app, sheet.id).await[0].original_name,
        "fiche-v2.pdf"
    );

    // The promotion's data purged: the file leaves the disk too.
    let stored = files.join(&files_of(&app, sheet.id).await[0].stored_name);
    assert!(stored.exists());
    let mut p = app
        .row::<promotion::Entity>(r.promotion)
        .await
        .into_active_model();
    p.closed_at = Set(Some(Utc::now()));
    p.update(&app.state.db).await.unwrap();
    let later = Utc::now() + Duration::days(3650);
    assert!(
        privacy::purge_expired(&app.state.db, &app.data_dir, later)
            .await
            .unwrap()
            > 0
    );
    assert!(files_of(&app, sheet.id).await.is_empty());
    assert!(!stored.exists(), "the file is removed from disk");
}
