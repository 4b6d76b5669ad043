//! Review of applications (pre-selection): a stage per promotion with its
//! settings and rubric, the promotion's jurors, their conflicts of
//! interest, the reviewer assignments, the reviews, and the reminders sent
//! (each once). Invitations gain a promotion (a juror's invitation; its
//! `organisation_id` is 0).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, big_integer_null, big_pk_auto as id, boolean, integer, integer_null, string, text,
    timestamp_with_time_zone as at, timestamp_with_time_zone_null as at_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Invitations {
    Table,
    PromotionId,
}

#[derive(DeriveIden)]
enum ReviewStages {
    Table,
    Id,
    PromotionId,
    OpensAt,
    ClosesAt,
    Blind,
    SeeReviews,
    SeeNames,
    ReviewsPerDossier,
    MaxLoad,
    DisagreementThreshold,
    Reveal,
    RevealDeadline,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RubricCriteria {
    Table,
    Id,
    StageId,
    Position,
    Name,
    Help,
    ScaleMin,
    ScaleMax,
    Weight,
    Required,
    Independent,
}

#[derive(DeriveIden)]
enum Jurors {
    Table,
    Id,
    PromotionId,
    UserId,
    Profiles,
    OrganisationId,
    MaxLoad,
    ConflictsDeclaredAt,
    RemovedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum JurorConflicts {
    Table,
    Id,
    JurorId,
    ApplicationId,
    OrganisationId,
    Kind,
    Detected,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ReviewAssignments {
    Table,
    Id,
    JurorId,
    ApplicationId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Reviews {
    Table,
    Id,
    JurorId,
    ApplicationId,
    Scores,
    Verdict,
    SubmittedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ReviewReminders {
    Table,
    Id,
    JurorId,
    Kind,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Invitations::Table)
                    .add_column(
                        ColumnDef::new(Invitations::PromotionId)
                            .big_integer()
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReviewStages::Table)
                    .col(id(ReviewStages::Id))
                    .col(big_integer(ReviewStages::PromotionId).unique_key())
                    .col(at_null(ReviewStages::OpensAt))
                    .col(at_null(ReviewStages::ClosesAt))
                    .col(boolean(ReviewStages::Blind).default(true))
                    .col(string(ReviewStages::SeeReviews).default("after"))
                    .col(boolean(ReviewStages::SeeNames).default(false))
                    .col(integer(ReviewStages::ReviewsPerDossier).default(3))
                    .col(integer_null(ReviewStages::MaxLoad))
                    .col(integer(ReviewStages::DisagreementThreshold).default(20))
                    .col(boolean(ReviewStages::Reveal).default(false))
                    .col(at_null(ReviewStages::RevealDeadline))
                    .col(at(ReviewStages::CreatedAt))
                    .col(at(ReviewStages::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RubricCriteria::Table)
                    .col(id(RubricCriteria::Id))
                    .col(big_integer(RubricCriteria::StageId))
                    .col(integer(RubricCriteria::Position))
                    .col(string(RubricCriteria::Name))
                    .col(text(RubricCriteria::Help).default(""))
                    .col(integer(RubricCriteria::ScaleMin))
                    .col(integer(RubricCriteria::ScaleMax))
                    .col(integer(RubricCriteria::Weight).default(1))
                    .col(boolean(RubricCriteria::Required).default(true))
                    .col(boolean(RubricCriteria::Independent).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Jurors::Table)
                    .col(id(Jurors::Id))
                    .col(big_integer(Jurors::PromotionId))
                    .col(big_integer(Jurors::UserId))
                    .col(string(Jurors::Profiles).default(""))
                    .col(big_integer_null(Jurors::OrganisationId))
                    .col(integer_null(Jurors::MaxLoad))
                    .col(at_null(Jurors::ConflictsDeclaredAt))
                    .col(at_null(Jurors::RemovedAt))
                    .col(at(Jurors::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_jurors_promotion_user")
                    .table(Jurors::Table)
                    .col(Jurors::PromotionId)
                    .col(Jurors::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(JurorConflicts::Table)
                    .col(id(JurorConflicts::Id))
                    .col(big_integer(JurorConflicts::JurorId))
                    .col(big_integer_null(JurorConflicts::ApplicationId))
                    .col(big_integer_null(JurorConflicts::OrganisationId))
                    .col(string(JurorConflicts::Kind))
                    .col(string(JurorConflicts::Detected).default(""))
                    .col(at(JurorConflicts::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_juror_conflicts_juror")
                    .table(JurorConflicts::Table)
                    .col(JurorConflicts::JurorId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReviewAssignments::Table)
                    .col(id(ReviewAssignments::Id))
                    .col(big_integer(ReviewAssignments::JurorId))
                    .col(big_integer(ReviewAssignments::ApplicationId))
                    .col(at(ReviewAssignments::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_review_assignments_pair")
                    .table(ReviewAssignments::Table)
                    .col(ReviewAssignments::JurorId)
                    .col(ReviewAssignments::ApplicationId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Reviews::Table)
                    .col(id(Reviews::Id))
                    .col(big_integer(Reviews::JurorId))
                    .col(big_integer(Reviews::ApplicationId))
                    .col(text(Reviews::Scores).default("{}"))
                    .col(string(Reviews::Verdict).default(""))
                    .col(at_null(Reviews::SubmittedAt))
                    .col(at(Reviews::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_reviews_pair")
                    .table(Reviews::Table)
                    .col(Reviews::JurorId)
                    .col(Reviews::ApplicationId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReviewReminders::Table)
                    .col(id(ReviewReminders::Id))
                    .col(big_integer(ReviewReminders::JurorId))
                    .col(string(ReviewReminders::Kind))
                    .col(at(ReviewReminders::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_review_reminders_once")
                    .table(ReviewReminders::Table)
                    .col(ReviewReminders::JurorId)
                    .col(ReviewReminders::Kind)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            ReviewReminders::Table.into_iden(),
            Reviews::Table.into_iden(),
            ReviewAssignments::Table.into_iden(),
            JurorConflicts::Table.into_iden(),
            Jurors::Table.into_iden(),
            RubricCriteria::Table.into_iden(),
            ReviewStages::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Invitations::Table)
                    .drop_column(Invitations::PromotionId)
                    .to_owned(),
            )
            .await
    }
}
