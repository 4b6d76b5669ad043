//! The reminder sent to drafts 48 hours before the deadline, once.

use super::*;

/// How long before the deadline applicants with a draft are reminded.
pub const REMINDER_HOURS: i64 = 48;

/// Reminds, once, every applicant whose dossier is still a draft when their
/// deadline is less than 48 hours away. Each reminder is queued with its
/// audit entry in one transaction; returns how many were sent.
pub async fn remind_drafts(state: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    let soon = now + chrono::Duration::hours(REMINDER_HOURS);
    // Calls closing soon, and calls already closed where some applicants
    // hold a later personal deadline.
    let promotions = promotion::Entity::find()
        .filter(promotion::Column::ApplicationsCloseAt.lte(soon))
        .filter(promotion::Column::ApplicationsOpenAt.lte(now))
        .all(&state.db)
        .await?;
    let mut sent = 0;
    let system = Origin::default();
    for p in promotions {
        let drafts = application::Entity::find()
            .filter(application::Column::PromotionId.eq(p.id))
            .filter(application::Column::State.eq(ApplicationState::Draft.code()))
            .filter(application::Column::RemindedAt.is_null())
            .filter(application::Column::UserId.is_not_null())
            .all(&state.db)
            .await?;
        for a in drafts {
            let deadline = rules::deadline(p.applications_close_at, a.personal_deadline);
            if deadline > soon || deadline <= now {
                continue;
            }
            let txn = Txn::with_outbox(state, &system).await?;
            // Claimed once, even with several processes.
            let claimed = application::Entity::update_many()
                .col_expr(
                    application::Column::RemindedAt,
                    sea_orm::sea_query::Expr::value(now),
                )
                .filter(application::Column::Id.eq(a.id))
                .filter(application::Column::RemindedAt.is_null())
                .filter(application::Column::State.eq(ApplicationState::Draft.code()))
                .exec(&txn)
                .await?;
            if claimed.rows_affected != 1 {
                continue;
            }
            let locale = owner_locale(&txn, &a).await?.unwrap_or_default();
            txn.queue(
                MailTemplate::ApplicationReminder,
                locale,
                &a.email,
                json!({
                    "name": format!("{} {}", a.first_name, a.last_name).trim(),
                    "promotion": p.name,
                    "deadline": paris_display(deadline),
                    "link": state.link(&format!("/candidature/{}", a.id)),
                }),
            )
            .await?;
            txn.finish(
                AuditAction::ApplicationReminded,
                Target::Application(a.id),
                json!({ "deadline": deadline }),
            )
            .await?;
            sent += 1;
        }
    }
    Ok(sent)
}
