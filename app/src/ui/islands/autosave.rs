use leptos::prelude::*;

/// Texts the autosave status shows, in the reader's language (written in
/// the element's `data-*` attributes, read back by the browser).
#[derive(Clone, Debug, PartialEq, Eq)]
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

impl AutosaveTexts {
    /// The texts in the reader's language; `not_editable` says what can
    /// no longer be changed (the défi, the application).
    pub fn current(not_editable: crate::i18n::Msg) -> Self {
        use crate::i18n::Msg;
        use crate::ui::tr;
        Self {
            saved: tr(Msg::AutosaveSavedAt).to_owned(),
            saving: tr(Msg::AutosaveSaving).to_owned(),
            failed: tr(Msg::AutosaveFailed).to_owned(),
            conflict: tr(Msg::AutosaveConflict).to_owned(),
            invalid: tr(Msg::AutosaveInvalid).to_owned(),
            not_editable: tr(not_editable).to_owned(),
            signed_out: tr(Msg::AutosaveSignedOut).to_owned(),
        }
    }
}

/// The server's answer to a save, `{"version":3,"saved_at":"10:42"}`,
/// possibly followed by `"refused":"…"` (`SavedDraft`), read without
/// serde: a derived deserializer would add about 2 KB to the browser
/// bundle for three fields the server writes. `refused` is always last,
/// so the text (which may hold commas) is the rest of the object.
pub fn saved_of(body: &str) -> Option<crate::api::defis::SavedDraft> {
    let (mut version, mut saved_at, mut refused) = (None, None, None);
    let inner = body.trim().strip_prefix('{')?.strip_suffix('}')?;
    // Char patterns only (a `&str` pattern brings the two-way searcher
    // into the bundle); the third pair's text may hold commas.
    for pair in inner.splitn(3, ',') {
        let (key, value) = pair.split_once(':')?;
        let value = value.trim();
        match key.trim().trim_matches('"') {
            "version" => version = value.parse().ok(),
            "saved_at" => saved_at = Some(value.strip_prefix('"')?.strip_suffix('"')?.to_owned()),
            "refused" => refused = Some(json_string(value)?),
            _ => {}
        }
    }
    Some(crate::api::defis::SavedDraft {
        version: version?,
        saved_at: saved_at?,
        refused,
    })
}

/// A JSON string literal's text, with every escape JSON has (serde_json
/// writes `\uXXXX` for control characters; a pair of them for a
/// character beyond the basic plane).
fn json_string(literal: &str) -> Option<String> {
    let body = literal.trim().strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    let mut high: Option<u32> = None;
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let e = chars.next()?;
        if e == 'u' {
            let hex: String = chars.by_ref().take(4).collect();
            let unit = u32::from_str_radix(&hex, 16).ok()?;
            match (high.take(), unit) {
                (None, 0xD800..=0xDBFF) => high = Some(unit),
                (Some(h), 0xDC00..=0xDFFF) => out.push(char::from_u32(
                    0x10000 + ((h - 0xD800) << 10) + (unit - 0xDC00),
                )?),
                (None, _) => out.push(char::from_u32(unit)?),
                (Some(_), _) => return None,
            }
            continue;
        }
        out.push(match e {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'b' => '\u{8}',
            'f' => '\u{c}',
            c @ ('"' | '\\' | '/') => c,
            _ => return None,
        });
    }
    high.is_none().then_some(out)
}

/// Saves the form `form_id` a few seconds after each change once hydrated
/// ([`super::Enhance`]), by posting it to `endpoint` as the no-JavaScript
/// form would, and says when it last saved. A failed save is announced at
/// once (`role=alert`) and retried. The upload forms (`upload_form_id`,
/// ids separated by commas) wait for unsaved changes to be saved before
/// they leave the page.
/// Without JavaScript the status shows the last save, and the form's own
/// "save" button does the work.
#[component]
pub fn Autosave(
    form_id: String,
    endpoint: String,
    upload_form_id: String,
    texts: AutosaveTexts,
    initial: String,
) -> impl IntoView {
    view! {
        <div class="autosave" data-autosave=form_id data-endpoint=endpoint data-upload=upload_form_id
            data-saved=texts.saved data-saving=texts.saving data-failed=texts.failed
            data-conflict=texts.conflict data-invalid=texts.invalid
            data-not-editable=texts.not_editable data-signed-out=texts.signed_out>
            <p class="autosave-status" role="status">{initial}</p>
            <p class="autosave-alert" role="alert" hidden=true></p>
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
            refused: None,
        };
        let body = serde_json::to_string(&sent).unwrap();
        let read = saved_of(&body).expect("read");
        assert_eq!((read.version, read.saved_at.as_str()), (12, "09:05"));
        assert_eq!(read.refused, None);
        let partly = crate::api::defis::SavedDraft {
            refused: Some("Saved, except \"the ranks\": 1, 2, 3…\nagain".into()),
            ..sent
        };
        let body = serde_json::to_string(&partly).unwrap();
        assert_eq!(saved_of(&body), Some(partly.clone()));
        // Every escape JSON has: control characters, a pair for 😀.
        let odd = crate::api::defis::SavedDraft {
            refused: Some("a\r\u{1}\u{8}\u{c}b".into()),
            ..partly
        };
        assert_eq!(saved_of(&serde_json::to_string(&odd).unwrap()), Some(odd));
        assert_eq!(
            json_string(r#""\ud83d\ude00 \u00e9""#).as_deref(),
            Some("😀 é")
        );
        assert_eq!(json_string(r#""\ud83d""#), None);
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
}
