//! `Browser`: an HTTP client that behaves like a browser without
//! JavaScript, and what tests read from its answers.

use reqwest::header::{LOCATION, REFERER};
use reqwest::{Client, Response};

#[derive(Clone)]
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

/// Where a redirect sends the browser (relative to the site) and, for a
/// refused form post, the error it carries (the `Cohorte-Refusal` header;
/// the page shows it from the flash). Reads as the path.
#[derive(Clone, Debug, PartialEq)]
pub struct Landing {
    pub path: String,
    pub error: Option<serde_json::Value>,
}

impl std::ops::Deref for Landing {
    type Target = str;
    fn deref(&self) -> &str {
        &self.path
    }
}

impl std::fmt::Display for Landing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path)
    }
}

impl PartialEq<&str> for Landing {
    fn eq(&self, other: &&str) -> bool {
        self.path == *other
    }
}

impl PartialEq<String> for Landing {
    fn eq(&self, other: &String) -> bool {
        &self.path == other
    }
}

/// The redirect target of a response, relative to the site, with the
/// error a refused post carries.
pub fn location(res: &Response) -> Landing {
    let loc = res
        .headers()
        .get(LOCATION)
        .unwrap_or_else(|| panic!("no redirect; status {}", res.status()))
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        !loc.contains("__err"),
        "a refusal travels in the flash, not in the URL: {loc}"
    );
    let path = match loc.find("://") {
        Some(i) => loc[i + 3..]
            .find('/')
            .map(|j| loc[i + 3 + j..].to_owned())
            .unwrap_or("/".into()),
        None => loc,
    };
    let error = res
        .headers()
        .get("cohorte-refusal")
        .map(|v| serde_json::from_slice(v.as_bytes()).unwrap());
    Landing { path, error }
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
pub fn error_in(to: &Landing) -> Option<serde_json::Value> {
    to.error.clone()
}

/// The fields a validation error in the redirect `to` names, in order; any
/// other error as its JSON text (so that a comparison shows it).
pub fn error_fields(to: &Landing) -> Vec<String> {
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
