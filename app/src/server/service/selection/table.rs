//! The coordinators' table of a promotion's submitted dossiers: filters
//! combined, sorted, paginated, with counts per state; every matching row
//! for exports and batches; a batch's preview.

use super::*;

pub const PER_PAGE: u64 = 50;

/// The promotion's submitted dossiers (never drafts) matching `q`.
pub(super) fn filtered(promotion_id: i64, q: &ApplicationQuery) -> Select<application::Entity> {
    let mut s = application::Entity::find()
        .filter(application::Column::PromotionId.eq(promotion_id))
        .filter(application::Column::State.ne(ApplicationState::Draft.code()));
    if let Some(state) = q.state {
        s = s.filter(application::Column::State.eq(state.code()));
    }
    if let Some(p) = &q.profile {
        s = s.filter(application::Column::Profile.eq(p.as_str()));
    }
    if let Some(sup) = &q.support {
        s = s.filter(application::Column::SupportRole.eq(sup.as_str()));
    }
    if let Some(d) = q.defi {
        s = s.filter(
            application::Column::Id.in_subquery(
                Query::select()
                    .column(application_choice::Column::ApplicationId)
                    .from(application_choice::Entity)
                    .and_where(application_choice::Column::DefiId.eq(d))
                    .to_owned(),
            ),
        );
    }
    if let Some(text) = &q.q {
        use sea_orm::sea_query::ExprTrait;
        // Case-insensitive on both databases.
        let pattern = format!("%{}%", text.to_lowercase().replace(['%', '_'], ""));
        let lower = |c: application::Column| Expr::expr(Func::lower(Expr::col(c)));
        s = s.filter(
            Condition::any()
                .add(lower(application::Column::FirstName).like(pattern.clone()))
                .add(lower(application::Column::LastName).like(pattern.clone()))
                .add(lower(application::Column::Email).like(pattern)),
        );
    }
    let order = if q.desc { Order::Desc } else { Order::Asc };
    s = match q.sort.as_deref() {
        Some("profile") => s.order_by(application::Column::Profile, order.clone()),
        Some("experience") => s.order_by(application::Column::Experience, order.clone()),
        Some("state") => s.order_by(application::Column::State, order.clone()),
        Some("submitted") => s.order_by(application::Column::SubmittedAt, order.clone()),
        _ => s
            .order_by(application::Column::LastName, order.clone())
            .order_by(application::Column::FirstName, order.clone()),
    };
    s.order_by(application::Column::Id, Order::Asc)
}

/// The columns of the table (never the dossier's long texts).
#[derive(FromQueryResult)]
pub(super) struct Listed {
    id: i64,
    state: String,
    first_name: String,
    last_name: String,
    email: String,
    profile: String,
    experience: String,
    submitted_at: Option<DateTime<Utc>>,
    support_role: String,
    personal_deadline: Option<DateTime<Utc>>,
    /// `rank:defi_id` pairs separated by commas (`CHOICES`).
    choices: Option<String>,
    /// How many dossiers match, read with the page (`page_with_total`); `None`
    /// when not asked for.
    total: Option<i64>,
}

/// The dossier's chosen défis read with its row, as `rank:defi_id` pairs:
/// one query per page instead of one more returning a row per choice
/// (measured: docs/benchmarks.md). `string_agg` is in PostgreSQL and in
/// SQLite since 3.44 (the bundled one is newer).
pub(in crate::server::service) const CHOICES: &str = "(SELECT string_agg(CAST(c.rank AS TEXT) || ':' || CAST(c.defi_id AS TEXT), ',') \
     FROM application_choices c WHERE c.application_id = applications.id)";

pub(super) fn listed(
    s: Select<application::Entity>,
) -> sea_orm::Selector<sea_orm::SelectModel<Listed>> {
    with_total(s, Expr::cust("CAST(NULL AS BIGINT)"))
}

/// One page of `filtered(promotion_id, q)` with the number of matching
/// dossiers on each row: the count is an uncorrelated subquery, which
/// both databases compute once, so a filtered view costs one round trip
/// to the database instead of two (measured: docs/benchmarks.md).
pub(super) fn page_with_total(
    promotion_id: i64,
    q: &ApplicationQuery,
    page: u64,
) -> sea_orm::Selector<sea_orm::SelectModel<Listed>> {
    use sea_orm::QueryTrait;
    use sea_orm::sea_query::SubQueryStatement;
    let mut count = filtered(promotion_id, q)
        .select_only()
        .expr(Expr::cust("COUNT(*)"))
        .into_query();
    count.clear_order_by();
    let count: SubQueryStatement = count.into();
    with_total(
        filtered(promotion_id, q)
            .limit(PER_PAGE)
            .offset((page - 1) * PER_PAGE),
        Expr::SubQuery(None, Box::new(count)),
    )
}

