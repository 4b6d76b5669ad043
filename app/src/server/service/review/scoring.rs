//! The jurors' side: their home (dossiers to do and done, the next one,
//! progress), a dossier as the stage lets them read it (blind: no name,
//! email, phone, links or CV), and their review — a draft kept as typed,
//! then submitted, editable until the stage closes.

use super::{
    REVIEWED_STATES, blind_label, conflicted_dossiers, criteria_of, juror_of, ranked_organisations,
    settings, stage_of,
};
use crate::domain::review::{Criterion, ScoreSheet};
use crate::i18n::Locale;
use crate::model::AppError;
use crate::model::review::{JuryDossier, JuryDossierRow, JuryHome, JuryPromotion, OtherReview};
use crate::server::db::review::{assignment, juror, sheet};
use crate::server::db::{application, promotion, user};
use crate::server::policy::Action;
use crate::server::service::Origin;
use crate::server::service::attachments::{self, Slot};
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use serde_json::json;
use std::collections::HashMap;

/// What the policy needs to decide on a juror and a dossier.
pub struct Access {
    pub juror: juror::Model,
    pub application: application::Model,
    pub assigned: bool,
    pub conflicted: bool,
    pub open: bool,
    pub blind: bool,
}

impl Access {
    pub fn read(&self) -> Action {
        Action::ReadAsJuror {
            promotion: self.juror.promotion_id,
            assigned: self.assigned,
            conflicted: self.conflicted,
            declared: self.juror.conflicts_declared_at.is_some(),
        }
    }
    pub fn score(&self) -> Action {
        Action::ScoreAsJuror {
            promotion: self.juror.promotion_id,
            assigned: self.assigned,
            conflicted: self.conflicted,
            declared: self.juror.conflicts_declared_at.is_some(),
            open: self.open,
        }
    }
}

/// The facts about `user` and dossier `id`; not found when they are not a
/// juror of its promotion (the caller answers 404 whatever the reason).
pub async fn access<C: ConnectionTrait>(db: &C, user: i64, id: i64) -> Result<Access, AppError> {
    let a = application::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let j = juror_of(db, a.promotion_id, user)
        .await?
        .ok_or(AppError::NotFound)?;
    let stage = stage_of(db, a.promotion_id).await?;
    let assigned = assignment::Entity::find()
        .filter(assignment::Column::JurorId.eq(j.id))
        .filter(assignment::Column::ApplicationId.eq(id))
        .one(db)
        .await?
        .is_some();
    let ranked = ranked_organisations(db, &[id]).await?;
    let conflicted = conflicted_dossiers(db, j.id, &ranked).await?.contains(&id);
    let reviewable = REVIEWED_STATES.iter().any(|s| s.code() == a.state);
    // Scoring stops with the stage, and once the dossier is decided.
    let undecided = super::ASSIGNABLE_STATES.iter().any(|s| s.code() == a.state);
    Ok(Access {
        open: settings(&stage).open_at(Utc::now()) && undecided,
        blind: stage.blind,
        juror: j,
        application: a,
        assigned: assigned && reviewable,
        conflicted,
    })
}

