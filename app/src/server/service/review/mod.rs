//! The review of applications (pre-selection): a stage per promotion, its
//! settings and rubric (`setup`), the jury pool (`jurors`), conflicts of
//! interest (`conflicts`), the reviewer assignment (`assign`), the jurors'
//! reviews (`scoring`), and the aggregates and shortlist (`shortlist`).

pub mod assign;
pub mod conflicts;
pub mod jurors;
pub mod reminders;
pub mod reveal;
pub mod scoring;
pub mod setup;
pub mod shortlist;
pub mod standing;

use crate::domain::application::ApplicationState;
use crate::domain::review::{Criterion, SeeReviews, StageSettings};
use crate::model::AppError;
use crate::server::db::review::{conflict, criterion, juror, stage};
use crate::server::db::{application, application_choice, defi};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::{HashMap, HashSet};

/// States of a dossier that the review reads: submitted ones, and those
/// already decided (their reviews stay visible), up to their placement.
pub const REVIEWED_STATES: [ApplicationState; 13] = [
    ApplicationState::Submitted,
    ApplicationState::InReview,
    ApplicationState::Shortlisted,
    ApplicationState::NotShortlisted,
    ApplicationState::InvitedToInterview,
    ApplicationState::Interviewed,
    ApplicationState::Ranked,
    ApplicationState::Offered,
    ApplicationState::Accepted,
    ApplicationState::Declined,
    ApplicationState::Placed,
    ApplicationState::Active,
    ApplicationState::Completed,
];

/// States in which a dossier still gets reviewers.
pub const ASSIGNABLE_STATES: [ApplicationState; 2] =
    [ApplicationState::Submitted, ApplicationState::InReview];

fn codes(states: &[ApplicationState]) -> Vec<&'static str> {
    states.iter().map(|s| s.code()).collect()
}

/// The promotion's stage, if a coordinator or a use-case created it.
pub async fn find_stage<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
) -> Result<Option<stage::Model>, AppError> {
    Ok(stage::Entity::find()
        .filter(stage::Column::PromotionId.eq(promotion))
        .one(db)
        .await?)
}

/// The promotion's stage; not found when there is none yet (reading never
/// creates one: `create_stage` does, in a use-case's transaction).
pub async fn stage_of<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
) -> Result<stage::Model, AppError> {
    find_stage(db, promotion).await?.ok_or(AppError::NotFound)
}

/// The promotion's stage, created with the default rubric the first time:
/// only inside a use-case's transaction, which audits it.
pub(crate) async fn create_stage(
    db: &crate::server::service::txn::Txn<'_>,
    promotion: i64,
) -> Result<stage::Model, AppError> {
    if let Some(s) = find_stage(db, promotion).await? {
        return Ok(s);
    }
    crate::server::db::promotion::Entity::find_by_id(promotion)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = Utc::now();
    // Two first uses at once (two coordinators): one stage, one rubric.
    // The loser of the race waits for the winner's row, then reads it.
    let inserted = stage::Entity::insert(stage::ActiveModel {
        promotion_id: Set(promotion),
        blind: Set(true),
        see_reviews: Set(SeeReviews::AfterOwn.code().to_owned()),
        see_names: Set(false),
        reviews_per_dossier: Set(3),
        disagreement_threshold: Set(20),
        reveal: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([stage::Column::PromotionId])
    .exec(db)
    .await?;
    let s = stage_of(db, promotion).await?;
    if !matches!(inserted, sea_orm::TryInsertResult::Inserted(_)) {
        return Ok(s);
    }
    for (i, c) in crate::domain::review::rubric::default_rubric()
        .into_iter()
        .enumerate()
    {
        criterion::ActiveModel {
            stage_id: Set(s.id),
            position: Set(i as i32 + 1),
            name: Set(c.name),
            help: Set(c.help),
            scale_min: Set(c.min),
            scale_max: Set(c.max),
            weight: Set(c.weight),
            required: Set(c.required),
            independent: Set(c.independent),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(s)
}

pub(crate) fn settings(s: &stage::Model) -> StageSettings {
    StageSettings {
        opens_at: s.opens_at,
        closes_at: s.closes_at,
        blind: s.blind,
        see_reviews: SeeReviews::from_code(&s.see_reviews).unwrap_or(SeeReviews::AfterOwn),
        see_names: s.see_names,
        reviews_per_dossier: s.reviews_per_dossier.max(1) as u32,
        max_load: s.max_load.map(|m| m.max(0) as u32),
        disagreement_threshold: s.disagreement_threshold.max(1) as u32,
        reveal_deadline: s.reveal.then_some(s.reveal_deadline).flatten(),
    }
}

pub async fn criteria_of<C: ConnectionTrait>(
    db: &C,
    stage: i64,
) -> Result<Vec<Criterion>, AppError> {
    Ok(criterion::Entity::find()
        .filter(criterion::Column::StageId.eq(stage))
        .order_by_asc(criterion::Column::Position)
        .all(db)
        .await?
        .iter()
        .map(criterion::Model::criterion)
        .collect())
}

/// The signed-in person's juror row for `promotion` (not removed).
pub async fn juror_of<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    user: i64,
) -> Result<Option<juror::Model>, AppError> {
    Ok(juror::Entity::find()
        .filter(juror::Column::PromotionId.eq(promotion))
        .filter(juror::Column::UserId.eq(user))
        .filter(juror::Column::RemovedAt.is_null())
        .one(db)
        .await?)
}

/// The promotion's dossiers the review reads (`states`), by id.
pub async fn dossiers<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    states: &[ApplicationState],
) -> Result<Vec<application::Model>, AppError> {
    Ok(application::Entity::find()
        .filter(application::Column::PromotionId.eq(promotion))
        .filter(application::Column::State.is_in(codes(states)))
        .order_by_asc(application::Column::Id)
        .all(db)
        .await?)
}

/// Per dossier, the organisations of the défis its author ranked.
pub(crate) async fn ranked_organisations<C: ConnectionTrait>(
    db: &C,
    applications: &[i64],
) -> Result<HashMap<i64, Vec<i64>>, AppError> {
    let choices = application_choice::Entity::find()
        .filter(application_choice::Column::ApplicationId.is_in(applications.iter().copied()))
        .all(db)
        .await?;
    let defis: HashSet<i64> = choices.iter().map(|c| c.defi_id).collect();
    let org_of: HashMap<i64, i64> = defi::Entity::find()
        .filter(defi::Column::Id.is_in(defis))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.organisation_id))
        .collect();
    let mut out: HashMap<i64, Vec<i64>> = HashMap::new();
    for c in choices {
        if let Some(o) = org_of.get(&c.defi_id) {
            out.entry(c.application_id).or_default().push(*o);
        }
    }
    Ok(out)
}

