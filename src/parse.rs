//! Reading catalogs and profiles from JSON with errors that name the JSON path.
//!
//! A catalog is checked element by element, so one run reports every malformed
//! offering, vacancy or rule at once, followed by the semantic checks of
//! [`crate::validate`]. A profile reports its first structural problem, then all
//! semantic ones.

use crate::error::{Document, InputError, Problem};
use crate::model::{Catalog, Profile};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The catalog's list-valued fields, checked element by element.
const CATALOG_LISTS: &[&str] =
    &["sources", "rules", "route_kinds", "relatedness", "institutions", "offerings", "vacancies", "places", "shortages"];

/// Parses and validates a catalog, reporting every problem found.
pub fn catalog_from_str(text: &str) -> Result<Catalog, InputError> {
    // Fast path: a well-formed catalog is read in one typed pass. Only a malformed one
    // takes the slower element-by-element pass that collects every problem.
    if let Ok(catalog) = serde_json::from_str::<Catalog>(text) {
        let problems = crate::validate::catalog(&catalog);
        return if problems.is_empty() { Ok(catalog) } else { Err(InputError { document: Document::Catalog, problems }) };
    }
    let value: Value = serde_json::from_str(text).map_err(|e| syntax(Document::Catalog, &e))?;
    catalog_from_value(value)
}

/// Same as [`catalog_from_str`] for an already-parsed JSON value.
///
/// Every structural problem (wrong type, unknown id or field, missing field) is
/// reported, and the semantic checks of [`crate::validate`] still run on the elements
/// that were well-formed, so one run lists everything. A reference to an element that
/// was itself malformed is not reported twice.
pub fn catalog_from_value(value: Value) -> Result<Catalog, InputError> {
    let Value::Object(map) = value else {
        return Err(InputError::one(Document::Catalog, "", "a catalog must be a JSON object"));
    };
    let mut problems = Vec::new();
    // The top level with the lists emptied: missing or unknown keys, meta, weights.
    let mut top = map.clone();
    for key in CATALOG_LISTS {
        if let Some(list) = top.get_mut(*key) {
            match list {
                Value::Array(_) => *list = Value::Array(Vec::new()),
                _ => problems.push(Problem::new(*key, "must be a list")),
            }
        }
    }
    let mut partial: Option<Catalog> = if problems.is_empty() {
        typed::<Catalog>(Value::Object(top), "").map_err(|p| problems.push(p)).ok()
    } else {
        None
    };
    // Each element of each list on its own; the well-formed ones go into `partial`.
    let mut kept: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut broken_ids: Vec<String> = Vec::new();
    for key in CATALOG_LISTS {
        let Some(Value::Array(items)) = map.get(*key) else { continue };
        let mut indices = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let prefix = format!("{key}[{i}]");
            let ok = match (*key, partial.as_mut()) {
                ("sources", c) => keep(item, &prefix, c.map(|c| &mut c.sources)),
                ("rules", c) => keep(item, &prefix, c.map(|c| &mut c.rules)),
                ("route_kinds", c) => keep(item, &prefix, c.map(|c| &mut c.route_kinds)),
                ("relatedness", c) => keep(item, &prefix, c.map(|c| &mut c.relatedness)),
                ("institutions", c) => keep(item, &prefix, c.map(|c| &mut c.institutions)),
                ("offerings", c) => keep(item, &prefix, c.map(|c| &mut c.offerings)),
                ("vacancies", c) => keep(item, &prefix, c.map(|c| &mut c.vacancies)),
                ("places", c) => keep(item, &prefix, c.map(|c| &mut c.places)),
                (_, c) => keep(item, &prefix, c.map(|c| &mut c.shortages)),
            };
            match ok {
                Ok(()) => indices.push(i),
                Err(p) => {
                    problems.push(p);
                    if let Some(id) = item.get("id").or_else(|| item.get("kind")).and_then(Value::as_str) {
                        broken_ids.push(format!("'{id}'"));
                    }
                }
            }
        }
        kept.push((key, indices));
    }
    let Some(catalog) = partial else {
        return Err(InputError { document: Document::Catalog, problems });
    };
    let semantic = crate::validate::catalog(&catalog);
    if problems.is_empty() && semantic.is_empty() {
        return Ok(catalog);
    }
    for mut p in semantic {
        if broken_ids.iter().any(|id| p.message.contains(id.as_str())) {
            continue; // a reference to a malformed element, already reported
        }
        p.path = original_path(&p.path, &kept);
        problems.push(p);
    }
    Err(InputError { document: Document::Catalog, problems })
}

/// Parses one list element; on success appends it to `list` (when there is a catalog).
fn keep<T: DeserializeOwned>(item: &Value, prefix: &str, list: Option<&mut Vec<T>>) -> Result<(), Problem> {
    let v = typed::<T>(item.clone(), prefix)?;
    if let Some(list) = list {
        list.push(v);
    }
    Ok(())
}

/// Maps `offerings[2].x` in the partial catalog back to the index in the input.
fn original_path(path: &str, kept: &[(&str, Vec<usize>)]) -> String {
    for (key, indices) in kept {
        let Some(rest) = path.strip_prefix(key).and_then(|r| r.strip_prefix('[')) else { continue };
        let Some(close) = rest.find(']') else { continue };
        if let Some(orig) = rest[..close].parse::<usize>().ok().and_then(|i| indices.get(i)) {
            return format!("{key}[{orig}]{}", &rest[close + 1..]);
        }
    }
    path.to_string()
}

/// Parses and validates a profile.
pub fn profile_from_str(text: &str) -> Result<Profile, InputError> {
    let value: Value = serde_json::from_str(text).map_err(|e| syntax(Document::Profile, &e))?;
    profile_from_value(value)
}

/// Same as [`profile_from_str`] for an already-parsed JSON value.
pub fn profile_from_value(value: Value) -> Result<Profile, InputError> {
    if !value.is_object() {
        return Err(InputError::one(Document::Profile, "", "a profile must be a JSON object"));
    }
    let profile: Profile = typed(value, "").map_err(|p| InputError { document: Document::Profile, problems: vec![p] })?;
    let problems = crate::validate::profile(&profile);
    if problems.is_empty() {
        Ok(profile)
    } else {
        Err(InputError { document: Document::Profile, problems })
    }
}

fn syntax(document: Document, e: &serde_json::Error) -> InputError {
    let msg = e.to_string();
    // serde_json appends " at line L column C"; keep it, it is the location.
    InputError::one(document, "", format!("not valid JSON: {msg}"))
}

/// Deserialises `value` as `T`, turning the first error into a problem at its path.
fn typed<T: DeserializeOwned>(value: Value, prefix: &str) -> Result<T, Problem> {
    serde_path_to_error::deserialize::<_, T>(value).map_err(|e| {
        let inner = e.path().to_string();
        let path = match (prefix.is_empty(), inner == ".") {
            (true, true) => String::new(),
            (true, false) => inner,
            (false, true) => prefix.to_string(),
            (false, false) if inner.starts_with('[') => format!("{prefix}{inner}"),
            (false, false) => format!("{prefix}.{inner}"),
        };
        Problem::new(path, e.into_inner().to_string())
    })
}
