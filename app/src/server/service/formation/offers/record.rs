//! One event of a step written: the log row, the offer row it changes,
//! the placement, the emails and the audit entry.

use super::{application_of, deadline, notify, seat_of};
use crate::domain::offers::{Event, Kind};
use crate::model::AppError;
use crate::server::AppState;
use crate::server::db::formation::{event, offer};
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::formation::placements;
use crate::server::service::txn::Txn;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

/// Writes one event: the log row, the offer row it changes, the
/// placement, the email and the audit entry. A seat released on a
/// `closed` slot was taken back: its défi is withdrawn.
pub(super) async fn record(
    txn: &Txn<'_>,
    state: &AppState,
    promotion: i64,
    e: &Event,
    closed: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let app = application_of(&e.candidate).ok_or(AppError::Unexpected)?;
    let seat = e.slot.as_deref().and_then(seat_of);
    event::ActiveModel {
        promotion_id: Set(promotion),
        seq: Set(e.seq as i64),
        at: Set(now),
        kind: Set(e.kind.code().to_owned()),
        application_id: Set(app),
        defi_id: Set(seat.as_ref().map(|s| s.0)),
        profile: Set(seat.as_ref().map(|s| s.1.clone())),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let row = |defi: i64| {
        offer::Entity::find()
            .filter(offer::Column::ApplicationId.eq(app))
            .filter(offer::Column::DefiId.eq(defi))
    };
    let set_state = |defi: i64, to: &'static str| {
        offer::Entity::update_many()
            .col_expr(offer::Column::State, Expr::value(to))
            .col_expr(offer::Column::AnsweredAt, Expr::value(Some(now)))
            .filter(offer::Column::ApplicationId.eq(app))
            .filter(offer::Column::DefiId.eq(defi))
    };
    match (e.kind, seat) {
        (Kind::Offer, Some((defi, profile))) => {
            let o = offer::ActiveModel {
                promotion_id: Set(promotion),
                application_id: Set(app),
                defi_id: Set(defi),
                profile: Set(profile),
                state: Set("open".into()),
                offered_at: Set(now),
                deadline_at: Set(deadline(now)),
                answered_at: Set(None),
                reminded_before_at: Set(None),
                reminded_morning_at: Set(None),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            notify::offer(txn, state, &o, notify::OfferMail::New).await?;
        }
        (Kind::Accept, Some((defi, _))) => {
            set_state(defi, "accepted").exec(txn).await?;
            let o = row(defi).one(txn).await?.ok_or(AppError::Unexpected)?;
            placements::accepted(txn, state, &o, now).await?;
            notify::offer(txn, state, &o, notify::OfferMail::Accepted).await?;
        }
        (Kind::Decline | Kind::Expire | Kind::Release, Some((defi, _))) => {
            let to = match e.kind {
                Kind::Decline => "declined",
                Kind::Expire => "expired",
                _ if closed => "cancelled",
                _ => "released",
            };
            let kept = row(defi)
                .one(txn)
                .await?
                .is_some_and(|o| o.state == "accepted");
            set_state(defi, to).exec(txn).await?;
            let o = row(defi).one(txn).await?.ok_or(AppError::Unexpected)?;
            placements::released(txn, &o, now).await?;
            // The host was preparing the contract of an accepted seat given
            // up for a better one (a withdrawn défi's host knows).
            if kept && e.kind == Kind::Release && !closed {
                placements::tell_left(txn, state, &o, placements::Left::AcceptedOther).await?;
            }
            let mail = match e.kind {
                Kind::Decline => notify::OfferMail::Declined,
                Kind::Expire => notify::OfferMail::Expired,
                _ if closed => notify::OfferMail::Cancelled,
                _ => notify::OfferMail::Released,
            };
            notify::offer(txn, state, &o, mail).await?;
        }
        (Kind::Withdraw, _) => {
            let kept = offer::Entity::find()
                .filter(offer::Column::ApplicationId.eq(app))
                .filter(offer::Column::State.eq("accepted"))
                .one(txn)
                .await?;
            if let Some(o) = &kept {
                placements::tell_left(txn, state, o, placements::Left::Withdrew).await?;
            }
            offer::Entity::update_many()
                .col_expr(offer::Column::State, Expr::value("withdrawn"))
                .col_expr(offer::Column::AnsweredAt, Expr::value(Some(now)))
                .filter(offer::Column::ApplicationId.eq(app))
                .filter(offer::Column::State.is_in(["open", "accepted"]))
                .exec(txn)
                .await?;
            placements::withdrawn(txn, app, now).await?;
        }
        (Kind::Renounce, None) => {
            let o = offer::Entity::find()
                .filter(offer::Column::ApplicationId.eq(app))
                .filter(offer::Column::State.eq("accepted"))
                .one(txn)
                .await?
                .ok_or(AppError::Unexpected)?;
            notify::offer(txn, state, &o, notify::OfferMail::Kept).await?;
        }
        _ => return Err(AppError::Unexpected),
    }
    let action = match e.kind {
        Kind::Offer => AuditAction::OfferMade,
        Kind::Accept => AuditAction::OfferAccepted,
        Kind::Decline => AuditAction::OfferDeclined,
        Kind::Expire => AuditAction::OfferExpired,
        Kind::Release => AuditAction::OfferReleased,
        Kind::Withdraw => AuditAction::OfferWithdrawn,
        Kind::Renounce => AuditAction::OfferWaitlistsLeft,
    };
    txn.audit(
        action,
        Target::Application(app),
        json!({ "seq": e.seq, "slot": e.slot, "promotion": promotion }),
    )
    .await
}
