//! Application dossiers, applicant side: one draft per person and
//! promotion, saved as it is typed (version-guarded), CV and portfolio
//! attachments, submission before the (personal) deadline with a receipt,
//! withdrawal.

use super::audit::{AuditAction, Target};
use super::txn::Txn;
use super::{Origin, accounts::locale_of, attachments, defis, promotions, users};
use crate::domain::application::{self as rules, ApplicationState};
use crate::domain::application_form::ApplicationForm;
use crate::domain::profile::ProfileCode;
use crate::domain::promotion::paris_display;
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::application::{ApplicationDossier, ApplicationEventView, OfferedDefi};
use crate::model::defi::{AttachmentView, DefiSheet};
use crate::server::AppState;
use crate::server::db::{
    application, application_choice, application_event, declared, guarded, promotion,
};
use crate::server::mail::MailTemplate;
use crate::server::service::catalogue::Published;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};
use serde_json::json;
use std::collections::HashMap;

mod drafting;
mod reading;
mod reminders;
pub use drafting::*;
pub use reading::*;
pub use reminders::*;

pub const CV: &str = "cv";

pub const PORTFOLIO: &str = "portfolio";

/// The state stored in the row. An unknown code is an error, never a
/// guess: guessing "draft" would reopen a dossier for editing.
pub fn state_of(m: &application::Model) -> Result<ApplicationState, AppError> {
    parse_state(m.id, &m.state)
}

/// A dossier's state code as read from the database: an unknown one is an
/// error, never the most permissive state.
pub(super) fn parse_state(id: i64, code: &str) -> Result<ApplicationState, AppError> {
    ApplicationState::from_code(code).ok_or_else(|| {
        tracing::error!(application = id, state = %code, "unknown dossier state in the database");
        AppError::Unexpected
    })
}

pub async fn find<C: ConnectionTrait>(db: &C, id: i64) -> Result<application::Model, AppError> {
    crate::server::service::row::<application::Entity, _>(db, id).await
}

/// A dossier with its chosen défis in rank order, in one query (the
/// dossier page's; see `selection::CHOICES`).
pub async fn find_with_choices<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<(application::Model, Vec<i64>), AppError> {
    use sea_orm::{DbErr, FromQueryResult, QueryResult, QuerySelect, sea_query::Expr};
    struct WithChoices(application::Model, Option<String>);
    impl FromQueryResult for WithChoices {
        fn from_query_result(res: &QueryResult, pre: &str) -> Result<Self, DbErr> {
            Ok(Self(
                application::Model::from_query_result(res, pre)?,
                res.try_get(pre, "choices")?,
            ))
        }
    }
    let WithChoices(a, pairs) = application::Entity::find_by_id(id)
        .expr_as(Expr::cust(super::selection::CHOICES), "choices")
        .into_model::<WithChoices>()
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let choices = super::selection::ranked_ids(id, pairs.as_deref())?;
    Ok((a, choices))
}

/// The language of the dossier's author; `None` once anonymised.
pub(crate) async fn owner_locale<C: ConnectionTrait>(
    db: &C,
    a: &application::Model,
) -> Result<Option<crate::i18n::Locale>, AppError> {
    Ok(match a.user_id {
        Some(uid) => Some(
            users::by_id(db, uid)
                .await?
                .map(|u| locale_of(&u))
                .unwrap_or_default(),
        ),
        None => None,
    })
}

/// Whose dossier it is and in which state, for the policy.
pub async fn owner<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<(Option<i64>, ApplicationState), AppError> {
    let a = find(db, id).await?;
    Ok((a.user_id, state_of(&a)?))
}

async fn promotion_of<C: ConnectionTrait>(db: &C, id: i64) -> Result<promotion::Model, AppError> {
    crate::server::service::row::<promotion::Entity, _>(db, id).await
}

/// The person's dossier in a promotion, if they started one.
pub async fn of_user<C: ConnectionTrait>(
    db: &C,
    promotion_id: i64,
    user_id: i64,
) -> Result<Option<application::Model>, AppError> {
    Ok(application::Entity::find()
        .filter(application::Column::PromotionId.eq(promotion_id))
        .filter(application::Column::UserId.eq(user_id))
        .one(db)
        .await?)
}

/// Every dossier of the person, with its promotion, newest first.
pub async fn all_of_user<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
) -> Result<Vec<(application::Model, promotion::Model)>, AppError> {
    let mut out = Vec::new();
    for a in application::Entity::find()
        .filter(application::Column::UserId.eq(user_id))
        .order_by_desc(application::Column::Id)
        .all(db)
        .await?
    {
        let p = promotion_of(db, a.promotion_id).await?;
        out.push((a, p));
    }
    Ok(out)
}

/// Writes `row` only if the dossier still has version `read` (see
/// `defis::guarded`): two tabs never silently overwrite each other.
/// Writes `row` as the next version if it is still at `read`.
pub(crate) async fn guarded<C: ConnectionTrait>(
    db: &C,
    row: application::ActiveModel,
    read: i32,
) -> Result<(), AppError> {
    guarded::update_versioned(db, row, application::Column::Version, read).await
}

/// Promotions whose call for applications is open now, by closing time.
pub async fn open_calls<C: ConnectionTrait>(db: &C) -> Result<Vec<promotion::Model>, AppError> {
    use crate::server::service::promotions::{Call, open_now};
    open_now(db, Call::Applications).await
}
