//! `Browser`: an HTTP client that behaves like a browser without
//! JavaScript, and what tests read from its answers.

use reqwest::header::{LOCATION, REFERER};
use reqwest::{Client, Response};

pub struct Browser {
    pub base: String,
    pub client: Client,
}

impl Browser {
    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    pub async fn page(&self, path: &str) -> String {
        let res = self.get(path).await;
        assert_eq!(res.status(), 200, "GET {path}");
        res.text().await.unwrap()
    }

    /// Posts a form from the page `from`, as a browser without JavaScript.
    pub async fn post(&self, from: &str, action: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(format!("{}{action}", self.base))
            .header(REFERER, format!("{}{from}", self.base))
            .form(fields)
            .send()
            .await
            .unwrap()
    }

    /// [`Browser::post`] with fields a test built and changed.
    pub async fn post_fields(
        &self,
        from: &str,
        action: &str,
        fields: &[(String, String)],
    ) -> Response {
        let fields: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.post(from, action, &fields).await
    }

    /// Uploads `bytes` as the PDF `file_name` from the page `from` to `to`
    /// (a multipart form with one `file` field).
    pub async fn upload(&self, from: &str, to: &str, file_name: &str, bytes: &[u8]) -> Response {
        let part = reqwest::multipart::Part::bytes(bytes.to_vec())
            .file_name(file_name.to_owned())
            .mime_str("application/pdf")
            .unwrap();
        self.client
            .post(format!("{}{to}", self.base))
            .header(REFERER, format!("{}{from}", self.base))
            .multipart(reqwest::multipart::Form::new().part("file", part))
            .send()
            .await
            .unwrap()
    }

    /// Signs in with the sign-in form.
    pub async fn sign_in(&self, email: &str, password: &str) -> Response {
        self.post(
            "/connexion",
            "/api/connexion",
            &[("email", email), ("password", password)],
        )
        .await
    }

    /// Follows the redirect of `res` and returns the page.
    pub async fn follow(&self, res: Response) -> String {
        let to = location(&res);
        self.page(&to).await
    }
}

/// The redirect target of a response, relative to the site.
pub fn location(res: &Response) -> String {
    let loc = res
        .headers()
        .get(LOCATION)
        .unwrap_or_else(|| panic!("no redirect; status {}", res.status()))
        .to_str()
        .unwrap()
        .to_owned();
    match loc.find("://") {
        Some(i) => loc[i + 3..]
            .find('/')
            .map(|j| loc[i + 3 + j..].to_owned())
            .unwrap_or("/".into()),
        None => loc,
    }
}

pub fn token_in(text: &str, marker: &str) -> String {
    let start = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} in {text}"))
        + marker.len();
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect()
}

/// The decoded error a no-JS post carried back in its redirect, if any.
pub fn error_in(location: &str) -> Option<serde_json::Value> {
    let url = reqwest::Url::parse(&format!("http://x{location}")).unwrap();
    let raw = url.query_pairs().find(|(k, _)| k == "__err")?.1.to_string();
    use base64::Engine;
    let bytes = base64::engine::general_purpose::URL_SAFE
        .decode(raw)
        .unwrap();
    Some(serde_json::from_slice(&bytes).unwrap())
}

/// The fields a validation error in the redirect `to` names, in order; any
/// other error as its JSON text (so that a comparison shows it).
pub fn error_fields(to: &str) -> Vec<String> {
    let err = error_in(to).unwrap_or_else(|| panic!("an error in {to}"));
    err["Validation"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| e["field"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_else(|| vec![err.to_string()])
}

/// What the post answered by `res` was refused for (its error's
/// `Refused`), carried back in its redirect.
pub fn refusal(res: &Response) -> serde_json::Value {
    let to = location(res);
    error_in(&to).unwrap_or_else(|| panic!("an error in {to}"))["Refused"].clone()
}
