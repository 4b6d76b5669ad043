//! What a dossier shows: the défis offered, the saved form, its files and
//! events, the context of the draft form.

use super::*;

pub(super) fn offered_defi(s: DefiSheet) -> OfferedDefi {
    OfferedDefi {
        id: s.id,
        title: s.title,
        organisation: s.organisation,
        city: s.city,
        profiles: s.slots.into_iter().map(|slot| slot.profile).collect(),
    }
}

/// Published défis of the promotion, by title, read in `db` (a
/// submission checks its choices against them in its transaction).
pub async fn offered<C: ConnectionTrait>(
    db: &C,
    promotion_id: i64,
) -> Result<Vec<OfferedDefi>, AppError> {
    Ok(defis::catalogue(db, Some(promotion_id), None)
        .await?
        .into_iter()
        .map(offered_defi)
        .collect())
}

/// The same from the cached catalogue, for pages and drafts.
pub(super) fn offered_in(catalogue: &Published, promotion_id: i64) -> Vec<OfferedDefi> {
    catalogue
        .sheets(Some(promotion_id), None)
        .into_iter()
        .map(offered_defi)
        .collect()
}

pub(super) async fn choices_of<C: ConnectionTrait>(db: &C, id: i64) -> Result<Vec<i64>, AppError> {
    Ok(application_choice::Entity::find()
        .filter(application_choice::Column::ApplicationId.eq(id))
        .order_by_asc(application_choice::Column::Rank)
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.defi_id)
        .collect())
}

/// The dossier as saved: its declared fields from its row, its choices.
pub(crate) fn form_of(
    a: &application::Model,
    choices: Vec<i64>,
) -> Result<ApplicationForm, AppError> {
    Ok(ApplicationForm {
        choices,
        ..declared::read(a)?
    })
}

pub(crate) fn slot(id: i64, kind: &str) -> attachments::Slot<'_> {
    attachments::Slot {
        owner_type: "application",
        owner_id: id,
        kind,
    }
}

/// The dossier's current file of each kind and its events, newest first,
/// in one query (a `UNION ALL` of the two lists, which share a shape): the
/// dossier page is read often. The current file of a kind is its newest
/// row, as in `attachments::current_of`.
pub(super) async fn files_and_events<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<
    (
        HashMap<&'static str, AttachmentView>,
        Vec<ApplicationEventView>,
    ),
    AppError,
> {
    use crate::server::db::attachment;
    use sea_orm::sea_query::{Expr, Query, UnionType};
    use sea_orm::{ExprTrait, FromQueryResult};
    #[derive(FromQueryResult)]
    struct Line {
        file: bool,
        id: i64,
        kind: String,
        text: String,
        size: Option<i64>,
        at: DateTime<Utc>,
    }
    use application_event::Column as E;
    use attachment::Column as F;
    let stmt = Query::select()
        .expr_as(Expr::val(true), "file")
        .expr_as(Expr::col((attachment::Entity, F::Id)), "id")
        .expr_as(Expr::col((attachment::Entity, F::Kind)), "kind")
        .expr_as(Expr::col((attachment::Entity, F::OriginalName)), "text")
        .expr_as(Expr::col((attachment::Entity, F::Size)), "size")
        .expr_as(Expr::col((attachment::Entity, F::CreatedAt)), "at")
        .from(attachment::Entity)
        .and_where(Expr::col((attachment::Entity, F::OwnerType)).eq("application"))
        .and_where(Expr::col((attachment::Entity, F::OwnerId)).eq(id))
        .union(
            UnionType::All,
            Query::select()
                .expr(Expr::val(false))
                .column((application_event::Entity, E::Id))
                .column((application_event::Entity, E::Kind))
                .column((application_event::Entity, E::Message))
                .expr(Expr::val(Option::<i64>::None))
                .column((application_event::Entity, E::At))
                .from(application_event::Entity)
                .and_where(Expr::col((application_event::Entity, E::ApplicationId)).eq(id))
                .to_owned(),
        )
        .to_owned();
    let mut lines = Line::find_by_statement(db.get_database_backend().build(&stmt))
        .all(db)
        .await?;
    lines.sort_unstable_by_key(|l| (l.file, l.id));
    let mut files = HashMap::new();
    let mut events = Vec::new();
    for l in lines {
        if !l.file {
            events.push(ApplicationEventView {
                kind: l.kind,
                message: l.text,
                at: l.at,
            });
        } else if let Some(kind) = [CV, PORTFOLIO].into_iter().find(|k| *k == l.kind) {
            // Ascending ids: the last row of a kind is its current file.
            files.insert(
                kind,
                AttachmentView {
                    name: l.text,
                    size: l.size.unwrap_or_default(),
                    uploaded_at: l.at,
                },
            );
        }
    }
    events.reverse();
    Ok((files, events))
}

