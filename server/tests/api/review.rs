//! The review of applications, end to end through HTTP as browsers without
//! JavaScript: jurors invited and joining, conflicts that are never broken
//! (also declared after an assignment), a blind mode that leaks no
//! identity, the assignment's feasibility message and top-up, scores and
//! their aggregates, the shortlist and its neutral emails.

use crate::helpers::{
    Browser, Msg, PASSWORD, TestApp, error_fields, fr, location, open_applications, open_call,
    token_in,
};
use app::domain::application::ApplicationState;
use app::server::db::application;
use app::server::db::review::assignment;
use app::server::service::review::jurors;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

/// A submitted dossier written directly (the applicant's journey has its
/// own tests); `user`: its author's account, if any.
pub(crate) async fn dossier(
    app: &TestApp,
    promotion: i64,
    (first, last, email): (&str, &str, &str),
    profile: &str,
    user: Option<i64>,
) -> i64 {
    let now = Utc::now();
    application::ActiveModel {
        promotion_id: Set(promotion),
        user_id: Set(user),
        state: Set(ApplicationState::Submitted.code().into()),
        civility: Set(String::new()),
        first_name: Set(first.into()),
        last_name: Set(last.into()),
        email: Set(email.into()),
        phone: Set("+33 6 00 00 00 00".into()),
        profile: Set(profile.into()),
        experience: Set("5to10".into()),
        skills: Set("Rust, SQL".into()),
        experience_text: Set("Dix ans de services publics numériques.".into()),
        // The free text names its author, as people do: a blind stage
        // masks it.
        motivation: Set(format!(
            "Servir. Moi, {first} {}, au 06 12 34 56 78 ou {email} ; code sur github.com/{}.",
            last.to_uppercase(),
            last.to_lowercase()
        )),
        portfolio_url: Set(format!("https://{}.example.fr", last.to_lowercase())),
        code_url: Set(String::new()),
        mobility: Set(String::new()),
        remote: Set(false),
        support_role: Set(String::new()),
        gender: Set(String::new()),
        decl_civil_servant: Set(true),
        decl_student: Set(true),
        decl_jury: Set(true),
        consent: Set(true),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        submitted_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .unwrap()
    .id
}

/// A juror on `promotion`'s jury, conflicts declared (none), peer of
/// `profiles`; signed in.
async fn juror(
    app: &TestApp,
    promotion: i64,
    email: &str,
    name: &str,
    profiles: &[&str],
) -> (Browser, i64) {
    let b = app.verified_user(email, name, PASSWORD).await;
    let user = app.user_id(email).await;
    let id = jurors::enrol(
        &app.state.db,
        &Default::default(),
        promotion,
        user,
        profiles,
        true,
    )
    .await
    .unwrap();
    // The role is read on every request: signed in before it, still in.
    (b, id)
}

/// The line number of `name` on a conflicts page, and the page's list
/// fingerprint.
fn line_of(page: &str, name: &str) -> (String, String) {
    let at = page
        .find(&format!("\">{name}<"))
        .unwrap_or_else(|| panic!("{name} in {page}"));
    let start = page[..at].rfind("champ-conflit_").unwrap() + "champ-conflit_".len();
    let line = page[start..at].to_owned();
    let list = page.split("name=\"liste\" value=\"").nth(1).unwrap();
    (line, list.split('"').next().unwrap().to_owned())
}

/// The juror row id of `email` on `promotion`'s jury.
async fn juror_id(app: &TestApp, promotion: i64, email: &str) -> i64 {
    app::server::service::review::juror_of(&app.state.db, promotion, app.user_id(email).await)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn pairs(app: &TestApp) -> Vec<(i64, i64)> {
    assignment::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.juror_id, a.application_id))
        .collect()
}

/// Opens the stage now for ten days, blind, `n` reviews per dossier.
async fn open_stage(claire: &Browser, promotion: i64, n: u32, blind: bool) {
    let now = Utc::now();
    let fmt = |t: chrono::DateTime<Utc>| app::domain::promotion::paris_input_value(t);
    let from = format!("/coordination/promotions/{promotion}/preselection");
    assert_eq!(claire.get(&from).await.status(), 200);
    let mut fields = vec![
        ("promotion", promotion.to_string()),
        ("opens_at", fmt(now - chrono::Duration::hours(1))),
        ("closes_at", fmt(now + chrono::Duration::days(10))),
        ("see_reviews", "after".into()),
        ("reviews_per_dossier", n.to_string()),
        ("max_load", String::new()),
        ("disagreement_threshold", "20".into()),
    ];
    if blind {
        fields.push(("blind", "on".into()));
    }
    let fields: Vec<(String, String)> = fields.into_iter().map(|(k, v)| (k.into(), v)).collect();
    let res = claire
        .post_fields(&from, "/api/parametres-preselection", &fields)
        .await;
    assert_eq!(location(&res).error, None);
}

