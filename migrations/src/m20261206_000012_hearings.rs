//! The défi jury of the call for défis: the pool jurors assigned to hear
//! each shortlisted défi, the hearing slots of a promotion (a slot is held
//! by at most one défi, a défi holds at most one slot), each juror's sheet
//! on a défi (marks, favourable or not, rank among the défis they heard,
//! coup de cœur), and the grids of a promotion (interview and défi jury),
//! stored once a coordinator changes them.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, big_integer_null, big_pk_auto as id, boolean, boolean_null, integer, integer_null,
    string, text, timestamp_with_time_zone as at, timestamp_with_time_zone_null as at_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum HearingJurors {
    Table,
    Id,
    DefiId,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum HearingSlots {
    Table,
    Id,
    PromotionId,
    StartsAt,
    DurationMinutes,
    Place,
    DefiId,
    Uid,
    Sequence,
    RemindedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DefiScores {
    Table,
    Id,
    DefiId,
    UserId,
    Scores,
    Comment,
    Favourable,
    Rank,
    CoupDeCoeur,
    SubmittedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum JuryGrids {
    Table,
    Id,
    PromotionId,
    Kind,
    Criteria,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(HearingJurors::Table)
                    .col(id(HearingJurors::Id))
                    .col(big_integer(HearingJurors::DefiId))
                    .col(big_integer(HearingJurors::UserId))
                    .col(at(HearingJurors::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_hearing_jurors_pair")
                    .table(HearingJurors::Table)
                    .col(HearingJurors::DefiId)
                    .col(HearingJurors::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(HearingSlots::Table)
                    .col(id(HearingSlots::Id))
                    .col(big_integer(HearingSlots::PromotionId))
                    .col(at(HearingSlots::StartsAt))
                    .col(integer(HearingSlots::DurationMinutes))
                    .col(string(HearingSlots::Place))
                    .col(big_integer_null(HearingSlots::DefiId))
                    .col(string(HearingSlots::Uid))
                    .col(integer(HearingSlots::Sequence).default(0))
                    .col(at_null(HearingSlots::RemindedAt))
                    .col(at(HearingSlots::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_hearing_slots_promotion")
                    .table(HearingSlots::Table)
                    .col(HearingSlots::PromotionId)
                    .col(HearingSlots::StartsAt)
                    .to_owned(),
            )
            .await?;
        // A défi is heard once (several free slots hold NULL).
        manager
            .create_index(
                Index::create()
                    .name("idx_hearing_slots_holder")
                    .table(HearingSlots::Table)
                    .col(HearingSlots::DefiId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DefiScores::Table)
                    .col(id(DefiScores::Id))
                    .col(big_integer(DefiScores::DefiId))
                    .col(big_integer(DefiScores::UserId))
                    .col(text(DefiScores::Scores).default("{}"))
                    .col(text(DefiScores::Comment).default(""))
                    .col(boolean_null(DefiScores::Favourable))
                    .col(integer_null(DefiScores::Rank))
                    .col(boolean(DefiScores::CoupDeCoeur).default(false))
                    .col(at_null(DefiScores::SubmittedAt))
                    .col(at(DefiScores::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_defi_scores_pair")
                    .table(DefiScores::Table)
                    .col(DefiScores::DefiId)
                    .col(DefiScores::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(JuryGrids::Table)
                    .col(id(JuryGrids::Id))
                    .col(big_integer(JuryGrids::PromotionId))
                    .col(string(JuryGrids::Kind))
                    .col(text(JuryGrids::Criteria))
                    .col(at(JuryGrids::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_jury_grids_kind")
                    .table(JuryGrids::Table)
                    .col(JuryGrids::PromotionId)
                    .col(JuryGrids::Kind)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            JuryGrids::Table.into_iden(),
            DefiScores::Table.into_iden(),
            HearingSlots::Table.into_iden(),
            HearingJurors::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}
