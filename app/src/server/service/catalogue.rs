//! The published catalogue — promotions and the public sheets of published
//! défis — read by every visitor's page (home, `/defis`, a sheet, a
//! promotion) and changed only when coordinators act. It is kept in memory
//! and loaded again after any change to what it shows:
//!
//! - every service that changes promotions, organisations or défis calls
//!   [`changed`] after its transaction commits; the next reader loads the
//!   catalogue again (a reader that loaded before the commit stored the
//!   generation it saw, older than the one `changed` made);
//! - an entry is also never older than [`MAX_AGE`], which bounds what
//!   another server process sharing the database (PostgreSQL, several
//!   instances) may show after a change made elsewhere.
//!
//! The dossiers' counts per promotion and state (the coordinators' table)
//! are kept the same way, with their own [`applications_changed`].
//!
//! Promotions are kept as rows: their phase (call open or not) depends on
//! the time of the request and is computed per request.

use super::defis;
use crate::model::AppError;
use crate::model::defi::DefiSheet;
use crate::model::promotion::PromotionView;
use crate::server::db::{application, promotion};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryOrder, QuerySelect};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::RwLock;

/// How long a loaded catalogue may serve without a local change.
pub const MAX_AGE: Duration = Duration::from_secs(2);

/// Bumped after every committed change to the catalogue's rows. One
/// counter for the process: several applications in one process (tests)
/// only reload more often.
static GENERATION: AtomicU64 = AtomicU64::new(0);

/// To be called after a transaction that changed promotions,
/// organisations or défis has committed.
pub fn changed() {
    GENERATION.fetch_add(1, Ordering::AcqRel);
}

pub struct Published {
    /// Newest start first.
    promotions: Vec<promotion::Model>,
    /// Published sheets, by title then id.
    sheets: Vec<DefiSheet>,
}

impl Published {
    pub fn promotions(&self) -> Vec<PromotionView> {
        self.promotions
            .iter()
            .cloned()
            .map(super::promotions::view)
            .collect()
    }

    pub fn promotion(&self, id: i64) -> Option<PromotionView> {
        self.promotions
            .iter()
            .find(|p| p.id == id)
            .cloned()
            .map(super::promotions::view)
    }

    /// A promotion's row (coordinators' pages read its name and profiles).
    pub fn promotion_row(&self, id: i64) -> Option<&promotion::Model> {
        self.promotions.iter().find(|p| p.id == id)
    }

    /// `(id, title)` of a promotion's published sheets, by title, without
    /// copying the sheets.
    pub fn titles(&self, promotion_id: i64) -> impl Iterator<Item = (i64, &str)> {
        self.sheets
            .iter()
            .filter(move |s| s.promotion_id == promotion_id)
            .map(|s| (s.id, s.title.as_str()))
    }

    /// Published sheets of a promotion (or all) seeking a profile (or any).
    pub fn sheets(&self, promotion_id: Option<i64>, profile: Option<&str>) -> Vec<DefiSheet> {
        self.sheets
            .iter()
            .filter(|s| promotion_id.is_none_or(|p| s.promotion_id == p))
            .filter(|s| s.seeks(profile))
            .cloned()
            .collect()
    }

    /// One published sheet; `None` for anything unpublished or unknown.
    pub fn sheet(&self, id: i64) -> Option<DefiSheet> {
        self.sheets.iter().find(|s| s.id == id).cloned()
    }
}

struct Entry<T> {
    generation: u64,
    loaded: Instant,
    data: Arc<T>,
}

/// What is kept of one kind of rows: loaded again after a change this
/// process committed (its `generation` moved) or once [`MAX_AGE`] old.
pub struct Kept<T> {
    generation: &'static AtomicU64,
    entry: RwLock<Option<Entry<T>>>,
}

impl<T> Kept<T> {
    const fn new(generation: &'static AtomicU64) -> Self {
        Self {
            generation,
            entry: RwLock::const_new(None),
        }
    }

