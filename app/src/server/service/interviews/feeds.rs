//! Calendars: each person's private feed (`/calendrier/{token}.ics`, a
//! random token, replaced on demand so that the old address stops
//! working) lists their interviews, as candidate or as juror; the
//! promotion's public feed lists its public dates (calls, juries' days,
//! start).

use super::{conflicts_of_user, invitations};
use crate::domain::ics::{self, Event, When};
use crate::domain::interviews::status::InterviewState;
use crate::model::AppError;
use crate::server::db::interviews::{defi_juror, feed, interview, slot};
use crate::server::db::{defi, promotion, role_grant};
use crate::server::service::Origin;
use crate::server::service::audit::{AuditAction, Target};
use crate::server::service::txn::Txn;
use crate::server::state::Settings;
use chrono::{NaiveDate, Utc};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ModelTrait,
    QueryFilter, Set,
};
use serde_json::json;
use std::collections::{BTreeMap, HashSet};

/// The person's feed token, if they made one.
pub async fn token_of<C: ConnectionTrait>(db: &C, user: i64) -> Result<Option<String>, AppError> {
    Ok(feed::Entity::find()
        .filter(feed::Column::UserId.eq(user))
        .one(db)
        .await?
        .map(|f| f.token))
}

/// A new address for the person's feed (the old one stops working).
pub async fn renew(db: &DatabaseConnection, origin: &Origin, user: i64) -> Result<(), AppError> {
    let txn = Txn::begin(db, origin).await?;
    if let Some(f) = feed::Entity::find()
        .filter(feed::Column::UserId.eq(user))
        .one(&txn)
        .await?
    {
        f.delete(&txn).await?;
    }
    let mut bytes = [0u8; 24];
    rand::rng().fill_bytes(&mut bytes);
    feed::ActiveModel {
        user_id: Set(user),
        token: Set(hex::encode(bytes)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.finish(
        AuditAction::CalendarFeedRenewed,
        Target::User(user),
        json!({}),
    )
    .await
}

/// The défis whose juries `user` sits on by name: those of the
/// organisations they lead or mentor, those they were invited to
/// (coordinators sit on every jury and follow the juries' pages instead).
pub async fn jury_defis<C: ConnectionTrait>(db: &C, user: i64) -> Result<HashSet<i64>, AppError> {
    let orgs: Vec<i64> = role_grant::Entity::find()
        .filter(role_grant::Column::UserId.eq(user))
        .filter(role_grant::Column::Role.is_in(["host_lead", "host_mentor"]))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|g| g.scope_id)
        .collect();
    let mut defis: HashSet<i64> = defi::Entity::find()
        .filter(defi::Column::OrganisationId.is_in(orgs))
        .filter(defi::Column::State.eq(crate::domain::defi::DefiState::Selected.code()))
        .all(db)
        .await?
        .into_iter()
        .map(|d| d.id)
        .collect();
    // Invited jurors sit while in the promotion's pool.
    let pools: HashSet<i64> = crate::server::db::review::juror::Entity::find()
        .filter(crate::server::db::review::juror::Column::UserId.eq(user))
        .filter(crate::server::db::review::juror::Column::RemovedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|j| j.promotion_id)
        .collect();
    let invited: Vec<i64> = defi_juror::Entity::find()
        .filter(defi_juror::Column::UserId.eq(user))
        .all(db)
        .await?
        .into_iter()
        .map(|j| j.defi_id)
        .collect();
    defis.extend(
        defi::Entity::find()
            .filter(defi::Column::Id.is_in(invited))
            .filter(defi::Column::State.eq(crate::domain::defi::DefiState::Selected.code()))
            .all(db)
            .await?
            .into_iter()
            .filter(|d| pools.contains(&d.promotion_id))
            .map(|d| d.id),
    );
    Ok(defis)
}

/// The juries of `jury_defis`, with their titles.
pub async fn juries_of_user<C: ConnectionTrait>(
    db: &C,
    user: i64,
) -> Result<Vec<(i64, String)>, AppError> {
    let ids = jury_defis(db, user).await?;
    Ok(defi::Entity::find()
        .filter(defi::Column::Id.is_in(ids))
        .filter(defi::Column::State.eq(crate::domain::defi::DefiState::Selected.code()))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.title))
        .collect())
}

