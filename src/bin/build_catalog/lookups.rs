//! The widget's lookup tables, beside the catalogs: `www/data/places.json` (every gemeente
//! and four-digit postcode with its point, and the other names people type for a gemeente,
//! from `place_aliases.json`), so the place field knows the whole country whatever shard
//! the widget uses; and `www/data/fields.json` (the study fields of
//! `study_fields.json`, checked against the relatedness table). Compact: one array per
//! row, coordinates as read (rounded to 4 decimals), sorted.

use crate::inputs::Inputs;
use crate::Res;
use routewijzer::model::Attribution;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasFile {
    #[allow(dead_code)]
    about: String,
    aliases: Vec<(String, String)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldsFile {
    #[allow(dead_code)]
    about: String,
    unrelated: Vec<String>,
    fields: Vec<FieldEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldEntry {
    id: String,
    nl: String,
    en: String,
    synonyms: Vec<String>,
}

/// Lower case, accents and punctuation dropped: how the widget compares names.
pub fn fold(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(|c| c.to_lowercase()).map(routewijzer::import::base_letter) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') && c != '\'' {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

fn rows(out: &mut String, key: &str, rows: &[Value], last: bool) -> Res<()> {
    write!(out, "\"{key}\":[").expect("string");
    for (i, r) in rows.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&serde_json::to_string(r).map_err(|e| e.to_string())?);
    }
    out.push_str(if last { "\n]\n" } else { "\n],\n" });
    Ok(())
}

fn places(inputs: &Inputs, data: &Path) -> Res<String> {
    let text =
        std::fs::read_to_string(data.join("place_aliases.json")).map_err(|e| format!("place_aliases.json: {e}"))?;
    let file: AliasFile = serde_json::from_str(&text).map_err(|e| format!("place_aliases.json: {e}"))?;
    let mut names: BTreeMap<String, &str> = inputs.gemeenten.iter().map(|g| (fold(&g.name), g.code.as_str())).collect();
    let mut aliases = Vec::new();
    for (i, (code, name)) in file.aliases.iter().enumerate() {
        if inputs.gemeente(code).is_none() {
            return Err(format!("place_aliases.json: aliases[{i}]: '{code}' is not a gemeente"));
        }
        if let Some(other) = names.insert(fold(name), code) {
            return Err(format!("place_aliases.json: aliases[{i}]: '{name}' already names {other}"));
        }
        aliases.push(json!([code, name]));
    }
    aliases.sort_by_key(|a| a.to_string());
    let attribution: Vec<&Attribution> = inputs
        .facts
        .attribution
        .iter()
        .filter(|l| l.texts().any(|(_, t)| t.contains("CBS") || t.contains("GeoNames")))
        .collect();
    let mut out = String::from("{\n");
    write!(
        out,
        "\"about\":{},\n\"generated\":\"{}\",\n\"attribution\":{},\n",
        json!("Every gemeente [code, name, lat, lon], other names of a gemeente [code, name], and every four-digit postcode [pc4, lat, lon, gemeente code], for the widget's place search. Built from data/ by build-catalog."),
        inputs.settings.generated,
        serde_json::to_string(&attribution).map_err(|e| e.to_string())?
    )
    .expect("string");
    let gm: Vec<Value> = inputs.gemeenten.iter().map(|g| json!([g.code, g.name, g.lat, g.lon])).collect();
    rows(&mut out, "gemeenten", &gm, false)?;
    rows(&mut out, "aliases", &aliases, false)?;
    let pc: Vec<Value> = inputs.postcodes.iter().map(|p| json!([p.0, p.1, p.2, p.3])).collect();
    rows(&mut out, "postcodes", &pc, true)?;
    out.push_str("}\n");
    Ok(out)
}

fn fields(inputs: &Inputs, data: &Path) -> Res<String> {
    let text =
        std::fs::read_to_string(data.join("study_fields.json")).map_err(|e| format!("study_fields.json: {e}"))?;
    let file: FieldsFile = serde_json::from_str(&text).map_err(|e| format!("study_fields.json: {e}"))?;
    let related: BTreeSet<&str> = inputs.rules.relatedness.iter().map(|r| r.field.as_str()).collect();
    let unrelated: BTreeSet<&str> = file.unrelated.iter().map(String::as_str).collect();
    if let Some(x) = unrelated.iter().find(|x| related.contains(*x)) {
        return Err(format!("study_fields.json: '{x}' is listed as unrelated but is in the relatedness table"));
    }
    let mut ids = BTreeSet::new();
    let mut names: BTreeMap<String, &str> = BTreeMap::new();
    let mut out_rows = Vec::new();
    for (i, f) in file.fields.iter().enumerate() {
        let path = format!("study_fields.json: fields[{i}] ('{}')", f.id);
        let rel = related.contains(f.id.as_str());
        if !rel && !unrelated.contains(f.id.as_str()) {
            return Err(format!("{path}: not a field of the relatedness table and not listed in `unrelated`"));
        }
        if !ids.insert(f.id.as_str()) {
            return Err(format!("{path}: given twice"));
        }
        if [&f.nl, &f.en].into_iter().chain(&f.synonyms).any(|s| s.trim().is_empty()) {
            return Err(format!("{path}: an empty name"));
        }
        for s in [&f.nl, &f.en].into_iter().chain(&f.synonyms) {
            if let Some(other) = names.insert(fold(s), &f.id) {
                if other != f.id {
                    return Err(format!("{path}: '{s}' also names '{other}'"));
                }
            }
        }
        let mut row = vec![json!(f.id), json!(f.nl), json!(f.en), json!(u8::from(rel))];
        row.extend(f.synonyms.iter().map(|s| json!(s)));
        out_rows.push(Value::Array(row));
    }
    for r in &related {
        if !ids.contains(r) {
            return Err(format!("study_fields.json: relatedness field '{r}' has no entry"));
        }
    }
    for u in &unrelated {
        if !ids.contains(u) {
            return Err(format!("study_fields.json: unrelated id '{u}' has no entry"));
        }
    }
    out_rows.sort_by(|a, b| a[0].as_str().cmp(&b[0].as_str()));
    let mut out = String::from("{\n");
    write!(
        out,
        "\"about\":{},\n\"generated\":\"{}\",\n",
        json!("Study fields [id, Dutch name, English name, 1 if in the relatedness table else 0, synonyms...], for the widget's study-field search. Built from data/study_fields.json by build-catalog."),
        inputs.settings.generated
    )
    .expect("string");
    rows(&mut out, "fields", &out_rows, true)?;
    out.push_str("}\n");
    Ok(out)
}

/// Writes both tables; returns the report lines.
pub fn write_all(inputs: &Inputs, data: &Path, out: &Path) -> Res<String> {
    let mut report = String::new();
    for (file, text) in [("places.json", places(inputs, data)?), ("fields.json", fields(inputs, data)?)] {
        let path = out.join("www/data").join(file);
        std::fs::write(&path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        writeln!(report, "www/data/{file}: {} bytes", text.len()).expect("string");
    }
    Ok(report)
}
