//! The retention purge erases a promotion's dossiers only once a
//! coordinator has closed the promotion (`closed_at`), and never on the
//! day a change of dates or retention moved its purge into the past
//! (`purge_not_before`): a typo must not erase a promotion the same minute.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Promotions {
    Table,
    ClosedAt,
    PurgeNotBefore,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        for col in [Promotions::ClosedAt, Promotions::PurgeNotBefore] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Promotions::Table)
                        .add_column(ColumnDef::new(col).timestamp_with_time_zone().null())
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for col in [Promotions::ClosedAt, Promotions::PurgeNotBefore] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Promotions::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