    /// The rows as of now (at most [`MAX_AGE`] old, never older than a
    /// change this process committed), loaded by `load` when needed.
    async fn get<F, Fut>(&self, load: F) -> Result<Arc<T>, AppError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, AppError>>,
    {
        let fresh = |e: &Entry<T>, generation: u64| {
            e.generation == generation && e.loaded.elapsed() < MAX_AGE
        };
        let generation = self.generation.load(Ordering::Acquire);
        if let Some(e) = self.entry.read().await.as_ref()
            && fresh(e, generation)
        {
            return Ok(e.data.clone());
        }
        // One loader at a time: the others wait and take its result.
        let mut slot = self.entry.write().await;
        let generation = self.generation.load(Ordering::Acquire);
        if let Some(e) = slot.as_ref()
            && fresh(e, generation)
        {
            return Ok(e.data.clone());
        }
        // The age counts from before the reads.
        let loaded = Instant::now();
        let data = Arc::new(load().await?);
        *slot = Some(Entry {
            generation,
            loaded,
            data: data.clone(),
        });
        Ok(data)
    }
}

/// Bumped after every committed change to a dossier's state or to the set
/// of dossiers (submission, withdrawal, review, erasure).
static APPLICATIONS: AtomicU64 = AtomicU64::new(0);

/// To be called after a transaction that changed a dossier's state, or
/// created or removed dossiers, has committed.
pub fn applications_changed() {
    APPLICATIONS.fetch_add(1, Ordering::AcqRel);
}

/// Dossiers per promotion and state. Counting walks every dossier of a
/// promotion (about 1 ms for 5,000 on SQLite, the dossier table's dearest
/// query, measured in docs/benchmarks.md); the counts change far less
/// often than coordinators page through the table.
pub struct Counts(HashMap<i64, Vec<(String, u64)>>);

impl Counts {
    pub fn of(&self, promotion_id: i64, state: &str) -> u64 {
        self.0
            .get(&promotion_id)
            .and_then(|states| states.iter().find(|(s, _)| s == state))
            .map_or(0, |(_, n)| *n)
    }
}

/// One per application (it holds rows of that application's database).
pub struct Cache {
    published: Kept<Published>,
    counts: Kept<Counts>,
}

impl Default for Cache {
    fn default() -> Self {
        Self {
            published: Kept::new(&GENERATION),
            counts: Kept::new(&APPLICATIONS),
        }
    }
}

impl Cache {
    /// The catalogue as of now (at most [`MAX_AGE`] old, never older than
    /// a change this process committed).
    pub async fn get<C: ConnectionTrait>(&self, db: &C) -> Result<Arc<Published>, AppError> {
        self.published.get(|| load(db)).await
    }

    /// Dossiers per promotion and state, as of now (same freshness).
    pub async fn counts<C: ConnectionTrait>(&self, db: &C) -> Result<Arc<Counts>, AppError> {
        self.counts
            .get(|| async {
                let rows: Vec<(i64, String, i64)> = application::Entity::find()
                    .select_only()
                    .column(application::Column::PromotionId)
                    .column(application::Column::State)
                    .column_as(application::Column::Id.count(), "n")
                    .group_by(application::Column::PromotionId)
                    .group_by(application::Column::State)
                    .into_tuple()
                    .all(db)
                    .await?;
                let mut of: HashMap<i64, Vec<(String, u64)>> = HashMap::new();
                for (p, s, n) in rows {
                    of.entry(p).or_default().push((s, n.max(0) as u64));
                }
                Ok(Counts(of))
            })
            .await
    }
}

async fn load<C: ConnectionTrait>(db: &C) -> Result<Published, AppError> {
    let promotions = promotion::Entity::find()
        .order_by_desc(promotion::Column::StartDate)
        .order_by_asc(promotion::Column::Id)
        .all(db)
        .await?;
    let sheets = defis::published_sheets(db, &promotions, None).await?;
    Ok(Published { promotions, sheets })
}