pub(super) fn with_total(
    s: Select<application::Entity>,
    total: Expr,
) -> sea_orm::Selector<sea_orm::SelectModel<Listed>> {
    use application::Column as A;
    s.select_only()
        .columns([
            A::Id,
            A::State,
            A::FirstName,
            A::LastName,
            A::Email,
            A::Profile,
            A::Experience,
            A::SubmittedAt,
            A::SupportRole,
            A::PersonalDeadline,
        ])
        .expr_as(Expr::cust(CHOICES), "choices")
        .expr_as(total, "total")
        .into_model::<Listed>()
}

/// The défi ids of `CHOICES`, in rank order; a malformed pair is an error.
pub(in crate::server::service) fn ranked_ids(
    id: i64,
    pairs: Option<&str>,
) -> Result<Vec<i64>, AppError> {
    let mut ranked = Vec::new();
    for pair in pairs
        .unwrap_or_default()
        .split(',')
        .filter(|p| !p.is_empty())
    {
        let parsed = pair
            .split_once(':')
            .and_then(|(r, d)| Some((r.parse::<i64>().ok()?, d.parse::<i64>().ok()?)));
        let Some(pair) = parsed else {
            tracing::error!(application = id, pair, "unreadable choice");
            return Err(AppError::Unexpected);
        };
        ranked.push(pair);
    }
    ranked.sort_unstable();
    Ok(ranked.into_iter().map(|(_, d)| d).collect())
}

/// The dossiers as table rows, the choices' titles taken from the
/// published catalogue (a défi no longer in it is read from the database).
pub(super) async fn rows_of<C: ConnectionTrait>(
    db: &C,
    titles: &HashMap<i64, &str>,
    found: Vec<Listed>,
) -> Result<Vec<ApplicationRow>, AppError> {
    let mut ranked = Vec::with_capacity(found.len());
    for a in &found {
        ranked.push(ranked_ids(a.id, a.choices.as_deref())?);
    }
    let mut missing: Vec<i64> = ranked
        .iter()
        .flatten()
        .filter(|d| !titles.contains_key(d))
        .copied()
        .collect();
    missing.sort_unstable();
    missing.dedup();
    let mut other: HashMap<i64, String> = HashMap::new();
    for chunk in missing.chunks(1_000) {
        other.extend(
            defi::Entity::find()
                .select_only()
                .columns([defi::Column::Id, defi::Column::Title])
                .filter(defi::Column::Id.is_in(chunk.to_vec()))
                .into_tuple::<(i64, String)>()
                .all(db)
                .await?,
        );
    }
    let title = |d: &i64| -> Result<String, AppError> {
        titles
            .get(d)
            .map(|t| (*t).to_owned())
            .or_else(|| other.get(d).cloned())
            .ok_or(AppError::Unexpected)
    };
    found
        .into_iter()
        .zip(ranked)
        .map(|(a, ids)| {
            Ok(ApplicationRow {
                id: a.id,
                choices: ids.iter().map(title).collect::<Result<_, _>>()?,
                state: parse_state(a.id, &a.state)?,
                first_name: a.first_name,
                last_name: a.last_name,
                email: a.email,
                profile: a.profile,
                experience: a.experience,
                submitted_at: a.submitted_at,
                support_role: a.support_role,
                personal_deadline: a.personal_deadline,
                review: None,
            })
        })
        .collect()
}

pub async fn table(
    state: &AppState,
    promotion_id: i64,
    q: &ApplicationQuery,
) -> Result<ApplicationTable, AppError> {
    let db = &state.db;
    let catalogue = state.catalogue.get(db).await?;
    let p = catalogue
        .promotion_row(promotion_id)
        .ok_or(AppError::NotFound)?;
    let counted = state.catalogue.counts(db).await?;
    let count_of = |s: ApplicationState| counted.of(promotion_id, s.code());
    let titles: HashMap<i64, &str> = catalogue.titles(promotion_id).collect();
    let (criteria, aggregates) = match reviewed::reviewed(db, promotion_id).await? {
        Some((c, a)) => (c, Some(a)),
        None => (Vec::new(), None),
    };
    let (total, page, mut rows) = match &aggregates {
        Some(aggregates) if reviewed::in_memory(q) => {
            let found = listed(filtered(promotion_id, q)).all(db).await?;
            let mut all = rows_of(db, &titles, found).await?;
            reviewed::attach(&mut all, aggregates);
            let all = reviewed::filter_and_sort(all, q);
            let total = all.len() as u64;
            let page = q.page.clamp(1, total.div_ceil(PER_PAGE).max(1));
            let start = usize::try_from((page - 1) * PER_PAGE).unwrap_or(usize::MAX);
            let rows = all
                .into_iter()
                .skip(start)
                .take(PER_PAGE as usize)
                .collect();
            (total, page, rows)
        }
        _ => {
            let (total, page, found) = sql_page(db, promotion_id, q, &count_of).await?;
            (total, page, rows_of(db, &titles, found).await?)
        }
    };
    if let Some(aggregates) = &aggregates {
        reviewed::attach(&mut rows, aggregates);
    }
    let pages = total.div_ceil(PER_PAGE).max(1);
    let counts = ApplicationState::ALL
        .into_iter()
        .filter(|s| *s != ApplicationState::Draft)
        .map(|s| (s, count_of(s)))
        .filter(|(s, n)| *n > 0 || s.is_early())
        .collect();
    let defis = catalogue
        .titles(promotion_id)
        .map(|(id, title)| (id, title.to_owned()))
        .collect();
    let profiles = super::super::promotions::profiles_of(p);
    Ok(ApplicationTable {
        promotion_id,
        promotion_name: p.name.clone(),
        profiles,
        defis,
        rows,
        total,
        page,
        pages,
        counts,
        reviewed: aggregates.is_some(),
        criteria,
    })
}

