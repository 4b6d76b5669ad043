//! Every change of an interview reaches the candidate and the jury members
//! present (those without a conflict with the candidate) as an email with
//! its iCalendar: REQUEST for an invitation or an update (same UID,
//! SEQUENCE raised), CANCEL for a cancellation; a reminder the day before.

use super::{conflicts_of_user, members};
use crate::domain::ics::{self, Event, Method, When};
use crate::domain::promotion::paris_display;
use crate::i18n::Locale;
use crate::model::AppError;
use crate::server::db::interviews::{interview, slot};
use crate::server::db::{application, defi, user};
use crate::server::mail::MailTemplate;
use crate::server::service::txn::Txn;
use crate::server::state::Settings;
use chrono::{DateTime, Utc};
use sea_orm::EntityTrait;
use serde_json::json;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Invite,
    Update,
    Cancel,
    Reminder,
}

impl Kind {
    fn code(self) -> &'static str {
        match self {
            Kind::Invite => "invite",
            Kind::Update => "update",
            Kind::Cancel => "cancel",
            Kind::Reminder => "reminder",
        }
    }
}

/// The address inside `Name <address>`.
fn address(from: &str) -> String {
    from.rsplit_once('<')
        .and_then(|(_, a)| a.split_once('>'))
        .map_or(from, |(a, _)| a)
        .trim()
        .to_owned()
}

/// A meeting as its messages and its calendar event describe it: an
/// interview, or a défi's hearing.
pub struct Meeting<'a> {
    pub template: MailTemplate,
    pub uid: &'a str,
    pub sequence: i32,
    pub starts: DateTime<Utc>,
    pub minutes: i32,
    pub place: &'a str,
    /// The défi's title.
    pub title: &'a str,
    /// The event's title in calendars (`{defi}`: the défi's title), in
    /// each reader's language.
    pub summary: crate::i18n::Msg,
    /// Where the event's description leads (a path).
    pub path: &'a str,
}

impl<'a> Meeting<'a> {
    /// The interview `i` in its slot `s`.
    pub fn interview(i: &'a interview::Model, s: &'a slot::Model, title: &'a str) -> Self {
        Meeting {
            template: MailTemplate::Interview,
            uid: &i.uid,
            sequence: i.sequence,
            starts: s.starts_at,
            minutes: s.duration_minutes,
            place: &s.place,
            title,
            summary: crate::i18n::Msg::IcsInterviewSummary,
            path: "/espace/entretiens",
        }
    }

    /// As a calendar event (its current sequence and state), titled in
    /// `locale`.
    pub fn event(
        &self,
        settings: &Settings,
        attendees: Vec<String>,
        cancelled: bool,
        locale: Locale,
    ) -> Event {
        Event {
            uid: self.uid.to_owned(),
            sequence: self.sequence.max(0) as u32,
            when: When::At {
                starts: self.starts,
                minutes: self.minutes.max(0) as u32,
            },
            summary: locale.fill(locale.t(self.summary), &[("defi", self.title)]),
            description: format!("{}{}", settings.base_url, self.path),
            location: self.place.to_owned(),
            organizer: Some(address(&settings.mail_from)),
            attendees,
            cancelled,
            stamp: Utc::now(),
        }
    }
}

/// The interview as a calendar event (its current slot, sequence and
/// state).
pub fn event(
    settings: &Settings,
    i: &interview::Model,
    s: &slot::Model,
    title: &str,
    attendees: Vec<String>,
    cancelled: bool,
    locale: Locale,
) -> Event {
    Meeting::interview(i, s, title).event(settings, attendees, cancelled, locale)
}

/// Someone who receives an interview's messages.
pub struct Recipient {
    pub email: String,
    pub name: String,
    pub locale: Locale,
    /// Where their link leads.
    pub path: String,
}

