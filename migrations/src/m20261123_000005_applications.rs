//! The call for applications: dossiers with their ranked choices and
//! history; promotions gain a retention period for personal data.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, big_integer_null, big_pk_auto as id, boolean, integer, string, text,
    timestamp_with_time_zone as at, timestamp_with_time_zone_null as at_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Promotions {
    Table,
    RetentionMonths,
}

#[derive(DeriveIden)]
enum Applications {
    Table,
    Id,
    PromotionId,
    /// Null once the account is deleted (the dossier is then anonymised).
    UserId,
    State,
    Civility,
    FirstName,
    LastName,
    Email,
    Phone,
    Profile,
    Experience,
    Skills,
    ExperienceText,
    Motivation,
    PortfolioUrl,
    CodeUrl,
    Mobility,
    Remote,
    SupportRole,
    DeclCivilServant,
    DeclStudent,
    DeclJury,
    Consent,
    Version,
    PersonalDeadline,
    CreatedAt,
    UpdatedAt,
    SubmittedAt,
    RemindedAt,
    AnonymisedAt,
}

#[derive(DeriveIden)]
enum ApplicationChoices {
    Table,
    Id,
    ApplicationId,
    Rank,
    DefiId,
}

#[derive(DeriveIden)]
enum ApplicationEvents {
    Table,
    Id,
    ApplicationId,
    Kind,
    Message,
    ActorId,
    At,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Promotions::Table)
                    .add_column(integer(Promotions::RetentionMonths).default(24))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Applications::Table)
                    .col(id(Applications::Id))
                    .col(big_integer(Applications::PromotionId))
                    .col(big_integer_null(Applications::UserId))
                    .col(string(Applications::State))
                    .col(string(Applications::Civility).default(""))
                    .col(text(Applications::FirstName).default(""))
                    .col(text(Applications::LastName).default(""))
                    .col(text(Applications::Email).default(""))
                    .col(text(Applications::Phone).default(""))
                    .col(string(Applications::Profile).default(""))
                    .col(string(Applications::Experience).default(""))
                    .col(text(Applications::Skills).default(""))
                    .col(text(Applications::ExperienceText).default(""))
                    .col(text(Applications::Motivation).default(""))
                    .col(text(Applications::PortfolioUrl).default(""))
                    .col(text(Applications::CodeUrl).default(""))
                    .col(text(Applications::Mobility).default(""))
                    .col(boolean(Applications::Remote).default(false))
                    .col(string(Applications::SupportRole).default(""))
                    .col(boolean(Applications::DeclCivilServant).default(false))
                    .col(boolean(Applications::DeclStudent).default(false))
                    .col(boolean(Applications::DeclJury).default(false))
                    .col(boolean(Applications::Consent).default(false))
                    .col(integer(Applications::Version).default(1))
                    .col(at_null(Applications::PersonalDeadline))
                    .col(at(Applications::CreatedAt))
                    .col(at(Applications::UpdatedAt))
                    .col(at_null(Applications::SubmittedAt))
                    .col(at_null(Applications::RemindedAt))
                    .col(at_null(Applications::AnonymisedAt))
                    .to_owned(),
            )
            .await?;
        // One dossier per person and promotion.
        manager
            .create_index(
                Index::create()
                    .name("idx_applications_promotion_user")
                    .table(Applications::Table)
                    .col(Applications::PromotionId)
                    .col(Applications::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_applications_promotion_state")
                    .table(Applications::Table)
                    .col(Applications::PromotionId)
                    .col(Applications::State)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ApplicationChoices::Table)
                    .col(id(ApplicationChoices::Id))
                    .col(big_integer(ApplicationChoices::ApplicationId))
                    .col(integer(ApplicationChoices::Rank))
                    .col(big_integer(ApplicationChoices::DefiId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_application_choices_rank")
                    .table(ApplicationChoices::Table)
                    .col(ApplicationChoices::ApplicationId)
                    .col(ApplicationChoices::Rank)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_application_choices_defi")
                    .table(ApplicationChoices::Table)
                    .col(ApplicationChoices::DefiId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ApplicationEvents::Table)
                    .col(id(ApplicationEvents::Id))
                    .col(big_integer(ApplicationEvents::ApplicationId))
                    .col(string(ApplicationEvents::Kind))
                    .col(text(ApplicationEvents::Message).default(""))
                    .col(big_integer_null(ApplicationEvents::ActorId))
                    .col(at(ApplicationEvents::At))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_application_events_application")
                    .table(ApplicationEvents::Table)
                    .col(ApplicationEvents::ApplicationId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ApplicationEvents::Table.into_iden(),
            ApplicationChoices::Table.into_iden(),
            Applications::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Promotions::Table)
                    .drop_column(Promotions::RetentionMonths)
                    .to_owned(),
            )
            .await
    }
}
