//! The signed-in person's own pages.

pub mod area;
pub mod privacy;

pub use area::AreaPage;
pub use privacy::MyDataPage;
