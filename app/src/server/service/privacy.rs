//! Personal data: a person downloads everything Cohorte holds about them
//! (one ZIP: a JSON file and their attachments), deletes their account
//! (drafts erased, submitted dossiers anonymised and kept only for the
//! promotion's retention period), and a daily job purges what has expired.

use super::applications::{CV, PORTFOLIO, state_of};
use super::audit::{AuditAction, Target};
use super::download::{Download, DownloadBody};
use super::txn::Txn;
use super::{Origin, accounts, attachments, tokens, users};
use crate::domain::application::ApplicationState;
use crate::model::AppError;
use crate::server::AppState;
use crate::server::db::{
    application, application_choice, application_event, attachment, defi, promotion, role_grant,
    user,
};
use crate::server::policy::{Action, Actor, require};
use chrono::{DateTime, Months, NaiveTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};
use serde_json::json;
use std::path::Path;

/// When the dossiers of a promotion expire: the end of the programme
/// (start + duration) plus the retention period.
pub fn expiry(p: &promotion::Model) -> DateTime<Utc> {
    let end = p
        .start_date
        .checked_add_months(Months::new(p.duration_months.max(0) as u32))
        .unwrap_or(p.start_date);
    let until = end
        .checked_add_months(Months::new(p.retention_months.max(0) as u32))
        .unwrap_or(end);
    until.and_time(NaiveTime::MIN).and_utc()
}

async fn files_of<C: ConnectionTrait>(
    db: &C,
    application_id: i64,
) -> Result<Vec<attachment::Model>, AppError> {
    Ok(attachment::Entity::find()
        .filter(attachment::Column::OwnerType.eq("application"))
        .filter(attachment::Column::OwnerId.eq(application_id))
        .all(db)
        .await?)
}

/// The signed-in person's own data, as a download (`/espace/mes-donnees.zip`).
pub async fn my_data(app: &AppState, actor: &Actor, origin: &Origin) -> Result<Download, AppError> {
    // Refused means signed out: the way to sign in, never "not found".
    require(actor, Action::ExportOwnData).map_err(|_| AppError::Forbidden)?;
    let me = actor.viewer().ok_or(AppError::Forbidden)?.id;
    let bytes = export(&app.db, origin, &app.settings.data_dir, me).await?;
    Ok(Download::zip(
        "mes-donnees-cohorte.zip".to_owned(),
        DownloadBody::Bytes(bytes),
    ))
}

/// Everything about `user_id`, as a ZIP: `donnees.json` and the files.
pub async fn export(
    db: &DatabaseConnection,
    origin: &Origin,
    data_dir: &Path,
    user_id: i64,
) -> Result<Vec<u8>, AppError> {
    use std::io::Write;
    let u = users::by_id(db, user_id).await?.ok_or(AppError::NotFound)?;
    let roles: Vec<String> = users::roles_of(db, user_id)
        .await?
        .into_iter()
        .map(|r| {
            format!(
                "{}{}",
                r.code(),
                r.scope().map(|s| format!(":{s}")).unwrap_or_default()
            )
        })
        .collect();
    let mut dossiers = Vec::new();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for a in application::Entity::find()
        .filter(application::Column::UserId.eq(user_id))
        .order_by_asc(application::Column::Id)
        .all(db)
        .await?
    {
        let ranked = application_choice::Entity::find()
            .filter(application_choice::Column::ApplicationId.eq(a.id))
            .order_by_asc(application_choice::Column::Rank)
            .all(db)
            .await?;
        // Each chosen défi by its title, as the person chose it (the id
        // alone says nothing to them).
        let ids = ranked.iter().map(|c| c.defi_id).collect();
        let titles = super::by_ids::<defi::Entity, _>(db, defi::Column::Id, ids, |d| d.id).await?;
        let choices: Vec<serde_json::Value> = ranked
            .into_iter()
            .map(|c| {
                let title = titles.get(&c.defi_id).map(|d| d.title.as_str());
                json!({ "rank": c.rank, "defi": c.defi_id, "title": title })
            })
            .collect();
        let events: Vec<serde_json::Value> = application_event::Entity::find()
            .filter(application_event::Column::ApplicationId.eq(a.id))
            .order_by_asc(application_event::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|e| json!({ "kind": e.kind, "message": e.message, "at": e.at }))
            .collect();
        for f in files_of(db, a.id).await? {
            let path = attachments::files_dir(data_dir).join(&f.stored_name);
            if let Ok(bytes) = tokio::fs::read(&path).await {
                files.push((
                    format!("candidature-{}/{}-{}", a.id, f.kind, f.original_name),
                    bytes,
                ));
            }
        }
        let formation = super::formation::personal_data(db, &a).await?;
        dossiers.push(json!({
            "id": a.id, "promotion": a.promotion_id, "state": a.state,
            "civility": a.civility, "first_name": a.first_name, "last_name": a.last_name,
            "email": a.email, "phone": a.phone, "profile": a.profile, "experience": a.experience,
            "skills": a.skills, "experience_text": a.experience_text, "motivation": a.motivation,
            "portfolio_url": a.portfolio_url, "code_url": a.code_url, "mobility": a.mobility,
            "remote": a.remote, "support_role": a.support_role,
            "declarations": { "not_civil_servant": a.decl_civil_servant, "not_student": a.decl_student, "not_jury": a.decl_jury },
            "consent": a.consent, "personal_deadline": a.personal_deadline,
            "created_at": a.created_at, "updated_at": a.updated_at, "submitted_at": a.submitted_at,
            "choices": choices, "history": events,
            "team_formation": formation,
        }));
    }
    let defis: Vec<serde_json::Value> = defi::Entity::find()
        .filter(defi::Column::CreatedBy.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|d| json!({ "id": d.id, "title": d.title, "state": d.state, "created_at": d.created_at }))
        .collect();
    let data = json!({
        "account": {
            "id": u.id, "email": u.email, "name": u.name, "language": u.locale,
            "email_verified_at": u.email_verified_at, "created_at": u.created_at, "roles": roles,
        },
        "applications": dossiers,
        "defis_created": defis,
        "ten_months": super::milestones::personal_data(db, user_id).await?,
    });
    let fail = |e: zip::result::ZipError| {
        tracing::error!(error = %e, "writing a data export");
        AppError::Unexpected
    };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("donnees.json", options).map_err(fail)?;
    zip.write_all(
        serde_json::to_string_pretty(&data)
            .unwrap_or_default()
            .as_bytes(),
    )
    .map_err(|_| AppError::Unexpected)?;
    for (name, bytes) in files {
        zip.start_file(name, options).map_err(fail)?;
        zip.write_all(&bytes).map_err(|_| AppError::Unexpected)?;
    }
    let bytes = zip.finish().map_err(fail)?.into_inner();
    let txn = Txn::begin(db, origin).await?;
    txn.finish(
        AuditAction::AccountDataExported,
        Target::User(user_id),
        json!({ "bytes": bytes.len() }),
    )
    .await?;
    Ok(bytes)
}

