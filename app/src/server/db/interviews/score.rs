use sea_orm::entity::prelude::*;

/// A juror's scores of an interview: a draft until `submitted_at`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "interview_scores")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub interview_id: i64,
    pub user_id: i64,
    /// JSON object: criterion position → mark.
    pub scores: String,
    pub comment: String,
    pub acceptable: Option<bool>,
    pub submitted_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
