//! What coordinators shortlist from: every reviewed dossier with its
//! aggregates (sortable, filterable, exported as CSV), and the shortlist in
//! batch, previewed then confirmed: dossiers move to shortlisted or not
//! shortlisted and their authors get a neutral email (never a score or a
//! juror's name).

use super::{REVIEWED_STATES, criteria_of, dossiers, settings, stage_of};
use crate::domain::application::ApplicationState;
use crate::domain::review::aggregate::{Aggregate, Submitted, aggregate, compare, sort_value};
use crate::i18n::{Locale, Msg};
use crate::model::AppError;
use crate::model::batch::BatchLine;
use crate::model::review::{ResultRow, Results, ResultsQuery};
use crate::server::AppState;
use crate::server::db::application;
use crate::server::mail::MailTemplate;
use crate::server::service::Origin;
use crate::server::service::applications::{self, guarded, owner_locale};
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use chrono::Utc;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;

/// Every reviewed dossier of the promotion with its aggregates, filtered
/// and sorted as `q` says.
pub async fn results<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    q: &ResultsQuery,
) -> Result<Results, AppError> {
    let stage = stage_of(db, promotion).await?;
    let set = settings(&stage);
    let criteria = criteria_of(db, stage.id).await?;
    let apps = dossiers(db, promotion, &REVIEWED_STATES).await?;
    let aggregates = aggregates_of(db, promotion, &criteria, set.disagreement_threshold).await?;
    let mut rows: Vec<ResultRow> = apps
        .iter()
        .filter(|a| q.profile.as_ref().is_none_or(|p| *p == a.profile))
        .map(|a| {
            let ag = aggregates.get(&a.id).cloned().unwrap_or_default();
            ResultRow {
                id: a.id,
                name: format!("{} {}", a.first_name, a.last_name)
                    .trim()
                    .to_owned(),
                email: a.email.clone(),
                profile: a.profile.clone(),
                state: ApplicationState::from_code(&a.state).unwrap_or(ApplicationState::Submitted),
                criteria: criteria
                    .iter()
                    .map(|c| ag.criteria.get(&c.id).copied())
                    .collect(),
                aggregate: ag,
                selected: false,
            }
        })
        .filter(|r| !q.disagreement || r.aggregate.disagreement)
        .collect();
    if q.sort == "nom" {
        rows.sort_by_key(|r| r.name.to_lowercase());
    } else {
        // Best first; dossiers without reviews last; ties by id.
        let value = sort_value(&q.sort).unwrap_or(|a: &Aggregate| a.normalised);
        rows.sort_by(|x, y| {
            compare(
                (x.id, value(&x.aggregate)),
                (y.id, value(&y.aggregate)),
                true,
            )
        });
    }
    if let Some(top) = q.top {
        // The first `top` of each profile, in the chosen order.
        let mut seen: std::collections::HashMap<String, u32> = Default::default();
        for r in &mut rows {
            let n = seen.entry(r.profile.clone()).or_default();
            *n += 1;
            r.selected = *n <= top && r.aggregate.reviews > 0;
        }
    }
    Ok(Results {
        promotion_id: promotion,
        criteria: criteria.iter().map(|c| c.name.clone()).collect(),
        rows,
    })
}

/// Every dossier's aggregates over the reviews that count
/// (`standing::reviews`): a removed juror's count, a conflicted one's not.
pub async fn aggregates_of<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    criteria: &[crate::domain::review::Criterion],
    threshold: u32,
) -> Result<std::collections::HashMap<i64, Aggregate>, AppError> {
    let submitted: Vec<Submitted> = super::standing::reviews(db, promotion, None, false)
        .await?
        .into_iter()
        .filter(|r| r.standing.counts())
        .map(|r| Submitted {
            juror: r.sheet.juror_id,
            dossier: r.sheet.application_id,
            sheet: r.sheet.sheet(),
        })
        .collect();
    Ok(aggregate(criteria, &submitted, threshold))
}

