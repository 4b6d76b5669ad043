use crate::domain::form::Posted;
use crate::model::AppError;
use crate::model::formation::{FormationPage, OffersPage, RunPage};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn page_of(promotion: i64) -> String {
    format!("/coordination/promotions/{promotion}/equipes")
}

#[server(prefix = "/api", endpoint = "equipes-promotion")]
pub async fn get_formation_page(promotion: i64) -> Result<FormationPage, AppError> {
    use crate::server::policy::Action;
    let call = crate::api::support::allowed(Action::ManageFormation).await?;
    crate::server::service::formation::page::formation_page(
        &call.state.db,
        promotion,
        call.ctx.locale,
    )
    .await
}

/// One run; `comparer` another run, and an override to preview (from the
/// session: `preview_override` put it there).
#[server(prefix = "/api", endpoint = "execution-equipes")]
pub async fn get_run_page(
    promotion: i64,
    run: i32,
    compare: Option<i32>,
    candidate: Option<String>,
    defi: Option<String>,
    reason: Option<String>,
) -> Result<RunPage, AppError> {
    use crate::server::policy::Action;
    use crate::server::service::formation::{page, runs::Change};
    let call = crate::api::support::allowed(Action::ManageFormation).await?;
    let preview = candidate.map(|candidate| Change {
        candidate,
        defi: defi.unwrap_or_default(),
        reason: reason.unwrap_or_default(),
    });
    page::run_page(
        &call.state.db,
        promotion,
        run,
        call.ctx.locale,
        compare,
        preview,
    )
    .await
}

/// Shows what an override would do before it is saved: what was typed
/// goes back to the run's page in the session (a reason never travels in
/// a URL or an access log), where the preview is computed.
#[server(prefix = "/api", endpoint = "apercu-ajustement")]
pub async fn preview_override(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::server::policy::Action;
    let call = crate::api::support::allowed(Action::ManageFormation).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let run = form.number::<i32>("execution").ok_or(AppError::NotFound)?;
    let values = [
        ("apercu", "1".to_owned()),
        ("candidat", form.get("candidat").unwrap_or_default()),
        ("defi", form.get("defi").unwrap_or_default()),
        ("motif", form.get("motif").unwrap_or_default()),
    ];
    call.carry(&values).await?;
    call.done(None, &format!("{}/{run}#ajustements", page_of(promotion)))
        .await
}

#[server(prefix = "/api", endpoint = "lancer-appariement")]
pub async fn run_matching(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::formation::runs};
    let call = crate::api::support::allowed(Action::ManageFormation).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let result = runs::run(&call.state.db, &call.ctx.origin(), promotion).await;
    let n = call.keep(result, crate::api::support::NOTHING).await?;
    call.done(Some(Msg::RunDone), &format!("{}/{n}", page_of(promotion)))
        .await
}

#[server(prefix = "/api", endpoint = "ajuster-placement")]
pub async fn add_override(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::formation::runs};
    let call = crate::api::support::allowed(Action::ManageFormation).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let run = form.number::<i32>("execution").ok_or(AppError::NotFound)?;
    let change = runs::Change {
        candidate: form.get("candidat").unwrap_or_default(),
        defi: form.get("defi").unwrap_or_default(),
        reason: form.get("motif").unwrap_or_default(),
    };
    let result =
        runs::add_override(&call.state.db, &call.ctx.origin(), promotion, run, &change).await;
    call.answer(
        result,
        &[
            ("candidat", change.candidate.as_str()),
            ("defi", change.defi.as_str()),
            ("motif", change.reason.as_str()),
        ],
        Some(Msg::OverrideSaved),
        &format!("{}/{run}#ajustements", page_of(promotion)),
    )
    .await
}

