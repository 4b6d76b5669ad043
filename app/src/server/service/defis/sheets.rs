//! Reading défis: the whole dossier for those who may see it, the
//! coordinators' and an organisation's lists, the public sheets.

use super::*;

/// The whole dossier, with what `actor` may do to it.
pub async fn dossier<C: ConnectionTrait>(
    db: &C,
    id: i64,
    actor: &Actor,
) -> Result<DefiDossier, AppError> {
    let d = find(db, id).await?;
    let p = promotion_of(db, d.promotion_id).await?;
    let org = organisations::find(db, d.organisation_id).await?;
    let slots = slots_of(db, &[id]).await?;
    let st = state_of(&d)?;
    let events = defi_event::Entity::find()
        .filter(defi_event::Column::DefiId.eq(id))
        .order_by_desc(defi_event::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|e| DefiEventView {
            kind: e.kind,
            message: e.message,
            at: e.at,
        })
        .collect();
    let deck = pitch_deck(db, id).await?.map(|a| AttachmentView {
        name: a.original_name,
        size: a.size,
        uploaded_at: a.created_at,
    });
    let coordinator = policy::allows(actor, Action::DecideDefis);
    let org_view = organisations::view(&org);
    // Its hearing before the défi jury, once scheduled.
    let hearing = crate::server::db::hearings::slot::Entity::find()
        .filter(crate::server::db::hearings::slot::Column::DefiId.eq(id))
        .one(db)
        .await?
        .map(|s| (paris_display(s.starts_at), s.place));
    Ok(DefiDossier {
        hearing,
        id,
        promotion_id: p.id,
        promotion_name: p.name.clone(),
        profiles: promotions::profiles_of(&p),
        team_min: p.team_min.max(0) as u32,
        team_max: p.team_max.max(0) as u32,
        call_close: p.defis_close_at,
        organisation_id: org.id,
        organisation: org_view.name,
        organisation_kind: org_view.kind,
        city: org_view.city,
        state: st,
        form: form_of(&d, &slots)?,
        version: d.version,
        published: d.published_at.is_some(),
        submitted_at: d.submitted_at,
        updated_at: d.updated_at,
        pitch_deck: deck,
        events,
        may_edit: policy::allows(
            actor,
            Action::EditDefi {
                organisation: d.organisation_id,
                state: st,
            },
        ),
        decisions: if coordinator {
            st.decisions()
        } else {
            Vec::new()
        },
        may_publish: policy::allows(actor, Action::PublishDefis)
            && rules::may_publish(st, d.published_at.is_some()).is_ok(),
    })
}

async fn rows<C: ConnectionTrait>(
    db: &C,
    found: Vec<defi::Model>,
) -> Result<Vec<DefiRow>, AppError> {
    let ids: Vec<i64> = found.iter().map(|d| d.id).collect();
    let slots = slots_of(db, &ids).await?;
    let orgs: HashMap<i64, organisation::Model> = organisation::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let promos: HashMap<i64, String> = promotion::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    found
        .into_iter()
        .map(|d| {
            let (organisation, organisation_kind, city) = host_of(orgs.get(&d.organisation_id));
            Ok(DefiRow {
                id: d.id,
                profiles: used_profiles(&slots, d.id),
                organisation,
                organisation_kind,
                city,
                promotion_name: promos.get(&d.promotion_id).cloned().unwrap_or_default(),
                promotion_id: d.promotion_id,
                state: state_of(&d)?,
                published: d.published_at.is_some(),
                submitted_at: d.submitted_at,
                title: d.title,
            })
        })
        .collect()
}

/// The organisation's défis; drafts only when `with_drafts` (its members).
pub async fn rows_of_organisation<C: ConnectionTrait>(
    db: &C,
    org: i64,
    with_drafts: bool,
) -> Result<Vec<DefiRow>, AppError> {
    let mut q = defi::Entity::find().filter(defi::Column::OrganisationId.eq(org));
    if !with_drafts {
        q = q.filter(defi::Column::State.ne(DefiState::Draft.code()));
    }
    let found = q.order_by_desc(defi::Column::Id).all(db).await?;
    rows(db, found).await
}

/// The coordinators' list of a promotion (drafts are the hosts' own).
pub async fn list<C: ConnectionTrait>(
    db: &C,
    promotion_id: i64,
    filter: &DefiFilter,
) -> Result<DefiList, AppError> {
    let p = promotion_of(db, promotion_id).await?;
    let found = defi::Entity::find()
        .filter(defi::Column::PromotionId.eq(promotion_id))
        .filter(defi::Column::State.ne(DefiState::Draft.code()))
        .order_by_asc(defi::Column::Title)
        .order_by_asc(defi::Column::Id)
        .all(db)
        .await?;
    let all = rows(db, found).await?;
    let counts = DefiState::ALL
        .into_iter()
        .filter(|s| s.visible_to_coordinators())
        .map(|s| (s, all.iter().filter(|r| r.state == s).count() as u64))
        .collect();
    let rows = all
        .into_iter()
        .filter(|r| filter.state.is_none_or(|s| r.state == s))
        .filter(|r| filter.kind.is_none_or(|k| r.organisation_kind == k))
        .filter(|r| {
            filter
                .profile
                .as_deref()
                .is_none_or(|p| r.profiles.iter().any(|c| c.as_str() == p))
        })
        .collect();
    Ok(DefiList {
        promotion_id,
        promotion_name: p.name.clone(),
        profiles: promotions::profiles_of(&p),
        rows,
        counts,
    })
}