/// The dossiers `juror` has to review, without those now in conflict.
async fn assigned_to<C: ConnectionTrait>(
    db: &C,
    j: &juror::Model,
) -> Result<Vec<application::Model>, AppError> {
    let ids: Vec<i64> = assignment::Entity::find()
        .filter(assignment::Column::JurorId.eq(j.id))
        .all(db)
        .await?
        .iter()
        .map(|a| a.application_id)
        .collect();
    let ranked = ranked_organisations(db, &ids).await?;
    let conflicted = conflicted_dossiers(db, j.id, &ranked).await?;
    let states: Vec<&str> = REVIEWED_STATES.iter().map(|s| s.code()).collect();
    Ok(application::Entity::find()
        .filter(application::Column::Id.is_in(ids))
        .filter(application::Column::State.is_in(states))
        .order_by_asc(application::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter(|a| !conflicted.contains(&a.id))
        .collect())
}

pub async fn home(
    db: &DatabaseConnection,
    user: i64,
    locale: Locale,
) -> Result<JuryHome, AppError> {
    let jurors = juror::Entity::find()
        .filter(juror::Column::UserId.eq(user))
        .filter(juror::Column::RemovedAt.is_null())
        .order_by_desc(juror::Column::PromotionId)
        .all(db)
        .await?;
    let mut promotions = Vec::new();
    for j in jurors {
        let p = promotion::Entity::find_by_id(j.promotion_id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
        let stage = stage_of(db, j.promotion_id).await?;
        let set = settings(&stage);
        let declared = j.conflicts_declared_at.is_some();
        let apps = if declared {
            assigned_to(db, &j).await?
        } else {
            Vec::new()
        };
        let sheets: HashMap<i64, sheet::Model> = sheet::Entity::find()
            .filter(sheet::Column::JurorId.eq(j.id))
            .all(db)
            .await?
            .into_iter()
            .map(|s| (s.application_id, s))
            .collect();
        // Least-reviewed first: how many submitted reviews each has.
        let mut counts: HashMap<i64, usize> = HashMap::new();
        for s in sheet::Entity::find()
            .filter(sheet::Column::ApplicationId.is_in(apps.iter().map(|a| a.id)))
            .filter(sheet::Column::SubmittedAt.is_not_null())
            .all(db)
            .await?
        {
            *counts.entry(s.application_id).or_default() += 1;
        }
        let rows: Vec<JuryDossierRow> = apps
            .iter()
            .map(|a| JuryDossierRow {
                application_id: a.id,
                label: if stage.blind {
                    blind_label(locale, a.id)
                } else {
                    format!("{} {}", a.first_name, a.last_name)
                },
                profile: a.profile.clone(),
                done: sheets.get(&a.id).is_some_and(|s| s.submitted_at.is_some()),
                started: sheets.contains_key(&a.id),
            })
            .collect();
        let next = rows
            .iter()
            .filter(|r| !r.done)
            .min_by_key(|r| {
                (
                    counts.get(&r.application_id).copied().unwrap_or(0),
                    r.application_id,
                )
            })
            .map(|r| r.application_id);
        let pending = super::conflicts::pending_of(db, std::slice::from_ref(&j))
            .await?
            .get(&j.id)
            .map_or(0, |p| p.len() as u32);
        let hearings = crate::server::service::hearings::sheets::mine(db, p.id, j.user_id)
            .await?
            .defis
            .len() as u32;
        promotions.push(JuryPromotion {
            hearings,
            promotion_id: p.id,
            name: p.name,
            declared,
            pending,
            open: set.open_at(Utc::now()),
            opens_at: set.opens_at.map(crate::domain::promotion::paris_display),
            closes_at: set.closes_at.map(crate::domain::promotion::paris_display),
            done: rows.iter().filter(|r| r.done).count() as u32,
            dossiers: rows,
            next,
        });
    }
    Ok(JuryHome { promotions })
}

/// The dossier as the stage lets juror `access` read it (the policy has
/// allowed `access.read()`).
pub async fn dossier(
    db: &DatabaseConnection,
    access: &Access,
    locale: Locale,
) -> Result<JuryDossier, AppError> {
    let a = &access.application;
    let stage = stage_of(db, a.promotion_id).await?;
    let set = settings(&stage);
    let criteria = criteria_of(db, stage.id).await?;
    let mine = sheet::Entity::find()
        .filter(sheet::Column::JurorId.eq(access.juror.id))
        .filter(sheet::Column::ApplicationId.eq(a.id))
        .one(db)
        .await?;
    let submitted = mine.as_ref().is_some_and(|s| s.submitted_at.is_some());
    let lines = readable_lines(a, stage.blind, locale)?;
    let cv = if stage.blind {
        None
    } else {
        attachments::current(
            db,
            Slot {
                owner_type: "application",
                owner_id: a.id,
                kind: crate::server::service::applications::CV,
            },
        )
        .await?
        .map(|f| (f.id, f.original_name))
    };
    let shows = set.see_reviews.shows(submitted);
    let others = if shows {
        others(db, access, &criteria, set.see_names).await?
    } else {
        Vec::new()
    };
    let next = home(db, access.juror.user_id, locale)
        .await?
        .promotions
        .into_iter()
        .find(|p| p.promotion_id == a.promotion_id)
        .and_then(|p| {
            // The least-reviewed one, as on the home page, unless it is
            // this one.
            p.next.filter(|n| *n != a.id).or_else(|| {
                p.dossiers
                    .iter()
                    .find(|r| !r.done && r.application_id != a.id)
                    .map(|r| r.application_id)
            })
        });
    Ok(JuryDossier {
        application_id: a.id,
        promotion_id: a.promotion_id,
        label: if stage.blind {
            blind_label(locale, a.id)
        } else {
            format!("{} {}", a.first_name, a.last_name)
        },
        blind: stage.blind,
        lines,
        cv,
        criteria,
        sheet: mine.as_ref().map(sheet::Model::sheet).unwrap_or_default(),
        submitted,
        open: access.open,
        others,
        others_hidden: !shows,
        next,
    })
}

async fn others(
    db: &DatabaseConnection,
    access: &Access,
    criteria: &[Criterion],
    names: bool,
) -> Result<Vec<OtherReview>, AppError> {
    // The reviews that count (a removed juror's, marked), never one by a
    // juror now in conflict with it.
    let rows: Vec<_> = super::standing::reviews(
        db,
        access.application.promotion_id,
        Some(access.application.id),
        false,
    )
    .await?
    .into_iter()
    .filter(|r| r.standing.counts() && r.juror.id != access.juror.id)
    .collect();
    let users: HashMap<i64, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|r| r.juror.user_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    Ok(rows
        .iter()
        .map(|r| {
            let s = r.sheet.sheet();
            OtherReview {
                juror: names
                    .then(|| users.get(&r.juror.user_id).cloned())
                    .flatten(),
                removed: r.standing == super::standing::Standing::Removed,
                conflicted: false,
                total: s.total(criteria),
                verdict: s.verdict.map(|v| v.code().to_owned()),
                sheet: s,
            }
        })
        .collect())
}
/// Saves the juror's sheet as a draft, or submits it (`submit`): the
/// policy has allowed `access.score()`; the sheet was parsed against the
/// criteria read here.
pub async fn save(
    db: &DatabaseConnection,
    origin: &Origin,
    access: &Access,
    get: impl Fn(&str) -> Option<String>,
    submit: bool,
) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    let stage = stage_of(&txn, access.application.promotion_id).await?;
    let criteria = criteria_of(&txn, stage.id).await?;
    let existing = sheet::Entity::find()
        .filter(sheet::Column::JurorId.eq(access.juror.id))
        .filter(sheet::Column::ApplicationId.eq(access.application.id))
        .one(&txn)
        .await?;
    // A submitted review stays submitted, so stays complete: editing it
    // is submitting it again.
    let was_submitted = existing.as_ref().is_some_and(|s| s.submitted_at.is_some());
    let submit = submit || was_submitted;
    let parsed = ScoreSheet::parse(&criteria, get, submit).map_err(AppError::fields)?;
    let now = Utc::now();
    let scores = serde_json::to_string(&parsed.marks).map_err(|_| AppError::Unexpected)?;
    let verdict = parsed
        .verdict
        .map(|v| v.code().to_owned())
        .unwrap_or_default();
    let submitted_at = submit.then(|| {
        existing
            .as_ref()
            .and_then(|s| s.submitted_at)
            .unwrap_or(now)
    });
    match existing {
        Some(s) => {
            let mut a: sheet::ActiveModel = s.into();
            a.scores = Set(scores);
            a.verdict = Set(verdict.clone());
            a.submitted_at = Set(submitted_at);
            a.updated_at = Set(now);
            a.update(&txn).await?;
        }
        None => {
            sheet::ActiveModel {
                juror_id: Set(access.juror.id),
                application_id: Set(access.application.id),
                scores: Set(scores),
                verdict: Set(verdict.clone()),
                submitted_at: Set(submitted_at),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }
    let action = if submit {
        AuditAction::ReviewSubmitted
    } else {
        AuditAction::ReviewSaved
    };
    txn.finish(
        action,
        Target::Application(access.application.id),
        json!({ "juror": access.juror.id, "verdict": verdict, "total": parsed.total(&criteria) }),
    )
    .await
}

/// Form fields a juror never reads: sensitive (gender) or about the
/// applicant's eligibility (declarations, consent).
const NEVER_SHOWN: [&str; 5] = [
    "gender",
    "decl_civil_servant",
    "decl_student",
    "decl_jury",
    "consent",
];

/// Fields that identify the applicant: hidden in a blind stage.
const IDENTIFYING: [&str; 6] = [
    "civility",
    "first_name",
    "last_name",
    "phone",
    "portfolio_url",
    "code_url",
];

/// The dossier's fields as coordinators read them (the declared form's
/// `readable`), without what the juror may not see.
fn readable_lines(
    a: &application::Model,
    blind: bool,
    locale: Locale,
) -> Result<Vec<(String, String)>, AppError> {
    use crate::domain::application_form::ApplicationForm;
    use crate::domain::form::Declared;
    let form: ApplicationForm = crate::server::db::declared::read(a)?;
    let hidden: Vec<crate::i18n::Msg> = NEVER_SHOWN
        .iter()
        .chain(if blind { IDENTIFYING.iter() } else { [].iter() })
        .filter_map(|n| ApplicationForm::label_of(n))
        .collect();
    let profile = |name: &str, code: &str| {
        if name == "profile" {
            crate::domain::profile::ProfileCode::parse(code)
                .ok()
                .and_then(|p| p.label())
                .map(|m| locale.t(m).to_owned())
                .or_else(|| Some(code.to_owned()))
        } else {
            Some(code.to_owned())
        }
    };
    let mut lines: Vec<(String, String)> = Vec::new();
    if !blind {
        lines.push((
            locale.t(crate::i18n::Msg::FieldEmail).to_owned(),
            a.email.clone(),
        ));
    }
    // Blind: the free texts lose the names, emails, links and phones
    // they hold (`domain::review::redact`).
    let names = [a.first_name.as_str(), a.last_name.as_str()];
    let mask = locale.t(crate::i18n::Msg::RedactedMask);
    lines.extend(
        form.readable(locale, &profile)
            .into_iter()
            .filter(|(m, _)| !hidden.contains(m))
            .map(|(m, v)| {
                let v = if blind {
                    crate::domain::review::redact::redact(&v, &names, mask)
                } else {
                    v
                };
                (locale.t(m).to_owned(), v)
            }),
    );
    Ok(lines)
}
