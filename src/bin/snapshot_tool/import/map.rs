//! `--map MAP.toml`: which header holds which field, for exports whose headers are not the
//! known ones, and optionally the date format.
//!
//! ```toml
//! [columns]
//! title = "Nội dung công việc"
//! unit = "Cơ quan chủ trì"
//! due = "Hạn hoàn thành"
//! [dates]
//! format = "dd/mm/yyyy"   # optional
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::tasks::Field;
use super::DateFormat;
use crate::read;

/// The fields a map may name, as its keys.
pub const KEYS: [(&str, Field); 8] = [
    ("id", Field::Id),
    ("number", Field::Number),
    ("title", Field::Title),
    ("unit", Field::Unit),
    ("document", Field::Document),
    ("assigned", Field::Assigned),
    ("due", Field::Due),
    ("completed", Field::Completed),
];

pub struct Map {
    /// The map file, as named on the command line.
    pub file: String,
    /// (key, field, header) in the order of KEYS.
    pub columns: Vec<(&'static str, Field, String)>,
    pub dates: Option<DateFormat>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MapFile {
    columns: BTreeMap<String, String>,
    dates: Option<Dates>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Dates {
    format: Option<String>,
}

pub fn read_map(path: &Path) -> Result<Map, String> {
    let file = path.display().to_string();
    let bytes = read(path)?;
    let text = std::str::from_utf8(&bytes).map_err(|_| format!("{file}: expected UTF-8 text"))?;
    let parsed: MapFile = toml::from_str(text).map_err(|e| {
        format!(
            "{file}: expected a map ([columns] field = \"header\", optional [dates] format): {}",
            e.to_string().trim_end()
        )
    })?;
    let keys = || KEYS.map(|(k, _)| k).join(", ");
    for (key, header) in &parsed.columns {
        if !KEYS.iter().any(|(k, _)| k == key) {
            return Err(format!(
                "{file}: [columns] {key}: expected one of the keys {}",
                keys()
            ));
        }
        if header.trim().is_empty() {
            return Err(format!(
                "{file}: [columns] {key}: expected a header, found \"\""
            ));
        }
    }
    let columns = KEYS
        .iter()
        .filter_map(|(key, field)| {
            parsed
                .columns
                .get(*key)
                .map(|h| (*key, *field, h.trim().to_owned()))
        })
        .collect();
    let dates = match parsed.dates.and_then(|d| d.format) {
        Some(format) => Some(DateFormat::parse(&format).ok_or_else(|| {
            format!(
                "{file}: [dates] format: expected dd, mm and yyyy in some order with one \
                 separator (dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd, dd.mm.yyyy), found {format:?}"
            )
        })?),
        None => None,
    };
    Ok(Map {
        file,
        columns,
        dates,
    })
}
