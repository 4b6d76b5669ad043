use sea_orm::entity::prelude::*;

/// A run of the matching engine on a promotion: the input and output JSON
/// exactly as the engine read and wrote them. Validated once; the offers'
/// market (the log's slots and candidates) is frozen then, and `blocked`
/// lists the défi keys whose offers stop after a failed audit.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "match_runs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub promotion_id: i64,
    /// 1, 2, … within the promotion.
    pub number: i32,
    pub input: String,
    pub output: String,
    pub engine_version: String,
    pub created_by: Option<i64>,
    pub created_at: DateTimeUtc,
    pub validated_at: Option<DateTimeUtc>,
    pub validated_by: Option<i64>,
    pub market: Option<String>,
    pub blocked: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
