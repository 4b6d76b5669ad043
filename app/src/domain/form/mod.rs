//! Forms declared once. `declare_form!` takes one line per field (its name,
//! how it is stored, and a `Spec`: kind, limit, required, label, hint),
//! grouped in the page's sections, and generates the form's struct (the
//! value the services and pages pass around) with its `Declared` impl. From
//! that one declaration come the controls, their limits and counters
//! (`ui::form::DeclaredSections`), the draft and submission checks, what is
//! kept across a no-JavaScript error redirect, the posted values (`Posted`)
//! and the columns a service writes (`server::db::declared`). What a form
//! has beyond plain fields (a table of slots, ranked choices) is declared
//! in `extra` and handled by the form's own code.

use crate::i18n::Msg;

mod format;
mod posted;
pub use format::Format;
pub use posted::{Posted, PostedValue};

/// How a field is shown and posted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line: `<input type=…>`.
    Line {
        input: &'static str,
        autocomplete: Option<&'static str>,
    },
    /// Several lines: a `<textarea>` of `rows` rows with a live counter.
    Text { rows: u32 },
    /// A drop-down list: a first option reading `empty` (the value ""),
    /// then `options` (code, text). With no options, the page gives them
    /// (the promotion's profiles) and the form's own code checks the code.
    Choice {
        options: &'static [(&'static str, Msg)],
        empty: Msg,
    },
    /// A checkbox posting "on".
    Check,
    /// A checkbox that submission requires, its error shown under it.
    Declaration,
}

/// One field: its form name (the struct field's and the column's name),
/// how it is shown, its limit and what submission requires of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    pub name: &'static str,
    pub kind: Kind,
    pub label: Msg,
    pub hint: Option<Msg>,
    /// The longest value, in characters.
    pub max: usize,
    /// The most lines a text may have.
    pub max_lines: Option<usize>,
    /// What submission says when the field is empty (a box unticked);
    /// `None`: optional.
    pub required: Option<Msg>,
    /// The browser asks for it too (`required`): a form saved whole in one
    /// go, where there is no draft to keep an empty field in.
    pub html_required: bool,
    pub format: Option<Format>,
    /// A one-line field that states its limit and counts its characters
    /// as a text does (a title).
    pub counted: bool,
}

/// The longest code a drop-down list posts.
const CODE_MAX: usize = 40;

impl Spec {
    const fn new(kind: Kind, label: Msg, max: usize) -> Self {
        Self {
            name: "",
            kind,
            label,
            hint: None,
            max,
            max_lines: None,
            required: None,
            html_required: false,
            format: None,
            counted: false,
        }
    }

    /// States the limit and counts the characters (a one-line field; a
    /// text always does).
    pub const fn counted(mut self) -> Self {
        self.counted = true;
        self
    }

    /// One line of at most `max` characters.
    pub const fn line(label: Msg, max: usize) -> Self {
        Self::new(
            Kind::Line {
                input: "text",
                autocomplete: None,
            },
            label,
            max,
        )
        .lines(1)
    }

    /// A text of at most `max` characters, `rows` rows high.
    pub const fn text(label: Msg, max: usize, rows: u32) -> Self {
        Self::new(Kind::Text { rows }, label, max)
    }

    /// One of `options`, or nothing (`empty`).
    pub const fn choice(label: Msg, options: &'static [(&'static str, Msg)], empty: Msg) -> Self {
        Self::new(Kind::Choice { options, empty }, label, CODE_MAX)
    }

    /// One of the codes the page gives, or nothing (`empty`).
    pub const fn given(label: Msg, empty: Msg) -> Self {
        Self::choice(label, &[], empty)
    }

    pub const fn check(label: Msg) -> Self {
        Self::new(Kind::Check, label, 2)
    }

    /// A box that submission requires ticked, saying `missing` if not.
    pub const fn declaration(label: Msg, missing: Msg) -> Self {
        Self::new(Kind::Declaration, label, 2).required_with(missing)
    }

    /// Submission requires it ("this field is required").
    pub const fn required(self) -> Self {
        self.required_with(Msg::FieldRequired)
    }

    pub const fn required_with(mut self, missing: Msg) -> Self {
        self.required = Some(missing);
        self
    }

    /// Required by the browser as well as by the server (see
    /// `html_required`), saying `missing` when the server finds it empty.
    pub const fn always(mut self, missing: Msg) -> Self {
        self.html_required = true;
        self.required_with(missing)
    }

    pub const fn hint(mut self, hint: Msg) -> Self {
        self.hint = Some(hint);
        self
    }

    pub const fn lines(mut self, n: usize) -> Self {
        self.max_lines = Some(n);
        self
    }

    /// The `type` of a one-line input (`tel`, `url`, …).
    pub const fn input(mut self, input: &'static str) -> Self {
        if let Kind::Line { autocomplete, .. } = self.kind {
            self.kind = Kind::Line {
                input,
                autocomplete,
            };
        }
        self
    }

    pub const fn autocomplete(mut self, token: &'static str) -> Self {
        if let Kind::Line { input, .. } = self.kind {
            self.kind = Kind::Line {
                input,
                autocomplete: Some(token),
            };
        }
        self
    }

    pub const fn format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self
    }

    /// Set by `declare_form!` from the struct field's name.
    pub const fn named(mut self, name: &'static str) -> Self {
        self.name = name;
        self
    }

    /// A box (its value is "on" or "").
    pub const fn is_box(&self) -> bool {
        matches!(self.kind, Kind::Check | Kind::Declaration)
    }
}

