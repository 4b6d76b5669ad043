use sea_orm::entity::prelude::*;

/// A juror's sheet on a défi they heard: a draft until `submitted_at`;
/// `rank` among the défis they heard, `coup_de_coeur` for at most one.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "defi_scores")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub defi_id: i64,
    pub user_id: i64,
    /// JSON object: criterion position → mark.
    pub scores: String,
    pub comment: String,
    pub favourable: Option<bool>,
    pub rank: Option<i32>,
    pub coup_de_coeur: bool,
    pub submitted_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
