//! One pipeline for every file a person uploads or downloads — a défi's
//! pitch deck, a dossier's CV and portfolio: which file it is, who may see
//! and change its owner (through the policy), the PDF check, the stored
//! name, and the [`Download`] the HTTP layer sends. The HTTP handlers only
//! read the multipart body and answer.

use super::download::Download;
use super::txn::Txn;
use super::{Origin, applications, attachments, defis, milestones};
use crate::domain::application::ApplicationState;
use crate::domain::defi::DefiState;
use crate::domain::upload::{check_pdf, display_name};
use crate::i18n::Msg;
use crate::model::AppError;
use crate::server::db::{application, defi, guarded};
use crate::server::policy::{Action, Actor, require};
use crate::server::state::AppState;

/// A file of the product, by its owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attached {
    PitchDeck(i64),
    Cv(i64),
    Portfolio(i64),
    /// A team's milestone (its form's file field), by its address.
    Milestone {
        defi: i64,
        instance: i64,
    },
}

/// Why an upload did not happen.
#[derive(Debug)]
pub enum UploadRefused {
    /// The owner is not the person's to see: answered as the refusal
    /// itself (not found, sign in).
    Hidden(AppError),
    /// Shown on the page of the form, next to the file field.
    Shown(AppError),
}

impl Attached {
    /// The file `kind` of a dossier, as its address names it.
    pub fn of_application(id: i64, kind: &str) -> Option<Self> {
        match kind {
            applications::CV => Some(Attached::Cv(id)),
            applications::PORTFOLIO => Some(Attached::Portfolio(id)),
            _ => None,
        }
    }

    /// The page that holds the upload form.
    pub fn page(self) -> String {
        match self {
            Attached::PitchDeck(id) => format!("/organisation/defis/{id}"),
            Attached::Cv(id) | Attached::Portfolio(id) => format!("/candidature/{id}"),
            Attached::Milestone { defi, instance } => format!("/equipes/{defi}/jalons/{instance}"),
        }
    }

    /// The page back after a refused upload, at the file field (its
    /// message is there, not at the top where the notice of a saved one
    /// is).
    pub fn field_on_page(self) -> String {
        // The upload's form: its label, hint and message in view.
        let field = match self {
            Attached::PitchDeck(_) => "defi-presentation",
            Attached::Cv(_) => "candidature-cv",
            Attached::Portfolio(_) => "candidature-portfolio",
            Attached::Milestone { .. } => "jalon-fichier",
        };
        format!("{}#{field}", self.page())
    }

    /// The notice after a saved upload.
    pub fn saved(self) -> Msg {
        match self {
            Attached::PitchDeck(_) => Msg::PitchDeckSaved,
            Attached::Cv(_) | Attached::Portfolio(_) | Attached::Milestone { .. } => Msg::FileSaved,
        }
    }

