use sea_orm::entity::prelude::*;

/// A juror's review of a dossier: a draft until `submitted_at`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reviews")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub juror_id: i64,
    pub application_id: i64,
    /// JSON of `domain::review::ScoreSheet::marks`.
    pub scores: String,
    /// `Verdict` code, or "".
    pub verdict: String,
    pub submitted_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    pub fn sheet(&self) -> crate::domain::review::ScoreSheet {
        crate::domain::review::ScoreSheet {
            marks: serde_json::from_str(&self.scores).unwrap_or_default(),
            verdict: crate::domain::review::Verdict::from_code(&self.verdict),
        }
    }
}
