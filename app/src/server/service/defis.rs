//! Défi dossiers: drafts and their autosave, the pitch deck, submission
//! before the deadline, coordinators' decisions (one by one or in batch)
//! with their messages, publishing, and the public catalogue.

use super::audit::{AuditAction, Target};
use super::txn::Txn;
use super::{Origin, accounts::locale_of, attachments, organisations, promotions};
use crate::domain::defi::{self as rules, Decision, DefiState, personalise};
use crate::domain::defi_form::{DefiForm, SlotForm};
use crate::domain::organisation::OrgKind;
use crate::domain::profile::ProfileCode;
use crate::domain::promotion::paris_display;
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::defi::{
    AttachmentView, BatchLine, DefiDossier, DefiEventView, DefiFilter, DefiList, DefiRow,
    DefiSheet, SlotView,
};
use crate::server::AppState;
use crate::server::db::{
    attachment, declared, defi, defi_event, defi_slot, guarded, organisation, promotion,
};
use crate::server::mail::MailTemplate;
use crate::server::policy::{self, Action, Actor};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};
use serde_json::json;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const PITCH_DECK: &str = "pitch_deck";

/// What the policy needs to know about a défi before anything else.
#[derive(Clone, Copy, Debug)]
pub struct Access {
    pub organisation: i64,
    pub state: DefiState,
    pub published: bool,
}

/// The state stored in the row. An unknown code is an error, never a
/// guess: guessing "draft" would reopen a dossier for editing.
fn state_of(m: &defi::Model) -> Result<DefiState, AppError> {
    DefiState::from_code(&m.state).ok_or_else(|| {
        tracing::error!(defi = m.id, state = %m.state, "unknown défi state in the database");
        AppError::Unexpected
    })
}

pub async fn access<C: ConnectionTrait>(db: &C, id: i64) -> Result<Access, AppError> {
    let d = find(db, id).await?;
    Ok(Access {
        organisation: d.organisation_id,
        state: state_of(&d)?,
        published: d.published_at.is_some(),
    })
}

async fn find<C: ConnectionTrait>(db: &C, id: i64) -> Result<defi::Model, AppError> {
    defi::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

async fn slots_of<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<Vec<defi_slot::Model>, AppError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(defi_slot::Entity::find()
        .filter(defi_slot::Column::DefiId.is_in(ids.to_vec()))
        .order_by_asc(defi_slot::Column::DefiId)
        .order_by_asc(defi_slot::Column::Position)
        .all(db)
        .await?)
}

/// The dossier as saved: its declared fields from its row, its slots.
fn form_of(d: &defi::Model, slots: &[defi_slot::Model]) -> Result<DefiForm, AppError> {
    let mut form: DefiForm = declared::read(d)?;
    for s in slots.iter().filter(|s| s.defi_id == d.id) {
        if let Some(row) = form.slots.get_mut((s.position as usize).wrapping_sub(1)) {
            *row = SlotForm {
                profile: s.profile.clone(),
                mission: s.mission.clone(),
                mandatory: s.mandatory,
            };
        }
    }
    Ok(form)
}

fn used_profiles(slots: &[defi_slot::Model], id: i64) -> Vec<ProfileCode> {
    slots
        .iter()
        .filter(|s| s.defi_id == id && !s.profile.is_empty())
        .filter_map(|s| ProfileCode::parse(&s.profile).ok())
        .collect()
}

