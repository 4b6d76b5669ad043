//! When a failed email is tried again: exponential backoff from 30 seconds,
//! capped at 6 hours, and given up after 10 attempts (about a day and a
//! half), at which point coordinators see it as failed.

pub const MAX_ATTEMPTS: i32 = 10;

/// Delay in seconds before the next try, after `attempts` failed tries.
pub fn retry_delay_seconds(attempts: i32) -> i64 {
    let exp = attempts.clamp(1, 20) - 1;
    (30_i64 << exp).min(6 * 3600)
}

pub fn gives_up(attempts: i32) -> bool {
    attempts >= MAX_ATTEMPTS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_from_thirty_seconds() {
        assert_eq!(retry_delay_seconds(1), 30);
        assert_eq!(retry_delay_seconds(2), 60);
        assert_eq!(retry_delay_seconds(5), 480);
    }

    #[test]
    fn is_capped_at_six_hours() {
        assert_eq!(retry_delay_seconds(15), 6 * 3600);
        assert_eq!(retry_delay_seconds(i32::MAX), 6 * 3600);
    }

    #[test]
    fn gives_up_after_ten() {
        assert!(!gives_up(9));
        assert!(gives_up(10));
    }
}
