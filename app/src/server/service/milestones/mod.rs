//! The ten months (DESIGN §8): each promotion's milestone templates, every
//! team's instances of them, the answers (the weekly bulletin, the host's
//! report, the checklists), the coordinators' changes (a moved due date, a
//! waiver, a reply on a report), the scheduler that opens, reminds,
//! digests and escalates (`scheduler`), and what the pages read (`views`),
//! the calendars (`calendar`) and the CSV export.
//!
//! A team is a défi with at least one fellow under contract (placement
//! signed, active or ended). Instances are created by the scheduler (and
//! the demo seed) from the templates' rules, once per occurrence; their
//! status follows from the time (`domain::milestones::status`).

pub mod board;
pub mod calendar;
pub mod plan;
pub mod scheduler;
pub mod submit;
pub mod views;

use crate::domain::milestones::rule::DueRule;
use crate::domain::milestones::status::{self, Status, Timing};
use crate::domain::milestones::{self, Filler, Template};
use crate::domain::placement::{PlacementState, end_date};
use crate::i18n::Locale;
use crate::model::AppError;
use crate::server::db::formation::placement;
use crate::server::db::milestones::{instance, template};
use crate::server::db::{application, promotion, role_grant, user};
use crate::server::service::accounts::locale_of;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

/// A promotion's template: the stored schedule with the default's title
/// and form.
#[derive(Clone, Debug)]
pub struct Stored {
    pub row: template::Model,
    pub template: Template,
}

impl Stored {
    pub fn timing(&self) -> Timing {
        Timing {
            opens_before: Duration::days(i64::from(self.row.opens_days)),
            grace: Duration::days(i64::from(self.row.grace_days)),
        }
    }

    pub fn status(&self, i: &instance::Model, now: DateTime<Utc>) -> Status {
        status::status(
            i.due_at,
            self.timing(),
            i.submitted_at,
            i.waived_at.is_some(),
            now,
        )
    }
}

/// The promotion's last day.
pub fn last_day(p: &promotion::Model) -> NaiveDate {
    end_date(p.start_date, p.duration_months.max(1) as u32)
}

/// The promotion's templates in order, the defaults written on first use.
pub async fn templates<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
) -> Result<Vec<Stored>, AppError> {
    let rows = template::Entity::find()
        .filter(template::Column::PromotionId.eq(promotion))
        .order_by_asc(template::Column::Position)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            milestones::template(&row.key).map(|t| Stored {
                template: Template {
                    public: row.public,
                    ..t
                },
                row,
            })
        })
        .collect())
}

/// Writes the default templates of a promotion that has none (idempotent:
/// a second writer's rows are skipped by the unique key).
pub async fn ensure_templates<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
) -> Result<bool, AppError> {
    let any = template::Entity::find()
        .filter(template::Column::PromotionId.eq(promotion))
        .one(db)
        .await?
        .is_some();
    if any {
        return Ok(false);
    }
    let rows = milestones::defaults()
        .into_iter()
        .enumerate()
        .map(|(n, t)| template::ActiveModel {
            promotion_id: Set(promotion),
            key: Set(t.key.to_owned()),
            rule: Set(t.rule.to_owned()),
            public: Set(t.public),
            opens_days: Set(t.opens_days as i32),
            grace_days: Set(t.grace_days as i32),
            position: Set(n as i32),
            ..Default::default()
        });
    template::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([template::Column::PromotionId, template::Column::Key])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(true)
}

/// The placements that make a team: under contract.
pub fn under_contract() -> [&'static str; 3] {
    [
        PlacementState::Placed.code(),
        PlacementState::Active.code(),
        PlacementState::Ended.code(),
    ]
}

