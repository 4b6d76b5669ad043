use sea_orm::entity::prelude::*;

/// One team's (défi's) occurrence of a milestone. Its status follows from
/// the time, `submitted_at` and `waived_at` (`domain::milestones::status`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "milestone_instances")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub promotion_id: i64,
    pub template_id: i64,
    pub defi_id: i64,
    /// The occurrence's period: the week (weekly) or month (monthly)
    /// counted from the promotion's start; 0 for a one-off milestone
    /// (`DueRule::numbered`).
    pub seq: i32,
    pub due_at: DateTimeUtc,
    /// Set when coordinators moved the due time for this team.
    pub moved_reason: Option<String>,
    pub waived_reason: Option<String>,
    pub waived_at: Option<DateTimeUtc>,
    /// The first submission (on time or late).
    pub submitted_at: Option<DateTimeUtc>,
    /// The last edit and its author (the last edit wins).
    pub updated_at: Option<DateTimeUtc>,
    pub updated_by: Option<i64>,
    /// JSON object of `domain::milestones::answers::Answers`.
    pub answers: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
