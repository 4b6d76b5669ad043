use crate::model::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "creer-defi")]
pub async fn create_defi(organisation: i64, promotion: i64) -> Result<(), AppError> {
    use crate::i18n::Msg;
    use crate::server::{policy::Action, service::defis};
    let call = super::super::support::allowed(Action::CreateDefi { organisation }).await?;
    let id = defis::create(&call.state.db, &call.ctx.origin(), promotion, organisation).await?;
    call.done(Some(Msg::DefiCreated), &format!("/organisation/defis/{id}"))
        .await
}
