use leptos::prelude::*;

/// The time left before a deadline, updated every minute once hydrated.
/// Without JavaScript the page states the closing date and time (next to
/// this island), and the countdown stays hidden.
#[island]
pub fn Countdown(
    /// The deadline, in milliseconds since the Unix epoch.
    deadline_ms: i64,
    /// "{} days, {} h {} min left"
    template: String,
    closed: String,
) -> impl IntoView {
    let (now, set_now) = signal(None::<i64>);
    Effect::new(move |_| {
        set_now.set(super::browser::now_ms());
        set_interval(
            move || set_now.set(super::browser::now_ms()),
            std::time::Duration::from_secs(30),
        );
    });
    let text = move || {
        now.get().map(|now| {
            let left = (deadline_ms - now).max(0) / 60_000;
            if left == 0 {
                closed.clone()
            } else {
                let (days, hours, minutes) = (left / 1440, (left / 60) % 24, left % 60);
                template
                    .replacen("{}", &days.to_string(), 1)
                    .replacen("{}", &hours.to_string(), 1)
                    .replacen("{}", &minutes.to_string(), 1)
            }
        })
    };
    view! { <p class="countdown" hidden=move || now.get().is_none()>{text}</p> }
}
