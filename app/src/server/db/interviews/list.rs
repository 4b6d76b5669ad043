use sea_orm::entity::prelude::*;

/// A jury's ranked list for one (défi, profile): dossier ids, best first.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ranked_lists")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub defi_id: i64,
    pub profile: String,
    /// JSON array of application ids.
    pub entries: String,
    pub locked_at: Option<DateTimeUtc>,
    pub locked_by: Option<i64>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    pub fn ids(&self) -> Vec<i64> {
        serde_json::from_str(&self.entries).unwrap_or_default()
    }
}
