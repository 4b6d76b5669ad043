//! `/coordination/promotions/{id}/equipes/{run}`: one run of the engine
//! explained — teams slot by slot, unfilled seats, withdrawn défis,
//! unassigned people, blocking pairs, the choice-rank histogram, fairness,
//! the comparison with another run, the overrides (previewed with the
//! blocking pairs they create, then saved with their reason), every
//! person's explanation, and the validation that sends the offers.

use super::formation_charts::{FairnessTables, RankChart, seats_text};
use crate::api::formation::{AddOverride, PreviewOverride, ValidateRun, get_run_page};
use crate::i18n::Msg;
use crate::model::AppError;
use crate::model::formation::{OverridePreview, RunPage};
use crate::ui::form::{DeclarationBox, ErrorSummary, SelectField, TextArea, action_error};
use crate::ui::table::DataTable;
use crate::ui::{Heading, Loaded, kept, page, query, row_page, say, tr};
use leptos::prelude::*;

fn run_param() -> Option<i32> {
    leptos_router::hooks::use_params_map()
        .with_untracked(|p| p.get("run").and_then(|v| v.parse().ok()))
}

#[component]
pub fn RunPage() -> impl IntoView {
    row_page(page().can.manage_promotions, |id| {
        let Some(run) = run_param() else {
            return view! { <crate::ui::public::NotFound/> }.into_any();
        };
        let compare = query("comparer").and_then(|n| n.trim().parse::<i32>().ok());
        // An override to preview, posted and carried in the session.
        let previewing = kept("apercu").is_some();
        let carried = |k: &str| kept(k).filter(|_| previewing);
        let candidate = carried("candidat");
        let (defi, reason) = (carried("defi"), carried("motif"));
        let resource = Resource::new_blocking(
            move || {
                (
                    id,
                    run,
                    compare,
                    candidate.clone(),
                    defi.clone(),
                    reason.clone(),
                )
            },
            |(id, run, compare, c, d, r)| get_run_page(id, run, compare, c, d, r),
        );
        view! {
            <Heading msg=Msg::RunTitle/>
            <Loaded resource ok=|r| view! { <Run r/> }/>
        }
        .into_any()
    })
}

