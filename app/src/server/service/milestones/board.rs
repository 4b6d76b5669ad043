//! The coordinators' views of a promotion's ten months: the dashboard
//! (teams × milestones, alerts, help asked), the timeline (Gantt), the
//! bulletins' CSV export.

use super::submit::answers_of;
use super::views::{names, report_status};
use super::{Stored, paris_time};
use crate::domain::milestones::Filler;
use crate::domain::milestones::answers;
use crate::domain::milestones::bulletin::MOOD;
use crate::domain::milestones::status::{self, Cell as CellKind, Status};
use crate::i18n::{Locale, Msg};
use crate::model::AppError;
use crate::model::milestones::*;
use crate::server::db::defi;
use crate::server::db::formation::placement;
use crate::server::db::milestones::instance;
use crate::server::db::promotion;
use chrono::{DateTime, Datelike, Duration, Utc};
use chrono_tz::Europe::Paris;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

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
            // The instance that decided the cell.
            let last_due = list
                .iter()
                .filter(|i| i.due_at <= now)
                .max_by_key(|i| i.due_at);
            let act = match c {
                CellKind::DueSoon => list
                    .iter()
                    .find(|i| t.status(i, now) == Status::Open)
                    .or(last_due),
                CellKind::Upcoming => list.iter().find(|i| i.due_at > now),
                _ => last_due.or_else(|| list.iter().find(|i| i.submitted_at.is_some())),
            }
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

/// The bulletins' export (coordinators): the CSV, audited.
pub async fn export_bulletins(
    state: &crate::server::AppState,
    actor: &crate::server::policy::Actor,
    origin: &crate::server::service::Origin,
    promotion: i64,
    now: DateTime<Utc>,
    l: Locale,
) -> Result<crate::server::service::download::Download, AppError> {
    use crate::server::service::audit::{AuditAction, Target};
    crate::server::policy::require(actor, crate::server::policy::Action::ManageMilestones)?;
    let (bytes, rows) = bulletins_csv(&state.db, promotion, now, l).await?;
    let txn = crate::server::service::txn::Txn::begin(&state.db, origin).await?;
    txn.finish(
        AuditAction::BulletinsExported,
        Target::Promotion(promotion),
        serde_json::json!({ "format": "bulletins_csv", "rows": rows }),
    )
    .await?;
    Ok(crate::server::service::download::Download::csv(
        format!("bulletins-{promotion}.csv"),
        bytes,
    ))
}

/// The bulletins of a promotion as CSV (coordinators): one row per team
/// and week, moods included; with its number of rows.
pub async fn bulletins_csv<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    now: DateTime<Utc>,
    l: Locale,
) -> Result<(Vec<u8>, usize), AppError> {
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
    let count = rows.len();
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
    Ok((w.into_inner().map_err(|_| AppError::Unexpected)?, count))
}
