//! The ten months: a milestone's page and its forms (fill, move, waive,
//! reply), the coordinators' dashboard and timeline.

use crate::domain::form::Posted;
use crate::model::AppError;
use crate::model::milestones::{Dashboard, InstancePage, Timeline};
use leptos::prelude::*;

/// Where the viewer sits with regard to the défi's team (none: 404).
#[cfg(feature = "ssr")]
pub(crate) async fn seat_of(
    call: &crate::api::support::Call,
    defi: i64,
) -> Result<Option<crate::server::service::milestones::views::Seat>, AppError> {
    use crate::domain::Role;
    let Some(v) = call.ctx.actor.viewer() else {
        return Ok(None);
    };
    crate::server::service::milestones::views::seat(
        &call.state.db,
        defi,
        v.id,
        v.has(Role::Coordinator),
    )
    .await
}

/// A milestone of a team: its status, its form for those who fill it,
/// its history and, for a report, its thread.
#[server(prefix = "/api", endpoint = "jalon")]
pub async fn get_milestone(defi: i64, id: i64) -> Result<InstancePage, AppError> {
    use crate::server::policy::Action;
    use crate::server::service::milestones::{submit, views};
    let call = crate::api::support::call().await?;
    let seat = seat_of(&call, defi).await?;
    call.allow(Action::ViewPromotionTeam {
        in_promotion: seat.is_some(),
    })?;
    let Some(seat) = seat else {
        return Err(AppError::NotFound);
    };
    let db = &call.state.db;
    let loaded = submit::load(db, id).await?;
    if loaded.defi.id != defi {
        return Err(AppError::NotFound);
    }
    let filler = match call.ctx.actor.viewer() {
        Some(v) => submit::is_filler(db, &loaded, v.id).await?,
        None => false,
    };
    views::instance_page(db, id, seat, filler, chrono::Utc::now(), call.ctx.locale).await
}

#[cfg(feature = "ssr")]
fn ids(form: &Posted) -> Result<(i64, i64), AppError> {
    let n = |k: &str| {
        form.get(k)
            .and_then(|v| v.trim().parse::<i64>().ok())
            .ok_or(AppError::NotFound)
    };
    Ok((n("defi")?, n("jalon")?))
}

