use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "defis")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub promotion_id: i64,
    pub organisation_id: i64,
    /// `domain::defi::DefiState` code.
    pub state: String,
    pub title: String,
    pub summary: String,
    pub context: String,
    pub use_cases: String,
    pub impact: String,
    pub data_available: String,
    pub data_accessible: bool,
    pub obstacles: String,
    pub legal_ethics: String,
    pub open_code: bool,
    pub open_data: bool,
    pub off_site: bool,
    pub leads: String,
    pub mentor: String,
    pub version: i32,
    pub created_by: Option<i64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub submitted_at: Option<DateTimeUtc>,
    pub decided_at: Option<DateTimeUtc>,
    pub published_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
