//! The applicant's writes: start a draft, save it as typed (version-guarded),
//! submit before the (personal) deadline, withdraw (files: `service::files`).

use super::*;

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
    txn.finish(
        AuditAction::ApplicationStarted,
        Target::Application(a.id),
        json!({ "promotion": promotion_id }),
    )
    .await?;
    super::super::catalogue::applications_changed();
    Ok(a.id)
}

pub use crate::server::db::guarded::Saved;

/// Saves a draft (already checked by `ApplicationForm::parse_draft`). With
/// `keep_choices`, the stored choices stay as they are (the ranks typed
/// were refused) and the rest of the draft is saved.
pub async fn save(
    db: &DatabaseConnection,
    origin: &Origin,
    id: i64,
    form: &ApplicationForm,
    keep_choices: bool,
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
    let choices: &[i64] = if keep_choices { &[] } else { &form.choices };
    if !keep_choices {
        application_choice::Entity::delete_many()
            .filter(application_choice::Column::ApplicationId.eq(id))
            .exec(&txn)
            .await?;
    }
    for (i, defi_id) in choices.iter().enumerate() {
        application_choice::ActiveModel {
            application_id: Set(id),
            rank: Set(i as i32 + 1),
            defi_id: Set(*defi_id),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.finish(
        AuditAction::ApplicationSaved,
        Target::Application(id),
        json!({ "version": read + 1, "choices_kept": keep_choices }),
    )
    .await?;
    Ok(Saved {
        version: read + 1,
        at: now,
    })
}

/// Records an event in the dossier's history (what the applicant and
/// the coordinators see happened, with the message sent).
pub(crate) async fn event<C: ConnectionTrait>(
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
/// judged at `started`, when the request reached the server. `ranks` is
/// the refusal of the ranks typed with this submission, with the défis
/// they named: the submission is then refused with that error and every
/// other one at once (those défis checked against the profile).
pub async fn submit(
    state: &AppState,
    origin: &Origin,
    id: i64,
    started: DateTime<Utc>,
    ranks: Option<(Msg, Vec<i64>)>,
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
    let mut form = form_of(&a, choices_of(&txn, id).await?)?;
    let offered = offered(&txn, p.id).await?;
    let has_cv = attachments::current(&txn, slot(id, CV)).await?.is_some();
    let rank_error = ranks.map(|(msg, chosen)| {
        form.choices = chosen;
        msg
    });
    // A défi that is not offered is refused as such (`ChoiceInvalid`), not
    // also for the profile.
    let seeks = |defi: i64, profile: &str| {
        offered
            .iter()
            .find(|d| d.id == defi)
            .is_none_or(|d| d.profiles.iter().any(|p| p.as_str() == profile))
    };
    // Every problem at once: what the draft's own check finds (too many
    // choices, say) does not hide what submission requires.
    let (tidy, mut errors) = match form.parse_draft(
        &promotions::profiles_of(&p),
        &offered.iter().map(|d| d.id).collect::<Vec<_>>(),
        p.max_choices.max(0) as usize,
    ) {
        Ok(tidy) => (tidy, Vec::new()),
        Err(errors) => (form.clone(), errors),
    };
    errors.extend(tidy.check_complete(has_cv, seeks).err().unwrap_or_default());
    ApplicationForm::sort_errors(&mut errors);
    if let Some(msg) = rank_error {
        // The ranks' own error first among the choices' (the sort is stable).
        errors.retain(|(f, m)| !(f == "choices" && *m == Msg::ChoicesRequired));
        errors.insert(0, ("choices".into(), msg));
        ApplicationForm::sort_errors(&mut errors);
    }
    // One entry a problem (one per défi for the profile's).
    let mut seen: Vec<(String, Msg)> = Vec::new();
    errors.retain(|e| {
        let first = e.1 == Msg::ChoiceWithoutProfile || !seen.contains(e);
        seen.push(e.clone());
        first
    });
    if !errors.is_empty() {
        let mut unfit = form.unfit_choices(seeks).map(|d| {
            offered
                .iter()
                .find(|o| o.id == d)
                .map_or_else(|| d.to_string(), |o| o.title.clone())
        });
        return Err(AppError::naming(errors, |_, m| {
            (m == Msg::ChoiceWithoutProfile)
                .then(|| unfit.next())
                .flatten()
        }));
    }
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
    txn.finish(
        AuditAction::ApplicationSubmitted,
        Target::Application(id),
        json!({ "at": now, "started": started, "from": from.code() }),
    )
    .await?;
    super::super::catalogue::applications_changed();
    Ok(now)
}

/// The applicant withdraws a submitted dossier; once the promotion's
/// offers are out, they withdraw from them too (their seats go down the
/// lists).
pub async fn withdraw(
    state: &crate::server::AppState,
    origin: &Origin,
    id: i64,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let a = find(&txn, id).await?;
    // The promotion's row before the dossier's, as every step of the
    // offers takes them; then the dossier as it stands now.
    crate::server::service::formation::offers::lock(&txn, a.promotion_id).await?;
    let a = find(&txn, id).await?;
    let to = rules::withdraw(state_of(&a)?).map_err(AppError::Refused)?;
    let mut row: application::ActiveModel = a.clone().into();
    row.state = Set(to.code().to_owned());
    row.updated_at = Set(Utc::now());
    guarded(&txn, row, a.version).await?;
    event(&txn, origin, id, "withdrawn", "").await?;
    crate::server::service::formation::offers::left(&txn, state, a.promotion_id, id, Utc::now())
        .await?;
    txn.finish(
        AuditAction::ApplicationWithdrawn,
        Target::Application(id),
        json!({ "from": a.state }),
    )
    .await?;
    super::super::catalogue::applications_changed();
    Ok(())
}
