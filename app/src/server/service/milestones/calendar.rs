//! The ten months in the calendars: the promotion's public feed gains its
//! events (bootcamp, plenaries, Demo Day, final presentation); a person's
//! private feed gains the due dates of what they fill. UIDs are stable
//! (`jalon-…@cohorte`): a moved due date updates the same event.

use super::Stored;
use crate::domain::ics::{Event, When};
use crate::domain::milestones::Filler;
use crate::domain::milestones::rule::DueRule;
use crate::i18n::{Locale, Msg};
use crate::model::AppError;
use crate::server::db::formation::placement;
use crate::server::db::milestones::instance;
use crate::server::db::{application, defi, promotion, role_grant};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// The promotion's events: its public milestones other than the weekly
/// bulletin, every occurrence — (uid part, title, time).
pub fn events(
    templates: &[Stored],
    start: NaiveDate,
    end: NaiveDate,
) -> Vec<(String, Msg, DateTime<Utc>)> {
    let mut out = Vec::new();
    for t in templates
        .iter()
        .filter(|t| t.template.public && !t.template.is_bulletin())
    {
        let Some(rule) = DueRule::parse(&t.row.rule) else {
            continue;
        };
        // The period's number: a changed day keeps each event's UID.
        for (n, at) in rule.numbered(start, end) {
            out.push((format!("{}-{n}", t.row.key), t.template.title, at));
        }
    }
    out.sort_by_key(|(_, _, at)| *at);
    out
}

fn event(
    uid: String,
    at: DateTime<Utc>,
    minutes: u32,
    summary: String,
    description: String,
    sequence: u32,
    stamp: DateTime<Utc>,
) -> Event {
    Event {
        uid,
        sequence,
        when: When::At {
            starts: at,
            minutes,
        },
        summary,
        description,
        location: String::new(),
        organizer: None,
        attendees: Vec::new(),
        cancelled: false,
        stamp,
    }
}

/// The public feed's events of a promotion (none before its templates
/// exist, that is before its first team).
pub async fn public_events<C: ConnectionTrait>(
    db: &C,
    p: &promotion::Model,
) -> Result<Vec<Event>, AppError> {
    let templates = super::templates(db, p.id).await?;
    Ok(events(&templates, p.start_date, super::last_day(p))
        .into_iter()
        .map(|(uid, title, at)| {
            event(
                format!("promotion-{}-jalon-{uid}@cohorte", p.id),
                at,
                120,
                format!("{} : {}", p.name, Locale::Fr.t(title)),
                String::new(),
                0,
                p.updated_at,
            )
        })
        .collect())
}

/// The due dates of what `user` fills, not yet done nor waived.
pub async fn private_events<C: ConnectionTrait>(
    db: &C,
    user: i64,
    l: Locale,
) -> Result<Vec<Event>, AppError> {
    // (défi, filler) pairs the person fills for.
    let apps: Vec<i64> = application::Entity::find()
        .filter(application::Column::UserId.eq(user))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let mut pairs: Vec<(i64, Filler)> = placement::Entity::find()
        .filter(placement::Column::ApplicationId.is_in(apps))
        .filter(placement::Column::State.is_in(super::under_contract()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.defi_id, Filler::Team))
        .collect();
    for g in role_grant::Entity::find()
        .filter(role_grant::Column::UserId.eq(user))
        .filter(role_grant::Column::Role.is_in(["host_lead", "host_mentor"]))
        .all(db)
        .await?
    {
        let filler = if g.role == "host_lead" {
            Filler::HostLead
        } else {
            Filler::Mentor
        };
        for d in defi::Entity::find()
            .filter(defi::Column::OrganisationId.eq(g.scope_id.unwrap_or_default()))
            .all(db)
            .await?
        {
            pairs.push((d.id, filler));
        }
    }
    let mut out = Vec::new();
    let defis: Vec<i64> = pairs.iter().map(|(d, _)| *d).collect();
    let rows = instance::Entity::find()
        .filter(instance::Column::DefiId.is_in(defis))
        .filter(instance::Column::SubmittedAt.is_null())
        .filter(instance::Column::WaivedAt.is_null())
        .all(db)
        .await?;
    let mut templates: std::collections::HashMap<i64, Stored> = std::collections::HashMap::new();
    let mut titles: std::collections::HashMap<i64, String> = std::collections::HashMap::new();
    for i in rows {
        if !templates.contains_key(&i.template_id) {
            for t in super::templates(db, i.promotion_id).await? {
                templates.insert(t.row.id, t);
            }
        }
        let Some(t) = templates.get(&i.template_id) else {
            continue;
        };
        if !pairs.contains(&(i.defi_id, t.template.filler)) {
            continue;
        }
        if let std::collections::hash_map::Entry::Vacant(e) = titles.entry(i.defi_id) {
            let title = defi::Entity::find_by_id(i.defi_id)
                .one(db)
                .await?
                .map(|d| d.title)
                .unwrap_or_default();
            e.insert(title);
        }
        out.push(event(
            format!("jalon-{}@cohorte", i.id),
            i.due_at,
            30,
            format!("{} — {}", l.t(t.template.title), titles[&i.defi_id]),
            l.t(Msg::MilestoneDueEvent).to_owned(),
            u32::from(i.moved_reason.is_some()),
            i.due_at,
        ));
    }
    Ok(out)
}
