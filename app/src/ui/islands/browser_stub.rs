//! On the server, the page is rendered complete: nothing to wire.

pub fn enhance() {}
