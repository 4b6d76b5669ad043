//! Interviews and jury rankings: each défi's external jurors, the
//! candidates proposed to its jury (one row per défi and dossier: the
//! interview, scheduled when it holds a slot), the jury's interview slots
//! (a slot is held by at most one dossier: `application_id` is claimed by
//! one conditional update), the jurors' interview scores, each (défi,
//! profile) ranked list, the private calendar feeds, and an outbox
//! message's iCalendar attachment.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, big_integer_null, big_pk_auto as id, boolean_null, integer, string, text,
    timestamp_with_time_zone as at, timestamp_with_time_zone_null as at_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Calendar,
}

#[derive(DeriveIden)]
enum DefiJurors {
    Table,
    Id,
    DefiId,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum InterviewSlots {
    Table,
    Id,
    DefiId,
    StartsAt,
    DurationMinutes,
    Place,
    Quorum,
    ApplicationId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Interviews {
    Table,
    Id,
    DefiId,
    ApplicationId,
    Profile,
    Origin,
    State,
    SlotId,
    Uid,
    Sequence,
    RemindedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum InterviewScores {
    Table,
    Id,
    InterviewId,
    UserId,
    Scores,
    Comment,
    Acceptable,
    SubmittedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RankedLists {
    Table,
    Id,
    DefiId,
    Profile,
    Entries,
    LockedAt,
    LockedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CalendarFeeds {
    Table,
    Id,
    UserId,
    Token,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Outbox::Table)
                    .add_column(ColumnDef::new(Outbox::Calendar).text().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DefiJurors::Table)
                    .col(id(DefiJurors::Id))
                    .col(big_integer(DefiJurors::DefiId))
                    .col(big_integer(DefiJurors::UserId))
                    .col(at(DefiJurors::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_defi_jurors_pair")
                    .table(DefiJurors::Table)
                    .col(DefiJurors::DefiId)
                    .col(DefiJurors::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InterviewSlots::Table)
                    .col(id(InterviewSlots::Id))
                    .col(big_integer(InterviewSlots::DefiId))
                    .col(at(InterviewSlots::StartsAt))
                    .col(integer(InterviewSlots::DurationMinutes))
                    .col(string(InterviewSlots::Place))
                    .col(integer(InterviewSlots::Quorum))
                    .col(big_integer_null(InterviewSlots::ApplicationId))
                    .col(at(InterviewSlots::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_interview_slots_defi")
                    .table(InterviewSlots::Table)
                    .col(InterviewSlots::DefiId)
                    .col(InterviewSlots::StartsAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Interviews::Table)
                    .col(id(Interviews::Id))
                    .col(big_integer(Interviews::DefiId))
                    .col(big_integer(Interviews::ApplicationId))
                    .col(string(Interviews::Profile))
                    .col(string(Interviews::Origin))
                    .col(string(Interviews::State))
                    .col(big_integer_null(Interviews::SlotId))
                    .col(string(Interviews::Uid))
                    .col(integer(Interviews::Sequence).default(0))
                    .col(at_null(Interviews::RemindedAt))
                    .col(at(Interviews::CreatedAt))
                    .col(at(Interviews::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_interviews_pair")
                    .table(Interviews::Table)
                    .col(Interviews::DefiId)
                    .col(Interviews::ApplicationId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // An interview holds at most one slot, and a dossier at most one
        // slot of a jury (several NULLs are allowed by both databases).
        manager
            .create_index(
                Index::create()
                    .name("idx_interviews_slot")
                    .table(Interviews::Table)
                    .col(Interviews::SlotId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_interview_slots_holder")
                    .table(InterviewSlots::Table)
                    .col(InterviewSlots::DefiId)
                    .col(InterviewSlots::ApplicationId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InterviewScores::Table)
                    .col(id(InterviewScores::Id))
                    .col(big_integer(InterviewScores::InterviewId))
                    .col(big_integer(InterviewScores::UserId))
                    .col(text(InterviewScores::Scores).default("{}"))
                    .col(text(InterviewScores::Comment).default(""))
                    .col(boolean_null(InterviewScores::Acceptable))
                    .col(at_null(InterviewScores::SubmittedAt))
                    .col(at(InterviewScores::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_interview_scores_pair")
                    .table(InterviewScores::Table)
                    .col(InterviewScores::InterviewId)
                    .col(InterviewScores::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RankedLists::Table)
                    .col(id(RankedLists::Id))
                    .col(big_integer(RankedLists::DefiId))
                    .col(string(RankedLists::Profile))
                    .col(text(RankedLists::Entries).default("[]"))
                    .col(at_null(RankedLists::LockedAt))
                    .col(big_integer_null(RankedLists::LockedBy))
                    .col(at(RankedLists::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_ranked_lists_slot")
                    .table(RankedLists::Table)
                    .col(RankedLists::DefiId)
                    .col(RankedLists::Profile)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CalendarFeeds::Table)
                    .col(id(CalendarFeeds::Id))
                    .col(big_integer(CalendarFeeds::UserId).unique_key())
                    .col(string(CalendarFeeds::Token).unique_key())
                    .col(at(CalendarFeeds::CreatedAt))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            CalendarFeeds::Table.into_iden(),
            RankedLists::Table.into_iden(),
            InterviewScores::Table.into_iden(),
            Interviews::Table.into_iden(),
            InterviewSlots::Table.into_iden(),
            DefiJurors::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Outbox::Table)
                    .drop_column(Outbox::Calendar)
                    .to_owned(),
            )
            .await
    }
}
