use sea_orm::entity::prelude::*;

/// A message the scheduler sent (a reminder, a digest, an opening, an
/// escalation), claimed by its unique key in the transaction that queues
/// it: a second server, or the same after a restart, finds it taken.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "milestone_notices")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub key: String,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
