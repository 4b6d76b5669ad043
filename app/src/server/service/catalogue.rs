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
//! Promotions are kept as rows: their phase (call open or not) depends on
//! the time of the request and is computed per request.

use super::defis;
use crate::model::AppError;
use crate::model::defi::DefiSheet;
use crate::model::promotion::PromotionView;
use crate::server::db::promotion;
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};
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

struct Entry {
    generation: u64,
    loaded: Instant,
    data: Arc<Published>,
}

/// One per application (it holds rows of that application's database).
#[derive(Default)]
pub struct Cache {
    entry: RwLock<Option<Entry>>,
}

impl Cache {
    /// The catalogue as of now (at most [`MAX_AGE`] old, never older than
    /// a change this process committed).
    pub async fn get<C: ConnectionTrait>(&self, db: &C) -> Result<Arc<Published>, AppError> {
        let fresh =
            |e: &Entry, generation: u64| e.generation == generation && e.loaded.elapsed() < MAX_AGE;
        let generation = GENERATION.load(Ordering::Acquire);
        if let Some(e) = self.entry.read().await.as_ref()
            && fresh(e, generation)
        {
            return Ok(e.data.clone());
        }
        // One loader at a time: the others wait and take its result.
        let mut slot = self.entry.write().await;
        let generation = GENERATION.load(Ordering::Acquire);
        if let Some(e) = slot.as_ref()
            && fresh(e, generation)
        {
            return Ok(e.data.clone());
        }
        // The age counts from before the reads.
        let loaded = Instant::now();
        let data = Arc::new(load(db).await?);
        *slot = Some(Entry {
            generation,
            loaded,
            data: data.clone(),
        });
        Ok(data)
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
