//! The ten months (DESIGN §2, §8): milestone templates per promotion, each
//! with a due rule relative to the start (`rule`), who fills it, the form
//! it asks and whether it is public within the promotion; every team gets
//! instances whose status follows time (`status`); the weekly bulletin's
//! rules (`bulletin`). Pure code: the server stores templates and
//! instances and runs the scheduler.

pub mod answers;
pub mod bulletin;
pub mod rule;
pub mod schedule;
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
    Text { max: usize },
    /// One of the options (stored code, label).
    Choice { options: Vec<(&'static str, Msg)> },
    /// Items to tick (stored code, label).
    Checklist { items: Vec<(&'static str, Msg)> },
    /// A number (decimals allowed).
    Number,
    /// A web address (`https://…`).
    Link,
    /// A PDF, sent by the milestone page's own upload form (a form may
    /// hold one, named [`FILE`]); the last one sent is kept.
    File,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// The form field's name.
    pub name: &'static str,
    pub label: Msg,
    pub kind: FieldKind,
    /// Must be filled (a checklist may always be left partly unticked).
    pub required: bool,
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
    /// An instance opens this many days before it is due.
    pub opens_days: u32,
    /// Coordinators are alerted this many days after it is due, if
    /// nothing came.
    pub grace_days: u32,
}

impl Template {
    /// A host's progress report: its "at risk" and "blocked" alert
    /// coordinators, and coordinators answer it in a thread.
    pub fn is_report(&self) -> bool {
        self.key == REPORT
    }

    /// The weekly bulletin.
    pub fn is_bulletin(&self) -> bool {
        self.key == BULLETIN
    }

    /// The form's file field, if it asks for one.
    pub fn file_field(&self) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.kind == FieldKind::File)
    }
}

/// The name of a form's file field (and of its file's slot).
pub const FILE: &str = "fiche";

/// The keys of the two rituals the product treats apart.
pub const BULLETIN: &str = "bulletin";
pub const REPORT: &str = "rapport";
/// A report's status field and its codes.
pub const REPORT_STATUS: &str = "statut";
pub const ON_TRACK: &str = "en_bonne_voie";
pub const AT_RISK: &str = "a_risque";
pub const BLOCKED: &str = "bloque";

/// The longest reply in a report's thread, in characters.
pub const REPLY_MAX: usize = 2000;

/// The longest text a milestone's field named `name` takes (what a refused
/// post keeps of it).
pub fn text_max(name: &str) -> Option<usize> {
    defaults()
        .iter()
        .flat_map(|t| t.fields.iter())
        .filter(|f| f.name == name)
        .map(|f| match f.kind {
            FieldKind::Text { max } => max,
            _ => answers::LINK_MAX,
        })
        .max()
}

/// The label of a milestone's field named `name` (the first template's
/// that has one).
pub fn label_of(name: &str) -> Option<Msg> {
    defaults()
        .into_iter()
        .flat_map(|t| t.fields)
        .find(|f| f.name == name)
        .map(|f| f.label)
}

/// The template of `key` among the defaults (the promotion's stored
/// templates keep its schedule; its title and form come from here).
pub fn template(key: &str) -> Option<Template> {
    defaults().into_iter().find(|t| t.key == key)
}

fn text(name: &'static str, label: Msg, max: usize) -> FieldSpec {
    FieldSpec {
        name,
        label,
        kind: FieldKind::Text { max },
        required: true,
    }
}

fn optional(name: &'static str, label: Msg, max: usize) -> FieldSpec {
    FieldSpec {
        required: false,
        ..text(name, label, max)
    }
}

fn field(name: &'static str, label: Msg, kind: FieldKind, required: bool) -> FieldSpec {
    FieldSpec {
        name,
        label,
        kind,
        required,
    }
}

/// The milestones of an EIG promotion (DESIGN §8), which coordinators
/// start from.
pub fn defaults() -> Vec<Template> {
    use FieldKind::*;
    let event = |key, title, rule| Template {
        key,
        title,
        rule,
        filler: Filler::Nobody,
        fields: Vec::new(),
        public: true,
        opens_days: 0,
        grace_days: 0,
    };
    vec![
        Template {
            key: "arrivee",
            title: Msg::MilestoneArrival,
            rule: "after:14@17:00",
            filler: Filler::HostLead,
            fields: vec![field(
                "liste",
                Msg::MilestoneChecklist,
                Checklist {
                    items: vec![
                        ("contrat", Msg::ArrivalContract),
                        ("donnees", Msg::ArrivalDataAccess),
                        ("poste", Msg::ArrivalWorkstation),
                        ("reseau", Msg::ArrivalNetwork),
                        ("badge", Msg::ArrivalBadge),
                        ("immersion", Msg::ArrivalImmersion),
                    ],
                },
                false,
            )],
            public: false,
            opens_days: 14,
            grace_days: 3,
        },
        event("bootcamp", Msg::MilestoneBootcamp, "week:3@09:30"),
        Template {
            key: "pleniere",
            title: Msg::MilestonePlenary,
            rule: "monthly:1:tue@14:00",
            filler: Filler::Team,
            fields: vec![text("point", Msg::MilestoneStandUp, 1000)],
            public: true,
            opens_days: 7,
            grace_days: 2,
        },
        Template {
            key: BULLETIN,
            title: Msg::MilestoneBulletin,
            rule: "weekly:fri@15:00",
            filler: Filler::Team,
            fields: vec![
                field(
                    bulletin::MOOD,
                    Msg::BulletinMood,
                    Choice {
                        options: vec![
                            ("1", Msg::Mood1),
                            ("2", Msg::Mood2),
                            ("3", Msg::Mood3),
                            ("4", Msg::Mood4),
                            ("5", Msg::Mood5),
                        ],
                    },
                    true,
                ),
                text("priorite", Msg::BulletinPriority, bulletin::TEXT_MAX),
                text("hauts_bas", Msg::BulletinUpsDowns, bulletin::TEXT_MAX),
                optional(bulletin::HELP, Msg::BulletinHelp, bulletin::TEXT_MAX),
            ],
            public: true,
            opens_days: 2,
            grace_days: 3,
        },
        Template {
            key: REPORT,
            title: Msg::MilestoneReport,
            rule: "monthly:5:fri@17:00",
            filler: Filler::HostLead,
            fields: vec![
                field(
                    REPORT_STATUS,
                    Msg::ReportStatus,
                    Choice {
                        options: vec![
                            (ON_TRACK, Msg::ReportOnTrack),
                            (AT_RISK, Msg::ReportAtRisk),
                            (BLOCKED, Msg::ReportBlocked),
                        ],
                    },
                    true,
                ),
                text("avancement", Msg::ReportProgress, 2000),
                optional("indicateurs", Msg::MilestoneIndicatorsText, 1000),
                optional("aide", Msg::BulletinHelp, 1000),
                text("suite", Msg::ReportNextSteps, 1000),
            ],
            public: false,
            opens_days: 7,
            grace_days: 5,
        },
        Template {
            key: "indicateurs",
            title: Msg::MilestoneIndicators,
            rule: "after:30@17:00",
            filler: Filler::Team,
            fields: vec![
                text("indicateurs", Msg::MilestoneIndicatorsText, 2000),
                field("valeur", Msg::MilestoneFirstValue, Number, false),
                field("lien", Msg::MilestoneLink, Link, false),
                field(FILE, Msg::MilestoneIndicatorsFile, File, false),
            ],
            public: false,
            opens_days: 10,
            grace_days: 5,
        },
        event("demo_day", Msg::MilestoneDemoDay, "week:22@14:00"),
        Template {
            key: "continuite",
            title: Msg::MilestoneContinuity,
            rule: "week:24@17:00",
            filler: Filler::Mentor,
            fields: vec![text("note", Msg::MilestoneContinuityText, 3000)],
            public: false,
            opens_days: 14,
            grace_days: 5,
        },
        event("presentation_finale", Msg::MilestoneFinal, "week:41@14:00"),
        Template {
            key: "fin",
            title: Msg::MilestoneEnd,
            rule: "week:43@17:00",
            filler: Filler::Team,
            fields: vec![
                field(
                    "liste",
                    Msg::MilestoneChecklist,
                    Checklist {
                        items: vec![
                            ("documentation", Msg::EndDocumentation),
                            ("code", Msg::EndOpenCode),
                            ("donnees", Msg::EndOpenData),
                            ("passation", Msg::EndHandover),
                        ],
                    },
                    false,
                ),
                field("depot", Msg::MilestoneRepository, Link, true),
            ],
            public: false,
            opens_days: 21,
            grace_days: 5,
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
