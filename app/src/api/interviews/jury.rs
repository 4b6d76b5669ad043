use crate::domain::form::Posted;
use crate::model::AppError;
use crate::model::interviews::{InterviewsOverview, JuryPage, PlanView, ScorePage};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "entretiens-promotion")]
pub async fn get_interviews_overview(promotion: i64) -> Result<InterviewsOverview, AppError> {
    use crate::server::{policy::Action, service::interviews::allocation};
    let call = crate::api::support::allowed(Action::ManageInterviews).await?;
    allocation::overview(&call.state.db, promotion).await
}

#[server(prefix = "/api", endpoint = "proposer-entretiens")]
pub async fn propose_interviews(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::interviews::allocation};
    let call = crate::api::support::allowed(Action::ManageInterviews).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let result = allocation::propose(&call.state.db, &call.ctx.origin(), promotion).await;
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::CandidatesProposed),
        &format!("/coordination/promotions/{promotion}/entretiens"),
    )
    .await
}

/// A jury's page; 404 for anyone not on the jury.
#[server(prefix = "/api", endpoint = "jury-defi")]
pub async fn get_jury_page(id: i64) -> Result<JuryPage, AppError> {
    use crate::server::{policy::Action, service::interviews::lists};
    let call = crate::api::support::call().await?;
    let page = lists::page(&call.state.db, &call.ctx.actor, id).await;
    call.allow(Action::ViewJury {
        member: page.is_ok(),
        conflicted: false,
    })?;
    page
}

/// What the form posts back for a jury: its défi, checked against the
/// person's seat (members only); `manage`: whether that seat declares
/// slots (for `ManageJurySlots`).
#[cfg(feature = "ssr")]
async fn jury_call(form: &Posted) -> Result<(crate::api::support::Call, i64, bool), AppError> {
    use crate::server::policy::Action;
    use crate::server::service::interviews::{Seat, jury_defi, seat};
    let defi = form.number::<i64>("defi").ok_or(AppError::NotFound)?;
    let call = crate::api::support::call().await?;
    let d = jury_defi(&call.state.db, defi).await?;
    let s = seat(&call.state.db, &call.ctx.actor, &d).await?;
    call.allow(Action::ViewJury {
        member: s.is_some(),
        conflicted: false,
    })?;
    let manage = matches!(s, Some(Seat::Coordinator | Seat::Host));
    Ok((call, defi, manage))
}

#[server(prefix = "/api", endpoint = "creneau")]
pub async fn add_slot(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::service::interviews::slots::{self, SlotDraft};
    let (call, defi, manage) = jury_call(&form).await?;
    call.allow(crate::server::policy::Action::ManageJurySlots {
        host_or_coordinator: manage,
    })?;
    let draft = SlotDraft {
        starts: form.get("debut").unwrap_or_default(),
        minutes: form.get("duree").unwrap_or_default(),
        place: form.get("lieu").unwrap_or_default(),
        quorum: form.get("quorum").unwrap_or_default(),
    };
    let result = slots::add(&call.state.db, &call.ctx.origin(), defi, &draft).await;
    call.answer(
        result,
        &[
            ("debut", draft.starts.as_str()),
            ("duree", draft.minutes.as_str()),
            ("lieu", draft.place.as_str()),
            ("quorum", draft.quorum.as_str()),
        ],
        Some(Msg::SlotAdded),
        &format!("/jury/defis/{defi}"),
    )
    .await
}

#[server(prefix = "/api", endpoint = "supprimer-creneau")]
pub async fn delete_slot(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::service::interviews::slots;
    let (call, defi, manage) = jury_call(&form).await?;
    call.allow(crate::server::policy::Action::ManageJurySlots {
        host_or_coordinator: manage,
    })?;
    let slot = form.number::<i64>("creneau").ok_or(AppError::NotFound)?;
    let result = slots::delete(&call.state.db, &call.ctx.origin(), defi, slot).await;
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::SlotDeleted),
        &format!("/jury/defis/{defi}"),
    )
    .await
}

#[server(prefix = "/api", endpoint = "planning-apercu")]
pub async fn get_plan(defi: i64, notice: Option<u32>) -> Result<PlanView, AppError> {
    use crate::server::policy::Action;
    use crate::server::service::interviews::{Seat, jury_defi, seat, slots};
    let call = crate::api::support::call().await?;
    let d = jury_defi(&call.state.db, defi).await?;
    let s = seat(&call.state.db, &call.ctx.actor, &d).await?;
    call.allow(Action::ManageJurySlots {
        host_or_coordinator: matches!(s, Some(Seat::Coordinator | Seat::Host)),
    })?;
    let notice = notice
        .unwrap_or(slots::DEFAULT_NOTICE)
        .min(crate::domain::interviews::MAX_NOTICE);
    slots::preview(&call.state.db, &call.ctx.actor, defi, notice).await
}

#[server(prefix = "/api", endpoint = "appliquer-planning")]
pub async fn apply_plan(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::service::interviews::slots;
    let (call, defi, manage) = jury_call(&form).await?;
    call.allow(crate::server::policy::Action::ManageJurySlots {
        host_or_coordinator: manage,
    })?;
    let notice = form
        .number::<u32>("preavis")
        .unwrap_or(slots::DEFAULT_NOTICE)
        .min(crate::domain::interviews::MAX_NOTICE);
    let shown = form.get("empreinte").unwrap_or_default();
    let result = slots::apply(&call.state, &call.ctx.origin(), defi, notice, &shown).await;
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::PlanApplied),
        &format!("/jury/defis/{defi}"),
    )
    .await
}

