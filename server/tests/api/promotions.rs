//! Promotions: coordinators create and edit them; everyone reads the public
//! page.

use crate::helpers::{Browser, Msg, TestApp, error_in, fr, location, shows};

fn form<'a>(overrides: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![
        ("name", "EIG 8 — 2028"),
        ("description", "Huitième promotion."),
        ("defis_open", "2028-02-01T09:00"),
        ("defis_close", "2028-04-15T23:59"),
        ("applications_open", "2028-03-01T09:00"),
        ("applications_close", "2028-05-07T23:59"),
        ("start_date", "2028-09-15"),
        ("duration_months", "10"),
        ("team_min", "2"),
        ("team_max", "3"),
        ("max_choices", "3"),
        ("profiles[0]", "developer"),
        ("profiles[3]", "designer"),
    ];
    for (k, v) in overrides {
        if let Some(slot) = f.iter_mut().find(|(fk, _)| fk == k) {
            slot.1 = v;
        } else {
            f.push((k, v));
        }
    }
    f
}

/// `b` posts the new-promotion form with `fields`.
async fn create(b: &Browser, fields: &[(&str, &str)]) -> reqwest::Response {
    b.post(
        "/coordination/promotions/nouvelle",
        "/api/creer-promotion",
        fields,
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_creates_a_promotion_that_everyone_can_read() {
    let app = TestApp::spawn().await;
    let claire = app.coordinator().await;
    let res = create(&claire, &form(&[])).await;
    let to = location(&res);
    assert!(to.starts_with("/coordination/promotions/"), "{to}");
    let edit = claire.page(&to).await;
    assert!(edit.contains(fr(Msg::PromotionCreated)));
    assert!(
        edit.contains(r#"value="2028-05-07T23:59""#),
        "Paris time shown back"
    );
    let id = to.rsplit('/').next().unwrap().to_owned();
    let view = app::server::service::promotions::get(&app.state.db, id.parse().unwrap())
        .await
        .unwrap();
    // 23:59 in Paris in May is 21:59 UTC.
    assert_eq!(
        view.calendar.applications_close.to_rfc3339(),
        "2028-05-07T21:59:00+00:00"
    );
    assert_eq!(
        view.profiles.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
        ["developer", "designer"]
    );
    let public = app.browser().page(&format!("/promotions/{id}")).await;
    assert!(public.contains("EIG 8 — 2028"));
    assert!(public.contains("07/05/2028 23:59"));
    assert!(public.contains(fr(Msg::ProfileDeveloper)));
    assert!(app.browser().page("/").await.contains("EIG 8 — 2028"));
    assert!(app.audited("promotion.created").await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_calendar_is_refused_field_by_field_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let claire = app.coordinator().await;
    let res = create(
        &claire,
        &form(&[
            ("defis_close", "2028-01-15T10:00"),
            ("applications_close", "2028-09-20T10:00"),
        ]),
    )
    .await;
    let to = location(&res);
    let err = error_in(&to).unwrap();
    let fields: Vec<(&str, &str)> = err["Validation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["message"].as_str().unwrap()))
        .collect();
    assert!(
        fields.contains(&("defis_close", "WindowClosesBeforeOpen")),
        "{fields:?}"
    );
    assert!(
        fields.contains(&("applications_close", "ApplicationsCloseAfterStart")),
        "{fields:?}"
    );
    let page = claire.page(&to).await;
    assert!(shows(&page, fr(Msg::WindowClosesBeforeOpen)));
    assert!(
        page.contains(r#"value="EIG 8 — 2028""#),
        "typed values kept"
    );
    assert!(
        app::server::service::promotions::list(&app.state.db)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_coordinators_manage_promotions() {
    let app = TestApp::spawn().await;
    let marie = app.user().await;
    assert_eq!(marie.get("/coordination/promotions").await.status(), 404);
    let res = marie
        .post("/espace", "/api/creer-promotion", &form(&[]))
        .await;
    assert!(error_in(&location(&res)).is_some());
    assert!(
        app::server::service::promotions::list(&app.state.db)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        location(&app.browser().get("/coordination/promotions").await),
        "/connexion?suite=%2Fcoordination%2Fpromotions",
        "signed in, back here"
    );
    assert_eq!(app.browser().get("/promotions/999").await.status(), 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_edits_a_promotion() {
    let app = TestApp::spawn().await;
    let claire = app.coordinator().await;
    let res = create(&claire, &form(&[])).await;
    let id = location(&res).rsplit('/').next().unwrap().to_owned();
    let res = claire
        .post(
            &format!("/coordination/promotions/{id}"),
            "/api/modifier-promotion",
            &form(&[
                ("id", id.as_str()),
                ("name", "EIG 8 — 2028 (bis)"),
                ("duration_months", "11"),
            ]),
        )
        .await;
    assert_eq!(location(&res), format!("/coordination/promotions/{id}"));
    let view = app::server::service::promotions::get(&app.state.db, id.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(view.name, "EIG 8 — 2028 (bis)");
    assert_eq!(view.calendar.duration_months, 11);
    assert!(app.audited("promotion.updated").await);
}
