//! A dossier ranks each défi at most once: a unique index on
//! (application, défi) backs the form's own check, so that no request, even
//! one built by hand, can store the same défi at two ranks. Dossiers that
//! already hold a repeated défi keep only its best rank first.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApplicationChoices {
    Table,
    ApplicationId,
    DefiId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(
                "DELETE FROM application_choices WHERE EXISTS (\
                   SELECT 1 FROM application_choices better \
                   WHERE better.application_id = application_choices.application_id \
                     AND better.defi_id = application_choices.defi_id \
                     AND better.rank < application_choices.rank)",
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_application_choices_once")
                    .table(ApplicationChoices::Table)
                    .col(ApplicationChoices::ApplicationId)
                    .col(ApplicationChoices::DefiId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_application_choices_once")
                    .table(ApplicationChoices::Table)
                    .to_owned(),
            )
            .await
    }
}
