//! The défi form posts its fields flat (`Posted`), the no-JavaScript form
//! and the autosave island alike; `DefiForm`'s declaration reads them.

use crate::domain::form::Posted;
use crate::model::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What a save answers the autosave island.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedDraft {
    pub version: i32,
    /// "HH:MM", Paris time.
    pub saved_at: String,
    /// What was not saved with the rest, and why, in the reader's
    /// language (the dossier's ranks); always the last key on the wire.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<String>,
}

/// Saves the draft (`id`, `version`, then the form's fields); with
/// `intent=submit`, then submits it. The draft is saved even when
/// submission is refused, so nothing typed is lost.
#[server(prefix = "/api", endpoint = "enregistrer-defi")]
pub async fn save_defi(#[server(flatten)] form: Posted) -> Result<SavedDraft, AppError> {
    use super::super::support::{draft_target, saved_draft};
    use crate::domain::defi_form::DefiForm;
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::defis};
    let call = super::super::support::call().await?;
    let (id, version) = draft_target(&form)?;
    let access = defis::access(&call.state.db, id).await?;
    // Outsiders learn nothing about the défi (not found).
    call.allow(Action::ViewDefiDossier {
        organisation: access.organisation,
        state: access.state,
    })?;
    let typed = DefiForm::from_fields(|k| form.get(k));
    let kept = typed.fields();
    let result = async {
        call.allow(Action::EditDefi {
            organisation: access.organisation,
            state: access.state,
        })
        .map_err(|_| AppError::Refused(Msg::DefiNotEditable))?;
        let profiles = defis::profiles_for(&call.state.db, id).await?;
        let clean = typed.parse_draft(&profiles).map_err(AppError::fields)?;
        defis::save(&call.state.db, &call.ctx.origin(), id, &clean, version).await
    }
    .await;
    let saved = call.keep(result, &kept).await?;
    let to = format!("/organisation/defis/{id}");
    if form.get("intent").as_deref() == Some("submit") {
        let submitted = defis::submit(&call.state, &call.ctx.origin(), id).await;
        // The draft is saved: only the submission's error is shown.
        call.keep(submitted, crate::api::support::NOTHING).await?;
        call.done(Some(Msg::DefiSubmitted), &to).await?;
    } else {
        call.done(Some(Msg::DraftSaved), &to).await?;
    }
    Ok(saved_draft(saved.version, saved.at))
}
