use sea_orm::entity::prelude::*;

/// A grid a promotion's coordinators changed (`kind`: "interview" or
/// "defi"); without a row, the default grid of DESIGN §8 applies.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "jury_grids")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub promotion_id: i64,
    pub kind: String,
    /// JSON array of criteria (`domain::review::Criterion`).
    pub criteria: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
