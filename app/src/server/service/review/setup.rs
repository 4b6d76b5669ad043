//! The stage's settings and rubric. The rubric can change until the first
//! mark is given; then it is frozen (the page says so).

use super::{create_stage, criteria_of, settings};
use crate::domain::promotion::paris_input_value;
use crate::domain::review::{CriterionDraft, StageSettings};
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::review::{JurorRow, StagePage};
use crate::server::db::review::{assignment, criterion, juror, sheet, stage};
use crate::server::db::{invitation, promotion, user};
use crate::server::service::Origin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::json;
use std::collections::HashMap;

/// Whether any mark was given in the stage's promotion.
async fn frozen<C: ConnectionTrait>(db: &C, promotion: i64) -> Result<bool, AppError> {
    let jurors: Vec<i64> = juror::Entity::find()
        .filter(juror::Column::PromotionId.eq(promotion))
        .all(db)
        .await?
        .iter()
        .map(|j| j.id)
        .collect();
    Ok(sheet::Entity::find()
        .filter(sheet::Column::JurorId.is_in(jurors))
        .all(db)
        .await?
        .iter()
        .any(|s| s.submitted_at.is_some() || s.sheet().marks.values().any(|m| m.score.is_some())))
}

/// Creates the promotion's stage with the default rubric, the first time a
/// coordinator opens it (audited); returns it.
pub async fn ensure(
    db: &DatabaseConnection,
    origin: &Origin,
    promotion_id: i64,
) -> Result<stage::Model, AppError> {
    if let Some(s) = stage::Entity::find()
        .filter(stage::Column::PromotionId.eq(promotion_id))
        .one(db)
        .await?
    {
        return Ok(s);
    }
    let txn = Txn::begin(db, origin).await?;
    let s = create_stage(&txn, promotion_id).await?;
    txn.finish(
        AuditAction::ReviewStageCreated,
        Target::Promotion(promotion_id),
        json!({ "stage": s.id }),
    )
    .await?;
    Ok(s)
}

