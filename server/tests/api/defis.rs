//! The call for défis over HTTP, as browsers without JavaScript use it: an
//! organisation registers, proposes a défi with its slots and pitch deck,
//! submits it; coordinators ask for information, decide (one by one and in
//! batch, after a preview) and publish; the public sees only published
//! sheets; other organisations see nothing.

use crate::helpers::{
    Browser, Msg, PASSWORD, PDF, TestApp, error_fields, error_in, fill, fr, fr_parts, location,
    open_promotion, register, shows, token_in,
};
use app::domain::defi::DefiState;
use chrono::{Duration, Utc};
use sea_orm::ActiveValue::Set;

/// Starts a défi of `org` in `promotion`, from the organisation's page.
async fn start_defi(b: &Browser, org: i64, promotion: i64) -> reqwest::Response {
    let fields = [
        ("organisation", org.to_string()),
        ("promotion", promotion.to_string()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    b.post(&format!("/organisation/{org}"), "/api/creer-defi", &fields)
        .await
}

async fn new_defi(b: &Browser, org: i64, promotion: i64) -> i64 {
    let res = start_defi(b, org, promotion).await;
    let to = location(&res);
    assert!(to.starts_with("/organisation/defis/"), "{to}");
    to.rsplit('/').next().unwrap().parse().unwrap()
}

fn complete_fields(id: i64, intent: &str) -> Vec<(String, String)> {
    [
        ("id", id.to_string()),
        ("intent", intent.into()),
        ("title", "Mieux orienter les usagers".into()),
        ("summary", "Un outil pour orienter les usagers.".into()),
        ("context", "Des guichets saturés.".into()),
        ("use_cases", "Orienter.\n\nMesurer.".into()),
        ("impact", "Moins d'attente.".into()),
        ("data_available", "Historique des demandes.".into()),
        ("data_accessible", "on".into()),
        ("open_code", "on".into()),
        ("leads", "Marie Curie, directrice".into()),
        ("mentor", "Pierre Curie".into()),
        ("slot1_profile", "developer".into()),
        ("slot1_mission", "Construire l'outil.".into()),
        ("slot1_mandatory", "on".into()),
        ("slot2_profile", "designer".into()),
        ("slot2_mission", "Concevoir avec les usagers.".into()),
        ("slot3_profile", "data_scientist".into()),
        ("slot3_mission", "Mesurer l'effet de l'orientation.".into()),
        (
            "obstacles",
            "Un marché public en cours de renouvellement.".into(),
        ),
        (
            "legal_ethics",
            "Des données de santé dans les demandes.".into(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

async fn save(b: &Browser, id: i64, fields: &[(String, String)]) -> reqwest::Response {
    let from = format!("/organisation/defis/{id}");
    b.post_fields(&from, "/api/enregistrer-defi", fields).await
}

async fn state_of(app: &TestApp, id: i64) -> app::server::db::defi::Model {
    app.row::<app::server::db::defi::Entity>(id).await
}

async fn upload(b: &Browser, id: i64, name: &str, bytes: &[u8]) -> reqwest::Response {
    let from = format!("/organisation/defis/{id}");
    let to = format!("/organisation/defis/{id}/presentation");
    b.upload(&from, &to, name, bytes).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_defi_lifecycle_from_draft_to_public_sheet() {
    let app = TestApp::spawn().await;
    let promotion = open_promotion(&app).await;
    let claire = app.coordinator().await;
    let (hugo, org) = app.host().await;
    let home = hugo.page(&format!("/organisation/{org}")).await;
    assert!(
        home.contains("Ville de Belleforêt")
            && home.contains(&format!("{}EIG 8", fr_parts(Msg::ProposeDefi)[0]))
    );

    let id = new_defi(&hugo, org, promotion).await;
    // A partial draft saves; an incomplete submission is refused field by
    // field but keeps what was typed.
    let partial: Vec<(String, String)> = vec![
        ("id".into(), id.to_string()),
        ("intent".into(), "submit".into()),
        ("title".into(), "Mieux orienter les usagers".into()),
    ];
    let to = location(&save(&hugo, id, &partial).await);
    let fields = error_fields(&to);
    for f in ["summary", "context", "leads", "slots"] {
        assert!(fields.contains(&f.to_owned()), "{f} in {fields:?}");
    }
    let d = state_of(&app, id).await;
    assert_eq!(d.state, "draft");
    assert_eq!(d.title, "Mieux orienter les usagers", "the draft was saved");

    // The pitch deck: a real PDF is stored; anything else is refused.
    let res = upload(&hugo, id, "présentation.pdf", PDF).await;
    assert_eq!(location(&res), format!("/organisation/defis/{id}"));
    let res = upload(&hugo, id, "faux.pdf", b"<html>not a pdf</html>").await;
    let page = hugo.follow(res).await;
    assert!(shows(&page, fr(Msg::FileNotPdf)), "upload error shown");
    // As a browser asks: compressed if possible. A PDF is sent as it is,
    // with its length.
    let dl = hugo
        .client
        .get(format!(
            "{}/organisation/defis/{id}/presentation",
            hugo.base
        ))
        .header("accept-encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert!(dl.headers().get("content-encoding").is_none());
    assert_eq!(dl.status(), 200);
    assert_eq!(dl.headers()["content-type"], "application/pdf");
    assert_eq!(
        dl.headers()["content-length"],
        PDF.len().to_string().as_str(),
        "a streamed file says its size"
    );
    assert!(
        dl.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .ends_with("filename*=UTF-8''pr%C3%A9sentation.pdf"),
        "the name as uploaded, in UTF-8"
    );
    assert_eq!(
        dl.bytes().await.unwrap().as_ref(),
        PDF,
        "the first file stayed"
    );

    // Complete and submit before the deadline.
    let to = location(&save(&hugo, id, &complete_fields(id, "submit")).await);
    assert_eq!(error_in(&to), None, "{to}");
    let d = state_of(&app, id).await;
    assert_eq!(d.state, "submitted");
    let submitted_at = d.submitted_at.expect("submission time");
    let receipt = app
        .mail()
        .await
        .into_iter()
        .find(|m| m.to == "hugo@ville.fr")
        .expect("receipt");
    assert!(receipt.subject.contains("Mieux orienter les usagers"));
    assert!(
        receipt
            .text
            .contains(&app::domain::promotion::paris_display(submitted_at))
    );
    let page = hugo.page(&format!("/organisation/defis/{id}")).await;
    assert!(
        page.contains(fr_parts(Msg::SubmittedAtLine)[0]),
        "submission time on the page"
    );
    assert!(
        !page.contains(r#"name="intent""#),
        "read-only after submission"
    );
    // A save after submission changes nothing.
    let mut late = complete_fields(id, "save");
    late[2].1 = "Titre changé".into();
    let to = location(&save(&hugo, id, &late).await);
    assert!(error_in(&to).is_some());
    assert_eq!(state_of(&app, id).await.title, "Mieux orienter les usagers");

    // Coordinators see it and ask for information.
    let list = claire
        .page(&format!("/coordination/promotions/{promotion}/defis"))
        .await;
    assert!(list.contains("Mieux orienter les usagers"));
    let res = claire
        .post(
            &format!("/coordination/defis/{id}"),
            "/api/decider-defi",
            &[
                ("id", &id.to_string()),
                ("decision", "ask_info"),
                ("message", "Quelles données sont ouvertes ?"),
            ],
        )
        .await;
    assert_eq!(location(&res), format!("/coordination/defis/{id}"));
    assert_eq!(state_of(&app, id).await.state, "info_requested");
    let mail = app.mail().await;
    assert!(
        mail.iter()
            .any(|m| m.to == "hugo@ville.fr" && m.text.contains("Quelles données sont ouvertes ?"))
    );
    let page = hugo.page(&format!("/organisation/defis/{id}")).await;
    assert!(page.contains("Quelles données sont ouvertes ?"));
    assert!(page.contains(r#"name="intent""#), "editable again");

    // The host answers and resubmits.
    let mut answer = complete_fields(id, "submit");
    answer[7].1 = "Historique des demandes, ouvert sur data.gouv.fr.".into();
    let to = location(&save(&hugo, id, &answer).await);
    assert_eq!(error_in(&to), None, "{to}");
    assert_eq!(state_of(&app, id).await.state, "submitted");
    app.mail().await;

    // A batch: the preview says who receives what, and sends nothing.
    let preview = claire
        .page(&format!(
            "/coordination/promotions/{promotion}/defis/apercu?ids={id}&decision=select&message="
        ))
        .await;
    assert!(preview.contains("hugo@ville.fr"));
    assert!(
        preview.contains("Mieux orienter les usagers"),
        "template personalised"
    );
    assert_eq!(state_of(&app, id).await.state, "submitted");
    assert!(app.mail().await.is_empty(), "nothing sent by a preview");
    let res = claire
        .post(
            &format!("/coordination/promotions/{promotion}/defis/apercu"),
            "/api/decider-defis",
            &[
                ("promotion", &promotion.to_string()),
                ("ids[0]", &id.to_string()),
                ("decision", "select"),
                ("message", "Sélectionné : « {titre} »."),
            ],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/coordination/promotions/{promotion}/defis")
    );
    assert_eq!(state_of(&app, id).await.state, "selected");
    let mail = app.mail().await;
    assert!(mail.iter().any(|m| {
        m.text
            .contains("Sélectionné : « Mieux orienter les usagers »")
    }));

    // Not public before publishing, nor its presentation.
    let visitor = app.browser();
    assert_eq!(visitor.get(&format!("/defis/{id}")).await.status(), 404);
    let deck = visitor.get(&format!("/defis/{id}/presentation")).await;
    assert_ne!(
        deck.status(),
        200,
        "an unpublished presentation stays private"
    );
    assert!(
        !visitor
            .page("/defis")
            .await
            .contains("Mieux orienter les usagers")
    );
    let res = claire
        .post(
            &format!("/coordination/promotions/{promotion}/defis"),
            "/api/publier-defis",
            &[("promotion", &promotion.to_string())],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/coordination/promotions/{promotion}/defis")
    );
    let sheet = visitor.page(&format!("/defis/{id}")).await;
    assert!(sheet.contains("Ville de Belleforêt") && sheet.contains("Concevoir avec les usagers."));
    // Everything applicants need to choose, nothing internal.
    for public in [
        "Des guichets saturés.",
        "Orienter.",
        "Moins d'attente.",
        "Historique des demandes",
        "Marie Curie, directrice",
        "Pierre Curie",
    ] {
        assert!(shows(&sheet, public), "the sheet shows {public}");
    }
    assert!(shows(&sheet, fr(Msg::FieldOpenCode)), "a commitment made");
    assert!(
        !shows(&sheet, fr(Msg::FieldOpenData)),
        "not one that was not"
    );
    for internal in ["marché public", "données de santé"] {
        assert!(!sheet.contains(internal), "{internal} stays internal");
    }
    // Its presentation is public now, from the sheet.
    assert!(sheet.contains(&format!("href=\"/defis/{id}/presentation\"")));
    let deck = visitor.get(&format!("/defis/{id}/presentation")).await;
    assert_eq!(deck.status(), 200);
    assert_eq!(deck.headers()["content-type"], "application/pdf");
    // The promotion's call for applications is not open: no way to apply.
    assert!(!shows(&sheet, fr(Msg::ApplyNow)));
    assert!(
        visitor
            .page("/defis?profil=designer")
            .await
            .contains("Mieux orienter les usagers")
    );
    assert!(
        !visitor
            .page("/defis?profil=geomatician")
            .await
            .contains("Mieux orienter les usagers")
    );
    assert!(
        visitor
            .page(&format!("/promotions/{promotion}"))
            .await
            .contains("Mieux orienter les usagers")
    );
    // The public pages read a cached catalogue: a change shows at once.
    let res = correct(
        &claire,
        "/coordination/organisations",
        org,
        ["Ville de Belleforêt-sur-Mer", "etat", "Paris"],
    )
    .await;
    assert_eq!(location(&res), "/coordination/organisations");
    assert!(
        visitor
            .page(&format!("/defis/{id}"))
            .await
            .contains("Ville de Belleforêt-sur-Mer"),
        "the renamed host on the public sheet at once"
    );

    app.assert_audited(&[
        "organisation.registered",
        "defi.created",
        "defi.saved",
        "attachment.uploaded",
        "defi.submitted",
        "defi.decided",
        "defi.batch_decided",
        "defi.published",
    ])
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn submission_after_the_deadline_is_refused_and_the_draft_kept() {
    let app = TestApp::spawn().await;
    let promotion = open_promotion(&app).await;
    let (hugo, org) = app.host().await;
    let id = new_defi(&hugo, org, promotion).await;
    // The call closes a minute ago (server time decides).
    let closed = Utc::now() - Duration::minutes(1);
    app.update_promotion(promotion, |p| p.defis_close_at = Set(closed))
        .await;

    let to = location(&save(&hugo, id, &complete_fields(id, "submit")).await);
    assert_eq!(
        error_in(&to).unwrap(),
        serde_json::json!({ "Refused": "DefiCallClosed" })
    );
    let d = state_of(&app, id).await;
    assert_eq!(d.state, DefiState::Draft.code());
    assert_eq!(d.title, "Mieux orienter les usagers", "the draft is kept");
    let page = hugo.page(&to).await;
    assert!(shows(&page, fr(Msg::DefiCallClosed)));
    assert!(
        page.contains(&app::domain::promotion::paris_display(closed)),
        "closing time shown"
    );
    // And no new défi can be started.
    let res = start_defi(&hugo, org, promotion).await;
    assert_eq!(
        error_in(&location(&res)).unwrap(),
        serde_json::json!({ "Refused": "DefiCallClosed" })
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_organisation_sees_nothing_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let promotion = open_promotion(&app).await;
    let (hugo, org) = app.host().await;
    let id = new_defi(&hugo, org, promotion).await;
    save(&hugo, id, &complete_fields(id, "save")).await;
    upload(&hugo, id, "p.pdf", PDF).await;

    let other = app
        .verified_user("olga@autre.fr", "Olga Autre", PASSWORD)
        .await;
    register(&other, "Département voisin").await;
    let applicant = app
        .verified_user("camille@example.fr", "Camille", PASSWORD)
        .await;
    for b in [&other, &applicant] {
        assert_eq!(
            b.get(&format!("/organisation/defis/{id}")).await.status(),
            404
        );
        assert_eq!(b.get(&format!("/organisation/{org}")).await.status(), 404);
        assert_eq!(
            b.get(&format!("/organisation/defis/{id}/presentation"))
                .await
                .status(),
            404
        );
        let mut hijack = complete_fields(id, "save");
        hijack[2].1 = "Détourné".into();
        let to = location(&save(b, id, &hijack).await);
        assert_eq!(error_in(&to).unwrap(), serde_json::json!("NotFound"));
        assert_eq!(upload(b, id, "x.pdf", PDF).await.status(), 404);
        assert_eq!(b.get(&format!("/defis/{id}")).await.status(), 404);
    }
    // Anonymous people are sent to sign in.
    let anon = app.browser();
    assert_eq!(
        location(
            &anon
                .get(&format!("/organisation/defis/{id}/presentation"))
                .await
        ),
        "/connexion"
    );
    assert_eq!(state_of(&app, id).await.title, "Mieux orienter les usagers");
    // Coordinators do not see drafts either.
    let claire = app.coordinator().await;
    assert_eq!(
        claire
            .get(&format!("/coordination/defis/{id}"))
            .await
            .status(),
        404
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autosave_answers_json_and_refuses_a_stale_version() {
    let app = TestApp::spawn().await;
    let promotion = open_promotion(&app).await;
    let (hugo, org) = app.host().await;
    let id = new_defi(&hugo, org, promotion).await;
    let version = state_of(&app, id).await.version.to_string();
    let post = |title: &'static str, version: String| {
        let hugo = &hugo;
        async move {
            hugo.client
                .post(format!("{}/api/enregistrer-defi", hugo.base))
                .header(reqwest::header::ACCEPT, "application/json")
                .form(&[
                    ("id", id.to_string()),
                    ("version", version),
                    ("title", title.to_owned()),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    let first = post("Premier onglet", version.clone()).await;
    assert_eq!(first.status(), 200);
    let saved: serde_json::Value = first.json().await.unwrap();
    assert_eq!(
        saved["version"],
        serde_json::json!(state_of(&app, id).await.version)
    );
    assert_eq!(saved["saved_at"].as_str().unwrap().len(), 5, "HH:MM");
    // A second tab still holds the old version: told, not overwritten.
    let second = post("Second onglet", version).await;
    assert!(!second.status().is_success());
    assert_eq!(
        second.json::<serde_json::Value>().await.unwrap(),
        serde_json::json!("Conflict")
    );
    assert_eq!(state_of(&app, id).await.title, "Premier onglet");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lead_invites_a_colleague_who_joins_once() {
    let app = TestApp::spawn().await;
    let (hugo, org) = app.host().await;
    let res = invite_as(&hugo, org, "mina@ville.fr", "mentor").await;
    assert_eq!(location(&res), format!("/organisation/{org}"));
    let mail = app.mail().await;
    let invitation = mail
        .iter()
        .find(|m| m.to == "mina@ville.fr")
        .expect("invitation");
    assert!(
        invitation.text.contains("Ville de Belleforêt") && invitation.text.contains("Hugo Hôte")
    );
    let token = token_in(&invitation.text, "/invitation?jeton=");
    // Anonymous: told to sign in first.
    let page = app
        .browser()
        .page(&format!("/invitation?jeton={token}"))
        .await;
    assert!(page.contains("Ville de Belleforêt") && page.contains("/connexion"));
    // A forwarded link does not let another account in.
    let olga = app
        .verified_user("olga@autre.fr", "Olga Autre", PASSWORD)
        .await;
    let res = accept(&olga, &token).await;
    assert_eq!(
        error_in(&location(&res)).unwrap(),
        serde_json::json!({ "Refused": "InvitationOtherEmail" })
    );
    assert_eq!(
        olga.get(&format!("/organisation/{org}")).await.status(),
        404
    );
    let mina = app
        .verified_user("mina@ville.fr", "Mina Mentor", PASSWORD)
        .await;
    assert_eq!(
        mina.get(&format!("/organisation/{org}")).await.status(),
        404
    );
    let res = accept(&mina, &token).await;
    assert_eq!(location(&res), format!("/organisation/{org}"));
    let home = mina.page(&format!("/organisation/{org}")).await;
    assert!(home.contains("Mina Mentor") && home.contains("Hugo Hôte"));
    assert!(
        !shows(&home, fr(Msg::InviteSubmit)),
        "mentors do not invite"
    );
    // The link works once.
    let res = accept(&mina, &token).await;
    assert_eq!(
        error_in(&location(&res)).unwrap(),
        serde_json::json!({ "Refused": "InvitationInvalid" })
    );
    // A mentor cannot invite.
    let res = invite_as(&mina, org, "x@ville.fr", "lead").await;
    assert_eq!(
        error_in(&location(&res)).unwrap(),
        serde_json::json!("NotFound")
    );
    app.assert_audited(&[
        "organisation.member_invited",
        "organisation.invitation_accepted",
    ])
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coordinators_correct_an_organisation_and_bad_input_changes_nothing() {
    let app = TestApp::spawn().await;
    let (hugo, org) = app.host_of("Ville de Belleforet").await;
    // A host cannot use the coordinators' correction.
    let res = correct(
        &hugo,
        "/coordination/organisations",
        org,
        ["X", "etat", "Y"],
    )
    .await;
    assert_eq!(
        error_in(&location(&res)).unwrap(),
        serde_json::json!("NotFound")
    );
    let claire = app.coordinator().await;
    assert!(
        claire
            .page("/coordination/organisations")
            .await
            .contains("Ville de Belleforet")
    );
    let res = correct(
        &claire,
        &format!("/coordination/organisations/{org}"),
        org,
        [" ", "planete", "Paris"],
    )
    .await;
    let to = location(&res);
    assert_eq!(error_fields(&to), ["name", "kind"]);
    let res = correct(
        &claire,
        &format!("/coordination/organisations/{org}"),
        org,
        ["Ville de Belleforêt", "collectivite", "Belleforêt"],
    )
    .await;
    assert_eq!(location(&res), "/coordination/organisations");
    let o = app::server::service::organisations::find(&app.state.db, org)
        .await
        .unwrap();
    assert_eq!(
        (o.name.as_str(), o.kind.as_str(), o.city.as_str()),
        ("Ville de Belleforêt", "collectivite", "Belleforêt")
    );
    assert!(app.audited("organisation.updated").await);
}

/// `b` accepts the invitation of `token`, from the emailed link.
async fn accept(b: &Browser, token: &str) -> reqwest::Response {
    b.post(
        &format!("/invitation?jeton={token}"),
        "/api/accepter-invitation",
        &[("token", token)],
    )
    .await
}

/// `b` removes `user` from `org`, from its home page.
async fn remove(b: &Browser, org: i64, user: i64) -> reqwest::Response {
    b.post(
        &format!("/organisation/{org}"),
        "/api/retirer-membre",
        &[
            ("organisation", &org.to_string()),
            ("user", &user.to_string()),
        ],
    )
    .await
}

/// `b` invites `email` as `role` to `org`, from its home page.
async fn invite_as(b: &Browser, org: i64, email: &str, role: &str) -> reqwest::Response {
    b.post(
        &format!("/organisation/{org}"),
        "/api/inviter-membre",
        &[
            ("organisation", &org.to_string()),
            ("email", email),
            ("role", role),
        ],
    )
    .await
}

/// `b` corrects the name, kind and city of `org` from the page `from`.
async fn correct(
    b: &Browser,
    from: &str,
    org: i64,
    [name, kind, city]: [&str; 3],
) -> reqwest::Response {
    b.post(
        from,
        "/api/modifier-organisation",
        &[
            ("id", &org.to_string()),
            ("name", name),
            ("kind", kind),
            ("city", city),
        ],
    )
    .await
}

/// `lead` invites `email` as `role` to `org`; returns the invitation token.
async fn invite(app: &TestApp, lead: &Browser, org: i64, email: &str, role: &str) -> String {
    let res = invite_as(lead, org, email, role).await;
    assert_eq!(error_in(&location(&res)), None);
    let mails = app.mail().await;
    let mail = mails.iter().find(|m| m.to == email).expect("invitation");
    token_in(&mail.text, "/invitation?jeton=")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lead_removes_a_member_and_cancels_an_invitation() {
    let app = TestApp::spawn().await;
    let promotion = open_promotion(&app).await;
    let (hugo, org) = app.host().await;
    let defi = new_defi(&hugo, org, promotion).await;
    let token = invite(&app, &hugo, org, "mina@ville.fr", "mentor").await;
    let mina = app
        .verified_user("mina@ville.fr", "Mina Mentor", PASSWORD)
        .await;
    accept(&mina, &token).await;
    assert_eq!(
        mina.get(&format!("/organisation/{org}")).await.status(),
        200
    );
    assert_eq!(
        mina.get(&format!("/organisation/defis/{defi}"))
            .await
            .status(),
        200
    );
    let mina_id = app.user_id("mina@ville.fr").await;
    let hugo_id = app.user_id("hugo@ville.fr").await;
    let page = hugo.page(&format!("/organisation/{org}")).await;
    assert!(shows(
        &page,
        &fill(fr(Msg::RemoveMember), &[("name", "Mina Mentor")])
    ));

    // A mentor cannot remove anyone.
    let res = remove(&mina, org, hugo_id).await;
    assert_eq!(
        error_in(&location(&res)).unwrap(),
        serde_json::json!("NotFound")
    );

    // The last lead cannot be removed, even by themself.
    let res = remove(&hugo, org, hugo_id).await;
    assert_eq!(
        error_in(&location(&res)).unwrap(),
        serde_json::json!({ "Refused": "LastLead" })
    );

    // Removing Mina ends her access at once, with the session she has.
    let res = remove(&hugo, org, mina_id).await;
    assert_eq!(location(&res), format!("/organisation/{org}"));
    assert_eq!(
        mina.get(&format!("/organisation/{org}")).await.status(),
        404
    );
    assert_eq!(
        mina.get(&format!("/organisation/defis/{defi}"))
            .await
            .status(),
        404
    );
    assert_eq!(
        mina.get(&format!("/organisation/defis/{defi}/presentation"))
            .await
            .status(),
        404
    );

    // A cancelled invitation's link no longer works.
    let token = invite(&app, &hugo, org, "olga@ville.fr", "lead").await;
    let invitation = {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        app::server::db::invitation::Entity::find()
            .filter(app::server::db::invitation::Column::Email.eq("olga@ville.fr"))
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap()
            .id
    };
    let res = hugo
        .post(
            &format!("/organisation/{org}"),
            "/api/annuler-invitation",
            &[
                ("organisation", &org.to_string()),
                ("invitation", &invitation.to_string()),
            ],
        )
        .await;
    assert_eq!(location(&res), format!("/organisation/{org}"));
    let olga = app
        .verified_user("olga@ville.fr", "Olga Lead", PASSWORD)
        .await;
    let res = accept(&olga, &token).await;
    assert_eq!(
        error_in(&location(&res)).unwrap(),
        serde_json::json!({ "Refused": "InvitationInvalid" })
    );
    app.assert_audited(&[
        "organisation.member_removed",
        "organisation.invitation_cancelled",
    ])
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invitations_are_rate_limited_per_account() {
    let app = TestApp::spawn().await;
    let (hugo, org) = app.host().await;
    let mut last = None;
    for i in 0..21 {
        let res = invite_as(&hugo, org, &format!("agent{i}@ville.fr"), "mentor").await;
        last = error_in(&location(&res));
    }
    assert_eq!(last, Some(serde_json::json!("RateLimited")));
    assert_eq!(app.mail().await.len(), 20, "no email past the limit");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_state_in_the_database_fails_closed() {
    use sea_orm::{ConnectionTrait, Statement};
    let app = TestApp::spawn().await;
    let promotion = open_promotion(&app).await;
    let (hugo, org) = app.host().await;
    let id = new_defi(&hugo, org, promotion).await;
    let backend = app.state.db.get_database_backend();
    app.state
        .db
        .execute_raw(Statement::from_string(
            backend,
            format!("UPDATE defis SET state = 'archived_by_a_future_release' WHERE id = {id}"),
        ))
        .await
        .unwrap();
    // Neither "not found" nor an editable draft: an error page, status 500.
    let res = hugo.get(&format!("/organisation/defis/{id}")).await;
    assert_eq!(res.status(), 500);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains(fr(Msg::ErrUnexpectedTitle))
    );
    let res = save(&hugo, id, &complete_fields(id, "save")).await;
    assert_eq!(
        error_in(&location(&res)),
        Some(serde_json::json!("Unexpected"))
    );
    assert_eq!(state_of(&app, id).await.title, "", "nothing was saved");
}

/// "Propose a défi" clicked twice opens the same untitled draft, not a
/// second one; once the draft has a title, a new click starts a new one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn proposing_twice_reuses_the_untouched_draft() {
    let app = TestApp::spawn().await;
    let promotion = open_promotion(&app).await;
    let (hugo, org) = app.host().await;
    let first = new_defi(&hugo, org, promotion).await;
    assert_eq!(new_defi(&hugo, org, promotion).await, first, "same draft");
    let created = app
        .audit_actions()
        .await
        .into_iter()
        .filter(|a| a == "defi.created")
        .count();
    assert_eq!(created, 1, "one creation recorded");
    let res = save(&hugo, first, &complete_fields(first, "save")).await;
    assert_eq!(location(&res), format!("/organisation/defis/{first}"));
    assert_ne!(new_defi(&hugo, org, promotion).await, first, "a new one");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_decision_says_why_even_when_none_is_possible_any_more() {
    let app = TestApp::spawn().await;
    let promotion = open_promotion(&app).await;
    let claire = app.coordinator().await;
    let (hugo, org) = app.host().await;
    let id = new_defi(&hugo, org, promotion).await;
    assert_eq!(
        error_in(&location(
            &save(&hugo, id, &complete_fields(id, "submit")).await
        )),
        None
    );
    let page = format!("/coordination/defis/{id}");
    let decide = |decision: &'static str| {
        let (claire, page) = (&claire, page.clone());
        async move {
            location(
                &claire
                    .post(
                        &page,
                        "/api/decider-defi",
                        &[
                            ("id", id.to_string().as_str()),
                            ("decision", decision),
                            ("message", "Merci."),
                        ],
                    )
                    .await,
            )
        }
    };
    // The défi's templates fill its decision form too (?modele=).
    let filled = claire.page(&format!("{page}?modele=reject")).await;
    assert!(
        filled.contains(r#"<option value="reject" selected"#),
        "{filled}"
    );
    assert_eq!(error_in(&decide("reject").await), None);
    // Rejected: no decision is possible any more (a second coordinator had
    // the page open); the refusal is shown all the same, once.
    let to = decide("select").await;
    assert_eq!(error_in(&to).unwrap()["Refused"], "DecisionNotAllowed");
    let shown = claire.page(&to).await;
    assert!(!shown.contains("decision-titre"), "no decision form");
    assert!(shows(&shown, fr(Msg::DecisionNotAllowed)), "{shown}");
    assert!(!shows(&claire.page(&to).await, fr(Msg::DecisionNotAllowed)));
    // Publishing it is refused in words (it is not selected), nothing sent.
    let to = location(
        &claire
            .post(
                &page,
                "/api/publier-defis",
                &[
                    ("promotion", promotion.to_string().as_str()),
                    ("defi", id.to_string().as_str()),
                ],
            )
            .await,
    );
    assert_eq!(error_in(&to).unwrap()["Refused"], "NothingToPublish");
    assert!(shows(&claire.page(&to).await, fr(Msg::NothingToPublish)));
    assert!(state_of(&app, id).await.published_at.is_none());
}
