//! Exports of a promotion's dossiers for coordinators: the CSV of the
//! filtered selection and a ZIP of their CVs, each audited. The ZIP is
//! written to a temporary file (unlinked once open) and streamed from it,
//! so memory stays bounded whatever the promotion's size.

use super::applications::CV;
use super::audit::{AuditAction, Target};
use super::download::{Download, DownloadBody};
use super::txn::Txn;
use super::{Origin, attachments, selection};
use crate::domain::application_form::ApplicationForm;
use crate::domain::promotion::paris_display;
use crate::i18n::{Locale, Msg};
use crate::model::AppError;
use crate::model::application::{ApplicationQuery, ApplicationRow};
use crate::server::AppState;
use crate::server::db::attachment;
use crate::server::policy::{Action, Actor, allows, require};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The dossiers of `promotion` that `q` selects and the policy lets leave
/// in an export (never a draft, even if a query were to return one).
async fn exportable(
    app: &AppState,
    actor: &Actor,
    promotion: i64,
    q: &ApplicationQuery,
) -> Result<Vec<ApplicationRow>, AppError> {
    require(actor, Action::ExportApplications)?;
    let mut rows = selection::all_rows(app, promotion, q).await?;
    rows.retain(|r| allows(actor, Action::ExportApplication { state: r.state }));
    Ok(rows)
}

/// What the coordinators export of a selection of dossiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The dossiers as CSV, cells separated by this.
    Csv(Separator),
    /// The CVs as one ZIP.
    CvZip,
}

/// The CSV's separator. French spreadsheet software (Excel and
/// LibreOffice with the French locale) expects a semicolon and puts a
/// comma-separated file in one column; most others expect a comma.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    Semicolon,
    Comma,
}

impl Separator {
    /// The query string's name for it (`?separateur=`).
    pub fn param(self) -> &'static str {
        match self {
            Separator::Semicolon => "point-virgule",
            Separator::Comma => "virgule",
        }
    }

    /// The one `param` names, or the default of `locale`'s spreadsheets.
    pub fn from_param(param: Option<&str>, locale: Locale) -> Self {
        match param {
            Some("point-virgule") => Separator::Semicolon,
            Some("virgule") => Separator::Comma,
            _ => Self::default_for(locale),
        }
    }

    pub fn default_for(locale: Locale) -> Self {
        match locale {
            Locale::Fr => Separator::Semicolon,
            Locale::En => Separator::Comma,
        }
    }

    fn byte(self) -> u8 {
        match self {
            Separator::Semicolon => b';',
            Separator::Comma => b',',
        }
    }
}

/// The export of the selection `q` of `promotion`'s dossiers, audited
/// before it leaves.
pub async fn export(
    app: &AppState,
    actor: &Actor,
    origin: &Origin,
    locale: Locale,
    promotion: i64,
    q: &ApplicationQuery,
    format: Export,
) -> Result<Download, AppError> {
    let rows = exportable(app, actor, promotion, q).await?;
    let (download, kind) = match format {
        Export::Csv(separator) => {
            let max = rows
                .iter()
                .map(|r| r.choices.len())
                .max()
                .unwrap_or(0)
                .max(3);
            let forms = forms_of(&app.db, &rows).await?;
            let name = format!("candidatures-{promotion}.csv");
            let criteria =
                crate::server::service::selection::reviewed::reviewed(&app.db, promotion)
                    .await?
                    .map(|(c, _)| c)
                    .unwrap_or_default();
            let bytes = csv(&rows, &forms, &criteria, locale, max, separator)?;
            (Download::csv(name, bytes), "csv")
        }
        Export::CvZip => {
            let file = cv_zip(&app.db, &app.settings.data_dir, &rows).await?;
            let name = format!("cv-{promotion}.zip");
            (Download::zip(name, DownloadBody::Temporary(file)), "cv_zip")
        }
    };
    audit_export(app, origin, promotion, kind, q, rows.len()).await?;
    Ok(download)
}

