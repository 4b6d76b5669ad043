//! The signed-in person's own pages.

pub mod area;

pub use area::AreaPage;
