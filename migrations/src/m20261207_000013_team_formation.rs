//! Team formation in the product: the runs of the matching engine (input
//! and output as the engine wrote them, who ran it, the engine's version),
//! the coordinators' overrides of a run, the offers made once a run is
//! validated with their log of events (the source of the cascade and of
//! the audit), and the placements offers become. A dossier may carry the
//! applicant's "talent pool" choice.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, big_integer_null, big_pk_auto as id, boolean_null, date, date_null, integer,
    string, string_null, text, text_null, timestamp_with_time_zone as at,
    timestamp_with_time_zone_null as at_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MatchRuns {
    Table,
    Id,
    PromotionId,
    Number,
    Input,
    Output,
    EngineVersion,
    CreatedBy,
    CreatedAt,
    ValidatedAt,
    ValidatedBy,
    Market,
    Blocked,
}

#[derive(DeriveIden)]
enum MatchOverrides {
    Table,
    Id,
    RunId,
    Candidate,
    Defi,
    Reason,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Offers {
    Table,
    Id,
    PromotionId,
    ApplicationId,
    DefiId,
    Profile,
    State,
    OfferedAt,
    DeadlineAt,
    AnsweredAt,
    RemindedBeforeAt,
    RemindedMorningAt,
}

#[derive(DeriveIden)]
enum OfferEvents {
    Table,
    Id,
    PromotionId,
    Seq,
    At,
    Kind,
    ApplicationId,
    DefiId,
    Profile,
}

#[derive(DeriveIden)]
enum Placements {
    Table,
    Id,
    PromotionId,
    ApplicationId,
    DefiId,
    Profile,
    StartsOn,
    EndsOn,
    State,
    DocumentsSentOn,
    ContractReceivedOn,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Applications {
    Table,
    TalentPool,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(MatchRuns::Table)
                    .col(id(MatchRuns::Id))
                    .col(big_integer(MatchRuns::PromotionId))
                    .col(integer(MatchRuns::Number))
                    .col(text(MatchRuns::Input))
                    .col(text(MatchRuns::Output))
                    .col(string(MatchRuns::EngineVersion))
                    .col(big_integer_null(MatchRuns::CreatedBy))
                    .col(at(MatchRuns::CreatedAt))
                    .col(at_null(MatchRuns::ValidatedAt))
                    .col(big_integer_null(MatchRuns::ValidatedBy))
                    .col(text_null(MatchRuns::Market))
                    .col(text(MatchRuns::Blocked).default("[]"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_match_runs_number")
                    .table(MatchRuns::Table)
                    .col(MatchRuns::PromotionId)
                    .col(MatchRuns::Number)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MatchOverrides::Table)
                    .col(id(MatchOverrides::Id))
                    .col(big_integer(MatchOverrides::RunId))
                    .col(string(MatchOverrides::Candidate))
                    .col(string_null(MatchOverrides::Defi))
                    .col(text(MatchOverrides::Reason))
                    .col(big_integer_null(MatchOverrides::CreatedBy))
                    .col(at(MatchOverrides::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_match_overrides_run")
                    .table(MatchOverrides::Table)
                    .col(MatchOverrides::RunId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Offers::Table)
                    .col(id(Offers::Id))
                    .col(big_integer(Offers::PromotionId))
                    .col(big_integer(Offers::ApplicationId))
                    .col(big_integer(Offers::DefiId))
                    .col(string(Offers::Profile))
                    .col(string(Offers::State))
                    .col(at(Offers::OfferedAt))
                    .col(at(Offers::DeadlineAt))
                    .col(at_null(Offers::AnsweredAt))
                    .col(at_null(Offers::RemindedBeforeAt))
                    .col(at_null(Offers::RemindedMorningAt))
                    .to_owned(),
            )
            .await?;
        // A seat is offered to a person once.
        manager
            .create_index(
                Index::create()
                    .name("idx_offers_seat_person")
                    .table(Offers::Table)
                    .col(Offers::ApplicationId)
                    .col(Offers::DefiId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_offers_promotion_state")
                    .table(Offers::Table)
                    .col(Offers::PromotionId)
                    .col(Offers::State)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OfferEvents::Table)
                    .col(id(OfferEvents::Id))
                    .col(big_integer(OfferEvents::PromotionId))
                    .col(big_integer(OfferEvents::Seq))
                    .col(at(OfferEvents::At))
                    .col(string(OfferEvents::Kind))
                    .col(big_integer(OfferEvents::ApplicationId))
                    .col(big_integer_null(OfferEvents::DefiId))
                    .col(string_null(OfferEvents::Profile))
                    .to_owned(),
            )
            .await?;
        // Two writers never number an event alike.
        manager
            .create_index(
                Index::create()
                    .name("idx_offer_events_seq")
                    .table(OfferEvents::Table)
                    .col(OfferEvents::PromotionId)
                    .col(OfferEvents::Seq)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Placements::Table)
                    .col(id(Placements::Id))
                    .col(big_integer(Placements::PromotionId))
                    .col(big_integer(Placements::ApplicationId).unique_key())
                    .col(big_integer(Placements::DefiId))
                    .col(string(Placements::Profile))
                    .col(date(Placements::StartsOn))
                    .col(date(Placements::EndsOn))
                    .col(string(Placements::State))
                    .col(date_null(Placements::DocumentsSentOn))
                    .col(date_null(Placements::ContractReceivedOn))
                    .col(at(Placements::CreatedAt))
                    .col(at(Placements::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_placements_defi")
                    .table(Placements::Table)
                    .col(Placements::DefiId)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Applications::Table)
                    .add_column(boolean_null(Applications::TalentPool))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Applications::Table)
                    .drop_column(Applications::TalentPool)
                    .to_owned(),
            )
            .await?;
        for t in [
            Placements::Table.into_iden(),
            OfferEvents::Table.into_iden(),
            Offers::Table.into_iden(),
            MatchOverrides::Table.into_iden(),
            MatchRuns::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}
