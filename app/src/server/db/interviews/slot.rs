use sea_orm::entity::prelude::*;

/// A jury's interview slot; `application_id` is the dossier holding it
/// (claimed by a conditional update, so never two).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "interview_slots")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub defi_id: i64,
    pub starts_at: DateTimeUtc,
    pub duration_minutes: i32,
    /// A room's address or a video link.
    pub place: String,
    /// Jurors who must score for the list to be locked.
    pub quorum: i32,
    pub application_id: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