/// The promotion's teams: défis with a fellow under contract.
pub async fn teams<C: ConnectionTrait>(db: &C, promotion: i64) -> Result<Vec<i64>, AppError> {
    let mut ids: Vec<i64> = placement::Entity::find()
        .filter(placement::Column::PromotionId.eq(promotion))
        .filter(placement::Column::State.is_in(under_contract()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.defi_id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// An organisation's défis with a team (id, title, promotion), by title.
pub async fn teams_of_organisation<C: ConnectionTrait>(
    db: &C,
    organisation: i64,
) -> Result<Vec<(i64, String, String)>, AppError> {
    let defis: Vec<crate::server::db::defi::Model> = crate::server::db::defi::Entity::find()
        .filter(crate::server::db::defi::Column::OrganisationId.eq(organisation))
        .all(db)
        .await?;
    let with_team: std::collections::HashSet<i64> = placement::Entity::find()
        .filter(placement::Column::DefiId.is_in(defis.iter().map(|d| d.id)))
        .filter(placement::Column::State.is_in(under_contract()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.defi_id)
        .collect();
    let defis: Vec<_> = defis
        .into_iter()
        .filter(|d| with_team.contains(&d.id))
        .collect();
    // The promotions' names in one query.
    let names: std::collections::HashMap<i64, String> = promotion::Entity::find()
        .filter(promotion::Column::Id.is_in(defis.iter().map(|d| d.promotion_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let mut out: Vec<(i64, String, String)> = defis
        .into_iter()
        .map(|d| {
            let name = names.get(&d.promotion_id).cloned().unwrap_or_default();
            (d.id, d.title, name)
        })
        .collect();
    out.sort_by(|a, b| (&a.2, &a.1).cmp(&(&b.2, &b.1)));
    Ok(out)
}

/// Creates every team's missing instances; how many were created. A team
/// is asked nothing due before its own start (its earliest placement under
/// contract), nor, with `not_before` (the scheduler's now), anything
/// already due when it is created: a team formed late, or a promotion
/// followed from mid-course, is never chased for the past.
pub async fn ensure_instances<C: ConnectionTrait>(
    db: &C,
    p: &promotion::Model,
    not_before: Option<DateTime<Utc>>,
) -> Result<usize, AppError> {
    ensure_instances_of(db, p, not_before, None).await
}

/// Each team's first day: its earliest placement under contract. In the
/// défis' order, so that whoever inserts their instances takes the rows'
/// locks in one order (two writers in different orders deadlock on
/// PostgreSQL).
pub async fn team_starts<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
) -> Result<std::collections::BTreeMap<i64, NaiveDate>, AppError> {
    Ok(placement::Entity::find()
        .filter(placement::Column::PromotionId.eq(promotion))
        .filter(placement::Column::State.is_in(under_contract()))
        .all(db)
        .await?
        .into_iter()
        .fold(std::collections::BTreeMap::new(), |mut m, pl| {
            let e = m.entry(pl.defi_id).or_insert(pl.starts_on);
            *e = (*e).min(pl.starts_on);
            m
        }))
}

/// [`ensure_instances`], for one template only with `only`. An instance
/// is numbered by its period (`DueRule::numbered`): the week or month of
/// the promotion it falls in.
pub async fn ensure_instances_of<C: ConnectionTrait>(
    db: &C,
    p: &promotion::Model,
    not_before: Option<DateTime<Utc>>,
    only: Option<i64>,
) -> Result<usize, AppError> {
    let starts = team_starts(db, p.id).await?;
    if starts.is_empty() {
        return Ok(0);
    }
    ensure_templates(db, p.id).await?;
    let mut templates = templates(db, p.id).await?;
    templates.retain(|t| only.is_none_or(|id| t.row.id == id));
    let existing: std::collections::HashSet<(i64, i64, i32)> = instance::Entity::find()
        .filter(instance::Column::PromotionId.eq(p.id))
        .all(db)
        .await?
        .into_iter()
        .map(|i| (i.template_id, i.defi_id, i.seq))
        .collect();
    let end = last_day(p);
    let mut rows = Vec::new();
    for t in templates
        .iter()
        .filter(|t| t.template.filler != Filler::Nobody)
    {
        let Some(rule) = DueRule::parse(&t.row.rule) else {
            continue;
        };
        // Numbered over the promotion: one week's bulletins share theirs.
        let due = rule.numbered(p.start_date, end);
        for (&defi, &from) in &starts {
            for &(seq, ref at) in &due {
                let day = at.with_timezone(&chrono_tz::Europe::Paris).date_naive();
                if day < from
                    || not_before.is_some_and(|n| *at <= n)
                    || existing.contains(&(t.row.id, defi, seq as i32))
                {
                    continue;
                }
                rows.push(instance::ActiveModel {
                    promotion_id: Set(p.id),
                    template_id: Set(t.row.id),
                    defi_id: Set(defi),
                    seq: Set(seq as i32),
                    due_at: Set(*at),
                    ..Default::default()
                });
            }
        }
    }
    let mut created = 0;
    for chunk in rows.chunks(200) {
        created += instance::Entity::insert_many(chunk.to_vec())
            .on_conflict(
                OnConflict::columns([
                    instance::Column::TemplateId,
                    instance::Column::DefiId,
                    instance::Column::Seq,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(db)
            .await? as usize;
    }
    Ok(created)
}

/// What the ten months hold that one person wrote, for their data
/// export: every version of the answers they gave, every reply.
pub(crate) async fn personal_data<C: ConnectionTrait>(
    db: &C,
    user: i64,
) -> Result<serde_json::Value, AppError> {
    use crate::server::db::milestones::{answer, reply};
    let answers: Vec<serde_json::Value> = answer::Entity::find()
        .filter(answer::Column::AuthorId.eq(user))
        .order_by_asc(answer::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|a| {
            serde_json::json!({
                "milestone": a.instance_id, "at": a.at,
                "answers": serde_json::from_str::<serde_json::Value>(&a.answers).unwrap_or_default(),
            })
        })
        .collect();
    let replies: Vec<serde_json::Value> = reply::Entity::find()
        .filter(reply::Column::AuthorId.eq(user))
        .order_by_asc(reply::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|r| serde_json::json!({ "milestone": r.instance_id, "at": r.at, "text": r.body }))
        .collect();
    // The files they sent (their names; the team keeps the files).
    let files: Vec<serde_json::Value> = crate::server::db::attachment::Entity::find()
        .filter(crate::server::db::attachment::Column::OwnerType.eq(views::MILESTONE_OWNER))
        .filter(crate::server::db::attachment::Column::UploadedBy.eq(user))
        .all(db)
        .await?
        .into_iter()
        .map(|a| serde_json::json!({ "milestone": a.owner_id, "at": a.created_at, "name": a.original_name }))
        .collect();
    Ok(serde_json::json!({ "answers": answers, "replies": replies, "files": files }))
}

/// Erases a promotion's ten months with its dossiers at the end of its
/// retention: the instances and their answers (bulletins name their
/// authors), the replies, the files, the templates. Returns the files'
/// stored names, removed from disk by the caller after commit.
pub(crate) async fn forget_promotion<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
) -> Result<Vec<String>, AppError> {
    use crate::server::db::attachment;
    use crate::server::db::milestones::{answer, reply};
    let ids: Vec<i64> = instance::Entity::find()
        .filter(instance::Column::PromotionId.eq(promotion))
        .all(db)
        .await?
        .into_iter()
        .map(|i| i.id)
        .collect();
    let mut files = Vec::new();
    for chunk in ids.chunks(500) {
        let of_chunk = || {
            sea_orm::Condition::all()
                .add(attachment::Column::OwnerType.eq(views::MILESTONE_OWNER))
                .add(attachment::Column::OwnerId.is_in(chunk.to_vec()))
        };
        files.extend(
            attachment::Entity::find()
                .filter(of_chunk())
                .all(db)
                .await?
                .into_iter()
                .map(|a| a.stored_name),
        );
        attachment::Entity::delete_many()
            .filter(of_chunk())
            .exec(db)
            .await?;
        answer::Entity::delete_many()
            .filter(answer::Column::InstanceId.is_in(chunk.to_vec()))
            .exec(db)
            .await?;
        reply::Entity::delete_many()
            .filter(reply::Column::InstanceId.is_in(chunk.to_vec()))
            .exec(db)
            .await?;
    }
    instance::Entity::delete_many()
        .filter(instance::Column::PromotionId.eq(promotion))
        .exec(db)
        .await?;
    template::Entity::delete_many()
        .filter(template::Column::PromotionId.eq(promotion))
        .exec(db)
        .await?;
    Ok(files)
}

/// Someone to write to.
#[derive(Clone, Debug)]
pub struct Person {
    pub email: String,
    pub name: String,
    pub locale: Locale,
}

fn person(u: user::Model) -> Option<Person> {
    u.disabled_at.is_none().then(|| Person {
        locale: locale_of(&u),
        email: u.email,
        name: u.name,
    })
}

async fn users<C: ConnectionTrait>(db: &C, ids: Vec<i64>) -> Result<Vec<Person>, AppError> {
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .order_by_asc(user::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter_map(person)
        .collect())
}

/// The team's fellows (placements not interrupted) with an account.
pub async fn fellows<C: ConnectionTrait>(db: &C, defi: i64) -> Result<Vec<Person>, AppError> {
    let apps: Vec<i64> = placement::Entity::find()
        .filter(placement::Column::DefiId.eq(defi))
        .filter(placement::Column::State.ne(PlacementState::Interrupted.code()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.application_id)
        .collect();
    let ids: Vec<i64> = application::Entity::find()
        .filter(application::Column::Id.is_in(apps))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|a| a.user_id)
        .collect();
    users(db, ids).await
}

/// The host's members of one role (`lead`, `mentor`, `hr`).
pub async fn hosts<C: ConnectionTrait>(
    db: &C,
    organisation: i64,
    role: &str,
) -> Result<Vec<Person>, AppError> {
    let ids = role_grant::Entity::find()
        .filter(role_grant::Column::ScopeId.eq(organisation))
        .filter(role_grant::Column::Role.eq(format!("host_{role}")))
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.user_id)
        .collect();
    users(db, ids).await
}

/// Those who fill a milestone for a team.
pub async fn fillers<C: ConnectionTrait>(
    db: &C,
    filler: Filler,
    defi: i64,
    organisation: i64,
) -> Result<Vec<Person>, AppError> {
    match filler {
        Filler::Team => fellows(db, defi).await,
        Filler::HostLead => hosts(db, organisation, "lead").await,
        Filler::Mentor => hosts(db, organisation, "mentor").await,
        Filler::Nobody => Ok(Vec::new()),
    }
}

/// Coordinators, to alert.
pub async fn coordinators<C: ConnectionTrait>(db: &C) -> Result<Vec<Person>, AppError> {
    Ok(
        crate::server::service::formation::offers::notify::coordinators(db)
            .await?
            .into_iter()
            .map(|(email, locale, name)| Person {
                email,
                name,
                locale,
            })
            .collect(),
    )
}

/// A time as Paris people read it, dd/mm/yyyy HH:MM (the project's
/// `paris_display`).
pub fn paris_time(t: DateTime<Utc>) -> String {
    crate::domain::promotion::paris_display(t)
}
