//! The défi's pitch deck (a PDF): where it is kept, and the current one.
//! Storing it goes through `service::files`.

use super::*;

pub(crate) fn deck_slot(id: i64) -> attachments::Slot<'static> {
    attachments::Slot {
        owner_type: "defi",
        owner_id: id,
        kind: PITCH_DECK,
    }
}

pub(super) async fn pitch_deck<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<Option<attachment::Model>, AppError> {
    attachments::current(db, deck_slot(id)).await
}