/// Every field of the dossiers `rows` name, by id (in chunks: a query's
/// parameters are limited).
async fn forms_of<C: ConnectionTrait>(
    db: &C,
    rows: &[ApplicationRow],
) -> Result<HashMap<i64, ApplicationForm>, AppError> {
    use crate::server::db::application;
    let mut out = HashMap::new();
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    for chunk in ids.chunks(5_000) {
        let found = super::by_ids::<application::Entity, _>(
            db,
            application::Column::Id,
            chunk.to_vec(),
            |a| a.id,
        )
        .await?;
        for (id, a) in found {
            out.insert(id, crate::server::db::declared::read(&a)?);
        }
    }
    Ok(out)
}

/// The fields the first columns already show.
const LEADING: [&str; 5] = [
    "last_name",
    "first_name",
    "profile",
    "experience",
    "support_role",
];

/// The CSV of `rows`: UTF-8 with a byte-order mark (spreadsheets then read
/// accents right), cells separated by `separator`, one row per dossier,
/// readable column names; the identity, profile, choices in order, state
/// and submission first, then every other field of the dossier (`forms`)
/// in the form's order, codes and boxes in words; no cell can be read as a
/// formula (`domain::spreadsheet`).
pub fn csv(
    rows: &[ApplicationRow],
    forms: &HashMap<i64, ApplicationForm>,
    criteria: &[(i64, String)],
    locale: crate::i18n::Locale,
    max_choices: usize,
    separator: Separator,
) -> Result<Vec<u8>, AppError> {
    use crate::domain::form::Declared;
    let t = |m: Msg| locale.t(m).to_owned();
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(separator.byte())
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    // Every field the first columns do not show, as the page reads it.
    let shown: Vec<Msg> = LEADING
        .iter()
        .filter_map(|n| ApplicationForm::label_of(n))
        .collect();
    let rest = |f: &ApplicationForm| -> Vec<(Msg, String)> {
        f.readable(locale, &|_, code| Some(code.to_owned()))
            .into_iter()
            .filter(|(m, _)| !shown.contains(m))
            .collect()
    };
    let mut header = vec![
        t(Msg::FieldLastName),
        t(Msg::FieldFirstName),
        t(Msg::FieldEmail),
        t(Msg::FieldProfile),
        t(Msg::FieldExperience),
    ];
    for n in 1..=max_choices {
        header.push(crate::i18n::fill(
            locale.t(Msg::ChoiceN),
            &[("n", &n.to_string())],
        ));
    }
    header.extend([
        t(Msg::ColState),
        t(Msg::ColSubmitted),
        t(Msg::FieldSupportRole),
    ]);
    // The review's aggregates, when the promotion has a review stage.
    let reviewed = rows.iter().any(|r| r.review.is_some());
    if reviewed {
        header.extend(crate::server::service::review::shortlist::aggregate_header(
            locale,
        ));
        header.extend(criteria.iter().map(|(_, name)| name.clone()));
    }
    header.extend(
        rest(&ApplicationForm::default())
            .into_iter()
            .map(|(m, _)| t(m)),
    );
    let fail = |e: ::csv::Error| {
        tracing::error!(error = %e, "writing a CSV export");
        AppError::Unexpected
    };
    w.write_record(crate::domain::spreadsheet::text_record(&header))
        .map_err(fail)?;
    for r in rows {
        let mut line = vec![
            r.last_name.clone(),
            r.first_name.clone(),
            r.email.clone(),
            // The programme's name for the profile, in the export's
            // language (a custom profile keeps its code).
            crate::domain::profile::ProfileCode::parse(&r.profile)
                .ok()
                .and_then(|p| p.label())
                .map_or_else(|| r.profile.clone(), &t),
            crate::domain::application_form::EXPERIENCE_BANDS
                .iter()
                .find(|(c, _)| *c == r.experience)
                .map(|(_, m)| t(*m))
                .unwrap_or_default(),
        ];
        for n in 0..max_choices {
            line.push(r.choices.get(n).cloned().unwrap_or_default());
        }
        line.extend([
            t(r.state.label()),
            r.submitted_at.map(paris_display).unwrap_or_default(),
            // "Yes" / "No" in the export's language, not the stored code.
            crate::domain::application_form::YES_NO
                .iter()
                .find(|(c, _)| *c == r.support_role)
                .map(|(_, m)| t(*m))
                .unwrap_or_default(),
        ]);
        if reviewed {
            use crate::server::service::review::shortlist::{aggregate_cells, csv_number};
            let comma = matches!(separator, Separator::Semicolon);
            let a = r.review.clone().unwrap_or_default();
            line.extend(aggregate_cells(&a, comma));
            line.extend(
                criteria
                    .iter()
                    .map(|(id, _)| csv_number(a.criteria.get(id).copied(), comma)),
            );
        }
        let form = forms.get(&r.id).cloned().unwrap_or_default();
        line.extend(rest(&form).into_iter().map(|(_, v)| v));
        w.write_record(crate::domain::spreadsheet::text_record(&line))
            .map_err(fail)?;
    }
    w.into_inner().map_err(|_| AppError::Unexpected)
}

