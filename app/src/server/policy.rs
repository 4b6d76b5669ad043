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
/// action here, a rule in `allows`, and a row in the matrix test below.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    /// Read the whole dossier, including its pitch deck.
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
    /// Download everything Cohorte holds about oneself.
    ExportOwnData,
    /// Delete one's own account.
    DeleteOwnAccount,
}

impl Action {
    /// How many kinds of action exist; the matrix test checks it has a row
    /// for each.
    pub const ALL_KINDS: usize = 36;
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
        Action::ViewOutbox => actor.has(Role::Admin) || actor.has(Role::Coordinator),
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
        Action::RemindDraft { state } => {
            actor.has(Role::Coordinator) && state == ApplicationState::Draft
        }
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
mod tests {
    use super::*;

    const SELF_ID: i64 = 1;
    const OTHER_ID: i64 = 2;

    fn person(roles: &[Role]) -> Actor {
        Actor::Person(Viewer {
            id: SELF_ID,
            name: "Camille".into(),
            email: "camille@example.fr".into(),
            roles: roles.to_vec(),
        })
    }

    fn personas() -> Vec<(&'static str, Actor)> {
        vec![
            ("anonymous", Actor::Anonymous),
            ("applicant", person(&[])),
            (
                "host lead",
                person(&[Role::Host {
                    organisation: 4,
                    role: HostRole::Lead,
                }]),
            ),
            ("reviewer", person(&[Role::Reviewer { promotion: 1 }])),
            ("coordinator", person(&[Role::Coordinator])),
            ("admin", person(&[Role::Admin])),
        ]
    }

    /// (action, [anonymous, applicant, host lead, reviewer, coordinator, admin])
    fn matrix() -> Vec<(Action, [bool; 6])> {
        use Action::*;
        vec![
            (SignUp, [true, false, false, false, false, false]),
            (SignIn, [true, false, false, false, false, false]),
            (RequestMagicLink, [true, false, false, false, false, false]),
            (
                RequestPasswordReset,
                [true, false, false, false, false, false],
            ),
            (UseEmailedToken, [true, true, true, true, true, true]),
            (SignOut, [false, true, true, true, true, true]),
            (ViewOwnArea, [false, true, true, true, true, true]),
            (ListUsers, [false, false, false, false, false, true]),
            (
                ManageRoles { target: OTHER_ID },
                [false, false, false, false, false, true],
            ),
            (
                ManageRoles { target: SELF_ID },
                [false, false, false, false, false, false],
            ),
            (
                SetAccountDisabled { target: OTHER_ID },
                [false, false, false, false, false, true],
            ),
            (
                SetAccountDisabled { target: SELF_ID },
                [false, false, false, false, false, false],
            ),
            (ViewOutbox, [false, false, false, false, true, true]),
            (ViewPromotions, [true, true, true, true, true, true]),
            (ManagePromotions, [false, false, false, false, true, false]),
            (RegisterOrganisation, [false, true, true, true, true, true]),
            (AcceptInvitation, [false, true, true, true, true, true]),
            (
                ManageOrganisations,
                [false, false, false, false, true, false],
            ),
            (DecideDefis, [false, false, false, false, true, false]),
            (PublishDefis, [false, false, false, false, true, false]),
            (ViewDefiSheet { published: true }, [true; 6]),
            (ViewDefiSheet { published: false }, [false; 6]),
            (
                ReviewApplications,
                [false, false, false, false, true, false],
            ),
            (
                ExportApplications,
                [false, false, false, false, true, false],
            ),
            (ExportOwnData, [false, true, true, true, true, true]),
            (DeleteOwnAccount, [false, true, true, true, true, true]),
        ]
    }

