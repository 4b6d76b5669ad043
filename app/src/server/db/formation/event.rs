use sea_orm::entity::prelude::*;

/// One event of a promotion's offers log, numbered from 1; `kind` is a
/// `domain::offers::Kind` code. A withdrawal may have no seat.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "offer_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub promotion_id: i64,
    pub seq: i64,
    pub at: DateTimeUtc,
    pub kind: String,
    pub application_id: i64,
    pub defi_id: Option<i64>,
    pub profile: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
