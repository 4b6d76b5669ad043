//! Roles a person can hold. Instance roles (admin, coordinator) apply
//! everywhere; host roles are held per organisation; reviewer is per promotion
//! and arrives with the jury issue, but is already part of the model.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HostRole {
    Lead,
    Mentor,
    Hr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Admin,
    Coordinator,
    /// Member of a host organisation, identified by its id.
    Host {
        organisation: i64,
        role: HostRole,
    },
    /// Reviewer for a promotion, identified by its id.
    Reviewer {
        promotion: i64,
    },
}

impl HostRole {
    pub const ALL: [HostRole; 3] = [HostRole::Lead, HostRole::Mentor, HostRole::Hr];

    pub fn code(self) -> &'static str {
        match self {
            HostRole::Lead => "lead",
            HostRole::Mentor => "mentor",
            HostRole::Hr => "hr",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label(self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            HostRole::Lead => Msg::RoleHostLead,
            HostRole::Mentor => Msg::RoleHostMentor,
            HostRole::Hr => Msg::RoleHostHr,
        }
    }
}

/// Roles an admin may grant from the users page.
pub const GRANTABLE_BY_ADMIN: [Role; 2] = [Role::Admin, Role::Coordinator];

impl Role {
    /// Stable storage code; the scope id is stored in its own column.
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Host {
                role: HostRole::Lead,
                ..
            } => "host_lead",
            Role::Host {
                role: HostRole::Mentor,
                ..
            } => "host_mentor",
            Role::Host {
                role: HostRole::Hr, ..
            } => "host_hr",
            Role::Reviewer { .. } => "reviewer",
        }
    }

    pub fn scope(self) -> Option<i64> {
        match self {
            Role::Admin | Role::Coordinator => None,
            Role::Host { organisation, .. } => Some(organisation),
            Role::Reviewer { promotion } => Some(promotion),
        }
    }

    /// The inverse of `code` + `scope`; `None` for an unknown code or a
    /// scope that does not fit the role.
    pub fn from_parts(code: &str, scope: Option<i64>) -> Option<Self> {
        let host = |role| scope.map(|organisation| Role::Host { organisation, role });
        match (code, scope) {
            ("admin", None) => Some(Role::Admin),
            ("coordinator", None) => Some(Role::Coordinator),
            ("host_lead", _) => host(HostRole::Lead),
            ("host_mentor", _) => host(HostRole::Mentor),
            ("host_hr", _) => host(HostRole::Hr),
            ("reviewer", Some(promotion)) => Some(Role::Reviewer { promotion }),
            _ => None,
        }
    }

    pub fn is_instance_wide(self) -> bool {
        self.scope().is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_and_scope_round_trip() {
        for role in [
            Role::Admin,
            Role::Coordinator,
            Role::Host {
                organisation: 7,
                role: HostRole::Lead,
            },
            Role::Host {
                organisation: 7,
                role: HostRole::Mentor,
            },
            Role::Host {
                organisation: 7,
                role: HostRole::Hr,
            },
            Role::Reviewer { promotion: 3 },
        ] {
            assert_eq!(Role::from_parts(role.code(), role.scope()), Some(role));
        }
    }

    #[test]
    fn refuses_unknown_codes_and_misplaced_scopes() {
        assert_eq!(Role::from_parts("root", None), None);
        assert_eq!(Role::from_parts("admin", Some(1)), None);
        assert_eq!(Role::from_parts("host_lead", None), None);
        assert_eq!(Role::from_parts("reviewer", None), None);
    }

    #[test]
    fn only_instance_roles_are_grantable_by_admin() {
        assert!(GRANTABLE_BY_ADMIN.iter().all(|r| r.is_instance_wide()));
    }
}