#[cfg(feature = "ssr")]
async fn check_defi(call: &crate::api::support::Call, defi: i64, id: i64) -> Result<(), AppError> {
    let l = crate::server::service::milestones::submit::load(&call.state.db, id).await?;
    if l.defi.id == defi {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Fills or edits a milestone (the last edit wins; every version kept).
#[server(prefix = "/api", endpoint = "remplir-jalon")]
pub async fn fill_milestone(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::policy::Action;
    use crate::server::service::milestones::submit;
    let call = crate::api::support::call().await?;
    let (defi, id) = ids(&form)?;
    let me = call.ctx.actor.viewer().map(|v| v.id);
    let filler = match me {
        Some(u) => {
            let l = submit::load(&call.state.db, id).await?;
            l.defi.id == defi && submit::is_filler(&call.state.db, &l, u).await?
        }
        None => false,
    };
    if me.is_some() && !filler {
        return Err(AppError::NotFound);
    }
    call.allow(Action::FillMilestone { filler })?;
    let result = submit::fill(
        &call.state,
        &call.ctx.origin(),
        me.unwrap_or_default(),
        id,
        |k| form.get(k),
        |k| form.list(k),
        chrono::Utc::now(),
    )
    .await;
    let kept: Vec<(String, String)> = form
        .0
        .keys()
        .filter(|k| !matches!(k.as_str(), "defi" | "jalon"))
        .map(|k| (k.clone(), form.list(k).join("\n")))
        .collect();
    call.answer(
        result,
        &kept,
        Some(Msg::MilestoneSaved),
        &format!("/equipes/{defi}/jalons/{id}"),
    )
    .await
}

/// Moves one team's due date, with a reason (coordinators).
#[server(prefix = "/api", endpoint = "deplacer-jalon")]
pub async fn move_milestone(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::policy::Action;
    use crate::server::service::milestones::submit;
    let call = crate::api::support::allowed(Action::ManageMilestones).await?;
    let (defi, id) = ids(&form)?;
    check_defi(&call, defi, id).await?;
    let get = |k: &str| form.get(k).unwrap_or_default();
    let result = submit::move_due(
        &call.state,
        &call.ctx.origin(),
        id,
        &get("jour"),
        &get("heure"),
        &get("raison"),
    )
    .await;
    call.answer(
        result,
        &[
            ("jour", get("jour")),
            ("heure", get("heure")),
            ("raison", get("raison")),
        ],
        Some(Msg::MilestoneMovedNotice),
        &format!("/equipes/{defi}/jalons/{id}"),
    )
    .await
}

/// Waives a milestone for one team, with a reason (coordinators).
#[server(prefix = "/api", endpoint = "dispenser-jalon")]
pub async fn waive_milestone(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::policy::Action;
    use crate::server::service::milestones::submit;
    let call = crate::api::support::allowed(Action::ManageMilestones).await?;
    let (defi, id) = ids(&form)?;
    check_defi(&call, defi, id).await?;
    let why = form.get("motif").unwrap_or_default();
    let result = submit::waive(
        &call.state,
        &call.ctx.origin(),
        id,
        &why,
        chrono::Utc::now(),
    )
    .await;
    call.answer(
        result,
        &[("motif", why)],
        Some(Msg::MilestoneWaivedNotice),
        &format!("/equipes/{defi}/jalons/{id}"),
    )
    .await
}

/// Replies in a report's thread: the team, its host, coordinators.
#[server(prefix = "/api", endpoint = "repondre-rapport")]
pub async fn reply_on_report(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::policy::Action;
    use crate::server::service::milestones::{submit, views::Seat};
    let call = crate::api::support::call().await?;
    let (defi, id) = ids(&form)?;
    let seat = seat_of(&call, defi).await?;
    let member = matches!(seat, Some(Seat::Fellow | Seat::Host));
    if call.ctx.actor.viewer().is_some() && !member && seat != Some(Seat::Coordinator) {
        return Err(AppError::NotFound);
    }
    call.allow(Action::ReplyOnReport { member })?;
    check_defi(&call, defi, id).await?;
    let body = form.get("reponse").unwrap_or_default();
    let me = call.ctx.actor.viewer().map(|v| v.id).unwrap_or_default();
    let result = submit::reply(
        &call.state,
        &call.ctx.origin(),
        me,
        seat == Some(Seat::Coordinator),
        id,
        &body,
        chrono::Utc::now(),
    )
    .await;
    call.answer(
        result,
        &[("reponse", body)],
        Some(Msg::ReplySent),
        &format!("/equipes/{defi}/jalons/{id}#fil"),
    )
    .await
}

/// The coordinators' dashboard of a promotion.
#[server(prefix = "/api", endpoint = "suivi-promotion")]
pub async fn get_dashboard(promotion: i64) -> Result<Dashboard, AppError> {
    use crate::server::policy::Action;
    use crate::server::service::milestones::board as views;
    let call = crate::api::support::allowed(Action::ManageMilestones).await?;
    views::dashboard(
        &call.state.db,
        promotion,
        chrono::Utc::now(),
        call.ctx.locale,
    )
    .await
}

/// The promotion's timeline (coordinators).
#[server(prefix = "/api", endpoint = "frise-promotion")]
pub async fn get_timeline(promotion: i64) -> Result<Timeline, AppError> {
    use crate::server::policy::Action;
    use crate::server::service::milestones::board as views;
    let call = crate::api::support::allowed(Action::ManageMilestones).await?;
    views::timeline(
        &call.state.db,
        promotion,
        chrono::Utc::now(),
        call.ctx.locale,
    )
    .await
}

/// The promotion's milestone schedule (coordinators).
#[server(prefix = "/api", endpoint = "jalons-promotion")]
pub async fn get_plans(promotion: i64) -> Result<crate::model::milestones::Plans, AppError> {
    use crate::server::policy::Action;
    use crate::server::service::milestones::plan;
    let call = crate::api::support::allowed(Action::ManageMilestones).await?;
    plan::plans(&call.state.db, promotion, call.ctx.locale).await
}

/// Changes one milestone of a promotion's schedule and re-plans its
/// upcoming unanswered instances (coordinators).
#[server(prefix = "/api", endpoint = "modifier-jalon-promotion")]
pub async fn edit_plan(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::domain::milestones::schedule::*;
    use crate::i18n::Msg;
    use crate::server::policy::Action;
    use crate::server::service::milestones::plan;
    let call = crate::api::support::allowed(Action::ManageMilestones).await?;
    let n = |k: &str| {
        form.get(k)
            .and_then(|v| v.trim().parse::<i64>().ok())
            .ok_or(AppError::NotFound)
    };
    let (promotion, id) = (n("promotion")?, n("modele")?);
    let result = plan::edit(
        &call.state,
        &call.ctx.origin(),
        promotion,
        id,
        |k| form.get(k),
        chrono::Utc::now(),
    )
    .await;
    let kept: Vec<(&str, String)> = [KIND, NUMBER, RANK, DAY, TIME, OPENS, GRACE, PUBLIC]
        .into_iter()
        .map(|k| (k, form.get(k).unwrap_or_default()))
        .collect();
    call.answer(
        result,
        &kept,
        Some(Msg::PlanSaved),
        &format!("/coordination/promotions/{promotion}/jalons"),
    )
    .await
}
