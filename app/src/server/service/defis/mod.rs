//! Défi dossiers, by use: `drafting` (the host's draft, slots, submission,
//! imports), `decisions` (coordinators' decisions and publishing), `sheets`
//! (the dossier, the lists, the public sheets), `deck` (the pitch deck). This file
//! holds the lookups they share.

use super::audit::{AuditAction, Target};
use super::txn::Txn;
use super::{Origin, accounts::locale_of, attachments, organisations, promotions};
use crate::domain::defi::{self as rules, Decision, DefiState, personalise};
use crate::domain::defi_form::{DefiForm, SlotForm};
use crate::domain::organisation::OrgKind;
use crate::domain::profile::ProfileCode;
use crate::domain::promotion::paris_display;
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::batch::BatchLine;
use crate::model::defi::{
    AttachmentView, DefiDossier, DefiEventView, DefiFilter, DefiList, DefiRow, DefiSheet,
    SheetDetails, SlotView,
};
use crate::server::AppState;
use crate::server::db::{
    attachment, declared, defi, defi_event, defi_slot, guarded, organisation, promotion,
};
use crate::server::mail::MailTemplate;
use crate::server::policy::{self, Action, Actor};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};
use serde_json::json;
use std::collections::HashMap;

mod decisions;
mod deck;
mod drafting;
mod sheets;

pub use decisions::*;
pub(crate) use deck::*;
pub use drafting::*;
pub use sheets::*;

const PITCH_DECK: &str = "pitch_deck";

/// What the policy needs to know about a défi before anything else.
#[derive(Clone, Copy, Debug)]
pub struct Access {
    pub organisation: i64,
    pub state: DefiState,
    pub published: bool,
}

/// The state stored in the row. An unknown code is an error, never a
/// guess: guessing "draft" would reopen a dossier for editing.
fn state_of(m: &defi::Model) -> Result<DefiState, AppError> {
    DefiState::from_code(&m.state).ok_or_else(|| {
        tracing::error!(defi = m.id, state = %m.state, "unknown défi state in the database");
        AppError::Unexpected
    })
}

pub async fn access<C: ConnectionTrait>(db: &C, id: i64) -> Result<Access, AppError> {
    let d = find(db, id).await?;
    Ok(Access {
        organisation: d.organisation_id,
        state: state_of(&d)?,
        published: d.published_at.is_some(),
    })
}

async fn find<C: ConnectionTrait>(db: &C, id: i64) -> Result<defi::Model, AppError> {
    crate::server::service::row::<defi::Entity, _>(db, id).await
}

async fn slots_of<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<Vec<defi_slot::Model>, AppError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(defi_slot::Entity::find()
        .filter(defi_slot::Column::DefiId.is_in(ids.to_vec()))
        .order_by_asc(defi_slot::Column::DefiId)
        .order_by_asc(defi_slot::Column::Position)
        .all(db)
        .await?)
}

/// The dossier as saved: its declared fields from its row, its slots.
fn form_of(d: &defi::Model, slots: &[defi_slot::Model]) -> Result<DefiForm, AppError> {
    let mut form: DefiForm = declared::read(d)?;
    for s in slots.iter().filter(|s| s.defi_id == d.id) {
        if let Some(row) = form.slots.get_mut((s.position as usize).wrapping_sub(1)) {
            *row = SlotForm {
                profile: s.profile.clone(),
                mission: s.mission.clone(),
                mandatory: s.mandatory,
            };
        }
    }
    Ok(form)
}

fn used_profiles(slots: &[defi_slot::Model], id: i64) -> Vec<ProfileCode> {
    slots
        .iter()
        .filter(|s| s.defi_id == id && !s.profile.is_empty())
        .filter_map(|s| ProfileCode::parse(&s.profile).ok())
        .collect()
}

async fn promotion_of<C: ConnectionTrait>(db: &C, id: i64) -> Result<promotion::Model, AppError> {
    crate::server::service::row::<promotion::Entity, _>(db, id).await
}

/// Writes `row` (which bumps the version) only if the défi still has the
/// version `read` when it was loaded. SQLite serialises writers, but
/// PostgreSQL's READ COMMITTED lets two requests read the same row: the
/// second writer is told of the conflict instead of overwriting the first.
/// Writes `row` as the next version if it is still at `read`.
async fn guarded<C: ConnectionTrait>(
    db: &C,
    row: defi::ActiveModel,
    read: i32,
) -> Result<(), AppError> {
    guarded::update_versioned(db, row, defi::Column::Version, read).await
}

/// Queues `template` to every member of the défi's organisation.
async fn tell_members(
    db: &Txn<'_>,
    d: &defi::Model,
    template: MailTemplate,
    vars: impl Fn(crate::i18n::Locale, &str) -> serde_json::Value,
) -> Result<Vec<String>, AppError> {
    let mut sent = Vec::new();
    for (u, _) in organisations::members(db, d.organisation_id).await? {
        db.queue(
            template,
            locale_of(&u),
            &u.email,
            vars(locale_of(&u), &u.name),
        )
        .await?;
        sent.push(u.email);
    }
    Ok(sent)
}

async fn event<C: ConnectionTrait>(
    db: &C,
    origin: &Origin,
    id: i64,
    kind: &str,
    message: &str,
) -> Result<(), AppError> {
    defi_event::ActiveModel {
        defi_id: Set(id),
        kind: Set(kind.to_owned()),
        message: Set(message.to_owned()),
        actor_id: Set(origin.actor_id),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// How many défis a promotion has (any state).
pub async fn count_in<C: ConnectionTrait>(db: &C, promotion_id: i64) -> Result<u64, AppError> {
    use sea_orm::PaginatorTrait;
    Ok(defi::Entity::find()
        .filter(defi::Column::PromotionId.eq(promotion_id))
        .count(db)
        .await?)
}
