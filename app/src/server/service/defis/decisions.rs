//! Coordinators' decisions on défis, one by one or in batch after a
//! preview, each with its message to the organisation; publishing sheets.

use super::*;

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
    // Decided, or out of the défi jury's hands: a hearing still to come
    // is cancelled (nobody could score it any more).
    let hearing_cancelled = to != DefiState::Shortlisted
        && crate::server::service::hearings::schedule::release_for(txn, state, &d).await?;
    // Withdrawn once its promotion's offers are out: its seats are taken
    // back and go down the lists of the défis their holders wait for.
    if to == DefiState::Withdrawn {
        crate::server::service::formation::offers::defi_withdrawn(
            txn,
            state,
            d.promotion_id,
            id,
            now,
        )
        .await?;
    }
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
    txn.audit(AuditAction::DefiDecided, Target::Defi(id), json!({ "decision": decision.code(), "from": d.state, "to": to.code(), "notified": recipients, "hearing_cancelled": hearing_cancelled })).await?;
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
    crate::server::service::catalogue::changed();
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
        let Some(d) = crate::server::service::found(find(db, id).await)? else {
            continue;
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
            target: id,
            message: personalise(message, &d.title, &org.name),
            refused: decision.apply(state_of(&d)?).err(),
            label: d.title,
            detail: org.name,
            status: None,
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
        let Some(d) = crate::server::service::found(find(&txn, id).await)? else {
            continue;
        };
        if !state_of(&d)?.visible_to_coordinators() || decision.apply(state_of(&d)?).is_err() {
            continue;
        }
        decide_in(state, &txn, origin, d, decision, message).await?;
        done += 1;
    }
    txn.finish(
        AuditAction::DefiBatchDecided,
        None,
        json!({ "decision": decision.code(), "asked": ids, "changed": done }),
    )
    .await?;
    crate::server::service::catalogue::changed();
    Ok(done)
}

/// Publishes the public sheets of the selected défis among `ids`; returns how
/// many were published.
pub async fn publish(state: &AppState, origin: &Origin, ids: &[i64]) -> Result<usize, AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let mut done = 0;
    for &id in ids {
        let Some(d) = crate::server::service::found(find(&txn, id).await)? else {
            continue;
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
            Target::Defi(id),
            json!({ "at": now }),
        )
        .await?;
        done += 1;
    }
    if done == 0 {
        // Nothing changed (published meanwhile, or not selected): say so
        // rather than fail on a transaction with nothing to audit.
        return Err(AppError::Refused(Msg::NothingToPublish));
    }
    txn.commit().await?;
    crate::server::service::catalogue::changed();
    Ok(done)
}
