//! What the ten months' pages read: a team's follow-up, one milestone's
//! page, the coordinators' dashboard, the promotion's timeline, the
//! bulletins' CSV. Who sees what (`Seat`): the team's fellows and
//! coordinators see everything of the team, moods included; the host's
//! members everything but the moods; the rest of the promotion only
//! what is public within it (the bulletins, without moods).

use super::submit::{answers_of, is_fellow};
use super::{Stored, paris_time};
use crate::domain::milestones::answers::{self, Answer};
use crate::domain::milestones::bulletin::MOOD;
use crate::domain::milestones::status::{self, Cell as CellKind, Status};
use crate::domain::milestones::{AT_RISK, BLOCKED, Filler, REPORT_STATUS};
use crate::i18n::{Locale, Msg};
use crate::model::AppError;
use crate::model::milestones::*;
use crate::server::db::formation::placement;
use crate::server::db::milestones::{answer, instance, reply};
use crate::server::db::{application, defi, promotion, role_grant, user};
use chrono::{DateTime, Datelike, Duration, Utc};
use chrono_tz::Europe::Paris;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// The viewer's place with regard to a team.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seat {
    Coordinator,
    Fellow,
    Host,
    /// Of the promotion (a fellow or host of another team).
    Promotion,
}

impl Seat {
    pub fn sees_mood(self) -> bool {
        matches!(self, Seat::Coordinator | Seat::Fellow)
    }

    pub fn sees_private(self) -> bool {
        self != Seat::Promotion
    }
}

/// Where `user` sits with regard to the défi's team; `None`: nowhere.
pub async fn seat<C: ConnectionTrait>(
    db: &C,
    defi_id: i64,
    user: i64,
    coordinator: bool,
) -> Result<Option<Seat>, AppError> {
    if coordinator {
        return Ok(Some(Seat::Coordinator));
    }
    let Some(d) = defi::Entity::find_by_id(defi_id).one(db).await? else {
        return Ok(None);
    };
    if is_fellow(db, defi_id, user).await? {
        return Ok(Some(Seat::Fellow));
    }
    let orgs: Vec<i64> = role_grant::Entity::find()
        .filter(role_grant::Column::UserId.eq(user))
        .filter(role_grant::Column::Role.starts_with("host_"))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|g| g.scope_id)
        .collect();
    if orgs.contains(&d.organisation_id) {
        return Ok(Some(Seat::Host));
    }
    // Of another team of the promotion.
    let teams = super::teams(db, d.promotion_id).await?;
    let team_orgs: Vec<i64> = defi::Entity::find()
        .filter(defi::Column::Id.is_in(teams.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|x| x.organisation_id)
        .collect();
    if orgs.iter().any(|o| team_orgs.contains(o)) {
        return Ok(Some(Seat::Promotion));
    }
    let apps: Vec<i64> = application::Entity::find()
        .filter(application::Column::UserId.eq(user))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let fellow_elsewhere = placement::Entity::find()
        .filter(placement::Column::ApplicationId.is_in(apps))
        .filter(placement::Column::DefiId.is_in(teams))
        .filter(placement::Column::State.is_in(super::under_contract()))
        .one(db)
        .await?
        .is_some();
    Ok(fellow_elsewhere.then_some(Seat::Promotion))
}

pub fn filler_label(f: Filler) -> Msg {
    match f {
        Filler::Team => Msg::FillerTeam,
        Filler::HostLead => Msg::FillerHostLead,
        Filler::Mentor => Msg::FillerMentor,
        Filler::Nobody => Msg::FillerNobody,
    }
}

fn line(t: &Stored, i: &instance::Model, now: DateTime<Utc>, l: Locale) -> MilestoneLine {
    let s = t.status(i, now);
    MilestoneLine {
        id: i.id,
        title: l.t(t.template.title).to_owned(),
        filler: l.t(filler_label(t.template.filler)).to_owned(),
        due: paris_time(i.due_at),
        status: l.t(s.label()).to_owned(),
        status_code: s.code().to_owned(),
        moved: i.moved_reason.clone(),
        waived: i.waived_reason.clone(),
    }
}

async fn names<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, String>, AppError> {
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}

fn text_of(a: &answers::Answers, k: &str) -> String {
    answers::one(a, k).unwrap_or_default().to_owned()
}

fn report_status(a: &answers::Answers, l: Locale) -> (String, bool) {
    match answers::one(a, REPORT_STATUS) {
        Some(AT_RISK) => (l.t(Msg::ReportAtRisk).to_owned(), true),
        Some(BLOCKED) => (l.t(Msg::ReportBlocked).to_owned(), true),
        Some(_) => (l.t(Msg::ReportOnTrack).to_owned(), false),
        None => (String::new(), false),
    }
}

