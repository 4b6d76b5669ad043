//! One field per form input: the no-JavaScript form posts them flat, and the
//! autosave island posts the same form.
#![allow(
    clippy::too_many_arguments,
    reason = "a server function takes one argument per form field"
)]

use crate::api::defis::SavedDraft;
use crate::model::AppError;
use leptos::prelude::*;

/// Saves the draft; with `intent=submit`, then submits it. The draft is
/// saved even when submission is refused, so nothing typed is lost. The
/// deadline is judged when the request arrived.
#[server(prefix = "/api", endpoint = "enregistrer-candidature")]
pub async fn save_application(
    id: i64,
    #[server(default)] version: Option<i32>,
    #[server(default)] intent: Option<String>,
    #[server(default)] civility: String,
    #[server(default)] first_name: String,
    #[server(default)] last_name: String,
    #[server(default)] phone: String,
    #[server(default)] profile: String,
    #[server(default)] experience: String,
    #[server(default)] skills: String,
    #[server(default)] experience_text: String,
    #[server(default)] motivation: String,
    #[server(default)] portfolio_url: String,
    #[server(default)] code_url: String,
    #[server(default)] mobility: String,
    #[server(default)] remote: Option<String>,
    #[server(default)] support_role: String,
    #[server(default)] offered: Vec<i64>,
    #[server(default)] ranks: Vec<String>,
    #[server(default)] decl_civil_servant: Option<String>,
    #[server(default)] decl_student: Option<String>,
    #[server(default)] decl_jury: Option<String>,
    #[server(default)] consent: Option<String>,
) -> Result<SavedDraft, AppError> {
    use crate::domain::application_form::{ApplicationForm, order_choices};
    use crate::i18n::Msg;
    use crate::model::FieldError;
    use crate::server::{policy::Action, service::applications};
    let call = super::super::support::call().await?;
    let started = call.ctx.received_at;
    let (owner, state) = applications::owner(&call.state.db, id).await?;
    call.allow(Action::ViewApplication { owner, state })?;
    let on = |v: &Option<String>| v.as_deref().is_some_and(|v| !v.is_empty());
    let rows: Vec<(i64, String)> = offered.iter().copied().zip(ranks.iter().cloned()).collect();
    let ordered = order_choices(&rows);
    let form = ApplicationForm {
        civility,
        first_name,
        last_name,
        phone,
        profile,
        experience,
        skills,
        experience_text,
        motivation,
        portfolio_url,
        code_url,
        mobility,
        remote: on(&remote),
        support_role,
        choices: ordered.clone().unwrap_or_default(),
        decl_civil_servant: on(&decl_civil_servant),
        decl_student: on(&decl_student),
        decl_jury: on(&decl_jury),
        consent: on(&consent),
    };
    let mut kept: Vec<(String, String)> = form.fields();
    for (defi, rank) in &rows {
        kept.push((format!("rank_{defi}"), rank.clone()));
    }
    let kept: Vec<(&str, String)> = kept.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    let result = async {
        call.allow(Action::EditApplication { owner, state })
            .map_err(|_| AppError::Refused(Msg::ApplicationNotEditable))?;
        ordered.map_err(|m| AppError::field("choices", m))?;
        let (profiles, offered_ids, max) = applications::draft_context(&call.state, id).await?;
        let clean = form
            .parse_draft(&profiles, &offered_ids, max)
            .map_err(|errors| {
                AppError::Validation(
                    errors
                        .into_iter()
                        .map(|(field, message)| FieldError { field, message })
                        .collect(),
                )
            })?;
        applications::save(&call.state.db, &call.ctx.origin(), id, &clean, version).await
    }
    .await;
    let saved = call.keep(result, &kept).await?;
    let saved_at = crate::domain::promotion::paris_display(saved.at)
        .split(' ')
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    if intent.as_deref() == Some("submit") {
        let submitted = applications::submit(&call.state, &call.ctx.origin(), id, started).await;
        call.keep(submitted, &[] as &[(&str, String)]).await?;
        call.done(
            Some(Msg::ApplicationSubmittedNotice),
            &format!("/candidature/{id}"),
        )
        .await?;
    } else {
        call.done(Some(Msg::DraftSaved), &format!("/candidature/{id}"))
            .await?;
    }
    Ok(SavedDraft {
        version: saved.version,
        saved_at,
    })
}
