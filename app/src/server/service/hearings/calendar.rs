//! The hearings in the calendars: a person's private feed lists the
//! hearings they attend (as a juror who hears the défi, or a lead or
//! mentor of its organisation); the promotion's public feed shows the
//! défi jury's days, without names.

use super::schedule::{meeting, slots_of};
use super::{HEARD, defis_of, panels};
use crate::domain::ics::Event;
use crate::model::AppError;
use crate::server::db::hearings::slot;
use crate::server::db::{defi, role_grant};
use crate::server::state::Settings;
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::BTreeSet;

/// The hearings `user` attends, as calendar events.
pub async fn private_events<C: ConnectionTrait>(
    db: &C,
    settings: &Settings,
    user: i64,
    locale: crate::i18n::Locale,
) -> Result<Vec<Event>, AppError> {
    // The promotions where they may attend: where they host a défi, or
    // were assigned one.
    let orgs: Vec<i64> = role_grant::Entity::find()
        .filter(role_grant::Column::UserId.eq(user))
        .filter(role_grant::Column::Role.is_in(["host_lead", "host_mentor"]))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|g| g.scope_id)
        .collect();
    let assigned: Vec<i64> = crate::server::db::hearings::juror::Entity::find()
        .filter(crate::server::db::hearings::juror::Column::UserId.eq(user))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.defi_id)
        .collect();
    let promotions: BTreeSet<i64> = defi::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(defi::Column::OrganisationId.is_in(orgs.clone()))
                .add(defi::Column::Id.is_in(assigned)),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|d| d.promotion_id)
        .collect();
    let mut events = Vec::new();
    for p in promotions {
        let defis = defis_of(db, p, &HEARD).await?;
        let panels = panels(db, p, &defis).await?;
        for s in slots_of(db, p).await? {
            let Some(d) = s.defi_id.and_then(|id| defis.iter().find(|d| d.id == id)) else {
                continue;
            };
            let hears = panels
                .get(&d.id)
                .is_some_and(|p| p.iter().any(|u| u.id == user));
            if hears || orgs.contains(&d.organisation_id) {
                events.push(meeting(&s, d).event(settings, Vec::new(), false, locale));
            }
        }
    }
    Ok(events)
}

/// The days of the promotion's défi jury (Paris dates).
pub async fn days<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
) -> Result<BTreeSet<NaiveDate>, AppError> {
    Ok(slot::Entity::find()
        .filter(slot::Column::PromotionId.eq(promotion))
        .filter(slot::Column::DefiId.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|s| {
            s.starts_at
                .with_timezone(&chrono_tz::Europe::Paris)
                .date_naive()
        })
        .collect())
}
