//! A promotion's milestone schedule as coordinators edit it: each
//! template's due rule, when it opens, when coordinators are alerted,
//! whether the promotion sees it. A new rule re-plans every team's
//! upcoming instances of it that nobody answered, waived or moved (each
//! takes the new date of its week or month, in place), in the transaction
//! that audits the change.

use super::views::MILESTONE_OWNER;
use super::views::filler_label;
use super::{Stored, ensure_instances_of, ensure_templates, last_day, team_starts, templates};
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
use chrono_tz::Europe::Paris;
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
        kinds: rule
            .as_ref()
            .map(|r| {
                schedule::kinds_for(r)
                    .iter()
                    .map(|k| (*k).to_owned())
                    .collect()
            })
            .unwrap_or_default(),
        public_fixed: t.template.is_bulletin(),
        event: t.template.filler == crate::domain::milestones::Filler::Nobody,
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

/// Changes a template's schedule; when its rule changed, re-plans every
/// team's upcoming instances of it (`replan`). Returns how many instances
/// moved. A refused form changes nothing and names each field.
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
    let allowed = DueRule::parse(&t.row.rule)
        .map(|r| schedule::kinds_for(&r))
        .unwrap_or(&[]);
    let s = schedule::read(&get, allowed).map_err(AppError::fields)?;
    // The bulletin's digest goes to the whole promotion: it stays public.
    let public = t.template.is_bulletin() || get(PUBLIC).is_some_and(|v| !v.trim().is_empty());
    let before = t.row.clone();
    let mut changed = t.row.clone().into_active_model();
    changed.rule = Set(s.rule.code());
    changed.opens_days = Set(s.opens_days as i32);
    changed.grace_days = Set(s.grace_days as i32);
    changed.public = Set(public);
    changed.update(&txn).await?;
    let plan = if s.rule.code() == before.rule {
        Replanned::default()
    } else {
        replan(&txn, &p, id, &s.rule, now).await?
    };
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
            "moved": plan.moved,
            "removed": plan.removed,
            "created": plan.created,
        }),
    )
    .await?;
    Ok(plan.moved)
}

#[derive(Debug, Default)]
struct Replanned {
    moved: usize,
    removed: usize,
    created: usize,
}

/// Re-plans a template's upcoming instances after its rule changed. Each
/// instance still ahead that nobody answered, waived or moved for its team
/// takes the new rule's date of its period (the same week or month), in
/// place: its page, its file, its thread and its calendar entry stay. When
/// that date is already past (a change made mid-week), it keeps its own.
/// One whose period is gone is removed, unless a file or a reply hangs on
/// it. Periods ahead without an instance are created.
async fn replan<C: ConnectionTrait>(
    db: &C,
    p: &promotion::Model,
    template: i64,
    rule: &DueRule,
    now: DateTime<Utc>,
) -> Result<Replanned, AppError> {
    use crate::server::db::attachment;
    use crate::server::db::milestones::reply;
    use std::collections::{HashMap, HashSet};
    let starts = team_starts(db, p.id).await?;
    let dates: HashMap<u32, DateTime<Utc>> = rule
        .numbered(p.start_date, last_day(p))
        .into_iter()
        .collect();
    let upcoming = instance::Entity::find()
        .filter(instance::Column::TemplateId.eq(template))
        .filter(instance::Column::DueAt.gt(now))
        .filter(instance::Column::SubmittedAt.is_null())
        .filter(instance::Column::WaivedAt.is_null())
        .filter(instance::Column::MovedReason.is_null())
        .all(db)
        .await?;
    let ids: Vec<i64> = upcoming.iter().map(|i| i.id).collect();
    let mut held: HashSet<i64> = HashSet::new();
    for chunk in ids.chunks(500) {
        held.extend(
            attachment::Entity::find()
                .filter(attachment::Column::OwnerType.eq(MILESTONE_OWNER))
                .filter(attachment::Column::OwnerId.is_in(chunk.to_vec()))
                .all(db)
                .await?
                .into_iter()
                .map(|a| a.owner_id),
        );
        held.extend(
            reply::Entity::find()
                .filter(reply::Column::InstanceId.is_in(chunk.to_vec()))
                .all(db)
                .await?
                .into_iter()
                .map(|r| r.instance_id),
        );
    }
    let mut out = Replanned::default();
    for i in upcoming {
        let from = starts.get(&i.defi_id).copied();
        let day = |at: &DateTime<Utc>| at.with_timezone(&Paris).date_naive();
        match dates.get(&(i.seq as u32)) {
            // Its period's new date is already past (changed mid-week):
            // it keeps its date, the week is not lost.
            Some(at) if *at <= now => {}
            Some(at) if *at == i.due_at => {}
            Some(at) if from.is_none_or(|f| day(at) >= f) => {
                let mut row = i.into_active_model();
                row.due_at = Set(*at);
                row.update(db).await?;
                out.moved += 1;
            }
            // The period is gone (past the end), or falls before the team
            // came: removed, unless a file or a reply hangs on it.
            _ if !held.contains(&i.id) => {
                instance::Entity::delete_by_id(i.id).exec(db).await?;
                out.removed += 1;
            }
            _ => {}
        }
    }
    out.created = ensure_instances_of(db, p, Some(now), Some(template)).await?;
    Ok(out)
}
