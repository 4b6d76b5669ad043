use crate::domain::form::Posted;
use crate::model::AppError;
use crate::model::hearings::{DefiSheetPage, MyHearings};
use leptos::prelude::*;

/// A juror's défis to hear in a promotion.
#[server(prefix = "/api", endpoint = "mes-auditions")]
pub async fn get_my_hearings(promotion: i64) -> Result<MyHearings, AppError> {
    use crate::server::{policy::Action, service::hearings::sheets};
    let call = crate::api::support::allowed(Action::ActAsJuror { promotion }).await?;
    sheets::mine(&call.state.db, promotion, call.viewer_id()?).await
}

/// A juror's sheet on a défi they hear; 404 for anyone else.
#[server(prefix = "/api", endpoint = "audition-defi")]
pub async fn get_defi_sheet_page(id: i64) -> Result<DefiSheetPage, AppError> {
    use crate::server::service::hearings::{access, sheets};
    let call = crate::api::support::call().await?;
    let a = access(&call.state.db, &call.ctx.actor, id).await?;
    let action @ crate::server::policy::Action::ReadHeardDefi { .. } = a.read() else {
        return Err(AppError::Unexpected);
    };
    call.allow(action)?;
    sheets::page(&call.state.db, &a, &call.ctx.actor, call.viewer_id()?).await
}

/// Saves the sheet as a draft, or submits it (`intent=submit`).
#[server(prefix = "/api", endpoint = "grille-defi")]
pub async fn save_defi_sheet(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::service::hearings::{access, sheets};
    let call = crate::api::support::call().await?;
    let id = form.number::<i64>("defi").ok_or(AppError::NotFound)?;
    let a = access(&call.state.db, &call.ctx.actor, id).await?;
    call.allow(a.read())?;
    let crate::server::policy::Action::ScoreDefi { .. } = a.score() else {
        return Err(AppError::Unexpected);
    };
    let submit = form.get("intent").as_deref() == Some("submit");
    let result = match call.allow(a.score()) {
        Ok(()) => {
            sheets::save(
                &call.state.db,
                &call.ctx.origin(),
                &a,
                call.viewer_id()?,
                |k| form.get(k),
                submit,
            )
            .await
        }
        Err(_) => Err(AppError::Refused(Msg::HearingClosed)),
    };
    let kept: Vec<(String, String)> = form
        .0
        .keys()
        .filter(|k| k.starts_with("note_") || *k == "commentaire" || *k == "avis")
        .map(|k| (k.clone(), form.get(k).unwrap_or_default()))
        .collect();
    let to = if submit {
        format!("/jury/auditions/{}", a.defi.promotion_id)
    } else {
        format!("/jury/auditions/defis/{id}")
    };
    call.answer(
        result,
        &kept,
        Some(if submit {
            Msg::SheetSubmitted
        } else {
            Msg::SheetSaved
        }),
        &to,
    )
    .await
}

/// Ranks the défis heard (`rang_{id}`) and names the coup de cœur.
#[server(prefix = "/api", endpoint = "classer-auditions")]
pub async fn rank_heard_defis(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::hearings::sheets};
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let call = crate::api::support::allowed(Action::ActAsJuror { promotion }).await?;
    let result = sheets::rank(
        &call.state.db,
        &call.ctx.origin(),
        promotion,
        call.viewer_id()?,
        |k| form.get(k),
    )
    .await;
    let kept: Vec<(String, String)> = form
        .0
        .keys()
        .filter(|k| k.starts_with("rang_") || *k == "coup_de_coeur")
        .map(|k| (k.clone(), form.get(k).unwrap_or_default()))
        .collect();
    call.answer(
        result,
        &kept,
        Some(Msg::HeardDefisRanked),
        &format!("/jury/auditions/{promotion}#classement"),
    )
    .await
}
