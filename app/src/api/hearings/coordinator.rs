use crate::domain::form::Posted;
use crate::model::AppError;
use crate::model::hearings::HearingsPage;
use leptos::prelude::*;

/// The coordinators' page: `par_defi` jurors per défi for the assignment
/// plan; `preavis` working days' notice for the scheduling preview.
#[server(prefix = "/api", endpoint = "auditions-promotion")]
pub async fn get_hearings_page(
    promotion: i64,
    per_defi: Option<u32>,
    notice: Option<u32>,
) -> Result<HearingsPage, AppError> {
    use crate::server::policy::Action;
    use crate::server::service::hearings::{assign, page};
    use crate::server::service::interviews::slots::DEFAULT_NOTICE;
    let call = crate::api::support::allowed(Action::ManageHearings).await?;
    let per_defi = per_defi.unwrap_or(assign::DEFAULT_PER_DEFI).clamp(1, 10);
    let notice = notice
        .unwrap_or(DEFAULT_NOTICE)
        .min(crate::domain::interviews::MAX_NOTICE);
    page::page(&call.state.db, promotion, per_defi, notice, call.ctx.locale).await
}

#[cfg(feature = "ssr")]
fn page_of(promotion: i64) -> String {
    format!("/coordination/promotions/{promotion}/auditions")
}

#[server(prefix = "/api", endpoint = "affecter-auditions")]
pub async fn assign_hearings(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::hearings::assign};
    let call = crate::api::support::allowed(Action::ManageHearings).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let per_defi = form
        .number::<u32>("par_defi")
        .unwrap_or(assign::DEFAULT_PER_DEFI)
        .clamp(1, 10);
    let shown = form.get("empreinte").unwrap_or_default();
    let result = assign::apply(&call.state, &call.ctx.origin(), promotion, per_defi, &shown).await;
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::HearingJurorsAssigned),
        &page_of(promotion),
    )
    .await
}

#[server(prefix = "/api", endpoint = "retirer-jure-audition")]
pub async fn remove_hearing_juror(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::hearings::assign};
    let call = crate::api::support::allowed(Action::ManageHearings).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let defi = form.number::<i64>("defi").ok_or(AppError::NotFound)?;
    let user = form.number::<i64>("jure").ok_or(AppError::NotFound)?;
    let result = assign::remove(&call.state, &call.ctx.origin(), defi, user).await;
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::HearingJurorRemovedNotice),
        &page_of(promotion),
    )
    .await
}

#[server(prefix = "/api", endpoint = "creneau-audition")]
pub async fn add_hearing_slot(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::service::interviews::slots::SlotDraft;
    use crate::server::{policy::Action, service::hearings::schedule};
    let call = crate::api::support::allowed(Action::ManageHearings).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let draft = SlotDraft {
        starts: form.get("debut").unwrap_or_default(),
        minutes: form.get("duree").unwrap_or_default(),
        place: form.get("lieu").unwrap_or_default(),
        quorum: String::new(),
    };
    let result = schedule::add(&call.state.db, &call.ctx.origin(), promotion, &draft).await;
    call.answer(
        result,
        &[
            ("debut", draft.starts.as_str()),
            ("duree", draft.minutes.as_str()),
            ("lieu", draft.place.as_str()),
        ],
        Some(Msg::SlotAdded),
        &format!("{}#creneaux", page_of(promotion)),
    )
    .await
}

/// Deletes a free slot, or cancels the hearing it holds
/// (`intent=annuler`).
#[server(prefix = "/api", endpoint = "supprimer-creneau-audition")]
pub async fn delete_hearing_slot(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::hearings::schedule};
    let call = crate::api::support::allowed(Action::ManageHearings).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let slot = form.number::<i64>("creneau").ok_or(AppError::NotFound)?;
    let cancel = form.get("intent").as_deref() == Some("annuler");
    let origin = call.ctx.origin();
    let result = if cancel {
        schedule::cancel(&call.state, &origin, promotion, slot).await
    } else {
        schedule::delete(&call.state.db, &origin, promotion, slot).await
    };
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(if cancel {
            Msg::HearingCancelledNotice
        } else {
            Msg::SlotDeleted
        }),
        &format!("{}#creneaux", page_of(promotion)),
    )
    .await
}

#[server(prefix = "/api", endpoint = "appliquer-auditions")]
pub async fn apply_hearing_plan(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::service::interviews::slots::DEFAULT_NOTICE;
    use crate::server::{policy::Action, service::hearings::schedule};
    let call = crate::api::support::allowed(Action::ManageHearings).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let notice = form
        .number::<u32>("preavis")
        .unwrap_or(DEFAULT_NOTICE)
        .min(crate::domain::interviews::MAX_NOTICE);
    let shown = form.get("empreinte").unwrap_or_default();
    let result = schedule::apply(&call.state, &call.ctx.origin(), promotion, notice, &shown).await;
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::PlanApplied),
        &format!("{}#creneaux", page_of(promotion)),
    )
    .await
}

/// Replaces the promotion's grid (`grille`: `defi` or `interview`) with
/// the editor's `lignes` rows.
#[server(prefix = "/api", endpoint = "grille-jury")]
pub async fn save_grid(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::hearings::grids};
    let call = crate::api::support::allowed(Action::ManageHearings).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let kind = form
        .get("grille")
        .as_deref()
        .and_then(grids::GridKind::from_code)
        .ok_or(AppError::NotFound)?;
    let rows = form
        .number::<usize>("lignes")
        .unwrap_or(0)
        .min(crate::domain::hearings::GRID_MAX + 1);
    let result = grids::save(
        &call.state.db,
        &call.ctx.origin(),
        promotion,
        kind,
        rows,
        |k| form.get(k),
    )
    .await;
    let kept: Vec<(String, String)> = form
        .0
        .keys()
        .filter(|k| k.starts_with("critere_"))
        .map(|k| (k.clone(), form.get(k).unwrap_or_default()))
        .collect();
    let to = match kind {
        grids::GridKind::Defi => format!("{}#grille", page_of(promotion)),
        grids::GridKind::Interview => {
            format!("/coordination/promotions/{promotion}/entretiens#grille")
        }
    };
    call.answer(result, &kept, Some(Msg::GridSaved), &to).await
}
