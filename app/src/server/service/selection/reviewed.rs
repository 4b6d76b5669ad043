//! The table's review columns: when the promotion has a review stage, each
//! row carries its aggregates (the review's own rule of which reviews
//! count), and the table filters on disagreement and sorts by an aggregate
//! in memory (a promotion's few hundred dossiers).

use crate::domain::review::aggregate::{Aggregate, compare, sort_value};
use crate::model::AppError;
use crate::model::application::{ApplicationQuery, ApplicationRow};
use crate::server::service::review;
use sea_orm::ConnectionTrait;
use std::collections::HashMap;

/// The promotion's aggregates by dossier, when it has a review stage.
pub(super) async fn aggregates_of<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
) -> Result<Option<HashMap<i64, Aggregate>>, AppError> {
    Ok(reviewed(db, promotion).await?.map(|(_, a)| a))
}

/// The review's criteria (id, name) and the aggregates by dossier, when
/// the promotion has a review stage.
pub async fn reviewed<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
) -> Result<Option<(Vec<(i64, String)>, HashMap<i64, Aggregate>)>, AppError> {
    let Some(stage) = review::find_stage(db, promotion).await? else {
        return Ok(None);
    };
    let criteria = review::criteria_of(db, stage.id).await?;
    let threshold = review::settings(&stage).disagreement_threshold;
    let aggregates = review::shortlist::aggregates_of(db, promotion, &criteria, threshold).await?;
    Ok(Some((
        criteria.into_iter().map(|c| (c.id, c.name)).collect(),
        aggregates,
    )))
}

/// `q` filters or sorts by an aggregate: the rows are read whole.
pub(super) fn in_memory(q: &ApplicationQuery) -> bool {
    q.disagreement || q.sort.as_deref().and_then(sort_value).is_some()
}

/// Gives each row its aggregates (none reviewed yet: zero reviews).
pub(super) fn attach(rows: &mut [ApplicationRow], aggregates: &HashMap<i64, Aggregate>) {
    for r in rows {
        r.review = Some(aggregates.get(&r.id).cloned().unwrap_or_default());
    }
}

/// `rows` (all of them, with their aggregates) filtered on disagreement
/// and sorted as `q` says; dossiers without a value last either way.
pub(super) fn filter_and_sort(
    mut rows: Vec<ApplicationRow>,
    q: &ApplicationQuery,
) -> Vec<ApplicationRow> {
    if q.disagreement {
        rows.retain(|r| r.review.as_ref().is_some_and(|a| a.disagreement));
    }
    if let Some(value) = q.sort.as_deref().and_then(sort_value) {
        let of = |r: &ApplicationRow| r.review.as_ref().and_then(value);
        rows.sort_by(|x, y| compare((x.id, of(x)), (y.id, of(y)), q.desc));
    }
    rows
}
