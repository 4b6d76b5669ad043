//! The ten months' scheduler, run every minute inside `cohorte serve`
//! (time injected, so tests never sleep):
//!
//! - creates the teams' missing instances;
//! - tells those who fill a milestone when it opens;
//! - reminds at 10:00 and 14:00 (Paris) the teams whose Friday bulletin is
//!   not filled, then sends at 15:00 the digest of all bulletins to the
//!   whole promotion;
//! - alerts coordinators when an instance is still missing after its grace
//!   period.
//!
//! Each message is claimed by a unique key in `milestone_notices`, in the
//! transaction that queues it: two servers on one PostgreSQL, or one that
//! restarts mid-send, never send it twice. After downtime, a digest missed
//! is sent late once (only the last one), an opening or an escalation
//! still due is sent, and a reminder whose moment has passed is skipped.

use super::submit::{Loaded, answers_of, instance_path, mail};
use super::{Person, Stored, paris_time};
use crate::domain::milestones::Filler;
use crate::domain::milestones::answers;
use crate::domain::milestones::bulletin::{self, HELP, MOOD};
use crate::domain::milestones::rule::{DueRule, paris};
use crate::domain::milestones::status::Status;
use crate::model::AppError;
use crate::server::AppState;
use crate::server::db::milestones::{instance, notice};
use crate::server::db::{defi, promotion, user};
use crate::server::mail::MailTemplate;
use crate::server::service::Origin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use chrono::{DateTime, Duration, NaiveTime, Utc};
use chrono_tz::Europe::Paris;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;
use std::collections::{BTreeMap, HashMap};

/// What one tick sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub created: usize,
    pub opened: usize,
    pub reminders: usize,
    pub digests: usize,
    pub escalated: usize,
}

