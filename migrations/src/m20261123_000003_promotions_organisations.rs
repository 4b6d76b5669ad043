//! Promotions (with their calendar, stored in UTC) and host organisations
//! (a first shape, expanded by the call for défis).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_pk_auto as id, date, integer, string_uniq, text, timestamp_with_time_zone as at,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Promotions {
    Table,
    Id,
    Name,
    Description,
    DefisOpenAt,
    DefisCloseAt,
    ApplicationsOpenAt,
    ApplicationsCloseAt,
    StartDate,
    DurationMonths,
    TeamMin,
    TeamMax,
    MaxChoices,
    /// JSON array of profile codes.
    Profiles,
    /// JSON array of the steps coordinators took (matching started…).
    Steps,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    Name,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Promotions::Table)
                    .col(id(Promotions::Id))
                    .col(string_uniq(Promotions::Name))
                    .col(text(Promotions::Description).default(""))
                    .col(at(Promotions::DefisOpenAt))
                    .col(at(Promotions::DefisCloseAt))
                    .col(at(Promotions::ApplicationsOpenAt))
                    .col(at(Promotions::ApplicationsCloseAt))
                    .col(date(Promotions::StartDate))
                    .col(integer(Promotions::DurationMonths).default(10))
                    .col(integer(Promotions::TeamMin).default(2))
                    .col(integer(Promotions::TeamMax).default(3))
                    .col(integer(Promotions::MaxChoices).default(3))
                    .col(text(Promotions::Profiles))
                    .col(text(Promotions::Steps).default("[]"))
                    .col(at(Promotions::CreatedAt))
                    .col(at(Promotions::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Organisations::Table)
                    .col(id(Organisations::Id))
                    .col(string_uniq(Organisations::Name))
                    .col(at(Organisations::CreatedAt))
                    .col(at(Organisations::UpdatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Organisations::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Promotions::Table).to_owned())
            .await
    }
}
