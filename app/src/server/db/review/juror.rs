use sea_orm::entity::prelude::*;

/// A person on a promotion's jury pool (role `reviewer` for it). A removed
/// juror keeps their row (their reviews stay, marked) but loses the role.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "jurors")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub promotion_id: i64,
    pub user_id: i64,
    /// Profile codes judged as a peer, comma-separated.
    pub profiles: String,
    /// The administration the juror works for, if declared.
    pub organisation_id: Option<i64>,
    pub max_load: Option<i32>,
    pub conflicts_declared_at: Option<DateTimeUtc>,
    pub removed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    pub fn profile_codes(&self) -> Vec<String> {
        self.profiles
            .split(',')
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect()
    }
}
