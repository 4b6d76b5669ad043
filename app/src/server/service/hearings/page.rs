//! The coordinators' page of a promotion's défi jury, read at once.

use super::grids::{GridKind, grid_of, in_use};
use super::{HEARD, assign, defis_of, panels, schedule, sheets};
use crate::domain::defi::DefiState;
use crate::domain::promotion::paris_display;
use crate::i18n::Locale;
use crate::model::AppError;
use crate::model::hearings::{HearingSlotRow, HearingsPage, Panel};
use chrono::Utc;
use sea_orm::ConnectionTrait;

/// `per_defi` jurors per défi for the assignment plan, `notice` working
/// days for the scheduling preview (both shown only while défis wait for
/// their hearing).
pub async fn page<C: ConnectionTrait>(
    db: &C,
    promotion: i64,
    per_defi: u32,
    notice: u32,
    locale: Locale,
) -> Result<HearingsPage, AppError> {
    let p = crate::server::service::promotions::get(db, promotion).await?;
    let heard = defis_of(db, promotion, &HEARD).await?;
    let panels = panels(db, promotion, &heard).await?;
    let tally = sheets::tally(db, promotion).await?;
    let slots = schedule::slots_of(db, promotion).await?;
    let title = |d: i64| {
        tally
            .iter()
            .find(|t| t.defi_id == d)
            .map(|t| (t.title.clone(), t.organisation.clone()))
            .unwrap_or_default()
    };
    let shortlisted = heard
        .iter()
        .filter(|d| d.state == DefiState::Shortlisted.code())
        .count() as u32;
    let now = Utc::now();
    Ok(HearingsPage {
        promotion_id: promotion,
        promotion: p.name,
        jurors_per_defi: per_defi,
        shortlisted,
        assign: assign::plan(db, promotion, per_defi, locale).await?,
        panels: heard
            .iter()
            .map(|d| {
                let (title, organisation) = title(d.id);
                Panel {
                    defi_id: d.id,
                    title,
                    organisation,
                    open: d.state == DefiState::Shortlisted.code(),
                    jurors: panels
                        .get(&d.id)
                        .into_iter()
                        .flatten()
                        .map(|u| (u.id, u.name.clone()))
                        .collect(),
                }
            })
            .collect(),
        slots: slots
            .iter()
            .map(|s| HearingSlotRow {
                id: s.id,
                when: paris_display(s.starts_at),
                minutes: s.duration_minutes,
                place: s.place.clone(),
                past: s.starts_at <= now,
                defi: s.defi_id.map(|d| (d, title(d).0)),
            })
            .collect(),
        plan: if shortlisted > 0 {
            Some(schedule::preview(db, promotion, notice).await?)
        } else {
            None
        },
        tally,
        grid: grid_of(db, promotion, GridKind::Defi).await?,
        grid_open: !in_use(db, promotion, GridKind::Defi).await?,
    })
}
