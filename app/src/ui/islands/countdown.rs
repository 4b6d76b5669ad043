use leptos::prelude::*;

/// The time left before a deadline, updated every 30 seconds once
/// hydrated ([`super::Enhance`]). Without JavaScript the page states the
/// closing date and time (next to this element), and the countdown stays
/// hidden.
#[component]
pub fn Countdown(
    /// The deadline, in milliseconds since the Unix epoch.
    deadline_ms: i64,
    /// The server's clock when the page was rendered: the browser's clock
    /// may be wrong, so the countdown runs on the server's time.
    now_ms: i64,
    /// "{days} {days|day|days}, {hours} h {minutes} min left"
    template: String,
    closed: String,
) -> impl IntoView {
    view! {
        <p class="countdown" hidden=true data-countdown=deadline_ms.to_string()
            data-now=now_ms.to_string() data-template=template data-closed=closed></p>
    }
}

/// What the countdown says `ms` milliseconds before the deadline: whole
/// minutes, rounded up, so that it says "closed" only once it is.
#[cfg(any(feature = "hydrate", test))]
pub fn left(ms: i64, (locale, template): (crate::i18n::Locale, &str), closed: &str) -> String {
    if ms <= 0 {
        return closed.to_owned();
    }
    let left = (ms + 59_999).div_euclid(60_000);
    let (days, hours, minutes) = (left / 1440, (left / 60) % 24, left % 60);
    locale.fill(
        template,
        &[
            ("days", &days.to_string()),
            ("hours", &hours.to_string()),
            ("minutes", &minutes.to_string()),
        ],
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_countdown_rounds_up_and_closes_at_zero() {
        let t = (crate::i18n::Locale::Fr, "{days} j {hours} h {minutes} min");
        assert_eq!(super::left(1, t, "fermé"), "0 j 0 h 1 min");
        assert_eq!(super::left(60_000, t, "fermé"), "0 j 0 h 1 min");
        assert_eq!(super::left(60_001, t, "fermé"), "0 j 0 h 2 min");
        assert_eq!(
            super::left(86_400_000 + 3_600_000, t, "fermé"),
            "1 j 1 h 0 min"
        );
        assert_eq!(super::left(0, t, "fermé"), "fermé");
        assert_eq!(super::left(-5, t, "fermé"), "fermé");
    }
}

#[cfg(test)]
mod plural_tests {
    #[test]
    fn the_countdown_says_day_or_days() {
        use crate::i18n::{Locale, Msg};
        let day = 86_400_000;
        let fr = (Locale::Fr, Locale::Fr.t(Msg::CountdownLeft));
        assert_eq!(super::left(day, fr, ""), "Il reste 1 jour, 0 h 0 min.");
        assert_eq!(super::left(2 * day, fr, ""), "Il reste 2 jours, 0 h 0 min.");
        let en = (Locale::En, Locale::En.t(Msg::CountdownLeft));
        assert_eq!(super::left(60_000, en, ""), "0 days, 0 h 1 min left.");
        assert_eq!(super::left(day, en, ""), "1 day, 0 h 0 min left.");
    }
}