/// The dossiers `juror` may never see (`conflicts_of` for one juror; an
/// unknown juror sees nothing anyway).
pub async fn conflicted_dossiers<C: ConnectionTrait>(
    db: &C,
    juror: i64,
    ranked: &HashMap<i64, Vec<i64>>,
) -> Result<HashSet<i64>, AppError> {
    let Some(j) = juror::Entity::find_by_id(juror).one(db).await? else {
        return Ok(HashSet::new());
    };
    Ok(conflicts_of(db, std::slice::from_ref(&j), ranked)
        .await?
        .remove(&j.id)
        .unwrap_or_default())
}

/// Per juror of `jurors`, the dossiers they may never see: declared
/// conflicts with them, with an organisation whose défi they ranked
/// (`ranked`), their own dossiers (an alumnus who applies again), and
/// likely conflicts detected on dossiers that came after their
/// declaration (`conflicts::pending_of`). A few queries, whatever the
/// number of jurors.
pub async fn conflicts_of<C: ConnectionTrait>(
    db: &C,
    jurors: &[juror::Model],
    ranked: &HashMap<i64, Vec<i64>>,
) -> Result<HashMap<i64, HashSet<i64>>, AppError> {
    let mut out = declared_of(db, jurors, ranked).await?;
    for (j, pending) in conflicts::pending_of(db, jurors).await? {
        out.entry(j).or_default().extend(pending);
    }
    Ok(out)
}

/// `conflicts_of` without the pending detections.
pub(crate) async fn declared_of<C: ConnectionTrait>(
    db: &C,
    jurors: &[juror::Model],
    ranked: &HashMap<i64, Vec<i64>>,
) -> Result<HashMap<i64, HashSet<i64>>, AppError> {
    let rows = conflict::Entity::find()
        .filter(conflict::Column::JurorId.is_in(jurors.iter().map(|j| j.id)))
        .all(db)
        .await?;
    let own: Vec<(Option<i64>, i64)> = application::Entity::find()
        .select_only()
        .columns([application::Column::UserId, application::Column::Id])
        .filter(application::Column::UserId.is_in(jurors.iter().map(|j| j.user_id)))
        .into_tuple()
        .all(db)
        .await?;
    let mut out: HashMap<i64, HashSet<i64>> = HashMap::new();
    for j in jurors {
        let mine = rows.iter().filter(|c| c.juror_id == j.id);
        let orgs: HashSet<i64> = mine.clone().filter_map(|c| c.organisation_id).collect();
        let set = out.entry(j.id).or_default();
        set.extend(mine.filter_map(|c| c.application_id));
        set.extend(
            own.iter()
                .filter(|(u, _)| *u == Some(j.user_id))
                .map(|(_, a)| *a),
        );
        if !orgs.is_empty() {
            for (app, os) in ranked {
                if os.iter().any(|o| orgs.contains(o)) {
                    set.insert(*app);
                }
            }
        }
    }
    Ok(out)
}

/// "Dossier n° 12": how a blind stage names a dossier.
pub(crate) fn blind_label(locale: crate::i18n::Locale, id: i64) -> String {
    locale.fill(
        locale.t(crate::i18n::Msg::DossierNumber),
        &[("id", &id.to_string())],
    )
}

/// Erases what the review holds about dossier `id` (its reviews, their
/// assignments, conflicts declared on it): with the dossier, by the
/// retention purge.
pub(crate) async fn forget_dossier<C: ConnectionTrait>(db: &C, id: i64) -> Result<(), AppError> {
    use crate::server::db::review::{assignment, sheet};
    sheet::Entity::delete_many()
        .filter(sheet::Column::ApplicationId.eq(id))
        .exec(db)
        .await?;
    assignment::Entity::delete_many()
        .filter(assignment::Column::ApplicationId.eq(id))
        .exec(db)
        .await?;
    conflict::Entity::delete_many()
        .filter(conflict::Column::ApplicationId.eq(id))
        .exec(db)
        .await?;
    Ok(())
}
