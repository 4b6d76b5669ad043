use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "defi_slots")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub defi_id: i64,
    pub position: i32,
    pub profile: String,
    pub mission: String,
    pub mandatory: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
