use sea_orm::entity::prelude::*;

/// A promotion's pre-selection stage and its settings.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "review_stages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub promotion_id: i64,
    pub opens_at: Option<DateTimeUtc>,
    pub closes_at: Option<DateTimeUtc>,
    pub blind: bool,
    /// `SeeReviews` code.
    pub see_reviews: String,
    pub see_names: bool,
    pub reviews_per_dossier: i32,
    pub max_load: Option<i32>,
    pub disagreement_threshold: i32,
    pub reveal: bool,
    pub reveal_deadline: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
