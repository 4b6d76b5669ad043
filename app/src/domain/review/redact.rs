//! What a blind stage hides inside the dossier's free texts: the
//! applicant's names, email addresses, links and phone numbers, each
//! replaced by a mask. It errs on the side of hiding (a word equal to one
//! of the names is hidden wherever it appears); a name written in a way
//! the text does not spell (a nickname) is out of its reach, which the
//! settings page says.

/// `text` with the applicant's `names` (first and last name, compound
/// parts included), email addresses, links and phone numbers replaced by
/// `mask`.
pub fn redact(text: &str, names: &[&str], mask: &str) -> String {
    let parts: Vec<String> = names
        .iter()
        .flat_map(|n| n.split(|c: char| c.is_whitespace() || is_joiner(c)))
        .map(fold)
        .filter(|p| p.chars().count() >= 2 && !PARTICLES.contains(&p.as_str()))
        .collect();
    let text = phones(text, mask);
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    for c in text.chars() {
        if c.is_whitespace() {
            out.push_str(&token(&word, &parts, mask));
            word.clear();
            out.push(c);
        } else {
            word.push(c);
        }
    }
    out.push_str(&token(&word, &parts, mask));
    out
}

/// Particles of compound names ("de La Fontaine", "van Gogh"): common
/// words of any text, never masked on their own.
const PARTICLES: [&str; 16] = [
    "de", "la", "le", "du", "des", "van", "von", "der", "den", "di", "da", "del", "dos", "das",
    "el", "al",
];

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '‐' | '‑')
}

/// Punctuation around a word that is not part of it.
fn is_wrapper(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '<'
            | '>'
            | '"'
            | '«'
            | '»'
            | '“'
            | '”'
            | ','
            | ';'
            | ':'
            | '.'
            | '!'
            | '?'
            | '*'
            | '…'
            | '—'
            | '–'
    ) || c == '\''
        || c == '’'
}

/// One whitespace-free token, masked when it is (or holds) an email, a
/// link or one of the names; its surrounding punctuation is kept.
fn token(word: &str, names: &[String], mask: &str) -> String {
    let core = word.trim_matches(is_wrapper);
    if core.is_empty() {
        return word.to_owned();
    }
    let start = word.len() - word.trim_start_matches(is_wrapper).len();
    let (before, after) = (&word[..start], &word[start + core.len()..]);
    let hide = is_email(core)
        || is_link(core)
        // A name stuck to other signs ("@eloise", "eloise.martin",
        // "Martin/Dupont") is still a name.
        || core
            .split(|c: char| !c.is_alphanumeric())
            .map(fold)
            .any(|p| names.contains(&p));
    if hide {
        format!("{before}{mask}{after}")
    } else {
        word.to_owned()
    }
}

fn is_email(s: &str) -> bool {
    s.split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
}

/// Top-level domains common in a French applicant's links.
const TLDS: [&str; 14] = [
    "fr", "com", "org", "net", "io", "eu", "dev", "me", "info", "co", "app", "xyz", "tech", "page",
];

fn is_link(s: &str) -> bool {
    let lower = s.to_lowercase();
    if lower.contains("://") || lower.starts_with("www.") {
        return true;
    }
    // host.tld or host.tld/path: a dot inside the first segment and a
    // known top-level domain.
    let host = lower.split('/').next().unwrap_or_default();
    let Some((name, tld)) = host.rsplit_once('.') else {
        return false;
    };
    let plausible = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && (2..=6).contains(&tld.len());
    // Written in lower case: "ASP.NET/C#" and "Node.js/Express" are
    // frameworks, "site.net" and "github.com/x" links.
    let written = s.split('/').next().unwrap_or_default();
    let lower_tld = written.rsplit('.').next().is_some_and(|t| t == tld);
    plausible && TLDS.contains(&tld) && lower_tld
}