/// Claims `key` in `txn`: false when it was already claimed (by another
/// server, or before a restart).
async fn claim<C: ConnectionTrait>(
    db: &C,
    key: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let n = notice::Entity::insert(notice::ActiveModel {
        key: Set(key.to_owned()),
        at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(notice::Column::Key)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(n == 1)
}

/// The promotions being followed: from a month before their start to two
/// weeks after their end, not closed.
async fn running(
    db: &sea_orm::DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<Vec<promotion::Model>, AppError> {
    let today = now.with_timezone(&Paris).date_naive();
    Ok(promotion::Entity::find()
        .filter(promotion::Column::ClosedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .filter(|p| {
            p.start_date - Duration::days(30) <= today
                && today <= super::last_day(p) + Duration::days(14)
        })
        .collect())
}

/// One tick at `now`, for every promotion followed; a promotion's failure
/// is logged and does not stop the others.
pub async fn tick(state: &AppState, now: DateTime<Utc>) -> Result<Tally, AppError> {
    let mut tally = Tally::default();
    for p in running(&state.db, now).await? {
        if let Err(e) = promotion_tick(state, &p, now, &mut tally).await {
            tracing::warn!(promotion = p.id, error = %e, "the milestones' scheduler");
        }
    }
    Ok(tally)
}

async fn promotion_tick(
    state: &AppState,
    p: &promotion::Model,
    now: DateTime<Utc>,
    tally: &mut Tally,
) -> Result<(), AppError> {
    let system = Origin::default();
    // New teams' instances.
    let teams = super::teams(&state.db, p.id).await?;
    if !teams.is_empty() {
        let txn = Txn::begin(&state.db, &system).await?;
        let created = super::ensure_instances(&txn, p, Some(now)).await?;
        if created > 0 {
            txn.finish(
                AuditAction::MilestonesScheduled,
                Target::Promotion(p.id),
                json!({ "created": created }),
            )
            .await?;
            tally.created += created;
        }
    }
    let templates: HashMap<i64, Stored> = super::templates(&state.db, p.id)
        .await?
        .into_iter()
        .map(|t| (t.row.id, t))
        .collect();
    // Only today's teams: a team whose fellows all left is not chased.
    let instances = instance::Entity::find()
        .filter(instance::Column::PromotionId.eq(p.id))
        .filter(instance::Column::DefiId.is_in(teams.clone()))
        .filter(instance::Column::SubmittedAt.is_null())
        .filter(instance::Column::WaivedAt.is_null())
        .filter(instance::Column::DueAt.lte(now + Duration::days(31)))
        .filter(instance::Column::DueAt.gte(now - Duration::days(31)))
        .all(&state.db)
        .await?;
    let mut defis: HashMap<i64, defi::Model> = HashMap::new();
    for i in instances {
        let Some(t) = templates.get(&i.template_id) else {
            continue;
        };
        let Some((kind, key)) = due_notice(t, &i, now) else {
            continue;
        };
        if !defis.contains_key(&i.defi_id) {
            let Some(d) = defi::Entity::find_by_id(i.defi_id).one(&state.db).await? else {
                continue;
            };
            defis.insert(d.id, d);
        }
        let l = Loaded {
            stored: t.clone(),
            defi: defis[&i.defi_id].clone(),
            promotion: p.clone(),
            instance: i,
        };
        if send_notice(state, &system, &l, kind, &key, now).await? {
            match kind {
                "open" => tally.opened += 1,
                "reminder" => tally.reminders += 1,
                _ => tally.escalated += 1,
            }
        }
    }
    if let Some(bulletins) = templates.values().find(|t| t.template.is_bulletin())
        && digest(state, &system, p, bulletins, now).await?
    {
        tally.digests += 1;
    }
    Ok(())
}

/// The message an instance calls for at `now`, with its claim's key (the
/// due time is in it: a moved instance is told again).
fn due_notice(
    t: &Stored,
    i: &instance::Model,
    now: DateTime<Utc>,
) -> Option<(&'static str, String)> {
    let status = t.status(i, now);
    let stamp = i.due_at.timestamp();
    if status == Status::Escalated {
        return Some(("escalated", format!("escalated:{}:{stamp}", i.id)));
    }
    if t.template.is_bulletin() {
        // On its day: from 10:00 until 14:00, then from 14:00 until due.
        let day = i.due_at.with_timezone(&Paris).date_naive();
        if day != now.with_timezone(&Paris).date_naive() || now >= i.due_at || status.done() {
            return None;
        }
        let at = |h| paris(day, NaiveTime::from_hms_opt(h, 0, 0).unwrap_or_default());
        return if now >= at(14) {
            Some(("reminder", format!("reminder:{}:14:{stamp}", i.id)))
        } else if now >= at(10) {
            Some(("reminder", format!("reminder:{}:10:{stamp}", i.id)))
        } else {
            None
        };
    }
    (status == Status::Open && t.template.filler != Filler::Nobody)
        .then(|| ("open", format!("open:{}:{stamp}", i.id)))
}

/// Claims and sends one notice; false when another process had it.
async fn send_notice(
    state: &AppState,
    system: &Origin,
    l: &Loaded,
    kind: &str,
    key: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let txn = Txn::with_outbox(state, system).await?;
    if !claim(&txn, key, now).await? {
        return Ok(false);
    }
    // Read again in the claim's transaction: submitted, waived or moved
    // since the first read, it asks nothing (the claim is not kept).
    let Some(fresh) = instance::Entity::find_by_id(l.instance.id)
        .one(&txn)
        .await?
    else {
        return Ok(false);
    };
    if due_notice(&l.stored, &fresh, now).is_none_or(|(_, k)| k != key) {
        return Ok(false);
    }
    let to: Vec<Person> = match kind {
        "escalated" => super::coordinators(&txn).await?,
        _ => {
            super::fillers(
                &txn,
                l.stored.template.filler,
                l.defi.id,
                l.defi.organisation_id,
            )
            .await?
        }
    };
    let link = state.link(&instance_path(l));
    for p in &to {
        mail(&txn, p, kind, l, &link, |_| json!({})).await?;
    }
    let action = match kind {
        "open" => AuditAction::MilestoneOpened,
        "reminder" => AuditAction::BulletinReminded,
        _ => AuditAction::MilestoneEscalated,
    };
    txn.finish(
        action,
        Target::Defi(l.defi.id),
        json!({ "instance": l.instance.id, "key": key, "recipients": to.len() }),
    )
    .await?;
    Ok(true)
}

/// One team's block in the digest.
#[derive(Clone, Debug, serde::Serialize)]
pub struct DigestTeam {
    pub team: String,
    pub filled: bool,
    pub priority: String,
    pub ups_downs: String,
    pub help: String,
    pub author: String,
    pub at: String,
    pub link: String,
    #[serde(skip)]
    pub mood: Option<u8>,
}

/// The digest of the week's bulletins (occurrence `seq`) of a promotion:
/// each team's block, the number filled, the mean mood when at least five
/// told theirs.
pub async fn digest_blocks<C: ConnectionTrait>(
    db: &C,
    state: &AppState,
    bulletins: &Stored,
    seq: i32,
) -> Result<(Vec<DigestTeam>, Option<f64>), AppError> {
    let teams = super::teams(db, bulletins.row.promotion_id).await?;
    let rows = instance::Entity::find()
        .filter(instance::Column::TemplateId.eq(bulletins.row.id))
        .filter(instance::Column::Seq.eq(seq))
        .filter(instance::Column::DefiId.is_in(teams))
        .filter(instance::Column::WaivedAt.is_null())
        .all(db)
        .await?;
    let defi_ids: Vec<i64> = rows.iter().map(|r| r.defi_id).collect();
    let titles: HashMap<i64, String> = defi::Entity::find()
        .filter(defi::Column::Id.is_in(defi_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.title))
        .collect();
    let authors: HashMap<i64, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().filter_map(|r| r.updated_by)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let mut blocks: Vec<DigestTeam> = rows
        .iter()
        .map(|r| {
            let a = answers_of(r);
            let get = |k: &str| answers::one(&a, k).unwrap_or_default().to_owned();
            DigestTeam {
                team: titles.get(&r.defi_id).cloned().unwrap_or_default(),
                filled: r.submitted_at.is_some(),
                priority: get("priorite"),
                ups_downs: get("hauts_bas"),
                help: get(HELP),
                author: r
                    .updated_by
                    .and_then(|u| authors.get(&u).cloned())
                    .unwrap_or_default(),
                at: r.updated_at.map(paris_time).unwrap_or_default(),
                link: state.link(&format!("/equipes/{}", r.defi_id)),
                mood: answers::one(&a, MOOD).and_then(|m| m.parse().ok()),
            }
        })
        .collect();
    blocks.sort_by(|a, b| a.team.cmp(&b.team));
    let moods: Vec<u8> = blocks.iter().filter_map(|b| b.mood).collect();
    Ok((blocks, bulletin::mean_mood(&moods)))
}

/// Sends the last digest due, once: false when none is due or it was
/// sent.
async fn digest(
    state: &AppState,
    system: &Origin,
    p: &promotion::Model,
    bulletins: &Stored,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let Some(rule) = DueRule::parse(&bulletins.row.rule) else {
        return Ok(false);
    };
    let Some((seq, due)) = rule
        .numbered(p.start_date, super::last_day(p))
        .into_iter()
        .rfind(|(_, at)| *at <= now)
    else {
        return Ok(false);
    };
    // The week's bulletins kept at their former day when the rule changed
    // mid-week are waited for (one moved for its team is not).
    let kept = instance::Entity::find()
        .filter(instance::Column::TemplateId.eq(bulletins.row.id))
        .filter(instance::Column::Seq.eq(seq as i32))
        .filter(instance::Column::MovedReason.is_null())
        .all(&state.db)
        .await?
        .into_iter()
        .map(|i| i.due_at)
        .max();
    let due = kept.map_or(due, |k| k.max(due));
    // Only the last one, and not once the next week has begun.
    if due > now || now - due >= Duration::days(7) {
        return Ok(false);
    }
    let txn = Txn::with_outbox(state, system).await?;
    if !claim(&txn, &format!("digest:{}:{seq}", p.id), now).await? {
        return Ok(false);
    }
    let (teams, mood) = digest_blocks(&txn, state, bulletins, seq as i32).await?;
    if teams.is_empty() {
        // Nothing to tell: the claim is not kept.
        return Ok(false);
    }
    let filled = teams.iter().filter(|t| t.filled).count();
    // The whole promotion, once each.
    let mut to: BTreeMap<String, Person> = BTreeMap::new();
    for d in super::teams(&txn, p.id).await? {
        let Some(x) = defi::Entity::find_by_id(d).one(&txn).await? else {
            continue;
        };
        for person in super::fellows(&txn, d).await? {
            to.entry(person.email.clone()).or_insert(person);
        }
        for person in super::hosts(&txn, x.organisation_id, "lead").await? {
            to.entry(person.email.clone()).or_insert(person);
        }
    }
    for person in super::coordinators(&txn).await? {
        to.entry(person.email.clone()).or_insert(person);
    }
    for person in to.values() {
        let mood = mood.map(|m| {
            let s = format!("{m:.1}");
            if person.locale == crate::i18n::Locale::Fr {
                s.replace('.', ",")
            } else {
                s
            }
        });
        txn.queue(
            MailTemplate::BulletinDigest,
            person.locale,
            &person.email,
            json!({
                "name": person.name,
                "promotion": p.name,
                "teams": teams,
                "filled": filled,
                "total": teams.len(),
                "mood": mood,
            }),
        )
        .await?;
    }
    txn.finish(
        AuditAction::BulletinDigestSent,
        Target::Promotion(p.id),
        json!({
            "week": seq,
            "due": due.to_rfc3339(),
            "filled": filled,
            "teams": teams.len(),
            "recipients": to.len(),
        }),
    )
    .await?;
    Ok(true)
}
