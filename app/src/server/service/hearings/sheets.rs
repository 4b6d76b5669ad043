//! A juror's sheets on the défis they hear: marks on the promotion's défi
//! grid, an opinion and a comment (a draft until submitted), then the
//! ranking of the défis they heard with an optional coup de cœur; all of
//! it while the défis are shortlisted (the decisions freeze them). The
//! tally of the submitted sheets of the jurors who hear each défi.

use super::grids::{GridKind, grid_of};
use super::schedule::slots_of;
use super::{Access, HEARD, defis_of, panels};
use crate::domain::defi::DefiState;
use crate::domain::hearings::{self, COUP_FIELD, SheetRow, parse_ranking, parse_sheet};
use crate::domain::promotion::paris_display;
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::hearings::{DefiSheetPage, HeardDefi, MyHearings, SheetState, TallyRow};
use crate::server::db::hearings::score;
use crate::server::db::organisation;
use crate::server::policy::Actor;
use crate::server::service::Origin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use serde_json::json;
use std::collections::HashMap;

fn total(s: &score::Model) -> i32 {
    serde_json::from_str::<hearings::DefiSheet>(&s.scores)
        .map(|x| x.total())
        .unwrap_or_default()
}

async fn organisations<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, String>, AppError> {
    Ok(organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect())
}

/// The défis `user` hears in `promotion`, with their sheets.
pub async fn mine<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    user: i64,
) -> Result<MyHearings, AppError> {
    let p = crate::server::service::promotions::get(db, promotion).await?;
    let all = defis_of(db, promotion, &HEARD).await?;
    let panels = panels(db, promotion, &all).await?;
    let defis: Vec<_> = all
        .into_iter()
        .filter(|d| {
            panels
                .get(&d.id)
                .is_some_and(|p| p.iter().any(|u| u.id == user))
        })
        .collect();
    let orgs = organisations(db, defis.iter().map(|d| d.organisation_id)).await?;
    let slots = slots_of(db, promotion).await?;
    let sheets: HashMap<i64, score::Model> = score::Entity::find()
        .filter(score::Column::UserId.eq(user))
        .filter(score::Column::DefiId.is_in(defis.iter().map(|d| d.id)))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.defi_id, s))
        .collect();
    let rows: Vec<HeardDefi> = defis
        .iter()
        .map(|d| {
            let s = sheets.get(&d.id);
            HeardDefi {
                defi_id: d.id,
                title: d.title.clone(),
                organisation: orgs.get(&d.organisation_id).cloned().unwrap_or_default(),
                hearing: slots
                    .iter()
                    .find(|x| x.defi_id == Some(d.id))
                    .map(|x| (paris_display(x.starts_at), x.place.clone())),
                sheet: match s {
                    None => SheetState::None,
                    Some(s) if s.submitted_at.is_some() => SheetState::Submitted,
                    Some(_) => SheetState::Draft,
                },
                total: s.filter(|s| s.submitted_at.is_some()).map(total),
                rank: s.and_then(|s| s.rank).map(|r| r.max(0) as u32),
                coup: s.is_some_and(|s| s.coup_de_coeur),
                open: false,
            }
        })
        .collect();
    // In the order of the hearings (those not scheduled last).
    let mut rows = rows;
    let start = |d: i64| {
        slots
            .iter()
            .find(|x| x.defi_id == Some(d))
            .map(|x| x.starts_at)
    };
    rows.sort_by_key(|r| (start(r.defi_id).is_none(), start(r.defi_id), r.defi_id));
    // Only the défis still shortlisted are ranked: a decided one keeps
    // the rank it had (frozen with its sheets).
    let still: Vec<i64> = defis
        .iter()
        .filter(|d| d.state == DefiState::Shortlisted.code())
        .map(|d| d.id)
        .collect();
    let open = !still.is_empty();
    let may_rank = open
        && rows
            .iter()
            .filter(|r| still.contains(&r.defi_id))
            .all(|r| r.sheet == SheetState::Submitted);
    for r in &mut rows {
        r.open = still.contains(&r.defi_id);
    }
    Ok(MyHearings {
        promotion_id: promotion,
        promotion: p.name,
        may_rank,
        open,
        defis: rows,
    })
}

