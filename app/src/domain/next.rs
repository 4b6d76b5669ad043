//! Where a person was going when they were asked to sign in: carried
//! through sign-in, the emailed links and sign-up as `?suite=…`, and only
//! ever a page of this site.

/// The query parameter (and form field) that carries it.
pub const PARAM: &str = "suite";

/// The longest destination kept.
const MAX: usize = 500;

/// `raw` if it is a safe place to send someone back to after signing in: a
/// path of this site (`/…`; not `//…` nor `/\…`, which browsers read as
/// another site), without control characters, not a server function nor
/// one of the sign-in pages themselves.
pub fn safe(raw: &str) -> Option<&str> {
    let ok = raw.starts_with('/')
        && !raw.starts_with("//")
        && !raw.contains('\\')
        && !raw.chars().any(char::is_control)
        && raw.len() <= MAX
        // No dot segment, plain or encoded: a browser resolves `/./api`
        // to `/api`, past the checks below.
        && !raw
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .split('/')
            .any(|segment| {
                let s = segment.to_ascii_lowercase().replace("%2e", ".");
                s == "." || s == ".."
            })
        && ![
            "/api/",
            "/connexion",
            "/inscription",
            "/verification",
            "/mot-de-passe-oublie",
        ]
        .iter()
        .any(|p| raw.starts_with(p));
    ok.then_some(raw)
}

/// `?suite=…` for `raw` when it is safe, else nothing: what a link to a
/// sign-in page appends.
pub fn query(raw: Option<&str>) -> String {
    match raw.and_then(safe) {
        Some(next) if next != "/" => format!("?{PARAM}={}", encode(next)),
        _ => String::new(),
    }
}

/// `&suite=…` for `raw` when it is safe, else nothing: what an emailed
/// link (`…?jeton=…`) appends, so that the page it opens carries it on.
pub fn also(raw: Option<&str>) -> String {
    match query(raw).strip_prefix('?') {
        Some(param) => format!("&{param}"),
        None => String::new(),
    }
}

/// Where to go after signing in: `raw` when it is safe, else the
/// person's area.
pub fn or_area(raw: Option<&str>) -> &str {
    raw.and_then(safe).unwrap_or("/espace")
}

/// Percent-encodes a query value.
pub fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pages_of_this_site_are_kept() {
        for good in [
            "/candidature",
            "/defis/3?profil=designer",
            "/organisation/12",
            "/a.b/c?x=../y",
        ] {
            assert_eq!(safe(good), Some(good));
        }
        for bad in [
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example",
            "javascript:alert(1)",
            "candidature",
            "",
            "/api/connexion",
            "/connexion?suite=/x",
            "/inscription",
            "/a\nb",
            "/./api/x",
            "/a/../api/x",
            "/./connexion",
            "/%2e/api/x",
            "/a/%2E%2e/api",
        ] {
            assert_eq!(safe(bad), None, "{bad:?}");
        }
        assert_eq!(safe(&format!("/{}", "a".repeat(600))), None, "too long");
    }

    #[test]
    fn the_query_carries_it_encoded_or_nothing() {
        assert_eq!(
            query(Some("/defis/3?profil=designer")),
            "?suite=%2Fdefis%2F3%3Fprofil%3Ddesigner"
        );
        assert_eq!(query(Some("//evil.example")), "");
        assert_eq!(query(Some("/")), "");
        assert_eq!(query(None), "");
        assert_eq!(also(Some("/candidature")), "&suite=%2Fcandidature");
        assert_eq!(also(Some("https://evil.example")), "");
        assert_eq!(or_area(Some("/candidature")), "/candidature");
        assert_eq!(or_area(Some("//evil.example")), "/espace");
        assert_eq!(or_area(None), "/espace");
    }
}
