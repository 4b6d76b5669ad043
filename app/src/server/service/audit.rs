//! The append-only audit log. Entries are written through a `Txn`, inside
//! the transaction of the change they describe, so one never exists without
//! the other; each is a typed `AuditAction` on a typed `Target`.

use super::Origin;
use crate::server::db::audit_entry;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DbErr};
use serde_json::Value;

macro_rules! audit_actions {
    ($($variant:ident = $code:literal),+ $(,)?) => {
        /// Every action the audit log records, by the code it stores.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum AuditAction { $($variant),+ }

        impl AuditAction {
            pub const ALL: &'static [AuditAction] = &[$(AuditAction::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $(AuditAction::$variant => $code),+ }
            }
        }
    };
}

audit_actions! {
    AccountDataExported = "account.data_exported",
    AccountDeleted = "account.deleted",
    ApplicationBatchReviewed = "application.batch_reviewed",
    ApplicationDeadlineExtended = "application.deadline_extended",
    ApplicationDraftReminded = "application.draft_reminded",
    ApplicationReminded = "application.reminded",
    ApplicationReranked = "application.reranked",
    ApplicationReviewed = "application.reviewed",
    ApplicationSaved = "application.saved",
    ApplicationStarted = "application.started",
    ApplicationSubmitted = "application.submitted",
    ApplicationWithdrawn = "application.withdrawn",
    ApplicationsExported = "applications.exported",
    ApplicationsPurged = "applications.purged",
    AttachmentUploaded = "attachment.uploaded",
    AuthEmailVerified = "auth.email_verified",
    AuthMagicLinkRequested = "auth.magic_link_requested",
    AuthPasswordReset = "auth.password_reset",
    AuthResetRequested = "auth.reset_requested",
    AuthSignIn = "auth.sign_in",
    AuthSignInFailed = "auth.sign_in_failed",
    AuthSignInRefusedDisabled = "auth.sign_in_refused_disabled",
    AuthSignInRefusedUnverified = "auth.sign_in_refused_unverified",
    AuthSignOut = "auth.sign_out",
    AuthSignUp = "auth.sign_up",
    AuthSignUpExisting = "auth.sign_up_existing",
    AuthSignUpUnverified = "auth.sign_up_unverified",
    CalendarFeedRenewed = "calendar.feed_renewed",
    DefiBatchDecided = "defi.batch_decided",
    DefiCreated = "defi.created",
    DefiDecided = "defi.decided",
    DefiImported = "defi.imported",
    DefiJurorAdded = "defi.juror_added",
    DefiJurorRemoved = "defi.juror_removed",
    DefiPublished = "defi.published",
    DefiSaved = "defi.saved",
    DefiSubmitted = "defi.submitted",
    GridChanged = "grid.changed",
    HearingJurorRemoved = "hearing.juror_removed",
    HearingSheetSaved = "hearing.sheet_saved",
    HearingSheetSubmitted = "hearing.sheet_submitted",
    HearingRanked = "hearing.ranked",
    HearingRemindersSent = "hearing.reminders_sent",
    HearingSlotAdded = "hearing.slot_added",
    HearingSlotDeleted = "hearing.slot_deleted",
    HearingCancelled = "hearing.cancelled",
    HearingsAssigned = "hearings.assigned",
    HearingsScheduled = "hearings.scheduled",
    FilesOrphansRemoved = "files.orphans_removed",
    InterviewAdded = "interview.added",
    InterviewAnswered = "interview.answered",
    InterviewBooked = "interview.booked",
    InterviewCancelled = "interview.cancelled",
    InterviewRemindersSent = "interview.reminders_sent",
    InterviewRemoved = "interview.removed",
    InterviewRescheduled = "interview.rescheduled",
    InterviewScoreSaved = "interview.score_saved",
    InterviewScored = "interview.scored",
    InterviewSlotAdded = "interview.slot_added",
    InterviewSlotDeleted = "interview.slot_deleted",
    InterviewsProposed = "interviews.proposed",
    InterviewsScheduled = "interviews.scheduled",
    MailResent = "mail.resent",
    MatchOverridden = "match.overridden",
    MatchRun = "match.run",
    MatchValidated = "match.validated",
    OfferAccepted = "offer.accepted",
    OfferDeclined = "offer.declined",
    OfferExpired = "offer.expired",
    OfferMade = "offer.made",
    OfferReleased = "offer.released",
    OfferReminded = "offer.reminded",
    MilestoneEscalated = "milestone.escalated",
    MilestoneFilled = "milestone.filled",
    MilestoneMoved = "milestone.moved",
    MilestoneOpened = "milestone.opened",
    MilestonePlanChanged = "milestone.plan_changed",
    MilestoneReplied = "milestone.replied",
    MilestoneWaived = "milestone.waived",
    MilestonesScheduled = "milestones.scheduled",
    BulletinReminded = "bulletin.reminded",
    BulletinDigestSent = "bulletin.digest_sent",
    BulletinsExported = "bulletins.exported",
    OfferWaitlistsLeft = "offer.waitlists_left",
    OfferWithdrawn = "offer.withdrawn",
    OffersBlocked = "offers.blocked",
    OffersDefiWithdrawn = "offers.defi_withdrawn",
    OffersListExhausted = "offers.list_exhausted",
    OffersListWidened = "offers.list_widened",
    OffersResumed = "offers.resumed",
    OrganisationCreated = "organisation.created",
    OrganisationInvitationAccepted = "organisation.invitation_accepted",
    OrganisationInvitationCancelled = "organisation.invitation_cancelled",
    OrganisationMemberInvited = "organisation.member_invited",
    OrganisationMemberRemoved = "organisation.member_removed",
    OrganisationRegistered = "organisation.registered",
    OrganisationUpdated = "organisation.updated",
    PlacementUpdated = "placement.updated",
    PromotionClosed = "promotion.closed",
    PromotionCreated = "promotion.created",
    PromotionPurgePostponed = "promotion.purge_postponed",
    PromotionRetentionSet = "promotion.retention_set",
    PromotionUpdated = "promotion.updated",
    RankedListLocked = "ranked_list.locked",
    RankedListReopened = "ranked_list.reopened",
    RankedListSaved = "ranked_list.saved",
    ReviewAssigned = "review.assigned",
    ReviewConflictsDeclared = "review.conflicts_declared",
    ReviewJurorInvited = "review.juror_invited",
    ReviewJurorJoined = "review.juror_joined",
    ReviewJurorRemoved = "review.juror_removed",
    ReviewJurorUpdated = "review.juror_updated",
    ReviewRemindersSent = "review.reminders_sent",
    ReviewSaved = "review.saved",
    ReviewSettingsUpdated = "review.settings_updated",
    ReviewShortlisted = "review.shortlisted",
    ReviewStageCreated = "review.stage_created",
    ReviewSubmitted = "review.submitted",
    ReviewUnassigned = "review.unassigned",
    RoleGranted = "role.granted",
    TalentPoolChosen = "talent_pool.chosen",
    RubricChanged = "rubric.changed",
    RoleRevoked = "role.revoked",
    UserCreatedByOperator = "user.created_by_operator",
    UserDisabled = "user.disabled",
    UserEnabled = "user.enabled",
    UserPasswordReplacedByOperator = "user.password_replaced_by_operator",
}

