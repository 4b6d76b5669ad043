//! Reading a JSON document with the path of its first error: the engines'
//! inputs (`cohorte match`, `cohorte assign`) name where they are wrong.

use serde::de::DeserializeOwned;

/// The document, or (JSON path, message) of its first error; the path is
/// `.` for the document itself (a syntax error, trailing characters).
pub fn parse_with_path<T: DeserializeOwned>(text: &str) -> Result<T, (String, String)> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let path = if path.is_empty() || path == "." || path == "?" {
            ".".to_owned()
        } else {
            path
        };
        (path, e.into_inner().to_string())
    })?;
    de.end().map_err(|e| (".".to_owned(), e.to_string()))?;
    Ok(value)
}
