//! The call for défis: organisations gain a kind and a city; invitations to
//! join an organisation; défi dossiers with their slots, the coordinators'
//! decisions and messages, and private attachments (pitch decks).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, big_integer_null, big_pk_auto as id, boolean, integer, string, string_uniq, text,
    timestamp_with_time_zone as at, timestamp_with_time_zone_null as at_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Kind,
    City,
}

#[derive(DeriveIden)]
enum Invitations {
    Table,
    Id,
    OrganisationId,
    Email,
    Role,
    TokenHash,
    InvitedBy,
    CreatedAt,
    ExpiresAt,
    AcceptedAt,
    AcceptedBy,
}

#[derive(DeriveIden)]
enum Defis {
    Table,
    Id,
    PromotionId,
    OrganisationId,
    State,
    Title,
    Summary,
    Context,
    UseCases,
    Impact,
    DataAvailable,
    DataAccessible,
    Obstacles,
    LegalEthics,
    OpenCode,
    OpenData,
    OffSite,
    Leads,
    Mentor,
    /// Bumped by every save: a save that names an older version is a
    /// conflict, not a silent overwrite.
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    SubmittedAt,
    DecidedAt,
    PublishedAt,
}

#[derive(DeriveIden)]
enum DefiSlots {
    Table,
    Id,
    DefiId,
    Position,
    Profile,
    Mission,
    Mandatory,
}

#[derive(DeriveIden)]
enum DefiEvents {
    Table,
    Id,
    DefiId,
    Kind,
    Message,
    ActorId,
    At,
}

#[derive(DeriveIden)]
enum Attachments {
    Table,
    Id,
    OwnerType,
    OwnerId,
    Kind,
    StoredName,
    OriginalName,
    Size,
    UploadedBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        manager
            .alter_table(
                Table::alter()
                    .table(Organisations::Table)
                    .add_column(string(Organisations::Kind).default("autre"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Organisations::Table)
                    .add_column(string(Organisations::City).default(""))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Invitations::Table)
                    .col(id(Invitations::Id))
                    .col(big_integer(Invitations::OrganisationId))
                    .col(string(Invitations::Email))
                    .col(string(Invitations::Role))
                    .col(string_uniq(Invitations::TokenHash))
                    .col(big_integer_null(Invitations::InvitedBy))
                    .col(at(Invitations::CreatedAt))
                    .col(at(Invitations::ExpiresAt))
                    .col(at_null(Invitations::AcceptedAt))
                    .col(big_integer_null(Invitations::AcceptedBy))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_invitations_organisation")
                    .table(Invitations::Table)
                    .col(Invitations::OrganisationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Defis::Table)
                    .col(id(Defis::Id))
                    .col(big_integer(Defis::PromotionId))
                    .col(big_integer(Defis::OrganisationId))
                    .col(string(Defis::State))
                    .col(text(Defis::Title).default(""))
                    .col(text(Defis::Summary).default(""))
                    .col(text(Defis::Context).default(""))
                    .col(text(Defis::UseCases).default(""))
                    .col(text(Defis::Impact).default(""))
                    .col(text(Defis::DataAvailable).default(""))
                    .col(boolean(Defis::DataAccessible).default(false))
                    .col(text(Defis::Obstacles).default(""))
                    .col(text(Defis::LegalEthics).default(""))
                    .col(boolean(Defis::OpenCode).default(false))
                    .col(boolean(Defis::OpenData).default(false))
                    .col(boolean(Defis::OffSite).default(false))
                    .col(text(Defis::Leads).default(""))
                    .col(text(Defis::Mentor).default(""))
                    .col(integer(Defis::Version).default(1))
                    .col(big_integer_null(Defis::CreatedBy))
                    .col(at(Defis::CreatedAt))
                    .col(at(Defis::UpdatedAt))
                    .col(at_null(Defis::SubmittedAt))
                    .col(at_null(Defis::DecidedAt))
                    .col(at_null(Defis::PublishedAt))
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_defis_promotion_state", Defis::PromotionId),
            ("idx_defis_organisation", Defis::OrganisationId),
        ] {
            let mut index = Index::create();
            index.name(name).table(Defis::Table).col(col);
            if name == "idx_defis_promotion_state" {
                index.col(Defis::State);
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(DefiSlots::Table)
                    .col(id(DefiSlots::Id))
                    .col(big_integer(DefiSlots::DefiId))
                    .col(integer(DefiSlots::Position))
                    .col(string(DefiSlots::Profile).default(""))
                    .col(text(DefiSlots::Mission).default(""))
                    .col(boolean(DefiSlots::Mandatory).default(true))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_defi_slots_defi_position")
                    .table(DefiSlots::Table)
                    .col(DefiSlots::DefiId)
                    .col(DefiSlots::Position)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DefiEvents::Table)
                    .col(id(DefiEvents::Id))
                    .col(big_integer(DefiEvents::DefiId))
                    .col(string(DefiEvents::Kind))
                    .col(text(DefiEvents::Message).default(""))
                    .col(big_integer_null(DefiEvents::ActorId))
                    .col(at(DefiEvents::At))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_defi_events_defi")
                    .table(DefiEvents::Table)
                    .col(DefiEvents::DefiId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Attachments::Table)
                    .col(id(Attachments::Id))
                    .col(string(Attachments::OwnerType))
                    .col(big_integer(Attachments::OwnerId))
                    .col(string(Attachments::Kind))
                    .col(string_uniq(Attachments::StoredName))
                    .col(string(Attachments::OriginalName))
                    .col(big_integer(Attachments::Size))
                    .col(big_integer_null(Attachments::UploadedBy))
                    .col(at(Attachments::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_attachments_owner")
                    .table(Attachments::Table)
                    .col(Attachments::OwnerType)
                    .col(Attachments::OwnerId)
                    .col(Attachments::Kind)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Attachments::Table.into_iden(),
            DefiEvents::Table.into_iden(),
            DefiSlots::Table.into_iden(),
            Defis::Table.into_iden(),
            Invitations::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for col in [Organisations::Kind, Organisations::City] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Organisations::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