/// The shortlist's transition: a dossier still in review moves.
pub fn decide(from: ApplicationState, shortlist: bool) -> Result<ApplicationState, Msg> {
    match from {
        ApplicationState::Submitted | ApplicationState::InReview => Ok(if shortlist {
            ApplicationState::Shortlisted
        } else {
            ApplicationState::NotShortlisted
        }),
        _ => Err(Msg::ShortlistAlreadyDecided),
    }
}

/// The neutral message of a decision, in `locale`; a shortlisted person
/// is told of the two-step reveal when the promotion uses it.
fn message(
    locale: Locale,
    shortlist: bool,
    p: &crate::server::db::promotion::Model,
    reveal: Option<chrono::DateTime<Utc>>,
) -> String {
    let m = match (shortlist, reveal) {
        (true, Some(_)) => Msg::ShortlistedRevealMessage,
        (true, None) => Msg::ShortlistedMessage,
        (false, _) => Msg::NotShortlistedMessage,
    };
    let deadline = reveal
        .map(crate::domain::promotion::paris_display)
        .unwrap_or_default();
    locale.fill(
        locale.t(m),
        &[
            ("promotion", &p.name),
            ("deadline", &deadline),
            ("max", &p.max_choices.to_string()),
        ],
    )
}

/// Who would receive what: nothing is changed or sent.
pub async fn preview(
    state: &AppState,
    promotion: i64,
    ids: &[i64],
    shortlist: bool,
    locale: Locale,
) -> Result<Vec<BatchLine>, AppError> {
    let p = crate::server::db::promotion::Entity::find_by_id(promotion)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let reveal = super::reveal::deadline(&state.db, promotion).await?;
    let apps = application::Entity::find()
        .filter(application::Column::PromotionId.eq(promotion))
        .filter(application::Column::Id.is_in(ids.iter().copied()))
        .all(&state.db)
        .await?;
    Ok(apps
        .into_iter()
        .map(|a| {
            let from = ApplicationState::from_code(&a.state).unwrap_or(ApplicationState::Draft);
            BatchLine {
                target: a.id,
                label: format!("{} {}", a.first_name, a.last_name),
                detail: a.profile.clone(),
                status: Some(from.label()),
                recipients: vec![a.email.clone()],
                message: message(locale, shortlist, &p, reveal),
                refused: decide(from, shortlist).err(),
            }
        })
        .collect())
}

/// Moves every listed dossier the decision fits, in one transaction, each
/// with its event and email; returns how many moved.
pub async fn confirm(
    state: &AppState,
    origin: &Origin,
    promotion: i64,
    ids: &[i64],
    shortlist: bool,
) -> Result<usize, AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    let p = crate::server::db::promotion::Entity::find_by_id(promotion)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let reveal = super::reveal::deadline(&txn, promotion).await?;
    let mut moved = Vec::new();
    for &id in ids {
        let Some(a) = application::Entity::find_by_id(id)
            .filter(application::Column::PromotionId.eq(promotion))
            .one(&txn)
            .await?
        else {
            continue;
        };
        let from = applications::state_of(&a)?;
        let Ok(to) = decide(from, shortlist) else {
            continue;
        };
        let mut row: application::ActiveModel = a.clone().into();
        row.state = Set(to.code().to_owned());
        row.updated_at = Set(Utc::now());
        guarded(&txn, row, a.version).await?;
        let kind = if shortlist {
            "shortlisted"
        } else {
            "not_shortlisted"
        };
        applications::event(
            &txn,
            origin,
            a.id,
            kind,
            &message(Locale::Fr, shortlist, &p, reveal),
        )
        .await?;
        if let Some(locale) = owner_locale(&txn, &a).await? {
            txn.queue(
                MailTemplate::ApplicationUpdate,
                locale,
                &a.email,
                json!({
                    "name": format!("{} {}", a.first_name, a.last_name).trim(),
                    "state": locale.t(to.label()),
                    "message": message(locale, shortlist, &p, reveal),
                    "link": state.link(&format!("/candidature/{}", a.id)),
                }),
            )
            .await?;
        }
        moved.push(a.id);
    }
    txn.finish(
        AuditAction::ReviewShortlisted,
        Target::Promotion(promotion),
        json!({ "shortlisted": shortlist, "asked": ids, "moved": moved }),
    )
    .await?;
    crate::server::service::catalogue::applications_changed();
    Ok(moved.len())
}