/// The jury members present at the interview of `a` (without a conflict).
async fn jurors_of(
    txn: &Txn<'_>,
    d: &defi::Model,
    a: &application::Model,
) -> Result<Vec<Recipient>, AppError> {
    let mut out = Vec::new();
    for (u, _) in members(txn, d).await? {
        if conflicts_of_user(txn, d.promotion_id, u.id, &[a.id])
            .await?
            .contains(&a.id)
        {
            continue;
        }
        out.push(Recipient {
            email: u.email.clone(),
            name: u.name.clone(),
            locale: Locale::from_code(&u.locale).unwrap_or_default(),
            path: format!("/jury/defis/{}", d.id),
        });
    }
    Ok(out)
}

/// Queues the message of `kind` about interview `i` in slot `s` to the
/// candidate and to every member of the jury without a conflict. The
/// candidate's copy names only them; the jurors' copy names everyone.
pub async fn send(
    txn: &Txn<'_>,
    settings: &Settings,
    i: &interview::Model,
    s: &slot::Model,
    kind: Kind,
) -> Result<(), AppError> {
    let d = defi::Entity::find_by_id(i.defi_id)
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let a = application::Entity::find_by_id(i.application_id)
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut candidate = Recipient {
        email: a.email.clone(),
        name: a.first_name.clone(),
        locale: Locale::Fr,
        path: "/espace/entretiens".to_owned(),
    };
    if let Some(uid) = a.user_id
        && let Some(u) = user::Entity::find_by_id(uid).one(txn).await?
    {
        candidate.locale = Locale::from_code(&u.locale).unwrap_or_default();
    }
    let jurors = jurors_of(txn, &d, &a).await?;
    let everyone: Vec<String> = std::iter::once(candidate.email.clone())
        .chain(jurors.iter().map(|j| j.email.clone()))
        .collect();
    let own = vec![candidate.email.clone()];
    send_to(txn, settings, i, s, kind, &d.title, &[candidate], own).await?;
    send_to(txn, settings, i, s, kind, &d.title, &jurors, everyone).await
}

/// Queues the message of `kind` about interview `i` to `people`, the
/// calendar naming `attendees`.
#[expect(
    clippy::too_many_arguments,
    reason = "one message: the interview, its slot, what happened, to whom, and whom the calendar names"
)]
pub async fn send_to(
    txn: &Txn<'_>,
    settings: &Settings,
    i: &interview::Model,
    s: &slot::Model,
    kind: Kind,
    title: &str,
    people: &[Recipient],
    attendees: Vec<String>,
) -> Result<(), AppError> {
    send_meeting(
        txn,
        settings,
        &Meeting::interview(i, s, title),
        kind,
        people,
        attendees,
    )
    .await
}

/// Queues the message of `kind` about meeting `m` to `people`, the
/// calendar naming `attendees`.
pub async fn send_meeting(
    txn: &Txn<'_>,
    settings: &Settings,
    m: &Meeting<'_>,
    kind: Kind,
    people: &[Recipient],
    attendees: Vec<String>,
) -> Result<(), AppError> {
    if people.is_empty() {
        return Ok(());
    }
    let cancelled = kind == Kind::Cancel;
    // One calendar per language: its event's title is the reader's.
    let calendar = |locale: Locale| {
        ics::calendar(
            Some(if cancelled {
                Method::Cancel
            } else {
                Method::Request
            }),
            "Cohorte",
            &[m.event(settings, attendees.clone(), cancelled, locale)],
        )
    };
    let calendars = [calendar(Locale::Fr), calendar(Locale::En)];
    for p in people {
        txn.queue_with(
            m.template,
            p.locale,
            &p.email,
            json!({
                "name": p.name,
                "kind": kind.code(),
                "defi": m.title,
                "when": paris_display(m.starts),
                "minutes": m.minutes,
                "place": m.place,
                "link": format!("{}{}", settings.base_url, p.path),
            }),
            Some(calendars[usize::from(p.locale == Locale::En)].clone()),
        )
        .await?;
    }
    Ok(())
}

/// A template check without a database: every kind renders.
#[cfg(test)]
mod tests {
    #[test]
    fn the_organiser_is_the_bare_address() {
        assert_eq!(
            super::address("Cohorte <nepasrepondre@cohorte.fr>"),
            "nepasrepondre@cohorte.fr"
        );
        assert_eq!(super::address("x@y.fr"), "x@y.fr");
    }
}
