//! Which reviews count. One rule for the aggregates, the CSV, what other
//! jurors see and the coordinators' dossier page: a review by a juror now
//! in conflict with the dossier never counts and is seen by coordinators
//! only; a removed juror's review stays and counts, marked as such (the
//! issue: "their scores stay, marked").

use super::{conflicts_of, ranked_organisations};
use crate::model::AppError;
use crate::server::db::review::{juror, sheet};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// A review's standing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    /// By a juror of the pool: counted.
    Counted,
    /// By a juror since removed from the pool: counted, marked.
    Removed,
    /// By a juror now in conflict with the dossier: not counted, shown to
    /// coordinators only.
    Conflicted,
}

impl Standing {
    pub fn counts(self) -> bool {
        self != Standing::Conflicted
    }
}

/// A review with its juror and standing.
pub struct Standed {
    pub sheet: sheet::Model,
    pub juror: juror::Model,
    pub standing: Standing,
}

/// The reviews of `promotion` (of `dossier` only when given), drafts
/// included when `drafts`, in the order they were first saved.
pub async fn reviews<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    dossier: Option<i64>,
    drafts: bool,
) -> Result<Vec<Standed>, AppError> {
    let jurors: HashMap<i64, juror::Model> = juror::Entity::find()
        .filter(juror::Column::PromotionId.eq(promotion))
        .all(db)
        .await?
        .into_iter()
        .map(|j| (j.id, j))
        .collect();
    let mut q = sheet::Entity::find()
        .filter(sheet::Column::JurorId.is_in(jurors.keys().copied()))
        .order_by_asc(sheet::Column::Id);
    if let Some(d) = dossier {
        q = q.filter(sheet::Column::ApplicationId.eq(d));
    }
    if !drafts {
        q = q.filter(sheet::Column::SubmittedAt.is_not_null());
    }
    let sheets = q.all(db).await?;
    let mut apps: Vec<i64> = sheets.iter().map(|s| s.application_id).collect();
    apps.sort_unstable();
    apps.dedup();
    let ranked = ranked_organisations(db, &apps).await?;
    let with_reviews: HashSet<i64> = sheets.iter().map(|s| s.juror_id).collect();
    let reviewers: Vec<juror::Model> = jurors
        .values()
        .filter(|j| with_reviews.contains(&j.id))
        .cloned()
        .collect();
    let conflicted = conflicts_of(db, &reviewers, &ranked).await?;
    Ok(sheets
        .into_iter()
        .filter_map(|s| {
            let juror = jurors.get(&s.juror_id)?.clone();
            let standing = if conflicted
                .get(&s.juror_id)
                .is_some_and(|c| c.contains(&s.application_id))
            {
                Standing::Conflicted
            } else if juror.removed_at.is_some() {
                Standing::Removed
            } else {
                Standing::Counted
            };
            Some(Standed {
                sheet: s,
                juror,
                standing,
            })
        })
        .collect())
}

/// Dossier `id`'s submitted reviews for coordinators (the policy has
/// allowed `ManageReview`): `None` when its promotion has no review stage.
pub async fn of_dossier<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<Option<crate::model::review::DossierReviews>, AppError> {
    use crate::model::review::{DossierReviews, OtherReview};
    let a = crate::server::db::application::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    // A draft is nobody's business but its author's (as its page).
    if a.state == crate::domain::application::ApplicationState::Draft.code() {
        return Err(AppError::NotFound);
    }
    let Some(stage) = super::find_stage(db, a.promotion_id).await? else {
        return Ok(None);
    };
    let criteria = super::criteria_of(db, stage.id).await?;
    let found = reviews(db, a.promotion_id, Some(id), false).await?;
    let users: HashMap<i64, String> = crate::server::db::user::Entity::find()
        .filter(crate::server::db::user::Column::Id.is_in(found.iter().map(|r| r.juror.user_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let aggregate = super::shortlist::aggregates_of(
        db,
        a.promotion_id,
        &criteria,
        super::settings(&stage).disagreement_threshold,
    )
    .await?
    .remove(&id)
    .unwrap_or_default();
    let reviews = found
        .iter()
        .map(|r| {
            let s = r.sheet.sheet();
            OtherReview {
                juror: users.get(&r.juror.user_id).cloned(),
                removed: r.standing == Standing::Removed,
                conflicted: r.standing == Standing::Conflicted,
                total: s.total(&criteria),
                verdict: s.verdict.map(|v| v.code().to_owned()),
                sheet: s,
            }
        })
        .collect();
    Ok(Some(DossierReviews {
        criteria,
        reviews,
        aggregate,
    }))
}
