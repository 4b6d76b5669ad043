//! What a validated run shows outside the coordinators' run pages: each
//! candidate's result and offers, the coordinators' offers page, and a
//! défi's team. Nothing here reads a run that is not validated (the
//! embargo).

use super::offers::{self, log_of, seat_of};
use super::page::{explanation, profile_label};
use super::{effective, names, overrides_of, parsed, validated};
use crate::domain::HostRole;
use crate::domain::offers::{Market, State, verify};
use crate::domain::placement::PlacementState;
use crate::domain::promotion::paris_display;
use crate::i18n::Locale;
use crate::model::AppError;
use crate::model::formation::*;
use crate::server::db::formation::{offer, placement};
use crate::server::db::{application, defi, promotion, role_grant, user};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// One candidate's result in a promotion whose run is validated.
pub async fn result_of<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    app: i64,
    l: Locale,
) -> Result<MyResult, AppError> {
    let p = promotion::Entity::find_by_id(promotion)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (r, log) = log_of(db, promotion).await?.ok_or(AppError::NotFound)?;
    let (input, output) = parsed(&r)?;
    let overrides = overrides_of(db, r.id).await?;
    let (placed, reasons) = effective(&input, &output, &overrides);
    let names = names(db, promotion).await?;
    let key = super::candidate_key(app);
    let mut waiting = Vec::new();
    let mut withdrawn = false;
    if let Ok(market) = Market::build(&log)
        && let Ok(st) = State::replay(&market, &log.events)
        && let Some(me) = market.candidate(&offers::c(app))
    {
        withdrawn = st.withdrawn[me];
        for &s in &market.prefs[me] {
            if let Some(n) = st.position(me, s) {
                let defi = seat_of(&market.slot_ids[s])
                    .map(|(d, _)| d)
                    .unwrap_or_default();
                waiting.push((names.defi(&super::defi_key(defi)), n as u32));
            }
        }
    }
    let mut offers_out = Vec::new();
    for o in offer::Entity::find()
        .filter(offer::Column::ApplicationId.eq(app))
        .order_by_asc(offer::Column::Id)
        .all(db)
        .await?
    {
        offers_out.push(OfferView {
            id: o.id,
            defi_id: o.defi_id,
            defi: names.defi(&super::defi_key(o.defi_id)),
            organisation: names
                .organisations
                .get(&super::defi_key(o.defi_id))
                .cloned()
                .unwrap_or_default(),
            state: o.state.clone(),
            deadline: paris_display(o.deadline_at),
        });
    }
    let placement = placement::Entity::find()
        .filter(placement::Column::ApplicationId.eq(app))
        .one(db)
        .await?
        .map(|x| PlacementView {
            defi_id: x.defi_id,
            defi: names.defi(&super::defi_key(x.defi_id)),
            state: PlacementState::parse(&x.state)
                .map(|s| l.t(s.label()).to_owned())
                .unwrap_or_default(),
            starts_on: x.starts_on.format("%d/%m/%Y").to_string(),
            ends_on: x.ends_on.format("%d/%m/%Y").to_string(),
        });
    let dossier = application::Entity::find_by_id(app).one(db).await?;
    let talent_pool = dossier.as_ref().and_then(|a| a.talent_pool);
    // Once the contract is signed, leaving goes through the programme team.
    let may_withdraw = dossier.is_some_and(|a| {
        crate::domain::application::ApplicationState::from_code(&a.state)
            .is_some_and(|s| s.may_be_closed())
    });
    Ok(MyResult {
        promotion_id: promotion,
        promotion: p.name,
        offers: offers_out,
        waiting,
        explanation: explanation(l, &output, &reasons, &names, &placed, &key),
        placement,
        talent_pool,
        withdrawn,
        may_withdraw,
    })
}

/// The person's results, in every promotion whose run is validated and
/// whose market holds their dossier.
pub async fn my_results<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    l: Locale,
) -> Result<Vec<MyResult>, AppError> {
    let mut out = Vec::new();
    for a in application::Entity::find()
        .filter(application::Column::UserId.eq(user_id))
        .order_by_asc(application::Column::Id)
        .all(db)
        .await?
    {
        let Some((_, log)) = log_of(db, a.promotion_id).await? else {
            continue;
        };
        if log.candidates.iter().any(|x| x.id == offers::c(a.id)) {
            out.push(result_of(db, a.promotion_id, a.id, l).await?);
        }
    }
    Ok(out)
}

