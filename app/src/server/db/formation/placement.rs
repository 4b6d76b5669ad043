use sea_orm::entity::prelude::*;

/// An accepted offer become a placement in a défi's team, for the
/// promotion's dates; `state` is a `domain::placement` state code.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "placements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub promotion_id: i64,
    #[sea_orm(unique)]
    pub application_id: i64,
    pub defi_id: i64,
    pub profile: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub state: String,
    pub documents_sent_on: Option<Date>,
    pub contract_received_on: Option<Date>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
