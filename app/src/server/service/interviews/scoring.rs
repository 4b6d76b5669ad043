//! A juror's interview sheet: any member of the jury without a conflict
//! with the candidate scores an interview once it has started, until the
//! (défi, profile) list is locked. A draft is kept as typed.

use super::{Seat, conflicts_of_user, jury_defi, seat};
use crate::domain::interviews::grid::InterviewSheet;
use crate::domain::interviews::status::InterviewState;
use crate::domain::promotion::paris_display;
use crate::model::AppError;
use crate::model::interviews::ScorePage;
use crate::server::db::interviews::{interview, list, score, slot};
use crate::server::db::{application, defi};
use crate::server::policy::{Action, Actor};
use crate::server::service::Origin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::hearings::grids::{GridKind, grid_of};
use crate::server::service::txn::Txn;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use serde_json::json;

/// What the policy needs about a person and an interview.
pub struct Access {
    pub interview: interview::Model,
    pub defi: defi::Model,
    pub slot: Option<slot::Model>,
    pub seat: Option<Seat>,
    pub conflicted: bool,
    pub locked: bool,
}

impl Access {
    pub fn read(&self) -> Action {
        Action::ViewJury {
            member: self.seat.is_some(),
            conflicted: self.conflicted,
        }
    }
    pub fn score(&self) -> Action {
        Action::ScoreInterview {
            member: self.seat.is_some(),
            conflicted: self.conflicted,
            started: self
                .slot
                .as_ref()
                .is_some_and(|s| s.starts_at <= Utc::now())
                && self.interview.state == InterviewState::Scheduled.code(),
            locked: self.locked,
        }
    }
}

pub async fn access<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    interview_id: i64,
) -> Result<Access, AppError> {
    let i = interview::Entity::find_by_id(interview_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let d = jury_defi(db, i.defi_id).await?;
    let seat = seat(db, actor, &d).await?;
    let conflicted = match actor.viewer() {
        Some(v) => conflicts_of_user(db, d.promotion_id, v.id, &[i.application_id])
            .await?
            .contains(&i.application_id),
        None => false,
    };
    let slot = match i.slot_id {
        Some(s) => slot::Entity::find_by_id(s).one(db).await?,
        None => None,
    };
    let locked = list::Entity::find()
        .filter(list::Column::DefiId.eq(d.id))
        .filter(list::Column::Profile.eq(i.profile.clone()))
        .one(db)
        .await?
        .is_some_and(|l| l.locked_at.is_some());
    Ok(Access {
        interview: i,
        defi: d,
        slot,
        seat,
        conflicted,
        locked,
    })
}

pub async fn page(
    db: &DatabaseConnection,
    access: &Access,
    user: i64,
) -> Result<ScorePage, AppError> {
    let a = application::Entity::find_by_id(access.interview.application_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let mine = score::Entity::find()
        .filter(score::Column::InterviewId.eq(access.interview.id))
        .filter(score::Column::UserId.eq(user))
        .one(db)
        .await?;
    Ok(ScorePage {
        interview_id: access.interview.id,
        defi_id: access.defi.id,
        title: access.defi.title.clone(),
        candidate: format!("{} {}", a.first_name, a.last_name),
        profile: a.profile,
        when: access
            .slot
            .as_ref()
            .map(|s| paris_display(s.starts_at))
            .unwrap_or_default(),
        grid: grid_of(db, access.defi.promotion_id, GridKind::Interview).await?,
        sheet: mine
            .as_ref()
            .map(|m| serde_json::from_str(&m.scores).unwrap_or_default())
            .unwrap_or_default(),
        submitted: mine.is_some_and(|m| m.submitted_at.is_some()),
        locked: access.locked,
    })
}

/// Saves the sheet as a draft, or submits it.
pub async fn save(
    db: &DatabaseConnection,
    origin: &Origin,
    access: &Access,
    user: i64,
    get: impl Fn(&str) -> Option<String>,
    submit: bool,
) -> Result<(), AppError> {
    let grid = grid_of(db, access.defi.promotion_id, GridKind::Interview).await?;
    let sheet = InterviewSheet::parse(&grid, get, submit).map_err(AppError::fields)?;
    let txn = Txn::begin(db, origin).await?;
    // Read again inside the transaction: a list locked meanwhile freezes
    // its sheets.
    let locked = list::Entity::find()
        .filter(list::Column::DefiId.eq(access.defi.id))
        .filter(list::Column::Profile.eq(access.interview.profile.clone()))
        .filter(list::Column::LockedAt.is_not_null())
        .one(&txn)
        .await?
        .is_some();
    if locked {
        return Err(AppError::Refused(crate::i18n::Msg::ListLocked));
    }
    let now = Utc::now();
    let existing = score::Entity::find()
        .filter(score::Column::InterviewId.eq(access.interview.id))
        .filter(score::Column::UserId.eq(user))
        .one(&txn)
        .await?;
    let text = serde_json::to_string(&sheet).map_err(|_| AppError::Unexpected)?;
    let submitted = if submit {
        Some(
            existing
                .as_ref()
                .and_then(|e| e.submitted_at)
                .unwrap_or(now),
        )
    } else {
        existing.as_ref().and_then(|e| e.submitted_at)
    };
    // A sheet once submitted stays submitted: a draft save cannot hide it.
    if !submit && submitted.is_some() {
        return Err(AppError::Refused(crate::i18n::Msg::SheetAlreadySubmitted));
    }
    match existing {
        Some(e) => {
            let mut m: score::ActiveModel = e.into();
            m.scores = Set(text);
            m.comment = Set(sheet.comment.clone());
            m.acceptable = Set(sheet.acceptable);
            m.submitted_at = Set(submitted);
            m.updated_at = Set(now);
            m.update(&txn).await?;
        }
        None => {
            score::ActiveModel {
                interview_id: Set(access.interview.id),
                user_id: Set(user),
                scores: Set(text),
                comment: Set(sheet.comment.clone()),
                acceptable: Set(sheet.acceptable),
                submitted_at: Set(submitted),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }
    txn.finish(
        if submit {
            AuditAction::InterviewScored
        } else {
            AuditAction::InterviewScoreSaved
        },
        Target::Defi(access.defi.id),
        json!({ "interview": access.interview.id, "total": sheet.total() }),
    )
    .await
}
