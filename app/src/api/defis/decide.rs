use crate::model::AppError;
use crate::model::batch::BatchLine;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "decider-defi")]
pub async fn decide_defi(id: i64, decision: String, message: String) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::defis};
    let call = super::super::support::allowed(Action::DecideDefis).await?;
    let (state, origin) = (&call.state, call.ctx.origin());
    let apply = |d, m: String| async move { defis::decide(state, &origin, id, d, &m).await };
    let to = format!("/coordination/defis/{id}");
    call.verdict((decision, message), apply, Msg::DecisionRecorded, &to)
        .await
}

/// Who would receive what: nothing is sent.
#[server(prefix = "/api", endpoint = "apercu-decisions")]
pub async fn preview_defi_batch(
    ids: Vec<i64>,
    decision: String,
    message: String,
) -> Result<Vec<BatchLine>, AppError> {
    use crate::server::{policy::Action, service::defis};
    let call = super::super::support::allowed(Action::DecideDefis).await?;
    let (d, m) = super::super::support::verdict_and_message(call.ctx.locale, &decision, &message)?;
    defis::preview_batch(&call.state.db, &ids, d, &m).await
}

#[server(prefix = "/api", endpoint = "decider-defis")]
pub async fn decide_defis(
    promotion: i64,
    #[server(default)] ids: Vec<i64>,
    decision: String,
    message: String,
) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::defis};
    let call = super::super::support::allowed(Action::DecideDefis).await?;
    let (state, origin) = (&call.state, call.ctx.origin());
    let apply = |d, m: String| async move {
        if ids.is_empty() {
            return Err(AppError::Refused(Msg::NoDefiChosen));
        }
        defis::decide_batch(state, &origin, &ids, d, &m).await
    };
    let to = format!("/coordination/promotions/{promotion}/defis");
    call.verdict((decision, message), apply, Msg::BatchRecorded, &to)
        .await
}

/// Publishes one défi (`defi`), or every selected, unpublished défi of the
/// promotion.
#[server(prefix = "/api", endpoint = "publier-defis")]
pub async fn publish_defis(
    promotion: i64,
    #[server(default)] defi: Option<i64>,
) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::model::defi::DefiFilter;
    use crate::server::{policy::Action, service::defis};
    let call = super::super::support::allowed(Action::PublishDefis).await?;
    let ids: Vec<i64> = match defi {
        Some(id) => vec![id],
        None => defis::list(&call.state.db, promotion, &DefiFilter::default())
            .await?
            .rows
            .into_iter()
            .filter(|r| !r.published)
            .map(|r| r.id)
            .collect(),
    };
    defis::publish(&call.state, &call.ctx.origin(), &ids).await?;
    let to = match defi {
        Some(id) => format!("/coordination/defis/{id}"),
        None => format!("/coordination/promotions/{promotion}/defis"),
    };
    call.done(Some(Msg::DefisPublished), &to).await
}
