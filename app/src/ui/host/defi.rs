//! `/organisation/defis/{id}`: the défi dossier. Editable while it is a
//! draft or when coordinators asked for information (explicit save without
//! JavaScript, autosave when hydrated, pitch-deck upload, submission);
//! read-only otherwise.

use crate::api::defis::{SaveDefi, get_defi_dossier};
use crate::domain::defi::DefiState;
use crate::domain::defi_form::{DefiForm, MISSION_MAX};
use crate::domain::profile::ProfileCode;
use crate::domain::upload::max_megabytes;
use crate::i18n::{Msg, fill};
use crate::model::AppError;
use crate::model::defi::DefiDossier;
use crate::ui::defi_view::{DossierView, History};
use crate::ui::form::{
    Checkbox, ErrorSummary, Place, SelectField, TextArea, action_error, declared_sections,
    kept_input_box, kept_lines,
};
use crate::ui::islands::{Autosave, autosave::AutosaveTexts};
use crate::ui::loaded_row;
use crate::ui::{kept, page, paris, profile_label, tr};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn DefiEditPage() -> impl IntoView {
    let action = ServerAction::<SaveDefi>::new();
    let error = action_error(action);
    loaded_row(
        page().viewer.is_some(),
        get_defi_dossier,
        move |d| view! { <DefiPage d action error=error.clone()/> },
    )
}

fn title_of(d: &DefiDossier) -> String {
    if d.form.title.is_empty() {
        tr(Msg::UntitledDefi).to_owned()
    } else {
        d.form.title.clone()
    }
}

#[component]
fn DefiPage(
    d: DefiDossier,
    action: ServerAction<SaveDefi>,
    error: Option<AppError>,
) -> impl IntoView {
    let title = title_of(&d);
    let info = d.info_request().cloned();
    let editable = d.may_edit;
    let events = d.events.clone();
    view! {
        <Title text=title.clone()/>
        <p><a href=format!("/organisation/{}", d.organisation_id)>{d.organisation.clone()}</a></p>
        <h1>{title}</h1>
        <p class="lead">
            {fill(tr(Msg::DefiForPromotion), &[("promotion", &d.promotion_name)])} " — "
            <strong>{tr(d.state.label())}</strong>
            {d.published.then(|| view! { " — " <a href=format!("/defis/{}", d.id)>{tr(Msg::SeePublicSheet)}</a> })}
        </p>
        {d.submitted_at.map(|t| view! { <p>{fill(tr(Msg::SubmittedAtLine), &[("date", &paris(t))])}</p> })}
        {d.hearing.clone().map(|(when, place)| view! {
            <p class="notice">{fill(tr(Msg::YourHearing), &[("when", &when), ("place", &place)])}</p>
        })}
        {info.map(|e| view! {
            <div class="callout" role="note">
                <h2>{tr(Msg::InfoRequestedTitle)}</h2>
                <p class="prewrap">{e.message.clone()}</p>
                <p class="hint">{paris(e.at)}</p>
            </div>
        })}
        {if editable {
            view! { <DefiEditor d=d.clone() action error/> }.into_any()
        } else {
            view! {
                <ErrorSummary error=error/>
                <KeptInput/>
                <DossierView d=d.clone()/>
            }
            .into_any()
        }}
        <History events/>
    }
}

/// What the person typed in a save the server refused because the défi
/// stopped being editable meanwhile: shown so that it is not lost.
#[component]
fn KeptInput() -> impl IntoView {
    let flash = page().flash;
    if !flash.values.contains_key("title") {
        return ().into_any();
    }
    let kept = DefiForm::from_fields(|k| flash.value(k));
    let mut lines = kept_lines(&kept);
    for (n, slot) in kept.used_slots() {
        lines.push((
            fill(tr(Msg::SlotN), &[("n", &n.to_string())]),
            format!("{} — {}", slot.profile, slot.mission),
        ));
    }
    kept_input_box(Msg::KeptInputHint, lines)
}

