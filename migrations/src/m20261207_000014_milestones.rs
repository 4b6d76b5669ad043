//! The ten months: each promotion's milestone templates (a default's key,
//! its due rule, opening and grace days, whether it is public), every
//! team's instances of them (due time, possibly moved with a reason,
//! waived with a reason, the last answers with their author and time), the
//! history of every answer, the coordinators' replies on a report, and the
//! scheduler's claims (one row per reminder, digest, opening or escalation
//! sent, its key unique, so that two servers or a restart never send one
//! twice).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, big_integer_null, big_pk_auto as id, boolean, integer, string, text, text_null,
    timestamp_with_time_zone as at, timestamp_with_time_zone_null as at_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MilestoneTemplates {
    Table,
    Id,
    PromotionId,
    Key,
    Rule,
    Public,
    OpensDays,
    GraceDays,
    Position,
}

#[derive(DeriveIden)]
enum MilestoneInstances {
    Table,
    Id,
    PromotionId,
    TemplateId,
    DefiId,
    Seq,
    DueAt,
    MovedReason,
    WaivedReason,
    WaivedAt,
    SubmittedAt,
    UpdatedAt,
    UpdatedBy,
    Answers,
}

#[derive(DeriveIden)]
enum MilestoneAnswers {
    Table,
    Id,
    InstanceId,
    AuthorId,
    At,
    Answers,
}

#[derive(DeriveIden)]
enum MilestoneReplies {
    Table,
    Id,
    InstanceId,
    AuthorId,
    At,
    Body,
}

#[derive(DeriveIden)]
enum MilestoneNotices {
    Table,
    Id,
    Key,
    At,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(MilestoneTemplates::Table)
                    .col(id(MilestoneTemplates::Id))
                    .col(big_integer(MilestoneTemplates::PromotionId))
                    .col(string(MilestoneTemplates::Key))
                    .col(string(MilestoneTemplates::Rule))
                    .col(boolean(MilestoneTemplates::Public))
                    .col(integer(MilestoneTemplates::OpensDays))
                    .col(integer(MilestoneTemplates::GraceDays))
                    .col(integer(MilestoneTemplates::Position))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_milestone_templates_key")
                    .table(MilestoneTemplates::Table)
                    .col(MilestoneTemplates::PromotionId)
                    .col(MilestoneTemplates::Key)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MilestoneInstances::Table)
                    .col(id(MilestoneInstances::Id))
                    .col(big_integer(MilestoneInstances::PromotionId))
                    .col(big_integer(MilestoneInstances::TemplateId))
                    .col(big_integer(MilestoneInstances::DefiId))
                    .col(integer(MilestoneInstances::Seq))
                    .col(at(MilestoneInstances::DueAt))
                    .col(text_null(MilestoneInstances::MovedReason))
                    .col(text_null(MilestoneInstances::WaivedReason))
                    .col(at_null(MilestoneInstances::WaivedAt))
                    .col(at_null(MilestoneInstances::SubmittedAt))
                    .col(at_null(MilestoneInstances::UpdatedAt))
                    .col(big_integer_null(MilestoneInstances::UpdatedBy))
                    .col(text_null(MilestoneInstances::Answers))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_milestone_instances_seq")
                    .table(MilestoneInstances::Table)
                    .col(MilestoneInstances::TemplateId)
                    .col(MilestoneInstances::DefiId)
                    .col(MilestoneInstances::Seq)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_milestone_instances_due")
                    .table(MilestoneInstances::Table)
                    .col(MilestoneInstances::PromotionId)
                    .col(MilestoneInstances::DueAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MilestoneAnswers::Table)
                    .col(id(MilestoneAnswers::Id))
                    .col(big_integer(MilestoneAnswers::InstanceId))
                    .col(big_integer_null(MilestoneAnswers::AuthorId))
                    .col(at(MilestoneAnswers::At))
                    .col(text(MilestoneAnswers::Answers))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_milestone_answers_instance")
                    .table(MilestoneAnswers::Table)
                    .col(MilestoneAnswers::InstanceId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MilestoneReplies::Table)
                    .col(id(MilestoneReplies::Id))
                    .col(big_integer(MilestoneReplies::InstanceId))
                    .col(big_integer_null(MilestoneReplies::AuthorId))
                    .col(at(MilestoneReplies::At))
                    .col(text(MilestoneReplies::Body))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_milestone_replies_instance")
                    .table(MilestoneReplies::Table)
                    .col(MilestoneReplies::InstanceId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MilestoneNotices::Table)
                    .col(id(MilestoneNotices::Id))
                    .col(string(MilestoneNotices::Key).unique_key())
                    .col(at(MilestoneNotices::At))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            MilestoneNotices::Table.into_iden(),
            MilestoneReplies::Table.into_iden(),
            MilestoneAnswers::Table.into_iden(),
            MilestoneInstances::Table.into_iden(),
            MilestoneTemplates::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}
