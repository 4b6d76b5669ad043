//! Who may do what: the only place that decides. Every server function and
//! every protected route asks `allows`. Rows a person may not see are answered
//! "not found" by the callers (see `require`), never "forbidden", so that their
//! existence does not leak.

use crate::domain::application::ApplicationState;
use crate::domain::defi::DefiState;
use crate::domain::{HostRole, Role};
use crate::model::{AppError, user::Viewer};

/// The person behind a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actor {
    Anonymous,
    Person(Viewer),
}

impl Actor {
    pub fn viewer(&self) -> Option<&Viewer> {
        match self {
            Actor::Anonymous => None,
            Actor::Person(v) => Some(v),
        }
    }

    fn has(&self, role: Role) -> bool {
        self.viewer().is_some_and(|v| v.has(role))
    }

    /// The person's role in `organisation`, if they belong to it (the
    /// strongest when they hold several).
    pub fn member_of(&self, organisation: i64) -> Option<HostRole> {
        let roles = &self.viewer()?.roles;
        [HostRole::Lead, HostRole::Mentor, HostRole::Hr]
            .into_iter()
            .find(|&role| roles.contains(&Role::Host { organisation, role }))
    }

    /// Holds a role in at least one organisation.
    pub fn is_host(&self) -> bool {
        self.viewer()
            .is_some_and(|v| v.roles.iter().any(|r| matches!(r, Role::Host { .. })))
    }
}