/// `text` with every phone number masked: a run of digits and separators
/// starting with `+` or `0` that holds 9 to 15 digits.
fn phones(text: &str, mask: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let starts = (c == '+' || c == '0')
            && (i == 0 || !chars[i - 1].is_alphanumeric())
            && chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_digit() || c == '0');
        if starts {
            let mut j = i;
            let mut digits = 0;
            let mut end = i;
            while j < chars.len() {
                let d = chars[j];
                if d.is_ascii_digit() {
                    digits += 1;
                    end = j + 1;
                } else if !(matches!(d, ' ' | '.' | '-' | '(' | ')' | '\u{a0}')
                    || (d == '+' && j == i))
                {
                    break;
                }
                j += 1;
            }
            let followed = chars.get(end).is_some_and(|n| n.is_alphanumeric());
            if (9..=15).contains(&digits) && !followed {
                out.push_str(mask);
                i = end;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Lower case without the accents French names carry.
fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::redact;

    const M: &str = "[masqué]";

    fn r(text: &str) -> String {
        redact(text, &["Éloïse", "Martin-Dupont"], M)
    }

    #[test]
    fn names_are_hidden_whatever_their_case_accents_or_punctuation() {
        assert_eq!(
            r("Je suis Eloise MARTIN-DUPONT, développeuse."),
            "Je suis [masqué] [masqué], développeuse."
        );
        assert_eq!(r("(éloïse)"), "([masqué])");
        assert_eq!(r("l'équipe de Dupont"), "l'équipe de [masqué]");
        assert_eq!(r("chez Martin."), "chez [masqué].");
        // Other words stay.
        assert_eq!(r("Martine et Dupontel"), "Martine et Dupontel");
        // Stuck to other signs.
        assert_eq!(
            r("@eloise #Eloise Éloïse… eloise.martin Martin/Dupont"),
            "[masqué] [masqué] [masqué]… [masqué] [masqué]"
        );
        // A particle of the name is not masked elsewhere.
        assert_eq!(
            redact("la mairie de Lyon", &["Jean", "de La Fontaine"], M),
            "la mairie de Lyon"
        );
        assert_eq!(
            redact("M. Fontaine", &["Jean", "de La Fontaine"], M),
            "M. [masqué]"
        );
    }

    #[test]
    fn emails_links_and_phones_are_hidden() {
        assert_eq!(r("écrire à e.md@exemple.fr !"), "écrire à [masqué] !");
        assert_eq!(
            r("voir https://github.com/emd et www.site.org"),
            "voir [masqué] et [masqué]"
        );
        assert_eq!(r("profil : linkedin.com/in/emd."), "profil : [masqué].");
        assert_eq!(r("mon site emd.fr"), "mon site [masqué]");
        assert_eq!(r("appeler le 06 12 34 56 78."), "appeler le [masqué].");
        assert_eq!(r("ou +33 6 12 34 56 78"), "ou [masqué]");
        assert_eq!(r("tél. 01.23.45.67.89"), "tél. [masqué]");
    }

    #[test]
    fn ordinary_text_is_kept() {
        for kept in [
            "De 2015 à 2020, 3 projets en Node.js et ASP.NET, etc.",
            "Node.js/Express, ASP.NET/C#, de 01/2019 - 06/2023.",
            "Un budget de 1 200 000 € sur 2019-2023.",
            "Note : 4/5, p.ex. 12.5 %",
            "",
            "   ",
        ] {
            assert_eq!(r(kept), kept);
        }
        // Whitespace (line breaks included) is kept as typed.
        assert_eq!(r("a\n\nb\tÉloïse"), "a\n\nb\t[masqué]");
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_without_panic_and_loses_the_email(text in "\\PC{0,80}") {
            let with = format!("{text} eloise@exemple.fr {text}");
            let out = redact(&with, &["Éloïse", "Martin"], M);
            proptest::prop_assert!(!out.contains("eloise@exemple.fr"));
        }
    }
}
