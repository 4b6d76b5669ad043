//! A défi withdrawn after its promotion's offers went out.

use super::{Answer, application_of, d, lock, log_of, step};
use crate::domain::offers::{Kind, Market, State};
use crate::model::AppError;
use crate::server::AppState;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;

/// The défi was withdrawn (a coordinator's decision, in its transaction):
/// when its promotion's offers are out, its slots take no more offers and
/// the seats held on them are released, which cascades. Nothing when the
/// promotion has no validated run or the défi is not in its market.
pub(crate) async fn defi_withdrawn(
    txn: &Txn<'_>,
    state: &AppState,
    promotion: i64,
    defi: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    // The row first, then what it guards (a validation may be committing).
    lock(txn, promotion).await?;
    let Some((r, mut log)) = log_of(txn, promotion).await? else {
        return Ok(());
    };
    let prefix = format!("{}:", d(defi));
    let seq = log.events.len() as u64;
    let mut closing = Vec::new();
    for s in log.slots.iter_mut().filter(|s| s.slot.starts_with(&prefix)) {
        if s.closed_after.is_none() {
            s.closed_after = Some(seq);
            closing.push(s.slot.clone());
        }
    }
    if closing.is_empty() {
        return Ok(());
    }
    let answers: Vec<Answer> = {
        let market = Market::build(&log).map_err(|_| AppError::Unexpected)?;
        let st = State::replay(&market, &log.events).map_err(|_| AppError::Unexpected)?;
        closing
            .iter()
            .filter_map(|name| market.slot(name))
            .flat_map(|s| st.holders(s).map(move |(c, _)| (c, s)).collect::<Vec<_>>())
            .filter_map(|(c, s)| {
                let app = application_of(&market.candidate_ids[c])?;
                Some((Kind::Release, app, Some(market.slot_ids[s].clone())))
            })
            .collect()
    };
    super::save_market(txn, r.id, &log).await?;
    step(txn, state, promotion, &answers, now).await?;
    txn.audit(
        AuditAction::OffersDefiWithdrawn,
        Target::Defi(defi),
        json!({ "slots": closing, "released": answers.len() }),
    )
    .await
}

/// The candidate left the programme (withdrew their dossier, was found
/// ineligible, deleted their account), in that use-case's transaction: once
/// the offers are out, they withdraw from them — every seat they hold goes
/// down its list. Nothing before validation, or for someone not in it.
pub(crate) async fn left(
    txn: &Txn<'_>,
    state: &AppState,
    promotion: i64,
    application: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    lock(txn, promotion).await?;
    let Some((_, log)) = log_of(txn, promotion).await? else {
        return Ok(());
    };
    // Once the promotion has started, the offers are over: the person's
    // placement ends, nobody is offered their seat any more.
    // (or the person's mission is already under way).
    let active = crate::server::db::formation::placement::Entity::find()
        .filter(crate::server::db::formation::placement::Column::ApplicationId.eq(application))
        .filter(
            crate::server::db::formation::placement::Column::State
                .eq(crate::domain::placement::PlacementState::Active.code()),
        )
        .one(txn)
        .await?
        .is_some();
    let started = active
        || crate::server::db::promotion::Entity::find_by_id(promotion)
            .one(txn)
            .await?
            .is_some_and(|p| p.start_date <= now.date_naive());
    if started {
        use crate::domain::placement::PlacementState;
        use crate::server::db::formation::{offer, placement};
        let live = placement::Entity::find()
            .filter(placement::Column::ApplicationId.eq(application))
            .filter(placement::Column::State.is_not_in([
                PlacementState::Ended.code(),
                PlacementState::Interrupted.code(),
            ]))
            .one(txn)
            .await?;
        let kept = offer::Entity::find()
            .filter(offer::Column::ApplicationId.eq(application))
            .filter(offer::Column::State.eq("accepted"))
            .one(txn)
            .await?;
        if let (Some(_), Some(o)) = (live, kept) {
            super::super::placements::tell_left(
                txn,
                state,
                &o,
                super::super::placements::Left::Stopped,
            )
            .await?;
        }
        return super::super::placements::withdrawn(txn, application, now).await;
    }
    let me = super::c(application);
    let known = log.candidates.iter().any(|x| x.id == me);
    let gone = log
        .events
        .iter()
        .any(|e| e.candidate == me && e.kind == Kind::Withdraw);
    if !known || gone {
        return Ok(());
    }
    step(
        txn,
        state,
        promotion,
        &[(Kind::Withdraw, application, None)],
        now,
    )
    .await?;
    Ok(())
}

/// The candidate's contract is signed (in that use-case's transaction):
/// they keep their accepted seat, decline the offers still open and leave
/// every waitlist, so no better seat is offered to them any more. Nothing
/// when they hold no accepted seat in the offers or already left the
/// lists.
pub(crate) async fn keep_seat(
    txn: &Txn<'_>,
    state: &AppState,
    promotion: i64,
    application: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    lock(txn, promotion).await?;
    let Some((_, log)) = log_of(txn, promotion).await? else {
        return Ok(());
    };
    // The open offers of seats they prefer are declined in the same step:
    // nothing can pull them out of a signed contract.
    let answers: Vec<Answer> = {
        let market = Market::build(&log).map_err(|_| AppError::Unexpected)?;
        let st = State::replay(&market, &log.events).map_err(|_| AppError::Unexpected)?;
        match market.candidate(&super::c(application)) {
            Some(c)
                if !st.withdrawn[c]
                    && !st.renounced[c]
                    && st.held[c].iter().any(|h| h.accepted) =>
            {
                st.held[c]
                    .iter()
                    .filter(|h| !h.accepted)
                    .map(|h| {
                        (
                            Kind::Decline,
                            application,
                            Some(market.slot_ids[h.slot].clone()),
                        )
                    })
                    .chain(std::iter::once((Kind::Renounce, application, None)))
                    .collect()
            }
            _ => Vec::new(),
        }
    };
    if !answers.is_empty() {
        step(txn, state, promotion, &answers, now).await?;
    }
    Ok(())
}
