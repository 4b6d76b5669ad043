use sea_orm::entity::prelude::*;

/// A reminder sent to a juror (kind `3d` or `1d` before the stage closes):
/// the unique (juror, kind) makes each one go once.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "review_reminders")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub juror_id: i64,
    pub kind: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
