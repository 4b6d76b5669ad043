//! The dossiers follow the offers: after each step, the dossier of every
//! person it touched reads where they stand (offer received, accepted,
//! declined, withdrawn), with an entry in its history. The offers' own
//! emails and audit entries tell the rest.

use crate::domain::application::{self, ApplicationState, Standing};
use crate::domain::offers::State;
use crate::model::AppError;
use crate::server::db::application as dossier;
use crate::server::service::txn::Txn;
use crate::server::service::{Origin, applications};
use chrono::Utc;
use sea_orm::{EntityTrait, Set};

/// Where the candidate (index in the market) stands after the step.
pub fn standing(st: &State, c: usize) -> Standing {
    if st.withdrawn[c] {
        Standing::Withdrawn
    } else if st.held[c].iter().any(|h| h.accepted) {
        Standing::Accepted
    } else if !st.held[c].is_empty() {
        Standing::Offered
    } else if st.refused_any(c) {
        Standing::Refused
    } else {
        Standing::Waiting
    }
}

/// Moves the dossiers of `touched` (candidates of the market).
pub(super) async fn follow(
    txn: &Txn<'_>,
    st: &State<'_>,
    touched: &[usize],
) -> Result<(), AppError> {
    for &c in touched {
        let Some(id) = super::application_of(&st.market.candidate_ids[c]) else {
            continue;
        };
        let to = standing(st, c);
        set(txn, id, |from| application::after_offers(from, to)).await?;
    }
    Ok(())
}

/// Moves one dossier as `rule` says, with an entry in its history.
pub(crate) async fn set(
    txn: &Txn<'_>,
    id: i64,
    rule: impl Fn(ApplicationState) -> ApplicationState,
) -> Result<(), AppError> {
    let Some(a) = dossier::Entity::find_by_id(id).one(txn).await? else {
        return Ok(());
    };
    let from = applications::state_of(&a)?;
    let to = rule(from);
    if to == from {
        return Ok(());
    }
    let mut row: dossier::ActiveModel = a.clone().into();
    row.state = Set(to.code().to_owned());
    row.updated_at = Set(Utc::now());
    applications::guarded(txn, row, a.version).await?;
    // The history names the new state by its kind (shown in the reader's
    // language); no author: it follows someone else's step as often as
    // the person's own.
    applications::event(txn, &Origin::default(), a.id, to.code(), "").await
}
