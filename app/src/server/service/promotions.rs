//! Creating, editing and reading promotions.

use super::Origin;
use super::audit::{AuditAction, Target};
use super::txn::Txn;
use crate::domain::profile::ProfileCode;
use crate::domain::promotion::{Calendar, Step, phase};
use crate::domain::promotion_form::PromotionDraft;
use crate::model::AppError;
use crate::model::promotion::PromotionView;
use crate::server::db::promotion;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};
use serde_json::json;

/// The promotion's profile codes (stored as a JSON array).
pub fn profiles_of(m: &promotion::Model) -> Vec<ProfileCode> {
    serde_json::from_str::<Vec<String>>(&m.profiles)
        .unwrap_or_default()
        .iter()
        .filter_map(|p| ProfileCode::parse(p).ok())
        .collect()
}

pub(super) fn view(m: promotion::Model) -> PromotionView {
    let calendar = Calendar {
        defis_open: m.defis_open_at,
        defis_close: m.defis_close_at,
        applications_open: m.applications_open_at,
        applications_close: m.applications_close_at,
        start: m.start_date,
        duration_months: m.duration_months.max(0) as u32,
    };
    let steps: Vec<Step> = serde_json::from_str(&m.steps).unwrap_or_default();
    let profiles = profiles_of(&m);
    let now = Utc::now();
    PromotionView {
        id: m.id,
        name: m.name,
        description: m.description,
        phase: phase(&calendar, &steps, now),
        defis_call_open: calendar.defis_call_open(now),
        applications_call_open: calendar.applications_call_open(now),
        calendar,
        team_min: m.team_min.max(0) as u32,
        team_max: m.team_max.max(0) as u32,
        max_choices: m.max_choices.max(0) as u32,
        retention_months: m.retention_months.max(0) as u32,
        profiles,
    }
}

fn fill(row: &mut promotion::ActiveModel, d: &PromotionDraft) {
    row.name = Set(d.name.clone());
    row.description = Set(d.description.clone());
    row.defis_open_at = Set(d.calendar.defis_open);
    row.defis_close_at = Set(d.calendar.defis_close);
    row.applications_open_at = Set(d.calendar.applications_open);
    row.applications_close_at = Set(d.calendar.applications_close);
    row.start_date = Set(d.calendar.start);
    row.duration_months = Set(d.calendar.duration_months as i32);
    row.team_min = Set(d.team_min as i32);
    row.team_max = Set(d.team_max as i32);
    row.max_choices = Set(d.max_choices as i32);
    let codes: Vec<&str> = d.profiles.iter().map(ProfileCode::as_str).collect();
    row.profiles = Set(json!(codes).to_string());
    row.updated_at = Set(Utc::now());
}

pub async fn create(
    db: &DatabaseConnection,
    origin: &Origin,
    d: &PromotionDraft,
) -> Result<i64, AppError> {
    let txn = Txn::begin(db, origin).await?;
    if super::taken::<promotion::Entity, _>(&txn, promotion::Column::Name, &d.name, None).await? {
        return Err(AppError::field(
            "name",
            crate::i18n::Msg::PromotionNameTaken,
        ));
    }
    let mut row = promotion::ActiveModel {
        steps: Set("[]".into()),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    fill(&mut row, d);
    let saved = row.insert(&txn).await?;
    txn.finish(
        AuditAction::PromotionCreated,
        Target::Promotion(saved.id),
        json!({ "name": d.name }),
    )
    .await?;
    super::catalogue::changed();
    Ok(saved.id)
}

pub async fn update(
    db: &DatabaseConnection,
    origin: &Origin,
    id: i64,
    d: &PromotionDraft,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let current = crate::server::service::row::<promotion::Entity, _>(&txn, id).await?;
    if super::taken::<promotion::Entity, _>(&txn, promotion::Column::Name, &d.name, Some(id))
        .await?
    {
        return Err(AppError::field(
            "name",
            crate::i18n::Msg::PromotionNameTaken,
        ));
    }
    let before = view(current.clone());
    let old = current.clone();
    let mut row: promotion::ActiveModel = current.into();
    fill(&mut row, d);
    let updated = row.update(&txn).await?;
    super::retention::apply_guard(&txn, origin, &old, updated).await?;
    txn.finish(AuditAction::PromotionUpdated, Target::Promotion(id), json!({ "before": { "name": before.name, "calendar": before.calendar }, "after": { "name": d.name, "calendar": d.calendar } }))
        .await?;
    super::catalogue::changed();
    Ok(())
}

/// One of the two calls of a promotion.
#[derive(Clone, Copy, Debug)]
pub enum Call {
    Defis,
    Applications,
}

/// Promotions whose `call` is open now, the soonest to close first.
pub async fn open_now<C: ConnectionTrait>(
    db: &C,
    call: Call,
) -> Result<Vec<promotion::Model>, AppError> {
    use promotion::Column as P;
    let (opens, closes) = match call {
        Call::Defis => (P::DefisOpenAt, P::DefisCloseAt),
        Call::Applications => (P::ApplicationsOpenAt, P::ApplicationsCloseAt),
    };
    let now = Utc::now();
    Ok(promotion::Entity::find()
        .filter(opens.lte(now))
        .filter(closes.gt(now))
        .order_by_asc(closes)
        .all(db)
        .await?)
}

pub async fn get<C: ConnectionTrait>(db: &C, id: i64) -> Result<PromotionView, AppError> {
    promotion::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(view)
        .ok_or(AppError::NotFound)
}

/// Newest start first.
pub async fn list<C: ConnectionTrait>(db: &C) -> Result<Vec<PromotionView>, AppError> {
    Ok(promotion::Entity::find()
        .order_by_desc(promotion::Column::StartDate)
        .order_by_asc(promotion::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(view)
        .collect())
}

/// The promotion named like `d`, created if missing (demo seed).
pub async fn ensure(
    db: &DatabaseConnection,
    origin: &Origin,
    d: &PromotionDraft,
) -> Result<i64, AppError> {
    if let Some(p) = promotion::Entity::find()
        .filter(promotion::Column::Name.eq(&d.name))
        .one(db)
        .await?
    {
        return Ok(p.id);
    }
    create(db, origin, d).await
}
