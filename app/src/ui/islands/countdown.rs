use leptos::prelude::*;

/// The time left before a deadline, updated every minute once hydrated.
/// Without JavaScript the page states the closing date and time (next to
/// this island), and the countdown stays hidden.
#[island]
pub fn Countdown(
    /// The deadline, in milliseconds since the Unix epoch.
    deadline_ms: i64,
    /// The server's clock when the page was rendered: the browser's clock
    /// may be wrong, so the countdown runs on the server's time.
    now_ms: i64,
    /// "{} days, {} h {} min left"
    template: String,
    closed: String,
) -> impl IntoView {
    let (now, set_now) = signal(None::<i64>);
    Effect::new(move |_| {
        // Offset between the server's clock and this browser's.
        let skew = super::browser::now_ms().map(|b| now_ms - b);
        let read = move || super::browser::now_ms().zip(skew).map(|(b, s)| b + s);
        set_now.set(read());
        set_interval(
            move || set_now.set(read()),
            std::time::Duration::from_secs(30),
        );
    });
    let text = move || {
        now.get().map(|now| {
            let ms = deadline_ms - now;
            // Whole minutes, rounded up: "closed" only once it is.
            let left = (ms + 59_999).div_euclid(60_000);
            if ms <= 0 {
                closed.clone()
            } else {
                let (days, hours, minutes) = (left / 1440, (left / 60) % 24, left % 60);
                crate::i18n::fill(
                    &template,
                    &[&days.to_string(), &hours.to_string(), &minutes.to_string()],
                )
            }
        })
    };
    view! { <p class="countdown" hidden=move || now.get().is_none()>{text}</p> }
}