async fn apply(claire: &Browser, promotion: i64) -> crate::helpers::Landing {
    let from = format!("/coordination/promotions/{promotion}/preselection/affectation");
    location(
        &claire
            .post(
                &from,
                "/api/appliquer-affectation",
                &[("promotion", &promotion.to_string())],
            )
            .await,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_juror_joins_by_invitation_and_a_conflict_is_never_broken() {
    let app = TestApp::spawn().await;
    let (promotion, _, _) = open_call(&app).await;
    let claire = app.coordinator().await;
    let mut ids = Vec::new();
    for (i, (first, last)) in [
        ("Ada", "Lovelace"),
        ("Grace", "Hopper"),
        ("Alan", "Turing"),
        ("Karen", "Jones"),
        ("Edsger", "Dijkstra"),
    ]
    .iter()
    .enumerate()
    {
        let email = if i == 0 {
            "ada@interieur.gouv.fr".to_owned()
        } else {
            format!("{}@example.fr", first.to_lowercase())
        };
        ids.push(dossier(&app, promotion, (first, last, &email), "developer", None).await);
    }
    open_stage(&claire, promotion, 3, true).await;
    for (e, n) in [
        ("b@jury.fr", "Bea Jury"),
        ("c@jury.fr", "Cem Jury"),
        ("d@jury.fr", "Dan Jury"),
    ] {
        juror(&app, promotion, e, n, &["developer"]).await;
    }
    // The invitation: accepted once, by the invited address.
    app.mail().await;
    let from = format!("/coordination/promotions/{promotion}/preselection");
    let res = claire
        .post(
            &from,
            "/api/inviter-jure",
            &[
                ("promotion", &promotion.to_string()),
                ("email", "jean@interieur.gouv.fr"),
            ],
        )
        .await;
    assert_eq!(location(&res).error, None);
    let mail = app.mail().await;
    assert_eq!(mail.len(), 1);
    let token = token_in(&mail[0].text, "/invitation?jeton=");
    let other = app
        .verified_user("eve@example.fr", "Eve Other", PASSWORD)
        .await;
    let res = other
        .post(
            "/invitation",
            "/api/accepter-invitation",
            &[("token", &token)],
        )
        .await;
    assert!(
        location(&res).error.is_some(),
        "another account cannot accept it"
    );
    let jean = app
        .verified_user("jean@interieur.gouv.fr", "Jean Juré", PASSWORD)
        .await;
    // Jean is an alumnus: a data scientist placed in another promotion
    // (a dossier he did not get through would not count).
    let earlier = open_applications(&app, "EIG 6 — 2026").await;
    let placed = dossier(
        &app,
        earlier,
        ("Jean", "Juré", "jean@interieur.gouv.fr"),
        "data_scientist",
        Some(app.user_id("jean@interieur.gouv.fr").await),
    )
    .await;
    let mut a: application::ActiveModel = app.row::<application::Entity>(placed).await.into();
    a.state = Set(ApplicationState::Placed.code().into());
    a.update(&app.state.db).await.unwrap();
    dossier(
        &app,
        open_applications(&app, "EIG 5 — 2025").await,
        ("Jean", "Juré", "jean@interieur.gouv.fr"),
        "designer",
        Some(app.user_id("jean@interieur.gouv.fr").await),
    )
    .await;
    let res = jean
        .post(
            "/invitation",
            "/api/accepter-invitation",
            &[("token", &token)],
        )
        .await;
    assert_eq!(location(&res).path, "/jury");
    let joined = app::server::service::review::juror_of(
        &app.state.db,
        promotion,
        app.user_id("jean@interieur.gouv.fr").await,
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(
        joined.profiles, "data_scientist",
        "an alumnus reviews as a peer of their profile"
    );
    let res = jean
        .post(
            "/invitation",
            "/api/accepter-invitation",
            &[("token", &token)],
        )
        .await;
    assert!(location(&res).error.is_some(), "accepted once");
    let home = jean.page("/jury").await;
    assert!(home.contains(fr(Msg::DeclareFirst)), "{home}");

    // Assigned before declaring: Jean sees no dossier until he declares.
    assert_eq!(apply(&claire, promotion).await.error, None);
    let before = pairs(&app).await;
    assert_eq!(before.len(), 15, "5 dossiers × 3 reviews");
    let jean_id = juror_id(&app, promotion, "jean@interieur.gouv.fr").await;
    let mine: Vec<i64> = before
        .iter()
        .filter(|(j, _)| *j == jean_id)
        .map(|(_, a)| *a)
        .collect();
    assert!(!mine.is_empty());
    assert_eq!(
        jean.get(&format!("/jury/dossiers/{}", mine[0]))
            .await
            .status(),
        404
    );

    // The declaration page: names only, and the shared domain detected.
    let page = jean
        .page(&format!("/jury/promotions/{promotion}/conflits"))
        .await;
    assert!(
        page.contains("Ada Lovelace") && page.contains(fr(Msg::DetectedSameDomain)),
        "{page}"
    );
    assert!(
        !page.contains("Dix ans de services"),
        "no content on the list"
    );
    // He confirms Ada (administrative) and declares one he was assigned.
    let names = [
        "Ada Lovelace",
        "Grace Hopper",
        "Alan Turing",
        "Karen Jones",
        "Edsger Dijkstra",
    ];
    let target = *mine.iter().find(|a| **a != ids[0]).unwrap_or(&mine[0]);
    let (ada_line, list) = line_of(&page, names[0]);
    let mut fields = vec![
        ("promotion".to_owned(), promotion.to_string()),
        ("liste".to_owned(), list.clone()),
        (format!("conflit_{ada_line}"), "administrative".to_owned()),
        (format!("detecte_{ada_line}"), "same_domain".to_owned()),
    ];
    if target != ids[0] {
        let who = names[ids.iter().position(|i| *i == target).unwrap()];
        fields.push((
            format!("conflit_{}", line_of(&page, who).0),
            "personal".to_owned(),
        ));
    }
    // A list changed since the page opened is refused, nothing saved.
    let mut stale = fields.clone();
    stale[1].1 = "0".repeat(64);
    let res = jean
        .post_fields(
            &format!("/jury/promotions/{promotion}/conflits"),
            "/api/declarer-conflits",
            &stale,
        )
        .await;
    assert!(location(&res).error.is_some());
    assert_eq!(pairs(&app).await, before);
    let res = jean
        .post_fields(
            &format!("/jury/promotions/{promotion}/conflits"),
            "/api/declarer-conflits",
            &fields,
        )
        .await;
    assert_eq!(location(&res).error, None);
    let after = pairs(&app).await;
    for a in [ids[0], target] {
        assert!(
            !after.contains(&(jean_id, a)),
            "the conflicted pair is dropped"
        );
        assert_eq!(
            after.iter().filter(|(_, x)| *x == a).count(),
            3,
            "and refilled"
        );
        assert_eq!(jean.get(&format!("/jury/dossiers/{a}")).await.status(), 404);
        assert_eq!(
            jean.get(&format!("/candidature/{a}/cv")).await.status(),
            404
        );
    }
    // A new plan never gives them back to him.
    assert_eq!(apply(&claire, promotion).await.error, None);
    assert!(
        !pairs(&app)
            .await
            .iter()
            .any(|p| *p == (jean_id, ids[0]) || *p == (jean_id, target))
    );
    // What he is assigned, he reads; what he is not, is 404.
    if let Some((_, a)) = pairs(&app).await.iter().find(|(j, _)| *j == jean_id) {
        assert_eq!(jean.get(&format!("/jury/dossiers/{a}")).await.status(), 200);
    }
    // Others are not let in: an applicant, a coordinator (as a juror), a visitor.
    let ada = app.applicant().await;
    for b in [&ada, &claire] {
        assert_eq!(
            b.get(&format!("/jury/dossiers/{}", ids[1])).await.status(),
            404
        );
    }
    assert_eq!(
        jean.get(&from).await.status(),
        404,
        "a juror does not manage the review"
    );

    // Removed, Jean loses access at once; his submitted reviews would stay.
    let res = claire
        .post(
            &from,
            "/api/retirer-jure",
            &[
                ("promotion", &promotion.to_string()),
                ("juror", &jean_id.to_string()),
            ],
        )
        .await;
    assert_eq!(location(&res).error, None);
    assert_eq!(jean.get("/jury").await.status(), 404);
    assert!(!pairs(&app).await.iter().any(|(j, _)| *j == jean_id));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blind_mode_leaks_no_identity_to_jurors() {
    let app = TestApp::spawn().await;
    let (promotion, _, _) = open_call(&app).await;
    let claire = app.coordinator().await;
    // Grace first: her id is 1, Ada's 2, while the alphabetical list of
    // the conflicts page puts Ada on line 0 and Grace on line 1.
    let people = [
        ("Grace", "Hopper", "grace.h@example.fr"),
        ("Ada", "Lovelace", "ada.l@example.fr"),
    ];
    let mut ids = Vec::new();
    for p in people {
        ids.push(dossier(&app, promotion, p, "designer", None).await);
    }
    // A CV for each, with the person's name in the file name.
    for (id, (_, last, _)) in ids.iter().zip(people) {
        app::server::service::attachments::store(
            &app.state.db,
            &Default::default(),
            &app.state.settings.data_dir,
            app::server::service::attachments::Slot {
                owner_type: "application",
                owner_id: *id,
                kind: "cv",
            },
            &format!("CV-{last}.pdf"),
            crate::helpers::PDF,
            async |_| Ok(()),
        )
        .await
        .unwrap();
    }
    open_stage(&claire, promotion, 1, true).await;
    let (bea, _) = juror(&app, promotion, "bea@jury.fr", "Bea Jury", &["designer"]).await;
    assert_eq!(apply(&claire, promotion).await.error, None);
    let mut pages = vec![
        bea.page("/jury").await,
        bea.get("/api/jury").await.text().await.unwrap(),
    ];
    for id in &ids {
        pages.push(bea.page(&format!("/jury/dossiers/{id}")).await);
        pages.push(
            bea.get(&format!("/api/dossier-jury?id={id}"))
                .await
                .text()
                .await
                .unwrap(),
        );
        assert_eq!(
            bea.get(&format!("/candidature/{id}/cv")).await.status(),
            404,
            "no CV when blind"
        );
    }
    // The conflicts page lists names (by design) but never a dossier's id.
    let conflicts = bea
        .page(&format!("/jury/promotions/{promotion}/conflits"))
        .await;
    assert_eq!(line_of(&conflicts, "Ada Lovelace").0, "0");
    assert_eq!(line_of(&conflicts, "Grace Hopper").0, "1");
    assert!(
        !conflicts.contains(&format!("conflit_{}", ids[1]))
            && !conflicts.contains("/jury/dossiers/")
    );
    for page in &pages {
        for (first, last, email) in people {
            for secret in [
                first,
                last,
                email,
                &format!("CV-{last}.pdf") as &str,
                &last.to_lowercase(),
            ] {
                assert!(!page.contains(secret), "{secret} leaked:\n{page}");
            }
        }
    }
    // The free text is there, its identifying words masked.
    assert!(
        pages[2].contains(
            "Servir. Moi, [masqué] [masqué], au [masqué] ou [masqué] ; code sur [masqué]."
        ),
        "{}",
        pages[2]
    );
    assert!(!pages[2].contains("06 12 34 56 78"));
    // Not blind: the name, the links, the free text and the CV are there.
    open_stage(&claire, promotion, 1, false).await;
    let page = bea.page(&format!("/jury/dossiers/{}", ids[1])).await;
    assert!(
        page.contains("Lovelace")
            && page.contains("CV-Lovelace.pdf")
            && page.contains("github.com/lovelace"),
        "{page}"
    );
    assert_eq!(
        bea.get(&format!("/candidature/{}/cv", ids[0]))
            .await
            .status(),
        200
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn infeasible_plans_are_explained_and_top_up_changes_nothing_else() {
    let app = TestApp::spawn().await;
    let (promotion, _, _) = open_call(&app).await;
    let claire = app.coordinator().await;
    for i in 0..4 {
        dossier(
            &app,
            promotion,
            ("Ana", &format!("Nom{i}"), &format!("a{i}@example.fr")),
            "developer",
            None,
        )
        .await;
    }
    open_stage(&claire, promotion, 3, false).await;
    juror(&app, promotion, "j1@jury.fr", "Jo Un", &["developer"]).await;
    juror(&app, promotion, "j2@jury.fr", "Jo Deux", &[]).await;
    let plan = claire
        .page(&format!(
            "/coordination/promotions/{promotion}/preselection/affectation"
        ))
        .await;
    assert!(
        plan.contains("4 dossiers ne peuvent recevoir 3 avis"),
        "{plan}"
    );
    let refused = apply(&claire, promotion).await;
    assert!(refused.error.is_some());
    assert!(pairs(&app).await.is_empty(), "nothing assigned");
    let (_, j3) = juror(&app, promotion, "j3@jury.fr", "Jo Trois", &[]).await;
    juror(&app, promotion, "j4@jury.fr", "Jo Quatre", &[]).await;
    assert_eq!(apply(&claire, promotion).await.error, None);
    let first = pairs(&app).await;
    assert_eq!(first.len(), 12);
    // Every dossier has the developer juror (the only peer).
    let j1 = juror_id(&app, promotion, "j1@jury.fr").await;
    assert_eq!(first.iter().filter(|(j, _)| *j == j1).count(), 4);
    // A juror leaves: only their dossiers get someone new.
    let from = format!("/coordination/promotions/{promotion}/preselection");
    claire
        .post(
            &from,
            "/api/retirer-jure",
            &[
                ("promotion", &promotion.to_string()),
                ("juror", &j3.to_string()),
            ],
        )
        .await;
    let kept: Vec<(i64, i64)> = first.iter().copied().filter(|(j, _)| *j != j3).collect();
    assert_eq!(apply(&claire, promotion).await.error, None);
    let second = pairs(&app).await;
    assert_eq!(second.len(), 12);
    for p in &kept {
        assert!(second.contains(p), "kept {p:?}");
    }
}

/// Marks every criterion `m` and gives `verdict`, then submits.
async fn review(
    b: &Browser,
    app: &TestApp,
    id: i64,
    m: i32,
    verdict: &str,
) -> crate::helpers::Landing {
    let stage = app::server::service::review::stage_of(
        &app.state.db,
        app.row::<application::Entity>(id).await.promotion_id,
    )
    .await
    .unwrap();
    let criteria = app::server::service::review::criteria_of(&app.state.db, stage.id)
        .await
        .unwrap();
    let mut fields = vec![
        ("application".to_owned(), id.to_string()),
        ("intent".to_owned(), "submit".to_owned()),
    ];
    for c in &criteria {
        fields.push((format!("note_{}", c.id), m.to_string()));
        fields.push((format!("commentaire_{}", c.id), format!("Note {m}.")));
    }
    fields.push(("avis".to_owned(), verdict.to_owned()));
    location(
        &b.post_fields(&format!("/jury/dossiers/{id}"), "/api/avis", &fields)
            .await,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scores_aggregate_and_the_shortlist_sends_neutral_emails() {
    let app = TestApp::spawn().await;
    let (promotion, _, _) = open_call(&app).await;
    let claire = app.coordinator().await;
    app.verified_user("ada@example.fr", "Ada Lovelace", PASSWORD)
        .await;
    app.verified_user("grace@example.fr", "Grace Hopper", PASSWORD)
        .await;
    let ada = dossier(
        &app,
        promotion,
        ("Ada", "Lovelace", "ada@example.fr"),
        "developer",
        Some(app.user_id("ada@example.fr").await),
    )
    .await;
    let grace = dossier(
        &app,
        promotion,
        ("Grace", "Hopper", "grace@example.fr"),
        "developer",
        Some(app.user_id("grace@example.fr").await),
    )
    .await;
    open_stage(&claire, promotion, 2, false).await;
    let (bea, _) = juror(&app, promotion, "bea@jury.fr", "Bea Sévère", &["developer"]).await;
    let (cem, cem_id) = juror(&app, promotion, "cem@jury.fr", "Cem Clément", &[]).await;
    assert_eq!(apply(&claire, promotion).await.error, None);

    // A submission without a verdict is refused by field; nothing saved.
    let stage = app::server::service::review::stage_of(&app.state.db, promotion)
        .await
        .unwrap();
    let criteria = app::server::service::review::criteria_of(&app.state.db, stage.id)
        .await
        .unwrap();
    let res = bea
        .post(
            &format!("/jury/dossiers/{ada}"),
            "/api/avis",
            &[
                ("application", &ada.to_string()),
                ("intent", "submit"),
                (&format!("note_{}", criteria[0].id), "4"),
            ],
        )
        .await;
    let to = location(&res);
    let fields = error_fields(&to);
    assert!(
        fields.contains(&"avis".to_owned()) && fields.contains(&format!("note_{}", criteria[1].id)),
        "{fields:?}"
    );
    // A mark off the scale, even in a draft.
    let res = bea
        .post(
            &format!("/jury/dossiers/{ada}"),
            "/api/avis",
            &[
                ("application", &ada.to_string()),
                ("intent", "draft"),
                (&format!("note_{}", criteria[0].id), "9"),
            ],
        )
        .await;
    assert_eq!(
        error_fields(&location(&res)),
        [format!("note_{}", criteria[0].id)]
    );
    // Bea is harsh (Ada 3, Grace 1), Cem lenient (Ada 5, Grace 4).
    assert_eq!(review(&bea, &app, ada, 3, "neutral").await.error, None);
    assert_eq!(
        review(&bea, &app, grace, 1, "unfavourable").await.error,
        None
    );
    assert_eq!(
        review(&cem, &app, ada, 5, "coup_de_coeur").await.error,
        None
    );
    assert_eq!(review(&cem, &app, grace, 4, "neutral").await.error, None);
    // Totals: Ada 9 and 15 (mean 12), Grace 3 and 12 (mean 7.5, median 7.5).
    let results = claire
        .page(&format!(
            "/coordination/promotions/{promotion}/preselection/resultats"
        ))
        .await;
    assert!(
        results.contains("12,00") && results.contains("7,50"),
        "{results}"
    );
    // Sorted by the normalised total: Ada first.
    assert!(results.find("Lovelace").unwrap() < results.find("Hopper").unwrap());
    // Once a mark is given, the rubric is frozen.
    let page = claire
        .page(&format!(
            "/coordination/promotions/{promotion}/preselection"
        ))
        .await;
    assert!(page.contains(fr(Msg::RubricFrozen)));
    let res = claire
        .post(
            &format!("/coordination/promotions/{promotion}/preselection"),
            "/api/supprimer-critere",
            &[
                ("promotion", &promotion.to_string()),
                ("id", &criteria[0].id.to_string()),
            ],
        )
        .await;
    assert!(location(&res).error.is_some());
    // The CSV export: every dossier, its aggregates.
    let csv = claire
        .post(
            &format!("/coordination/promotions/{promotion}/preselection/resultats"),
            &format!("/coordination/promotions/{promotion}/preselection/resultats.csv"),
            &[],
        )
        .await;
    assert_eq!(csv.status(), 200);
    let text = csv.text().await.unwrap();
    assert!(
        text.contains("Lovelace") && text.contains("12.000"),
        "{text}"
    );

    // The dossiers' table gains the aggregates' columns, sorted by them
    // (the first click shows the best first) and exported with them.
    let table = format!("/coordination/promotions/{promotion}/candidatures");
    let page = claire
        .page(&format!("{table}?tri=moyenne&ordre=desc"))
        .await;
    assert!(
        page.contains(fr(Msg::ColNormalised)) && page.contains("12,00") && page.contains("7,50")
    );
    assert!(page.find("Lovelace").unwrap() < page.find("Hopper").unwrap());
    assert!(
        page.contains("tri=normalise&amp;ordre=desc") || page.contains("tri=normalise&ordre=desc"),
        "{page}"
    );
    let page = claire.page(&format!("{table}?tri=moyenne")).await;
    assert!(page.find("Hopper").unwrap() < page.find("Lovelace").unwrap());
    let csv = claire
        .post(&table, &format!("{table}.csv?tri=moyenne&ordre=desc"), &[])
        .await;
    assert_eq!(csv.status(), 200);
    let text = csv.text().await.unwrap();
    assert!(
        text.contains(fr(Msg::ColNormalised)) && text.contains("12,000") && text.contains("7,500"),
        "{text}"
    );
    assert!(text.find("Lovelace").unwrap() < text.find("Hopper").unwrap());
    // Each criterion's mean: Ada had 3 and 5 on every criterion.
    let first = text.lines().next().unwrap();
    assert!(first.contains(&criteria[0].name), "{first}");
    let ada_line = text.lines().find(|l| l.contains("Lovelace")).unwrap();
    assert!(ada_line.contains("4,000"), "{ada_line}");
    let page = claire
        .page(&format!("{table}?tri=moyenne&ordre=desc"))
        .await;
    assert!(
        page.contains(&format!("{} 4,00", criteria[0].name)) && page.contains(fr(Msg::ColMedian)),
        "{page}"
    );
    // The dossier's page shows each review with its juror.
    let page = claire
        .page(&format!("/coordination/candidatures/{ada}"))
        .await;
    assert!(
        page.contains(fr(Msg::DossierReviewsTitle))
            && page.contains("Bea Sévère")
            && page.contains("Note 5."),
        "{page}"
    );
    assert!(!page.contains(fr(Msg::ReviewByRemovedJuror)));
    // A removed juror's reviews stay and count, marked.
    let res = claire
        .post(
            &format!("/coordination/promotions/{promotion}/preselection"),
            "/api/retirer-jure",
            &[
                ("promotion", &promotion.to_string()),
                ("juror", &cem_id.to_string()),
            ],
        )
        .await;
    assert_eq!(location(&res).error, None);
    let page = claire
        .page(&format!("/coordination/candidatures/{ada}"))
        .await;
    assert!(
        page.contains(fr(Msg::ReviewByRemovedJuror)) && page.contains("Cem Clément"),
        "{page}"
    );
    let results = claire
        .page(&format!(
            "/coordination/promotions/{promotion}/preselection/resultats"
        ))
        .await;
    assert!(
        results.contains("12,00") && results.contains("7,50"),
        "{results}"
    );
    let other = bea.page(&format!("/jury/dossiers/{ada}")).await;
    assert!(other.contains(fr(Msg::ReviewByRemovedJuror)), "{other}");

    // The shortlist: a preview, then confirmed; neutral emails.
    app.mail().await;
    let preview = claire
        .page(&format!(
            "/coordination/promotions/{promotion}/preselection/apercu?decision=retenir&ids[]={ada}"
        ))
        .await;
    assert!(
        preview.contains("Lovelace") && preview.contains("présélectionnée"),
        "{preview}"
    );
    assert!(app.mail().await.is_empty(), "a preview sends nothing");
    let from = format!("/coordination/promotions/{promotion}/preselection/apercu");
    for (id, decision) in [(ada, "retenir"), (grace, "ecarter")] {
        let res = claire
            .post(
                &from,
                "/api/preselectionner",
                &[
                    ("promotion", &promotion.to_string()),
                    ("ids[0]", &id.to_string()),
                    ("decision", decision),
                ],
            )
            .await;
        assert_eq!(location(&res).error, None);
    }
    assert_eq!(
        app.row::<application::Entity>(ada).await.state,
        "shortlisted"
    );
    assert_eq!(
        app.row::<application::Entity>(grace).await.state,
        "not_shortlisted"
    );
    let mail = app.mail().await;
    assert_eq!(mail.len(), 2);
    for m in &mail {
        for secret in [
            "Bea", "Cem", "Sévère", "Clément", "12.0", "7.5", "12,0", "7,5", "Note ",
        ] {
            assert!(!m.text.contains(secret), "{secret} in {}", m.text);
        }
    }
    assert!(
        mail.iter()
            .any(|m| m.to == "grace@example.fr" && m.text.contains("n'est pas retenue"))
    );
    // Decided dossiers are not decided twice.
    let res = claire
        .post(
            &from,
            "/api/preselectionner",
            &[
                ("promotion", &promotion.to_string()),
                ("ids[0]", &ada.to_string()),
                ("decision", "ecarter"),
            ],
        )
        .await;
    assert_eq!(location(&res).error, None);
    assert_eq!(
        app.row::<application::Entity>(ada).await.state,
        "shortlisted"
    );
    assert!(app.mail().await.is_empty());
    let _ = application::Entity::find()
        .filter(application::Column::Id.eq(ada))
        .one(&app.state.db)
        .await;

    // Bea declares a conflict with Grace after reviewing her: coordinators
    // see the review marked and left out; no juror reads the reviews'
    // endpoint.
    let bea_id = juror_id(&app, promotion, "bea@jury.fr").await;
    app::server::db::review::conflict::ActiveModel {
        juror_id: Set(bea_id),
        application_id: Set(Some(grace)),
        kind: Set("personal".into()),
        detected: Set(String::new()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .unwrap();
    let page = claire
        .page(&format!("/coordination/candidatures/{grace}"))
        .await;
    assert!(
        page.contains(fr(Msg::ReviewConflicted)) && page.contains("Bea Sévère"),
        "{page}"
    );
    assert!(page.contains("1 avis compté : moyenne 12,00"), "{page}");
    for who in [&bea, &cem] {
        let res = who.get(&format!("/api/avis-dossier?id={grace}")).await;
        assert_ne!(res.status(), 200);
        assert!(!res.text().await.unwrap().contains("Sévère"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coordinators_set_a_jurors_profiles_and_load_and_reminders_go_once() {
    use app::server::service::review::reminders::remind_jurors;
    let app = TestApp::spawn().await;
    let (promotion, _, _) = open_call(&app).await;
    let claire = app.coordinator().await;
    dossier(
        &app,
        promotion,
        ("Ada", "Lovelace", "ada@example.fr"),
        "designer",
        None,
    )
    .await;
    open_stage(&claire, promotion, 1, true).await;
    let (_, bea) = juror(&app, promotion, "bea@jury.fr", "Bea Jury", &[]).await;
    let from = format!("/coordination/promotions/{promotion}/preselection");
    let res = claire
        .post(
            &from,
            "/api/modifier-jure",
            &[
                ("promotion", &promotion.to_string()),
                ("juror", &bea.to_string()),
                ("profiles[]", "designer"),
                ("profiles[]", "developer"),
                ("max_load", "7"),
            ],
        )
        .await;
    assert_eq!(location(&res).error, None);
    let row = app.row::<app::server::db::review::juror::Entity>(bea).await;
    assert_eq!(
        (row.profiles.as_str(), row.max_load),
        ("designer,developer", Some(7))
    );
    let res = claire
        .post(
            &from,
            "/api/modifier-jure",
            &[
                ("promotion", &promotion.to_string()),
                ("juror", &bea.to_string()),
                ("max_load", "-2"),
            ],
        )
        .await;
    assert_eq!(error_fields(&location(&res)), [format!("max_load_{bea}")]);
    assert_eq!(apply(&claire, promotion).await.error, None);
    // Reminders: none 4 days before the closing, one at 3 days, one at 1
    // day, each once even when the job runs again.
    app.mail().await;
    let closes = app::server::service::review::stage_of(&app.state.db, promotion)
        .await
        .unwrap()
        .closes_at
        .unwrap();
    let day = chrono::Duration::days(1);
    assert_eq!(
        remind_jurors(&app.state, closes - day * 4).await.unwrap(),
        0
    );
    assert_eq!(
        remind_jurors(&app.state, closes - day * 2).await.unwrap(),
        1
    );
    assert_eq!(
        remind_jurors(&app.state, closes - day * 2).await.unwrap(),
        0
    );
    assert_eq!(
        remind_jurors(&app.state, closes - chrono::Duration::hours(5))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        remind_jurors(&app.state, closes - chrono::Duration::hours(4))
            .await
            .unwrap(),
        0
    );
    let mail = app.mail().await;
    assert_eq!(mail.len(), 2);
    assert!(
        mail.iter()
            .all(|m| m.to == "bea@jury.fr" && m.subject.contains("1 dossier"))
    );
    assert!(
        !mail[0].text.contains("Lovelace"),
        "a reminder names no applicant"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shortlisted_candidates_rank_the_defis_again_before_the_reveal_deadline() {
    use app::server::db::application_choice;
    use app::server::service::review::reveal;
    let app = TestApp::spawn().await;
    let (promotion, web, forest) = open_call(&app).await;
    let claire = app.coordinator().await;
    let ada_b = app
        .verified_user("ada@example.fr", "Ada Lovelace", PASSWORD)
        .await;
    app.verified_user("grace@example.fr", "Grace Hopper", PASSWORD)
        .await;
    let ada = dossier(
        &app,
        promotion,
        ("Ada", "Lovelace", "ada@example.fr"),
        "developer",
        Some(app.user_id("ada@example.fr").await),
    )
    .await;
    let grace = dossier(
        &app,
        promotion,
        ("Grace", "Hopper", "grace@example.fr"),
        "developer",
        Some(app.user_id("grace@example.fr").await),
    )
    .await;
    // The stage with the two-step reveal, closing in two days.
    let now = Utc::now();
    let fmt = app::domain::promotion::paris_input_value;
    let from = format!("/coordination/promotions/{promotion}/preselection");
    claire.page(&from).await;
    let settings = |deadline: String| {
        vec![
            ("promotion".to_owned(), promotion.to_string()),
            ("opens_at".to_owned(), fmt(now - chrono::Duration::days(3))),
            ("closes_at".to_owned(), fmt(now - chrono::Duration::days(1))),
            ("see_reviews".to_owned(), "after".to_owned()),
            ("reviews_per_dossier".to_owned(), "1".to_owned()),
            ("disagreement_threshold".to_owned(), "20".to_owned()),
            ("reveal".to_owned(), "on".to_owned()),
            ("reveal_deadline".to_owned(), deadline),
        ]
    };
    let res = claire
        .post_fields(
            &from,
            "/api/parametres-preselection",
            &settings(String::new()),
        )
        .await;
    assert_eq!(error_fields(&location(&res)), ["reveal_deadline"]);
    let deadline = now + chrono::Duration::days(2);
    let res = claire
        .post_fields(
            &from,
            "/api/parametres-preselection",
            &settings(fmt(deadline)),
        )
        .await;
    assert_eq!(location(&res).error, None);
    app.mail().await;
    for id in [ada, grace] {
        claire
            .post(
                &format!("{from}/apercu"),
                "/api/preselectionner",
                &[
                    ("promotion", &promotion.to_string()),
                    ("ids[0]", &id.to_string()),
                    ("decision", "retenir"),
                ],
            )
            .await;
    }
    let mail = app.mail().await;
    assert!(
        mail[0].text.contains("classez jusqu'à 3 défis"),
        "{}",
        mail[0].text
    );

    // Ada's dossier offers the défis that seek her profile.
    let page = ada_b.page(&format!("/candidature/{ada}")).await;
    assert!(
        page.contains(fr(Msg::RevealTitle)) && page.contains("Orienter les usagers"),
        "{page}"
    );
    assert!(
        !page.contains("Cartographier les forêts"),
        "not her profile"
    );
    let post = |b: &Browser, id: i64, defi: i64, rank: &'static str| {
        let fields = vec![
            ("id".to_owned(), id.to_string()),
            ("offered[0]".to_owned(), defi.to_string()),
            ("ranks[0]".to_owned(), rank.to_owned()),
        ];
        let b = b.client.clone();
        let base = app.base.clone();
        async move {
            b.post(format!("{base}/api/classer-defis"))
                .header(reqwest::header::REFERER, format!("{base}/candidature/{id}"))
                .form(&fields)
                .send()
                .await
                .unwrap()
        }
    };
    let to = location(&post(&ada_b, ada, forest, "1").await);
    assert_eq!(error_fields(&to), ["choices"]);
    let to = location(&post(&ada_b, ada, web, "2").await);
    assert_eq!(error_fields(&to), ["choices"], "ranks start at 1");
    assert_eq!(location(&post(&ada_b, ada, web, "1").await).error, None);
    let choices: Vec<i64> = application_choice::Entity::find()
        .filter(application_choice::Column::ApplicationId.eq(ada))
        .all(&app.state.db)
        .await
        .unwrap()
        .iter()
        .map(|c| c.defi_id)
        .collect();
    assert_eq!(choices, [web]);
    // Someone else's dossier: not found.
    let to = location(&post(&ada_b, grace, web, "1").await);
    assert_eq!(to.error, Some(serde_json::json!("NotFound")));
    assert!(
        application_choice::Entity::find()
            .filter(application_choice::Column::ApplicationId.eq(grace))
            .all(&app.state.db)
            .await
            .unwrap()
            .is_empty()
    );

    // The reminder, 24 hours before: only Grace (Ada ranked), once.
    app.mail().await;
    assert_eq!(
        reveal::remind(&app.state, deadline - chrono::Duration::hours(30))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        reveal::remind(&app.state, deadline - chrono::Duration::hours(10))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        reveal::remind(&app.state, deadline - chrono::Duration::hours(9))
            .await
            .unwrap(),
        0
    );
    let mail = app.mail().await;
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to, "grace@example.fr");

    // After the deadline, the step is closed.
    let res = claire
        .post_fields(
            &from,
            "/api/parametres-preselection",
            &settings(fmt(now - chrono::Duration::hours(1))),
        )
        .await;
    assert_eq!(location(&res).error, None);
    let to = location(&post(&ada_b, ada, web, "1").await);
    assert!(to.error.is_some());
    let page = ada_b.page(&format!("/candidature/{ada}")).await;
    assert!(page.contains("Le classement des défis est clos"), "{page}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_likely_conflict_on_a_late_dossier_waits_for_the_jurors_confirmation() {
    let app = TestApp::spawn().await;
    let (promotion, _, _) = open_call(&app).await;
    let claire = app.coordinator().await;
    open_stage(&claire, promotion, 1, false).await;
    // Bea declared (nothing) before Léa, from her own ministry, applied.
    let (bea, bea_id) = juror(&app, promotion, "bea@culture.gouv.fr", "Bea Jury", &[]).await;
    let (_cem, cem_id) = juror(&app, promotion, "cem@jury.fr", "Cem Jury", &[]).await;
    let lea = dossier(
        &app,
        promotion,
        ("Léa", "Roux", "lea.roux@culture.gouv.fr"),
        "designer",
        None,
    )
    .await;
    let home = bea.page("/jury").await;
    assert!(home.contains("ressemble à un conflit d'intérêts"), "{home}");
    // Until Bea answers, the pair is a conflict: never assigned, 404.
    assert_eq!(apply(&claire, promotion).await.error, None);
    assert_eq!(pairs(&app).await, [(cem_id, lea)]);
    assert_eq!(
        bea.get(&format!("/jury/dossiers/{lea}")).await.status(),
        404
    );
    // By hand: the same rules, and errors tied to their field.
    let by_hand = format!("/coordination/promotions/{promotion}/preselection/affectation");
    let set = |juror: String, application: &str| {
        vec![
            ("promotion".to_owned(), promotion.to_string()),
            ("juror".to_owned(), juror),
            ("application".to_owned(), application.to_owned()),
            ("add".to_owned(), "on".to_owned()),
        ]
    };
    for (juror, typed, field) in [
        (bea_id.to_string(), "douze".to_owned(), "application"),
        (bea_id.to_string(), "999999".to_owned(), "application"),
        (String::new(), lea.to_string(), "juror"),
    ] {
        let res = claire
            .post_fields(&by_hand, "/api/affecter-dossier", &set(juror, &typed))
            .await;
        assert_eq!(error_fields(&location(&res)), [field], "{typed}");
    }
    let res = claire
        .post_fields(
            &by_hand,
            "/api/affecter-dossier",
            &set(bea_id.to_string(), &lea.to_string()),
        )
        .await;
    assert_eq!(crate::helpers::refusal(&res), "PairConflicted");
    assert_eq!(pairs(&app).await, [(cem_id, lea)]);
    // She rejects it (declares no conflict): the notice goes, and Léa's
    // dossier can be hers.
    let from = format!("/jury/promotions/{promotion}/conflits");
    let page = bea.page(&from).await;
    let (_, list) = line_of(&page, "Léa Roux");
    let res = bea
        .post_fields(
            &from,
            "/api/declarer-conflits",
            &[
                ("promotion".to_owned(), promotion.to_string()),
                ("liste".to_owned(), list),
            ],
        )
        .await;
    assert_eq!(location(&res).error, None);
    assert!(!bea.page("/jury").await.contains("ressemble à un conflit"));
    let conflicted = app::server::service::review::conflicted_dossiers(
        &app.state.db,
        bea_id,
        &Default::default(),
    )
    .await
    .unwrap();
    assert!(!conflicted.contains(&lea));
    let res = claire
        .post_fields(
            &by_hand,
            "/api/affecter-dossier",
            &set(bea_id.to_string(), &format!("n° {lea}")),
        )
        .await;
    assert_eq!(location(&res).error, None);
    assert_eq!(pairs(&app).await, [(cem_id, lea), (bea_id, lea)]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_first_uses_at_once_make_one_stage_and_one_rubric() {
    use app::server::db::review::{criterion, stage};
    use app::server::service::review::setup;
    let app = TestApp::spawn().await;
    let (promotion, _, _) = open_call(&app).await;
    let runs: Vec<_> = (0..4)
        .map(|_| {
            let db = app.state.db.clone();
            tokio::spawn(async move { setup::ensure(&db, &Default::default(), promotion).await })
        })
        .collect();
    let mut ids = std::collections::HashSet::new();
    for r in runs {
        ids.insert(r.await.unwrap().unwrap().id);
    }
    assert_eq!(ids.len(), 1);
    assert_eq!(
        stage::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        criterion::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .len(),
        3,
        "the default rubric, once"
    );
}