/// The aggregates' column names in a CSV (both exports').
pub(crate) fn aggregate_header(locale: Locale) -> Vec<String> {
    [
        Msg::ColReviews,
        Msg::ColNormalised,
        Msg::ColMean,
        Msg::ColMedian,
        Msg::ColSpread,
        Msg::Disagreement,
        Msg::ColCoups,
        Msg::ColUnfavourable,
    ]
    .iter()
    .map(|m| locale.t(*m).to_owned())
    .collect()
}

/// A number in a CSV: a decimal comma where the separator is a semicolon
/// (French spreadsheets), a point otherwise.
pub(crate) fn csv_number(x: Option<f64>, comma: bool) -> String {
    let s = x.map(|v| format!("{v:.3}")).unwrap_or_default();
    if comma { s.replace('.', ",") } else { s }
}

/// A dossier's aggregates as CSV cells (`aggregate_header`'s order),
/// decimals as `csv_number` writes them.
pub(crate) fn aggregate_cells(a: &Aggregate, comma: bool) -> Vec<String> {
    let n = |x: Option<f64>| csv_number(x, comma);
    vec![
        a.reviews.to_string(),
        n(a.normalised),
        n(a.mean),
        n(a.median),
        n(a.sd),
        if a.disagreement { "1" } else { "0" }.to_owned(),
        a.coups_de_coeur.to_string(),
        a.unfavourable.to_string(),
    ]
}

/// The results table as CSV (the same rows and order as the page), audited
/// before it leaves.
pub async fn csv(
    state: &AppState,
    actor: &crate::server::policy::Actor,
    origin: &Origin,
    promotion: i64,
    q: &ResultsQuery,
    locale: Locale,
) -> Result<crate::server::service::download::Download, AppError> {
    use crate::domain::spreadsheet::text_record;
    crate::server::policy::require(actor, crate::server::policy::Action::ManageReview)?;
    let r = results(&state.db, promotion, q).await?;
    let t = |m: Msg| locale.t(m).to_owned();
    let mut w = ::csv::WriterBuilder::new().from_writer(vec![0xEF, 0xBB, 0xBF]);
    let mut header = vec![
        "id".to_owned(),
        t(Msg::ColName),
        t(Msg::FieldEmail),
        t(Msg::ColProfile),
        t(Msg::ColState),
    ];
    header.extend(aggregate_header(locale));
    header.extend(r.criteria.iter().cloned());
    let bad = |_| AppError::Unexpected;
    w.write_record(text_record(&header)).map_err(bad)?;
    let n = |x: Option<f64>| x.map(|v| format!("{v:.3}")).unwrap_or_default();
    for row in &r.rows {
        let a = &row.aggregate;
        let mut cells = vec![
            row.id.to_string(),
            row.name.clone(),
            row.email.clone(),
            row.profile.clone(),
            locale.t(row.state.label()).to_owned(),
        ];
        cells.extend(aggregate_cells(a, false));
        cells.extend(row.criteria.iter().map(|c| n(*c)));
        w.write_record(text_record(&cells)).map_err(bad)?;
    }
    let bytes = w.into_inner().map_err(|_| AppError::Unexpected)?;
    let txn = Txn::with_outbox(state, origin).await?;
    txn.finish(
        AuditAction::ApplicationsExported,
        Target::Promotion(promotion),
        json!({ "format": "review_results_csv", "rows": r.rows.len(), "profile": q.profile, "disagreement": q.disagreement }),
    )
    .await?;
    Ok(crate::server::service::download::Download::csv(
        format!("preselection-{promotion}.csv"),
        bytes,
    ))
}
