//! The call for applications over HTTP, as browsers without JavaScript use
//! it: an applicant starts a dossier, saves it, attaches a CV, ranks défis,
//! submits before the deadline (or a personal one), and withdraws; nobody
//! else sees it.

use crate::helpers::{
    Browser, Landing, Msg, PASSWORD, PDF, TestApp, error_fields, error_in, fill, fr, fr_parts,
    location, open_applications, open_call, shows,
};
use app::server::db::{application, promotion};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

pub(crate) async fn start(b: &Browser, promotion: i64) -> i64 {
    let res = b
        .post(
            "/candidature",
            "/api/candidater",
            &[("promotion", &promotion.to_string())],
        )
        .await;
    let to = location(&res);
    assert!(to.starts_with("/candidature/"), "{to}");
    to.rsplit('/').next().unwrap().parse().unwrap()
}

/// Ada's dossier in an open call, saved complete once: her browser, its
/// id and its form's fields.
pub(crate) async fn saved_draft(app: &TestApp) -> (Browser, i64, Vec<(String, String)>) {
    let (promotion, web, forest) = open_call(app).await;
    let ada = app.applicant().await;
    let id = start(&ada, promotion).await;
    let fields = complete(id, "save", web, forest);
    assert_eq!(autosave(&ada, id, &fields).await.0, 200);
    (ada, id, fields)
}

