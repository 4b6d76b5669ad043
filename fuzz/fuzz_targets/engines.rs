//! The engines' JSON inputs (`cohorte match`, `assign`, `verify-offers
//! --log`): any bytes parse to a precise error or an input; a small
//! input runs to an outcome. Never a panic, never a hang.
#![no_main]

use app::domain::{assignment, matching, offers};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(input) = matching::parse_json(text) {
        // The engine is exact (exponential at worst): small problems only.
        if input.candidates.len() <= 12 && input.defis.len() <= 6 {
            if let Ok(outcome) = matching::run(&input) {
                let _ = matching::output_json(&outcome);
            }
        }
    }
    if let Ok(input) = assignment::parse_json(text) {
        if input.dossiers.len() <= 40 && input.jurors.len() <= 12 && input.reviews_per_dossier <= 5
        {
            let _ = assignment::run(&input);
        }
    }
    if let Ok(log) = offers::parse_json(text) {
        if log.events.len() <= 200 {
            let _ = offers::verify(&log);
        }
    }
});
