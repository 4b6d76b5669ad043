//! The first shape of promotions and host organisations, so that roles can
//! point at a real organisation and the demo has a promotion. The call for
//! défis issue expands both tables (calendar, kinds, cities…).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{big_pk_auto as id, timestamp_with_time_zone as at};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Promotions {
    Table,
    Id,
    Name,
    Description,
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
                    .col(
                        ColumnDef::new(Promotions::Name)
                            .string()
                            .not_null()
                            .unique_key(),
                    )
                    .col(
                        ColumnDef::new(Promotions::Description)
                            .text()
                            .not_null()
                            .default(""),
                    )
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
                    .col(
                        ColumnDef::new(Organisations::Name)
                            .string()
                            .not_null()
                            .unique_key(),
                    )
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
