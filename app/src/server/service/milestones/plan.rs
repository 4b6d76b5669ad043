//! A promotion's milestone schedule as coordinators edit it: each
//! template's due rule, when it opens, when coordinators are alerted,
//! whether the promotion sees it. Saving one re-plans every team's
//! upcoming instances of it that nobody answered, waived or moved: they
//! are removed and created again from the new rule (from now on only), in
//! the transaction that audits the change.

use super::views::filler_label;
use super::{Stored, ensure_instances, ensure_templates, templates};
use crate::domain::milestones::rule::DueRule;
use crate::domain::milestones::schedule::{self, PUBLIC};
use crate::i18n::Locale;
use crate::model::AppError;
use crate::model::milestones::{PlanRow, Plans};
use crate::server::AppState;
use crate::server::db::milestones::instance;
use crate::server::db::promotion;
use crate::server::service::Origin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter,
};
use serde_json::json;

fn row(t: &Stored, l: Locale) -> PlanRow {
    let rule = DueRule::parse(&t.row.rule);
    PlanRow {
        id: t.row.id,
        title: l.t(t.template.title).to_owned(),
        when: rule
            .as_ref()
            .map(|r| schedule::describe(r, l))
            .unwrap_or_else(|| t.row.rule.clone()),
        who: l.t(filler_label(t.template.filler)).to_owned(),
        opens_days: t.row.opens_days,
        grace_days: t.row.grace_days,
        public: t.row.public,
        weekly_only: t.template.is_bulletin(),
        parts: rule
            .map(|r| {
                schedule::parts(&r)
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// The promotion's schedule (its default templates written on first use).
pub async fn plans<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    l: Locale,
) -> Result<Plans, AppError> {
    let p = promotion::Entity::find_by_id(promotion)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    ensure_templates(db, p.id).await?;
    Ok(Plans {
        promotion_id: p.id,
        promotion: p.name,
        rows: templates(db, p.id)
            .await?
            .iter()
            .map(|t| row(t, l))
            .collect(),
    })
}

/// Changes a template's schedule and re-plans its upcoming unanswered
/// instances; how many instances were re-planned. A refused form changes
/// nothing and names each field.
pub async fn edit(
    state: &AppState,
    origin: &Origin,
    promotion: i64,
    id: i64,
    get: impl Fn(&str) -> Option<String>,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let txn = Txn::begin(&state.db, origin).await?;
    let p = promotion::Entity::find_by_id(promotion)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(t) = templates(&txn, p.id)
        .await?
        .into_iter()
        .find(|t| t.row.id == id)
    else {
        return Err(AppError::NotFound);
    };
    let s = schedule::read(&get, t.template.is_bulletin()).map_err(AppError::fields)?;
    let public = get(PUBLIC).is_some_and(|v| !v.trim().is_empty());
    let before = t.row.clone();
    let mut changed = t.row.clone().into_active_model();
    changed.rule = Set(s.rule.code());
    changed.opens_days = Set(s.opens_days as i32);
    changed.grace_days = Set(s.grace_days as i32);
    changed.public = Set(public);
    changed.update(&txn).await?;
    // Upcoming instances nobody answered, waived or moved for their team:
    // planned again from the new rule.
    let stale = instance::Entity::delete_many()
        .filter(instance::Column::TemplateId.eq(id))
        .filter(instance::Column::DueAt.gt(now))
        .filter(instance::Column::SubmittedAt.is_null())
        .filter(instance::Column::WaivedAt.is_null())
        .filter(instance::Column::MovedReason.is_null())
        .exec(&txn)
        .await?
        .rows_affected as usize;
    let created = ensure_instances(&txn, &p, Some(now)).await?;
    txn.finish(
        AuditAction::MilestonePlanChanged,
        Target::Promotion(p.id),
        json!({
            "template": before.key,
            "from": {
                "rule": before.rule, "opens_days": before.opens_days,
                "grace_days": before.grace_days, "public": before.public,
            },
            "to": {
                "rule": s.rule.code(), "opens_days": s.opens_days,
                "grace_days": s.grace_days, "public": public,
            },
            "removed": stale,
            "created": created,
        }),
    )
    .await?;
    Ok(created)
}
