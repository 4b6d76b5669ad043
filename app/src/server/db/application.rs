use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "applications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub promotion_id: i64,
    /// Null once the account is deleted (the dossier is anonymised).
    pub user_id: Option<i64>,
    /// `domain::application::ApplicationState` code.
    pub state: String,
    pub civility: String,
    pub first_name: String,
    pub last_name: String,
    /// The account's address when the dossier was created.
    pub email: String,
    pub phone: String,
    pub profile: String,
    pub experience: String,
    pub skills: String,
    pub experience_text: String,
    pub motivation: String,
    pub portfolio_url: String,
    pub code_url: String,
    pub mobility: String,
    pub remote: bool,
    pub support_role: String,
    pub gender: String,
    pub decl_civil_servant: bool,
    pub decl_student: bool,
    pub decl_jury: bool,
    pub consent: bool,
    pub version: i32,
    pub personal_deadline: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub submitted_at: Option<DateTimeUtc>,
    pub reminded_at: Option<DateTimeUtc>,
    pub anonymised_at: Option<DateTimeUtc>,
    /// Not placed: would like to hear of later missions (talent pool).
    pub talent_pool: Option<bool>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
