use crate::api::promotions::list_promotions;
use crate::i18n::{Msg, fill};
use crate::ui::{page, paris, tr};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Home() -> impl IntoView {
    let signed_in = page().viewer.is_some();
    let promotions = Resource::new_blocking(|| (), |_| list_promotions());
    view! {
        <Title text=""/>
        <h1>{tr(Msg::HomeTitle)}</h1>
        <p class="lead">{tr(Msg::HomeIntro)}</p>
        <h2>{tr(Msg::HomePromotionsTitle)}</h2>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let list = promotions.await.unwrap_or_default();
                if list.is_empty() {
                    view! { <p>{tr(Msg::HomeNoCall)}</p> }.into_any()
                } else {
                    view! {
                        <ul>
                            {list.into_iter().map(|p| view! {
                                <li>
                                    <a href=format!("/promotions/{}", p.id)>{p.name.clone()}</a>
                                    " — "{tr(p.phase.label())}
                                    {p.applications_call_open.then(|| view! {
                                        <p>{fill(tr(Msg::ApplyUntil), &[("deadline", &paris(p.calendar.applications_close))])}
                                            " " <a href="/candidature">{tr(Msg::ApplyNow)}</a></p>
                                    })}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            })}
        </Suspense>
        <h2>{tr(Msg::HomeHowTitle)}</h2>
        <ol>
            <li>{tr(Msg::HomeHow1)}</li>
            <li>{tr(Msg::HomeHow2)}</li>
            <li>{tr(Msg::HomeHow3)}</li>
        </ol>
        {(!signed_in).then(|| view! {
            <p><a class="button" href="/inscription">{tr(Msg::HomeCtaSignUp)}</a></p>
        })}
    }
}
