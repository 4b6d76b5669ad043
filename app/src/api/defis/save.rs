//! One field per form input: the no-JavaScript form posts them flat, and the
//! autosave island posts the same form.
#![allow(
    clippy::too_many_arguments,
    reason = "a server function takes one argument per form field"
)]

use crate::model::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What a save answers the autosave island.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedDraft {
    pub version: i32,
    /// "HH:MM", Paris time.
    pub saved_at: String,
}

/// Saves the draft; with `intent=submit`, then submits it. The draft is
/// saved even when submission is refused, so nothing typed is lost.
#[server(prefix = "/api", endpoint = "enregistrer-defi")]
pub async fn save_defi(
    id: i64,
    #[server(default)] version: Option<i32>,
    #[server(default)] intent: Option<String>,
    #[server(default)] title: String,
    #[server(default)] summary: String,
    #[server(default)] context: String,
    #[server(default)] use_cases: String,
    #[server(default)] impact: String,
    #[server(default)] data_available: String,
    #[server(default)] data_accessible: Option<String>,
    #[server(default)] obstacles: String,
    #[server(default)] legal_ethics: String,
    #[server(default)] open_code: Option<String>,
    #[server(default)] open_data: Option<String>,
    #[server(default)] off_site: Option<String>,
    #[server(default)] leads: String,
    #[server(default)] mentor: String,
    #[server(default)] slot1_profile: String,
    #[server(default)] slot1_mission: String,
    #[server(default)] slot1_mandatory: Option<String>,
    #[server(default)] slot2_profile: String,
    #[server(default)] slot2_mission: String,
    #[server(default)] slot2_mandatory: Option<String>,
    #[server(default)] slot3_profile: String,
    #[server(default)] slot3_mission: String,
    #[server(default)] slot3_mandatory: Option<String>,
) -> Result<SavedDraft, AppError> {
    use crate::domain::defi_form::{DefiForm, SlotForm};
    use crate::i18n::Msg;
    use crate::model::FieldError;
    use crate::server::{policy::Action, service::defis};
    let call = super::super::support::call().await?;
    let access = defis::access(&call.state.db, id).await?;
    // Outsiders learn nothing about the défi (not found).
    call.allow(Action::ViewDefiDossier {
        organisation: access.organisation,
        state: access.state,
    })?;
    let on = |v: &Option<String>| v.as_deref().is_some_and(|v| !v.is_empty());
    let form = DefiForm {
        title,
        summary,
        context,
        use_cases,
        impact,
        data_available,
        data_accessible: on(&data_accessible),
        obstacles,
        legal_ethics,
        open_code: on(&open_code),
        open_data: on(&open_data),
        off_site: on(&off_site),
        leads,
        mentor,
        slots: [
            SlotForm {
                profile: slot1_profile,
                mission: slot1_mission,
                mandatory: on(&slot1_mandatory),
            },
            SlotForm {
                profile: slot2_profile,
                mission: slot2_mission,
                mandatory: on(&slot2_mandatory),
            },
            SlotForm {
                profile: slot3_profile,
                mission: slot3_mission,
                mandatory: on(&slot3_mandatory),
            },
        ],
    };
    let kept: Vec<(String, String)> = form.fields();
    let kept: Vec<(&str, String)> = kept.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    let result = async {
        call.allow(Action::EditDefi {
            organisation: access.organisation,
            state: access.state,
        })
        .map_err(|_| AppError::Refused(Msg::DefiNotEditable))?;
        let profiles = defis::profiles_for(&call.state.db, id).await?;
        let clean = form.parse_draft(&profiles).map_err(|errors| {
            AppError::Validation(
                errors
                    .into_iter()
                    .map(|(field, message)| FieldError { field, message })
                    .collect(),
            )
        })?;
        defis::save(&call.state.db, &call.ctx.origin(), id, &clean, version).await
    }
    .await;
    let saved = call.keep(result, &kept).await?;
    let saved_at = crate::domain::promotion::paris_display(saved.at)
        .split(' ')
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    if intent.as_deref() == Some("submit") {
        let submitted = defis::submit(&call.state, &call.ctx.origin(), id).await;
        // The draft is saved: only the submission's error is shown.
        call.keep(submitted, &[] as &[(&str, String)]).await?;
        call.done(
            Some(Msg::DefiSubmitted),
            &format!("/organisation/defis/{id}"),
        )
        .await?;
    } else {
        call.done(Some(Msg::DraftSaved), &format!("/organisation/defis/{id}"))
            .await?;
    }
    Ok(SavedDraft {
        version: saved.version,
        saved_at,
    })
}