/// A `<fieldset>` of the page: its legend and its fields. A section with
/// no fields is rendered by the page (a table of slots, ranked choices).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    pub legend: Msg,
    pub fields: &'static [Spec],
}

/// A declared field's value: a text or a box.
pub trait FieldValue {
    /// As posted and kept: the text, or "on" / "" for a box.
    fn raw(&self) -> String;
    /// From what was posted (any non-empty value ticks a box).
    fn set_raw(&mut self, raw: &str);
    /// The text ("" for a box).
    fn text(&self) -> &str {
        ""
    }
    fn text_mut(&mut self) -> Option<&mut String> {
        None
    }
    /// A box's state (`None` for a text).
    fn flag(&self) -> Option<bool> {
        None
    }
    /// Not empty, or ticked.
    fn is_filled(&self) -> bool;
}

impl FieldValue for String {
    fn raw(&self) -> String {
        self.clone()
    }
    fn set_raw(&mut self, raw: &str) {
        raw.clone_into(self);
    }
    fn text(&self) -> &str {
        self
    }
    fn text_mut(&mut self) -> Option<&mut String> {
        Some(self)
    }
    fn is_filled(&self) -> bool {
        !self.trim().is_empty()
    }
}

impl FieldValue for bool {
    fn raw(&self) -> String {
        if *self { "on".into() } else { String::new() }
    }
    fn set_raw(&mut self, raw: &str) {
        *self = !raw.is_empty();
    }
    fn flag(&self) -> Option<bool> {
        Some(*self)
    }
    fn is_filled(&self) -> bool {
        *self
    }
}

/// Field errors: the field's form name and what is wrong.
pub type FieldErrors = Vec<(String, Msg)>;

/// What `declare_form!` implements; the rest comes from the declaration.
pub trait Declared: Default {
    const SECTIONS: &'static [Section];

    fn field(&self, name: &str) -> Option<&dyn FieldValue>;
    fn field_mut(&mut self, name: &str) -> Option<&mut dyn FieldValue>;

