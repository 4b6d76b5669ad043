//! Conflicts of interest: the kinds a juror declares (as HotCRP), and the
//! likely ones Cohorte detects by itself and shows for confirmation.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConflictKind {
    Personal,
    /// Worked together in the last three years.
    Professional,
    /// Same administration.
    Administrative,
    Other,
}

impl ConflictKind {
    pub const ALL: [ConflictKind; 4] = [
        ConflictKind::Personal,
        ConflictKind::Professional,
        ConflictKind::Administrative,
        ConflictKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ConflictKind::Personal => "personal",
            ConflictKind::Professional => "professional",
            ConflictKind::Administrative => "administrative",
            ConflictKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            ConflictKind::Personal => Msg::ConflictPersonal,
            ConflictKind::Professional => Msg::ConflictProfessional,
            ConflictKind::Administrative => Msg::ConflictAdministrative,
            ConflictKind::Other => Msg::ConflictOther,
        }
    }
}

/// Why Cohorte thinks a juror and an applicant may be in conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Detected {
    /// Same email domain, outside public webmail.
    SameDomain,
    /// The juror is a host member of an organisation whose défi the
    /// applicant ranked.
    HostOfRankedDefi,
    /// The applicant ranked a défi of the organisation the juror works for.
    RankedJurorsOrganisation,
}

impl Detected {
    pub fn code(self) -> &'static str {
        match self {
            Detected::SameDomain => "same_domain",
            Detected::HostOfRankedDefi => "host_of_ranked_defi",
            Detected::RankedJurorsOrganisation => "ranked_jurors_organisation",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [
            Detected::SameDomain,
            Detected::HostOfRankedDefi,
            Detected::RankedJurorsOrganisation,
        ]
        .into_iter()
        .find(|d| d.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            Detected::SameDomain => Msg::DetectedSameDomain,
            Detected::HostOfRankedDefi => Msg::DetectedHostOfRankedDefi,
            Detected::RankedJurorsOrganisation => Msg::DetectedRankedJurorsOrganisation,
        }
    }

    /// The kind a confirmed detection is recorded as.
    pub fn kind(self) -> ConflictKind {
        match self {
            Detected::SameDomain | Detected::RankedJurorsOrganisation => {
                ConflictKind::Administrative
            }
            Detected::HostOfRankedDefi => ConflictKind::Professional,
        }
    }
}

/// Email domains shared by unrelated people: a match there means nothing.
pub const PUBLIC_WEBMAIL: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "yahoo.fr",
    "yahoo.com",
    "hotmail.fr",
    "hotmail.com",
    "outlook.fr",
    "outlook.com",
    "live.fr",
    "live.com",
    "msn.com",
    "icloud.com",
    "me.com",
    "orange.fr",
    "wanadoo.fr",
    "free.fr",
    "sfr.fr",
    "neuf.fr",
    "laposte.net",
    "bbox.fr",
    "numericable.fr",
    "aol.com",
    "gmx.fr",
    "gmx.com",
    "protonmail.com",
    "proton.me",
    "pm.me",
    "tutanota.com",
    "mailo.com",
    "zaclys.net",
    "ik.me",
];

/// The domain of an email, lower case, when it is not public webmail.
pub fn institutional_domain(email: &str) -> Option<String> {
    let domain = email.rsplit_once('@')?.1.trim().to_lowercase();
    (!domain.is_empty() && !PUBLIC_WEBMAIL.contains(&domain.as_str())).then_some(domain)
}

/// What is known of a juror for detection.
pub struct JurorFacts<'a> {
    pub email: &'a str,
    /// Organisations where the juror holds a host role.
    pub host_of: &'a [i64],
    /// The organisation the juror works for, if declared.
    pub works_for: Option<i64>,
}

/// What is known of an applicant for detection.
pub struct ApplicantFacts<'a> {
    pub email: &'a str,
    /// Organisations of the défis the applicant ranked.
    pub ranked: &'a [i64],
}

/// Every likely conflict between a juror and an applicant.
pub fn detect(j: &JurorFacts, a: &ApplicantFacts) -> Vec<Detected> {
    let mut out = Vec::new();
    if let (Some(x), Some(y)) = (institutional_domain(j.email), institutional_domain(a.email))
        && x == y
    {
        out.push(Detected::SameDomain);
    }
    if a.ranked.iter().any(|o| j.host_of.contains(o)) {
        out.push(Detected::HostOfRankedDefi);
    }
    if j.works_for.is_some_and(|o| a.ranked.contains(&o)) {
        out.push(Detected::RankedJurorsOrganisation);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_a_shared_institutional_domain_but_not_webmail() {
        let j = JurorFacts {
            email: "Anne@Interieur.gouv.fr",
            host_of: &[],
            works_for: None,
        };
        let a = ApplicantFacts {
            email: "paul@interieur.gouv.fr",
            ranked: &[],
        };
        assert_eq!(detect(&j, &a), [Detected::SameDomain]);
        let j = JurorFacts {
            email: "anne@gmail.com",
            host_of: &[],
            works_for: None,
        };
        let a = ApplicantFacts {
            email: "paul@gmail.com",
            ranked: &[],
        };
        assert!(detect(&j, &a).is_empty());
    }

    #[test]
    fn detects_hosts_of_ranked_defis_and_the_jurors_own_organisation() {
        let j = JurorFacts {
            email: "a@x.fr",
            host_of: &[4],
            works_for: Some(7),
        };
        let a = ApplicantFacts {
            email: "b@y.fr",
            ranked: &[7, 4],
        };
        assert_eq!(
            detect(&j, &a),
            [
                Detected::HostOfRankedDefi,
                Detected::RankedJurorsOrganisation
            ]
        );
        let a = ApplicantFacts {
            email: "b@y.fr",
            ranked: &[5],
        };
        assert!(detect(&j, &a).is_empty());
    }
}