/// Removes a dossier's rows and returns its files' stored names (removed
/// from disk by the caller after commit).
async fn erase_dossier<C: ConnectionTrait>(db: &C, id: i64) -> Result<Vec<String>, AppError> {
    let files = files_of(db, id).await?;
    attachment::Entity::delete_many()
        .filter(attachment::Column::OwnerType.eq("application"))
        .filter(attachment::Column::OwnerId.eq(id))
        .exec(db)
        .await?;
    application_choice::Entity::delete_many()
        .filter(application_choice::Column::ApplicationId.eq(id))
        .exec(db)
        .await?;
    application_event::Entity::delete_many()
        .filter(application_event::Column::ApplicationId.eq(id))
        .exec(db)
        .await?;
    // What jurors wrote about the person, and who was to read them.
    super::review::forget_dossier(db, id).await?;
    application::Entity::delete_by_id(id).exec(db).await?;
    Ok(files.into_iter().map(|f| f.stored_name).collect())
}

async fn remove_files(data_dir: &Path, names: Vec<String>) {
    for n in names {
        let _ = tokio::fs::remove_file(attachments::files_dir(data_dir).join(n)).await;
    }
}

/// Deletes the account: drafts and their files are erased; submitted
/// dossiers lose everything that identifies the person (names, contact,
/// links, free texts, files) and keep what the programme's statistics need
/// until their promotion's retention ends. Sessions, tokens and roles go.
pub async fn delete_account(
    state: &crate::server::AppState,
    origin: &Origin,
    data_dir: &Path,
    user_id: i64,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let u = users::by_id(&txn, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut gone_files = Vec::new();
    let (mut erased, mut anonymised) = (0, 0);
    for a in application::Entity::find()
        .filter(application::Column::UserId.eq(user_id))
        .all(&txn)
        .await?
    {
        if state_of(&a)? == ApplicationState::Draft {
            gone_files.extend(erase_dossier(&txn, a.id).await?);
            erased += 1;
            continue;
        }
        // Once offers are out, the person leaves them: their seats go on.
        // Only the database failing stops the deletion.
        let left = crate::server::service::formation::offers::left(
            &txn,
            state,
            a.promotion_id,
            a.id,
            Utc::now(),
        )
        .await;
        match left {
            Ok(()) => {}
            Err(AppError::Refused(_) | AppError::Unexpected | AppError::NotFound) => {
                tracing::error!(
                    application = a.id,
                    "leaving the offers on account deletion failed"
                );
            }
            Err(e) => return Err(e),
        }
        gone_files.extend(
            files_of(&txn, a.id)
                .await?
                .into_iter()
                .map(|f| f.stored_name),
        );
        attachment::Entity::delete_many()
            .filter(attachment::Column::OwnerType.eq("application"))
            .filter(attachment::Column::OwnerId.eq(a.id))
            .filter(attachment::Column::Kind.is_in([CV, PORTFOLIO]))
            .exec(&txn)
            .await?;
        let mut row: application::ActiveModel = a.into();
        row.user_id = Set(None);
        for col in [
            &mut row.civility,
            &mut row.first_name,
            &mut row.last_name,
            &mut row.email,
            &mut row.phone,
            &mut row.skills,
            &mut row.experience_text,
            &mut row.motivation,
            &mut row.portfolio_url,
            &mut row.code_url,
            &mut row.mobility,
        ] {
            *col = Set(String::new());
        }
        row.anonymised_at = Set(Some(Utc::now()));
        row.update(&txn).await?;
        anonymised += 1;
    }
    accounts::end_sessions(&txn, user_id).await?;
    tokens::spend_all(&txn, user_id).await?;
    super::outbox::forget_failed_to(&txn, &u.email).await?;
    role_grant::Entity::delete_many()
        .filter(role_grant::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    user::Entity::delete_by_id(user_id).exec(&txn).await?;
    txn.finish(AuditAction::AccountDeleted, Target::User(user_id), json!({ "drafts_erased": erased, "dossiers_anonymised": anonymised, "had_email_domain": u.email.rsplit('@').next() }))
        .await?;
    super::catalogue::applications_changed();
    remove_files(data_dir, gone_files).await;
    Ok(())
}

/// Erases every dossier of the promotions whose retention has ended (see
/// `expiry`) and that a coordinator has closed, unless a change of dates
/// moved the purge into the past today (`retention::purge_allowed`), with
/// their files; audited per promotion. Returns how many.
pub async fn purge_expired(
    db: &DatabaseConnection,
    data_dir: &Path,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let mut total = 0;
    let system = Origin::default();
    for p in promotion::Entity::find().all(db).await? {
        if !super::retention::purge_allowed(&p, now) {
            continue;
        }
        let txn = Txn::begin(db, &system).await?;
        // Checked again on the row taken for this transaction: a date or
        // a reopening changed meanwhile wins over the erasure.
        super::hearings::grids::lock_promotion(&txn, p.id).await?;
        let Some(p) = promotion::Entity::find_by_id(p.id).one(&txn).await? else {
            continue;
        };
        if !super::retention::purge_allowed(&p, now) {
            continue;
        }
        let ids: Vec<i64> = application::Entity::find()
            .filter(application::Column::PromotionId.eq(p.id))
            .all(&txn)
            .await?
            .into_iter()
            .map(|a| a.id)
            .collect();
        if ids.is_empty() {
            continue;
        }
        let mut files = super::formation::forget_promotion(&txn, p.id).await?;
        for id in &ids {
            files.extend(erase_dossier(&txn, *id).await?);
        }
        txn.finish(AuditAction::ApplicationsPurged, Target::Promotion(p.id), json!({ "dossiers": ids.len(), "expired_at": expiry(&p), "retention_months": p.retention_months }))
            .await?;
        super::catalogue::applications_changed();
        super::catalogue::changed();
        remove_files(data_dir, files).await;
        total += ids.len();
    }
    Ok(total)
}

/// Coordinators set how long a promotion's dossiers are kept after its end.
pub async fn set_retention(
    db: &DatabaseConnection,
    origin: &Origin,
    promotion_id: i64,
    months: u32,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let p = crate::server::service::row::<promotion::Entity, _>(&txn, promotion_id).await?;
    let before = p.retention_months;
    let old = p.clone();
    let mut row: promotion::ActiveModel = p.into();
    row.retention_months = Set(months as i32);
    row.updated_at = Set(Utc::now());
    let updated = row.update(&txn).await?;
    super::retention::apply_guard(&txn, origin, &old, updated).await?;
    txn.finish(
        AuditAction::PromotionRetentionSet,
        Target::Promotion(promotion_id),
        json!({ "before": before, "after": months }),
    )
    .await?;
    super::catalogue::changed();
    Ok(())
}

/// What the personal-data page tells a person about their dossiers: each
/// promotion's name and the date its dossiers are erased.
pub async fn retention_of<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
) -> Result<Vec<(String, DateTime<Utc>)>, AppError> {
    let mut out = Vec::new();
    for a in application::Entity::find()
        .filter(application::Column::UserId.eq(user_id))
        .all(db)
        .await?
    {
        if let Some(p) = promotion::Entity::find_by_id(a.promotion_id)
            .one(db)
            .await?
        {
            out.push((p.name.clone(), expiry(&p)));
        }
    }
    Ok(out)
}