    /// Every declared field, in the page's order.
    fn specs() -> impl Iterator<Item = &'static Spec> {
        Self::SECTIONS.iter().flat_map(|s| s.fields.iter())
    }

    fn spec(name: &str) -> Option<&'static Spec> {
        Self::specs().find(|s| s.name == name)
    }

    /// What the page calls field `name`: a declared field's label.
    fn label_of(name: &str) -> Option<Msg> {
        Self::spec(name).map(|s| s.label)
    }

    /// A text's value ("" for a box or an unknown name).
    fn text(&self, name: &str) -> &str {
        self.field(name).map_or("", FieldValue::text)
    }

    /// Every declared field as posted (texts, and "on" / "" for boxes): what
    /// is kept across an error redirect.
    fn declared_values(&self) -> Vec<(String, String)> {
        Self::specs()
            .filter_map(|s| Some((s.name.to_owned(), self.field(s.name)?.raw())))
            .collect()
    }

    /// The declared fields read from posted or kept values (a missing value
    /// is empty).
    fn read_declared(&mut self, get: &dyn Fn(&str) -> Option<String>) {
        for s in Self::specs() {
            if let Some(f) = self.field_mut(s.name) {
                f.set_raw(&get(s.name).unwrap_or_default());
            }
        }
    }

    /// What a draft save accepts of the declared fields: texts trimmed,
    /// within their limit of characters and lines; codes among the options.
    /// Empty fields are fine.
    fn tidy_declared(&mut self, errors: &mut FieldErrors) {
        for s in Self::specs() {
            let Some(f) = self.field_mut(s.name) else {
                continue;
            };
            if let Some(text) = f.text_mut() {
                *text = text.trim().replace("\r\n", "\n");
                if text.chars().count() > s.max {
                    errors.push((s.name.to_owned(), Msg::TextTooLong));
                } else if s.max_lines.is_some_and(|n| text.lines().count() > n) {
                    errors.push((s.name.to_owned(), Msg::TooManyLines));
                } else if let Kind::Choice { options, .. } = s.kind
                    && !options.is_empty()
                    && !text.is_empty()
                    && !options.iter().any(|(code, _)| code == text)
                {
                    errors.push((s.name.to_owned(), Msg::ChoiceInvalid));
                }
            }
        }
    }

    /// What submission requires of the declared fields: required ones
    /// filled (boxes ticked), formats respected.
    fn check_declared(&self, errors: &mut FieldErrors) {
        for s in Self::specs() {
            let Some(f) = self.field(s.name) else {
                continue;
            };
            if let Some(missing) = s.required
                && !f.is_filled()
            {
                errors.push((s.name.to_owned(), missing));
            } else if let Some(format) = s.format
                && f.is_filled()
                && !format.accepts(f.text())
            {
                errors.push((s.name.to_owned(), format.error()));
            }
        }
    }

    /// The fields read-only, as (label, text) lines in the page's order,
    /// in `locale`: a code as its option's text (`given(name, code)` for
    /// the codes the caller knows, a dossier's profile), a box as yes or
    /// no. The page (`ui::form::declared_lines`) and the CSV export read
    /// the same lines.
    fn readable(
        &self,
        locale: crate::i18n::Locale,
        given: &dyn Fn(&'static str, &str) -> Option<String>,
    ) -> Vec<(Msg, String)> {
        Self::specs()
            .filter_map(|s| {
                let f = self.field(s.name)?;
                let text = match (s.kind, f.flag()) {
                    (_, Some(on)) => locale.t(if on { Msg::Yes } else { Msg::No }).to_owned(),
                    (Kind::Choice { options: [], .. }, None) => {
                        given(s.name, f.text()).unwrap_or_default()
                    }
                    (Kind::Choice { options, .. }, None) => options
                        .iter()
                        .find(|(code, _)| *code == f.text())
                        .map(|(_, m)| locale.t(*m).to_owned())
                        .unwrap_or_default(),
                    _ => f.text().to_owned(),
                };
                Some((s.label, text))
            })
            .collect()
    }

    /// How many of the required declared fields are filled, of how many.
    fn required_filled(&self) -> (usize, usize) {
        let required: Vec<bool> = Self::specs()
            .filter(|s| s.required.is_some())
            .filter_map(|s| Some(self.field(s.name)?.is_filled()))
            .collect();
        (required.iter().filter(|f| **f).count(), required.len())
    }

    /// The place of a field on the page: a declared field's rank; a field
    /// of a section the page renders, that section's place (`in_sections`
    /// pairs a name prefix with the section's legend); anything else after
    /// them all.
    fn position(name: &str, in_sections: &[(&str, Msg)]) -> usize {
        let mut n = 0;
        for section in Self::SECTIONS {
            if in_sections
                .iter()
                .any(|(prefix, legend)| name.starts_with(prefix) && *legend == section.legend)
            {
                return n;
            }
            for s in section.fields {
                if s.name == name {
                    return n;
                }
                n += 1;
            }
            n += 1;
        }
        usize::MAX
    }

    /// `errors` in the page's order, as the error summary lists them.
    fn in_page_order(errors: &mut FieldErrors, in_sections: &[(&str, Msg)]) {
        errors.sort_by_key(|(f, _)| Self::position(f, in_sections));
    }
}

/// Declares a form: its struct (`Clone, Debug, Default, PartialEq, Eq`,
/// serde) with one field per declared line (`text` is a `String`, `flag` a
/// `bool`), the fields of `extra` as written, and its `Declared` impl.
///
/// ```ignore
/// declare_form! {
///     pub struct DefiForm {
///         DefiLegend {
///             title: text = Spec::line(Msg::FieldDefiTitle, 120).required(),
///         }
///         SlotsLegend {}
///     }
///     extra { pub slots: [SlotForm; SLOT_ROWS] }
/// }
/// ```
macro_rules! declare_form {
    (@ty text) => { String };
    (@ty flag) => { bool };
    (
        $(#[$meta:meta])*
        pub struct $form:ident {
            $( $legend:ident { $( $field:ident : $ty:ident = $spec:expr ),* $(,)? } )+
        }
        $( extra { $( $(#[$xmeta:meta])* pub $xfield:ident : $xty:ty ),+ $(,)? } )?
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        pub struct $form {
            $( $( pub $field: $crate::domain::form::declare_form!(@ty $ty), )* )+
            $( $( $(#[$xmeta])* pub $xfield: $xty, )+ )?
        }

        impl $crate::domain::form::Declared for $form {
            const SECTIONS: &'static [$crate::domain::form::Section] = &[
                $( $crate::domain::form::Section {
                    legend: $crate::i18n::Msg::$legend,
                    fields: &[ $( ($spec).named(stringify!($field)) ),* ],
                } ),+
            ];

            fn field(&self, name: &str) -> Option<&dyn $crate::domain::form::FieldValue> {
                match name {
                    $( $( stringify!($field) => Some(&self.$field), )* )+
                    _ => None,
                }
            }

            fn field_mut(
                &mut self,
                name: &str,
            ) -> Option<&mut dyn $crate::domain::form::FieldValue> {
                match name {
                    $( $( stringify!($field) => Some(&mut self.$field), )* )+
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use declare_form;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;
