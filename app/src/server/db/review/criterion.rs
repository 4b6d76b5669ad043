use sea_orm::entity::prelude::*;

/// A criterion of a stage's rubric.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rubric_criteria")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub stage_id: i64,
    pub position: i32,
    pub name: String,
    pub help: String,
    pub scale_min: i32,
    pub scale_max: i32,
    pub weight: i32,
    pub required: bool,
    pub independent: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    pub fn criterion(&self) -> crate::domain::review::Criterion {
        crate::domain::review::Criterion {
            id: self.id,
            name: self.name.clone(),
            help: self.help.clone(),
            min: self.scale_min,
            max: self.scale_max,
            weight: self.weight,
            required: self.required,
            independent: self.independent,
        }
    }
}
