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
    let value: Value = serde_json::from_str(text).map_err(|e| syntax(Document::Catalog, &e))?;
    catalog_from_value(value)
}

/// Same as [`catalog_from_str`] for an already-parsed JSON value.
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
    if problems.is_empty() {
        if let Err(p) = typed::<Catalog>(Value::Object(top), "") {
            problems.push(p);
        }
    }
    // Each element of each list on its own.
    for key in CATALOG_LISTS {
        if let Some(Value::Array(items)) = map.get(*key) {
            for (i, item) in items.iter().enumerate() {
                let prefix = format!("{key}[{i}]");
                let result = match *key {
                    "sources" => typed::<crate::model::Source>(item.clone(), &prefix).map(drop),
                    "rules" => typed::<crate::model::Rule>(item.clone(), &prefix).map(drop),
                    "route_kinds" => typed::<crate::model::RouteKindDef>(item.clone(), &prefix).map(drop),
                    "relatedness" => typed::<crate::model::Relatedness>(item.clone(), &prefix).map(drop),
                    "institutions" => typed::<crate::model::Institution>(item.clone(), &prefix).map(drop),
                    "offerings" => typed::<crate::model::Offering>(item.clone(), &prefix).map(drop),
                    "vacancies" => typed::<crate::model::Vacancy>(item.clone(), &prefix).map(drop),
                    "places" => typed::<crate::model::Place>(item.clone(), &prefix).map(drop),
                    _ => typed::<crate::model::Shortage>(item.clone(), &prefix).map(drop),
                };
                if let Err(p) = result {
                    problems.push(p);
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(InputError { document: Document::Catalog, problems });
    }
    let catalog: Catalog = typed(Value::Object(map), "").map_err(|p| InputError {
        document: Document::Catalog,
        problems: vec![p],
    })?;
    let problems = crate::validate::catalog(&catalog);
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(InputError { document: Document::Catalog, problems })
    }
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
