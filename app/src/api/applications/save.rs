//! The dossier form posts its fields flat (`Posted`), the no-JavaScript
//! form and the autosave island alike; `ApplicationForm`'s declaration
//! reads them, the ranks come as `offered[i]` / `ranks[i]` pairs.

use crate::api::defis::SavedDraft;
use crate::domain::form::Posted;
use crate::model::AppError;
use leptos::prelude::*;

/// Saves the draft; with `intent=submit`, then submits it. The draft is
/// saved even when submission is refused, so nothing typed is lost; ranks
/// that do not follow 1, 2, 3… are a field error, and the rest of the
/// draft is saved all the same (its stored choices unchanged): the
/// autosave is told what was not saved (`SavedDraft::refused`), a form
/// post gets the error with what was typed. The deadline is judged when
/// the request arrived.
#[server(prefix = "/api", endpoint = "enregistrer-candidature")]
pub async fn save_application(#[server(flatten)] form: Posted) -> Result<SavedDraft, AppError> {
    use super::super::support::{draft_target, saved_draft};
    use crate::domain::application_form::{ApplicationForm, order_choices, ranked_any};
    use crate::i18n::Msg;
    use crate::model::FieldError;
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
    let mut rank_error = ordered.as_ref().err().copied();
    let result = async {
        call.allow(Action::EditApplication { owner, state })
            .map_err(|_| AppError::Refused(Msg::ApplicationNotEditable))?;
        let (profiles, offered_ids, max) = applications::draft_context(&call.state, id).await?;
        let (clean, unheld) = typed
            .parse_draft_keeping_choices(&profiles, &offered_ids, max)
            .map_err(AppError::fields)?;
        rank_error = rank_error.or(unheld);
        let keep_choices = rank_error.is_some();
        applications::save(
            &call.state.db,
            &call.ctx.origin(),
            id,
            &clean,
            keep_choices,
            version,
        )
        .await
    }
    .await;
    let saved = call.keep(result, &kept).await?;
    let to = format!("/candidature/{id}");
    if form.get("intent").as_deref() == Some("submit") {
        let ranks = rank_error.map(|m| (m, ranked_any(&rows)));
        let submitted =
            applications::submit(&call.state, &call.ctx.origin(), id, started, ranks).await;
        call.keep(submitted, &kept).await?;
        call.done(Some(Msg::ApplicationSubmittedNotice), &to)
            .await?;
    } else if let Some(m) = rank_error {
        // Saved but for the ranks: the form post shows them with the
        // error; the autosave says so next to its status.
        if call.form_post {
            let error = Err(AppError::field("choices", m));
            return call
                .keep_noting(error, &kept, Some(Msg::DraftSavedExceptRanks))
                .await;
        }
        let locale = call.ctx.locale;
        let field = FieldError {
            field: "choices".into(),
            message: m,
            about: None,
        };
        let mut answer = saved_draft(saved.version, saved.at);
        answer.refused = Some(locale.fill(
            locale.t(Msg::AutosaveRanksNotSaved),
            &[("message", &field.text(locale))],
        ));
        return Ok(answer);
    } else {
        call.done(Some(Msg::DraftSaved), &to).await?;
    }
    Ok(saved_draft(saved.version, saved.at))
}
