//! The use-cases of the ten months: filling a milestone (the last edit
//! wins, every version kept; a report "at risk" or "blocked" alerts
//! coordinators at once), moving one team's due date with a reason,
//! waiving an instance, replying on a report.

use super::{Person, Stored, paris_time};
use crate::domain::milestones::answers::{self, Answers};
use crate::domain::milestones::rule::paris;
use crate::domain::milestones::{AT_RISK, BLOCKED, Filler, REPORT_STATUS};
use crate::domain::placement::PlacementState;
use crate::i18n::{Locale, Msg};
use crate::model::AppError;
use crate::server::AppState;
use crate::server::db::formation::placement;
use crate::server::db::milestones::{answer, instance, reply, template};
use crate::server::db::{application, defi, promotion, role_grant, user};
use crate::server::mail::MailTemplate;
use crate::server::service::Origin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter,
};
use serde_json::json;

/// An instance with what it belongs to.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub instance: instance::Model,
    pub stored: Stored,
    pub defi: defi::Model,
    pub promotion: promotion::Model,
}

pub async fn load<C: ConnectionTrait>(db: &C, id: i64) -> Result<Loaded, AppError> {
    let instance = instance::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let row = template::Entity::find_by_id(instance.template_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let stored = super::templates(db, row.promotion_id)
        .await?
        .into_iter()
        .find(|t| t.row.id == row.id)
        .ok_or(AppError::NotFound)?;
    let defi = defi::Entity::find_by_id(instance.defi_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let promotion = promotion::Entity::find_by_id(instance.promotion_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Loaded {
        instance,
        stored,
        defi,
        promotion,
    })
}

/// Whether `user` is a fellow of the team (a placement not interrupted).
pub async fn is_fellow<C: ConnectionTrait>(db: &C, defi: i64, user: i64) -> Result<bool, AppError> {
    let apps: Vec<i64> = application::Entity::find()
        .filter(application::Column::UserId.eq(user))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    Ok(placement::Entity::find()
        .filter(placement::Column::DefiId.eq(defi))
        .filter(placement::Column::ApplicationId.is_in(apps))
        .filter(placement::Column::State.ne(PlacementState::Interrupted.code()))
        .one(db)
        .await?
        .is_some())
}

async fn has_host_role<C: ConnectionTrait>(
    db: &C,
    organisation: i64,
    user: i64,
    role: &str,
) -> Result<bool, AppError> {
    Ok(role_grant::Entity::find()
        .filter(role_grant::Column::UserId.eq(user))
        .filter(role_grant::Column::ScopeId.eq(organisation))
        .filter(role_grant::Column::Role.eq(format!("host_{role}")))
        .one(db)
        .await?
        .is_some())
}

/// Whether `user` fills this milestone for this team.
pub async fn is_filler<C: ConnectionTrait>(
    db: &C,
    l: &Loaded,
    user: i64,
) -> Result<bool, AppError> {
    match l.stored.template.filler {
        Filler::Team => is_fellow(db, l.defi.id, user).await,
        Filler::HostLead => has_host_role(db, l.defi.organisation_id, user, "lead").await,
        Filler::Mentor => has_host_role(db, l.defi.organisation_id, user, "mentor").await,
        Filler::Nobody => Ok(false),
    }
}

/// The stored answers of an instance.
pub fn answers_of(i: &instance::Model) -> Answers {
    i.answers
        .as_deref()
        .and_then(|a| serde_json::from_str(a).ok())
        .unwrap_or_default()
}

/// The lines of a report for an email: "Label : text", in `l`.
pub fn lines(stored: &Stored, a: &Answers, l: Locale) -> Vec<String> {
    stored
        .template
        .fields
        .iter()
        .filter(|f| f.name != REPORT_STATUS)
        .filter_map(|f| {
            let v = answers::shown(f, a.get(f.name), |m| l.t(m).to_owned());
            let colon = if l == Locale::Fr { " : " } else { ": " };
            (!v.is_empty()).then(|| format!("{}{colon}{v}", l.t(f.label)))
        })
        .collect()
}

fn status_label(a: &Answers, l: Locale) -> String {
    match answers::one(a, REPORT_STATUS) {
        Some(AT_RISK) => l.t(Msg::ReportAtRisk).to_owned(),
        Some(BLOCKED) => l.t(Msg::ReportBlocked).to_owned(),
        Some(_) => l.t(Msg::ReportOnTrack).to_owned(),
        None => String::new(),
    }
}

fn alarming(a: &Answers) -> Option<&str> {
    answers::one(a, REPORT_STATUS).filter(|s| *s == AT_RISK || *s == BLOCKED)
}

/// The team's page, where its milestones are.
pub fn instance_path(l: &Loaded) -> String {
    format!("/equipes/{}/jalons/{}", l.defi.id, l.instance.id)
}

/// Fills (or edits) an instance: `get` gives a posted field, `list` a
/// checklist's ticked values.
pub async fn fill(
    state: &AppState,
    origin: &Origin,
    user: i64,
    id: i64,
    get: impl Fn(&str) -> Option<String>,
    list: impl Fn(&str) -> Vec<String>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let l = load(&txn, id).await?;
    if !is_filler(&txn, &l, user).await? {
        return Err(AppError::NotFound);
    }
    if l.instance.waived_at.is_some() {
        return Err(AppError::Refused(Msg::MilestoneWaivedNoAnswer));
    }
    if l.stored.status(&l.instance, now) == crate::domain::milestones::status::Status::Scheduled {
        return Err(AppError::Refused(Msg::MilestoneNotOpenYet));
    }
    let a = answers::read(&l.stored.template.fields, get, list).map_err(AppError::fields)?;
    let before = answers_of(&l.instance);
    let text = serde_json::to_string(&a).map_err(|_| AppError::Unexpected)?;
    let late = l.instance.submitted_at.is_none() && now > l.instance.due_at;
    let mut row = l.instance.clone().into_active_model();
    if l.instance.submitted_at.is_none() {
        row.submitted_at = Set(Some(now));
    }
    row.updated_at = Set(Some(now));
    row.updated_by = Set(Some(user));
    row.answers = Set(Some(text.clone()));
    row.update(&txn).await?;
    answer::ActiveModel {
        instance_id: Set(id),
        author_id: Set(Some(user)),
        at: Set(now),
        answers: Set(text),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let mut alerted = false;
    if l.stored.template.is_report()
        && let Some(status) = alarming(&a)
        && alarming(&before) != Some(status)
    {
        alerted = true;
        let link = state.link(&instance_path(&l));
        for c in super::coordinators(&txn).await? {
            mail(&txn, &c, "alert", &l, &link, |p| {
                json!({
                    "status": status_label(&a, p.locale),
                    "lines": lines(&l.stored, &a, p.locale),
                })
            })
            .await?;
        }
    }
    txn.finish(
        AuditAction::MilestoneFilled,
        Target::Defi(l.defi.id),
        json!({
            "instance": id,
            "milestone": l.stored.row.key,
            "late": late,
            "first": l.instance.submitted_at.is_none(),
            "alert": alerted,
        }),
    )
    .await
}

/// Queues the `milestone` email of `kind` about `l` to `to`, with
/// `extra(to)`'s variables.
pub(super) async fn mail(
    txn: &Txn<'_>,
    to: &Person,
    kind: &str,
    l: &Loaded,
    link: &str,
    extra: impl Fn(&Person) -> serde_json::Value,
) -> Result<(), AppError> {
    let mut vars = json!({
        "name": to.name,
        "kind": kind,
        "milestone": to.locale.t(l.stored.template.title),
        "team": l.defi.title,
        "promotion": l.promotion.name,
        "due": paris_time(l.instance.due_at),
        "link": link,
    });
    if let (Some(v), serde_json::Value::Object(more)) = (vars.as_object_mut(), extra(to)) {
        v.extend(more);
    }
    txn.queue(MailTemplate::Milestone, to.locale, &to.email, vars)
        .await
}

/// The reason coordinators give, checked.
fn reason(raw: &str, field: &str) -> Result<String, AppError> {
    let r = raw.trim();
    if r.is_empty() {
        return Err(AppError::field(field, Msg::MilestoneReasonRequired));
    }
    if r.chars().count() > 1000 {
        return Err(AppError::field(field, Msg::MilestoneTooLong));
    }
    Ok(r.to_owned())
}

/// Moves one team's due time (Paris day and time), with a reason.
pub async fn move_due(
    state: &AppState,
    origin: &Origin,
    id: i64,
    day: &str,
    time: &str,
    why: &str,
) -> Result<(), AppError> {
    let day_ok = NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").ok();
    let time_ok = NaiveTime::parse_from_str(time.trim(), "%H:%M").ok();
    let mut errors = Vec::new();
    if day_ok.is_none() {
        errors.push(("jour", Msg::MilestoneDayInvalid));
    }
    if time_ok.is_none() {
        errors.push(("heure", Msg::MilestoneTimeInvalid));
    }
    let why = match reason(why, "raison") {
        Ok(r) => Some(r),
        Err(AppError::Validation(mut e)) => {
            errors.extend(e.drain(..).map(|f| ("raison", f.message)));
            None
        }
        Err(e) => return Err(e),
    };
    let (Some(d), Some(t), Some(why), true) = (day_ok, time_ok, why, errors.is_empty()) else {
        return Err(AppError::fields(errors));
    };
    let txn = Txn::begin(&state.db, origin).await?;
    let l = load(&txn, id).await?;
    let due = paris(d, t);
    let mut row = l.instance.clone().into_active_model();
    row.due_at = Set(due);
    row.moved_reason = Set(Some(why.clone()));
    row.update(&txn).await?;
    txn.finish(
        AuditAction::MilestoneMoved,
        Target::Defi(l.defi.id),
        json!({
            "instance": id,
            "from": l.instance.due_at.to_rfc3339(),
            "to": due.to_rfc3339(),
            "reason": why,
        }),
    )
    .await
}

/// Waives an instance for its team, with a reason.
pub async fn waive(
    state: &AppState,
    origin: &Origin,
    id: i64,
    why: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let why = reason(why, "motif")?;
    let txn = Txn::begin(&state.db, origin).await?;
    let l = load(&txn, id).await?;
    if l.instance.waived_at.is_some() {
        return Err(AppError::Refused(Msg::MilestoneAlreadyWaived));
    }
    let mut row = l.instance.clone().into_active_model();
    row.waived_at = Set(Some(now));
    row.waived_reason = Set(Some(why.clone()));
    row.update(&txn).await?;
    txn.finish(
        AuditAction::MilestoneWaived,
        Target::Defi(l.defi.id),
        json!({ "instance": id, "reason": why }),
    )
    .await
}

pub use crate::domain::milestones::REPLY_MAX;

/// Replies on a report. A coordinator's reply goes to the team and the
/// host's leads; theirs to coordinators.
pub async fn reply(
    state: &AppState,
    origin: &Origin,
    author: i64,
    coordinator: bool,
    id: i64,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let body = body.trim();
    if body.is_empty() {
        return Err(AppError::field("reponse", Msg::MilestoneRequired));
    }
    if body.chars().count() > REPLY_MAX {
        return Err(AppError::field("reponse", Msg::MilestoneTooLong));
    }
    let txn = Txn::with_outbox(state, origin).await?;
    let l = load(&txn, id).await?;
    if !l.stored.template.is_report() {
        return Err(AppError::NotFound);
    }
    reply::ActiveModel {
        instance_id: Set(id),
        author_id: Set(Some(author)),
        at: Set(now),
        body: Set(body.to_owned()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let who = user::Entity::find_by_id(author)
        .one(&txn)
        .await?
        .map(|u| u.name)
        .unwrap_or_default();
    let to = if coordinator {
        let mut to = super::fellows(&txn, l.defi.id).await?;
        to.extend(super::hosts(&txn, l.defi.organisation_id, "lead").await?);
        to
    } else {
        super::coordinators(&txn).await?
    };
    let link = state.link(&instance_path(&l));
    let me = user::Entity::find_by_id(author)
        .one(&txn)
        .await?
        .map(|u| u.email);
    for p in to.iter().filter(|p| Some(&p.email) != me.as_ref()) {
        mail(
            &txn,
            p,
            "reply",
            &l,
            &link,
            |_| json!({ "author": who, "body": body }),
        )
        .await?;
    }
    txn.finish(
        AuditAction::MilestoneReplied,
        Target::Defi(l.defi.id),
        json!({ "instance": id }),
    )
    .await
}

/// May `actor` see a milestone's file — as its page: the promotion for a
/// public milestone, the team, its host and coordinators for a private one
/// — and, with `edit`, send one (who fills it, once it is open, unless it
/// was waived)? What the person may not see is not found.
pub async fn file_access<C: ConnectionTrait>(
    db: &C,
    actor: &crate::server::policy::Actor,
    defi: i64,
    id: i64,
    edit: bool,
    now: DateTime<Utc>,
) -> Result<(), crate::server::service::files::UploadRefused> {
    use crate::domain::Role;
    use crate::domain::milestones::status::Status;
    use crate::server::policy::{Action, require};
    use crate::server::service::files::UploadRefused::{Hidden, Shown};
    if actor.viewer().is_none() {
        // Signed out: asked to sign in, whether the milestone exists or not.
        let anyone = Action::ViewPromotionTeam {
            in_promotion: false,
        };
        require(actor, anyone).map_err(Hidden)?;
    }
    let l = load(db, id).await.map_err(Hidden)?;
    if l.defi.id != defi || l.stored.template.file_field().is_none() {
        return Err(Hidden(AppError::NotFound));
    }
    let seat = match actor.viewer() {
        Some(v) => super::views::seat(db, defi, v.id, v.has(Role::Coordinator))
            .await
            .map_err(Hidden)?,
        None => None,
    };
    require(
        actor,
        Action::ViewPromotionTeam {
            in_promotion: seat.is_some(),
        },
    )
    .map_err(Hidden)?;
    if !seat.is_some_and(|s| s.sees_private()) && !l.stored.template.public {
        return Err(Hidden(AppError::NotFound));
    }
    if !edit {
        return Ok(());
    }
    let filler = match actor.viewer() {
        Some(v) => is_filler(db, &l, v.id).await.map_err(Hidden)?,
        None => false,
    };
    if !filler {
        return Err(Hidden(AppError::NotFound));
    }
    require(actor, Action::FillMilestone { filler }).map_err(Hidden)?;
    if l.instance.waived_at.is_some() {
        return Err(Shown(AppError::Refused(Msg::MilestoneWaivedNoAnswer)));
    }
    if l.stored.status(&l.instance, now) == Status::Scheduled {
        return Err(Shown(AppError::Refused(Msg::MilestoneNotOpenYet)));
    }
    Ok(())
}
