use leptos::prelude::*;

/// Texts the autosave status shows, in the reader's language. They travel
/// to the island as a list (an array's deserializer weighs less in the
/// browser bundle than a struct's, whose field names it must match).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(from = "[String; 7]", into = "[String; 7]")]
pub struct AutosaveTexts {
    /// "Saved at {}"
    pub saved: String,
    pub saving: String,
    pub failed: String,
    pub conflict: String,
    pub invalid: String,
    pub not_editable: String,
    pub signed_out: String,
}

impl From<[String; 7]> for AutosaveTexts {
    fn from(t: [String; 7]) -> Self {
        let [
            saved,
            saving,
            failed,
            conflict,
            invalid,
            not_editable,
            signed_out,
        ] = t;
        Self {
            saved,
            saving,
            failed,
            conflict,
            invalid,
            not_editable,
            signed_out,
        }
    }
}

impl From<AutosaveTexts> for [String; 7] {
    fn from(t: AutosaveTexts) -> Self {
        [
            t.saved,
            t.saving,
            t.failed,
            t.conflict,
            t.invalid,
            t.not_editable,
            t.signed_out,
        ]
    }
}

/// The server's answer to a save, `{"version":3,"saved_at":"10:42"}`
/// (`SavedDraft`), read without serde: a derived deserializer would add
/// about 2 KB to the browser bundle for two fields the server writes.
pub fn saved_of(body: &str) -> Option<crate::api::defis::SavedDraft> {
    let (mut version, mut saved_at) = (None, None);
    let inner = body.trim().strip_prefix('{')?.strip_suffix('}')?;
    for pair in inner.split(',') {
        let (key, value) = pair.split_once(':')?;
        let value = value.trim();
        match key.trim().trim_matches('"') {
            "version" => version = value.parse().ok(),
            "saved_at" => saved_at = Some(value.strip_prefix('"')?.strip_suffix('"')?.to_owned()),
            _ => {}
        }
    }
    Some(crate::api::defis::SavedDraft {
        version: version?,
        saved_at: saved_at?,
    })
}

/// Saves the form `form_id` a few seconds after each change, by posting it
/// to `endpoint` as the no-JavaScript form would, and says when it last
/// saved. A failed save is announced at once (`role=alert`) and retried.
/// The upload form waits for unsaved changes to be saved before it leaves
/// the page.
/// Without JavaScript the status shows the last save, and the form's own
/// "save" button does the work.
#[island]
pub fn Autosave(
    form_id: String,
    endpoint: String,
    /// Other forms of the page (file uploads, ids separated by commas) that
    /// must not leave unsaved changes behind: their submission waits for a
    /// save.
    upload_form_id: String,
    texts: AutosaveTexts,
    initial: String,
) -> impl IntoView {
    let (status, set_status) = signal(initial);
    let (alert, set_alert) = signal(String::new());
    Effect::new(move |_| {
        super::browser::autosave(
            &form_id,
            &upload_form_id,
            endpoint.clone(),
            texts.clone(),
            set_status,
            set_alert,
        )
    });
    view! {
        <div class="autosave">
            <p class="autosave-status" role="status">{move || status.get()}</p>
            <p class="autosave-alert" role="alert" hidden=move || alert.get().is_empty()>{move || alert.get()}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_island_reads_what_the_server_writes() {
        let sent = crate::api::defis::SavedDraft {
            version: 12,
            saved_at: "09:05".into(),
        };
        let body = serde_json::to_string(&sent).unwrap();
        let read = saved_of(&body).expect("read");
        assert_eq!((read.version, read.saved_at.as_str()), (12, "09:05"));
        for bad in [
            "",
            "{}",
            "[]",
            r#"{"version":"x","saved_at":"09:05"}"#,
            r#"{"version":1}"#,
        ] {
            assert!(saved_of(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn texts_travel_as_a_list_and_come_back_whole() {
        let t = AutosaveTexts {
            saved: "a {}".into(),
            saving: "b".into(),
            failed: "c".into(),
            conflict: "d".into(),
            invalid: "e".into(),
            not_editable: "f".into(),
            signed_out: "g".into(),
        };
        let json = serde_json::to_string(&t).unwrap();
        assert!(json.starts_with('['), "{json}");
        assert_eq!(serde_json::from_str::<AutosaveTexts>(&json).unwrap(), t);
    }
}
