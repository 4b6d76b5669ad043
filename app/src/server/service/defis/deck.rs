//! The défi's pitch deck (a PDF): storing it while the dossier is
//! editable, and the file for a download.

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

/// Stores a checked PDF as the défi's pitch deck (replacing the previous
/// one), while the dossier is editable.
pub async fn attach_pitch_deck(
    db: &DatabaseConnection,
    origin: &Origin,
    data_dir: &Path,
    id: i64,
    original_name: &str,
    bytes: &[u8],
) -> Result<(), AppError> {
    let slot = deck_slot(id);
    attachments::store(
        db,
        origin,
        data_dir,
        slot,
        original_name,
        bytes,
        async move |txn| {
            let editable = DefiState::ALL
                .into_iter()
                .filter(|s| s.host_may_edit())
                .map(DefiState::code)
                .collect();
            let locked = guarded::lock_in_state::<defi::Entity, _>(
                txn,
                (defi::Column::Id, id),
                (defi::Column::State, editable),
                defi::Column::UpdatedAt,
            )
            .await?;
            if locked {
                Ok(())
            } else {
                Err(AppError::Refused(Msg::DefiNotEditable))
            }
        },
    )
    .await
}
