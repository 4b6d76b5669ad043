//! A juror's conflicts of interest: before seeing any dossier, they declare
//! them, with named applicants (names only, even in blind mode) and with
//! organisations; Cohorte shows the likely ones it detects for
//! confirmation. A conflict declared after an assignment drops it, and the
//! dossier gets another juror (a top-up that changes nothing else).

use super::{REVIEWED_STATES, conflicted_dossiers, dossiers, juror_of, ranked_organisations};
use crate::domain::Role;
use crate::domain::review::conflicts::{
    ApplicantFacts, ConflictKind, Detected, JurorFacts, detect,
};
use crate::model::AppError;
use crate::model::review::{ConflictLine, ConflictsPage};
use crate::server::db::review::{assignment, conflict, juror};
use crate::server::db::{organisation, promotion, user};
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use crate::server::service::{Origin, users};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use serde_json::json;
use std::collections::{HashMap, HashSet};

async fn facts<C: ConnectionTrait>(
    db: &C,
    j: &juror::Model,
) -> Result<(String, Vec<i64>), AppError> {
    let u = user::Entity::find_by_id(j.user_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let host_of = hosted(&users::roles_of(db, j.user_id).await?);
    Ok((u.email, host_of))
}

/// The organisations a person is a host member of.
fn hosted(roles: &[Role]) -> Vec<i64> {
    roles
        .iter()
        .filter_map(|r| match r {
            Role::Host { organisation, .. } => Some(*organisation),
            _ => None,
        })
        .collect()
}

/// Per juror of `jurors`, the dossiers submitted after their declaration
/// that Cohorte detects as likely conflicts: out of the juror's reach until
/// they confirm or reject them by declaring again (a detection asks for
/// confirmation). Not counted: a dossier the juror already reviewed (a
/// resubmission after a correction does not take a review away), one
/// already in conflict, their own. Removed jurors, jurors who have not
/// declared yet (they see nothing) and accounts since deleted are skipped.
/// A few queries, whatever the number of jurors.
pub(crate) async fn pending_of<C: ConnectionTrait>(
    db: &C,
    jurors: &[juror::Model],
) -> Result<HashMap<i64, HashSet<i64>>, AppError> {
    use crate::server::db::application;
    use crate::server::db::review::sheet;
    let live: Vec<&juror::Model> = jurors
        .iter()
        .filter(|j| j.removed_at.is_none() && j.conflicts_declared_at.is_some())
        .collect();
    let Some(earliest) = live.iter().filter_map(|j| j.conflicts_declared_at).min() else {
        return Ok(HashMap::new());
    };
    let newer = application::Entity::find()
        .filter(application::Column::PromotionId.is_in(live.iter().map(|j| j.promotion_id)))
        .filter(application::Column::State.is_in(REVIEWED_STATES.iter().map(|s| s.code())))
        .filter(application::Column::SubmittedAt.gt(earliest))
        .all(db)
        .await?;
    if newer.is_empty() {
        return Ok(HashMap::new());
    }
    let ids: Vec<i64> = newer.iter().map(|a| a.id).collect();
    let ranked = ranked_organisations(db, &ids).await?;
    let live_jurors: Vec<juror::Model> = live.iter().map(|j| (*j).clone()).collect();
    let declared = super::declared_of(db, &live_jurors, &ranked).await?;
    let reviewed: HashSet<(i64, i64)> = sheet::Entity::find()
        .filter(sheet::Column::JurorId.is_in(live.iter().map(|j| j.id)))
        .filter(sheet::Column::ApplicationId.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.juror_id, s.application_id))
        .collect();
    let people: Vec<i64> = live.iter().map(|j| j.user_id).collect();
    let emails: HashMap<i64, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(people.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.email))
        .collect();
    let roles = users::roles_of_many(db, &people).await?;
    let none = Vec::new();
    let mut out: HashMap<i64, HashSet<i64>> = HashMap::new();
    for j in live {
        let (Some(email), Some(declared_at)) = (emails.get(&j.user_id), j.conflicts_declared_at)
        else {
            continue;
        };
        let host_of = hosted(roles.get(&j.user_id).map_or(&[], Vec::as_slice));
        let known = declared.get(&j.id);
        let found: HashSet<i64> = newer
            .iter()
            .filter(|a| {
                a.promotion_id == j.promotion_id
                    && a.submitted_at.is_some_and(|t| t > declared_at)
                    && a.user_id != Some(j.user_id)
                    && !reviewed.contains(&(j.id, a.id))
                    && !known.is_some_and(|k| k.contains(&a.id))
                    && !detect(
                        &JurorFacts {
                            email,
                            host_of: &host_of,
                            works_for: j.organisation_id,
                        },
                        &ApplicantFacts {
                            email: &a.email,
                            ranked: ranked.get(&a.id).unwrap_or(&none),
                        },
                    )
                    .is_empty()
            })
            .map(|a| a.id)
            .collect();
        if !found.is_empty() {
            out.insert(j.id, found);
        }
    }
    Ok(out)
}

