use sea_orm::entity::prelude::*;

/// A hearing slot of a promotion's défi jury; `defi_id` is the défi heard
/// then (a défi holds at most one slot). The calendar event's `uid` is
/// stable, its `sequence` raised on each change.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "hearing_slots")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub promotion_id: i64,
    pub starts_at: DateTimeUtc,
    pub duration_minutes: i32,
    /// A room's address or a video link.
    pub place: String,
    pub defi_id: Option<i64>,
    pub uid: String,
    pub sequence: i32,
    pub reminded_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// A free slot to insert: `minutes` long from `starts`, at `place`.
pub fn free(promotion: i64, starts: DateTimeUtc, minutes: i32, place: &str) -> ActiveModel {
    use sea_orm::ActiveValue::Set;
    ActiveModel {
        promotion_id: Set(promotion),
        starts_at: Set(starts),
        duration_minutes: Set(minutes),
        place: Set(place.to_owned()),
        defi_id: Set(None),
        uid: Set(String::new()),
        sequence: Set(0),
        reminded_at: Set(None),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
}
