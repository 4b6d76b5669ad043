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
use std::path::{Path, PathBuf};

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
    application::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
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
pub(super) async fn owner_locale<C: ConnectionTrait>(
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
    promotion::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
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

/// The person's dossier in `promotion_id`, started now if they have none
/// (while the call is open). Returns its id.
pub async fn start(
    db: &DatabaseConnection,
    origin: &Origin,
    promotion_id: i64,
    user_id: i64,
) -> Result<i64, AppError> {
    let txn = Txn::begin(db, origin).await?;
    if let Some(existing) = of_user(&txn, promotion_id, user_id).await? {
        return Ok(existing.id);
    }
    let p = promotion_of(&txn, promotion_id).await?;
    let now = Utc::now();
    if now < p.applications_open_at {
        return Err(AppError::Refused(Msg::ApplicationsNotOpen));
    }
    if now >= p.applications_close_at {
        return Err(AppError::Refused(Msg::ApplicationsClosed));
    }
    let user = users::by_id(&txn, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (first, last) = match user.name.split_once(' ') {
        Some((f, l)) => (f.to_owned(), l.to_owned()),
        None => (user.name.clone(), String::new()),
    };
    let a = application::ActiveModel {
        promotion_id: Set(promotion_id),
        user_id: Set(Some(user_id)),
        state: Set(ApplicationState::Draft.code().to_owned()),
        first_name: Set(first),
        last_name: Set(last),
        email: Set(user.email.clone()),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    let a = match a {
        Ok(a) => a,
        // A second "start" raced this one: the first one's dossier it is.
        Err(_) => {
            drop(txn);
            return of_user(db, promotion_id, user_id)
                .await?
                .map(|a| a.id)
                .ok_or(AppError::Unexpected);
        }
    };
    txn.audit(
        AuditAction::ApplicationStarted,
        Some(Target::Application(a.id)),
        json!({ "promotion": promotion_id }),
    )
    .await?;
    txn.commit().await?;
    super::catalogue::applications_changed();
    Ok(a.id)
}

fn offered_defi(s: DefiSheet) -> OfferedDefi {
    OfferedDefi {
        id: s.id,
        title: s.title,
        organisation: s.organisation,
        city: s.city,
        profiles: s.slots.into_iter().map(|slot| slot.profile).collect(),
    }
}

/// Published défis of the promotion, by title, read in `db` (a
/// submission checks its choices against them in its transaction).
pub async fn offered<C: ConnectionTrait>(
    db: &C,
    promotion_id: i64,
) -> Result<Vec<OfferedDefi>, AppError> {
    Ok(defis::catalogue(db, Some(promotion_id), None)
        .await?
        .into_iter()
        .map(offered_defi)
        .collect())
}

/// The same from the cached catalogue, for pages and drafts.
fn offered_in(catalogue: &Published, promotion_id: i64) -> Vec<OfferedDefi> {
    catalogue
        .sheets(Some(promotion_id), None)
        .into_iter()
        .map(offered_defi)
        .collect()
}

async fn choices_of<C: ConnectionTrait>(db: &C, id: i64) -> Result<Vec<i64>, AppError> {
    Ok(application_choice::Entity::find()
        .filter(application_choice::Column::ApplicationId.eq(id))
        .order_by_asc(application_choice::Column::Rank)
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.defi_id)
        .collect())
}

/// The dossier as saved: its declared fields from its row, its choices.
pub(crate) fn form_of(
    a: &application::Model,
    choices: Vec<i64>,
) -> Result<ApplicationForm, AppError> {
    Ok(ApplicationForm {
        choices,
        ..declared::read(a)?
    })
}

fn slot(id: i64, kind: &str) -> attachments::Slot<'_> {
    attachments::Slot {
        owner_type: "application",
        owner_id: id,
        kind,
    }
}

/// The dossier's current file of each kind and its events, newest first,
/// in one query (a `UNION ALL` of the two lists, which share a shape): the
/// dossier page is read often. The current file of a kind is its newest
/// row, as in `attachments::current_of`.
async fn files_and_events<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<
    (
        HashMap<&'static str, AttachmentView>,
        Vec<ApplicationEventView>,
    ),
    AppError,
> {
    use crate::server::db::attachment;
    use sea_orm::sea_query::{Expr, Query, UnionType};
    use sea_orm::{ExprTrait, FromQueryResult};
    #[derive(FromQueryResult)]
    struct Line {
        file: bool,
        id: i64,
        kind: String,
        text: String,
        size: Option<i64>,
        at: DateTime<Utc>,
    }
    use application_event::Column as E;
    use attachment::Column as F;
    let stmt = Query::select()
        .expr_as(Expr::val(true), "file")
        .expr_as(Expr::col((attachment::Entity, F::Id)), "id")
        .expr_as(Expr::col((attachment::Entity, F::Kind)), "kind")
        .expr_as(Expr::col((attachment::Entity, F::OriginalName)), "text")
        .expr_as(Expr::col((attachment::Entity, F::Size)), "size")
        .expr_as(Expr::col((attachment::Entity, F::CreatedAt)), "at")
        .from(attachment::Entity)
        .and_where(Expr::col((attachment::Entity, F::OwnerType)).eq("application"))
        .and_where(Expr::col((attachment::Entity, F::OwnerId)).eq(id))
        .union(
            UnionType::All,
            Query::select()
                .expr(Expr::val(false))
                .column((application_event::Entity, E::Id))
                .column((application_event::Entity, E::Kind))
                .column((application_event::Entity, E::Message))
                .expr(Expr::val(Option::<i64>::None))
                .column((application_event::Entity, E::At))
                .from(application_event::Entity)
                .and_where(Expr::col((application_event::Entity, E::ApplicationId)).eq(id))
                .to_owned(),
        )
        .to_owned();
    let mut lines = Line::find_by_statement(db.get_database_backend().build(&stmt))
        .all(db)
        .await?;
    lines.sort_unstable_by_key(|l| (l.file, l.id));
    let mut files = HashMap::new();
    let mut events = Vec::new();
    for l in lines {
        if !l.file {
            events.push(ApplicationEventView {
                kind: l.kind,
                message: l.text,
                at: l.at,
            });
        } else if let Some(kind) = [CV, PORTFOLIO].into_iter().find(|k| *k == l.kind) {
            // Ascending ids: the last row of a kind is its current file.
            files.insert(
                kind,
                AttachmentView {
                    name: l.text,
                    size: l.size.unwrap_or_default(),
                    uploaded_at: l.at,
                },
            );
        }
    }
    events.reverse();
    Ok((files, events))
}

/// The dossier page of `a` (already read, and allowed by the policy).
pub async fn dossier(
    app: &AppState,
    (a, choices): (application::Model, Vec<i64>),
) -> Result<ApplicationDossier, AppError> {
    let db = &app.db;
    let id = a.id;
    let catalogue = app.catalogue.get(db).await?;
    // The catalogue's row: told of every change this process commits (a
    // submission checks the deadline against the database).
    let p = catalogue
        .promotion_row(a.promotion_id)
        .ok_or(AppError::NotFound)?;
    let state = state_of(&a)?;
    let (mut files, events) = files_and_events(db, id).await?;
    Ok(ApplicationDossier {
        id,
        promotion_id: p.id,
        promotion_name: p.name.clone(),
        profiles: promotions::profiles_of(p),
        max_choices: p.max_choices.max(0) as u32,
        call_open: p.applications_open_at,
        deadline: rules::deadline(p.applications_close_at, a.personal_deadline),
        personal_deadline: a
            .personal_deadline
            .is_some_and(|d| d > p.applications_close_at),
        offered: offered_in(&catalogue, p.id),
        state,
        email: a.email.clone(),
        form: form_of(&a, choices)?,
        version: a.version,
        updated_at: a.updated_at,
        submitted_at: a.submitted_at,
        cv: files.remove(CV),
        portfolio: files.remove(PORTFOLIO),
        events,
        may_edit: state.applicant_may_edit(),
        may_extend: false,
    })
}

/// Writes `row` only if the dossier still has version `read` (see
/// `defis::guarded`): two tabs never silently overwrite each other.
/// Writes `row` as the next version if it is still at `read`.
pub(super) async fn guarded<C: ConnectionTrait>(
    db: &C,
    row: application::ActiveModel,
    read: i32,
) -> Result<(), AppError> {
    guarded::update_versioned(db, row, application::Column::Version, read).await
}

/// The parsing context of a dossier: its promotion's profiles, the défis it
/// may rank, how many.
pub async fn draft_context(
    state: &AppState,
    id: i64,
) -> Result<(Vec<ProfileCode>, Vec<i64>, usize), AppError> {
    let a = find(&state.db, id).await?;
    let p = promotion_of(&state.db, a.promotion_id).await?;
    let offered: Vec<i64> = offered_in(&*state.catalogue.get(&state.db).await?, p.id)
        .into_iter()
        .map(|d| d.id)
        .collect();
    Ok((
        promotions::profiles_of(&p),
        offered,
        p.max_choices.max(0) as usize,
    ))
}

#[derive(Clone, Copy, Debug)]
pub struct Saved {
    pub version: i32,
    pub at: DateTime<Utc>,
}

/// Saves a draft (already checked by `ApplicationForm::parse_draft`).
pub async fn save(
    db: &DatabaseConnection,
    origin: &Origin,
    id: i64,
    form: &ApplicationForm,
    expected: Option<i32>,
) -> Result<Saved, AppError> {
    let txn = Txn::begin(db, origin).await?;
    let current = find(&txn, id).await?;
    if !state_of(&current)?.applicant_may_edit() {
        return Err(AppError::Refused(Msg::ApplicationNotEditable));
    }
    let read = current.version;
    if expected.is_some_and(|v| v != read) {
        return Err(AppError::Conflict);
    }
    let now = Utc::now();
    let mut row: application::ActiveModel = current.into();
    declared::write(&mut row, form)?;
    row.updated_at = Set(now);
    guarded(&txn, row, read).await?;
    application_choice::Entity::delete_many()
        .filter(application_choice::Column::ApplicationId.eq(id))
        .exec(&txn)
        .await?;
    for (i, defi_id) in form.choices.iter().enumerate() {
        application_choice::ActiveModel {
            application_id: Set(id),
            rank: Set(i as i32 + 1),
            defi_id: Set(*defi_id),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.audit(
        AuditAction::ApplicationSaved,
        Some(Target::Application(id)),
        json!({ "version": read + 1 }),
    )
    .await?;
    txn.commit().await?;
    Ok(Saved {
        version: read + 1,
        at: now,
    })
}

async fn event<C: ConnectionTrait>(
    db: &C,
    origin: &Origin,
    id: i64,
    kind: &str,
    message: &str,
) -> Result<(), AppError> {
    application_event::ActiveModel {
        application_id: Set(id),
        kind: Set(kind.to_owned()),
        message: Set(message.to_owned()),
        actor_id: Set(origin.actor_id),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Submits the dossier: complete, and before the (personal) deadline —
/// judged at `started`, when the request reached the server.
pub async fn submit(
    state: &AppState,
    origin: &Origin,
    id: i64,
    started: DateTime<Utc>,
) -> Result<DateTime<Utc>, AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let a = find(&txn, id).await?;
    let p = promotion_of(&txn, a.promotion_id).await?;
    let from = state_of(&a)?;
    let to = rules::submit(
        from,
        started,
        p.applications_open_at,
        rules::deadline(p.applications_close_at, a.personal_deadline),
    )
    .map_err(AppError::Refused)?;
    let form = form_of(&a, choices_of(&txn, id).await?)?;
    let offered = offered(&txn, p.id).await?;
    let has_cv = attachments::current(&txn, slot(id, CV)).await?.is_some();
    let checked = form
        .parse_draft(
            &promotions::profiles_of(&p),
            &offered.iter().map(|d| d.id).collect::<Vec<_>>(),
            p.max_choices.max(0) as usize,
        )
        .and_then(|f| {
            f.check_complete(has_cv, |defi, profile| {
                offered
                    .iter()
                    .any(|d| d.id == defi && d.profiles.iter().any(|p| p.as_str() == profile))
            })
        });
    checked.map_err(AppError::fields)?;
    // The submission time is the request's arrival, the time the deadline
    // was judged at.
    let now = started;
    let mut row: application::ActiveModel = a.clone().into();
    row.state = Set(to.code().to_owned());
    row.submitted_at = Set(Some(now));
    row.updated_at = Set(now);
    guarded(&txn, row, a.version).await?;
    event(&txn, origin, id, "submitted", "").await?;
    let choices: Vec<String> = form
        .choices
        .iter()
        .filter_map(|c| offered.iter().find(|d| d.id == *c))
        .enumerate()
        .map(|(i, d)| format!("{}. {} ({})", i + 1, d.title, d.organisation))
        .collect();
    let locale = owner_locale(&txn, &a).await?.unwrap_or_default();
    txn.queue(
        MailTemplate::ApplicationSubmitted,
        locale,
        &a.email,
        json!({
            "name": format!("{} {}", form.first_name, form.last_name),
            "promotion": p.name,
            "submitted_at": paris_display(now),
            "profile": ProfileCode::parse(&form.profile)
                .ok()
                .and_then(|p| p.label())
                .map_or(form.profile.clone(), |m| locale.t(m).to_owned()),
            "choices": choices,
            "link": state.link(&format!("/candidature/{id}")),
        }),
    )
    .await?;
    txn.audit(
        AuditAction::ApplicationSubmitted,
        Some(Target::Application(id)),
        json!({ "at": now, "started": started, "from": from.code() }),
    )
    .await?;
    txn.commit().await?;
    super::catalogue::applications_changed();
    Ok(now)
}

/// The applicant withdraws a submitted dossier.
pub async fn withdraw(db: &DatabaseConnection, origin: &Origin, id: i64) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let a = find(&txn, id).await?;
    let to = rules::withdraw(state_of(&a)?).map_err(AppError::Refused)?;
    let mut row: application::ActiveModel = a.clone().into();
    row.state = Set(to.code().to_owned());
    row.updated_at = Set(Utc::now());
    guarded(&txn, row, a.version).await?;
    event(&txn, origin, id, "withdrawn", "").await?;
    txn.audit(
        AuditAction::ApplicationWithdrawn,
        Some(Target::Application(id)),
        json!({ "from": a.state }),
    )
    .await?;
    txn.commit().await?;
    super::catalogue::applications_changed();
    Ok(())
}

/// Stores a checked PDF as the dossier's CV or portfolio, while editable.
pub async fn attach(
    db: &DatabaseConnection,
    origin: &Origin,
    data_dir: &Path,
    id: i64,
    kind: &'static str,
    original_name: &str,
    bytes: &[u8],
) -> Result<(), AppError> {
    attachments::store(
        db,
        origin,
        data_dir,
        slot(id, kind),
        original_name,
        bytes,
        async move |txn| {
            let editable = ApplicationState::ALL
                .into_iter()
                .filter(|s| s.applicant_may_edit())
                .map(ApplicationState::code)
                .collect();
            let locked = guarded::lock_in_state::<application::Entity, _>(
                txn,
                (application::Column::Id, id),
                (application::Column::State, editable),
                application::Column::UpdatedAt,
            )
            .await?;
            if locked {
                Ok(())
            } else {
                Err(AppError::Refused(Msg::ApplicationNotEditable))
            }
        },
    )
    .await
}

pub async fn attachment_file<C: ConnectionTrait>(
    db: &C,
    data_dir: &Path,
    id: i64,
    kind: &str,
) -> Result<(PathBuf, String), AppError> {
    attachments::file(db, data_dir, slot(id, kind)).await
}

/// Promotions whose call for applications is open now, by closing time.
pub async fn open_calls<C: ConnectionTrait>(db: &C) -> Result<Vec<promotion::Model>, AppError> {
    let now = Utc::now();
    Ok(promotion::Entity::find()
        .filter(promotion::Column::ApplicationsOpenAt.lte(now))
        .filter(promotion::Column::ApplicationsCloseAt.gt(now))
        .order_by_asc(promotion::Column::ApplicationsCloseAt)
        .all(db)
        .await?)
}

/// How long before the deadline applicants with a draft are reminded.
pub const REMINDER_HOURS: i64 = 48;

/// Reminds, once, every applicant whose dossier is still a draft when their
/// deadline is less than 48 hours away. Each reminder is queued with its
/// audit entry in one transaction; returns how many were sent.
pub async fn remind_drafts(state: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    let soon = now + chrono::Duration::hours(REMINDER_HOURS);
    // Calls closing soon, and calls already closed where some applicants
    // hold a later personal deadline.
    let promotions = promotion::Entity::find()
        .filter(promotion::Column::ApplicationsCloseAt.lte(soon))
        .filter(promotion::Column::ApplicationsOpenAt.lte(now))
        .all(&state.db)
        .await?;
    let mut sent = 0;
    let system = Origin::default();
    for p in promotions {
        let drafts = application::Entity::find()
            .filter(application::Column::PromotionId.eq(p.id))
            .filter(application::Column::State.eq(ApplicationState::Draft.code()))
            .filter(application::Column::RemindedAt.is_null())
            .filter(application::Column::UserId.is_not_null())
            .all(&state.db)
            .await?;
        for a in drafts {
            let deadline = rules::deadline(p.applications_close_at, a.personal_deadline);
            if deadline > soon || deadline <= now {
                continue;
            }
            let txn = Txn::with_outbox(state, &system).await?;
            // Claimed once, even with several processes.
            let claimed = application::Entity::update_many()
                .col_expr(
                    application::Column::RemindedAt,
                    sea_orm::sea_query::Expr::value(now),
                )
                .filter(application::Column::Id.eq(a.id))
                .filter(application::Column::RemindedAt.is_null())
                .filter(application::Column::State.eq(ApplicationState::Draft.code()))
                .exec(&txn)
                .await?;
            if claimed.rows_affected != 1 {
                continue;
            }
            let locale = owner_locale(&txn, &a).await?.unwrap_or_default();
            txn.queue(
                MailTemplate::ApplicationReminder,
                locale,
                &a.email,
                json!({
                    "name": format!("{} {}", a.first_name, a.last_name).trim(),
                    "promotion": p.name,
                    "deadline": paris_display(deadline),
                    "link": state.link(&format!("/candidature/{}", a.id)),
                }),
            )
            .await?;
            txn.audit(
                AuditAction::ApplicationReminded,
                Some(Target::Application(a.id)),
                json!({ "deadline": deadline }),
            )
            .await?;
            txn.commit().await?;
            sent += 1;
        }
    }
    Ok(sent)
}