    /// The host-side actions, per organisation and per state: (action,
    /// [anonymous, applicant, lead of this organisation, mentor of this
    /// organisation, member of another organisation, coordinator]).
    fn organisation_matrix() -> Vec<(Action, [bool; 6])> {
        use Action::*;
        let mut rows = vec![
            (
                ViewOrganisation {
                    organisation: OWN_ORG,
                },
                [false, false, true, true, false, true],
            ),
            (
                InviteMember {
                    organisation: OWN_ORG,
                },
                [false, false, true, false, false, false],
            ),
            (
                CreateDefi {
                    organisation: OWN_ORG,
                },
                [false, false, true, true, false, false],
            ),
        ];
        for state in DefiState::ALL {
            let editable = state.host_may_edit();
            rows.push((
                EditDefi {
                    organisation: OWN_ORG,
                    state,
                },
                [false, false, editable, editable, false, false],
            ));
            let coordinators = state != DefiState::Draft;
            rows.push((
                ViewDefiDossier {
                    organisation: OWN_ORG,
                    state,
                },
                [false, false, true, true, false, coordinators],
            ));
        }
        rows
    }

    /// Application actions per state: (action, [anonymous, the author,
    /// another applicant, host lead, coordinator, admin]).
    fn application_matrix() -> Vec<(Action, [bool; 6])> {
        use Action::*;
        let mut rows = vec![
            (StartApplication, [false, true, true, true, true, true]),
            (
                WithdrawApplication {
                    owner: None,
                    state: ApplicationState::Submitted,
                },
                [false, false, false, false, false, false],
            ),
        ];
        for state in ApplicationState::ALL {
            use ApplicationState as S;
            let editable = state.applicant_may_edit();
            let submitted = state != ApplicationState::Draft;
            // Written out rather than derived from the rules, so that a
            // change of the rules shows here.
            let withdrawable = matches!(
                state,
                S::Submitted | S::CorrectionRequested | S::InReview | S::Shortlisted
            );
            rows.push((
                WithdrawApplication {
                    owner: Some(SELF_ID),
                    state,
                },
                [false, withdrawable, false, false, false, false],
            ));
            rows.push((
                ReviewApplication { state },
                [false, false, false, false, submitted, false],
            ));
            rows.push((
                ExportApplication { state },
                [false, false, false, false, submitted, false],
            ));
            rows.push((
                ExtendApplicationDeadline { state },
                [
                    false,
                    false,
                    false,
                    false,
                    matches!(state, S::Draft | S::CorrectionRequested),
                    false,
                ],
            ));
            rows.push((
                RemindDraft { state },
                [false, false, false, false, state == S::Draft, false],
            ));
            rows.push((
                ViewApplication {
                    owner: Some(SELF_ID),
                    state,
                },
                [false, true, false, false, submitted, false],
            ));
            rows.push((
                EditApplication {
                    owner: Some(SELF_ID),
                    state,
                },
                [false, editable, false, false, false, false],
            ));
        }
        rows
    }

    #[test]
    fn application_matrix_holds() {
        let personas = [
            ("anonymous", Actor::Anonymous),
            ("the author", person(&[])),
            (
                "another applicant",
                Actor::Person(Viewer {
                    id: OTHER_ID,
                    name: "Dominique".into(),
                    email: "d@example.fr".into(),
                    roles: vec![],
                }),
            ),
            (
                "host lead",
                Actor::Person(Viewer {
                    id: OTHER_ID,
                    name: "Hugo".into(),
                    email: "h@example.fr".into(),
                    roles: vec![Role::Host {
                        organisation: OWN_ORG,
                        role: HostRole::Lead,
                    }],
                }),
            ),
            (
                "coordinator",
                Actor::Person(Viewer {
                    id: OTHER_ID,
                    name: "Claire".into(),
                    email: "c@example.fr".into(),
                    roles: vec![Role::Coordinator],
                }),
            ),
            (
                "admin",
                Actor::Person(Viewer {
                    id: OTHER_ID,
                    name: "Alice".into(),
                    email: "a@example.fr".into(),
                    roles: vec![Role::Admin],
                }),
            ),
        ];
        for (action, expected) in application_matrix() {
            for ((name, actor), want) in personas.iter().zip(expected) {
                assert_eq!(allows(actor, action), want, "{name} × {action:?}");
            }
        }
    }

    const OWN_ORG: i64 = 4;
    const OTHER_ORG: i64 = 5;

