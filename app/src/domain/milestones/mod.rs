//! The ten months (DESIGN §2, §8): milestone templates per promotion, each
//! with a due rule relative to the start (`rule`), who fills it, the form
//! it asks and whether it is public within the promotion; every team gets
//! instances whose status follows time (`status`); the weekly bulletin's
//! rules (`bulletin`). Pure code: the server stores templates and
//! instances and runs the scheduler.

pub mod bulletin;
pub mod rule;
pub mod status;

use crate::i18n::Msg;

/// Who fills a milestone in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filler {
    /// Any fellow of the team.
    Team,
    /// The host's lead.
    HostLead,
    /// The host's mentor.
    Mentor,
    /// Nobody: an event of the promotion's calendar.
    Nobody,
}

impl Filler {
    pub fn code(self) -> &'static str {
        match self {
            Filler::Team => "team",
            Filler::HostLead => "host_lead",
            Filler::Mentor => "mentor",
            Filler::Nobody => "nobody",
        }
    }

    pub fn parse(code: &str) -> Option<Filler> {
        [
            Filler::Team,
            Filler::HostLead,
            Filler::Mentor,
            Filler::Nobody,
        ]
        .into_iter()
        .find(|f| f.code() == code)
    }
}

/// A field of a milestone's form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text of at most `max` characters.
    Text {
        max: usize,
    },
    /// One of the options.
    Choice {
        options: Vec<Msg>,
    },
    /// Items to tick.
    Checklist {
        items: Vec<Msg>,
    },
    Number,
    Link,
    File,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// The form field's name.
    pub name: &'static str,
    pub label: Msg,
    pub kind: FieldKind,
}

/// A milestone template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    /// Stable key within the promotion.
    pub key: &'static str,
    pub title: Msg,
    /// A `rule::DueRule` code.
    pub rule: &'static str,
    pub filler: Filler,
    pub fields: Vec<FieldSpec>,
    /// Read by the whole promotion (the bulletin digest, the events);
    /// otherwise by the team, its host and coordinators.
    pub public: bool,
}

fn text(name: &'static str, label: Msg, max: usize) -> FieldSpec {
    FieldSpec {
        name,
        label,
        kind: FieldKind::Text { max },
    }
}

/// The milestones of an EIG promotion (DESIGN §8), which coordinators
/// start from.
pub fn defaults() -> Vec<Template> {
    use FieldKind::*;
    vec![
        Template {
            key: "arrivee",
            title: Msg::MilestoneArrival,
            rule: "after:14@17:00",
            filler: Filler::HostLead,
            fields: vec![FieldSpec {
                name: "liste",
                label: Msg::MilestoneChecklist,
                kind: Checklist {
                    items: vec![
                        Msg::ArrivalContract,
                        Msg::ArrivalDataAccess,
                        Msg::ArrivalWorkstation,
                        Msg::ArrivalNetwork,
                        Msg::ArrivalBadge,
                        Msg::ArrivalImmersion,
                    ],
                },
            }],
            public: false,
        },
        Template {
            key: "bootcamp",
            title: Msg::MilestoneBootcamp,
            rule: "week:3@09:30",
            filler: Filler::Nobody,
            fields: Vec::new(),
            public: true,
        },
        Template {
            key: "pleniere",
            title: Msg::MilestonePlenary,
            rule: "monthly:1:tue@14:00",
            filler: Filler::Team,
            fields: vec![text("point", Msg::MilestoneStandUp, 1000)],
            public: true,
        },
        Template {
            key: "bulletin",
            title: Msg::MilestoneBulletin,
            rule: "weekly:fri@15:00",
            filler: Filler::Team,
            fields: vec![
                FieldSpec {
                    name: "humeur",
                    label: Msg::BulletinMood,
                    kind: Number,
                },
                text("priorite", Msg::BulletinPriority, bulletin::TEXT_MAX),
                text("hauts_bas", Msg::BulletinUpsDowns, bulletin::TEXT_MAX),
                text("aide", Msg::BulletinHelp, bulletin::TEXT_MAX),
            ],
            public: true,
        },
        Template {
            key: "indicateurs",
            title: Msg::MilestoneIndicators,
            rule: "after:30@17:00",
            filler: Filler::Team,
            fields: vec![
                text("indicateurs", Msg::MilestoneIndicatorsText, 2000),
                FieldSpec {
                    name: "lien",
                    label: Msg::MilestoneLink,
                    kind: Link,
                },
            ],
            public: false,
        },
        Template {
            key: "demo_day",
            title: Msg::MilestoneDemoDay,
            rule: "week:22@14:00",
            filler: Filler::Nobody,
            fields: Vec::new(),
            public: true,
        },
        Template {
            key: "continuite",
            title: Msg::MilestoneContinuity,
            rule: "week:24@17:00",
            filler: Filler::HostLead,
            fields: vec![text("note", Msg::MilestoneContinuityText, 3000)],
            public: false,
        },
        Template {
            key: "presentation_finale",
            title: Msg::MilestoneFinal,
            rule: "week:41@14:00",
            filler: Filler::Nobody,
            fields: Vec::new(),
            public: true,
        },
        Template {
            key: "fin",
            title: Msg::MilestoneEnd,
            rule: "week:43@17:00",
            filler: Filler::Team,
            fields: vec![
                FieldSpec {
                    name: "liste",
                    label: Msg::MilestoneChecklist,
                    kind: Checklist {
                        items: vec![
                            Msg::EndDocumentation,
                            Msg::EndOpenCode,
                            Msg::EndOpenData,
                            Msg::EndHandover,
                        ],
                    },
                },
                FieldSpec {
                    name: "depot",
                    label: Msg::MilestoneRepository,
                    kind: Link,
                },
            ],
            public: false,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn the_defaults_fall_within_ten_months_in_order() {
        let start = NaiveDate::from_ymd_opt(2027, 9, 13).unwrap();
        let end = crate::domain::placement::end_date(start, 10);
        let mut keys = std::collections::HashSet::new();
        for t in defaults() {
            assert!(keys.insert(t.key), "{} twice", t.key);
            let r = rule::DueRule::parse(t.rule).unwrap_or_else(|| panic!("{}", t.rule));
            let due = r.occurrences(start, end);
            assert!(!due.is_empty(), "{}", t.key);
            let last = due.last().unwrap().date_naive();
            assert!(last <= end, "{} due {last} after {end}", t.key);
            assert!(due.first().unwrap().date_naive() >= start, "{}", t.key);
            // An event asks nothing; a form is filled by someone.
            assert_eq!(t.filler == Filler::Nobody, t.fields.is_empty(), "{}", t.key);
        }
        // Demo Day around month 5, the bootcamp in weeks 3–4.
        let due = |key: &str| {
            let t = defaults().into_iter().find(|t| t.key == key).unwrap();
            rule::DueRule::parse(t.rule)
                .unwrap()
                .occurrences(start, end)[0]
                .date_naive()
        };
        assert_eq!(
            due("bootcamp"),
            NaiveDate::from_ymd_opt(2027, 9, 27).unwrap()
        );
        let demo = due("demo_day");
        assert!(demo > NaiveDate::from_ymd_opt(2028, 1, 31).unwrap());
        assert!(demo < NaiveDate::from_ymd_opt(2028, 3, 1).unwrap());
        for f in [
            Filler::Team,
            Filler::HostLead,
            Filler::Mentor,
            Filler::Nobody,
        ] {
            assert_eq!(Filler::parse(f.code()), Some(f));
        }
    }
}