/// Adds (`candidat`) or removes (`entretien`) a candidate; invites or
/// removes a juror (`jure`, `intent=retirer`).
#[server(prefix = "/api", endpoint = "composer-jury")]
pub async fn compose_jury(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::policy::Action;
    use crate::server::service::interviews::{allocation, slots};
    let (call, defi, _) = jury_call(&form).await?;
    call.allow(Action::ManageInterviews)?;
    let origin = call.ctx.origin();
    let remove = form.get("intent").as_deref() == Some("retirer");
    let result = if let Some(user) = form.number::<i64>("jure") {
        slots::set_juror(&call.state, &origin, defi, user, !remove).await
    } else if let Some(i) = form.number::<i64>("entretien") {
        allocation::remove(&call.state, &origin, i).await
    } else {
        match form.number::<i64>("candidat") {
            Some(a) => allocation::add(&call.state, &origin, defi, a).await,
            None => Err(AppError::field("candidat", Msg::ChoiceRequired)),
        }
    };
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::JuryUpdated),
        &format!("/jury/defis/{defi}"),
    )
    .await
}

/// Saves the ranks (`intent=verrouiller`: and locks the list).
#[server(prefix = "/api", endpoint = "liste-classee")]
pub async fn save_ranked_list(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::policy::Action;
    use crate::server::service::interviews::lists;
    let (call, defi, _) = jury_call(&form).await?;
    call.allow(Action::RankCandidates { member: true })?;
    let profile = form.get("profil").unwrap_or_default();
    let lock = form.get("intent").as_deref() == Some("verrouiller");
    let result = lists::save(
        &call.state.db,
        &call.ctx.origin(),
        &call.ctx.actor,
        defi,
        &profile,
        |k| form.get(k),
        lock,
    )
    .await;
    let kept: Vec<(String, String)> = form
        .0
        .keys()
        .filter(|k| k.starts_with("rang_"))
        .map(|k| (k.clone(), form.get(k).unwrap_or_default()))
        .collect();
    call.answer(
        result,
        &kept,
        Some(if lock {
            Msg::ListLockedNotice
        } else {
            Msg::ListSaved
        }),
        &format!("/jury/defis/{defi}#liste-{profile}"),
    )
    .await
}

#[server(prefix = "/api", endpoint = "rouvrir-liste")]
pub async fn reopen_list(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::policy::Action;
    use crate::server::service::interviews::lists;
    let (call, defi, _) = jury_call(&form).await?;
    call.allow(Action::ManageInterviews)?;
    let profile = form.get("profil").unwrap_or_default();
    let reason = form.get("raison").unwrap_or_default();
    // Each list has its reopen form: the error and the text typed go to
    // this list's field.
    let field = format!("raison-{profile}");
    let result = lists::reopen(&call.state.db, &call.ctx.origin(), defi, &profile, &reason)
        .await
        .map_err(|e| match e {
            AppError::Validation(mut v) => {
                for f in v.iter_mut().filter(|f| f.field == "raison") {
                    f.field.clone_from(&field);
                }
                AppError::Validation(v)
            }
            other => other,
        });
    call.answer(
        result,
        &[(field.as_str(), reason.as_str())],
        Some(Msg::ListReopened),
        &format!("/jury/defis/{defi}#liste-{profile}"),
    )
    .await
}

#[server(prefix = "/api", endpoint = "grille-entretien")]
pub async fn get_score_page(id: i64) -> Result<ScorePage, AppError> {
    use crate::server::service::interviews::scoring;
    let call = crate::api::support::call().await?;
    let access = scoring::access(&call.state.db, &call.ctx.actor, id).await?;
    call.allow(access.read())?;
    let action @ crate::server::policy::Action::ScoreInterview { .. } = access.score() else {
        return Err(AppError::Unexpected);
    };
    call.allow(action)?;
    scoring::page(&call.state.db, &access, call.viewer_id()?).await
}

/// Saves the sheet as a draft, or submits it (`intent=submit`).
#[server(prefix = "/api", endpoint = "grille")]
pub async fn save_interview_sheet(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::service::interviews::scoring;
    let call = crate::api::support::call().await?;
    let id = form.number::<i64>("entretien").ok_or(AppError::NotFound)?;
    let access = scoring::access(&call.state.db, &call.ctx.actor, id).await?;
    call.allow(access.read())?;
    let crate::server::policy::Action::ScoreInterview { .. } = access.score() else {
        return Err(AppError::Unexpected);
    };
    let submit = form.get("intent").as_deref() == Some("submit");
    let result = match call.allow(access.score()) {
        Ok(()) => {
            scoring::save(
                &call.state.db,
                &call.ctx.origin(),
                &access,
                call.viewer_id()?,
                |k| form.get(k),
                submit,
            )
            .await
        }
        Err(_) => Err(AppError::Refused(Msg::ScoringClosed)),
    };
    let kept: Vec<(String, String)> = form
        .0
        .keys()
        .filter(|k| k.starts_with("note_") || *k == "commentaire" || *k == "acceptable")
        .map(|k| (k.clone(), form.get(k).unwrap_or_default()))
        .collect();
    let defi = access.defi.id;
    call.answer(
        result,
        &kept,
        Some(if submit {
            Msg::SheetSubmitted
        } else {
            Msg::SheetSaved
        }),
        &format!("/jury/defis/{defi}"),
    )
    .await
}
