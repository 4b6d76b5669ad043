use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "defi_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub defi_id: i64,
    /// What happened: submitted, ask_info, shortlist, reject, select,
    /// not_select, withdraw, published.
    pub kind: String,
    /// The message sent to the organisation, if any.
    pub message: String,
    pub actor_id: Option<i64>,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
