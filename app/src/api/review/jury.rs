use crate::domain::form::Posted;
use crate::model::AppError;
use crate::model::review::{ConflictsPage, JuryDossier, JuryHome};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "jury")]
pub async fn get_jury_home() -> Result<JuryHome, AppError> {
    use crate::server::{policy::Action, service::review::scoring};
    let call = crate::api::support::allowed(Action::ViewJuryHome).await?;
    scoring::home(&call.state.db, call.viewer_id()?, call.ctx.locale).await
}

#[server(prefix = "/api", endpoint = "conflits")]
pub async fn get_conflicts(promotion: i64) -> Result<ConflictsPage, AppError> {
    use crate::server::{policy::Action, service::review::conflicts};
    let call = crate::api::support::allowed(Action::ActAsJuror { promotion }).await?;
    conflicts::page(&call.state.db, promotion, call.viewer_id()?).await
}

/// The declaration: `conflit_{line}` and `organisation_{id}` carry a
/// kind's code (empty: no conflict); `detecte_{line}` the detection the
/// juror confirmed; `liste` which list of applicants was shown.
#[server(prefix = "/api", endpoint = "declarer-conflits")]
pub async fn declare_conflicts(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::domain::review::conflicts::{ConflictKind, Detected};
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::review::conflicts};
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let call = crate::api::support::allowed(Action::ActAsJuror { promotion }).await?;
    let mut applicants = Vec::new();
    let mut organisations = Vec::new();
    let mut errors = Vec::new();
    for (name, _) in form.0.iter() {
        let value = form.get(name).unwrap_or_default();
        if value.is_empty() {
            continue;
        }
        if let Some(id) = name
            .strip_prefix("conflit_")
            .and_then(|i| i.parse::<i64>().ok())
        {
            match ConflictKind::from_code(&value) {
                Some(k) => applicants.push((
                    id,
                    k,
                    form.get(&format!("detecte_{id}"))
                        .and_then(|d| Detected::from_code(&d)),
                )),
                None => errors.push((name.clone(), Msg::ChoiceRequired)),
            }
        } else if let Some(id) = name
            .strip_prefix("organisation_")
            .and_then(|i| i.parse::<i64>().ok())
        {
            match ConflictKind::from_code(&value) {
                Some(k) => organisations.push((id, k)),
                None => errors.push((name.clone(), Msg::ChoiceRequired)),
            }
        }
    }
    let result = if errors.is_empty() {
        // Applicants come by line number (see `conflicts::resolve`).
        let shown = form.get("liste").unwrap_or_default();
        let lines: Vec<i64> = applicants.iter().map(|(i, ..)| *i).collect();
        match conflicts::resolve(&call.state.db, promotion, &shown, &lines).await {
            Ok(ids) => {
                let applicants: Vec<_> = ids
                    .into_iter()
                    .zip(applicants)
                    .map(|(id, (_, k, d))| (id, k, d))
                    .collect();
                conflicts::declare(
                    &call.state.db,
                    &call.ctx.origin(),
                    promotion,
                    call.viewer_id()?,
                    &applicants,
                    &organisations,
                )
                .await
            }
            Err(e) => Err(e),
        }
    } else {
        Err(AppError::fields(errors))
    };
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::ConflictsDeclared),
        "/jury",
    )
    .await
}

/// A dossier as the juror may read it; 404 when they may not (not
/// assigned, in conflict, conflicts not declared, not a juror).
#[server(prefix = "/api", endpoint = "dossier-jury")]
pub async fn get_jury_dossier(id: i64) -> Result<JuryDossier, AppError> {
    use crate::server::{policy::Action, service::review::scoring};
    let call = crate::api::support::call().await?;
    let user = call.viewer_id()?;
    let access = scoring::access(&call.state.db, user, id).await?;
    let Action::ReadAsJuror { .. } = access.read() else {
        return Err(AppError::Unexpected);
    };
    call.allow(access.read())?;
    scoring::dossier(&call.state.db, &access, call.ctx.locale).await
}

/// Saves the review as a draft, or submits it (`intent=submit`).
#[server(prefix = "/api", endpoint = "avis")]
pub async fn save_review(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::review::scoring};
    let call = crate::api::support::call().await?;
    let user = call.viewer_id()?;
    let id = form
        .number::<i64>("application")
        .ok_or(AppError::NotFound)?;
    let access = scoring::access(&call.state.db, user, id).await?;
    call.allow(access.read())?;
    let Action::ScoreAsJuror { .. } = access.score() else {
        return Err(AppError::Unexpected);
    };
    let submit = form.get("intent").as_deref() == Some("submit");
    let result = match call.allow(access.score()) {
        Ok(()) => {
            scoring::save(
                &call.state.db,
                &call.ctx.origin(),
                &access,
                |k| form.get(k),
                submit,
            )
            .await
        }
        Err(_) => Err(AppError::Refused(Msg::ReviewClosed)),
    };
    let kept: Vec<(String, String)> = form
        .0
        .keys()
        .filter(|k| k.starts_with("note_") || k.starts_with("commentaire_") || *k == "avis")
        .map(|k| (k.clone(), form.get(k).unwrap_or_default()))
        .collect();
    let notice = if submit {
        Msg::ReviewSubmittedNotice
    } else {
        Msg::ReviewDraftSaved
    };
    call.answer(result, &kept, Some(notice), &format!("/jury/dossiers/{id}"))
        .await
}