    fn organisation_personas() -> Vec<(&'static str, Actor)> {
        let host = |organisation, role| Role::Host { organisation, role };
        vec![
            ("anonymous", Actor::Anonymous),
            ("applicant", person(&[])),
            (
                "lead of this organisation",
                person(&[host(OWN_ORG, HostRole::Lead)]),
            ),
            (
                "mentor of this organisation",
                person(&[host(OWN_ORG, HostRole::Mentor)]),
            ),
            (
                "lead of another organisation",
                person(&[host(OTHER_ORG, HostRole::Lead)]),
            ),
            ("coordinator", person(&[Role::Coordinator])),
        ]
    }

    #[test]
    fn organisation_matrix_holds() {
        let personas = organisation_personas();
        for (action, expected) in organisation_matrix() {
            for ((name, actor), want) in personas.iter().zip(expected) {
                assert_eq!(allows(actor, action), want, "{name} × {action:?}");
            }
        }
    }

    #[test]
    fn matrix_holds() {
        let personas = personas();
        for (action, expected) in matrix() {
            for ((name, actor), want) in personas.iter().zip(expected) {
                assert_eq!(allows(actor, action), want, "{name} × {action:?}");
            }
        }
    }

    /// Adding an action without a matrix row fails here: the count of
    /// distinct action kinds in the matrix must equal `ALL_KINDS`, and the
    /// exhaustive match below must name every variant.
    #[test]
    fn every_action_has_a_row() {
        let kind = |a: &Action| -> usize {
            match a {
                Action::SignUp => 0,
                Action::SignIn => 1,
                Action::RequestMagicLink => 2,
                Action::RequestPasswordReset => 3,
                Action::UseEmailedToken => 4,
                Action::SignOut => 5,
                Action::ViewOwnArea => 6,
                Action::ListUsers => 7,
                Action::ManageRoles { .. } => 8,
                Action::SetAccountDisabled { .. } => 9,
                Action::ViewOutbox => 10,
                Action::ViewPromotions => 11,
                Action::ManagePromotions => 12,
                Action::RegisterOrganisation => 13,
                Action::ViewOrganisation { .. } => 14,
                Action::InviteMember { .. } => 15,
                Action::AcceptInvitation => 16,
                Action::ManageOrganisations => 17,
                Action::CreateDefi { .. } => 18,
                Action::EditDefi { .. } => 19,
                Action::ViewDefiDossier { .. } => 20,
                Action::DecideDefis => 21,
                Action::PublishDefis => 22,
                Action::ViewDefiSheet { .. } => 23,
                Action::StartApplication => 24,
                Action::ViewApplication { .. } => 25,
                Action::EditApplication { .. } => 26,
                Action::WithdrawApplication { .. } => 27,
                Action::ReviewApplications => 28,
                Action::ExportApplications => 29,
                Action::ExportOwnData => 30,
                Action::DeleteOwnAccount => 31,
                Action::ReviewApplication { .. } => 32,
                Action::ExtendApplicationDeadline { .. } => 33,
                Action::RemindDraft { .. } => 34,
                Action::ExportApplication { .. } => 35,
            }
        };
        let mut kinds: Vec<usize> = matrix()
            .iter()
            .chain(organisation_matrix().iter())
            .chain(application_matrix().iter())
            .map(|(a, _)| kind(a))
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        assert_eq!(kinds.len(), Action::ALL_KINDS);
    }

    #[test]
    fn capabilities_follow_the_policy() {
        let c = capabilities(&person(&[Role::Coordinator]));
        assert!(c.view_outbox && c.manage_promotions && !c.list_users);
        assert!(c.decide_defis && c.review_applications);
        let a = capabilities(&person(&[Role::Admin]));
        assert!(a.view_outbox && a.list_users && !a.manage_promotions);
        assert!(!a.decide_defis && !a.review_applications);
        assert_eq!(capabilities(&Actor::Anonymous), Default::default());
    }

    #[test]
    fn refusals_hide_existence_from_signed_in_people() {
        assert_eq!(
            require(&Actor::Anonymous, Action::ListUsers),
            Err(AppError::Forbidden)
        );
        assert_eq!(
            require(&person(&[]), Action::ListUsers),
            Err(AppError::NotFound)
        );
        assert_eq!(require(&person(&[Role::Admin]), Action::ListUsers), Ok(()));
    }
}
