//! The two-step reveal (EIG 5): when the promotion uses it, shortlisted
//! candidates rank up to N published défis before a deadline — their
//! dossier's choices reopen for that step only — and get a reminder 24
//! hours before it if they have not ranked yet. Their final ranking is the
//! dossier's choices, which the jury and the matching read.

use super::settings;
use crate::domain::application::ApplicationState;
use crate::domain::application_form::order_choices;
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::review::RevealView;
use crate::server::AppState;
use crate::server::db::{application, application_choice, application_event, promotion};
use crate::server::mail::MailTemplate;
use crate::server::service::Origin;
use crate::server::service::applications::{self, owner_locale};
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use serde_json::json;

/// The event a ranking leaves in the dossier's history.
pub const RANKED: &str = "reveal_ranked";
/// The reminder's kind in `review_reminders` (whose `juror_id` then holds
/// the dossier's id: one reminder per dossier).
const REMINDER: &str = "reveal_24h";

/// The deadline of the promotion's reveal step, if it has one.
pub async fn deadline<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
) -> Result<Option<DateTime<Utc>>, AppError> {
    Ok(super::find_stage(db, promotion)
        .await?
        .and_then(|s| settings(&s).reveal_deadline))
}

async fn ranked_since_shortlist<C: ConnectionTrait>(db: &C, id: i64) -> Result<bool, AppError> {
    Ok(application_event::Entity::find()
        .filter(application_event::Column::ApplicationId.eq(id))
        .filter(application_event::Column::Kind.eq(RANKED))
        .one(db)
        .await?
        .is_some())
}

/// What the applicant sees of the step (the policy allowed reading the
/// dossier). Not found when the promotion has no such step or the dossier
/// is not shortlisted.
pub async fn view(db: &DatabaseConnection, a: &application::Model) -> Result<RevealView, AppError> {
    let Some(deadline) = deadline(db, a.promotion_id).await? else {
        return Err(AppError::NotFound);
    };
    if a.state != ApplicationState::Shortlisted.code() {
        return Err(AppError::NotFound);
    }
    let p = promotion::Entity::find_by_id(a.promotion_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let offered = applications::offered(db, a.promotion_id)
        .await?
        .into_iter()
        .filter(|d| d.profiles.iter().any(|p| p.as_str() == a.profile))
        .map(|d| (d.id, d.title, d.organisation))
        .collect();
    let choices = application_choice::Entity::find()
        .filter(application_choice::Column::ApplicationId.eq(a.id))
        .order_by_asc(application_choice::Column::Rank)
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.defi_id)
        .collect();
    Ok(RevealView {
        application_id: a.id,
        deadline: crate::domain::promotion::paris_display(deadline),
        open: Utc::now() < deadline,
        max_choices: p.max_choices.max(1) as u32,
        offered,
        choices,
        done: ranked_since_shortlist(db, a.id).await?,
    })
}

/// Replaces the dossier's ranking with `rows` (défi, rank typed): ranks 1,
/// 2, … without gaps, at most N, only offered défis that seek the
/// profile. The policy allowed the step (owner, shortlisted, open).
pub async fn rank(
    db: &DatabaseConnection,
    origin: &Origin,
    a: &application::Model,
    rows: &[(i64, String)],
) -> Result<(), AppError> {
    let view = view(db, a).await?;
    let chosen = order_choices(rows).map_err(|m| AppError::field("choices", m))?;
    if chosen.is_empty() {
        return Err(AppError::field("choices", Msg::RevealRankOne));
    }
    if chosen.len() > view.max_choices as usize {
        return Err(AppError::field("choices", Msg::TooManyChoices));
    }
    if chosen
        .iter()
        .any(|d| !view.offered.iter().any(|(o, ..)| o == d))
    {
        return Err(AppError::field("choices", Msg::ChoiceInvalid));
    }
    let txn = Txn::begin(db, origin).await?;
    let fresh = applications::find(&txn, a.id).await?;
    if fresh.state != ApplicationState::Shortlisted.code() {
        return Err(AppError::Conflict);
    }
    application_choice::Entity::delete_many()
        .filter(application_choice::Column::ApplicationId.eq(a.id))
        .exec(&txn)
        .await?;
    for (i, d) in chosen.iter().enumerate() {
        application_choice::ActiveModel {
            application_id: Set(a.id),
            rank: Set(i as i32 + 1),
            defi_id: Set(*d),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    applications::event(&txn, origin, a.id, RANKED, "").await?;
    txn.finish(
        AuditAction::ApplicationReranked,
        Target::Application(a.id),
        json!({ "choices": chosen }),
    )
    .await
}

/// Reminds, once, the shortlisted candidates who have not ranked yet, when
/// the deadline is less than 24 hours away; returns how many.
pub async fn remind(state: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    let stages = crate::server::db::review::stage::Entity::find()
        .filter(crate::server::db::review::stage::Column::Reveal.eq(true))
        .filter(crate::server::db::review::stage::Column::RevealDeadline.gt(now))
        .filter(
            crate::server::db::review::stage::Column::RevealDeadline.lte(now + Duration::hours(24)),
        )
        .all(&state.db)
        .await?;
    let system = Origin::default();
    let mut sent = 0;
    for s in stages {
        let Some(deadline) = s.reveal_deadline else {
            continue;
        };
        let apps = application::Entity::find()
            .filter(application::Column::PromotionId.eq(s.promotion_id))
            .filter(application::Column::State.eq(ApplicationState::Shortlisted.code()))
            .all(&state.db)
            .await?;
        for a in apps {
            if ranked_since_shortlist(&state.db, a.id).await? {
                continue;
            }
            let txn = Txn::with_outbox(state, &system).await?;
            let claimed = super::reminders::claim(&txn, a.id, REMINDER, now).await?;
            if !claimed {
                continue;
            }
            if let Some(locale) = owner_locale(&txn, &a).await? {
                txn.queue(
                    MailTemplate::ApplicationUpdate,
                    locale,
                    &a.email,
                    json!({
                        "name": format!("{} {}", a.first_name, a.last_name).trim(),
                        "state": locale.t(ApplicationState::Shortlisted.label()),
                        "message": locale.fill(locale.t(Msg::RevealReminder), &[("deadline", &crate::domain::promotion::paris_display(deadline))]),
                        "link": state.link(&format!("/candidature/{}", a.id)),
                    }),
                )
                .await?;
            }
            txn.finish(
                AuditAction::ApplicationReminded,
                Target::Application(a.id),
                json!({ "kind": REMINDER }),
            )
            .await?;
            sent += 1;
        }
    }
    Ok(sent)
}
