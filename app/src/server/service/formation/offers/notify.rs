//! The emails of the offers: to the candidate at each step of their
//! offer, to the coordinators when the audit fails or a list runs out.

use super::seat_of;
use crate::domain::offers::{State, Violation};
use crate::domain::promotion::paris_display;
use crate::i18n::{Locale, Msg};
use crate::model::AppError;
use crate::server::AppState;
use crate::server::db::formation::{offer, run};
use crate::server::db::{application, defi, organisation, promotion, role_grant, user};
use crate::server::mail::MailTemplate;
use crate::server::service::accounts::locale_of;
use crate::server::service::applications::owner_locale;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfferMail {
    New,
    Reminder,
    Accepted,
    Declined,
    Expired,
    Released,
    /// The défi was withdrawn: the seat is taken back.
    Cancelled,
    /// The contract is signed: the seat is final, the waitlists left.
    Kept,
}

impl OfferMail {
    fn code(self) -> &'static str {
        match self {
            OfferMail::New => "new",
            OfferMail::Reminder => "reminder",
            OfferMail::Accepted => "accepted",
            OfferMail::Declined => "declined",
            OfferMail::Expired => "expired",
            OfferMail::Released => "released",
            OfferMail::Cancelled => "cancelled",
            OfferMail::Kept => "kept",
        }
    }
}

/// The défi's title and its organisation's name.
pub(crate) async fn defi_names<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<(String, String), AppError> {
    let x = defi::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let org = organisation::Entity::find_by_id(x.organisation_id)
        .one(db)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    Ok((x.title, org))
}

/// Tells the candidate where their offer stands.
pub(crate) async fn offer(
    txn: &Txn<'_>,
    state: &AppState,
    o: &offer::Model,
    mail: OfferMail,
) -> Result<(), AppError> {
    let a = application::Entity::find_by_id(o.application_id)
        .one(txn)
        .await?
        .ok_or(AppError::Unexpected)?;
    let Some(locale) = owner_locale(txn, &a).await? else {
        return Ok(());
    };
    let (title, org) = defi_names(txn, o.defi_id).await?;
    txn.queue(
        MailTemplate::Offer,
        locale,
        &a.email,
        json!({
            "name": format!("{} {}", a.first_name, a.last_name).trim(),
            "kind": mail.code(),
            "defi": title,
            "organisation": org,
            "deadline": paris_display(o.deadline_at),
            "link": state.link("/espace/propositions"),
        }),
    )
    .await
}

/// Coordinators' addresses, languages and names.
pub(crate) async fn coordinators<C: ConnectionTrait>(
    db: &C,
) -> Result<Vec<(String, Locale, String)>, AppError> {
    let ids: Vec<i64> = role_grant::Entity::find()
        .filter(role_grant::Column::Role.eq("coordinator"))
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.user_id)
        .collect();
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .filter(|u| u.disabled_at.is_none())
        .map(|u| (u.email.clone(), locale_of(&u), u.name.clone()))
        .collect())
}

async fn alert(
    txn: &Txn<'_>,
    state: &AppState,
    promotion: i64,
    kind: &str,
    defi: &str,
    lines: &[(String, String)],
) -> Result<(), AppError> {
    let name = promotion::Entity::find_by_id(promotion)
        .one(txn)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    for (email, locale, person) in coordinators(txn).await? {
        let text: Vec<&str> = lines
            .iter()
            .map(|(fr, en)| {
                if locale == Locale::Fr {
                    fr.as_str()
                } else {
                    en.as_str()
                }
            })
            .collect();
        txn.queue(
            MailTemplate::OffersAlert,
            locale,
            &email,
            json!({
                "name": person,
                "kind": kind,
                "promotion": name,
                "defi": defi,
                "lines": text,
                "link": state.link(&format!("/coordination/promotions/{promotion}/propositions")),
            }),
        )
        .await?;
    }
    Ok(())
}

/// The audit found violations: the coordinators are told at once, with
/// the défis whose offers stop.
pub(crate) async fn audit_failed(
    txn: &Txn<'_>,
    state: &AppState,
    promotion: i64,
    violations: &[Violation],
    blocked: &[String],
) -> Result<(), AppError> {
    let mut titles = Vec::new();
    for b in blocked {
        if let Some(id) = b.strip_prefix('d').and_then(|x| x.parse().ok()) {
            titles.push(defi_names(txn, id).await?.0);
        }
    }
    let lines: Vec<(String, String)> = violations
        .iter()
        .map(|v| (v.to_string_fr(), v.to_string()))
        .collect();
    alert(txn, state, promotion, "audit", &titles.join(", "), &lines).await?;
    txn.audit(
        AuditAction::OffersBlocked,
        Target::Promotion(promotion),
        json!({ "blocked": blocked, "violations": violations.len() }),
    )
    .await
}

/// A slot's list is exhausted with a seat free: when the défi is now
/// below its minimum team or the slot is mandatory, the coordinators are
/// told at once, with their options.
pub(crate) async fn exhausted(
    txn: &Txn<'_>,
    state: &AppState,
    promotion: i64,
    r: &run::Model,
    slot: &str,
    st: &State<'_>,
) -> Result<(), AppError> {
    let Some((defi_id, profile)) = seat_of(slot) else {
        return Ok(());
    };
    let (input, _) = super::parsed(r)?;
    let key = super::super::defi_key(defi_id);
    let Some(x) = input.defis.iter().find(|x| x.id == key) else {
        return Ok(());
    };
    let mandatory = x.slots.iter().any(|s| s.profile == profile && s.mandatory);
    let market = st.market;
    let held: u32 = (0..market.slot_ids.len())
        .filter(|&s| crate::domain::offers::defi_of(&market.slot_ids[s]) == format!("d{defi_id}"))
        .map(|s| st.load[s])
        .sum();
    let short = held < x.min_team;
    txn.audit(
        AuditAction::OffersListExhausted,
        Target::Defi(defi_id),
        json!({ "slot": slot, "held": held, "min": x.min_team, "mandatory": mandatory }),
    )
    .await?;
    if !(short || mandatory) {
        return Ok(());
    }
    let (title, _) = defi_names(txn, defi_id).await?;
    let line = |l: Locale| {
        let msg = if mandatory {
            Msg::ExhaustedAlertMandatory
        } else {
            Msg::ExhaustedAlert
        };
        l.fill(
            l.t(msg),
            &[
                ("profile", &super::super::page::profile_label(l, &profile)),
                ("defi", &title),
                ("held", &held.to_string()),
                ("min", &x.min_team.to_string()),
            ],
        )
    };
    let lines = vec![(line(Locale::Fr), line(Locale::En))];
    alert(txn, state, promotion, "exhausted", &title, &lines).await
}
