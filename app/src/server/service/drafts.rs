//! Drafts for coordinators: who has one, when it was last saved and how
//! complete it is — never its content (DESIGN §2: coordinators see a
//! dossier once it is submitted). From this list they grant a personal
//! deadline (`selection::extend_deadline`) or send a reminder.

use super::Origin;
use super::applications::{self, CV, find, form_of, owner_locale, state_of};
use super::audit::{AuditAction, Target};
use super::txn::Txn;
use crate::domain::application::ApplicationState;
use crate::domain::promotion::paris_display;
use crate::i18n::{Msg, fill};
use crate::model::AppError;
use crate::model::application::{DraftRow, DraftsList};
use crate::server::AppState;
use crate::server::db::{application, application_choice, attachment, promotion, user};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;
use std::collections::{HashMap, HashSet};

/// The drafts of `promotion_id`, most recently saved first.
pub async fn list<C: ConnectionTrait>(db: &C, promotion_id: i64) -> Result<DraftsList, AppError> {
    let p = crate::server::service::row::<promotion::Entity, _>(db, promotion_id).await?;
    let drafts = application::Entity::find()
        .filter(application::Column::PromotionId.eq(promotion_id))
        .filter(application::Column::State.eq(ApplicationState::Draft.code()))
        .order_by_desc(application::Column::UpdatedAt)
        .order_by_asc(application::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i64> = drafts.iter().map(|a| a.id).collect();
    let mut choices: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut with_cv: HashSet<i64> = HashSet::new();
    let mut names: HashMap<i64, String> = HashMap::new();
    for chunk in ids.chunks(5_000) {
        for c in application_choice::Entity::find()
            .filter(application_choice::Column::ApplicationId.is_in(chunk.to_vec()))
            .order_by_asc(application_choice::Column::Rank)
            .all(db)
            .await?
        {
            choices.entry(c.application_id).or_default().push(c.defi_id);
        }
        with_cv.extend(
            attachment::Entity::find()
                .filter(attachment::Column::OwnerType.eq("application"))
                .filter(attachment::Column::Kind.eq(CV))
                .filter(attachment::Column::OwnerId.is_in(chunk.to_vec()))
                .all(db)
                .await?
                .into_iter()
                .map(|a| a.owner_id),
        );
    }
    let users: Vec<i64> = drafts.iter().filter_map(|a| a.user_id).collect();
    for chunk in users.chunks(5_000) {
        names.extend(
            user::Entity::find()
                .filter(user::Column::Id.is_in(chunk.to_vec()))
                .all(db)
                .await?
                .into_iter()
                .map(|u| (u.id, u.name)),
        );
    }
    let mut rows = Vec::with_capacity(drafts.len());
    for a in drafts {
        state_of(&a)?;
        let form = form_of(&a, choices.remove(&a.id).unwrap_or_default())?;
        let (done, of) = form.completeness(with_cv.contains(&a.id));
        let typed = format!("{} {}", a.first_name, a.last_name)
            .trim()
            .to_owned();
        let name = if typed.is_empty() {
            a.user_id
                .and_then(|u| names.get(&u).cloned())
                .unwrap_or_default()
        } else {
            typed
        };
        rows.push(DraftRow {
            id: a.id,
            name,
            email: a.email,
            saved_at: paris_display(a.updated_at),
            done,
            of,
            personal_deadline: a.personal_deadline.map(paris_display),
        });
    }
    Ok(DraftsList {
        promotion_id,
        promotion_name: p.name,
        closes: paris_display(p.applications_close_at),
        rows,
    })
}

/// Emails the author of draft `id` a reminder of the deadline (theirs if
/// they have a personal one), in their language; audited, and shown in
/// their dossier's timeline. Returns the promotion, for the way back.
pub async fn remind(state: &AppState, origin: &Origin, id: i64) -> Result<i64, AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let a = find(&txn, id).await?;
    if state_of(&a)? != ApplicationState::Draft {
        return Err(AppError::NotFound);
    }
    let p = crate::server::service::row::<promotion::Entity, _>(&txn, a.promotion_id).await?;
    let Some(locale) = owner_locale(&txn, &a).await? else {
        return Err(AppError::NotFound);
    };
    let deadline = paris_display(a.personal_deadline.unwrap_or(p.applications_close_at));
    let text = fill(
        locale.t(Msg::DraftReminderMessage),
        &[("promotion", &p.name), ("deadline", &deadline)],
    );
    applications::event(&txn, origin, a.id, "reminded", &text).await?;
    super::selection::tell(state, &txn, &a, ApplicationState::Draft.label(), &text).await?;
    txn.finish(
        AuditAction::ApplicationDraftReminded,
        Target::Application(a.id),
        json!({ "deadline": deadline }),
    )
    .await?;
    Ok(a.promotion_id)
}
