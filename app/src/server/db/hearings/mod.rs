//! The défi jury of the call for défis: assigned jurors, hearing slots,
//! jurors' sheets on défis; and the grids a promotion changed.

pub mod grid;
pub mod juror;
pub mod score;
pub mod slot;
