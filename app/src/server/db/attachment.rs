use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attachments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// What the file belongs to (`defi`), and its id.
    pub owner_type: String,
    pub owner_id: i64,
    /// `pitch_deck`, later `cv`…
    pub kind: String,
    /// Random name of the file under the data directory's `files/`.
    #[sea_orm(unique)]
    pub stored_name: String,
    pub original_name: String,
    pub size: i64,
    pub uploaded_by: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
