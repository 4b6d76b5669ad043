use sea_orm::entity::prelude::*;

/// A seat of a défi offered to a candidate; `state` is a
/// `domain::offers` state code (open, accepted, declined, expired,
/// released, withdrawn). Reminders are claimed by setting their time.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "offers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub promotion_id: i64,
    pub application_id: i64,
    pub defi_id: i64,
    pub profile: String,
    pub state: String,
    pub offered_at: DateTimeUtc,
    pub deadline_at: DateTimeUtc,
    pub answered_at: Option<DateTimeUtc>,
    pub reminded_before_at: Option<DateTimeUtc>,
    pub reminded_morning_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