/// What an entry is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Application(i64),
    Defi(i64),
    /// A message of the outbox.
    Mail(i64),
    /// A team's milestone instance.
    Milestone(i64),
    Organisation(i64),
    Promotion(i64),
    User(i64),
}

impl Target {
    /// The owner of an attachment, by its `owner_type`.
    pub fn owner(owner_type: &str, id: i64) -> Option<Target> {
        match owner_type {
            "application" => Some(Target::Application(id)),
            "defi" => Some(Target::Defi(id)),
            "milestone" => Some(Target::Milestone(id)),
            _ => None,
        }
    }

    fn parts(self) -> (&'static str, i64) {
        match self {
            Target::Application(id) => ("application", id),
            Target::Defi(id) => ("defi", id),
            Target::Mail(id) => ("mail", id),
            Target::Milestone(id) => ("milestone", id),
            Target::Organisation(id) => ("organisation", id),
            Target::Promotion(id) => ("promotion", id),
            Target::User(id) => ("user", id),
        }
    }
}

/// Writes one entry; called by `Txn::audit` only.
pub(super) async fn record<C: ConnectionTrait>(
    db: &C,
    origin: &Origin,
    action: AuditAction,
    target: Option<Target>,
    details: Value,
) -> Result<(), DbErr> {
    let target = target.map(Target::parts);
    audit_entry::ActiveModel {
        at: Set(Utc::now()),
        actor_id: Set(origin.actor_id),
        action: Set(action.code().to_owned()),
        target_type: Set(target.map(|(t, _)| t.to_owned())),
        target_id: Set(target.map(|(_, id)| id)),
        details: Set(details.to_string()),
        ip: Set(origin.ip.clone()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::AuditAction;

    #[test]
    fn every_action_has_its_own_dotted_code() {
        let mut codes: Vec<&str> = AuditAction::ALL.iter().map(|a| a.code()).collect();
        assert!(codes.iter().all(|c| c.split_once('.').is_some()));
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), AuditAction::ALL.len());
    }
}
