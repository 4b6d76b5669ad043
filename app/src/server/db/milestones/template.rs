use sea_orm::entity::prelude::*;

/// A promotion's milestone: a `domain::milestones` default's key (its
/// title and form) with the promotion's schedule.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "milestone_templates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub promotion_id: i64,
    pub key: String,
    /// A `domain::milestones::rule::DueRule` code.
    pub rule: String,
    pub public: bool,
    pub opens_days: i32,
    pub grace_days: i32,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
