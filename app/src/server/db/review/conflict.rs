use sea_orm::entity::prelude::*;

/// A conflict of interest between a juror and an applicant's dossier, or
/// an organisation (every dossier that ranked one of its défis).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "juror_conflicts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub juror_id: i64,
    pub application_id: Option<i64>,
    pub organisation_id: Option<i64>,
    /// `ConflictKind` code.
    pub kind: String,
    /// The `Detected` code when the juror confirmed a detection, else "".
    pub detected: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