    /// Where the page reads a refused upload's message from.
    pub fn error_key(self) -> &'static str {
        match self {
            Attached::PitchDeck(_) => "upload_error",
            Attached::Cv(_) => "upload_error_cv",
            Attached::Portfolio(_) => "upload_error_portfolio",
            Attached::Milestone { .. } => "upload_error_milestone",
        }
    }

    fn slot(self) -> attachments::Slot<'static> {
        match self {
            Attached::PitchDeck(id) => defis::deck_slot(id),
            Attached::Cv(id) => applications::slot(id, applications::CV),
            Attached::Portfolio(id) => applications::slot(id, applications::PORTFOLIO),
            Attached::Milestone { instance, .. } => {
                milestones::views::milestone_file_slot(instance)
            }
        }
    }

    /// Holds the owner's row until commit if its state still lets its
    /// files change (a dossier submitted meanwhile refuses the upload).
    async fn lock(self, txn: &Txn<'_>) -> Result<(), AppError> {
        fn codes<S: Copy>(
            all: impl IntoIterator<Item = S>,
            editable: fn(S) -> bool,
            code: fn(S) -> &'static str,
        ) -> Vec<&'static str> {
            all.into_iter().filter(|s| editable(*s)).map(code).collect()
        }
        let (locked, not_editable) = match self {
            Attached::PitchDeck(id) => (
                guarded::lock_in_state::<defi::Entity, _>(
                    txn,
                    (defi::Column::Id, id),
                    (
                        defi::Column::State,
                        codes(DefiState::ALL, DefiState::host_may_edit, DefiState::code),
                    ),
                    defi::Column::UpdatedAt,
                )
                .await?,
                Msg::DefiNotEditable,
            ),
            Attached::Cv(id) | Attached::Portfolio(id) => (
                guarded::lock_in_state::<application::Entity, _>(
                    txn,
                    (application::Column::Id, id),
                    (
                        application::Column::State,
                        codes(
                            ApplicationState::ALL,
                            ApplicationState::applicant_may_edit,
                            ApplicationState::code,
                        ),
                    ),
                    application::Column::UpdatedAt,
                )
                .await?,
                Msg::ApplicationNotEditable,
            ),
            Attached::Milestone { instance, .. } => {
                // Touched, so that a waiver meanwhile waits or refuses it.
                use crate::server::db::milestones::instance as row;
                use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
                let touched = row::Entity::update_many()
                    .col_expr(row::Column::Seq, Expr::col(row::Column::Seq))
                    .filter(row::Column::Id.eq(instance))
                    .filter(row::Column::WaivedAt.is_null())
                    .exec(txn)
                    .await?;
                (touched.rows_affected == 1, Msg::MilestoneWaivedNoAnswer)
            }
        };
        if locked {
            Ok(())
        } else {
            Err(AppError::Refused(not_editable))
        }
    }

    /// May `actor` see the owner (else the policy's refusal: not found)
    /// and, with `edit`, change its files (else what to say)?
    async fn check(self, app: &AppState, actor: &Actor, edit: bool) -> Result<(), UploadRefused> {
        let hidden = UploadRefused::Hidden;
        let (view, change, not_editable) = match self {
            Attached::Milestone { defi, instance } => {
                let now = chrono::Utc::now();
                return milestones::submit::file_access(&app.db, actor, defi, instance, edit, now)
                    .await;
            }
            Attached::PitchDeck(id) => {
                let a = defis::access(&app.db, id).await.map_err(hidden)?;
                let (organisation, state) = (a.organisation, a.state);
                // A published sheet's presentation is public; changing it
                // is for the host, and hidden from anyone else.
                let view = if a.published && !edit {
                    Action::ViewDefiSheet { published: true }
                } else if !edit
                    && actor.viewer().is_some()
                    && !crate::server::policy::allows(
                        actor,
                        Action::ViewDefiDossier {
                            organisation,
                            state,
                        },
                    )
                    && let Ok(heard) = super::hearings::access(&app.db, actor, id).await
                {
                    // A juror who hears the défi reads its presentation.
                    heard.read()
                } else {
                    Action::ViewDefiDossier {
                        organisation,
                        state,
                    }
                };
                (
                    view,
                    Action::EditDefi {
                        organisation,
                        state,
                    },
                    Msg::DefiNotEditable,
                )
            }
            Attached::Cv(id) | Attached::Portfolio(id) => {
                let (owner, state) = applications::owner(&app.db, id).await.map_err(hidden)?;
                let view = Action::ViewApplication { owner, state };
                // A juror reads the files of a dossier they may read, unless
                // the stage is blind (a redacted CV is out of scope).
                if !edit
                    && !crate::server::policy::allows(actor, view)
                    && let Some(v) = actor.viewer()
                {
                    let access = super::review::scoring::access(&app.db, v.id, id)
                        .await
                        .map_err(hidden)?;
                    if access.blind {
                        return Err(hidden(AppError::NotFound));
                    }
                    return require(actor, access.read()).map_err(hidden);
                }
                (
                    view,
                    Action::EditApplication { owner, state },
                    Msg::ApplicationNotEditable,
                )
            }
        };
        require(actor, view).map_err(hidden)?;
        if edit {
            require(actor, change)
                .map_err(|_| UploadRefused::Shown(AppError::Refused(not_editable)))?;
        }
        Ok(())
    }
}

/// Stores the file that `read` returns (its name and bytes) as `target`,
/// once the policy allows it and the bytes are a PDF. `read` runs only
/// when the person may change the owner, so a refused upload's body is
/// never read.
pub async fn upload(
    app: &AppState,
    actor: &Actor,
    origin: &Origin,
    target: Attached,
    read: impl AsyncFnOnce() -> Result<(String, Vec<u8>), AppError>,
) -> Result<(), UploadRefused> {
    target.check(app, actor, true).await?;
    let stored = async {
        let (name, bytes) = read().await?;
        check_pdf(&bytes).map_err(|m| AppError::field("pitch_deck", m))?;
        let name = display_name(&name);
        let data_dir = &app.settings.data_dir;
        let (db, slot) = (&app.db, target.slot());
        let lock = async |txn: &Txn<'_>| target.lock(txn).await;
        attachments::store(db, origin, data_dir, slot, &name, &bytes, lock).await
    };
    stored.await.map_err(UploadRefused::Shown)
}

/// The current file of `target`, for a person who may see its owner.
pub async fn download(
    app: &AppState,
    actor: &Actor,
    target: Attached,
) -> Result<Download, AppError> {
    target.check(app, actor, false).await.map_err(|e| match e {
        UploadRefused::Hidden(e) | UploadRefused::Shown(e) => e,
    })?;
    let (path, name) = attachments::file(&app.db, &app.settings.data_dir, target.slot()).await?;
    Ok(Download::pdf(name, path))
}
