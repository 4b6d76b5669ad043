//! Placements: an accepted offer becomes a seat in the défi's team for the
//! promotion's dates; the host's HR contact hears of it to prepare the
//! contract. A seat given up or a withdrawal ends it.

use crate::domain::placement::{PlacementState, end_date};
use crate::model::AppError;
use crate::server::AppState;
use crate::server::db::formation::{offer, placement};
use crate::server::db::{application, defi, promotion, role_grant, user};
use crate::server::mail::MailTemplate;
use crate::server::service::accounts::locale_of;
use crate::server::service::applications::owner_locale;
use crate::server::service::txn::Txn;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

/// The placement of an accepted offer (one per dossier: accepting a
/// better seat moves it).
pub(crate) async fn accepted(
    txn: &Txn<'_>,
    state: &AppState,
    o: &offer::Model,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let p = promotion::Entity::find_by_id(o.promotion_id)
        .one(txn)
        .await?
        .ok_or(AppError::Unexpected)?;
    let ends = end_date(p.start_date, p.duration_months.max(1) as u32);
    let existing = placement::Entity::find()
        .filter(placement::Column::ApplicationId.eq(o.application_id))
        .one(txn)
        .await?;
    match existing {
        Some(e) => {
            let mut row: placement::ActiveModel = e.into();
            row.defi_id = Set(o.defi_id);
            row.profile = Set(o.profile.clone());
            row.state = Set(PlacementState::Accepted.code().to_owned());
            row.documents_sent_on = Set(None);
            row.contract_received_on = Set(None);
            row.updated_at = Set(now);
            row.update(txn).await?;
        }
        None => {
            placement::ActiveModel {
                promotion_id: Set(o.promotion_id),
                application_id: Set(o.application_id),
                defi_id: Set(o.defi_id),
                profile: Set(o.profile.clone()),
                starts_on: Set(p.start_date),
                ends_on: Set(ends),
                state: Set(PlacementState::Accepted.code().to_owned()),
                documents_sent_on: Set(None),
                contract_received_on: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(txn)
            .await?;
        }
    }
    tell_host(txn, state, o, None).await
}

/// The host's HR contacts (its leads when it has none), active.
async fn host_contacts(txn: &Txn<'_>, organisation: i64) -> Result<Vec<user::Model>, AppError> {
    let mut people = Vec::new();
    for role in ["host_hr", "host_lead"] {
        people = role_grant::Entity::find()
            .filter(role_grant::Column::Role.eq(role))
            .filter(role_grant::Column::ScopeId.eq(organisation))
            .all(txn)
            .await?;
        if !people.is_empty() {
            break;
        }
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(people.iter().map(|g| g.user_id)))
        .all(txn)
        .await?
        .into_iter()
        .filter(|u| u.disabled_at.is_none())
        .collect())
}

/// Why a fellow will not join the team after all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Left {
    /// They accepted a seat they prefer: this one goes down its list.
    AcceptedOther,
    /// They left the programme before it started: the seat goes on.
    Withdrew,
    /// They left once the promotion had started: the mission stops.
    Stopped,
}

/// Tells the host's HR contacts: `kind` is "accepted" (prepare the
/// contract) or "left" (with the reason).
async fn tell_host(
    txn: &Txn<'_>,
    state: &AppState,
    o: &offer::Model,
    left: Option<Left>,
) -> Result<(), AppError> {
    let p = promotion::Entity::find_by_id(o.promotion_id)
        .one(txn)
        .await?
        .ok_or(AppError::Unexpected)?;
    let x = defi::Entity::find_by_id(o.defi_id)
        .one(txn)
        .await?
        .ok_or(AppError::Unexpected)?;
    let a = application::Entity::find_by_id(o.application_id)
        .one(txn)
        .await?
        .ok_or(AppError::Unexpected)?;
    for u in host_contacts(txn, x.organisation_id).await? {
        txn.queue(
            MailTemplate::PlacementHr,
            locale_of(&u),
            &u.email,
            json!({
                "name": u.name,
                "kind": if left.is_some() { "left" } else { "accepted" },
                "reason": if left == Some(Left::AcceptedOther) { "accepted_other" } else { "withdrew" },
                "next": left != Some(Left::Stopped),
                "fellow": format!("{} {}", a.first_name, a.last_name).trim(),
                "defi": x.title,
                "start": p.start_date.format("%d/%m/%Y").to_string(),
                "months": p.duration_months,
                "link": state.link(&format!("/equipes/{}", x.id)),
            }),
        )
        .await?;
    }
    Ok(())
}