/// What a list and a sheet say of the host: its name, kind and city (empty
/// if the organisation is gone).
fn host_of(org: Option<&organisation::Model>) -> (String, OrgKind, String) {
    match org {
        Some(o) => (
            o.name.clone(),
            OrgKind::from_code(&o.kind).unwrap_or(OrgKind::Other),
            o.city.clone(),
        ),
        None => (String::new(), OrgKind::Other, String::new()),
    }
}

fn sheet_of(
    d: defi::Model,
    slots: &[defi_slot::Model],
    orgs: &HashMap<i64, organisation::Model>,
    promos: &HashMap<i64, String>,
) -> DefiSheet {
    let (organisation, organisation_kind, city) = host_of(orgs.get(&d.organisation_id));
    DefiSheet {
        id: d.id,
        organisation,
        organisation_kind,
        city,
        promotion_name: promos.get(&d.promotion_id).cloned().unwrap_or_default(),
        promotion_id: d.promotion_id,
        slots: slots
            .iter()
            .filter(|s| s.defi_id == d.id && !s.profile.is_empty())
            .filter_map(|s| {
                Some(SlotView {
                    profile: ProfileCode::parse(&s.profile).ok()?,
                    mission: s.mission.clone(),
                    mandatory: s.mandatory,
                })
            })
            .collect(),
        title: d.title,
        summary: d.summary,
    }
}

/// Published sheets, filtered by promotion and profile, by title, read
/// from the database (inside a transaction that checks choices against
/// them); pages read them from the cached catalogue.
pub async fn catalogue<C: ConnectionTrait>(
    db: &C,
    promotion_id: Option<i64>,
    profile: Option<&str>,
) -> Result<Vec<DefiSheet>, AppError> {
    let mut promos = promotion::Entity::find();
    if let Some(p) = promotion_id {
        promos = promos.filter(promotion::Column::Id.eq(p));
    }
    let promos = promos.all(db).await?;
    Ok(published_sheets(db, &promos, promotion_id)
        .await?
        .into_iter()
        .filter(|s| s.seeks(profile))
        .collect())
}

/// The published sheets of a promotion (or all), by title then id (three
/// queries: défis, their slots, their organisations).
pub(crate) async fn published_sheets<C: ConnectionTrait>(
    db: &C,
    promotions: &[promotion::Model],
    promotion_id: Option<i64>,
) -> Result<Vec<DefiSheet>, AppError> {
    let mut found = defi::Entity::find().filter(defi::Column::PublishedAt.is_not_null());
    if let Some(p) = promotion_id {
        found = found.filter(defi::Column::PromotionId.eq(p));
    }
    let found = found
        .order_by_asc(defi::Column::Title)
        .order_by_asc(defi::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i64> = found.iter().map(|d| d.id).collect();
    let slots = slots_of(db, &ids).await?;
    let mut org_ids: Vec<i64> = found.iter().map(|d| d.organisation_id).collect();
    org_ids.sort_unstable();
    org_ids.dedup();
    let orgs = crate::server::service::by_ids::<organisation::Entity, _>(
        db,
        organisation::Column::Id,
        org_ids,
        |o| o.id,
    )
    .await?;
    let promos: HashMap<i64, String> = promotions.iter().map(|p| (p.id, p.name.clone())).collect();
    Ok(found
        .into_iter()
        .map(|d| sheet_of(d, &slots, &orgs, &promos))
        .collect())
}

/// What the public sheet of défi `id` shows beyond its card (the défi is
/// known to be published: the caller read it from the catalogue).
pub async fn public_details<C: ConnectionTrait>(db: &C, id: i64) -> Result<SheetDetails, AppError> {
    let d = find(db, id).await?;
    let deck = pitch_deck(db, id).await?.map(|a| AttachmentView {
        name: a.original_name,
        size: a.size,
        uploaded_at: a.created_at,
    });
    Ok(SheetDetails {
        context: d.context,
        use_cases: d.use_cases,
        impact: d.impact,
        data_available: d.data_available,
        data_accessible: d.data_accessible,
        open_code: d.open_code,
        open_data: d.open_data,
        off_site: d.off_site,
        leads: d.leads,
        mentor: d.mentor,
        pitch_deck: deck,
    })
}

/// How many submitted dossiers ranked each published défi of `rows`: what
/// its host may know of the interest (counts only, never who).
pub async fn interest<C: ConnectionTrait>(
    db: &C,
    rows: &[DefiRow],
) -> Result<Vec<(i64, u32)>, AppError> {
    use crate::domain::application::ApplicationState;
    use crate::server::db::{application, application_choice};
    use sea_orm::QuerySelect;
    let published: Vec<i64> = rows.iter().filter(|r| r.published).map(|r| r.id).collect();
    if published.is_empty() {
        return Ok(Vec::new());
    }
    let choices = application_choice::Entity::find()
        .filter(application_choice::Column::DefiId.is_in(published.clone()))
        .all(db)
        .await?;
    let mut submitted = std::collections::HashSet::new();
    let ids: Vec<i64> = choices.iter().map(|c| c.application_id).collect();
    for chunk in ids.chunks(500) {
        let found: Vec<i64> = application::Entity::find()
            .select_only()
            .column(application::Column::Id)
            .filter(application::Column::Id.is_in(chunk.to_vec()))
            .filter(application::Column::State.ne(ApplicationState::Draft.code()))
            .into_tuple()
            .all(db)
            .await?;
        submitted.extend(found);
    }
    // One pass over the choices, not one per défi.
    let mut counts: HashMap<i64, u32> = HashMap::new();
    for c in choices
        .iter()
        .filter(|c| submitted.contains(&c.application_id))
    {
        *counts.entry(c.defi_id).or_default() += 1;
    }
    Ok(published
        .into_iter()
        .map(|id| (id, counts.get(&id).copied().unwrap_or(0)))
        .collect())
}
