//! The upload checks: any bytes are a PDF or a message (never a panic),
//! any file name becomes one safe to show and to offer back.
#![no_main]

use app::domain::upload;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = upload::check_pdf(data);
    let name = upload::display_name(&String::from_utf8_lossy(data));
    assert!(!name.contains(['/', '\\', '"']));
    assert!(!name.chars().any(char::is_control));
    assert!(name.chars().count() <= 120);
});