/// A juror's sheet page on the défi of `access`.
pub async fn page(
    db: &DatabaseConnection,
    access: &Access,
    actor: &Actor,
    user: i64,
) -> Result<DefiSheetPage, AppError> {
    let d = &access.defi;
    let mine = score::Entity::find()
        .filter(score::Column::DefiId.eq(d.id))
        .filter(score::Column::UserId.eq(user))
        .one(db)
        .await?;
    let hearing = slots_of(db, d.promotion_id)
        .await?
        .into_iter()
        .find(|s| s.defi_id == Some(d.id))
        .map(|s| (paris_display(s.starts_at), s.place));
    // A juror reads the dossier, not the exchanges between the programme
    // team and the host, nor what the team may do with it.
    let mut dossier = crate::server::service::defis::dossier(db, d.id, actor).await?;
    dossier.events.clear();
    dossier.decisions.clear();
    dossier.may_edit = false;
    dossier.may_publish = false;
    Ok(DefiSheetPage {
        dossier,
        hearing,
        grid: grid_of(db, d.promotion_id, GridKind::Defi).await?,
        sheet: mine
            .as_ref()
            .map(|m| serde_json::from_str(&m.scores).unwrap_or_default())
            .unwrap_or_default(),
        submitted: mine.is_some_and(|m| m.submitted_at.is_some()),
        open: access.open(),
    })
}

/// The défi is still shortlisted (`super::lock_shortlisted`): a decision
/// taken meanwhile waits, or froze the sheets already.
async fn still_open<C: ConnectionTrait>(db: &C, defi: i64) -> Result<(), AppError> {
    if super::lock_shortlisted(db, defi).await? {
        Ok(())
    } else {
        Err(AppError::Refused(Msg::HearingClosed))
    }
}

