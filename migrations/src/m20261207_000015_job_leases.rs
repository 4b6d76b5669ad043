//! One row per kind of scheduled work (the minute's scheduler, the
//! quarter-hour's pass): the server running it holds the row until a time,
//! so that two servers sharing the database never run one kind at once.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{string, string_null, timestamp_with_time_zone_null as at_null};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum JobLeases {
    Table,
    Name,
    Owner,
    Until,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(JobLeases::Table)
                    .col(string(JobLeases::Name).primary_key())
                    .col(string_null(JobLeases::Owner))
                    .col(at_null(JobLeases::Until))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(JobLeases::Table).to_owned())
            .await
    }
}
