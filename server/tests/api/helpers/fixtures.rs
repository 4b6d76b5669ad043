//! What tests start from: the password everyone chooses, a PDF, promotions
//! with an open call, and rows read or changed behind the services' back.

use super::app::TestApp;
use app::domain::defi::DefiState;
use app::domain::profile::default_profiles;
use app::domain::promotion::Calendar;
use app::domain::promotion_form::PromotionDraft;
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, PrimaryKeyTrait};

/// The password every persona chooses.
pub const PASSWORD: &str = "radium polonium 1898";

/// The smallest file the upload check takes for a PDF.
pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

/// Teams of 2 to 3, three choices per applicant, every profile.
fn draft(name: &str, description: &str, calendar: Calendar) -> PromotionDraft {
    PromotionDraft {
        name: name.into(),
        description: description.into(),
        calendar,
        team_min: 2,
        team_max: 3,
        max_choices: 3,
        profiles: default_profiles(),
    }
}

async fn create(app: &TestApp, draft: &PromotionDraft) -> i64 {
    app::server::service::promotions::create(&app.state.db, &Default::default(), draft)
        .await
        .unwrap()
}

/// A promotion whose call for défis is open now.
pub async fn open_promotion(app: &TestApp) -> i64 {
    let now = Utc::now();
    let calendar = Calendar {
        defis_open: now - Duration::days(1),
        defis_close: now + Duration::days(10),
        applications_open: now + Duration::days(11),
        applications_close: now + Duration::days(40),
        start: (now + Duration::days(120)).date_naive(),
        duration_months: 10,
    };
    create(app, &draft("EIG 8 — 2028", "Huitième promotion.", calendar)).await
}

/// A promotion named `name` whose call for applications is open now (it
/// closes in ten days); its call for défis closed a month ago.
pub async fn open_applications(app: &TestApp, name: &str) -> i64 {
    let now = Utc::now();
    let calendar = Calendar {
        defis_open: now - Duration::days(60),
        defis_close: now - Duration::days(30),
        applications_open: now - Duration::days(1),
        applications_close: now + Duration::days(10),
        start: (now + Duration::days(120)).date_naive(),
        duration_months: 10,
    };
    create(app, &draft(name, "", calendar)).await
}

/// A promotion whose call for applications is open, with two published
/// défis: one seeks developers and designers, the other geomaticians.
/// Returns the promotion, the first défi and the second.
pub async fn open_call(app: &TestApp) -> (i64, i64, i64) {
    use app::domain::defi_form::{DefiForm, SlotForm};
    use app::domain::organisation::{OrgKind, OrganisationDraft};
    use app::server::service::{defis, organisations};
    let promotion = open_applications(app, "EIG 8 — 2028").await;
    let origin = Default::default();
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
    let mut ids = Vec::new();
    for (title, slots) in [
        (
            "Orienter les usagers",
            [slot("developer"), slot("designer"), SlotForm::default()],
        ),
        (
            "Cartographier les forêts",
            [
                slot("geomatician"),
                slot("data_scientist"),
                SlotForm::default(),
            ],
        ),
    ] {
        let form = DefiForm {
            title: title.into(),
            summary: "Résumé.".into(),
            slots,
            ..DefiForm::default()
        };
        ids.push(
            defis::import(
                &app.state.db,
                &origin,
                defis::Imported {
                    promotion,
                    organisation: org,
                    form: &form,
                    state: DefiState::Selected,
                    message: None,
                    published: true,
                },
            )
            .await
            .unwrap(),
        );
    }
    (promotion, ids[0], ids[1])
}

impl TestApp {
    /// The row `id` of `E`, which must exist.
    /// The attachment rows, and the files under the data directory's
    /// `files/`.
    pub async fn files_kept(&self) -> (u64, usize) {
        use sea_orm::{EntityTrait, PaginatorTrait};
        let rows = app::server::db::attachment::Entity::find()
            .count(&self.state.db)
            .await
            .unwrap();
        let files = std::fs::read_dir(self.data_dir.join("files"))
            .map(|d| d.flatten().filter(|f| f.path().is_file()).count())
            .unwrap_or(0);
        (rows, files)
    }

    pub async fn row<E>(&self, id: i64) -> E::Model
    where
        E: EntityTrait,
        i64: Into<<E::PrimaryKey as PrimaryKeyTrait>::ValueType>,
    {
        E::find_by_id(id)
            .one(&self.state.db)
            .await
            .unwrap()
            .unwrap()
    }

    /// Changes the promotion `id` directly in the database (its dates, as
    /// time passing would) and, written behind the services' back, tells
    /// the cached catalogue.
    pub async fn update_promotion(
        &self,
        id: i64,
        change: impl FnOnce(&mut app::server::db::promotion::ActiveModel),
    ) {
        let mut p: app::server::db::promotion::ActiveModel = self
            .row::<app::server::db::promotion::Entity>(id)
            .await
            .into();
        change(&mut p);
        p.update(&self.state.db).await.unwrap();
        app::server::service::catalogue::changed();
    }
}
