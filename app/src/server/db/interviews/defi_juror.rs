use sea_orm::entity::prelude::*;

/// An external juror (of the promotion's pool) invited to a défi's jury.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "defi_jurors")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub defi_id: i64,
    pub user_id: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
