//! Cells that a spreadsheet must read as text. Names, texts and titles that
//! applicants and hosts typed end up in coordinators' CSV files; a cell
//! that starts like a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`) would
//! be evaluated when opened. As OWASP recommends ("CSV Injection"), such a
//! cell is prefixed with a single quote, which spreadsheets show as text
//! and do not evaluate. Every CSV the product writes goes through here.

use std::borrow::Cow;

/// First characters that make Excel, LibreOffice or Google Sheets read a
/// cell as a formula (tab and carriage return can hide one).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A negative number written plainly ("-0.512", "-3,25"): a spreadsheet
/// reads it as a number, never as a formula, so it keeps its sign.
fn plain_negative(cell: &str) -> bool {
    let Some(rest) = cell.strip_prefix('-') else {
        return false;
    };
    let marks = rest.chars().filter(|c| *c == '.' || *c == ',').count();
    rest.chars().any(|c| c.is_ascii_digit())
        && marks <= 1
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// `cell`, neutralised when a spreadsheet would read it as a formula.
pub fn text_cell(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) && !plain_negative(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A whole record, every cell neutralised.
pub fn text_record<S: AsRef<str>>(cells: impl IntoIterator<Item = S>) -> Vec<String> {
    cells
        .into_iter()
        .map(|c| text_cell(c.as_ref()).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text() {
        for bad in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+33 6 12",
            "-2+3",
            "@SUM(A1)",
            "\t=1+1",
            "\r=1+1",
        ] {
            let safe = text_cell(bad);
            assert!(safe.starts_with('\''), "{bad:?} → {safe:?}");
            assert_eq!(&safe[1..], bad);
        }
    }

    #[test]
    fn ordinary_text_is_untouched() {
        for ok in ["Dupont", "Élise", "", "a=b", "Data scientist", "42"] {
            assert_eq!(text_cell(ok), ok);
        }
        assert_eq!(text_record(["=1", "x"]), vec!["'=1", "x"]);
        // Negative numbers stay numbers; anything more is still text.
        for n in ["-0.512", "-3,25", "-7"] {
            assert_eq!(text_cell(n), n);
        }
        for f in ["-", "-.5", "-1-1", "-1.2.3", "-1e5", "-1 ", "-1,2,3"] {
            assert!(text_cell(f).starts_with('\''), "{f}");
        }
    }
}
