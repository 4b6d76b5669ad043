//! A host's défi dossier: creating it, saving the draft (versioned), its
//! slots, submitting it before the call closes; imported dossiers.

use super::*;

/// Starts an empty draft for `organisation` in `promotion`, while its call
/// for défis is open. A draft of theirs there that was never saved (no
/// title, first version) is reused: each click on "Propose a défi" does not
/// leave one more untitled draft behind.
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
    let untouched = defi::Entity::find()
        .filter(defi::Column::PromotionId.eq(promotion_id))
        .filter(defi::Column::OrganisationId.eq(organisation_id))
        .filter(defi::Column::State.eq(DefiState::Draft.code()))
        .filter(defi::Column::Version.eq(1))
        .filter(defi::Column::Title.eq(""))
        .order_by_asc(defi::Column::Id)
        .one(&txn)
        .await?;
    if let Some(d) = untouched {
        // Nothing changes: the transaction is dropped, unwritten.
        return Ok(d.id);
    }
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
    txn.finish(
        AuditAction::DefiCreated,
        Target::Defi(d.id),
        json!({ "promotion": promotion_id, "organisation": organisation_id }),
    )
    .await?;
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

pub use crate::server::db::guarded::Saved;

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
    txn.finish(
        AuditAction::DefiSaved,
        Target::Defi(id),
        json!({ "version": version }),
    )
    .await?;
    crate::server::service::catalogue::changed();
    Ok(Saved { version, at: now })
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
    txn.finish(AuditAction::DefiSubmitted, Target::Defi(id), json!({ "at": now, "answer": to != state_of(&d)? && state_of(&d)? == DefiState::InfoRequested, "notified": recipients }))
        .await?;
    crate::server::service::catalogue::changed();
    Ok(now)
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
    txn.finish(
        AuditAction::DefiImported,
        Target::Defi(d.id),
        json!({ "state": i.state.code(), "published": i.published }),
    )
    .await?;
    crate::server::service::catalogue::changed();
    Ok(d.id)
}