/// Everything a request can ask to do. A new server function adds its
/// action here, a rule in `allows`, and a row in the matrix test
/// (`tests.rs`), which fails for an `ActionKind` without one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumDiscriminants)]
#[strum_discriminants(name(ActionKind), derive(Hash, strum::EnumIter, strum::EnumCount))]
pub enum Action {
    SignUp,
    SignIn,
    RequestMagicLink,
    RequestPasswordReset,
    /// Spending an emailed token: the token itself is the credential.
    UseEmailedToken,
    SignOut,
    ViewOwnArea,
    ListUsers,
    /// Grant or revoke an instance role on another person's account.
    ManageRoles {
        target: i64,
    },
    /// Disable or re-enable another person's account.
    SetAccountDisabled {
        target: i64,
    },
    ViewOutbox,
    /// Queue a failed message of the outbox again.
    ResendMail,
    /// Read promotions and their public page (anyone).
    ViewPromotions,
    /// Create and edit promotions.
    ManagePromotions,
    /// Register a new host organisation (and become its lead).
    RegisterOrganisation,
    /// See an organisation's page: members, invitations, défis.
    ViewOrganisation {
        organisation: i64,
    },
    /// Invite someone to join an organisation, cancel an invitation,
    /// remove a member: leads manage membership.
    InviteMember {
        organisation: i64,
    },
    /// Join an organisation with an emailed invitation.
    AcceptInvitation,
    /// List every organisation and correct one (coordinators).
    ManageOrganisations,
    /// Start a défi dossier for an organisation.
    CreateDefi {
        organisation: i64,
    },
    /// Change a défi dossier (its text, slots, pitch deck) and submit it.
    EditDefi {
        organisation: i64,
        state: DefiState,
    },
    /// Read the whole dossier, including its pitch deck (once the défi is
    /// published, its pitch deck is public: `ViewDefiSheet`).
    ViewDefiDossier {
        organisation: i64,
        state: DefiState,
    },
    /// Ask for information, shortlist, reject, select, not select, withdraw;
    /// list a promotion's défis.
    DecideDefis,
    /// Publish selected défis' public sheets.
    PublishDefis,
    /// Read a défi's public sheet.
    ViewDefiSheet {
        published: bool,
    },
    /// Start (or resume) one's own application to a promotion.
    StartApplication,
    /// Read an application dossier and its attachments: its author, and
    /// coordinators once it was submitted.
    ViewApplication {
        owner: Option<i64>,
        state: ApplicationState,
    },
    /// Change one's own dossier, its attachments, and submit it.
    EditApplication {
        owner: Option<i64>,
        state: ApplicationState,
    },
    /// Withdraw one's own dossier, from a state that allows it.
    WithdrawApplication {
        owner: Option<i64>,
        state: ApplicationState,
    },
    /// List a promotion's dossiers and its drafts (identity, last save and
    /// completeness only), act on a batch (coordinators).
    ReviewApplications,
    /// Request a correction, mark ineligible or incomplete: a dossier that
    /// was submitted (coordinators never act on a draft's content).
    ReviewApplication {
        state: ApplicationState,
    },
    /// Grant a personal deadline: to someone who still has to submit (a
    /// draft, a correction requested).
    ExtendApplicationDeadline {
        state: ApplicationState,
    },
    /// Send a reminder to the author of a draft.
    RemindDraft {
        state: ApplicationState,
    },
    /// Export dossiers as CSV or a ZIP of CVs (coordinators).
    ExportApplications,
    /// Let one dossier leave in an export: a submitted one (a draft's
    /// content is its author's alone, in an export as anywhere).
    ExportApplication {
        state: ApplicationState,
    },
    /// Set up and run a promotion's pre-selection: settings, rubric,
    /// jurors, assignment, aggregates, shortlist (coordinators).
    ManageReview,
    /// See one's jury home: the promotions one reviews for (jurors).
    ViewJuryHome,
    /// Act as a juror of `promotion`: declare conflicts, see one's list.
    ActAsJuror {
        promotion: i64,
    },
    /// Read a dossier as a juror: assigned to it, without a conflict with
    /// it, and after declaring one's conflicts.
    ReadAsJuror {
        promotion: i64,
        assigned: bool,
        conflicted: bool,
        declared: bool,
    },
    /// Score it: the same, while the stage is open.
    ScoreAsJuror {
        promotion: i64,
        assigned: bool,
        conflicted: bool,
        declared: bool,
        open: bool,
    },
    /// Rank the published défis again, as a shortlisted candidate, while
    /// the promotion's two-step reveal is open.
    RankAfterShortlist {
        owner: Option<i64>,
        state: ApplicationState,
        open: bool,
    },
    /// Propose candidates to juries, add and remove them, invite jurors to
    /// a défi, reopen a locked list, download the matching input
    /// (coordinators).
    ManageInterviews,
    /// Declare a jury's slots and run its scheduling: coordinators and the
    /// défi's host leads and mentors (`seat`: their seat on this jury).
    ManageJurySlots {
        host_or_coordinator: bool,
    },
    /// See a jury's page: its members (`member`); a member in conflict with
    /// a candidate does not see that candidate (`conflicted`).
    ViewJury {
        member: bool,
        conflicted: bool,
    },
    /// Score an interview: a member without a conflict, once the interview
    /// has started, until its list is locked.
    ScoreInterview {
        member: bool,
        conflicted: bool,
        started: bool,
        locked: bool,
    },
    /// Fix and lock a jury's ranked list: its members.
    RankCandidates {
        member: bool,
    },
    /// The défi jury of the call for défis: its grids, who hears which
    /// défi, the hearing slots and their scheduling, the tally
    /// (coordinators).
    ManageHearings,
    /// Read a shortlisted (or since decided) défi as a juror of the
    /// promotion assigned to hear it, unless a member of its organisation.
    ReadHeardDefi {
        promotion: i64,
        assigned: bool,
        conflicted: bool,
    },
    /// Mark a défi one hears, rank the défis one heard: the same, while
    /// the défi is still shortlisted (`open`).
    ScoreDefi {
        promotion: i64,
        assigned: bool,
        conflicted: bool,
        open: bool,
    },
    /// Book, move or cancel one's own interviews, answer a jury's
    /// proposal, have a calendar feed (any signed-in person: the service
    /// finds only their own interviews).
    BookInterview,
    /// Team formation: run the engine, compare runs, override with a
    /// reason, validate, follow the offers and their audit, answer the
    /// alerts, follow the placements (coordinators).
    ManageFormation,
    /// Accept or decline an offer, withdraw: the offer's candidate only.
    AnswerOffer {
        owner: bool,
    },
    /// A défi's team page: its fellows, the members of its organisation,
    /// coordinators.
    ViewTeam {
        member: bool,
    },
    /// What of a team is public within its promotion (its bulletins
    /// without moods, its public milestones): the promotion's fellows and
    /// hosts' members, coordinators.
    ViewPromotionTeam {
        in_promotion: bool,
    },
    /// Fill a milestone (a bulletin, a report, a checklist): those the
    /// milestone names for this team only.
    FillMilestone {
        filler: bool,
    },
    /// Reply in a report's thread: the team, its host, coordinators.
    ReplyOnReport {
        member: bool,
    },
    /// The ten months for coordinators: the dashboard, the timeline, the
    /// bulletins' export, moving a due date, waiving a milestone.
    ManageMilestones,
    /// Download everything Cohorte holds about oneself.
    ExportOwnData,
    /// Delete one's own account.
    DeleteOwnAccount,
}

