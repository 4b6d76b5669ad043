use crate::domain::form::Posted;
use crate::model::AppError;
use crate::model::review::RevealView;
use leptos::prelude::*;

/// The two-step reveal of a dossier, for its author.
#[server(prefix = "/api", endpoint = "classement-defis")]
pub async fn get_reveal(id: i64) -> Result<RevealView, AppError> {
    use crate::server::{policy::Action, service::applications, service::review::reveal};
    let call = crate::api::support::call().await?;
    let (owner, state) = applications::owner(&call.state.db, id).await?;
    call.allow(Action::ViewApplication { owner, state })?;
    let a = applications::find(&call.state.db, id).await?;
    reveal::view(&call.state.db, &a).await
}

/// Ranks the published défis again: `offered[i]` / `ranks[i]` pairs, as
/// the dossier's form posts them.
#[server(prefix = "/api", endpoint = "classer-defis")]
pub async fn rank_defis(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::applications, service::review::reveal};
    let call = crate::api::support::call().await?;
    let id = form.number::<i64>("id").ok_or(AppError::NotFound)?;
    let (owner, state) = applications::owner(&call.state.db, id).await?;
    call.allow(Action::ViewApplication { owner, state })?;
    // Only the author ranks (a coordinator reads the dossier, no more).
    if owner != Some(call.viewer_id()?) {
        return Err(AppError::NotFound);
    }
    let a = applications::find(&call.state.db, id).await?;
    let open = reveal::deadline(&call.state.db, a.promotion_id)
        .await?
        .is_some_and(|d| chrono::Utc::now() < d);
    let rows: Vec<(i64, String)> = form
        .list("offered")
        .iter()
        .map(|d| d.trim().parse::<i64>().unwrap_or_default())
        .zip(form.list("ranks"))
        .collect();
    let result = match call.allow(Action::RankAfterShortlist { owner, state, open }) {
        Ok(()) => reveal::rank(&call.state.db, &call.ctx.origin(), &a, &rows).await,
        Err(_) => Err(AppError::Refused(Msg::RevealClosed)),
    };
    let kept: Vec<(String, String)> = rows
        .iter()
        .map(|(d, r)| (format!("rank_{d}"), r.clone()))
        .collect();
    call.answer(
        result,
        &kept,
        Some(Msg::RevealSaved),
        &format!("/candidature/{id}"),
    )
    .await
}
