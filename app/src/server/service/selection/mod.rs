//! Application dossiers, coordinators' side: the filtered, sorted, paginated
//! table with counts per state; corrections, ineligibility, incompleteness
//! and personal deadlines, each with its message; exports (CSV and a ZIP of
//! the CVs), audited.

use super::Origin;
use super::applications::{self, guarded, owner_locale, parse_state, state_of};
use super::audit::{AuditAction, Target};
use super::txn::Txn;
use crate::domain::application::{ApplicationState, Review};
use crate::domain::promotion::paris_display;
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::application::{ApplicationQuery, ApplicationRow, ApplicationTable};
use crate::model::batch::BatchLine;
use crate::server::AppState;
use crate::server::db::{application, application_choice, defi, promotion};
use crate::server::mail::MailTemplate;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Func, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, Order,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use serde_json::json;
use std::collections::HashMap;

pub mod reviewed;
mod table;
pub use table::*;

/// Emails the dossier's author (in their language) that its state is
/// `subject_state`, with the programme team's `message`.
pub(super) async fn tell(
    state: &AppState,
    db: &Txn<'_>,
    a: &application::Model,
    subject_state: Msg,
    message: &str,
) -> Result<(), AppError> {
    let Some(locale) = owner_locale(db, a).await? else {
        return Ok(());
    };
    db.queue(
        MailTemplate::ApplicationUpdate,
        locale,
        &a.email,
        json!({
            "name": format!("{} {}", a.first_name, a.last_name).trim(),
            "state": locale.t(subject_state),
            "message": message,
            "link": state.link(&format!("/candidature/{}", a.id)),
        }),
    )
    .await
}

async fn review_in(
    state: &AppState,
    txn: &Txn<'_>,
    origin: &Origin,
    a: application::Model,
    review: Review,
    message: &str,
) -> Result<(), AppError> {
    // The promotion's row before the dossier's, as every step of the
    // offers takes them (a step moves dossiers too); then the dossier as
    // it stands now.
    crate::server::service::formation::offers::lock(txn, a.promotion_id).await?;
    let a = applications::find(txn, a.id).await?;
    let to = review.apply(state_of(&a)?).map_err(AppError::Refused)?;
    let mut row: application::ActiveModel = a.clone().into();
    row.state = Set(to.code().to_owned());
    row.updated_at = Set(Utc::now());
    guarded(txn, row, a.version).await?;
    applications::event(txn, origin, a.id, review.code(), message).await?;
    // Out of the programme once offers are out: they leave them.
    if matches!(
        to,
        ApplicationState::Ineligible | ApplicationState::Incomplete | ApplicationState::Withdrawn
    ) {
        crate::server::service::formation::offers::left(
            txn,
            state,
            a.promotion_id,
            a.id,
            Utc::now(),
        )
        .await?;
    }
    tell(state, txn, &a, to.label(), message).await?;
    txn.audit(
        AuditAction::ApplicationReviewed,
        Target::Application(a.id),
        json!({ "review": review.code(), "from": a.state, "to": to.code() }),
    )
    .await?;
    Ok(())
}

pub async fn review(
    state: &AppState,
    origin: &Origin,
    id: i64,
    review: Review,
    message: &str,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let a = applications::find(&txn, id).await?;
    review_in(state, &txn, origin, a, review, message).await?;
    txn.commit().await?;
    super::catalogue::applications_changed();
    Ok(())
}

/// Applies `review` to every listed dossier it fits, in one transaction;
/// returns how many changed.
pub async fn review_batch(
    state: &AppState,
    origin: &Origin,
    ids: &[i64],
    review: Review,
    message: &str,
) -> Result<usize, AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let mut done = 0;
    for &id in ids {
        let Some(a) = crate::server::service::found(applications::find(&txn, id).await)? else {
            continue;
        };
        if review.apply(state_of(&a)?).is_err() {
            continue;
        }
        review_in(state, &txn, origin, a, review, message).await?;
        done += 1;
    }
    txn.finish(
        AuditAction::ApplicationBatchReviewed,
        None,
        json!({ "review": review.code(), "asked": ids, "changed": done }),
    )
    .await?;
    super::catalogue::applications_changed();
    Ok(done)
}

/// Grants one applicant a later deadline (shown on their page).
pub async fn extend_deadline(
    state: &AppState,
    origin: &Origin,
    id: i64,
    until: DateTime<Utc>,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let a = applications::find(&txn, id).await?;
    // Checked again here: the dossier may have been submitted since the
    // policy looked.
    if !state_of(&a)?.applicant_may_edit() {
        return Err(AppError::NotFound);
    }
    let p = crate::server::service::row::<promotion::Entity, _>(&txn, a.promotion_id).await?;
    if until <= p.applications_close_at || until <= Utc::now() {
        return Err(AppError::field("until", Msg::ExtensionTooEarly));
    }
    // `updated_at` is the applicant's last save (the drafts list shows it):
    // a deadline granted by a coordinator does not change it.
    let mut row: application::ActiveModel = a.clone().into();
    row.personal_deadline = Set(Some(until));
    guarded(&txn, row, a.version).await?;
    let message = Msg::DeadlineExtendedMessage;
    let locale = owner_locale(&txn, &a).await?.unwrap_or_default();
    let text = crate::i18n::fill(locale.t(message), &[("deadline", &paris_display(until))]);
    applications::event(&txn, origin, a.id, "deadline_extended", &text).await?;
    tell(state, &txn, &a, state_of(&a)?.label(), &text).await?;
    txn.finish(
        AuditAction::ApplicationDeadlineExtended,
        Target::Application(a.id),
        json!({ "until": until }),
    )
    .await?;
    Ok(())
}
