//! Dossiers of a promotion for coordinators: the table with AND filters,
//! sorting, pagination and counts (`/coordination/promotions/{id}/candidatures`),
//! exports, the batch preview (`…/apercu`), and one dossier with its actions
//! (`/coordination/candidatures/{id}`).

use crate::api::applications::{
    ExtendApplication, ReviewApplication, ReviewApplications, get_application,
    preview_application_batch, promotion_applications,
};
use crate::domain::application::{ApplicationState, Review};
use crate::domain::application_form::EXPERIENCE_BANDS;
use crate::i18n::{Msg, fill};
use crate::model::application::{ApplicationQuery, ApplicationTable};
use crate::ui::Loaded;
use crate::ui::applicant::DossierDetails;
use crate::ui::batch::BatchPreview;
use crate::ui::batch::Posted;
use crate::ui::form::{Checkbox, ErrorSummary, Field, SelectField, TextArea, action_error};
use crate::ui::loaded_row;
use crate::ui::row_page;
use crate::ui::templates::Templates;
use crate::ui::{kept, page, paris, profile_label, query, tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

fn allowed() -> bool {
    page().can.review_applications
}

fn query_from_url() -> ApplicationQuery {
    leptos_router::hooks::use_query_map()
        .with_untracked(|q| ApplicationQuery::from_params(|k| q.get(k)))
}

fn review_options() -> Vec<(String, String)> {
    crate::ui::form::choose_options(Review::ALL.iter().map(|r| (r.code(), r.label())))
}

/// The CSV's separators as (query value, button text), the reader's
/// language's default first (`exports::Separator`: the values are its).
fn csv_separators() -> [(&'static str, Msg); 2] {
    let semicolon = ("point-virgule", Msg::ExportCsvSemicolon);
    let comma = ("virgule", Msg::ExportCsvComma);
    match crate::ui::locale() {
        crate::i18n::Locale::Fr => [semicolon, comma],
        crate::i18n::Locale::En => [comma, semicolon],
    }
}

/// What the review page's error summary calls its fields.
fn review_label(field: &str) -> Option<Msg> {
    match field {
        "message" => Some(Msg::FieldMessageToApplicant),
        other => crate::ui::form::common_label(other),
    }
}

/// The reviews' message templates.
fn review_templates() -> Vec<crate::ui::templates::Template> {
    Review::ALL
        .iter()
        .map(|r| (r.code(), r.label(), r.template()))
        .collect()
}

#[component]
pub fn ApplicationsListPage() -> impl IntoView {
    row_page(allowed(), |id| {
        let q = query_from_url();
        let table = Resource::new_blocking(
            {
                let q = q.clone();
                move || (id, q.clone())
            },
            |(id, q)| promotion_applications(id, q),
        );
        view! {
            <Loaded resource=table ok=move |t| view! { <Table t q=q.clone()/> }/>
        }
        .into_any()
    })
}

#[component]
fn Table(t: ApplicationTable, q: ApplicationQuery) -> impl IntoView {
    let template = crate::ui::templates::chosen(&review_templates());
    let base = format!("/coordination/promotions/{}/candidatures", t.promotion_id);
    let states: Vec<(String, String)> =
        std::iter::once((String::new(), tr(Msg::AllStates).to_owned()))
            .chain(
                ApplicationState::ALL
                    .into_iter()
                    .filter(|s| *s != ApplicationState::Draft)
                    .map(|s| (s.code().to_owned(), tr(s.label()).to_owned())),
            )
            .collect();
    let profiles: Vec<(String, String)> =
        std::iter::once((String::new(), tr(Msg::AllProfiles).to_owned()))
            .chain(
                t.profiles
                    .iter()
                    .map(|p| (p.as_str().to_owned(), profile_label(p))),
            )
            .collect();
    let defis: Vec<(String, String)> =
        std::iter::once((String::new(), tr(Msg::AllDefis).to_owned()))
            .chain(
                t.defis
                    .iter()
                    .map(|(id, title)| (id.to_string(), title.clone())),
            )
            .collect();
    let support: Vec<(String, String)> = vec![
        (String::new(), tr(Msg::AllAnswers).to_owned()),
        ("oui".into(), tr(Msg::Yes).to_owned()),
        ("non".into(), tr(Msg::No).to_owned()),
    ];
    let filters = q.to_query();
    let sort_link = {
        let q = q.clone();
        let base = base.clone();
        move |key: &str| {
            let mut next = q.clone();
            // An aggregate's first click shows the best first.
            next.desc = if next.sort.as_deref() == Some(key) {
                !q.desc
            } else {
                crate::domain::review::aggregate::sort_value(key).is_some()
            };
            next.sort = Some(key.to_owned());
            next.page = 1;
            format!("{base}?{}", next.to_query())
        }
    };
    let sorted = |key: &str| -> Option<&'static str> {
        (q.sort.as_deref().unwrap_or("name") == key).then_some(if q.desc {
            "descending"
        } else {
            "ascending"
        })
    };
    let page_link = {
        let filters = filters.clone();
        let base = base.clone();
        move |n: u64| format!("{base}?{filters}&page={n}")
    };
    let header = |key: &'static str, label: Msg| {
        let href = sort_link(key);
        view! { <th scope="col" aria-sort=sorted(key)><a href=href>{tr(label)}</a></th> }
    };
    let experience = |code: &str| {
        EXPERIENCE_BANDS
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, m)| tr(*m).to_owned())
            .unwrap_or_default()
    };
    let promotion = t.promotion_id;
    view! {
        <Title text=fill(tr(Msg::ApplicationsOf), &[("promotion", &t.promotion_name)])/>
        <h1>{fill(tr(Msg::ApplicationsOf), &[("promotion", &t.promotion_name)])}</h1>
        <h2>{tr(Msg::CountsTitle)}</h2>
        <ul class="counts">
            {t.counts.iter().map(|(s, n)| view! {
                <li><a href=format!("{base}?etat={}", s.code())>{crate::ui::colon(s.label())} " " <strong>{*n}</strong></a></li>
            }).collect_view()}
        </ul>
        <form method="get" class="filters">
            <SelectField name="etat" label=Msg::FilterState options=states value=q.state.map(|s| s.code().to_owned()).unwrap_or_default()/>
            <SelectField name="profil" label=Msg::FilterProfile options=profiles value=q.profile.clone().unwrap_or_default()/>
            <SelectField name="defi" label=Msg::FilterDefi options=defis value=q.defi.map(|d| d.to_string()).unwrap_or_default()/>
            <SelectField name="appui" label=Msg::FieldSupportRole options=support value=q.support.clone().unwrap_or_default()/>
            <Field name="q" label=Msg::FilterName value=q.q.clone().unwrap_or_default()/>
            {t.reviewed.then(|| view! { <Checkbox name="desaccord" label=Msg::OnlyDisagreements checked=q.disagreement/> })}
            <button type="submit" class="secondary">{tr(Msg::Filter)}</button>
        </form>
        <p><a href=format!("/coordination/promotions/{promotion}/brouillons")>{tr(Msg::DraftsLink)}</a></p>
        <p><a href=format!("/coordination/promotions/{promotion}/preselection")>{tr(Msg::PreselectionLink)}</a></p>
        // Exports are audited: started by a POST, never by a plain link.
        <div class="actions">
            // The separator French spreadsheets expect first (the reader's
            // language's default), the other one beside it.
            {csv_separators().into_iter().map(|(param, label)| {
                let amp = if filters.is_empty() { "" } else { "&" };
                view! {
                    <form method="post" class="inline-form"
                        action=format!("/coordination/promotions/{promotion}/candidatures.csv?{filters}{amp}separateur={param}")>
                        <button type="submit" class="secondary">{tr(label)}</button>
                    </form>
                }
            }).collect_view()}
            <form method="post" action=format!("/coordination/promotions/{promotion}/cv.zip?{filters}") class="inline-form">
                <button type="submit" class="secondary">{tr(Msg::ExportCvZip)}</button>
            </form>
        </div>
        {if t.rows.is_empty() {
            view! { <p>{tr(Msg::NoApplicationMatches)}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table>
                        <caption>{crate::ui::say(Msg::ApplicationsShown, &[("count", &t.total.to_string()), ("page", &t.page.to_string()), ("pages", &t.pages.to_string())])}</caption>
                        <thead><tr>
                            {header("name", Msg::ColName)}
                            {header("profile", Msg::FieldProfile)}
                            {header("experience", Msg::FieldExperience)}
                            <th scope="col">{tr(Msg::ChoicesLegend)}</th>
                            {header("state", Msg::ColState)}
                            {header("submitted", Msg::ColSubmitted)}
                            {t.reviewed.then(|| view! {
                                {header("avis", Msg::ColReviews)}
                                {header("normalise", Msg::ColNormalised)}
                                {header("moyenne", Msg::ColMean)}
                                {header("mediane", Msg::ColMedian)}
                                {header("ecart", Msg::ColSpread)}
                                {header("coups", Msg::ColCoups)}
                                <th scope="col">{tr(Msg::ColUnfavourable)}</th>
                            })}
                        </tr></thead>
                        <tbody>
                            {t.rows.iter().map(|r| view! {
                                <tr>
                                    <th scope="row"><a href=format!("/coordination/candidatures/{}", r.id)>{format!("{} {}", r.last_name, r.first_name)}</a>
                                        {r.review.as_ref().filter(|a| a.reviews > 0).map(|a| view! { <br/><span class="hint">{criterion_means(&t.criteria, a)}</span> })}</th>
                                    <td>{crate::domain::profile::ProfileCode::parse(&r.profile).map(|p| profile_label(&p)).unwrap_or_default()}</td>
                                    <td>{experience(&r.experience)}</td>
                                    <td><ol class="compact">{r.choices.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ol></td>
                                    <td>{tr(r.state.label())}</td>
                                    <td>{r.submitted_at.map(paris).unwrap_or_default()}</td>
                                    {r.review.clone().map(|a| view! { <crate::ui::coordinator::shortlist::ReviewCells a/> })}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                {(t.pages > 1).then(|| view! {
                    <nav aria-label=tr(Msg::Pagination)>
                        <ul class="counts">
                            {(1..=t.pages).map(|n| view! {
                                <li><a href=page_link(n) aria-current=(n == t.page).then_some("page")>{n}</a></li>
                            }).collect_view()}
                        </ul>
                    </nav>
                })}
                <form method="get" action=format!("/coordination/promotions/{promotion}/candidatures/apercu")>
                    <fieldset>
                        <legend>{tr(Msg::ApplicationBatchLegend)}</legend>
                        {q.state.map(|s| view! { <input type="hidden" name="etat" value=s.code()/> })}
                        {q.profile.clone().map(|p| view! { <input type="hidden" name="profil" value=p/> })}
                        {q.defi.map(|d| view! { <input type="hidden" name="defi" value=d.to_string()/> })}
                        {q.support.clone().map(|s| view! { <input type="hidden" name="appui" value=s/> })}
                        {q.q.clone().map(|s| view! { <input type="hidden" name="q" value=s/> })}
                        {q.disagreement.then(|| view! { <input type="hidden" name="desaccord" value="on"/> })}
                        <SelectField name="decision" label=Msg::FieldDecision options=review_options() required=true
                            value=template.clone().map(|t| t.0).unwrap_or_default()/>
                        <TextArea name="message" label=Msg::FieldMessageToApplicant hint=Msg::ReviewMessageHint rows=6
                            value=template.clone().map(|t| t.1).unwrap_or_default()/>
                        <Templates templates=review_templates() select="decision"/>
                        <button type="submit">{tr(Msg::PreviewBatch)}</button>
                    </fieldset>
                </form>
            }.into_any()
        }}
    }
}

#[component]
pub fn ApplicationBatchPage() -> impl IntoView {
    row_page(allowed(), |promotion| {
        let mut q = query_from_url();
        q.page = 1;
        let decision = query("decision").unwrap_or_default();
        let message = query("message").unwrap_or_default();
        let lines = Resource::new_blocking(
            {
                let (q, decision, message) = (q.clone(), decision.clone(), message.clone());
                move || (promotion, q.clone(), decision.clone(), message.clone())
            },
            |(p, q, d, m)| preview_application_batch(p, q, d, m),
        );
        let error = action_error(ServerAction::<ReviewApplications>::new());
        let back = format!(
            "/coordination/promotions/{promotion}/candidatures?{}",
            q.to_query()
        );
        let label = Review::from_code(&decision)
            .map(|r| tr(r.label()))
            .unwrap_or_default()
            .to_owned();
        let hidden = vec![
            ("promotion", promotion.to_string()),
            ("review", decision),
            ("message", message),
        ];
        view! {
            <BatchPreview back error lines label
                summary=Msg::ApplicationBatchSummary heading=Msg::ColName message_heading=Msg::FieldMessageToApplicant empty=Msg::NoApplicationChosen fields=&["review", "message"]
                url=ReviewApplications::url() hidden posted=Posted::Applicable/>
        }
        .into_any()
    })
}

#[component]
pub fn ApplicationReviewPage() -> impl IntoView {
    let review = ServerAction::<ReviewApplication>::new();
    let extend = ServerAction::<ExtendApplication>::new();
    let error = action_error(review).or_else(|| action_error(extend));
    loaded_row(allowed(), get_application, move |d| {
        let error = error.clone();
        let review_error = error.as_ref().and_then(|e| e.for_field("review"));
        let template = crate::ui::templates::chosen(&review_templates());
        let message_error = error.as_ref().and_then(|e| e.for_field("message"));
        let until_error = error.as_ref().and_then(|e| e.for_field("until"));
        let name = format!("{} {}", d.form.first_name, d.form.last_name);
        let events = d.events.clone();
        view! {
            <Title text=name.clone()/>
            <p><a href=format!("/coordination/promotions/{}/candidatures", d.promotion_id)>{fill(tr(Msg::ApplicationsOf), &[("promotion", &d.promotion_name)])}</a></p>
            <h1>{name.clone()}</h1>
            <p class="lead"><strong>{tr(d.state.label())}</strong></p>
            {d.submitted_at.map(|t| view! { <p>{fill(tr(Msg::ApplicationSubmittedAtLine), &[("date", &paris(t))])}</p> })}
            {d.personal_deadline.then(|| view! { <p>{fill(tr(Msg::PersonalDeadlineLine), &[("deadline", &paris(d.deadline))])}</p> })}
            <ErrorSummary error=error.clone() labels=review_label/>
            <DossierDetails d=d.clone()/>
            <JurorsReviews id=d.id/>
            // Read first, then decide: the forms follow the dossier.
            <section aria-labelledby="examen-titre">
                <h2 id="examen-titre">{tr(Msg::DecisionTitle)}</h2>
                <ActionForm action=review>
                    <input type="hidden" name="id" value=d.id.to_string()/>
                    <SelectField name="review" label=Msg::FieldDecision options=review_options()
                        value=kept("review").or_else(|| template.clone().map(|t| t.0)).unwrap_or_default()
                        required=true error=review_error/>
                    <TextArea name="message" label=Msg::FieldMessageToApplicant hint=Msg::ReviewMessageHint rows=6
                        value=kept("message").or_else(|| template.clone().map(|t| t.1)).unwrap_or_default()
                        error=message_error/>
                    <Templates templates=review_templates() select="review"/>
                    <button type="submit">{tr(Msg::SendDecision)}</button>
                </ActionForm>
            </section>
            {d.may_extend.then(|| view! {
                <section aria-labelledby="delai-titre">
                    <h2 id="delai-titre">{tr(Msg::ExtendTitle)}</h2>
                    <ActionForm action=extend>
                        <input type="hidden" name="id" value=d.id.to_string()/>
                        <Field name="until" label=Msg::FieldUntil kind="datetime-local" hint=Msg::DateTimeHint
                            value=kept("until").unwrap_or_default() error=until_error/>
                        <button type="submit" class="secondary">{tr(Msg::ExtendSubmit)}</button>
                    </ActionForm>
                </section>
            })}
            <h2>{tr(Msg::HistoryTitle)}</h2>
            <ol class="history">
                {events.into_iter().map(|e| view! {
                    <li><p><strong>{tr(dossier_event_label(&e.kind))}</strong> " — " {paris(e.at)}</p>
                        {(!e.message.is_empty()).then(|| view! { <blockquote class="prewrap">{e.message.clone()}</blockquote> })}</li>
                }).collect_view()}
            </ol>
        }
        .into_any()
    })
}

/// Each criterion's mean, in one line ("Travail en équipe 3,50 · …").
fn criterion_means(
    criteria: &[(i64, String)],
    a: &crate::domain::review::aggregate::Aggregate,
) -> String {
    use crate::ui::coordinator::shortlist::number;
    criteria
        .iter()
        .map(|(id, name)| format!("{name} {}", number(a.criteria.get(id).copied())))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The dossier's reviews with their aggregates, when its promotion has a
/// review stage: every review, a removed juror's and a conflicted one's
/// marked.
#[component]
fn JurorsReviews(id: i64) -> impl IntoView {
    let reviews = Resource::new_blocking(move || id, crate::api::review::get_dossier_reviews);
    view! {
        <Suspense>
            {move || reviews.get().and_then(Result::ok).flatten().map(|r| {
                let a = r.aggregate.clone();
                view! {
                    <section aria-labelledby="avis-titre">
                        <h2 id="avis-titre">{tr(Msg::DossierReviewsTitle)}</h2>
                        {if r.reviews.is_empty() {
                            view! { <p>{tr(Msg::NoReviewYet)}</p> }.into_any()
                        } else {
                            view! {
                                <p>{crate::ui::coordinator::shortlist::summary(&a)}</p>
                                <crate::ui::jury::dossier::ReviewList criteria=r.criteria.clone() reviews=r.reviews.clone()/>
                            }.into_any()
                        }}
                    </section>
                }
            })}
        </Suspense>
    }
}

/// What the history calls a dossier's event (its code is stored).
fn dossier_event_label(kind: &str) -> Msg {
    match kind {
        "submitted" => Msg::EventApplicationSubmitted,
        "withdrawn" => Msg::EventWithdrawn,
        "deadline_extended" => Msg::EventDeadlineExtended,
        "reminded" => Msg::EventReminded,
        // What happened, not the button that did it.
        other => match Review::from_code(other) {
            Some(Review::RequestCorrection) => Msg::EventCorrectionRequested,
            Some(Review::MarkIneligible) => Msg::EventMarkedIneligible,
            Some(Review::MarkIncomplete) => Msg::EventMarkedIncomplete,
            // A move of the dossier (shortlisted, offered, placed, …): its
            // new state.
            None => crate::domain::application::ApplicationState::from_code(other)
                .map_or(Msg::EventOther, |s| s.label()),
        },
    }
}