/// Saves the sheet as a draft, or submits it.
pub async fn save(
    db: &DatabaseConnection,
    origin: &Origin,
    access: &Access,
    user: i64,
    get: impl Fn(&str) -> Option<String>,
    submit: bool,
) -> Result<(), AppError> {
    let d = &access.defi;
    let txn = Txn::begin(db, origin).await?;
    still_open(&txn, d.id).await?;
    // The grid as it stands in this transaction: the promotion's row is
    // taken, as a grid change takes it, so a first sheet and a new grid
    // never cross.
    super::grids::lock_promotion(&txn, d.promotion_id).await?;
    let grid = grid_of(&txn, d.promotion_id, GridKind::Defi).await?;
    let sheet = parse_sheet(&grid, get, submit).map_err(AppError::fields)?;
    let now = Utc::now();
    let existing = score::Entity::find()
        .filter(score::Column::DefiId.eq(d.id))
        .filter(score::Column::UserId.eq(user))
        .one(&txn)
        .await?;
    let submitted = existing.as_ref().and_then(|e| e.submitted_at);
    if !submit && submitted.is_some() {
        return Err(AppError::Refused(Msg::SheetAlreadySubmitted));
    }
    let submitted = if submit {
        submitted.or(Some(now))
    } else {
        None
    };
    let text = serde_json::to_string(&sheet).map_err(|_| AppError::Unexpected)?;
    match existing {
        Some(e) => {
            let mut m: score::ActiveModel = e.into();
            m.scores = Set(text);
            m.comment = Set(sheet.comment.clone());
            m.favourable = Set(sheet.acceptable);
            m.submitted_at = Set(submitted);
            m.updated_at = Set(now);
            m.update(&txn).await?;
        }
        None => {
            score::ActiveModel {
                defi_id: Set(d.id),
                user_id: Set(user),
                scores: Set(text),
                comment: Set(sheet.comment.clone()),
                favourable: Set(sheet.acceptable),
                rank: Set(None),
                coup_de_coeur: Set(false),
                submitted_at: Set(submitted),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }
    txn.finish(
        if submit {
            AuditAction::HearingSheetSubmitted
        } else {
            AuditAction::HearingSheetSaved
        },
        Target::Defi(d.id),
        json!({ "total": sheet.total(), "favourable": sheet.acceptable }),
    )
    .await
}

/// Fixes the juror's ranking of the défis they heard (every one, each
/// with a submitted sheet) and their coup de cœur.
pub async fn rank(
    db: &DatabaseConnection,
    origin: &Origin,
    promotion: i64,
    user: i64,
    get: impl Fn(&str) -> Option<String>,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let mine = mine(&txn, promotion, user).await?;
    if mine.defis.is_empty() {
        return Err(AppError::NotFound);
    }
    if !mine.open {
        return Err(AppError::Refused(Msg::HearingClosed));
    }
    if !mine.may_rank {
        return Err(AppError::Refused(Msg::RankBeforeSheets));
    }
    let ids: Vec<i64> = mine
        .defis
        .iter()
        .filter(|d| d.open)
        .map(|d| d.defi_id)
        .collect();
    let ranking = parse_ranking(&ids, get).map_err(AppError::fields)?;
    // A coup de cœur given to a défi decided since stays: no second one.
    let given = mine.defis.iter().find(|d| !d.open && d.coup);
    if ranking.coup.is_some() && given.is_some() {
        return Err(AppError::field(COUP_FIELD, Msg::CoupAlreadyGiven));
    }
    // The défis' rows locked in id order (never two rankings waiting on
    // each other), then the open ones take the ranks the decided ones do
    // not hold, best first.
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    for d in &sorted {
        still_open(&txn, *d).await?;
    }
    let held: Vec<u32> = mine
        .defis
        .iter()
        .filter(|d| !d.open)
        .filter_map(|d| d.rank)
        .collect();
    let free_ranks = (1u32..).filter(|r| !held.contains(r));
    for (defi_id, rank) in ranking.order.iter().zip(free_ranks) {
        let s = score::Entity::find()
            .filter(score::Column::DefiId.eq(*defi_id))
            .filter(score::Column::UserId.eq(user))
            .one(&txn)
            .await?
            .ok_or(AppError::Refused(Msg::RankBeforeSheets))?;
        let mut m: score::ActiveModel = s.into();
        m.rank = Set(Some(rank as i32));
        m.coup_de_coeur = Set(ranking.coup == Some(*defi_id));
        m.updated_at = Set(Utc::now());
        m.update(&txn).await?;
    }
    txn.finish(
        AuditAction::HearingRanked,
        Target::Promotion(promotion),
        json!({ "order": ranking.order, "coup_de_coeur": ranking.coup }),
    )
    .await
}

/// The tally of every défi heard in the promotion: the submitted sheets
/// of the jurors who hear it; best mean first, then by id.
pub async fn tally<C: ConnectionTrait>(db: &C, promotion: i64) -> Result<Vec<TallyRow>, AppError> {
    let defis = defis_of(db, promotion, &HEARD).await?;
    let panels = super::assigned(db, &defis).await?;
    let orgs = organisations(db, defis.iter().map(|d| d.organisation_id)).await?;
    let slots = slots_of(db, promotion).await?;
    let mut sheets: HashMap<i64, Vec<score::Model>> = HashMap::new();
    for s in score::Entity::find()
        .filter(score::Column::DefiId.is_in(defis.iter().map(|d| d.id)))
        .filter(score::Column::SubmittedAt.is_not_null())
        .all(db)
        .await?
    {
        sheets.entry(s.defi_id).or_default().push(s);
    }
    let mut rows: Vec<TallyRow> = defis
        .iter()
        .map(|d| {
            let panel = panels.get(&d.id).cloned().unwrap_or_default();
            let counted: Vec<SheetRow> = sheets
                .get(&d.id)
                .into_iter()
                .flatten()
                .filter(|s| panel.contains(&s.user_id))
                .map(|s| SheetRow {
                    total: total(s),
                    favourable: s.favourable == Some(true),
                    rank: s.rank.map(|r| r.max(0) as u32),
                    coup: s.coup_de_coeur,
                })
                .collect();
            let t = hearings::tally(&counted);
            TallyRow {
                defi_id: d.id,
                title: d.title.clone(),
                organisation: orgs.get(&d.organisation_id).cloned().unwrap_or_default(),
                state: DefiState::from_code(&d.state).unwrap_or(DefiState::Shortlisted),
                hearing: slots
                    .iter()
                    .find(|s| s.defi_id == Some(d.id))
                    .map(|s| paris_display(s.starts_at)),
                assigned: panel.len() as u32,
                sheets: t.sheets,
                mean: t.mean,
                spread: t.spread,
                favourable: t.favourable,
                unfavourable: t.unfavourable,
                mean_rank: t.mean_rank,
                coups: t.coups,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.mean
            .unwrap_or(f64::NEG_INFINITY)
            .total_cmp(&a.mean.unwrap_or(f64::NEG_INFINITY))
            .then(a.defi_id.cmp(&b.defi_id))
    });
    Ok(rows)
}