/// One page of the table read by SQL (filters, sort and page), with the
/// number of matching dossiers.
async fn sql_page<C: ConnectionTrait>(
    db: &C,
    promotion_id: i64,
    q: &ApplicationQuery,
    count_of: &impl Fn(ApplicationState) -> u64,
) -> Result<(u64, u64, Vec<Listed>), AppError> {
    // Without other filters than the state, the counts give the total.
    let unfiltered = ApplicationQuery {
        state: q.state,
        sort: q.sort.clone(),
        desc: q.desc,
        page: q.page,
        ..Default::default()
    };
    Ok(if *q == unfiltered {
        let total = match q.state {
            Some(ApplicationState::Draft) => 0,
            Some(s) => count_of(s),
            None => ApplicationState::ALL
                .into_iter()
                .filter(|s| *s != ApplicationState::Draft)
                .map(count_of)
                .sum(),
        };
        let page = q.page.clamp(1, total.div_ceil(PER_PAGE).max(1));
        let found = listed(filtered(promotion_id, q))
            .paginate(db, PER_PAGE)
            .fetch_page(page - 1)
            .await?;
        (total, page, found)
    } else {
        // A page number from the address, capped so that its offset
        // stays a number both databases take (past the end is the last page).
        let wanted = q.page.clamp(1, u64::from(u32::MAX));
        let found = page_with_total(promotion_id, q, wanted).all(db).await?;
        match found.first().and_then(|r| r.total) {
            Some(total) => (u64::try_from(total).unwrap_or(0), wanted, found),
            // Past the last page (or nothing matches): count, then show
            // the last page.
            None => {
                let total = filtered(promotion_id, q).count(db).await?;
                let page = wanted.clamp(1, total.div_ceil(PER_PAGE).max(1));
                let found = if total == 0 {
                    Vec::new()
                } else {
                    page_with_total(promotion_id, q, page).all(db).await?
                };
                (total, page, found)
            }
        }
    })
}

/// Every row matching `q` (all pages), for exports and batches; an
/// unknown promotion is not found.
pub async fn all_rows(
    state: &AppState,
    promotion_id: i64,
    q: &ApplicationQuery,
) -> Result<Vec<ApplicationRow>, AppError> {
    let db = &state.db;
    let catalogue = state.catalogue.get(db).await?;
    catalogue
        .promotion_row(promotion_id)
        .ok_or(AppError::NotFound)?;
    let titles: HashMap<i64, &str> = catalogue.titles(promotion_id).collect();
    let found = listed(filtered(promotion_id, q)).all(db).await?;
    let mut rows = rows_of(db, &titles, found).await?;
    Ok(match reviewed::aggregates_of(db, promotion_id).await? {
        Some(aggregates) => {
            reviewed::attach(&mut rows, &aggregates);
            reviewed::filter_and_sort(rows, q)
        }
        None => rows,
    })
}

/// Who would receive what if `review` were applied, with `message`, to
/// every dossier matching `q`: nothing is changed or sent.
pub async fn preview_batch(
    state: &AppState,
    promotion_id: i64,
    q: &ApplicationQuery,
    review: Review,
    message: &str,
) -> Result<Vec<BatchLine>, AppError> {
    Ok(all_rows(state, promotion_id, q)
        .await?
        .into_iter()
        .map(|row| BatchLine {
            target: row.id,
            label: format!("{} {}", row.first_name, row.last_name),
            detail: String::new(),
            status: Some(row.state.label()),
            recipients: vec![row.email],
            message: message.to_owned(),
            refused: review.apply(row.state).err(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::ranked_ids;

    #[test]
    fn choices_read_with_the_row_come_in_rank_order() {
        // string_agg gives no order: the ranks travel with the ids.
        assert_eq!(
            ranked_ids(1, Some("3:30,1:7,10:2,2:9")).unwrap(),
            [7, 9, 30, 2]
        );
        assert_eq!(ranked_ids(1, None).unwrap(), Vec::<i64>::new());
        assert_eq!(ranked_ids(1, Some("")).unwrap(), Vec::<i64>::new());
        for bad in ["1", "1:x", "a:2", "1:2,3"] {
            assert!(ranked_ids(1, Some(bad)).is_err(), "{bad}");
        }
    }
}