#[component]
fn Run(r: RunPage) -> impl IntoView {
    let (id, n) = (r.promotion_id, r.number);
    let base = format!("/coordination/promotions/{id}/equipes/{n}");
    let teams = r
        .teams
        .iter()
        .flat_map(|t| {
            t.slots.iter().map(move |s| {
                let people = s
                    .people
                    .iter()
                    .map(|(name, by_override)| {
                        if *by_override {
                            say(Msg::NameByOverride, &[("name", name)])
                        } else {
                            name.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <tr>
                        <td>{t.title.clone()}</td>
                        <td>{t.organisation.clone()}</td>
                        <td>{s.profile.clone()}</td>
                        <td>{seats_text(s.people.len(), s.capacity)}</td>
                        <td>{if people.is_empty() { "—".to_owned() } else { people }}</td>
                    </tr>
                }
            })
        })
        .collect_view();
    let list = |items: Vec<String>, empty: Msg| {
        if items.is_empty() {
            view! { <p>{tr(empty)}</p> }.into_any()
        } else {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
                .into_any()
        }
    };
    let unfilled = r
        .unfilled
        .iter()
        .map(|(d, p, m)| {
            say(
                Msg::UnfilledLine,
                &[("defi", d), ("profile", p), ("missing", &m.to_string())],
            )
        })
        .collect();
    let withdrawn = r
        .withdrawn
        .iter()
        .map(|(d, why)| say(Msg::WithdrawnLine, &[("defi", d), ("reason", why)]))
        .collect();
    let blocking_count = r.blocking.len();
    let blocking = r
        .blocking
        .iter()
        .map(|(c, d)| say(Msg::BlockingLine, &[("candidate", c), ("defi", d)]))
        .collect();
    let explanations = r
        .explanations
        .iter()
        .map(|(name, text)| view! { <li><strong>{name.clone()}</strong><p class="pre-line">{text.clone()}</p></li> })
        .collect_view();
    view! {
        <p class="lead">{r.promotion.clone()} " — " {say(Msg::RunNumber, &[("n", &n.to_string())])}</p>
        <p>{say(Msg::RunMeta, &[("at", &r.at), ("by", &r.by), ("engine", &r.engine_version)])}</p>
        <p><a href=format!("{base}/entree.json") download="">{tr(Msg::RunInputDownload)}</a></p>
        <p class="hint">{tr(Msg::RunInputHint)}</p>
        {r.validated_at.clone().map(|at| view! { <p class="notice notice-success" role="status">{say(Msg::RunValidatedOn, &[("at", &at)])}</p> })}
        <nav aria-label=tr(Msg::RunSections)>
            <ul class="plain">
                <li><a href="#equipes">{tr(Msg::TeamsTitle)}</a></li>
                <li><a href="#stabilite">{tr(Msg::StabilityTitle)}</a></li>
                <li><a href="#choix">{tr(Msg::RankChartTitle)}</a></li>
                <li><a href="#equite">{tr(Msg::FairnessTitle)}</a></li>
                <li><a href="#comparer">{tr(Msg::CompareTitle)}</a></li>
                <li><a href="#ajustements">{tr(Msg::OverridesTitle)}</a></li>
                <li><a href="#explications">{tr(Msg::ExplanationsTitle)}</a></li>
                <li><a href="#validation">{tr(Msg::ValidationTitle)}</a></li>
            </ul>
        </nav>
        <section>
            <h2 id="equipes">{tr(Msg::TeamsTitle)}</h2>
            <DataTable caption=tr(Msg::TeamsTitle).to_owned() focusable=true columns=vec![Msg::ColDefi, Msg::ColOrganisation, Msg::ColProfile, Msg::ColSeats, Msg::ColPeople]>
                {teams}
            </DataTable>
            <h3>{tr(Msg::UnfilledTitle)}</h3>
            {list(unfilled, Msg::NoUnfilled)}
            <h3>{tr(Msg::WithdrawnTitle)}</h3>
            {list(withdrawn, Msg::NoWithdrawn)}
            <h3>{tr(Msg::UnassignedTitle)}</h3>
            {list(r.unassigned.clone(), Msg::NoUnassigned)}
        </section>
        <section>
            <h2 id="stabilite">{tr(Msg::StabilityTitle)}</h2>
            <p>{say(Msg::BlockingCount, &[("count", &blocking_count.to_string())])}</p>
            <p class="hint">{tr(Msg::BlockingHint)}</p>
            {(blocking_count > 0).then(|| list(blocking, Msg::NoUnassigned))}
        </section>
        <section>
            <h2 id="choix">{tr(Msg::RankChartTitle)}</h2>
            <RankChart bars=r.histogram.clone()/>
        </section>
        <section>
            <h2 id="equite">{tr(Msg::FairnessTitle)}</h2>
            <p>{tr(Msg::FairnessIntro)}</p>
            <FairnessTables tables=r.fairness.clone()/>
        </section>
        <Compare r=r.clone() base=base.clone()/>
        <Overrides r=r.clone()/>
        <section>
            <h2 id="explications">{tr(Msg::ExplanationsTitle)}</h2>
            <ul class="plain explanations">{explanations}</ul>
        </section>
        <Validation r=r.clone()/>
        <p><a href=format!("/coordination/promotions/{id}/equipes")>{tr(Msg::BackToFormation)}</a></p>
    }
}

#[component]
fn Compare(r: RunPage, base: String) -> impl IntoView {
    let options: Vec<(String, String)> =
        std::iter::once((String::new(), tr(Msg::ChooseOption).to_owned()))
            .chain(
                r.others
                    .iter()
                    .map(|o| (o.to_string(), say(Msg::RunNumber, &[("n", &o.to_string())]))),
            )
            .collect();
    let chosen = r
        .compared
        .as_ref()
        .map(|c| c.other.to_string())
        .unwrap_or_default();
    let result = r.compared.clone().map(|c| {
        let other = say(Msg::RunNumber, &[("n", &c.other.to_string())]);
        if c.moves.is_empty() {
            view! { <p>{say(Msg::NoMove, &[("other", &other)])}</p> }.into_any()
        } else {
            let rows = c.moves.iter().map(|(who, here, there)| view! { <tr><td>{who.clone()}</td><td>{here.clone()}</td><td>{there.clone()}</td></tr> }).collect_view();
            view! {
                <p>{say(Msg::MovesCount, &[("count", &c.moves.len().to_string()), ("other", &other)])}</p>
                <DataTable caption=tr(Msg::CompareTitle).to_owned() focusable=true columns=vec![Msg::ColCandidate, Msg::ColThisRun, Msg::ColOtherRun]>
                    {rows}
                </DataTable>
            }.into_any()
        }
    });
    view! {
        <section>
            <h2 id="comparer">{tr(Msg::CompareTitle)}</h2>
            {if r.others.is_empty() {
                view! { <p>{tr(Msg::NoOtherRun)}</p> }.into_any()
            } else {
                view! {
                    <form method="get" action=format!("{base}#comparer")>
                        <SelectField name="comparer" label=Msg::FieldCompareWith options value=chosen/>
                        <button type="submit" class="secondary">{tr(Msg::CompareButton)}</button>
                    </form>
                }.into_any()
            }}
            {result}
        </section>
    }
}

fn err(e: &Option<AppError>, field: &str) -> Option<Msg> {
    e.as_ref().and_then(|e| e.for_field(field))
}

fn labels(field: &str) -> Option<Msg> {
    Some(match field {
        "candidat" => Msg::FieldOverrideCandidate,
        "defi" => Msg::FieldOverrideDefi,
        "motif" => Msg::FieldOverrideReason,
        "confirm" => Msg::FieldValidateConfirm,
        _ => return None,
    })
}

#[component]
fn Overrides(r: RunPage) -> impl IntoView {
    let save = ServerAction::<AddOverride>::new();
    let look = ServerAction::<PreviewOverride>::new();
    // A refused save, or a preview that cannot be made: the form's fields
    // show why.
    let error = action_error(save).or_else(|| r.preview.as_ref().and_then(|p| p.refusal.clone()));
    let rows = r
        .overrides
        .iter()
        .map(|o| {
            let what = o.defi.clone().unwrap_or_else(|| tr(Msg::OverrideRemoved).to_owned());
            view! { <tr><td>{o.candidate.clone()}</td><td>{what}</td><td>{o.reason.clone()}</td><td>{o.by.clone()}</td><td>{o.at.clone()}</td></tr> }
        })
        .collect_view();
    let open = r.validated_at.is_none();
    let preview = r.preview.clone();
    let value = |k: &str, from: fn(&OverridePreview) -> String| {
        kept(k)
            .or_else(|| preview.as_ref().map(from))
            .unwrap_or_default()
    };
    let candidates: Vec<(String, String)> =
        std::iter::once((String::new(), tr(Msg::ChooseOption).to_owned()))
            .chain(r.candidates.iter().cloned())
            .collect();
    let defis: Vec<(String, String)> =
        std::iter::once((String::new(), tr(Msg::OverrideRemoveOption).to_owned()))
            .chain(r.defis.iter().cloned())
            .collect();
    let (v_candidate, v_defi, v_reason) = (
        value("candidat", |p| p.candidate_key.clone()),
        value("defi", |p| p.defi_key.clone()),
        value("motif", |p| p.reason.clone()),
    );
    let (e_candidate, e_defi, e_reason) = (
        err(&error, "candidat"),
        err(&error, "defi"),
        err(&error, "motif"),
    );
    let (promotion_id, number) = (r.promotion_id, r.number);
    let form = open.then(move || {
        view! {
            <h3>{tr(Msg::OverrideFormTitle)}</h3>
            <p>{tr(Msg::OverrideFormIntro)}</p>
            <ActionForm action=look>
                <input type="hidden" name="promotion" value=promotion_id.to_string()/>
                <input type="hidden" name="execution" value=number.to_string()/>
                <SelectField name="candidat" label=Msg::FieldOverrideCandidate options=candidates value=v_candidate error=e_candidate/>
                <SelectField name="defi" label=Msg::FieldOverrideDefi options=defis value=v_defi error=e_defi/>
                <TextArea name="motif" label=Msg::FieldOverrideReason hint=Msg::OverrideReasonHint maxlength=1000 value=v_reason error=e_reason/>
                <button type="submit" class="secondary">{tr(Msg::OverridePreviewButton)}</button>
            </ActionForm>
        }
    });
    let shown = r.preview.clone().filter(|_| open).map(|p| {
        let what = p.defi.clone().unwrap_or_else(|| tr(Msg::OverrideRemoved).to_owned());
        let body = match &p.refused {
            Some(why) => view! { <p>{why.clone()}</p> }.into_any(),
            None => {
                let pairs = p.blocking.iter().map(|(c, d)| view! { <li>{say(Msg::BlockingLine, &[("candidate", c), ("defi", d)])}</li> }).collect_view();
                view! {
                    {if p.blocking.is_empty() {
                        view! { <p>{tr(Msg::OverrideNoBlocking)}</p> }.into_any()
                    } else {
                        view! { <p>{say(Msg::OverrideCreatesBlocking, &[("count", &p.blocking.len().to_string())])}</p><ul>{pairs}</ul> }.into_any()
                    }}
                    <ActionForm action=save>
                        <input type="hidden" name="promotion" value=r.promotion_id.to_string()/>
                        <input type="hidden" name="execution" value=r.number.to_string()/>
                        <input type="hidden" name="candidat" value=p.candidate_key.clone()/>
                        <input type="hidden" name="defi" value=p.defi_key.clone()/>
                        <input type="hidden" name="motif" value=p.reason.clone()/>
                        <button type="submit">{tr(Msg::OverrideSaveButton)}</button>
                    </ActionForm>
                }.into_any()
            }
        };
        view! {
            <div class="notice" role="status">
                <h3>{say(Msg::OverridePreviewTitle, &[("candidate", &p.candidate), ("defi", &what)])}</h3>
                {body}
            </div>
        }
    });
    view! {
        <section>
            <h2 id="ajustements">{tr(Msg::OverridesTitle)}</h2>
            <ErrorSummary error=error.clone() labels=labels/>
            {if r.overrides.is_empty() {
                view! { <p>{tr(Msg::NoOverride)}</p> }.into_any()
            } else {
                view! {
                    <DataTable caption=tr(Msg::OverridesTitle).to_owned() focusable=true columns=vec![Msg::ColCandidate, Msg::ColDefi, Msg::ColReason, Msg::ColBy, Msg::ColWhen]>
                        {rows}
                    </DataTable>
                }.into_any()
            }}
            {shown}
            {form}
        </section>
    }
}

#[component]
fn Validation(r: RunPage) -> impl IntoView {
    let validate = ServerAction::<ValidateRun>::new();
    let error = action_error(validate);
    let body = match (&r.validated_at, r.other_validated) {
        (Some(_), _) => view! { <p><a href=format!("/coordination/promotions/{}/propositions", r.promotion_id)>{tr(Msg::OffersPageLink)}</a></p> }.into_any(),
        (None, Some(other)) => view! { <p>{say(Msg::AlreadyValidatedRun, &[("n", &other.to_string())])}</p> }.into_any(),
        (None, None) => view! {
            <p>{tr(Msg::ValidationIntro)}</p>
            <ErrorSummary error=error.clone() labels=labels/>
            <ActionForm action=validate>
                <input type="hidden" name="promotion" value=r.promotion_id.to_string()/>
                <input type="hidden" name="execution" value=r.number.to_string()/>
                <DeclarationBox name="confirm" label=Msg::FieldValidateConfirm checked=false error=err(&error, "confirm")/>
                <button type="submit">{tr(Msg::ValidateButton)}</button>
            </ActionForm>
        }.into_any(),
    };
    view! {
        <section>
            <h2 id="validation">{tr(Msg::ValidationTitle)}</h2>
            {body}
        </section>
    }
}