/// The file name of a CV in the ZIP: "Last_First_id.pdf", only letters,
/// digits and dashes.
fn zip_name(r: &ApplicationRow) -> String {
    let safe = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    };
    format!(
        "{}_{}_{}.pdf",
        safe(&r.last_name),
        safe(&r.first_name),
        r.id
    )
}

/// Where exports are assembled; emptied at start-up (`sweep_temporary`).
pub fn temporary_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("tmp")
}

/// Removes what an export interrupted by a crash left behind.
pub fn sweep_temporary(data_dir: &Path) {
    let dir = temporary_dir(data_dir);
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// A ZIP of the CVs of `rows` (the current CV of each, one query), as an
/// open file positioned at its start whose name is already removed: the
/// caller streams it, and the disk space is freed when it is closed.
async fn cv_zip<C: ConnectionTrait>(
    db: &C,
    data_dir: &Path,
    rows: &[ApplicationRow],
) -> Result<std::fs::File, AppError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut current: HashMap<i64, attachment::Model> = HashMap::new();
    for chunk in ids.chunks(5_000) {
        for a in attachment::Entity::find()
            .filter(attachment::Column::OwnerType.eq("application"))
            .filter(attachment::Column::Kind.eq(CV))
            .filter(attachment::Column::OwnerId.is_in(chunk.to_vec()))
            .order_by_asc(attachment::Column::Id)
            .all(db)
            .await?
        {
            // Ascending ids: the last one seen is the current file.
            current.insert(a.owner_id, a);
        }
    }
    let files_dir = attachments::files_dir(data_dir);
    let files: Vec<(String, PathBuf)> = rows
        .iter()
        .filter_map(|r| {
            current
                .get(&r.id)
                .map(|a| (zip_name(r), files_dir.join(&a.stored_name)))
        })
        .collect();
    let tmp = temporary_dir(data_dir);
    let fail = |e: &dyn std::fmt::Display| {
        tracing::error!(error = %e, "writing a ZIP export");
        AppError::Unexpected
    };
    tokio::task::spawn_blocking(move || -> Result<std::fs::File, AppError> {
        use std::io::{Seek, SeekFrom};
        std::fs::create_dir_all(&tmp).map_err(|e| fail(&e))?;
        let path = tmp.join(format!("cv-{}.zip", super::tokens::random_secret(12)));
        let file = std::fs::File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| fail(&e))?;
        // Unlinked at once: nothing is left behind, even on a crash
        // mid-export (the start-up sweep covers a crash before this line).
        let _ = std::fs::remove_file(&path);
        let mut zip = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, source) in files {
            match std::fs::File::open(&source) {
                Ok(mut f) => {
                    zip.start_file(name, options).map_err(|e| fail(&e))?;
                    std::io::copy(&mut f, &mut zip).map_err(|e| fail(&e))?;
                }
                Err(e) => {
                    tracing::error!(error = %e, path = %source.display(), "stored CV missing")
                }
            }
        }
        let mut file = zip.finish().map_err(|e| fail(&e))?;
        file.seek(SeekFrom::Start(0)).map_err(|e| fail(&e))?;
        Ok(file)
    })
    .await
    .map_err(|e| fail(&e))?
}

/// Records an export in the audit log (who exported what, how many rows).
async fn audit_export(
    state: &AppState,
    origin: &Origin,
    promotion_id: i64,
    kind: &str,
    q: &ApplicationQuery,
    count: usize,
) -> Result<(), AppError> {
    let txn = Txn::with_outbox(state, origin).await?;
    txn.finish(
        AuditAction::ApplicationsExported,
        Target::Promotion(promotion_id),
        json!({ "format": kind, "filters": q.to_query(), "rows": count }),
    )
    .await?;
    Ok(())
}
