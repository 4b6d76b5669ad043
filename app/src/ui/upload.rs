//! The upload form every private PDF goes through (a dossier's CV and
//! portfolio, a team's milestone file).

use super::tr;
use crate::i18n::Msg;
use leptos::prelude::*;

/// A PDF's upload form of its own (multipart: it works without
/// JavaScript): its label, the size limit, a refusal tied to the file
/// input, which takes the focus back.
#[component]
pub fn UploadForm(
    #[prop(into)] action: String,
    form_id: &'static str,
    input_id: &'static str,
    #[prop(into)] label: String,
    error: Option<Msg>,
    /// What the hint says of the file (`{max}`: the limit in MB).
    #[prop(default = Msg::PdfHint)]
    hint_text: Msg,
) -> impl IntoView {
    use crate::domain::upload::max_megabytes;
    use crate::i18n::fill;
    let hint = format!("{input_id}-aide");
    let err = format!("{input_id}-erreur");
    let described = if error.is_some() {
        format!("{hint} {err}")
    } else {
        hint.clone()
    };
    view! {
        <form id=form_id method="post" action=action enctype="multipart/form-data">
            <div class="field" class:field-invalid=error.is_some()>
                <label for=input_id>{label.clone()}</label>
                <p class="hint" id=hint>{fill(tr(hint_text), &[("max", &max_megabytes().to_string())])}</p>
                {error.map(|m| view! { <p class="field-error" id=err.clone() role="alert">{tr(m)}</p> })}
                <input type="file" id=input_id name="file" accept="application/pdf,.pdf" required=true
                    autofocus=error.is_some()
                    aria-invalid=error.map(|_| "true") aria-describedby=described/>
            </div>
            <button type="submit" class="secondary">{fill(tr(Msg::UploadLabelled), &[("file", &label)])}</button>
        </form>
    }
}