/// The host hears that a fellow who had accepted will not join (or
/// leaves) the team.
pub(crate) async fn tell_left(
    txn: &Txn<'_>,
    state: &AppState,
    o: &offer::Model,
    why: Left,
) -> Result<(), AppError> {
    tell_host(txn, state, o, Some(why)).await
}

/// A seat given up (declined, expired or released for a better one): a
/// placement on it goes.
pub(crate) async fn released(
    txn: &Txn<'_>,
    o: &offer::Model,
    _now: DateTime<Utc>,
) -> Result<(), AppError> {
    placement::Entity::delete_many()
        .filter(placement::Column::ApplicationId.eq(o.application_id))
        .filter(placement::Column::DefiId.eq(o.defi_id))
        .exec(txn)
        .await?;
    Ok(())
}

/// The candidate withdrew: their placement, if any, is interrupted.
pub(crate) async fn withdrawn(
    txn: &Txn<'_>,
    application: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    placement::Entity::update_many()
        .col_expr(
            placement::Column::State,
            Expr::value(PlacementState::Interrupted.code()),
        )
        .col_expr(placement::Column::UpdatedAt, Expr::value(now))
        .filter(placement::Column::ApplicationId.eq(application))
        .filter(placement::Column::State.is_not_in([
            PlacementState::Ended.code(),
            PlacementState::Interrupted.code(),
        ]))
        .exec(txn)
        .await?;
    Ok(())
}

/// A candidate with no offer at validation: a respectful email with their
/// explanation, where they wait, and the talent pool.
pub(crate) async fn not_placed(
    txn: &Txn<'_>,
    state: &AppState,
    promotion: i64,
    application_id: i64,
) -> Result<(), AppError> {
    let a = application::Entity::find_by_id(application_id)
        .one(txn)
        .await?
        .ok_or(AppError::Unexpected)?;
    let Some(locale) = owner_locale(txn, &a).await? else {
        return Ok(());
    };
    let view = super::page::result_of(txn, promotion, application_id, locale).await?;
    txn.queue(
        MailTemplate::FormationResult,
        locale,
        &a.email,
        json!({
            "name": format!("{} {}", a.first_name, a.last_name).trim(),
            "explanation": view.explanation,
            "waiting": view.waiting.iter().map(|(d, n)| json!({"defi": d, "position": n})).collect::<Vec<_>>(),
            "link": state.link("/espace/propositions"),
        }),
    )
    .await
}

/// A coordinator's follow-up of a placement: the next state (its code),
/// the dates the contract's documents were sent and the contract received
/// (`YYYY-MM-DD`, empty to leave as is).
#[derive(Clone, Debug, Default)]
pub struct Change {
    pub to: String,
    pub documents_sent: String,
    pub contract_received: String,
}

