use crate::domain::form::Posted;
use crate::model::AppError;
use crate::model::review::StagePage;
use leptos::prelude::*;

/// The pre-selection page of a promotion (its stage is created with the
/// default rubric the first time).
#[server(prefix = "/api", endpoint = "preselection")]
pub async fn get_review_stage(promotion: i64) -> Result<StagePage, AppError> {
    use crate::server::{policy::Action, service::review::setup};
    let call = crate::api::support::allowed(Action::ManageReview).await?;
    setup::page(&call.state.db, &call.ctx.origin(), promotion).await
}

#[cfg(feature = "ssr")]
fn back(promotion: i64) -> String {
    format!("/coordination/promotions/{promotion}/preselection")
}

#[server(prefix = "/api", endpoint = "parametres-preselection")]
pub async fn save_review_settings(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::domain::review::StageSettings;
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::review::setup};
    let call = crate::api::support::allowed(Action::ManageReview).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let g = |k: &str| form.get(k).unwrap_or_default();
    let parsed = StageSettings::parse(|k| form.get(k)).map_err(AppError::fields);
    let result = match parsed {
        Ok(s) => setup::update_settings(&call.state.db, &call.ctx.origin(), promotion, &s).await,
        Err(e) => Err(e),
    };
    let kept: Vec<(String, String)> = [
        "opens_at",
        "closes_at",
        "see_reviews",
        "reviews_per_dossier",
        "max_load",
        "disagreement_threshold",
        "blind",
        "see_names",
        "reveal",
        "reveal_deadline",
    ]
    .iter()
    .map(|k| ((*k).to_owned(), g(k)))
    .collect();
    call.answer(result, &kept, Some(Msg::SettingsSaved), &back(promotion))
        .await
}

/// Adds a criterion (no `id`) or changes one.
#[server(prefix = "/api", endpoint = "critere")]
pub async fn save_criterion(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::domain::review::CriterionDraft;
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::review::setup};
    let call = crate::api::support::allowed(Action::ManageReview).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let id = form.number::<i64>("id");
    let g = |k: &str| form.get(k).unwrap_or_default();
    let parsed = CriterionDraft::parse(
        &g("name"),
        &g("help"),
        &g("min"),
        &g("max"),
        &g("weight"),
        form.get("required").is_some(),
        form.get("independent").is_some(),
    )
    .map_err(AppError::fields);
    let result = match parsed {
        Ok(c) => setup::save_criterion(&call.state.db, &call.ctx.origin(), promotion, id, &c).await,
        Err(e) => Err(e),
    };
    let kept: Vec<(String, String)> = ["name", "help", "min", "max", "weight"]
        .iter()
        .map(|k| ((*k).to_owned(), g(k)))
        .collect();
    call.answer(result, &kept, Some(Msg::CriterionSaved), &back(promotion))
        .await
}

#[server(prefix = "/api", endpoint = "supprimer-critere")]
pub async fn delete_criterion(promotion: i64, id: i64) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::review::setup};
    let call = crate::api::support::allowed(Action::ManageReview).await?;
    let result = setup::delete_criterion(&call.state.db, &call.ctx.origin(), promotion, id).await;
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::CriterionDeleted),
        &back(promotion),
    )
    .await
}

#[server(prefix = "/api", endpoint = "inviter-jure")]
pub async fn invite_juror(promotion: i64, email: String) -> Result<(), AppError> {
    use crate::domain::Email;
    use crate::i18n::Msg;
    use crate::server::ratelimit::Door;
    use crate::server::{policy::Action, service::review::jurors};
    let call = crate::api::support::allowed(Action::ManageReview).await?;
    let limited = call
        .state
        .limits
        .check(Door::InvitePerAccount, &call.viewer_id()?.to_string());
    let result = match (limited, Email::parse(&email)) {
        (Err(e), _) => Err(e),
        (Ok(()), Err(m)) => Err(AppError::field("email", m)),
        (Ok(()), Ok(e)) => {
            let inviter = call
                .ctx
                .actor
                .viewer()
                .map(|v| v.name.clone())
                .unwrap_or_default();
            jurors::invite(
                &call.state,
                &call.ctx.origin(),
                promotion,
                &e,
                &inviter,
                call.ctx.locale,
            )
            .await
        }
    };
    call.answer(
        result,
        &[("email", email)],
        Some(Msg::InvitationSent),
        &format!("{}#jures", back(promotion)),
    )
    .await
}

/// A juror's peer profiles (ticked codes) and own maximum load.
#[server(prefix = "/api", endpoint = "modifier-jure")]
pub async fn update_juror(#[server(flatten)] form: Posted) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::review::jurors};
    let call = crate::api::support::allowed(Action::ManageReview).await?;
    let promotion = form.number::<i64>("promotion").ok_or(AppError::NotFound)?;
    let juror = form.number::<i64>("juror").ok_or(AppError::NotFound)?;
    let load = form.get("max_load").unwrap_or_default();
    let max_load = if load.trim().is_empty() {
        Ok(None)
    } else {
        load.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=1000).contains(n))
            .map(Some)
            .ok_or_else(|| AppError::field(&format!("max_load_{juror}"), Msg::MaxLoadInvalid))
    };
    let result = match max_load {
        Ok(m) => {
            jurors::update(
                &call.state.db,
                &call.ctx.origin(),
                promotion,
                juror,
                form.list("profiles"),
                m,
                form.number::<i64>("organisation"),
            )
            .await
        }
        Err(e) => Err(e),
    };
    call.answer(
        result,
        &[(format!("max_load_{juror}"), load)],
        Some(Msg::JurorUpdated),
        &format!("{}#jures", back(promotion)),
    )
    .await
}

#[server(prefix = "/api", endpoint = "retirer-jure")]
pub async fn remove_juror(promotion: i64, juror: i64) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::review::jurors};
    let call = crate::api::support::allowed(Action::ManageReview).await?;
    let result = jurors::remove(&call.state, &call.ctx.origin(), promotion, juror).await;
    call.answer(
        result,
        crate::api::support::NOTHING,
        Some(Msg::JurorRemoved),
        &format!("{}#jures", back(promotion)),
    )
    .await
}
