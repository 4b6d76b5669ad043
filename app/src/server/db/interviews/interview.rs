use sea_orm::entity::prelude::*;

/// A dossier proposed to a défi's jury, and its interview once it holds a
/// slot. `uid` is the iCalendar UID, stable for the interview's life;
/// `sequence` rises with every change sent.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "interviews")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub defi_id: i64,
    pub application_id: i64,
    pub profile: String,
    /// `domain::interview::Origin` code.
    pub origin: String,
    /// `domain::interview::InterviewState` code.
    pub state: String,
    pub slot_id: Option<i64>,
    pub uid: String,
    pub sequence: i32,
    /// The 24-hour reminder was queued (once).
    pub reminded_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