pub async fn page(
    db: &DatabaseConnection,
    origin: &Origin,
    promotion_id: i64,
) -> Result<StagePage, AppError> {
    let s = ensure(db, origin, promotion_id).await?;
    let p = promotion::Entity::find_by_id(promotion_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let criteria = criteria_of(db, s.id).await?;
    let jurors = juror::Entity::find()
        .filter(juror::Column::PromotionId.eq(promotion_id))
        .order_by_asc(juror::Column::Id)
        .all(db)
        .await?;
    let users: HashMap<i64, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(jurors.iter().map(|j| j.user_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let assignments = assignment::Entity::find()
        .filter(assignment::Column::JurorId.is_in(jurors.iter().map(|j| j.id)))
        .all(db)
        .await?;
    let sheets = sheet::Entity::find()
        .filter(sheet::Column::JurorId.is_in(jurors.iter().map(|j| j.id)))
        .filter(sheet::Column::SubmittedAt.is_not_null())
        .all(db)
        .await?;
    let rows = jurors
        .iter()
        .map(|j| {
            let u = users.get(&j.user_id);
            JurorRow {
                id: j.id,
                name: u.map(|u| u.name.clone()).unwrap_or_default(),
                email: u.map(|u| u.email.clone()).unwrap_or_default(),
                profiles: j.profile_codes(),
                max_load: j.max_load,
                organisation: j.organisation_id,
                assigned: assignments.iter().filter(|a| a.juror_id == j.id).count() as u32,
                submitted: sheets.iter().filter(|s| s.juror_id == j.id).count() as u32,
                declared: j.conflicts_declared_at.is_some(),
                removed: j.removed_at.is_some(),
            }
        })
        .collect();
    let invited = invitation::Entity::find()
        .filter(invitation::Column::PromotionId.eq(promotion_id))
        .filter(invitation::Column::AcceptedAt.is_null())
        .filter(invitation::Column::ExpiresAt.gt(Utc::now()))
        .order_by_asc(invitation::Column::Email)
        .all(db)
        .await?
        .into_iter()
        .map(|i| i.email)
        .collect();
    let dossiers = super::dossiers(db, promotion_id, &super::ASSIGNABLE_STATES)
        .await?
        .len() as u32;
    let set = settings(&s);
    Ok(StagePage {
        promotion_id,
        promotion: p.name,
        opens_at: s.opens_at.map(paris_input_value).unwrap_or_default(),
        closes_at: s.closes_at.map(paris_input_value).unwrap_or_default(),
        blind: s.blind,
        see_reviews: s.see_reviews.clone(),
        see_names: s.see_names,
        reviews_per_dossier: set.reviews_per_dossier,
        max_load: s.max_load.map(|m| m.to_string()).unwrap_or_default(),
        disagreement_threshold: set.disagreement_threshold,
        reveal: set.reveal_deadline.is_some(),
        reveal_deadline: set
            .reveal_deadline
            .map(paris_input_value)
            .unwrap_or_default(),
        open: set.open_at(Utc::now()),
        criteria,
        frozen: frozen(db, promotion_id).await?,
        jurors: rows,
        invited,
        dossiers,
        assignments: assignments.len() as u32,
        reviews_submitted: sheets.len() as u32,
        profiles: serde_json::from_str(&p.profiles).unwrap_or_default(),
        organisations: crate::server::db::organisation::Entity::find()
            .order_by_asc(crate::server::db::organisation::Column::Name)
            .all(db)
            .await?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect(),
    })
}

pub async fn update_settings(
    db: &DatabaseConnection,
    origin: &Origin,
    promotion_id: i64,
    new: &StageSettings,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let s = create_stage(&txn, promotion_id).await?;
    let mut a: stage::ActiveModel = s.into();
    a.opens_at = Set(new.opens_at);
    a.closes_at = Set(new.closes_at);
    a.blind = Set(new.blind);
    a.see_reviews = Set(new.see_reviews.code().to_owned());
    a.see_names = Set(new.see_names);
    a.reviews_per_dossier = Set(new.reviews_per_dossier as i32);
    a.max_load = Set(new.max_load.map(|m| m as i32));
    a.disagreement_threshold = Set(new.disagreement_threshold as i32);
    a.reveal = Set(new.reveal_deadline.is_some());
    a.reveal_deadline = Set(new.reveal_deadline);
    a.updated_at = Set(Utc::now());
    a.update(&txn).await?;
    txn.finish(
        AuditAction::ReviewSettingsUpdated,
        Target::Promotion(promotion_id),
        json!({
            "opens_at": new.opens_at, "closes_at": new.closes_at, "blind": new.blind,
            "see_reviews": new.see_reviews.code(), "see_names": new.see_names,
            "reviews_per_dossier": new.reviews_per_dossier, "max_load": new.max_load,
            "disagreement_threshold": new.disagreement_threshold,
            "reveal_deadline": new.reveal_deadline,
        }),
    )
    .await
}

/// Adds a criterion (`id` None) or changes one; refused once frozen.
pub async fn save_criterion(
    db: &DatabaseConnection,
    origin: &Origin,
    promotion_id: i64,
    id: Option<i64>,
    c: &CriterionDraft,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let s = create_stage(&txn, promotion_id).await?;
    if frozen(&txn, promotion_id).await? {
        return Err(AppError::Refused(Msg::RubricFrozen));
    }
    let mut a = match id {
        Some(id) => criterion::Entity::find_by_id(id)
            .filter(criterion::Column::StageId.eq(s.id))
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?
            .into(),
        None => {
            let count = criterion::Entity::find()
                .filter(criterion::Column::StageId.eq(s.id))
                .count(&txn)
                .await?;
            criterion::ActiveModel {
                stage_id: Set(s.id),
                position: Set(count as i32 + 1),
                ..Default::default()
            }
        }
    };
    a.name = Set(c.name.clone());
    a.help = Set(c.help.clone());
    a.scale_min = Set(c.min);
    a.scale_max = Set(c.max);
    a.weight = Set(c.weight);
    a.required = Set(c.required);
    a.independent = Set(c.independent);
    let saved = a.save(&txn).await?;
    txn.finish(
        AuditAction::RubricChanged,
        Target::Promotion(promotion_id),
        json!({ "criterion": saved.id.clone().unwrap(), "name": c.name, "min": c.min, "max": c.max, "weight": c.weight, "required": c.required, "independent": c.independent }),
    )
    .await
}

pub async fn delete_criterion(
    db: &DatabaseConnection,
    origin: &Origin,
    promotion_id: i64,
    id: i64,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let s = create_stage(&txn, promotion_id).await?;
    if frozen(&txn, promotion_id).await? {
        return Err(AppError::Refused(Msg::RubricFrozen));
    }
    let c = criterion::Entity::find_by_id(id)
        .filter(criterion::Column::StageId.eq(s.id))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    criterion::Entity::delete_by_id(id).exec(&txn).await?;
    criterion::Entity::update_many()
        .col_expr(
            criterion::Column::Position,
            Expr::col(criterion::Column::Position).sub(1),
        )
        .filter(criterion::Column::StageId.eq(s.id))
        .filter(criterion::Column::Position.gt(c.position))
        .exec(&txn)
        .await?;
    txn.finish(
        AuditAction::RubricChanged,
        Target::Promotion(promotion_id),
        json!({ "deleted": id, "name": c.name }),
    )
    .await
}
