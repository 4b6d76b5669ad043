use crate::domain::form::Posted;
use crate::model::AppError;
use crate::model::formation::{MyResult, TeamPage};
use leptos::prelude::*;

/// The person's results and offers, in every promotion whose team
/// formation is validated (nothing before: the embargo).
#[server(prefix = "/api", endpoint = "mes-propositions")]
pub async fn get_my_offers() -> Result<Vec<MyResult>, AppError> {
    use crate::server::policy::Action;
    let call = crate::api::support::allowed(Action::AnswerOffer { owner: true }).await?;
    let me = call.viewer_id()?;
    crate::server::service::formation::page::my_results(&call.state.db, me, call.ctx.locale).await
}

/// Accepts (`intent=accepter`) or declines an offer.
#[server(prefix = "/api", endpoint = "repondre-proposition")]
pub async fn answer_offer(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::formation::offers::answers};
    let call = crate::api::support::call().await?;
    let offer = form
        .number::<i64>("proposition")
        .ok_or(AppError::NotFound)?;
    let owner = answers::owner(&call.state.db, offer).await?;
    let me = call.ctx.actor.viewer().map(|v| v.id);
    call.allow(Action::AnswerOffer {
        owner: owner.is_some() && owner == me,
    })?;
    let accept = match form.get("intent").as_deref() {
        Some("accepter") => true,
        Some("decliner") => false,
        _ => return Err(AppError::NotFound),
    };
    let result = answers::answer(
        &call.state,
        &call.ctx.origin(),
        offer,
        accept,
        chrono::Utc::now(),
    )
    .await;
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(if accept {
            Msg::OfferAcceptedNotice
        } else {
            Msg::OfferDeclinedNotice
        }),
        "/espace/propositions",
    )
    .await
}

/// Leaves the process of a promotion: every offer and waiting list.
#[server(prefix = "/api", endpoint = "renoncer-propositions")]
pub async fn withdraw_from_offers(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::formation::offers::answers};
    let call = crate::api::support::allowed(Action::AnswerOffer { owner: true }).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let me = call.viewer_id()?;
    let result = match crate::api::support::confirmed(
        form.get("confirm").as_deref(),
        Msg::WithdrawOffersConfirmMissing,
    ) {
        Ok(()) => answers::withdraw(&call.state, &call.ctx.origin(), me, promotion).await,
        Err(e) => Err(e),
    };
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::WithdrawnFromOffers),
        "/espace/propositions",
    )
    .await
}

/// Joins (`vivier=oui`) or leaves the talent pool.
#[server(prefix = "/api", endpoint = "vivier-talents")]
pub async fn set_talent_pool(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::formation::placements};
    let call = crate::api::support::allowed(Action::AnswerOffer { owner: true }).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let me = call.viewer_id()?;
    let yes = form.get("vivier").as_deref() == Some("oui");
    let result =
        placements::talent_pool(&call.state.db, &call.ctx.origin(), me, promotion, yes).await;
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::TalentPoolSaved),
        "/espace/propositions",
    )
    .await
}

/// A défi's team: its fellows, its organisation's members, coordinators.
#[server(prefix = "/api", endpoint = "equipe-defi")]
pub async fn get_team_page(defi: i64) -> Result<TeamPage, AppError> {
    use crate::server::service::milestones::views::{self, Seat};
    use crate::server::{policy::Action, service::formation::page};
    let call = crate::api::support::call().await?;
    let seat = crate::api::milestones::seat_of(&call, defi).await?;
    // The rest of the promotion sees what is public within it: no
    // contacts, no private milestones, no moods.
    call.allow(Action::ViewPromotionTeam {
        in_promotion: seat.is_some(),
    })?;
    let Some(seat) = seat else {
        return Err(AppError::NotFound);
    };
    let mut t = page::team_page(&call.state.db, defi, call.ctx.locale).await?;
    if seat == Seat::Promotion {
        for f in &mut t.fellows {
            f.2.clear();
            f.3.clear();
        }
        t.hosts.clear();
    } else {
        let member = seat != Seat::Coordinator;
        call.allow(Action::ViewTeam { member })?;
    }
    t.follow = views::follow_up(
        &call.state.db,
        defi,
        seat,
        chrono::Utc::now(),
        call.ctx.locale,
    )
    .await?;
    Ok(t)
}
