use sea_orm::entity::prelude::*;

/// Append-only: services insert, nothing updates or deletes.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub at: DateTimeUtc,
    pub actor_id: Option<i64>,
    /// Dotted verb, e.g. `auth.sign_in`.
    pub action: String,
    pub target_type: Option<String>,
    pub target_id: Option<i64>,
    /// JSON object with details; never passwords or tokens.
    pub details: String,
    pub ip: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