pub async fn offers_page<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    l: Locale,
) -> Result<OffersPage, AppError> {
    let p = crate::server::service::promotions::get(db, promotion).await?;
    let names = names(db, promotion).await?;
    let Some((r, log)) = log_of(db, promotion).await? else {
        return Ok(OffersPage {
            promotion_id: promotion,
            promotion: p.name,
            ..Default::default()
        });
    };
    let rows = offer::Entity::find()
        .filter(offer::Column::PromotionId.eq(promotion))
        .order_by_asc(offer::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|o| OfferRow {
            candidate: names.candidate(&super::candidate_key(o.application_id)),
            defi: names.defi(&super::defi_key(o.defi_id)),
            profile: profile_label(l, &o.profile),
            state: o.state.clone(),
            offered: paris_display(o.offered_at),
            deadline: paris_display(o.deadline_at),
        })
        .collect();
    let violations = verify(&log)
        .iter()
        .map(|v| {
            if l == Locale::Fr {
                v.to_string_fr()
            } else {
                v.to_string()
            }
        })
        .collect();
    let flags = offers::Flags::of(&r);
    let (input, _) = parsed(&r)?;
    let mut exhausted = Vec::new();
    if let Ok(market) = Market::build(&log)
        && let Ok(st) = State::replay(&market, &log.events)
    {
        let shortlisted: Vec<application::Model> = application::Entity::find()
            .filter(application::Column::PromotionId.eq(promotion))
            .filter(application::Column::AnonymisedAt.is_null())
            .all(db)
            .await?
            .into_iter()
            .filter(|a| {
                crate::domain::application::ApplicationState::from_code(&a.state)
                    .is_some_and(|s| s.may_widen_a_list())
            })
            .collect();
        for s in st.exhausted() {
            let name = &market.slot_ids[s];
            let Some((defi_id, profile)) = seat_of(name) else {
                continue;
            };
            let key = super::defi_key(defi_id);
            let d = input.defis.iter().find(|x| x.id == key);
            let held: u32 = (0..market.slot_ids.len())
                .filter(|&x| seat_of(&market.slot_ids[x]).is_some_and(|(y, _)| y == defi_id))
                .map(|x| st.load[x])
                .sum();
            let short = d.is_some_and(|d| {
                held < d.min_team || d.slots.iter().any(|x| x.profile == profile && x.mandatory)
            });
            exhausted.push(ExhaustedRow {
                slot: name.clone(),
                defi_id,
                defi: names.defi(&key),
                profile: profile_label(l, &profile),
                short,
                could_join: shortlisted
                    .iter()
                    .filter(|a| {
                        a.profile == profile
                            && !market.lists[s]
                                .iter()
                                .any(|&c| market.candidate_ids[c] == offers::c(a.id))
                    })
                    .map(|a| (a.id, format!("{} {}", a.first_name, a.last_name)))
                    .collect(),
            });
        }
    }
    let placements = placement::Entity::find()
        .filter(placement::Column::PromotionId.eq(promotion))
        .order_by_asc(placement::Column::DefiId)
        .all(db)
        .await?
        .into_iter()
        .map(|x| {
            let st = PlacementState::parse(&x.state);
            PlacementRow {
                id: x.id,
                candidate: names.candidate(&super::candidate_key(x.application_id)),
                defi_id: x.defi_id,
                defi: names.defi(&super::defi_key(x.defi_id)),
                state: st.map(|s| l.t(s.label()).to_owned()).unwrap_or_default(),
                next: st.and_then(|s| s.next()).map(|n| n.code().to_owned()),
                may_interrupt: st.is_some_and(|s| s.may_become(PlacementState::Interrupted)),
                documents_sent_on: x
                    .documents_sent_on
                    .map(|d| d.format("%Y-%m-%d").to_string()),
                contract_received_on: x
                    .contract_received_on
                    .map(|d| d.format("%Y-%m-%d").to_string()),
            }
        })
        .collect();
    Ok(OffersPage {
        promotion_id: promotion,
        promotion: p.name,
        run: Some(r.number),
        rows,
        violations,
        blocked: flags
            .blocked
            .iter()
            .filter_map(|b| b.strip_prefix('d').and_then(|x| x.parse::<i64>().ok()))
            .map(|id| (id, names.defi(&super::defi_key(id))))
            .collect(),
        exhausted,
        events: log.events.len() as u32,
        placements,
    })
}

pub async fn team_page<C: ConnectionTrait>(
    db: &C,
    defi_id: i64,
    l: Locale,
) -> Result<TeamPage, AppError> {
    let x = defi::Entity::find_by_id(defi_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    // The embargo: no team before the run is validated.
    validated(db, x.promotion_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let p = promotion::Entity::find_by_id(x.promotion_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let names = names(db, x.promotion_id).await?;
    let rows = placement::Entity::find()
        .filter(placement::Column::DefiId.eq(defi_id))
        .filter(placement::Column::State.ne(PlacementState::Interrupted.code()))
        .order_by_asc(placement::Column::Id)
        .all(db)
        .await?;
    let mut fellows = Vec::new();
    for r in &rows {
        let Some(a) = application::Entity::find_by_id(r.application_id)
            .one(db)
            .await?
        else {
            continue;
        };
        fellows.push((
            format!("{} {}", a.first_name, a.last_name),
            profile_label(l, &r.profile),
            a.email,
            PlacementState::parse(&r.state)
                .map(|s| l.t(s.label()).to_owned())
                .unwrap_or_default(),
        ));
    }
    let grants = role_grant::Entity::find()
        .filter(role_grant::Column::ScopeId.eq(x.organisation_id))
        .filter(role_grant::Column::Role.starts_with("host_"))
        .all(db)
        .await?;
    let mut hosts = Vec::new();
    for g in grants {
        let Some(u) = user::Entity::find_by_id(g.user_id).one(db).await? else {
            continue;
        };
        let role = HostRole::from_code(g.role.trim_start_matches("host_"))
            .map(|r| l.t(r.label()).to_owned())
            .unwrap_or_default();
        hosts.push((u.name, role, u.email));
    }
    let seats = crate::server::service::interviews::allocation::seats_of(db, &[defi_id])
        .await?
        .get(&defi_id)
        .map(|m| m.values().sum())
        .unwrap_or(0);
    let accepted = rows.len() as u32;
    Ok(TeamPage {
        defi_id,
        title: x.title.clone(),
        organisation: names
            .organisations
            .get(&super::defi_key(defi_id))
            .cloned()
            .unwrap_or_default(),
        promotion: p.name,
        starts_on: p.start_date.format("%d/%m/%Y").to_string(),
        ends_on: crate::domain::placement::end_date(p.start_date, p.duration_months.max(1) as u32)
            .format("%d/%m/%Y")
            .to_string(),
        fellows,
        hosts,
        leads: x.leads,
        mentor: x.mentor,
        seats,
        complete: seats > 0 && accepted >= seats,
        follow: Default::default(),
    })
}