#[component]
fn DefiEditor(
    d: DefiDossier,
    action: ServerAction<SaveDefi>,
    error: Option<AppError>,
) -> impl IntoView {
    // After an error, what was typed; else what is saved.
    let flash = page().flash;
    let form = if flash.values.contains_key("title") {
        DefiForm::from_fields(kept)
    } else {
        d.form.clone()
    };
    let upload_error: Option<Msg> = flash
        .value("upload_error")
        .and_then(|v| serde_json::from_str(&v).ok());
    let texts = AutosaveTexts::current(Msg::AutosaveNotEditable);
    let last_saved = fill(tr(Msg::LastSavedAt), &[("time", &paris(d.updated_at))]);
    let answer = d.state == DefiState::InfoRequested;
    let id = d.id;
    let version = d.version.to_string();
    let deck = d.pitch_deck.clone();
    let (profiles, team_min, team_max) = (d.profiles.clone(), d.team_min, d.team_max);
    view! {
        <p>{fill(tr(Msg::DefiDeadline), &[("deadline", &paris(d.call_close))])}</p>
        <ErrorSummary error=error.clone() labels=DefiForm::summary_label/>
        <ActionForm action=action attr:id="defi-form" attr:novalidate=true>
            <input type="hidden" name="id" value=id.to_string()/>
            <input type="hidden" name="version" value=version/>
            <DefiFields form error profiles team_min team_max/>
            <Autosave form_id="defi-form".to_owned() endpoint="/api/enregistrer-defi".to_owned()
                upload_form_id="defi-presentation".to_owned() texts initial=last_saved/>
            <div class="actions">
                <button type="submit" name="intent" value="save" class="secondary">{tr(Msg::SaveDraft)}</button>
                <button type="submit" name="intent" value="submit">
                    {tr(if answer { Msg::ResubmitDefi } else { Msg::SubmitDefi })}
                </button>
            </div>
            <p class="hint">{tr(Msg::SubmitHint)}</p>
        </ActionForm>

        <section aria-labelledby="presentation-titre">
            <h2 id="presentation-titre">{tr(Msg::PitchDeckTitle)}</h2>
            {deck.map(|a| view! {
                <p>
                    <a href=format!("/organisation/defis/{id}/presentation")>{fill(tr(Msg::DownloadFile), &[("file", &a.name)])}</a>
                    " — " {fill(tr(Msg::UploadedAt), &[("date", &paris(a.uploaded_at))])}
                </p>
            })}
            <form id="defi-presentation" method="post" action=format!("/organisation/defis/{id}/presentation") enctype="multipart/form-data">
                <div class="field" class:field-invalid=upload_error.is_some()>
                    <label for="champ-pitch_deck">{tr(Msg::FieldPitchDeck)}</label>
                    <p class="hint" id="champ-pitch_deck-aide">{fill(tr(Msg::PitchDeckHint), &[("max", &max_megabytes().to_string())])}</p>
                    {upload_error.map(|m| view! { <p class="field-error" id="champ-pitch_deck-erreur" role="alert">{tr(m)}</p> })}
                    <input type="file" id="champ-pitch_deck" name="file" accept="application/pdf,.pdf" required=true
                        autofocus=upload_error.is_some()
                        aria-invalid=upload_error.map(|_| "true")
                        aria-describedby=if upload_error.is_some() { "champ-pitch_deck-aide champ-pitch_deck-erreur" } else { "champ-pitch_deck-aide" }/>
                </div>
                <button type="submit" class="secondary">{tr(Msg::UploadSubmit)}</button>
            </form>
        </section>
    }
}

/// Every field of the dossier, with its error: the declared sections, then
/// the slots.
#[component]
fn DefiFields(
    form: DefiForm,
    error: Option<AppError>,
    profiles: Vec<ProfileCode>,
    team_min: u32,
    team_max: u32,
) -> impl IntoView {
    let e = |f: &str| error.as_ref().and_then(|e| e.for_field(f));
    let slots_error = e("slots");
    let profile_options: Vec<(String, String)> =
        std::iter::once((String::new(), tr(Msg::NoSlotOption).to_owned()))
            .chain(
                profiles
                    .iter()
                    .map(|p| (p.as_str().to_owned(), profile_label(p))),
            )
            .collect();
    let slots: Vec<AnyView> = form
        .slots
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let n = i + 1;
            let profile: &'static str = ["slot1_profile", "slot2_profile", "slot3_profile"][i];
            let mission: &'static str = ["slot1_mission", "slot2_mission", "slot3_mission"][i];
            let mandatory: &'static str = ["slot1_mandatory", "slot2_mandatory", "slot3_mandatory"][i];
            view! {
                <fieldset class="slot">
                    <legend>{fill(tr(Msg::SlotN), &[("n", &n.to_string())])}</legend>
                    <SelectField name=profile label=Msg::FieldSlotProfile options=profile_options.clone()
                        value=s.profile.clone() error=e(profile)/>
                    <TextArea name=mission label=Msg::FieldSlotMission value=s.mission.clone()
                        error=e(mission) maxlength=MISSION_MAX rows=3/>
                    <Checkbox name=mandatory label=Msg::FieldSlotMandatory checked=s.mandatory
                        hint=Msg::MandatoryHint/>
                </fieldset>
            }
            .into_any()
        })
        .collect();
    let slots = std::cell::RefCell::new(Some(slots));
    let slots_section = move || {
        view! {
            <fieldset id="champ-slots" tabindex="-1" class:field-invalid=slots_error.is_some()
                aria-describedby=slots_error.map(|_| "champ-slots-erreur")>
                <legend>{tr(Msg::SlotsLegend)}</legend>
                <p class="hint">{fill(tr(Msg::SlotsHint), &[("min", &team_min.to_string()), ("max", &team_max.to_string())])}</p>
                {slots_error.map(|m| view! { <p class="field-error" id="champ-slots-erreur">{tr(m)}</p> })}
                {slots.borrow_mut().take()}
            </fieldset>
        }
        .into_any()
    };
    declared_sections(
        &form,
        error.as_ref(),
        &|_| Vec::new(),
        &|place| match place {
            Place::Section(Msg::SlotsLegend) => Some(slots_section()),
            _ => None,
        },
    )
}