pub fn allows(actor: &Actor, action: Action) -> bool {
    let signed_in = actor.viewer().is_some();
    match action {
        Action::SignUp
        | Action::SignIn
        | Action::RequestMagicLink
        | Action::RequestPasswordReset => !signed_in,
        Action::UseEmailedToken => true,
        Action::SignOut
        | Action::ViewOwnArea
        | Action::ExportOwnData
        | Action::DeleteOwnAccount => signed_in,
        Action::ListUsers => actor.has(Role::Admin),
        // An admin never locks themself out: they cannot change their own
        // account; another admin must.
        Action::ManageRoles { target } | Action::SetAccountDisabled { target } => {
            actor.has(Role::Admin) && actor.viewer().is_some_and(|v| v.id != target)
        }
        Action::ViewOutbox | Action::ResendMail => {
            actor.has(Role::Admin) || actor.has(Role::Coordinator)
        }
        Action::ViewPromotions => true,
        Action::ManagePromotions => actor.has(Role::Coordinator),
        Action::RegisterOrganisation | Action::AcceptInvitation => signed_in,
        Action::ViewOrganisation { organisation } => {
            actor.member_of(organisation).is_some() || actor.has(Role::Coordinator)
        }
        // Leads only: an invitation makes its acceptor a member, who reads
        // the organisation's drafts.
        Action::InviteMember { organisation } => {
            actor.member_of(organisation) == Some(HostRole::Lead)
        }
        Action::ManageOrganisations
        | Action::DecideDefis
        | Action::PublishDefis
        | Action::ReviewApplications
        | Action::ExportApplications => actor.has(Role::Coordinator),
        Action::CreateDefi { organisation } => actor.member_of(organisation).is_some(),
        Action::EditDefi {
            organisation,
            state,
        } => actor.member_of(organisation).is_some() && state.host_may_edit(),
        Action::ViewDefiDossier {
            organisation,
            state,
        } => {
            actor.member_of(organisation).is_some()
                || (actor.has(Role::Coordinator) && state.visible_to_coordinators())
        }
        Action::ViewDefiSheet { published } => published,
        Action::StartApplication => signed_in,
        Action::ViewApplication { owner, state } => {
            is_owner(actor, owner)
                || (actor.has(Role::Coordinator) && state != ApplicationState::Draft)
        }
        Action::EditApplication { owner, state } => {
            is_owner(actor, owner) && state.applicant_may_edit()
        }
        Action::WithdrawApplication { owner, state } => {
            is_owner(actor, owner) && crate::domain::application::withdraw(state).is_ok()
        }
        Action::ReviewApplication { state } | Action::ExportApplication { state } => {
            actor.has(Role::Coordinator) && state != ApplicationState::Draft
        }
        Action::ExtendApplicationDeadline { state } => {
            actor.has(Role::Coordinator) && state.applicant_may_edit()
        }
        Action::ManageReview => actor.has(Role::Coordinator),
        Action::RankAfterShortlist { owner, state, open } => {
            is_owner(actor, owner) && state == ApplicationState::Shortlisted && open
        }
        Action::ViewJuryHome => actor
            .viewer()
            .is_some_and(|v| v.roles.iter().any(|r| matches!(r, Role::Reviewer { .. }))),
        Action::ActAsJuror { promotion } => actor.has(Role::Reviewer { promotion }),
        Action::ReadAsJuror {
            promotion,
            assigned,
            conflicted,
            declared,
        } => actor.has(Role::Reviewer { promotion }) && assigned && !conflicted && declared,
        Action::ScoreAsJuror {
            promotion,
            assigned,
            conflicted,
            declared,
            open,
        } => actor.has(Role::Reviewer { promotion }) && assigned && !conflicted && declared && open,
        Action::ManageInterviews => actor.has(Role::Coordinator),
        Action::ManageJurySlots {
            host_or_coordinator,
        } => signed_in && host_or_coordinator,
        Action::ViewJury { member, conflicted } => signed_in && member && !conflicted,
        Action::ScoreInterview {
            member,
            conflicted,
            started,
            locked,
        } => signed_in && member && !conflicted && started && !locked,
        Action::RankCandidates { member } => signed_in && member,
        Action::BookInterview => signed_in,
        Action::ManageHearings => actor.has(Role::Coordinator),
        Action::ReadHeardDefi {
            promotion,
            assigned,
            conflicted,
        } => actor.has(Role::Reviewer { promotion }) && assigned && !conflicted,
        Action::ScoreDefi {
            promotion,
            assigned,
            conflicted,
            open,
        } => actor.has(Role::Reviewer { promotion }) && assigned && !conflicted && open,
        Action::RemindDraft { state } => {
            actor.has(Role::Coordinator) && state == ApplicationState::Draft
        }
        Action::ManageFormation => actor.has(Role::Coordinator),
        Action::AnswerOffer { owner } => signed_in && owner,
        Action::ViewTeam { member } => signed_in && (member || actor.has(Role::Coordinator)),
        Action::ViewPromotionTeam { in_promotion } => {
            signed_in && (in_promotion || actor.has(Role::Coordinator))
        }
        Action::FillMilestone { filler } => signed_in && filler,
        Action::ReplyOnReport { member } => signed_in && (member || actor.has(Role::Coordinator)),
        Action::ManageMilestones => actor.has(Role::Coordinator),
    }
}

