//! Database migrations, one file per change, run on SQLite and PostgreSQL.
pub use sea_orm_migration::prelude::*;

mod m20261123_000001_accounts;
mod m20261123_000002_outbox_audit;
mod m20261123_000003_promotions_organisations;
mod m20261123_000004_defis;
mod m20261123_000005_applications;
mod m20261202_000006_one_rank_per_defi;
mod m20261202_000007_promotion_closing;
mod m20261202_000008_dossier_table_indexes;
mod m20261203_000009_application_gender;
mod m20261206_000010_review;
mod m20261206_000011_interviews;
mod m20261206_000012_hearings;
mod m20261207_000013_team_formation;
mod m20261207_000014_milestones;
mod m20261207_000015_job_leases;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_accounts::Migration),
            Box::new(m20261123_000002_outbox_audit::Migration),
            Box::new(m20261123_000003_promotions_organisations::Migration),
            Box::new(m20261123_000004_defis::Migration),
            Box::new(m20261123_000005_applications::Migration),
            Box::new(m20261202_000006_one_rank_per_defi::Migration),
            Box::new(m20261202_000007_promotion_closing::Migration),
            Box::new(m20261202_000008_dossier_table_indexes::Migration),
            Box::new(m20261203_000009_application_gender::Migration),
            Box::new(m20261206_000010_review::Migration),
            Box::new(m20261206_000011_interviews::Migration),
            Box::new(m20261206_000012_hearings::Migration),
            Box::new(m20261207_000013_team_formation::Migration),
            Box::new(m20261207_000014_milestones::Migration),
            Box::new(m20261207_000015_job_leases::Migration),
        ]
    }
}
