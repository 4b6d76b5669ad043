use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "promotions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub name: String,
    pub description: String,
    pub defis_open_at: DateTimeUtc,
    pub defis_close_at: DateTimeUtc,
    pub applications_open_at: DateTimeUtc,
    pub applications_close_at: DateTimeUtc,
    pub start_date: Date,
    pub duration_months: i32,
    pub team_min: i32,
    pub team_max: i32,
    pub max_choices: i32,
    /// JSON array of profile codes.
    pub profiles: String,
    /// JSON array of `domain::promotion::Step`.
    pub steps: String,
    /// How long submitted dossiers of deleted accounts are kept, in months.
    pub retention_months: i32,
    /// Set when a coordinator closes the promotion: only then may the
    /// retention purge erase its dossiers.
    pub closed_at: Option<DateTimeUtc>,
    /// The purge does not run before this time: set to the next day when a
    /// change of dates or retention moved the purge into the past.
    pub purge_not_before: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