/// The dossier page of `a` (already read, and allowed by the policy).
pub async fn dossier(
    app: &AppState,
    (a, choices): (application::Model, Vec<i64>),
) -> Result<ApplicationDossier, AppError> {
    let db = &app.db;
    let id = a.id;
    let catalogue = app.catalogue.get(db).await?;
    // The catalogue's row: told of every change this process commits (a
    // submission checks the deadline against the database).
    let p = catalogue
        .promotion_row(a.promotion_id)
        .ok_or(AppError::NotFound)?;
    let state = state_of(&a)?;
    let (mut files, events) = files_and_events(db, id).await?;
    Ok(ApplicationDossier {
        id,
        promotion_id: p.id,
        promotion_name: p.name.clone(),
        profiles: promotions::profiles_of(p),
        max_choices: p.max_choices.max(0) as u32,
        call_open: p.applications_open_at,
        deadline: rules::deadline(p.applications_close_at, a.personal_deadline),
        personal_deadline: a
            .personal_deadline
            .is_some_and(|d| d > p.applications_close_at),
        offered: offered_in(&catalogue, p.id),
        state,
        email: a.email.clone(),
        form: form_of(&a, choices)?,
        version: a.version,
        updated_at: a.updated_at,
        submitted_at: a.submitted_at,
        cv: files.remove(CV),
        portfolio: files.remove(PORTFOLIO),
        events,
        may_edit: state.applicant_may_edit(),
        may_extend: false,
    })
}

/// The parsing context of a dossier: its promotion's profiles, the défis it
/// may rank, how many.
pub async fn draft_context(
    state: &AppState,
    id: i64,
) -> Result<(Vec<ProfileCode>, Vec<i64>, usize), AppError> {
    let a = find(&state.db, id).await?;
    let p = promotion_of(&state.db, a.promotion_id).await?;
    let offered: Vec<i64> = offered_in(&*state.catalogue.get(&state.db).await?, p.id)
        .into_iter()
        .map(|d| d.id)
        .collect();
    Ok((
        promotions::profiles_of(&p),
        offered,
        p.max_choices.max(0) as usize,
    ))
}

/// The open calls for applications, with the person's dossier in each,
/// then the person's dossiers in promotions whose call is closed.
pub async fn calls_of<C: ConnectionTrait>(
    db: &C,
    me: i64,
) -> Result<Vec<crate::model::application::OpenCallView>, AppError> {
    use crate::model::application::OpenCallView;
    let mut out = Vec::new();
    for p in open_calls(db).await? {
        let mine = of_user(db, p.id, me).await?;
        out.push(OpenCallView {
            promotion_id: p.id,
            promotion_name: p.name,
            closes: paris_display(p.applications_close_at),
            open: true,
            application: match mine {
                Some(a) => Some((a.id, state_of(&a)?)),
                None => None,
            },
        });
    }
    for (a, p) in all_of_user(db, me).await? {
        if out.iter().all(|c| c.promotion_id != p.id) {
            out.push(OpenCallView {
                promotion_id: p.id,
                promotion_name: p.name,
                closes: paris_display(p.applications_close_at),
                open: false,
                application: Some((a.id, state_of(&a)?)),
            });
        }
    }
    Ok(out)
}