fn full_name(a: &crate::server::db::application::Model) -> String {
    format!("{} {}", a.first_name, a.last_name)
        .trim()
        .to_owned()
}

/// The dossiers in the declaration's order: by name, then id.
fn listed(apps: &[crate::server::db::application::Model]) -> Vec<i64> {
    let mut v: Vec<(String, i64)> = apps
        .iter()
        .map(|a| (full_name(a).to_lowercase(), a.id))
        .collect();
    v.sort();
    v.into_iter().map(|(_, id)| id).collect()
}

fn fingerprint(order: &[i64]) -> String {
    let joined = order
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    crate::server::service::tokens::digest(&joined)
}

/// The dossiers behind the line numbers of a declaration made on the list
/// `shown` (its fingerprint); a conflict when the list changed since.
pub async fn resolve(
    db: &DatabaseConnection,
    promotion_id: i64,
    shown: &str,
    lines: &[i64],
) -> Result<Vec<i64>, AppError> {
    let apps = dossiers(db, promotion_id, &REVIEWED_STATES).await?;
    let order = listed(&apps);
    if fingerprint(&order) != shown {
        return Err(AppError::Refused(crate::i18n::Msg::ConflictsListChanged));
    }
    lines
        .iter()
        .map(|&i| order.get(i as usize).copied().ok_or(AppError::NotFound))
        .collect()
}

