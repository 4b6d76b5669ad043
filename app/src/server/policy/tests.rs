//! The policy as a matrix: every action against every kind of person.
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
        (ResendMail, [false, false, false, false, true, true]),
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
        (ManageReview, [false, false, false, false, true, false]),
        // The owner (SELF_ID), shortlisted, while the step is open.
        (
            RankAfterShortlist {
                owner: Some(SELF_ID),
                state: ApplicationState::Shortlisted,
                open: true,
            },
            [false, true, true, true, true, true],
        ),
        (
            RankAfterShortlist {
                owner: Some(SELF_ID),
                state: ApplicationState::Shortlisted,
                open: false,
            },
            [false; 6],
        ),
        (
            RankAfterShortlist {
                owner: Some(SELF_ID),
                state: ApplicationState::NotShortlisted,
                open: true,
            },
            [false; 6],
        ),
        (
            RankAfterShortlist {
                owner: Some(OTHER_ID),
                state: ApplicationState::Shortlisted,
                open: true,
            },
            [false; 6],
        ),
        (ViewJuryHome, [false, false, false, true, false, false]),
        (
            ActAsJuror { promotion: 1 },
            [false, false, false, true, false, false],
        ),
        // Another promotion's jury: nobody here.
        (ActAsJuror { promotion: 2 }, [false; 6]),
        (
            ReadAsJuror {
                promotion: 1,
                assigned: true,
                conflicted: false,
                declared: true,
            },
            [false, false, false, true, false, false],
        ),
        // Not assigned, in conflict, conflicts not declared, or another
        // promotion: nobody reads it as a juror (coordinators read it
        // through ViewApplication).
        (
            ReadAsJuror {
                promotion: 1,
                assigned: false,
                conflicted: false,
                declared: true,
            },
            [false; 6],
        ),
        (
            ReadAsJuror {
                promotion: 1,
                assigned: true,
                conflicted: true,
                declared: true,
            },
            [false; 6],
        ),
        (
            ReadAsJuror {
                promotion: 1,
                assigned: true,
                conflicted: false,
                declared: false,
            },
            [false; 6],
        ),
        (
            ReadAsJuror {
                promotion: 2,
                assigned: true,
                conflicted: false,
                declared: true,
            },
            [false; 6],
        ),
        (
            ScoreAsJuror {
                promotion: 1,
                assigned: true,
                conflicted: false,
                declared: true,
                open: true,
            },
            [false, false, false, true, false, false],
        ),
        // The stage closed: nobody scores.
        (
            ScoreAsJuror {
                promotion: 1,
                assigned: true,
                conflicted: false,
                declared: true,
                open: false,
            },
            [false; 6],
        ),
        (
            ScoreAsJuror {
                promotion: 1,
                assigned: true,
                conflicted: true,
                declared: true,
                open: true,
            },
            [false; 6],
        ),
        (DeleteOwnAccount, [false, true, true, true, true, true]),
    ]
    .into_iter()
    .chain(super::tests_jury::rows())
    .chain(super::tests_formation::rows())
    .collect()
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
            S::Submitted
                | S::CorrectionRequested
                | S::InReview
                | S::Shortlisted
                | S::InvitedToInterview
                | S::Interviewed
                | S::Ranked
                | S::Offered
                | S::Accepted
                | S::Declined
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

/// Each row's answers, persona by persona, are what the policy says.
fn holds(personas: &[(&str, Actor)], rows: Vec<(Action, [bool; 6])>) {
    for (action, expected) in rows {
        for ((name, actor), want) in personas.iter().zip(expected) {
            assert_eq!(allows(actor, action), want, "{name} × {action:?}");
        }
    }
}

#[test]
fn organisation_matrix_holds() {
    holds(&organisation_personas(), organisation_matrix());
}

#[test]
fn matrix_holds() {
    holds(&personas(), matrix());
}

/// Adding an action without a matrix row fails here: every kind of
/// action (`ActionKind`, derived from `Action`) must appear in a matrix.
#[test]
fn every_action_has_a_row() {
    use strum::{EnumCount, IntoEnumIterator};
    let covered: std::collections::HashSet<ActionKind> = matrix()
        .iter()
        .chain(organisation_matrix().iter())
        .chain(application_matrix().iter())
        .map(|(a, _)| ActionKind::from(a))
        .collect();
    let missing: Vec<ActionKind> = ActionKind::iter()
        .filter(|k| !covered.contains(k))
        .collect();
    assert!(missing.is_empty(), "no matrix row for {missing:?}");
    assert_eq!(covered.len(), ActionKind::COUNT);
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
    // "My application" is for the people without a programme role.
    assert!(capabilities(&person(&[])).apply);
    assert!(!c.apply && !a.apply);
    let host = capabilities(&person(&[Role::Host {
        organisation: 4,
        role: HostRole::Lead,
    }]));
    assert!(host.host && !host.apply);
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
