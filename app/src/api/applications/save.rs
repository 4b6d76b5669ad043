//! The dossier form posts its fields flat (`Posted`), the no-JavaScript
//! form and the autosave island alike; `ApplicationForm`'s declaration
//! reads them, the ranks come as `offered[i]` / `ranks[i]` pairs.

use crate::api::defis::SavedDraft;
use crate::domain::form::Posted;
use crate::model::AppError;
use leptos::prelude::*;

/// Saves the draft; with `intent=submit`, then submits it. The draft is
/// saved even when submission is refused, so nothing typed is lost. The
/// deadline is judged when the request arrived.
#[server(prefix = "/api", endpoint = "enregistrer-candidature")]
pub async fn save_application(#[server(flatten)] form: Posted) -> Result<SavedDraft, AppError> {
    use super::super::support::{draft_target, saved_draft};
    use crate::domain::application_form::{ApplicationForm, order_choices};
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::applications};
    let call = super::super::support::call().await?;
    let started = call.ctx.received_at;
    let (id, version) = draft_target(&form)?;
    let (owner, state) = applications::owner(&call.state.db, id).await?;
    call.allow(Action::ViewApplication { owner, state })?;
    let offered = form
        .list("offered")
        .iter()
        .map(|d| d.trim().parse::<i64>().map_err(|_| AppError::Unexpected))
        .collect::<Result<Vec<i64>, AppError>>()?;
    let rows: Vec<(i64, String)> = offered.into_iter().zip(form.list("ranks")).collect();
    let ordered = order_choices(&rows);
    let typed = ApplicationForm {
        choices: ordered.clone().unwrap_or_default(),
        ..ApplicationForm::from_fields(|k| form.get(k))
    };
    let mut kept = typed.fields();
    for (defi, rank) in &rows {
        kept.push((format!("rank_{defi}"), rank.clone()));
    }
    let result = async {
        call.allow(Action::EditApplication { owner, state })
            .map_err(|_| AppError::Refused(Msg::ApplicationNotEditable))?;
        ordered.map_err(|m| AppError::field("choices", m))?;
        let (profiles, offered_ids, max) = applications::draft_context(&call.state, id).await?;
        let clean = typed
            .parse_draft(&profiles, &offered_ids, max)
            .map_err(AppError::fields)?;
        applications::save(&call.state.db, &call.ctx.origin(), id, &clean, version).await
    }
    .await;
    let saved = call.keep(result, &kept).await?;
    let to = format!("/candidature/{id}");
    if form.get("intent").as_deref() == Some("submit") {
        let submitted = applications::submit(&call.state, &call.ctx.origin(), id, started).await;
        call.keep(submitted, crate::api::support::NOTHING).await?;
        call.done(Some(Msg::ApplicationSubmittedNotice), &to)
            .await?;
    } else {
        call.done(Some(Msg::DraftSaved), &to).await?;
    }
    Ok(saved_draft(saved.version, saved.at))
}