pub async fn page(
    db: &DatabaseConnection,
    promotion_id: i64,
    user_id: i64,
) -> Result<ConflictsPage, AppError> {
    let j = juror_of(db, promotion_id, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let p = promotion::Entity::find_by_id(promotion_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (email, host_of) = facts(db, &j).await?;
    let apps = dossiers(db, promotion_id, &REVIEWED_STATES).await?;
    let ids: Vec<i64> = apps.iter().map(|a| a.id).collect();
    let ranked = ranked_organisations(db, &ids).await?;
    let declared = conflict::Entity::find()
        .filter(conflict::Column::JurorId.eq(j.id))
        .all(db)
        .await?;
    let kind_of_app: HashMap<i64, String> = declared
        .iter()
        .filter_map(|c| c.application_id.map(|a| (a, c.kind.clone())))
        .collect();
    let kind_of_org: HashMap<i64, String> = declared
        .iter()
        .filter_map(|c| c.organisation_id.map(|o| (o, c.kind.clone())))
        .collect();
    // Lines are numbered in the list's order (names, then ids), never by
    // dossier id: in a blind stage, a name next to an id would tell whose
    // "Dossier n° 12" is whose. The fingerprint says which list was shown.
    let order = listed(&apps);
    let applicants: Vec<ConflictLine> = order
        .iter()
        .enumerate()
        .filter_map(|(i, id)| apps.iter().find(|a| a.id == *id).map(|a| (i, a)))
        .map(|(i, a)| {
            let none = Vec::new();
            let r = ranked.get(&a.id).unwrap_or(&none);
            ConflictLine {
                id: i as i64,
                name: full_name(a),
                kind: kind_of_app.get(&a.id).cloned(),
                detected: detect(
                    &JurorFacts {
                        email: &email,
                        host_of: &host_of,
                        works_for: j.organisation_id,
                    },
                    &ApplicantFacts {
                        email: &a.email,
                        ranked: r,
                    },
                )
                .into_iter()
                .map(|d| d.code().to_owned())
                .collect(),
            }
        })
        .collect();
    let organisations = organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|o| ConflictLine {
            id: o.id,
            kind: kind_of_org.get(&o.id).cloned(),
            detected: if host_of.contains(&o.id) || j.organisation_id == Some(o.id) {
                vec![Detected::HostOfRankedDefi.code().to_owned()]
            } else {
                Vec::new()
            },
            name: o.name,
        })
        .collect();
    Ok(ConflictsPage {
        promotion_id,
        promotion: p.name,
        fingerprint: fingerprint(&order),
        declared: j.conflicts_declared_at.is_some(),
        applicants,
        organisations,
    })
}

/// Replaces the juror's conflicts with `applicants` and `organisations`
/// (id, kind), marks them declared, drops the assignments they now
/// conflict with and tops the dossiers up.
pub async fn declare(
    db: &DatabaseConnection,
    origin: &Origin,
    promotion_id: i64,
    user_id: i64,
    applicants: &[(i64, ConflictKind, Option<Detected>)],
    organisations: &[(i64, ConflictKind)],
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let j = juror_of(&txn, promotion_id, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let apps = dossiers(&txn, promotion_id, &REVIEWED_STATES).await?;
    if applicants
        .iter()
        .any(|(a, ..)| !apps.iter().any(|x| x.id == *a))
    {
        return Err(AppError::NotFound);
    }
    // The declaration replaces what the page listed: the conflicts on
    // dossiers it does not show (a correction under way) stay.
    conflict::Entity::delete_many()
        .filter(conflict::Column::JurorId.eq(j.id))
        .filter(
            sea_orm::Condition::any()
                .add(conflict::Column::ApplicationId.is_in(apps.iter().map(|a| a.id)))
                .add(conflict::Column::OrganisationId.is_not_null()),
        )
        .exec(&txn)
        .await?;
    let now = Utc::now();
    for (a, kind, detected) in applicants {
        conflict::ActiveModel {
            juror_id: Set(j.id),
            application_id: Set(Some(*a)),
            kind: Set(kind.code().to_owned()),
            detected: Set(detected.map(|d| d.code().to_owned()).unwrap_or_default()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    for (o, kind) in organisations {
        conflict::ActiveModel {
            juror_id: Set(j.id),
            organisation_id: Set(Some(*o)),
            kind: Set(kind.code().to_owned()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    let mut a: juror::ActiveModel = j.clone().into();
    a.conflicts_declared_at = Set(Some(now));
    a.update(&txn).await?;
    // Assignments that now conflict go; the dossiers are topped up.
    let ids: Vec<i64> = apps.iter().map(|a| a.id).collect();
    let ranked = ranked_organisations(&txn, &ids).await?;
    let conflicted = conflicted_dossiers(&txn, j.id, &ranked).await?;
    let dropped: std::collections::HashSet<i64> = assignment::Entity::find()
        .filter(assignment::Column::JurorId.eq(j.id))
        .filter(assignment::Column::ApplicationId.is_in(conflicted.iter().copied()))
        .all(&txn)
        .await?
        .iter()
        .map(|a| a.application_id)
        .collect();
    assignment::Entity::delete_many()
        .filter(assignment::Column::JurorId.eq(j.id))
        .filter(assignment::Column::ApplicationId.is_in(dropped.iter().copied()))
        .exec(&txn)
        .await?;
    // Only the dossiers it took from this juror get someone new.
    let refilled = if dropped.is_empty() {
        0
    } else {
        super::assign::top_up_in(&txn, promotion_id, Some(&dropped)).await?
    };
    let dropped = dropped.len();
    txn.finish(
        AuditAction::ReviewConflictsDeclared,
        Target::Promotion(promotion_id),
        json!({
            "juror": j.id,
            "applications": applicants.iter().map(|(a, k, d)| json!({"id": a, "kind": k.code(), "detected": d.map(|d| d.code())})).collect::<Vec<_>>(),
            "organisations": organisations.iter().map(|(o, k)| json!({"id": o, "kind": k.code()})).collect::<Vec<_>>(),
            "assignments_dropped": dropped,
            "assignments_added": refilled,
        }),
    )
    .await
}