pub async fn update(
    state: &AppState,
    origin: &crate::server::service::Origin,
    promotion: i64,
    id: i64,
    change: &Change,
) -> Result<(), AppError> {
    use crate::domain::promotion::parse_date;
    use crate::server::service::audit::{AuditAction, Target};
    let txn = Txn::with_outbox(state, origin).await?;
    // The promotion's row first, as every step of the offers takes it.
    super::offers::lock(&txn, promotion).await?;
    let p = placement::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|p| p.promotion_id == promotion)
        .ok_or(AppError::NotFound)?;
    let from = PlacementState::parse(&p.state).ok_or(AppError::Unexpected)?;
    let mut errors = Vec::new();
    let date =
        |field: &'static str, raw: &str, errors: &mut Vec<(&'static str, crate::i18n::Msg)>| {
            if raw.trim().is_empty() {
                return None;
            }
            match parse_date(raw) {
                Ok(d) => Some(d),
                Err(m) => {
                    errors.push((field, m));
                    None
                }
            }
        };
    let sent = date("pieces", &change.documents_sent, &mut errors);
    let received = date("contrat", &change.contract_received, &mut errors);
    let to = match change.to.as_str() {
        "" => None,
        code => match PlacementState::parse(code) {
            Some(to) if from.may_become(to) => Some(to),
            _ => return Err(AppError::Refused(crate::i18n::Msg::PlacementStepRefused)),
        },
    };
    if !errors.is_empty() {
        return Err(AppError::fields(errors));
    }
    if to.is_none() && sent.is_none() && received.is_none() {
        return Ok(());
    }
    let mut row: placement::ActiveModel = p.clone().into();
    if let Some(to) = to {
        row.state = Set(to.code().to_owned());
    }
    // Interrupted: the person leaves the offers as a withdrawal does (before
    // the start their seat goes on down its list; after it the mission
    // stops), the host is told.
    if to == Some(PlacementState::Interrupted) {
        super::offers::left(&txn, state, promotion, p.application_id, Utc::now()).await?;
        tell_interrupted(&txn, state, p.application_id).await?;
    }
    if sent.is_some() {
        row.documents_sent_on = Set(sent);
    }
    if received.is_some() {
        row.contract_received_on = Set(received);
    }
    row.updated_at = Set(Utc::now());
    row.update(&txn).await?;
    if let Some(to) = to {
        // Signed: the seat is final, the better waitlists are left.
        if to == PlacementState::Placed {
            super::offers::keep_seat(&txn, state, promotion, p.application_id, Utc::now()).await?;
        }
        super::offers::dossiers::set(&txn, p.application_id, |from| {
            crate::domain::application::after_placement(from, to)
        })
        .await?;
    }
    txn.finish(
        AuditAction::PlacementUpdated,
        Target::Application(p.application_id),
        json!({
            "placement": id,
            "from": p.state,
            "to": to.map(|t| t.code()),
            "documents_sent_on": sent.map(|d| d.to_string()),
            "contract_received_on": received.map(|d| d.to_string()),
        }),
    )
    .await
}

/// The person hears that the programme team interrupted their placement.
async fn tell_interrupted(txn: &Txn<'_>, state: &AppState, id: i64) -> Result<(), AppError> {
    use crate::i18n::Msg;
    let a = application::Entity::find_by_id(id)
        .one(txn)
        .await?
        .ok_or(AppError::Unexpected)?;
    let Some(locale) = owner_locale(txn, &a).await? else {
        return Ok(());
    };
    txn.queue(
        MailTemplate::ApplicationUpdate,
        locale,
        &a.email,
        json!({
            "name": format!("{} {}", a.first_name, a.last_name).trim(),
            "state": locale.t(Msg::AppStateWithdrawn),
            "message": locale.t(Msg::PlacementInterruptedMessage),
            "link": state.link("/espace/propositions"),
        }),
    )
    .await
}

/// The candidate joins or leaves the talent pool (a flag on their dossier;
/// later missions are matched elsewhere).
pub async fn talent_pool(
    db: &sea_orm::DatabaseConnection,
    origin: &crate::server::service::Origin,
    user: i64,
    promotion: i64,
    yes: bool,
) -> Result<(), AppError> {
    use crate::server::service::audit::{AuditAction, Target};
    let txn = Txn::begin(db, origin).await?;
    let a = application::Entity::find()
        .filter(application::Column::PromotionId.eq(promotion))
        .filter(application::Column::UserId.eq(Some(user)))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    // Only once the embargo is over: the choice is offered with the result.
    super::validated(&txn, promotion)
        .await?
        .ok_or(AppError::NotFound)?;
    application::Entity::update_many()
        .col_expr(application::Column::TalentPool, Expr::value(Some(yes)))
        .filter(application::Column::Id.eq(a.id))
        .exec(&txn)
        .await?;
    txn.finish(
        AuditAction::TalentPoolChosen,
        Target::Application(a.id),
        json!({ "talent_pool": yes }),
    )
    .await
}