/// A team's follow-up as `seat` sees it.
pub async fn follow_up<C: ConnectionTrait>(
    db: &C,
    defi_id: i64,
    seat: Seat,
    now: DateTime<Utc>,
    l: Locale,
) -> Result<FollowUp, AppError> {
    let d = defi::Entity::find_by_id(defi_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let templates: HashMap<i64, Stored> = super::templates(db, d.promotion_id)
        .await?
        .into_iter()
        .map(|t| (t.row.id, t))
        .collect();
    let rows = instance::Entity::find()
        .filter(instance::Column::DefiId.eq(defi_id))
        .order_by_asc(instance::Column::DueAt)
        .all(db)
        .await?;
    let who = names(db, rows.iter().filter_map(|r| r.updated_by)).await?;
    let replies = reply::Entity::find()
        .filter(reply::Column::InstanceId.is_in(rows.iter().map(|r| r.id)))
        .all(db)
        .await?;
    let mut f = FollowUp {
        public_only: !seat.sees_private(),
        promotion_id: d.promotion_id,
        manage: seat == Seat::Coordinator,
        ..Default::default()
    };
    let horizon = now + Duration::days(35);
    for r in &rows {
        let Some(t) = templates.get(&r.template_id) else {
            continue;
        };
        if !seat.sees_private() && !t.template.public {
            continue;
        }
        let s = t.status(r, now);
        let a = answers_of(r);
        if t.template.is_bulletin() {
            if s == Status::Scheduled {
                continue;
            }
            if seat == Seat::Fellow
                && !s.done()
                && r.due_at >= now - Duration::days(3)
                && f.bulletin_now.is_none()
            {
                f.bulletin_now = Some(r.id);
            }
            f.bulletins.push(BulletinLine {
                id: r.id,
                due: paris_time(r.due_at),
                filled: r.submitted_at.is_some(),
                status: l.t(s.label()).to_owned(),
                mood: seat
                    .sees_mood()
                    .then(|| text_of(&a, MOOD))
                    .filter(|m| !m.is_empty()),
                priority: text_of(&a, "priorite"),
                ups_downs: text_of(&a, "hauts_bas"),
                help: text_of(&a, "aide"),
                author: r
                    .updated_by
                    .and_then(|u| who.get(&u).cloned())
                    .unwrap_or_default(),
                at: r.updated_at.map(paris_time).unwrap_or_default(),
            });
        } else if t.template.is_report() {
            if s == Status::Scheduled {
                continue;
            }
            let (status, alarming) = report_status(&a, l);
            f.reports.push(ReportLine {
                id: r.id,
                due: paris_time(r.due_at),
                status: if r.submitted_at.is_some() {
                    status
                } else {
                    l.t(s.label()).to_owned()
                },
                filled: r.submitted_at.is_some(),
                alarming,
                report: l.t(t.template.title).to_owned(),
                progress: text_of(&a, "avancement"),
                replies: replies.iter().filter(|x| x.instance_id == r.id).count() as u32,
            });
        } else if r.due_at <= horizon || s.done() {
            f.milestones.push(line(t, r, now, l));
        }
    }
    f.bulletins.reverse();
    f.reports.reverse();
    Ok(f)
}

fn form_fields(t: &Stored, a: &answers::Answers, l: Locale, mood: bool) -> Vec<FormField> {
    use crate::domain::milestones::FieldKind;
    t.template
        .fields
        .iter()
        .filter(|f| mood || f.name != MOOD)
        .map(|f| {
            let pairs = |v: &Vec<(&'static str, Msg)>| {
                v.iter()
                    .map(|(c, m)| ((*c).to_owned(), l.t(*m).to_owned()))
                    .collect()
            };
            FormField {
                name: f.name.to_owned(),
                label: l.t(f.label).to_owned(),
                view: match &f.kind {
                    FieldKind::Text { max } => FieldView::Text { max: *max as u32 },
                    FieldKind::Choice { options } => FieldView::Choice {
                        options: pairs(options),
                    },
                    FieldKind::Checklist { items } => FieldView::Checklist {
                        items: pairs(items),
                    },
                    FieldKind::Number => FieldView::Number,
                    FieldKind::Link => FieldView::Link,
                },
                required: f.required,
                value: answers::one(a, f.name).unwrap_or_default().to_owned(),
                ticked: match a.get(f.name) {
                    Some(Answer::Many(v)) => v.clone(),
                    _ => Vec::new(),
                },
            }
        })
        .collect()
}

/// A milestone's page as `seat` sees it; `filler`: the viewer fills it.
pub async fn instance_page<C: ConnectionTrait>(
    db: &C,
    id: i64,
    seat: Seat,
    filler: bool,
    now: DateTime<Utc>,
    l: Locale,
) -> Result<InstancePage, AppError> {
    let x = super::submit::load(db, id).await?;
    if !seat.sees_private() && !x.stored.template.public {
        return Err(AppError::NotFound);
    }
    let i = &x.instance;
    let t = &x.stored;
    let s = t.status(i, now);
    let mood = seat.sees_mood();
    let history = answer::Entity::find()
        .filter(answer::Column::InstanceId.eq(id))
        .order_by_desc(answer::Column::At)
        .order_by_desc(answer::Column::Id)
        .all(db)
        .await?;
    let thread = reply::Entity::find()
        .filter(reply::Column::InstanceId.eq(id))
        .order_by_asc(reply::Column::At)
        .order_by_asc(reply::Column::Id)
        .all(db)
        .await?;
    let who = names(
        db,
        history
            .iter()
            .filter_map(|h| h.author_id)
            .chain(thread.iter().filter_map(|r| r.author_id)),
    )
    .await?;
    let versions = history
        .iter()
        .map(|h| {
            let a: answers::Answers = serde_json::from_str(&h.answers).unwrap_or_default();
            Version {
                author: h
                    .author_id
                    .and_then(|u| who.get(&u).cloned())
                    .unwrap_or_default(),
                at: paris_time(h.at),
                lines: t
                    .template
                    .fields
                    .iter()
                    .filter(|f| mood || f.name != MOOD)
                    .map(|f| {
                        (
                            l.t(f.label).to_owned(),
                            answers::shown(f, a.get(f.name), |m| l.t(m).to_owned()),
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    let local = i.due_at.with_timezone(&Paris);
    Ok(InstancePage {
        id,
        defi_id: x.defi.id,
        team: x.defi.title.clone(),
        promotion_id: x.promotion.id,
        title: l.t(t.template.title).to_owned(),
        filler: l.t(filler_label(t.template.filler)).to_owned(),
        due: paris_time(i.due_at),
        status: l.t(s.label()).to_owned(),
        status_code: s.code().to_owned(),
        moved: i.moved_reason.clone(),
        waived: i.waived_reason.clone(),
        fields: form_fields(t, &answers_of(i), l, mood || filler),
        may_fill: filler && i.waived_at.is_none(),
        manage: seat == Seat::Coordinator,
        report: t.template.is_report(),
        may_reply: t.template.is_report() && seat != Seat::Promotion,
        versions,
        replies: thread
            .iter()
            .map(|r| {
                (
                    r.author_id
                        .and_then(|u| who.get(&u).cloned())
                        .unwrap_or_default(),
                    paris_time(r.at),
                    r.body.clone(),
                )
            })
            .collect(),
        due_day: local.format("%Y-%m-%d").to_string(),
        due_time: local.format("%H:%M").to_string(),
    })
}

/// Everything a promotion's dashboard and timeline read, at once.
struct Loaded {
    p: promotion::Model,
    templates: Vec<Stored>,
    teams: Vec<defi::Model>,
    instances: Vec<instance::Model>,
}

async fn load_promotion<C: ConnectionTrait>(db: &C, promotion: i64) -> Result<Loaded, AppError> {
    let p = promotion::Entity::find_by_id(promotion)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let ids = super::teams(db, promotion).await?;
    let mut teams = defi::Entity::find()
        .filter(defi::Column::Id.is_in(ids))
        .all(db)
        .await?;
    teams.sort_by(|a, b| a.title.cmp(&b.title));
    Ok(Loaded {
        templates: super::templates(db, promotion).await?,
        instances: instance::Entity::find()
            .filter(instance::Column::PromotionId.eq(promotion))
            .order_by_asc(instance::Column::DueAt)
            .all(db)
            .await?,
        teams,
        p,
    })
}

/// The coordinators' dashboard.
pub async fn dashboard<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    now: DateTime<Utc>,
    l: Locale,
) -> Result<Dashboard, AppError> {
    let x = load_promotion(db, promotion).await?;
    let columns: Vec<&Stored> = x
        .templates
        .iter()
        .filter(|t| t.template.filler != Filler::Nobody)
        .collect();
    let mut by: HashMap<(i64, i64), Vec<&instance::Model>> = HashMap::new();
    for i in &x.instances {
        by.entry((i.defi_id, i.template_id)).or_default().push(i);
    }
    let mut d = Dashboard {
        promotion_id: x.p.id,
        promotion: x.p.name.clone(),
        teams: x.teams.len() as u32,
        columns: columns
            .iter()
            .map(|t| l.t(t.template.title).to_owned())
            .collect(),
        ..Default::default()
    };
    let mut moods = Vec::new();
    for team in &x.teams {
        let mut cells = Vec::new();
        for t in &columns {
            let list = by.get(&(team.id, t.row.id)).cloned().unwrap_or_default();
            let statuses: Vec<(DateTime<Utc>, Status)> =
                list.iter().map(|i| (i.due_at, t.status(i, now))).collect();
            let c = status::cell(&statuses, now);
            match c {
                CellKind::Late => d.late += 1,
                CellKind::DueSoon => d.due_soon += 1,
                _ => {}
            }
            // The instance to open: the first late or open, else the last due.
            let act = list
                .iter()
                .find(|i| {
                    matches!(
                        t.status(i, now),
                        Status::Late | Status::Escalated | Status::Open
                    )
                })
                .or_else(|| list.iter().rfind(|i| i.due_at <= now))
                .map(|i| i.id);
            cells.push(Cell {
                code: c.code().to_owned(),
                sign: c.sign().to_owned(),
                label: l.t(c.label()).to_owned(),
                instance: act,
            });
            let done: Vec<&&instance::Model> =
                list.iter().filter(|i| i.submitted_at.is_some()).collect();
            let Some(last) = done.last() else { continue };
            let a = answers_of(last);
            if t.template.is_report() {
                let (status, alarming) = report_status(&a, l);
                if alarming {
                    d.alerts.push(Alert {
                        defi_id: team.id,
                        team: team.title.clone(),
                        instance: last.id,
                        status,
                        at: last.updated_at.map(paris_time).unwrap_or_default(),
                        text: super::submit::lines(t, &a, l).join(" · "),
                    });
                }
            }
            if t.template.is_bulletin() {
                // The help asked in the team's last bulletin (of the last
                // three weeks).
                if last.due_at >= now - Duration::days(21)
                    && let Some(help) = answers::one(&a, "aide").filter(|h| !h.is_empty())
                {
                    d.help.push((
                        team.id,
                        team.title.clone(),
                        help.to_owned(),
                        last.updated_at.map(paris_time).unwrap_or_default(),
                    ));
                }
            }
        }
        d.rows.push(DashboardRow {
            defi_id: team.id,
            team: team.title.clone(),
            cells,
        });
    }
    // This week's bulletins: the last occurrence open or past.
    if let Some(b) = x.templates.iter().find(|t| t.template.is_bulletin()) {
        let opened = |i: &&instance::Model| {
            i.template_id == b.row.id && i.due_at - b.timing().opens_before <= now
        };
        if let Some(seq) = x.instances.iter().filter(opened).map(|i| i.seq).max() {
            let week: Vec<&instance::Model> = x
                .instances
                .iter()
                .filter(|i| i.template_id == b.row.id && i.seq == seq)
                .collect();
            if let Some(due) = week.iter().map(|i| i.due_at).min() {
                d.week = paris_time(due);
            }
            for i in week.iter().filter(|i| i.submitted_at.is_some()) {
                d.bulletins_filled += 1;
                if let Some(m) = answers::one(&answers_of(i), MOOD).and_then(|m| m.parse().ok()) {
                    moods.push(m);
                }
            }
        }
    }
    d.alerts_count = d.alerts.len() as u32;
    d.mood = crate::domain::milestones::bulletin::mean_mood(&moods).map(|m| {
        let s = format!("{m:.1}");
        if l == Locale::Fr {
            s.replace('.', ",")
        } else {
            s
        }
    });
    Ok(d)
}

/// The promotion's timeline: each team's placement from its start to its
/// end, its milestones as marks, the promotion's events, today.
pub async fn timeline<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    now: DateTime<Utc>,
    l: Locale,
) -> Result<Timeline, AppError> {
    let x = load_promotion(db, promotion).await?;
    let start = x.p.start_date;
    let end = super::last_day(&x.p);
    let day = |d: chrono::NaiveDate| (d - start).num_days() as i32;
    let paris_day = |t: DateTime<Utc>| t.with_timezone(&Paris).date_naive();
    let today = paris_day(now);
    let mut months = Vec::new();
    let mut m = chrono::NaiveDate::from_ymd_opt(start.year(), start.month(), 1).unwrap_or(start);
    while m <= end {
        if m >= start {
            months.push((day(m), m.format("%m/%Y").to_string()));
        }
        m = m
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(end + Duration::days(1));
    }
    let events = super::calendar::events(&x.templates, start, end)
        .into_iter()
        .map(|(_, title, at)| Mark {
            day: day(paris_day(at)),
            title: l.t(title).to_owned(),
            date: paris_time(at),
            status: String::new(),
            code: "event".into(),
        })
        .collect();
    let placements = placement::Entity::find()
        .filter(placement::Column::PromotionId.eq(promotion))
        .filter(placement::Column::State.is_in(super::under_contract()))
        .all(db)
        .await?;
    let templates: HashMap<i64, &Stored> = x.templates.iter().map(|t| (t.row.id, t)).collect();
    let rows = x
        .teams
        .iter()
        .map(|team| {
            let mine: Vec<&placement::Model> =
                placements.iter().filter(|p| p.defi_id == team.id).collect();
            let from = mine.iter().map(|p| p.starts_on).min().unwrap_or(start);
            let to = mine.iter().map(|p| p.ends_on).max().unwrap_or(end);
            let marks = x
                .instances
                .iter()
                .filter(|i| i.defi_id == team.id)
                .filter_map(|i| {
                    let t = templates.get(&i.template_id)?;
                    // The weekly bulletin would fill the line: left to the table.
                    if t.template.is_bulletin() {
                        return None;
                    }
                    let s = t.status(i, now);
                    Some(Mark {
                        day: day(paris_day(i.due_at)),
                        title: l.t(t.template.title).to_owned(),
                        date: paris_time(i.due_at),
                        status: l.t(s.label()).to_owned(),
                        code: s.code().to_owned(),
                    })
                })
                .collect();
            TimelineRow {
                team: team.title.clone(),
                from: day(from),
                to: day(to),
                starts: from.format("%d/%m/%Y").to_string(),
                ends: to.format("%d/%m/%Y").to_string(),
                marks,
            }
        })
        .collect();
    Ok(Timeline {
        promotion_id: x.p.id,
        promotion: x.p.name.clone(),
        starts: start.format("%d/%m/%Y").to_string(),
        ends: end.format("%d/%m/%Y").to_string(),
        days: day(end),
        today: (start..=end).contains(&today).then(|| day(today)),
        months,
        events,
        rows,
    })
}

/// The bulletins of a promotion as CSV (coordinators): one row per team
/// and week, moods included.
pub async fn bulletins_csv<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    now: DateTime<Utc>,
    l: Locale,
) -> Result<Vec<u8>, AppError> {
    use crate::domain::spreadsheet::text_record;
    let x = load_promotion(db, promotion).await?;
    let Some(b) = x.templates.iter().find(|t| t.template.is_bulletin()) else {
        return Err(AppError::NotFound);
    };
    let titles: HashMap<i64, &str> = x.teams.iter().map(|t| (t.id, t.title.as_str())).collect();
    let who = names(db, x.instances.iter().filter_map(|i| i.updated_by)).await?;
    let mut w = ::csv::WriterBuilder::new().from_writer(vec![0xEF, 0xBB, 0xBF]);
    let header = [
        l.t(Msg::ColTeam),
        l.t(Msg::ColDue),
        l.t(Msg::BulletinMood),
        l.t(Msg::BulletinPriority),
        l.t(Msg::BulletinUpsDowns),
        l.t(Msg::BulletinHelp),
        l.t(Msg::ColAuthor),
        l.t(Msg::ColEdited),
        l.t(Msg::ColMilestoneStatus),
    ];
    let fail = |_| AppError::Unexpected;
    w.write_record(text_record(header)).map_err(fail)?;
    let mut rows: Vec<&instance::Model> = x
        .instances
        .iter()
        .filter(|i| i.template_id == b.row.id && (i.submitted_at.is_some() || i.due_at <= now))
        .collect();
    rows.sort_by_key(|i| {
        (
            titles.get(&i.defi_id).copied().unwrap_or_default(),
            i.due_at,
        )
    });
    for i in rows {
        let a = answers_of(i);
        let get = |k: &str| answers::one(&a, k).unwrap_or_default().to_owned();
        let s = b.status(i, now);
        w.write_record(text_record([
            titles
                .get(&i.defi_id)
                .copied()
                .unwrap_or_default()
                .to_owned(),
            paris_time(i.due_at),
            get(MOOD),
            get("priorite"),
            get("hauts_bas"),
            get("aide"),
            i.updated_by
                .and_then(|u| who.get(&u).cloned())
                .unwrap_or_default(),
            i.updated_at.map(paris_time).unwrap_or_default(),
            l.t(s.label()).to_owned(),
        ]))
        .map_err(fail)?;
    }
    w.into_inner().map_err(|_| AppError::Unexpected)
}