/// The private feed behind `token`; not found for an unknown token.
pub async fn private(
    db: &DatabaseConnection,
    settings: &Settings,
    token: &str,
) -> Result<String, AppError> {
    if token.len() != 48 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::NotFound);
    }
    let f = feed::Entity::find()
        .filter(feed::Column::Token.eq(token))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let user = f.user_id;
    // A disabled account's feed stops with it.
    let Some(owner) = crate::server::db::user::Entity::find_by_id(user)
        .one(db)
        .await?
        .filter(|u| u.disabled_at.is_none())
    else {
        return Err(AppError::NotFound);
    };
    let locale = crate::i18n::Locale::from_code(&owner.locale).unwrap_or_default();
    // As candidate.
    let apps = super::applications_of_user(db, user).await?;
    let mut interviews = interview::Entity::find()
        .filter(interview::Column::ApplicationId.is_in(apps))
        .filter(interview::Column::State.eq(InterviewState::Scheduled.code()))
        .all(db)
        .await?;
    let defis = jury_defis(db, user).await?;
    for i in interview::Entity::find()
        .filter(interview::Column::DefiId.is_in(defis.iter().copied()))
        .filter(interview::Column::State.eq(InterviewState::Scheduled.code()))
        .all(db)
        .await?
    {
        let d = defi::Entity::find_by_id(i.defi_id).one(db).await?;
        let conflicted = match &d {
            Some(d) => conflicts_of_user(db, d.promotion_id, user, &[i.application_id])
                .await?
                .contains(&i.application_id),
            None => true,
        };
        if !conflicted && !interviews.iter().any(|x| x.id == i.id) {
            interviews.push(i);
        }
    }
    let mut events = Vec::new();
    for i in interviews {
        let (Some(s), Some(d)) = (
            slot::Entity::find_by_id(i.slot_id.unwrap_or_default())
                .one(db)
                .await?,
            defi::Entity::find_by_id(i.defi_id).one(db).await?,
        ) else {
            continue;
        };
        events.push(invitations::event(
            settings,
            &i,
            &s,
            &d.title,
            Vec::new(),
            false,
            locale,
        ));
    }
    // The défi jury's hearings they attend.
    events.extend(
        crate::server::service::hearings::calendar::private_events(db, settings, user, locale)
            .await?,
    );
    // The due dates of the milestones they fill.
    events.extend(
        crate::server::service::milestones::calendar::private_events(db, user, locale).await?,
    );
    events.sort_by_key(|e| e.uid.clone());
    Ok(ics::calendar(None, "Cohorte", &events))
}

/// The promotion's public dates.
pub async fn public(db: &DatabaseConnection, promotion_id: i64) -> Result<String, AppError> {
    let p = promotion::Entity::find_by_id(promotion_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let stamp = p.updated_at;
    let day = |uid: &str, date: NaiveDate, summary: String| Event {
        uid: format!("promotion-{}-{uid}@cohorte", p.id),
        sequence: 0,
        when: When::Day(date),
        summary,
        description: String::new(),
        location: String::new(),
        organizer: None,
        attendees: Vec::new(),
        cancelled: false,
        stamp,
    };
    let paris = |t: chrono::DateTime<Utc>| t.with_timezone(&chrono_tz::Europe::Paris).date_naive();
    let mut events = vec![
        day(
            "defis-ouverture",
            paris(p.defis_open_at),
            format!("{} : ouverture de l'appel à défis", p.name),
        ),
        day(
            "defis-cloture",
            paris(p.defis_close_at),
            format!("{} : clôture de l'appel à défis", p.name),
        ),
        day(
            "candidatures-ouverture",
            paris(p.applications_open_at),
            format!("{} : ouverture de l'appel à candidatures", p.name),
        ),
        day(
            "candidatures-cloture",
            paris(p.applications_close_at),
            format!("{} : clôture de l'appel à candidatures", p.name),
        ),
        day(
            "debut",
            p.start_date,
            format!("{} : début de la promotion", p.name),
        ),
    ];
    // The juries' days: one event per day with interviews, without names.
    let defis: Vec<i64> = super::allocation::juries_of(db, p.id)
        .await?
        .into_iter()
        .map(|d| d.id)
        .collect();
    let mut days: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    for s in slot::Entity::find()
        .filter(slot::Column::DefiId.is_in(defis))
        .all(db)
        .await?
    {
        *days.entry(paris(s.starts_at)).or_default() += 1;
    }
    for (d, _) in days {
        events.push(day(
            &format!("jurys-{}", d.format("%Y%m%d")),
            d,
            format!("{} : entretiens des jurys", p.name),
        ));
    }
    for d in crate::server::service::hearings::calendar::days(db, p.id).await? {
        events.push(day(
            &format!("jury-defis-{}", d.format("%Y%m%d")),
            d,
            format!("{} : jury des défis", p.name),
        ));
    }
    // The ten months' events (bootcamp, plenaries, Demo Day, …).
    events.extend(crate::server::service::milestones::calendar::public_events(db, &p).await?);
    Ok(ics::calendar(None, &p.name, &events))
}