pub(crate) fn complete(id: i64, intent: &str, web: i64, forest: i64) -> Vec<(String, String)> {
    [
        ("id", id.to_string()),
        ("intent", intent.into()),
        ("first_name", "Ada".into()),
        ("last_name", "Lovelace".into()),
        ("profile", "developer".into()),
        ("experience", "5to10".into()),
        ("skills", "Rust, SQL".into()),
        ("experience_text", "Dix ans de code.".into()),
        ("motivation", "Servir le public.".into()),
        ("support_role", "non".into()),
        ("offered[0]", web.to_string()),
        ("ranks[0]", "1".into()),
        ("offered[1]", forest.to_string()),
        ("ranks[1]", "".into()),
        ("decl_civil_servant", "on".into()),
        ("decl_student", "on".into()),
        ("decl_jury", "on".into()),
        ("consent", "on".into()),
        ("gender", "femme".into()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

pub(crate) async fn save(b: &Browser, id: i64, fields: &[(String, String)]) -> Landing {
    let from = format!("/candidature/{id}");
    location(
        &b.post_fields(&from, "/api/enregistrer-candidature", fields)
            .await,
    )
}

pub(crate) async fn upload(b: &Browser, id: i64, kind: &str, bytes: &[u8]) -> reqwest::Response {
    let (from, to) = (
        format!("/candidature/{id}"),
        format!("/candidature/{id}/{kind}"),
    );
    b.upload(&from, &to, "cv.pdf", bytes).await
}

pub(crate) async fn row(app: &TestApp, id: i64) -> application::Model {
    app.row::<application::Entity>(id).await
}

/// The dossier's CV row.
async fn row_of_cv(app: &TestApp, id: i64) -> app::server::db::attachment::Model {
    use app::server::db::attachment::{Column, Entity};
    use sea_orm::{ColumnTrait, QueryFilter};
    Entity::find()
        .filter(Column::OwnerType.eq("application"))
        .filter(Column::OwnerId.eq(id))
        .filter(Column::Kind.eq("cv"))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("a CV")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_applicant_builds_submits_and_withdraws_a_dossier() {
    let app = TestApp::spawn().await;
    let (promotion, web, forest) = open_call(&app).await;
    let ada = app.applicant().await;
    let page = ada.page("/candidature").await;
    assert!(page.contains("EIG 8 — 2028") && page.contains(fr(Msg::StartApplicationButton)));
    let id = start(&ada, promotion).await;
    assert_eq!(
        start(&ada, promotion).await,
        id,
        "one dossier per promotion"
    );
    let page = ada.page(&format!("/candidature/{id}")).await;
    assert!(page.contains("Orienter les usagers") && page.contains("value=\"Ada\""));

    // An incomplete submission lists every problem and keeps the draft.
    let partial: Vec<(String, String)> = vec![
        ("id".into(), id.to_string()),
        ("intent".into(), "submit".into()),
        ("first_name".into(), "Ada".into()),
        ("last_name".into(), "Lovelace".into()),
        ("motivation".into(), "Servir le public.".into()),
    ];
    let fields = error_fields(&save(&ada, id, &partial).await);
    for f in ["skills", "profile", "choices", "cv", "consent", "decl_jury"] {
        assert!(fields.contains(&f.to_owned()), "{f} in {fields:?}");
    }
    let r = row(&app, id).await;
    assert_eq!(
        (r.state.as_str(), r.motivation.as_str()),
        ("draft", "Servir le public.")
    );

    // Ranks must be 1, 2, … without repeats.
    let mut bad = complete(id, "save", web, forest);
    bad[13].1 = "1".into();
    assert_eq!(error_fields(&save(&ada, id, &bad).await), ["choices"]);

    // A défi that does not seek the profile is refused at submission.
    let mut wrong = complete(id, "submit", web, forest);
    wrong[11].1 = "".into();
    wrong[13].1 = "1".into();
    assert!(upload(&ada, id, "cv", PDF).await.status().is_redirection());
    assert_eq!(error_fields(&save(&ada, id, &wrong).await), ["choices"]);

    // The CV must be a real PDF.
    let res = upload(&ada, id, "cv", b"not a pdf").await;
    assert!(shows(&ada.follow(res).await, fr(Msg::FileNotPdf)));

    // A second CV replaces the first.
    let second_cv = [b"%PDF-1.4\n% second\n".as_slice(), &PDF[9..]].concat();
    assert!(
        upload(&ada, id, "cv", &second_cv)
            .await
            .status()
            .is_redirection()
    );

    // The optional gender is one of its codes.
    let mut odd = complete(id, "save", web, forest);
    odd.last_mut().unwrap().1 = "robot".into();
    assert_eq!(error_fields(&save(&ada, id, &odd).await), ["gender"]);

    let to = save(&ada, id, &complete(id, "submit", web, forest)).await;
    assert_eq!(error_in(&to), None, "{to}");
    let r = row(&app, id).await;
    assert_eq!(r.state, "submitted");
    assert_eq!(r.gender, "femme");
    let at = app::domain::promotion::paris_display(r.submitted_at.unwrap());
    let mail = app.mail().await;
    let receipt = mail
        .iter()
        .find(|m| m.to == "ada@example.fr")
        .expect("receipt");
    assert!(receipt.text.contains(&at) && receipt.text.contains("1. Orienter les usagers"));
    let page = ada.page(&format!("/candidature/{id}")).await;
    assert!(page.contains(&at) && page.contains(fr(Msg::TimelineTitle)));
    assert!(
        !page.contains(r#"name="intent""#),
        "read-only after submission"
    );

    // Nobody else sees it; coordinators do once submitted.
    let other = app.verified_user("bob@example.fr", "Bob", PASSWORD).await;
    assert_eq!(other.get(&format!("/candidature/{id}")).await.status(), 404);
    assert_eq!(
        other.get(&format!("/candidature/{id}/cv")).await.status(),
        404
    );
    assert_eq!(upload(&other, id, "cv", PDF).await.status(), 404);
    let claire = app.coordinator().await;
    let cv = claire.get(&format!("/candidature/{id}/cv")).await;
    assert_eq!(cv.status(), 200);
    assert_eq!(cv.bytes().await.unwrap().as_ref(), second_cv.as_slice());

    // Withdrawal needs a confirmation.
    let to = location(
        &ada.post(
            &format!("/candidature/{id}"),
            "/api/retirer-candidature",
            &[("id", &id.to_string())],
        )
        .await,
    );
    assert_eq!(error_fields(&to), ["confirm"]);
    let to = location(
        &ada.post(
            &format!("/candidature/{id}"),
            "/api/retirer-candidature",
            &[("id", &id.to_string()), ("confirm", "on")],
        )
        .await,
    );
    assert_eq!(error_in(&to), None);
    assert_eq!(row(&app, id).await.state, "withdrawn");
    // The dossier page's data, read in two queries: its choices in rank
    // order (a first choice added after the second: ids do not give the
    // order), its current CV (the newest row of its kind: one written
    // after the second upload, directly, as a later version would), its
    // events newest first.
    use app::server::db::{application_choice, attachment};
    use app::server::service::applications as service;
    use sea_orm::{ColumnTrait, QueryFilter};
    application_choice::Entity::update_many()
        .col_expr(application_choice::Column::Rank, 2.into())
        .filter(application_choice::Column::ApplicationId.eq(id))
        .exec(&app.state.db)
        .await
        .unwrap();
    application_choice::ActiveModel {
        application_id: Set(id),
        rank: Set(1),
        defi_id: Set(forest),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .unwrap();
    let current = row_of_cv(&app, id).await;
    attachment::ActiveModel {
        id: sea_orm::ActiveValue::NotSet,
        stored_name: Set(format!("{}-2027", current.stored_name)),
        original_name: Set("cv-2027.pdf".into()),
        size: Set(3),
        ..current.into()
    }
    .insert(&app.state.db)
    .await
    .unwrap();
    let d = service::dossier(
        &app.state,
        service::find_with_choices(&app.state.db, id).await.unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(d.form.choices, [forest, web]);
    let cv = d.cv.expect("the current CV");
    assert_eq!((cv.name.as_str(), cv.size), ("cv-2027.pdf", 3));
    assert!(d.portfolio.is_none());
    let kinds: Vec<&str> = d.events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["withdrawn", "submitted"]);
    app.assert_audited(&[
        "application.started",
        "application.saved",
        "application.submitted",
        "application.withdrawn",
        "attachment.uploaded",
    ])
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_deadline_refuses_late_submissions_unless_extended() {
    let app = TestApp::spawn().await;
    let (promotion, web, forest) = open_call(&app).await;
    let ada = app.applicant().await;
    let id = start(&ada, promotion).await;
    upload(&ada, id, "cv", PDF).await;
    let closed = Utc::now() - Duration::minutes(1);
    app.update_promotion(promotion, |p| p.applications_close_at = Set(closed))
        .await;

    let to = save(&ada, id, &complete(id, "submit", web, forest)).await;
    assert_eq!(
        error_in(&to).unwrap(),
        serde_json::json!({ "Refused": "ApplicationsClosed" })
    );
    let r = row(&app, id).await;
    assert_eq!(r.state, "draft");
    assert_eq!(r.skills, "Rust, SQL", "the draft is kept");
    assert!(
        ada.page(&to)
            .await
            .contains(&app::domain::promotion::paris_display(closed))
    );

    // A personal deadline (granted by coordinators) lets this applicant in.
    let mut a: application::ActiveModel = r.into();
    a.personal_deadline = Set(Some(Utc::now() + Duration::hours(2)));
    a.update(&app.state.db).await.unwrap();
    let to = save(&ada, id, &complete(id, "submit", web, forest)).await;
    assert_eq!(error_in(&to), None, "{to}");
    assert_eq!(row(&app, id).await.state, "submitted");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drafts_are_reminded_once_48_hours_before_the_deadline() {
    use app::server::service::applications::remind_drafts;
    let app = TestApp::spawn().await;
    let (promotion, web, forest) = open_call(&app).await;
    let ada = app.applicant().await;
    let bob = app
        .verified_user("bob@example.fr", "Bob Martin", PASSWORD)
        .await;
    let draft = start(&ada, promotion).await;
    let done = start(&bob, promotion).await;
    upload(&bob, done, "cv", PDF).await;
    assert_eq!(
        error_in(&save(&bob, done, &complete(done, "submit", web, forest)).await),
        None
    );
    app.mail().await;
    // Ten days before the deadline: nothing.
    assert_eq!(remind_drafts(&app.state, Utc::now()).await.unwrap(), 0);
    // Forty-seven hours before: the draft's author only, once.
    let at = Utc::now() + Duration::days(10) - Duration::hours(47);
    assert_eq!(remind_drafts(&app.state, at).await.unwrap(), 1);
    assert_eq!(remind_drafts(&app.state, at).await.unwrap(), 0);
    let mail = app.mail().await;
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to, "ada@example.fr");
    assert!(mail[0].text.contains(&format!("/candidature/{draft}")));
    assert!(app.audited("application.reminded").await);
    // After the close, a draft holding a personal deadline is reminded too.
    let cara = app
        .verified_user("cara@example.fr", "Cara Late", PASSWORD)
        .await;
    let late = start(&cara, promotion).await;
    app.update_promotion(promotion, |p| {
        p.applications_close_at = Set(Utc::now() - Duration::hours(1))
    })
    .await;
    let mut a: application::ActiveModel = row(&app, late).await.into();
    a.personal_deadline = Set(Some(Utc::now() + Duration::hours(20)));
    a.update(&app.state.db).await.unwrap();
    app.mail().await;
    assert_eq!(remind_drafts(&app.state, Utc::now()).await.unwrap(), 1);
    assert_eq!(app.mail().await[0].to, "cara@example.fr");
}

/// Ada Lovelace, who submits the dossier [`complete`] fills.
const ADA: [&str; 3] = ["ada@example.fr", "Ada", "Lovelace"];

/// A submitted dossier for `[email, first name, last name]` in the
/// promotion of [`open_call`] (`(promotion, web, forest)`).
async fn submitted(
    app: &TestApp,
    (promotion, web, forest): (i64, i64, i64),
    [email, first, last]: [&str; 3],
) -> (Browser, i64) {
    let b = app
        .verified_user(email, &format!("{first} {last}"), PASSWORD)
        .await;
    let id = start(&b, promotion).await;
    upload(&b, id, "cv", PDF).await;
    let mut f = complete(id, "submit", web, forest);
    f[2].1 = first.into();
    f[3].1 = last.into();
    assert_eq!(error_in(&save(&b, id, &f).await), None);
    (b, id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coordinators_filter_review_extend_and_export_dossiers() {
    let app = TestApp::spawn().await;
    let (promotion, web, forest) = open_call(&app).await;
    let (ada, ada_id) = submitted(&app, (promotion, web, forest), ADA).await;
    let (_grace, grace_id) = submitted(
        &app,
        (promotion, web, forest),
        ["grace@example.fr", "Grace", "Hopper"],
    )
    .await;
    let late = app
        .verified_user("linus@example.fr", "Linus Late", PASSWORD)
        .await;
    let late_id = start(&late, promotion).await;
    let claire = app.coordinator().await;
    app.mail().await;

    // The table: drafts excluded, filters combined, sort, counts.
    let base = format!("/coordination/promotions/{promotion}/candidatures");
    let page = claire.page(&base).await;
    assert!(page.contains("Lovelace") && page.contains("Hopper") && !page.contains("Late"));
    let page = claire
        .page(&format!("{base}?q=GRACE&profil=developer"))
        .await;
    assert!(page.contains("Hopper") && !page.contains("Lovelace"));
    let page = claire.page(&format!("{base}?defi={forest}")).await;
    assert!(!page.contains("Hopper"), "nobody chose the forest défi");
    let page = claire.page(&format!("{base}?tri=name&ordre=desc")).await;
    assert!(page.find("Lovelace").unwrap() < page.find("Hopper").unwrap());
    // Applicants and hosts do not get in.
    assert_eq!(ada.get(&base).await.status(), 404);
    assert_eq!(
        ada.post(&base, &format!("{base}.csv"), &[]).await.status(),
        404
    );
    // Exports are audited: a GET (a link on another site) starts none.
    assert_eq!(claire.get(&format!("{base}.csv")).await.status(), 405);

    // The dossier page shows every declared field, the gender as its text.
    let page = claire
        .page(&format!("/coordination/candidatures/{ada_id}"))
        .await;
    assert!(
        page.contains(fr(Msg::FieldGender))
            && page.contains(&format!("<dd class=\"prewrap\">{}", fr(Msg::GenderWoman))),
        "{page}"
    );

    // A correction reopens the dossier, even after the call closed.
    let res = claire
        .post(
            &format!("/coordination/candidatures/{ada_id}"),
            "/api/examiner-candidature",
            &[
                ("id", &ada_id.to_string()),
                ("review", "request_correction"),
                ("message", "Précisez vos dates."),
            ],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/coordination/candidatures/{ada_id}")
    );
    assert_eq!(row(&app, ada_id).await.state, "correction_requested");
    // The history says what happened in words, after the dossier it
    // follows; the decision form comes after the dossier too.
    let page = claire
        .page(&format!("/coordination/candidatures/{ada_id}"))
        .await;
    assert!(!page.contains("<strong>request_correction"), "no raw code");
    assert!(!page.contains("<strong>submitted"), "no raw code");
    assert!(shows(&page, fr(Msg::EventApplicationSubmitted)));
    // What happened, not the label of the button that did it.
    let history = &page[page.find("class=\"history\"").unwrap()..];
    assert!(
        shows(history, fr(Msg::EventCorrectionRequested))
            && !shows(history, fr(Msg::ReviewRequestCorrection)),
        "{history}"
    );
    let (dossier, form) = (
        page.find("<dl").unwrap(),
        page.find("examen-titre").unwrap(),
    );
    assert!(dossier < form, "the dossier before the decision form");
    // A template's button fills the form (here without JavaScript: the
    // page asked with ?modele=): its decision chosen, its text in the
    // message, ready to adapt.
    assert!(page.contains("?modele=mark_incomplete#champ-message"));
    let filled = claire
        .page(&format!(
            "/coordination/candidatures/{ada_id}?modele=mark_incomplete"
        ))
        .await;
    let template = fr(Msg::TemplateMarkIncomplete);
    let first_line = template.lines().next().unwrap();
    let textarea = &filled[filled.find(r#"name="message""#).unwrap()..];
    assert!(
        shows(
            &textarea[..textarea.find("</textarea>").unwrap()],
            first_line
        ),
        "the template in the message"
    );
    assert!(filled.contains(r#"<option value="mark_incomplete" selected"#));
    let mail = app.mail().await;
    assert!(
        mail.iter()
            .any(|m| m.to == "ada@example.fr" && m.text.contains("Précisez vos dates."))
    );
    app.update_promotion(promotion, |p| {
        p.applications_close_at = Set(Utc::now() - Duration::minutes(1))
    })
    .await;
    let page = ada.page(&format!("/candidature/{ada_id}")).await;
    assert!(page.contains("Précisez vos dates.") && page.contains(r#"name="intent""#));
    let mut fixed = complete(ada_id, "submit", web, forest);
    fixed[7].1 = "Dix ans de code, de 2015 à 2025.".into();
    assert_eq!(error_in(&save(&ada, ada_id, &fixed).await), None);
    assert_eq!(row(&app, ada_id).await.state, "submitted");

    // A personal deadline lets the late applicant submit after the close.
    let until = app::domain::promotion::paris_input_value(Utc::now() + Duration::hours(3));
    let res = claire
        .post(
            &format!("/coordination/candidatures/{late_id}"),
            "/api/prolonger-candidature",
            &[("id", &late_id.to_string()), ("until", &until)],
        )
        .await;
    assert_eq!(error_in(&location(&res)), None);
    assert!(shows(
        &late.page(&format!("/candidature/{late_id}")).await,
        fr_parts(Msg::PersonalDeadlineLine)[0]
    ));
    upload(&late, late_id, "cv", PDF).await;
    assert_eq!(
        error_in(&save(&late, late_id, &complete(late_id, "submit", web, forest)).await),
        None
    );

    // A batch over the filtered selection: preview first, nothing sent.
    let incomplete = format!(r#"href="{base}?etat=incomplete""#);
    assert!(!claire.page(&base).await.contains(&incomplete));
    app.mail().await;
    let preview = claire
        .page(&format!(
            "{base}/apercu?q=hopper&decision=mark_incomplete&message="
        ))
        .await;
    assert!(preview.contains("grace@example.fr") && !preview.contains("ada@example.fr"));
    assert!(app.mail().await.is_empty());
    let res = claire
        .post(
            &format!("{base}/apercu"),
            "/api/examiner-candidatures",
            &[
                ("promotion", &promotion.to_string()),
                ("ids[0]", &grace_id.to_string()),
                ("review", "mark_incomplete"),
                ("message", ""),
            ],
        )
        .await;
    assert_eq!(location(&res), base);
    assert_eq!(row(&app, grace_id).await.state, "incomplete");
    assert_eq!(app.mail().await.len(), 1);
    // The table's counts (kept between page views) show it at once.
    let page = claire.page(&base).await;
    assert!(page.contains(&incomplete), "{page}");

    // Exports: CSV with a BOM and choices in order; a ZIP of the CVs. In
    // French the cells are separated by semicolons (what French
    // spreadsheets expect), unless a comma is asked for.
    let csv = claire
        .post(&base, &format!("{base}.csv?profil=developer"), &[])
        .await;
    assert_eq!(csv.status(), 200);
    let bytes = csv.bytes().await.unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("Nom;Prénom;Adresse e-mail;Profil"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 4, "header + 3 dossiers: {text}");
    // Names, not codes: the profile and the yes/no answers in words.
    let profile = fr(Msg::ProfileDeveloper);
    assert!(
        text.contains(&format!(
            "Lovelace;Ada;ada@example.fr;{profile};De 5 à 10 ans;Orienter les usagers"
        )),
        "{text}"
    );
    assert!(
        !text.contains(";developer;") && !text.contains(";non\r\n"),
        "{text}"
    );
    // Every field of the dossier, each under its label, in words.
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let ada_row: Vec<String> = reader
        .records()
        .map(|r| {
            r.unwrap()
                .iter()
                .map(str::to_owned)
                .collect::<Vec<String>>()
        })
        .find(|r| r[0] == "Lovelace")
        .unwrap();
    let cell = |label: Msg| {
        let i = header
            .iter()
            .position(|h| h == fr(label))
            .unwrap_or_else(|| panic!("{label:?} in {header:?}"));
        ada_row[i].clone()
    };
    assert_eq!(cell(Msg::FieldMotivation), "Servir le public.");
    assert_eq!(cell(Msg::FieldSkills), "Rust, SQL");
    assert_eq!(cell(Msg::FieldGender), fr(Msg::GenderWoman));
    assert_eq!(cell(Msg::ConsentLabel), fr(Msg::Yes));
    assert_eq!(cell(Msg::FieldRemote), fr(Msg::No));
    let comma = claire
        .post(
            &base,
            &format!("{base}.csv?profil=developer&separateur=virgule"),
            &[],
        )
        .await;
    let text = String::from_utf8(comma.bytes().await.unwrap()[3..].to_vec()).unwrap();
    assert!(
        text.starts_with("Nom,Prénom,Adresse e-mail,Profil"),
        "{text}"
    );
    // As a browser asks: compressed if possible. A ZIP is sent as it is,
    // with its length.
    let zip = claire
        .client
        .post(format!(
            "{}/coordination/promotions/{promotion}/cv.zip",
            claire.base
        ))
        .header("referer", format!("{}{base}", claire.base))
        .header("accept-encoding", "gzip, br")
        .form(&[] as &[(&str, &str)])
        .send()
        .await
        .unwrap();
    assert_eq!(zip.status(), 200);
    assert!(zip.headers().get("content-encoding").is_none());
    assert_eq!(zip.headers()["content-type"], "application/zip");
    let length = zip.headers()["content-length"].to_str().unwrap().to_owned();
    let zip = zip.bytes().await.unwrap();
    assert_eq!(
        length,
        zip.len().to_string(),
        "the streamed ZIP says its size"
    );
    assert!(zip.starts_with(b"PK"));
    let names = String::from_utf8_lossy(&zip);
    assert!(names.contains(&format!("Lovelace_Ada_{ada_id}.pdf")));
    let audit = app.audit_actions().await;
    assert_eq!(
        audit
            .iter()
            .filter(|a| *a == "applications.exported")
            .count(),
        3
    );
    app.assert_audited(&[
        "application.reviewed",
        "application.deadline_extended",
        "application.batch_reviewed",
    ])
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn applicants_export_their_data_and_delete_their_account() {
    use app::server::service::privacy;
    let app = TestApp::spawn().await;
    let (promotion, web, forest) = open_call(&app).await;
    let (ada, ada_id) = submitted(&app, (promotion, web, forest), ADA).await;

    // Download my data: a ZIP with the JSON and the CV.
    assert_eq!(ada.get("/espace/mes-donnees.zip").await.status(), 405);
    let zip = ada
        .post("/espace/donnees", "/espace/mes-donnees.zip", &[])
        .await;
    assert_eq!(zip.status(), 200);
    let bytes = zip.bytes().await.unwrap();
    assert!(bytes.starts_with(b"PK"));
    let listing = String::from_utf8_lossy(&bytes);
    assert!(
        listing.contains("donnees.json") && listing.contains(&format!("candidature-{ada_id}/cv-"))
    );
    // The chosen défis are named by their titles, not only their ids.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let data: serde_json::Value =
        serde_json::from_reader(archive.by_name("donnees.json").unwrap()).unwrap();
    let text = data.to_string();
    assert!(text.contains(r#""title":"Orienter les usagers""#), "{text}");
    assert_eq!(
        app.browser()
            .post("/espace/donnees", "/espace/mes-donnees.zip", &[])
            .await
            .status(),
        303
    );

    // The page explains the retention; deletion needs a confirmation.
    let page = ada.page("/espace/donnees").await;
    assert!(shows(
        &page,
        &format!("EIG 8 — 2028{}", fr_parts(Msg::RetentionLine)[1])
    ));
    let to = location(
        &ada.post("/espace/donnees", "/api/supprimer-compte", &[])
            .await,
    );
    assert!(error_in(&to).is_some());
    // A message to her that failed for good keeps its text for a resend,
    // until her account goes.
    {
        use app::server::db::outbox_message::{ActiveModel, Column, Entity};
        use sea_orm::{ColumnTrait, QueryFilter};
        let last = Entity::find()
            .filter(Column::Recipient.eq("ada@example.fr"))
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap();
        let mut failed: ActiveModel = last.into();
        failed.state = Set("failed".into());
        failed.body_text = Set("Bonjour Ada, un message.".into());
        failed.update(&app.state.db).await.unwrap();
    }
    // A second, draft dossier in another promotion is erased outright.
    let other = open_applications(&app, "EIG 9 — 2029").await;
    let draft_id = start(&ada, other).await;
    let res = ada
        .post(
            "/espace/donnees",
            "/api/supprimer-compte",
            &[("confirm", "on")],
        )
        .await;
    assert_eq!(location(&res), "/");
    let r = row(&app, ada_id).await;
    assert_eq!(
        (
            r.user_id,
            r.first_name.as_str(),
            r.email.as_str(),
            r.motivation.as_str()
        ),
        (None, "", "", "")
    );
    assert!(r.anonymised_at.is_some());
    assert_eq!(r.profile, "developer", "statistics kept");
    assert!(
        application::Entity::find_by_id(draft_id)
            .one(&app.state.db)
            .await
            .unwrap()
            .is_none(),
        "the draft is erased"
    );
    assert!(
        app::server::service::users::by_email(&app.state.db, "ada@example.fr")
            .await
            .unwrap()
            .is_none()
    );
    {
        use app::server::db::outbox_message::{Column, Entity};
        use sea_orm::{ColumnTrait, QueryFilter};
        let kept: Vec<String> = Entity::find()
            .filter(Column::Recipient.eq("ada@example.fr"))
            .filter(Column::State.eq("failed"))
            .all(&app.state.db)
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.body_text)
            .collect();
        assert_eq!(kept, [""], "the failed message's text is forgotten");
    }
    assert!(
        std::fs::read_dir(app.data_dir.join("files"))
            .unwrap()
            .next()
            .is_none(),
        "files removed"
    );
    assert_eq!(
        location(&ada.get("/espace").await),
        "/connexion",
        "signed out"
    );
    assert!(app.audited("account.deleted").await);

    // Coordinators set the retention; the purge erases what has expired.
    let claire = app.coordinator().await;
    let res = claire
        .post(
            &format!("/coordination/promotions/{promotion}"),
            "/api/conservation-promotion",
            &[("promotion", &promotion.to_string()), ("months", "0")],
        )
        .await;
    assert!(error_in(&location(&res)).is_some(), "0 months refused");
    let res = claire
        .post(
            &format!("/coordination/promotions/{promotion}"),
            "/api/conservation-promotion",
            &[("promotion", &promotion.to_string()), ("months", "6")],
        )
        .await;
    assert_eq!(error_in(&location(&res)), None);
    let p = app.row::<promotion::Entity>(promotion).await;
    assert_eq!(p.retention_months, 6);
    let expiry = privacy::expiry(&p);
    let dir = app.data_dir.clone();
    assert_eq!(
        privacy::purge_expired(&app.state.db, &dir, expiry - Duration::days(1))
            .await
            .unwrap(),
        0
    );
    // Not closed: nothing is erased, even long after the expiry.
    assert_eq!(
        privacy::purge_expired(&app.state.db, &dir, expiry + Duration::days(1))
            .await
            .unwrap(),
        0,
        "a promotion nobody closed is never purged"
    );
    // The page shows what the purge will erase before it is enabled.
    let page = claire
        .page(&format!("/coordination/promotions/{promotion}"))
        .await;
    let purge = fill(
        fr(Msg::PurgePreviewLine),
        &[("date", "@"), ("dossiers", "1"), ("files", "0")],
    );
    let counts = purge.split_once('@').unwrap().1;
    assert!(shows(&page, counts), "{counts}: {page}");
    let res = claire
        .post(
            &format!("/coordination/promotions/{promotion}"),
            "/api/clore-promotion",
            &[("promotion", &promotion.to_string())],
        )
        .await;
    assert!(error_in(&location(&res)).is_some(), "confirmation required");
    let res = claire
        .post(
            &format!("/coordination/promotions/{promotion}"),
            "/api/clore-promotion",
            &[("promotion", &promotion.to_string()), ("confirm", "on")],
        )
        .await;
    assert_eq!(error_in(&location(&res)), None);
    assert!(app.audited("promotion.closed").await);
    assert_eq!(
        privacy::purge_expired(&app.state.db, &dir, expiry + Duration::days(1))
            .await
            .unwrap(),
        1
    );
    assert!(
        application::Entity::find_by_id(ada_id)
            .one(&app.state.db)
            .await
            .unwrap()
            .is_none()
    );
    assert!(app.audited("applications.purged").await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_cell_of_the_csv_export_can_run_as_a_formula() {
    let app = TestApp::spawn().await;
    let (promotion, web, forest) = open_call(&app).await;
    submitted(
        &app,
        (promotion, web, forest),
        [
            "eve@example.fr",
            "=HYPERLINK(\"http://x\",\"y\")",
            "@SUM(A1)",
        ],
    )
    .await;
    let claire = app.coordinator().await;
    let csv = claire
        .post(
            "/",
            &format!("/coordination/promotions/{promotion}/candidatures.csv"),
            &[],
        )
        .await;
    assert_eq!(csv.status(), 200);
    let bytes = csv.bytes().await.unwrap();
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(rows.len(), 1, "{text}");
    assert_eq!(rows[0][0], "'@SUM(A1)");
    assert_eq!(rows[0][1], "'=HYPERLINK(\"http://x\",\"y\")");
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} would run as a formula"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coordinators_see_who_has_a_draft_but_never_its_content() {
    let app = TestApp::spawn().await;
    let (promotion, web, forest) = open_call(&app).await;
    let cara = app
        .verified_user("cara@example.fr", "Cara Brouillon", PASSWORD)
        .await;
    let id = start(&cara, promotion).await;
    let mut f = complete(id, "save", web, forest);
    f[8].1 = "Un texte très personnel que personne d'autre ne lit.".into();
    assert_eq!(error_in(&save(&cara, id, &f).await), None);
    let claire = app.coordinator().await;
    app.mail().await;

    // The list: who, when, how complete — not what.
    let list = format!("/coordination/promotions/{promotion}/brouillons");
    let page = claire.page(&list).await;
    assert!(
        page.contains("cara@example.fr") && page.contains("Ada Lovelace"),
        "{page}"
    );
    assert!(
        page.contains(&fill(
            fr(Msg::CompletenessValue),
            &[("done", "13"), ("total", "14")]
        )),
        "everything but the CV: {page}"
    );
    assert!(!page.contains("très personnel") && !page.contains("Dix ans de code"));
    assert_eq!(
        cara.get(&list).await.status(),
        404,
        "applicants do not see it"
    );

    // Actions that need a submitted dossier are not found on a draft.
    assert_eq!(
        claire
            .get(&format!("/coordination/candidatures/{id}"))
            .await
            .status(),
        404
    );
    let res = claire
        .post(
            &list,
            "/api/examiner-candidature",
            &[
                ("id", &id.to_string()),
                ("review", "mark_ineligible"),
                ("message", ""),
            ],
        )
        .await;
    assert_eq!(
        error_in(&location(&res)),
        Some(serde_json::json!("NotFound"))
    );
    let res = cara
        .post(
            &format!("/candidature/{id}"),
            "/api/retirer-candidature",
            &[("id", &id.to_string()), ("confirm", "on")],
        )
        .await;
    assert_eq!(
        error_in(&location(&res)),
        Some(serde_json::json!("NotFound"))
    );

    // A personal deadline from the list, back to the list.
    let until = app::domain::promotion::paris_input_value(Utc::now() + Duration::days(40));
    let res = claire
        .post(
            &list,
            "/api/prolonger-candidature",
            &[
                ("id", &id.to_string()),
                ("until", &until),
                ("depuis", "brouillons"),
            ],
        )
        .await;
    assert_eq!(location(&res), list);
    assert!(row(&app, id).await.personal_deadline.is_some());
    assert!(
        claire
            .page(&list)
            .await
            .contains(fr_parts(Msg::PersonalDeadlineShort)[0])
    );

    // A reminder: emailed to the author, in the timeline, audited.
    app.mail().await;
    let res = claire
        .post(&list, "/api/relancer-brouillon", &[("id", &id.to_string())])
        .await;
    assert_eq!(location(&res), list);
    let mails = app.mail().await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, "cara@example.fr");
    assert!(
        mails[0]
            .text
            .contains(fr_parts(Msg::DraftReminderMessage)[1]),
        "{}",
        mails[0].text
    );
    assert!(app.audited("application.draft_reminded").await);
    // Once submitted, it leaves the list and cannot be reminded.
    upload(&cara, id, "cv", PDF).await;
    let f = complete(id, "submit", web, forest);
    assert_eq!(error_in(&save(&cara, id, &f).await), None);
    assert!(!claire.page(&list).await.contains("cara@example.fr"));
    let res = claire
        .post(&list, "/api/relancer-brouillon", &[("id", &id.to_string())])
        .await;
    assert_eq!(
        error_in(&location(&res)),
        Some(serde_json::json!("NotFound"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_date_change_that_moves_the_purge_into_the_past_waits_a_day() {
    use app::server::service::{privacy, retention};
    let app = TestApp::spawn().await;
    let (promotion, web, forest) = open_call(&app).await;
    submitted(&app, (promotion, web, forest), ADA).await;
    retention::close(&app.state.db, &Default::default(), promotion)
        .await
        .unwrap();
    // Someone types a start date years in the past (through the
    // promotions service the edit form uses): the purge moves from the
    // future into the past…
    let view = app::server::service::promotions::get(&app.state.db, promotion)
        .await
        .unwrap();
    let mut draft = app::domain::promotion_form::PromotionDraft {
        name: view.name.clone(),
        description: view.description.clone(),
        calendar: view.calendar,
        team_min: view.team_min,
        team_max: view.team_max,
        max_choices: view.max_choices,
        profiles: view.profiles.clone(),
    };
    draft.calendar.start = (Utc::now() - Duration::days(3 * 365)).date_naive();
    app::server::service::promotions::update(&app.state.db, &Default::default(), promotion, &draft)
        .await
        .unwrap();
    // …and the purge refuses to run today,
    let dir = app.data_dir.clone();
    assert_eq!(
        privacy::purge_expired(&app.state.db, &dir, Utc::now())
            .await
            .unwrap(),
        0
    );
    // but runs once the day has passed, if nobody corrected the date.
    assert_eq!(
        privacy::purge_expired(&app.state.db, &dir, Utc::now() + Duration::days(2))
            .await
            .unwrap(),
        1
    );
}

/// The table's pages of a filtered selection (the count read with the page)
/// hold every matching dossier once, the count says how many, a page past
/// the end shows the last one, and a filter matching nothing says so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_table_pages_through_a_filtered_selection_and_counts_it() {
    use sea_orm::{ColumnTrait, QueryFilter};
    use std::collections::BTreeSet;
    let app = TestApp::spawn().await;
    let extra = server::seed::Extra {
        applicants: 800,
        bench_drafts: 0,
        data_dir: app.data_dir.clone(),
    };
    server::seed::run(&app.state.db, &app.base, extra)
        .await
        .unwrap();
    let promotion = promotion::Entity::find()
        .filter(promotion::Column::Name.eq(server::seed::demo_promotion().name))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let expected: BTreeSet<i64> = application::Entity::find()
        .filter(application::Column::PromotionId.eq(promotion))
        .filter(application::Column::State.ne("draft"))
        .filter(application::Column::Profile.eq("developer"))
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    let n = expected.len();
    assert!(n > 100, "{n} developers: more than two pages");
    let pages = n.div_ceil(50);
    let claire = app.coordinator().await;
    let base = format!("/coordination/promotions/{promotion}/candidatures?profil=developer");
    let ids_of = |page: &str| -> Vec<i64> {
        page.split("href=\"/coordination/candidatures/")
            .skip(1)
            .filter_map(|s| s.split('"').next()?.parse().ok())
            .collect()
    };
    let mut seen = BTreeSet::new();
    for p in 1..=pages {
        let page = claire.page(&format!("{base}&page={p}")).await;
        let shown = fill(
            fr(Msg::ApplicationsShown),
            &[
                ("count", &n.to_string()),
                ("page", &p.to_string()),
                ("pages", &pages.to_string()),
            ],
        );
        assert!(shows(&page, &shown), "page {p}: {shown}");
        let ids = ids_of(&page);
        assert_eq!(ids.len(), if p < pages { 50 } else { n - 50 * (pages - 1) });
        for id in ids {
            assert!(seen.insert(id), "dossier {id} on two pages");
        }
    }
    assert_eq!(seen, expected);
    // Past the end: the last page.
    let page = claire.page(&format!("{base}&page=999")).await;
    let last = fill(
        fr(Msg::ApplicationsShown),
        &[
            ("count", &n.to_string()),
            ("page", &pages.to_string()),
            ("pages", &pages.to_string()),
        ],
    );
    assert!(shows(&page, &last), "{last}");
    assert_eq!(ids_of(&page).len(), n - 50 * (pages - 1));
    // A page number too large for an offset is the last page too.
    for huge in ["400000000000000000", "18446744073709551615"] {
        let page = claire.page(&format!("{base}&page={huge}")).await;
        assert!(shows(&page, &last), "page={huge}");
    }
    // Nothing matches.
    let page = claire.page(&format!("{base}&q=zzzz-personne&page=3")).await;
    assert!(shows(&page, fr(Msg::NoApplicationMatches)));
    assert!(ids_of(&page).is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_published_sheet_says_how_to_apply_while_the_call_is_open() {
    let app = TestApp::spawn().await;
    let (promotion, web, _) = open_call(&app).await;
    let sheet = app.browser().page(&format!("/defis/{web}")).await;
    assert!(shows(&sheet, fr(Msg::ApplyNow)));
    assert!(sheet.contains("href=\"/candidature\""), "the way to apply");
    let close = app
        .row::<promotion::Entity>(promotion)
        .await
        .applications_close_at;
    let until = fill(
        fr(Msg::ApplyUntil),
        &[("deadline", &app::domain::promotion::paris_display(close))],
    );
    assert!(shows(&sheet, &until), "the call's deadline");
}

/// A host sees how many submitted dossiers ranked each of its published
/// défis, counts only.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hosts_see_how_many_dossiers_ranked_their_published_defis() {
    use app::domain::{HostRole, Role};
    let app = TestApp::spawn().await;
    let call = open_call(&app).await;
    submitted(&app, call, ADA).await;
    let org = app
        .row::<app::server::db::defi::Entity>(call.1)
        .await
        .organisation_id;
    app.verified_user("hugo@ville.fr", "Hugo Hôte", PASSWORD)
        .await;
    let lead = Role::Host {
        organisation: org,
        role: HostRole::Lead,
    };
    let hugo_id = app.user_id("hugo@ville.fr").await;
    app::server::service::admin::grant_role(&app.state.db, &Default::default(), hugo_id, lead)
        .await
        .unwrap();
    let hugo = app.browser();
    hugo.sign_in("hugo@ville.fr", PASSWORD).await;
    let page = hugo.page(&format!("/organisation/{org}")).await;
    assert!(shows(&page, fr(Msg::ColInterest)), "{page}");
    let one = fill(fr(Msg::InterestCount), &[("count", "1")]);
    assert!(shows(&page, &one), "{page}");
    assert!(!page.contains("Lovelace"), "counts only, never who");
}

/// What the autosave island gets for `fields`: the status and the body.
pub(crate) async fn autosave(b: &Browser, id: i64, fields: &[(String, String)]) -> (u16, String) {
    let res = b
        .client
        .post(format!("{}/api/enregistrer-candidature", b.base))
        .header(reqwest::header::ACCEPT, "application/json")
        .header(
            reqwest::header::REFERER,
            format!("{}/candidature/{id}", b.base),
        )
        .form(fields)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn choices(app: &TestApp, id: i64) -> Vec<i64> {
    use app::server::db::application_choice::{Column, Entity};
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
    Entity::find()
        .filter(Column::ApplicationId.eq(id))
        .order_by_asc(Column::Rank)
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.defi_id)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_ranks_are_a_field_error_and_the_rest_of_the_draft_is_saved() {
    let app = TestApp::spawn().await;
    let (promotion, web, forest) = open_call(&app).await;
    let ada = app.applicant().await;
    let id = start(&ada, promotion).await;
    let mut draft = complete(id, "save", web, forest);
    assert_eq!(error_in(&save(&ada, id, &draft).await), None);
    assert_eq!(choices(&app, id).await, [web]);

    // The autosave with two défis ranked 1: saved (200, a new version),
    // but for the ranks, which it is told about in words; the stored
    // choices stay, every other field and box is saved.
    draft[13].1 = "1".into();
    draft.retain(|(k, _)| k != "decl_jury");
    let motivation = "Servir le public, avec des rangs faux.";
    draft.iter_mut().find(|(k, _)| k == "motivation").unwrap().1 = motivation.into();
    draft.push(("version".into(), row(&app, id).await.version.to_string()));
    let (status, body) = autosave(&ada, id, &draft).await;
    assert_eq!(status, 200, "{body}");
    let answer: serde_json::Value = serde_json::from_str(&body).unwrap();
    let refused = answer["refused"].as_str().expect("what was not saved");
    assert!(refused.contains(fr(Msg::RanksRepeated)), "{refused}");
    let r = row(&app, id).await;
    assert_eq!(answer["version"], r.version);
    assert_eq!((r.motivation.as_str(), r.decl_jury), (motivation, false));
    assert_eq!(choices(&app, id).await, [web], "the stored ranking stays");

    // The same as a form post: the error on the choices, what was typed
    // (the wrong ranks) shown back, the rest saved.
    draft.retain(|(k, _)| k != "version");
    draft.iter_mut().find(|(k, _)| k == "motivation").unwrap().1 = "Encore.".into();
    let to = save(&ada, id, &draft).await;
    assert_eq!(to, format!("/candidature/{id}"));
    assert_eq!(error_fields(&to), ["choices"]);
    assert_eq!(row(&app, id).await.motivation, "Encore.");
    let page = ada.page(&to).await;
    assert!(shows(&page, fr(Msg::RanksRepeated)));
    let selected = r#"<option value="1" selected"#;
    assert_eq!(page.matches(selected).count(), 2, "both typed ranks kept");
    // Shown once: the page again shows what is stored, without the error.
    let again = ada.page(&to).await;
    assert!(!shows(&again, fr(Msg::RanksRepeated)));

    // A chosen défi that left the catalogue since the page opened: the
    // same, the rest saved and the choices kept; and a submission then
    // lists every other problem too (the CV).
    let mut gone = complete(id, "save", web, forest);
    gone[10].1 = "999999".into();
    gone.push(("version".into(), row(&app, id).await.version.to_string()));
    let (status, body) = autosave(&ada, id, &gone).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(fr(Msg::ChoiceInvalid)), "{body}");
    assert_eq!(choices(&app, id).await, [web]);
    gone.retain(|(k, _)| k != "version");
    gone[1].1 = "submit".into();
    let to = save(&ada, id, &gone).await;
    assert_eq!(error_fields(&to), ["choices", "cv"]);

    // A conflict (another tab saved meanwhile) is answered as one: 409.
    draft[13].1 = "".into();
    draft.push(("version".into(), "1".into()));
    let (status, body) = autosave(&ada, id, &draft).await;
    assert_eq!((status, body.as_str()), (409, "\"Conflict\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_submission_lists_every_problem_at_once_and_names_the_defi() {
    let app = TestApp::spawn().await;
    let (promotion, web, forest) = open_call(&app).await;
    let ada = app.applicant().await;
    let id = start(&ada, promotion).await;
    // Wrong ranks, an invalid address, a défi that does not seek the
    // profile, no CV: all four at once, in the page's order.
    let mut f = complete(id, "submit", web, forest);
    f[13].1 = "1".into();
    f.push(("code_url".into(), "git.example/ada".into()));
    let to = save(&ada, id, &f).await;
    assert_eq!(
        error_fields(&to),
        ["code_url", "choices", "choices", "cv"],
        "{to:?}"
    );
    let err = error_in(&to).unwrap();
    let unfit = &err["Validation"][2];
    assert_eq!(unfit["message"], "ChoiceWithoutProfile");
    assert_eq!(unfit["about"], "Cartographier les forêts");
    assert_eq!(err["Validation"][1]["message"], "RanksRepeated");
    let page = ada.page(&to).await;
    assert!(page.contains("« Cartographier les forêts » ne recherche pas votre profil"));
    // The table says which défis seek the chosen profile.
    assert!(shows(&page, fr(Msg::SeeksNotYourProfile)) && shows(&page, fr(Msg::SeeksYourProfile)));
    assert_eq!(row(&app, id).await.state, "draft");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_upload_goes_back_to_its_field_and_the_submitted_dossier_shows_everything() {
    let app = TestApp::spawn().await;
    let (promotion, web, forest) = open_call(&app).await;
    let ada = app.applicant().await;
    let id = start(&ada, promotion).await;
    let res = upload(&ada, id, "cv", b"not a pdf").await;
    assert_eq!(location(&res), format!("/candidature/{id}#candidature-cv"));
    // Focus comes back to the file field, its reason said with it.
    let page = ada.page(&format!("/candidature/{id}")).await;
    let input = &page[page.find(r#"id="champ-cv-fichier""#).unwrap()..];
    assert!(input[..input.find('>').unwrap()].contains("autofocus"));
    let res = upload(&ada, id, "cv", PDF).await;
    assert_eq!(location(&res), format!("/candidature/{id}"));
    // The files come before the buttons that submit the dossier; the
    // autosave's "no longer editable" names the application, not the défi.
    let page = ada.page(&format!("/candidature/{id}")).await;
    assert!(shows(&page, fr(Msg::AutosaveDossierNotEditable)));
    let (files, submit) = (
        page.find(r#"id="champ-cv-fichier""#).unwrap(),
        page.find(r#"value="submit""#).unwrap(),
    );
    assert!(files < submit);
    assert!(page.contains(r#"form="candidature-form""#));
    let mut f = complete(id, "submit", web, forest);
    f.push(("phone".into(), "+33 6 12 34 56 78".into()));
    f.push(("mobility".into(), "Lyon ou Paris".into()));
    f.push(("remote".into(), "on".into()));
    assert_eq!(error_in(&save(&ada, id, &f).await), None);
    let page = ada.page(&format!("/candidature/{id}")).await;
    for shown in [
        "+33 6 12 34 56 78",
        "Lyon ou Paris",
        "Dix ans de code.",
        fr(Msg::Experience5to10),
        fr(Msg::DeclJury),
        fr(Msg::FieldSupportRole),
        fr(Msg::FieldRemote),
    ] {
        assert!(shows(&page, shown), "{shown} on the submitted dossier");
    }
    assert!(shows(&page, fr(Msg::StepCurrent)) && shows(&page, fr(Msg::StepToCome)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_personal_area_shows_open_calls_dossiers_and_organisations() {
    let app = TestApp::spawn().await;
    let (promotion, _, _) = open_call(&app).await;
    // The home page says until when one may apply, and how.
    let home = app.browser().page("/").await;
    assert!(shows(&home, fr(Msg::ApplyNow)) && home.contains(r#"href="/candidature""#));
    assert!(shows(&home, fr_parts(Msg::ApplyUntil)[0]));
    let ada = app.applicant().await;
    let page = ada.page("/espace").await;
    assert!(page.contains("EIG 8 — 2028") && shows(&page, fr(Msg::StartApplicationButton)));
    let nav =
        |page: &str| page[page.find("<nav").unwrap()..page.find("</nav>").unwrap()].to_owned();
    assert!(
        nav(&page).contains(r#"href="/candidature""#),
        "an applicant's nav"
    );
    let id = start(&ada, promotion).await;
    let page = ada.page("/espace").await;
    assert!(page.contains(&format!(r#"href="/candidature/{id}""#)));
    assert!(shows(&page, fr(Msg::AppStateDraft)));

    // A host sees their organisation and its défis, and no "My application".
    let (host, org) = app.host_of("Préfecture du Nord").await;
    let page = host.page("/espace").await;
    assert!(
        page.contains(&format!(r#"href="/organisation/{org}""#)),
        "{page}"
    );
    assert!(page.contains("Préfecture du Nord") && shows(&page, fr(Msg::AreaNoDefiYet)));
    assert!(!nav(&page).contains(r#"href="/candidature""#));
}