#[server(prefix = "/api", endpoint = "valider-appariement")]
pub async fn validate_run(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::formation::offers::answers};
    let call = crate::api::support::allowed(Action::ManageFormation).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let run = form.number::<i32>("execution").ok_or(AppError::NotFound)?;
    let result = match crate::api::support::confirmed(
        form.get("confirm").as_deref(),
        Msg::ValidateConfirmMissing,
    ) {
        Ok(()) => {
            answers::validate(
                &call.state,
                &call.ctx.origin(),
                promotion,
                run,
                chrono::Utc::now(),
            )
            .await
        }
        Err(e) => Err(e),
    };
    call.keep(result, crate::api::support::NOTHING).await?;
    call.done(
        Some(Msg::RunValidated),
        &format!("/coordination/promotions/{promotion}/propositions"),
    )
    .await
}

#[server(prefix = "/api", endpoint = "propositions-promotion")]
pub async fn get_offers_page(promotion: i64) -> Result<OffersPage, AppError> {
    use crate::server::policy::Action;
    let call = crate::api::support::allowed(Action::ManageFormation).await?;
    crate::server::service::formation::page::offers_page(&call.state.db, promotion, call.ctx.locale)
        .await
}

#[server(prefix = "/api", endpoint = "elargir-liste")]
pub async fn widen_list(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::formation::offers::answers};
    let call = crate::api::support::allowed(Action::ManageFormation).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let seat = form.get("poste").unwrap_or_default();
    let chosen = form.get("candidat").unwrap_or_default();
    let result = match form.number::<i64>("candidat") {
        Some(app) => {
            answers::widen(
                &call.state,
                &call.ctx.origin(),
                promotion,
                &seat,
                app,
                chrono::Utc::now(),
            )
            .await
        }
        None => Err(AppError::field("candidat", Msg::WidenUnknownCandidate)),
    };
    // The slot the refusal belongs to: its form shows the error.
    call.answer(
        result,
        &[("poste", seat.as_str()), ("candidat", chosen.as_str())],
        Some(Msg::ListWidened),
        &format!("/coordination/promotions/{promotion}/propositions#epuisees"),
    )
    .await
}

/// Moves a placement to its next state (`vers`), or records the contract's
/// documents sent (`pieces`) and received (`contrat`) dates.
#[server(prefix = "/api", endpoint = "suivi-placement")]
pub async fn update_placement(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::formation::placements};
    let call = crate::api::support::allowed(Action::ManageFormation).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let id = form.number::<i64>("placement").ok_or(AppError::NotFound)?;
    let change = placements::Change {
        to: form.get("vers").unwrap_or_default(),
        documents_sent: form.get("pieces").unwrap_or_default(),
        contract_received: form.get("contrat").unwrap_or_default(),
    };
    // Interrupting is final: the box first.
    let result = match crate::api::support::confirmed(
        form.get("confirm").as_deref(),
        Msg::InterruptConfirmMissing,
    ) {
        Err(e) if change.to == "interrupted" => Err(e),
        _ => placements::update(&call.state, &call.ctx.origin(), promotion, id, &change).await,
    };
    call.answer(
        result,
        &[
            ("placement", id.to_string().as_str()),
            ("pieces", change.documents_sent.as_str()),
            ("contrat", change.contract_received.as_str()),
        ],
        Some(Msg::PlacementSaved),
        &format!("/coordination/promotions/{promotion}/propositions#placements"),
    )
    .await
}

/// Resumes the offers of a défi the audit stopped, with the reason.
#[server(prefix = "/api", endpoint = "reprendre-propositions")]
pub async fn resume_offers(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::formation::offers::answers};
    let call = crate::api::support::allowed(Action::ManageFormation).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let defi = form.number::<i64>("defi").ok_or(AppError::NotFound)?;
    let reason = form.get("motif").unwrap_or_default();
    let result = answers::resume(
        &call.state,
        &call.ctx.origin(),
        promotion,
        defi,
        &reason,
        chrono::Utc::now(),
    )
    .await;
    call.answer(
        result,
        &[
            ("defi", defi.to_string().as_str()),
            ("motif", reason.as_str()),
        ],
        Some(Msg::OffersResumed),
        &format!("/coordination/promotions/{promotion}/propositions#verification"),
    )
    .await
}