async fn promotion_of<C: ConnectionTrait>(db: &C, id: i64) -> Result<promotion::Model, AppError> {
    promotion::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Starts an empty draft for `organisation` in `promotion`, while its call
/// for défis is open.
pub async fn create(
    db: &DatabaseConnection,
    origin: &Origin,
    promotion_id: i64,
    organisation_id: i64,
) -> Result<i64, AppError> {
    let txn = Txn::begin(db, origin).await?;
    let p = promotion_of(&txn, promotion_id).await?;
    organisations::find(&txn, organisation_id).await?;
    rules::may_start(Utc::now(), p.defis_open_at, p.defis_close_at).map_err(AppError::Refused)?;
    let now = Utc::now();
    let d = defi::ActiveModel {
        promotion_id: Set(promotion_id),
        organisation_id: Set(organisation_id),
        state: Set(DefiState::Draft.code().to_owned()),
        version: Set(1),
        created_by: Set(origin.actor_id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.audit(
        AuditAction::DefiCreated,
        Some(Target::Defi(d.id)),
        json!({ "promotion": promotion_id, "organisation": organisation_id }),
    )
    .await?;
    txn.commit().await?;
    Ok(d.id)
}

/// The promotion's profiles, to parse a draft against.
pub async fn profiles_for<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<Vec<ProfileCode>, AppError> {
    let d = find(db, id).await?;
    Ok(promotions::profiles_of(
        &promotion_of(db, d.promotion_id).await?,
    ))
}

/// Writes `row` (which bumps the version) only if the défi still has the
/// version `read` when it was loaded. SQLite serialises writers, but
/// PostgreSQL's READ COMMITTED lets two requests read the same row: the
/// second writer is told of the conflict instead of overwriting the first.
/// Writes `row` as the next version if it is still at `read`.
async fn guarded<C: ConnectionTrait>(
    db: &C,
    row: defi::ActiveModel,
    read: i32,
) -> Result<(), AppError> {
    guarded::update_versioned(db, row, defi::Column::Version, read).await
}

/// Replaces the défi's slot rows (all three rows are kept, even empty, so
/// that nothing typed is lost).
async fn write_slots<C: ConnectionTrait>(db: &C, id: i64, form: &DefiForm) -> Result<(), AppError> {
    defi_slot::Entity::delete_many()
        .filter(defi_slot::Column::DefiId.eq(id))
        .exec(db)
        .await?;
    for (i, s) in form.slots.iter().enumerate() {
        defi_slot::ActiveModel {
            defi_id: Set(id),
            position: Set(i as i32 + 1),
            profile: Set(s.profile.clone()),
            mission: Set(s.mission.clone()),
            mandatory: Set(s.mandatory),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// What a save answers: the new version and when it was saved.
#[derive(Clone, Copy, Debug)]
pub struct Saved {
    pub version: i32,
    pub at: DateTime<Utc>,
}

/// Saves a draft (already checked by `DefiForm::parse_draft`). `expected`
/// is the version the editor started from: a save over someone else's newer
/// save is a conflict, never a silent overwrite.
pub async fn save(
    db: &DatabaseConnection,
    origin: &Origin,
    id: i64,
    form: &DefiForm,
    expected: Option<i32>,
) -> Result<Saved, AppError> {
    let txn = Txn::begin(db, origin).await?;
    let current = find(&txn, id).await?;
    if !state_of(&current)?.host_may_edit() {
        return Err(AppError::Refused(Msg::DefiNotEditable));
    }
    if expected.is_some_and(|v| v != current.version) {
        return Err(AppError::Conflict);
    }
    let read = current.version;
    let version = read + 1;
    let now = Utc::now();
    let mut row: defi::ActiveModel = current.into();
    declared::write(&mut row, form)?;
    row.updated_at = Set(now);
    guarded(&txn, row, read).await?;
    write_slots(&txn, id, form).await?;
    txn.audit(
        AuditAction::DefiSaved,
        Some(Target::Defi(id)),
        json!({ "version": version }),
    )
    .await?;
    txn.commit().await?;
    super::catalogue::changed();
    Ok(Saved { version, at: now })
}

/// Queues `template` to every member of the défi's organisation.
async fn tell_members(
    db: &Txn<'_>,
    d: &defi::Model,
    template: MailTemplate,
    vars: impl Fn(crate::i18n::Locale, &str) -> serde_json::Value,
) -> Result<Vec<String>, AppError> {
    let mut sent = Vec::new();
    for (u, _) in organisations::members(db, d.organisation_id).await? {
        db.queue(
            template,
            locale_of(&u),
            &u.email,
            vars(locale_of(&u), &u.name),
        )
        .await?;
        sent.push(u.email);
    }
    Ok(sent)
}

/// Submits the dossier: complete, and before the call closes (server time)
/// unless it answers a request for information.
pub async fn submit(state: &AppState, origin: &Origin, id: i64) -> Result<DateTime<Utc>, AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let d = find(&txn, id).await?;
    let p = promotion_of(&txn, d.promotion_id).await?;
    let slots = slots_of(&txn, &[id]).await?;
    let form = form_of(&d, &slots)?;
    let now = Utc::now();
    let to = rules::submit(state_of(&d)?, now, p.defis_open_at, p.defis_close_at)
        .map_err(AppError::Refused)?;
    let checked = form
        .parse_draft(&promotions::profiles_of(&p))
        .and_then(|f| f.check_complete(p.team_min.max(0) as u32, p.team_max.max(0) as u32));
    checked.map_err(AppError::fields)?;
    let org = organisations::find(&txn, d.organisation_id).await?;
    let mut row: defi::ActiveModel = d.clone().into();
    row.state = Set(to.code().to_owned());
    row.submitted_at = Set(Some(now));
    row.updated_at = Set(now);
    guarded(&txn, row, d.version).await?;
    event(&txn, origin, id, "submitted", "").await?;
    let link = state.link(&format!("/organisation/defis/{id}"));
    let recipients = tell_members(&txn, &d, MailTemplate::DefiSubmitted, |_, name| {
        json!({
            "name": name,
            "title": d.title,
            "organisation": org.name,
            "promotion": p.name,
            "submitted_at": paris_display(now),
            "link": link,
        })
    })
    .await?;
    txn.audit(AuditAction::DefiSubmitted, Some(Target::Defi(id)), json!({ "at": now, "answer": to != state_of(&d)? && state_of(&d)? == DefiState::InfoRequested, "notified": recipients })).await?;
    txn.commit().await?;
    super::catalogue::changed();
    Ok(now)
}

async fn event<C: ConnectionTrait>(
    db: &C,
    origin: &Origin,
    id: i64,
    kind: &str,
    message: &str,
) -> Result<(), AppError> {
    defi_event::ActiveModel {
        defi_id: Set(id),
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

/// One decision inside the caller's transaction; the message is
/// personalised for the défi.
async fn decide_in(
    state: &AppState,
    txn: &Txn<'_>,
    origin: &Origin,
    d: defi::Model,
    decision: Decision,
    message: &str,
) -> Result<(), AppError> {
    let to = decision.apply(state_of(&d)?).map_err(AppError::Refused)?;
    let org = organisations::find(txn, d.organisation_id).await?;
    let message = personalise(message, &d.title, &org.name);
    let id = d.id;
    let now = Utc::now();
    let mut row: defi::ActiveModel = d.clone().into();
    row.state = Set(to.code().to_owned());
    row.decided_at = Set(Some(now));
    row.updated_at = Set(now);
    if to == DefiState::Withdrawn {
        row.published_at = Set(None);
    }
    guarded(txn, row, d.version).await?;
    event(txn, origin, id, decision.code(), &message).await?;
    let link = state.link(&format!("/organisation/defis/{id}"));
    let recipients = tell_members(txn, &d, MailTemplate::DefiDecision, |locale, name| {
        json!({
            "name": name,
            "title": d.title,
            "organisation": org.name,
            "state": locale.t(to.label()),
            "message": message,
            "link": link,
        })
    })
    .await?;
    txn.audit(AuditAction::DefiDecided, Some(Target::Defi(id)), json!({ "decision": decision.code(), "from": d.state, "to": to.code(), "notified": recipients })).await?;
    Ok(())
}

pub async fn decide(
    state: &AppState,
    origin: &Origin,
    id: i64,
    decision: Decision,
    message: &str,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let d = find(&txn, id).await?;
    if !state_of(&d)?.visible_to_coordinators() {
        return Err(AppError::NotFound);
    }
    decide_in(state, &txn, origin, d, decision, message).await?;
    txn.commit().await?;
    super::catalogue::changed();
    Ok(())
}

/// Who would receive what, before anything is sent.
pub async fn preview_batch<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
    decision: Decision,
    message: &str,
) -> Result<Vec<BatchLine>, AppError> {
    let mut lines = Vec::new();
    for &id in ids {
        let d = match find(db, id).await {
            Ok(d) => d,
            Err(AppError::NotFound) => continue,
            Err(e) => return Err(e),
        };
        if !state_of(&d)?.visible_to_coordinators() {
            continue;
        }
        let org = organisations::find(db, d.organisation_id).await?;
        let recipients = organisations::members(db, d.organisation_id)
            .await?
            .into_iter()
            .map(|(u, _)| u.email)
            .collect();
        lines.push(BatchLine {
            defi_id: id,
            message: personalise(message, &d.title, &org.name),
            refused: decision.apply(state_of(&d)?).err(),
            title: d.title,
            organisation: org.name,
            recipients,
        });
    }
    Ok(lines)
}

/// Applies `decision` to every défi it fits, in one transaction; the others
/// are left as they are (the preview said so). Returns how many changed.
pub async fn decide_batch(
    state: &AppState,
    origin: &Origin,
    ids: &[i64],
    decision: Decision,
    message: &str,
) -> Result<usize, AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let mut done = 0;
    for &id in ids {
        let d = match find(&txn, id).await {
            Ok(row) => row,
            Err(AppError::NotFound) => continue,
            Err(e) => return Err(e),
        };
        if !state_of(&d)?.visible_to_coordinators() || decision.apply(state_of(&d)?).is_err() {
            continue;
        }
        decide_in(state, &txn, origin, d, decision, message).await?;
        done += 1;
    }
    txn.audit(
        AuditAction::DefiBatchDecided,
        None,
        json!({ "decision": decision.code(), "asked": ids, "changed": done }),
    )
    .await?;
    txn.commit().await?;
    super::catalogue::changed();
    Ok(done)
}

/// Publishes the public sheets of the selected défis among `ids`; returns how
/// many were published.
pub async fn publish(state: &AppState, origin: &Origin, ids: &[i64]) -> Result<usize, AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let mut done = 0;
    for &id in ids {
        let d = match find(&txn, id).await {
            Ok(row) => row,
            Err(AppError::NotFound) => continue,
            Err(e) => return Err(e),
        };
        if rules::may_publish(state_of(&d)?, d.published_at.is_some()).is_err() {
            continue;
        }
        let now = Utc::now();
        let mut row: defi::ActiveModel = d.clone().into();
        row.published_at = Set(Some(now));
        row.updated_at = Set(now);
        guarded(&txn, row, d.version).await?;
        event(&txn, origin, id, "published", "").await?;
        let org = organisations::find(&txn, d.organisation_id).await?;
        let link = state.link(&format!("/defis/{id}"));
        tell_members(&txn, &d, MailTemplate::DefiDecision, |locale, name| {
            json!({
                "name": name,
                "title": d.title,
                "organisation": org.name,
                "state": locale.t(Msg::DefiPublishedState),
                "message": locale.t(Msg::DefiPublishedMessage),
                "link": link,
            })
        })
        .await?;
        txn.audit(
            AuditAction::DefiPublished,
            Some(Target::Defi(id)),
            json!({ "at": now }),
        )
        .await?;
        done += 1;
    }
    txn.commit().await?;
    super::catalogue::changed();
    Ok(done)
}

/// The whole dossier, with what `actor` may do to it.
pub async fn dossier<C: ConnectionTrait>(
    db: &C,
    id: i64,
    actor: &Actor,
) -> Result<DefiDossier, AppError> {
    let d = find(db, id).await?;
    let p = promotion_of(db, d.promotion_id).await?;
    let org = organisations::find(db, d.organisation_id).await?;
    let slots = slots_of(db, &[id]).await?;
    let st = state_of(&d)?;
    let events = defi_event::Entity::find()
        .filter(defi_event::Column::DefiId.eq(id))
        .order_by_desc(defi_event::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|e| DefiEventView {
            kind: e.kind,
            message: e.message,
            at: e.at,
        })
        .collect();
    let deck = pitch_deck(db, id).await?.map(|a| AttachmentView {
        name: a.original_name,
        size: a.size,
        uploaded_at: a.created_at,
    });
    let coordinator = policy::allows(actor, Action::DecideDefis);
    let org_view = organisations::view(&org);
    Ok(DefiDossier {
        id,
        promotion_id: p.id,
        promotion_name: p.name.clone(),
        profiles: promotions::profiles_of(&p),
        team_min: p.team_min.max(0) as u32,
        team_max: p.team_max.max(0) as u32,
        call_close: p.defis_close_at,
        organisation_id: org.id,
        organisation: org_view.name,
        organisation_kind: org_view.kind,
        city: org_view.city,
        state: st,
        form: form_of(&d, &slots)?,
        version: d.version,
        published: d.published_at.is_some(),
        submitted_at: d.submitted_at,
        updated_at: d.updated_at,
        pitch_deck: deck,
        events,
        may_edit: policy::allows(
            actor,
            Action::EditDefi {
                organisation: d.organisation_id,
                state: st,
            },
        ),
        decisions: if coordinator {
            st.decisions()
        } else {
            Vec::new()
        },
        may_publish: policy::allows(actor, Action::PublishDefis)
            && rules::may_publish(st, d.published_at.is_some()).is_ok(),
    })
}

async fn rows<C: ConnectionTrait>(
    db: &C,
    found: Vec<defi::Model>,
) -> Result<Vec<DefiRow>, AppError> {
    let ids: Vec<i64> = found.iter().map(|d| d.id).collect();
    let slots = slots_of(db, &ids).await?;
    let orgs: HashMap<i64, organisation::Model> = organisation::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let promos: HashMap<i64, String> = promotion::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    found
        .into_iter()
        .map(|d| {
            let org = orgs.get(&d.organisation_id);
            Ok(DefiRow {
                id: d.id,
                profiles: used_profiles(&slots, d.id),
                organisation: org.map(|o| o.name.clone()).unwrap_or_default(),
                organisation_kind: org
                    .and_then(|o| OrgKind::from_code(&o.kind))
                    .unwrap_or(OrgKind::Other),
                city: org.map(|o| o.city.clone()).unwrap_or_default(),
                promotion_name: promos.get(&d.promotion_id).cloned().unwrap_or_default(),
                promotion_id: d.promotion_id,
                state: state_of(&d)?,
                published: d.published_at.is_some(),
                submitted_at: d.submitted_at,
                title: d.title,
            })
        })
        .collect()
}

/// The organisation's défis; drafts only when `with_drafts` (its members).
pub async fn rows_of_organisation<C: ConnectionTrait>(
    db: &C,
    org: i64,
    with_drafts: bool,
) -> Result<Vec<DefiRow>, AppError> {
    let mut q = defi::Entity::find().filter(defi::Column::OrganisationId.eq(org));
    if !with_drafts {
        q = q.filter(defi::Column::State.ne(DefiState::Draft.code()));
    }
    let found = q.order_by_desc(defi::Column::Id).all(db).await?;
    rows(db, found).await
}

/// The coordinators' list of a promotion (drafts are the hosts' own).
pub async fn list<C: ConnectionTrait>(
    db: &C,
    promotion_id: i64,
    filter: &DefiFilter,
) -> Result<DefiList, AppError> {
    let p = promotion_of(db, promotion_id).await?;
    let found = defi::Entity::find()
        .filter(defi::Column::PromotionId.eq(promotion_id))
        .filter(defi::Column::State.ne(DefiState::Draft.code()))
        .order_by_asc(defi::Column::Title)
        .order_by_asc(defi::Column::Id)
        .all(db)
        .await?;
    let all = rows(db, found).await?;
    let counts = DefiState::ALL
        .into_iter()
        .filter(|s| s.visible_to_coordinators())
        .map(|s| (s, all.iter().filter(|r| r.state == s).count() as u64))
        .collect();
    let rows = all
        .into_iter()
        .filter(|r| filter.state.is_none_or(|s| r.state == s))
        .filter(|r| filter.kind.is_none_or(|k| r.organisation_kind == k))
        .filter(|r| {
            filter
                .profile
                .as_deref()
                .is_none_or(|p| r.profiles.iter().any(|c| c.as_str() == p))
        })
        .collect();
    Ok(DefiList {
        promotion_id,
        promotion_name: p.name.clone(),
        profiles: promotions::profiles_of(&p),
        rows,
        counts,
    })
}

fn sheet_of(
    d: defi::Model,
    slots: &[defi_slot::Model],
    orgs: &HashMap<i64, organisation::Model>,
    promos: &HashMap<i64, String>,
) -> DefiSheet {
    let org = orgs.get(&d.organisation_id);
    DefiSheet {
        id: d.id,
        organisation: org.map(|o| o.name.clone()).unwrap_or_default(),
        organisation_kind: org
            .and_then(|o| OrgKind::from_code(&o.kind))
            .unwrap_or(OrgKind::Other),
        city: org.map(|o| o.city.clone()).unwrap_or_default(),
        promotion_name: promos.get(&d.promotion_id).cloned().unwrap_or_default(),
        promotion_id: d.promotion_id,
        slots: slots
            .iter()
            .filter(|s| s.defi_id == d.id && !s.profile.is_empty())
            .filter_map(|s| {
                Some(SlotView {
                    profile: ProfileCode::parse(&s.profile).ok()?,
                    mission: s.mission.clone(),
                    mandatory: s.mandatory,
                })
            })
            .collect(),
        title: d.title,
        summary: d.summary,
    }
}

/// Published sheets, filtered by promotion and profile, by title, read
/// from the database (inside a transaction that checks choices against
/// them); pages read them from the cached catalogue.
pub async fn catalogue<C: ConnectionTrait>(
    db: &C,
    promotion_id: Option<i64>,
    profile: Option<&str>,
) -> Result<Vec<DefiSheet>, AppError> {
    let mut promos = promotion::Entity::find();
    if let Some(p) = promotion_id {
        promos = promos.filter(promotion::Column::Id.eq(p));
    }
    let promos = promos.all(db).await?;
    Ok(published_sheets(db, &promos, promotion_id)
        .await?
        .into_iter()
        .filter(|s| s.seeks(profile))
        .collect())
}

/// The published sheets of a promotion (or all), by title then id (three
/// queries: défis, their slots, their organisations).
pub(super) async fn published_sheets<C: ConnectionTrait>(
    db: &C,
    promotions: &[promotion::Model],
    promotion_id: Option<i64>,
) -> Result<Vec<DefiSheet>, AppError> {
    let mut found = defi::Entity::find().filter(defi::Column::PublishedAt.is_not_null());
    if let Some(p) = promotion_id {
        found = found.filter(defi::Column::PromotionId.eq(p));
    }
    let found = found
        .order_by_asc(defi::Column::Title)
        .order_by_asc(defi::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i64> = found.iter().map(|d| d.id).collect();
    let slots = slots_of(db, &ids).await?;
    let mut org_ids: Vec<i64> = found.iter().map(|d| d.organisation_id).collect();
    org_ids.sort_unstable();
    org_ids.dedup();
    let orgs: HashMap<i64, organisation::Model> = if org_ids.is_empty() {
        HashMap::new()
    } else {
        organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(org_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|o| (o.id, o))
            .collect()
    };
    let promos: HashMap<i64, String> = promotions.iter().map(|p| (p.id, p.name.clone())).collect();
    Ok(found
        .into_iter()
        .map(|d| sheet_of(d, &slots, &orgs, &promos))
        .collect())
}

fn deck_slot(id: i64) -> attachments::Slot<'static> {
    attachments::Slot {
        owner_type: "defi",
        owner_id: id,
        kind: PITCH_DECK,
    }
}

async fn pitch_deck<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<Option<attachment::Model>, AppError> {
    attachments::current(db, deck_slot(id)).await
}

/// Stores a checked PDF as the défi's pitch deck (replacing the previous
/// one), while the dossier is editable.
pub async fn attach_pitch_deck(
    db: &DatabaseConnection,
    origin: &Origin,
    data_dir: &Path,
    id: i64,
    original_name: &str,
    bytes: &[u8],
) -> Result<(), AppError> {
    let slot = deck_slot(id);
    attachments::store(
        db,
        origin,
        data_dir,
        slot,
        original_name,
        bytes,
        async move |txn| {
            let editable = DefiState::ALL
                .into_iter()
                .filter(|s| s.host_may_edit())
                .map(DefiState::code)
                .collect();
            let locked = guarded::lock_in_state::<defi::Entity, _>(
                txn,
                (defi::Column::Id, id),
                (defi::Column::State, editable),
                defi::Column::UpdatedAt,
            )
            .await?;
            if locked {
                Ok(())
            } else {
                Err(AppError::Refused(Msg::DefiNotEditable))
            }
        },
    )
    .await
}

/// The stored pitch deck: its path and its name for the download.
pub async fn pitch_deck_file<C: ConnectionTrait>(
    db: &C,
    data_dir: &Path,
    id: i64,
) -> Result<(PathBuf, String), AppError> {
    attachments::file(db, data_dir, deck_slot(id)).await
}

/// A défi written directly in a given state, with its history (demo seed,
/// imports from a previous tool). The content must be complete; audited.
pub struct Imported<'a> {
    pub promotion: i64,
    pub organisation: i64,
    pub form: &'a DefiForm,
    pub state: DefiState,
    /// The coordinators' message for the latest decision, if any.
    pub message: Option<&'a str>,
    pub published: bool,
}

pub async fn import(
    db: &DatabaseConnection,
    origin: &Origin,
    i: Imported<'_>,
) -> Result<i64, AppError> {
    let txn = Txn::begin(db, origin).await?;
    let now = Utc::now();
    let submitted = (i.state != DefiState::Draft).then_some(now);
    let mut row = defi::ActiveModel {
        promotion_id: Set(i.promotion),
        organisation_id: Set(i.organisation),
        state: Set(i.state.code().to_owned()),
        version: Set(1),
        created_by: Set(origin.actor_id),
        created_at: Set(now),
        updated_at: Set(now),
        submitted_at: Set(submitted),
        published_at: Set(i.published.then_some(now)),
        ..Default::default()
    };
    declared::write(&mut row, i.form)?;
    let d = row.insert(&txn).await?;
    write_slots(&txn, d.id, i.form).await?;
    if submitted.is_some() {
        event(&txn, origin, d.id, "submitted", "").await?;
    }
    let decision = match i.state {
        DefiState::InfoRequested => Some(Decision::AskInfo),
        DefiState::Shortlisted => Some(Decision::Shortlist),
        DefiState::Rejected => Some(Decision::Reject),
        DefiState::Selected => Some(Decision::Select),
        DefiState::NotSelected => Some(Decision::NotSelect),
        DefiState::Withdrawn => Some(Decision::Withdraw),
        DefiState::Draft | DefiState::Submitted => None,
    };
    if let Some(decision) = decision {
        event(
            &txn,
            origin,
            d.id,
            decision.code(),
            i.message.unwrap_or_default(),
        )
        .await?;
    }
    if i.published {
        event(&txn, origin, d.id, "published", "").await?;
    }
    txn.audit(
        AuditAction::DefiImported,
        Some(Target::Defi(d.id)),
        json!({ "state": i.state.code(), "published": i.published }),
    )
    .await?;
    txn.commit().await?;
    super::catalogue::changed();
    Ok(d.id)
}

/// How many défis a promotion has (any state).
pub async fn count_in<C: ConnectionTrait>(db: &C, promotion_id: i64) -> Result<u64, AppError> {
    use sea_orm::PaginatorTrait;
    Ok(defi::Entity::find()
        .filter(defi::Column::PromotionId.eq(promotion_id))
        .count(db)
        .await?)
}