/// The person is the author of a dossier (an anonymised one has none).
fn is_owner(actor: &Actor, owner: Option<i64>) -> bool {
    owner.is_some() && actor.viewer().map(|v| v.id) == owner
}

/// The capabilities pages show links and forms for.
pub fn capabilities(actor: &Actor) -> crate::model::page::Capabilities {
    crate::model::page::Capabilities {
        list_users: allows(actor, Action::ListUsers),
        view_outbox: allows(actor, Action::ViewOutbox),
        manage_promotions: allows(actor, Action::ManagePromotions),
        decide_defis: allows(actor, Action::DecideDefis),
        review_applications: allows(actor, Action::ReviewApplications),
        manage_organisations: allows(actor, Action::ManageOrganisations),
        host: actor.is_host(),
        jury: allows(actor, Action::ViewJuryHome),
        apply: actor.viewer().is_some_and(|v| v.roles.is_empty()),
    }
}

/// `Ok` when allowed; otherwise the error the caller should return.
/// Anonymous people are sent to sign in (`Forbidden`); signed-in people who
/// lack the right are told the page does not exist.
pub fn require(actor: &Actor, action: Action) -> Result<(), AppError> {
    if allows(actor, action) {
        Ok(())
    } else if actor.viewer().is_none() {
        Err(AppError::Forbidden)
    } else {
        Err(AppError::NotFound)
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_formation;
#[cfg(test)]
mod tests_jury;
