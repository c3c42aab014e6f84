//! Reading catalogs and profiles from JSON with errors that name the JSON path.
//!
//! A malformed catalog is read again element by element, so one run reports every
//! malformed offering, vacancy or rule at once, together with the semantic checks of
//! [`crate::validate`] on the well-formed rest. A profile reports its first structural
//! problem, then all semantic ones.
//!
//! Every typed read goes through one deserializer (serde_json's string reader), and
//! the JSON path of an error is found afterwards by [`crate::jsonpath`]: in the
//! browser build each extra deserializer would add a copy of every model type's
//! decoding code to the wasm.

use crate::error::{Document, InputError, Problem};
use crate::model::{Catalog, Profile};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// The catalog's list-valued fields, in the order a catalog file lists them.
pub const CATALOG_LISTS: &[&str] = &[
    "sources",
    "rules",
    "route_kinds",
    "relatedness",
    "institutions",
    "offerings",
    "vacancies",
    "places",
    "postcodes",
    "shortages",
    "figures",
];

/// Parses and validates a catalog, reporting every problem found.
pub fn catalog_from_str(text: &str) -> Result<Catalog, InputError> {
    // Fast path: a well-formed catalog is read in one typed pass. Only a malformed one
    // takes the slower element-by-element pass that collects every problem.
    if let Ok(catalog) = typed::<Catalog>(text, "") {
        let problems = crate::validate::catalog(&catalog);
        return if problems.is_empty() { Ok(catalog) } else { Err(InputError { document: Document::Catalog, problems }) };
    }
    collect_problems(text)
}

/// Reads a malformed catalog element by element.
///
/// Every structural problem (wrong type, unknown id or field, missing field) is
/// reported, and the semantic checks still run on the elements that were well-formed,
/// so one run lists everything. A reference to an element that was itself malformed is
/// not reported twice.
fn collect_problems(text: &str) -> Result<Catalog, InputError> {
    let top: BTreeMap<String, &RawValue> = match serde_json::from_str(text) {
        Ok(top) => top,
        Err(e) if e.is_syntax() || e.is_eof() => return Err(syntax(Document::Catalog, &e)),
        Err(_) => return Err(InputError::one(Document::Catalog, "", "a catalog must be a JSON object")),
    };
    let mut problems = Vec::new();
    // The top level with the lists emptied. A malformed or missing `meta` or `weights`
    // is reported and replaced by a stand-in, so the rest is still checked.
    let mut lists: BTreeMap<&str, Vec<&RawValue>> = BTreeMap::new();
    let mut meta = None;
    let mut weights = None;
    for (key, raw) in &top {
        match key.as_str() {
            "meta" => meta = typed::<crate::model::Meta>(raw.get(), "meta").map_err(|p| problems.push(p)).ok().map(|_| raw.get()),
            "weights" => {
                weights = typed::<crate::model::Weights>(raw.get(), "weights").map_err(|p| problems.push(p)).ok().map(|_| raw.get())
            }
            k => match CATALOG_LISTS.iter().find(|l| **l == k) {
                Some(l) => match serde_json::from_str::<Vec<&RawValue>>(raw.get()) {
                    Ok(items) => {
                        lists.insert(l, items);
                    }
                    Err(_) => problems.push(Problem::new(*l, "must be a list")),
                },
                None => problems.push(Problem::new(k, format!("unknown field `{k}`, expected one of `meta`, `weights`, `{}`", CATALOG_LISTS.join("`, `")))),
            },
        }
    }
    for required in ["meta", "rules", "route_kinds", "offerings", "weights"] {
        if !top.contains_key(required) {
            problems.push(Problem::new("", format!("missing field `{required}`")));
        }
    }
    const STAND_IN_META: &str = r#"{"name":"","version":"","generated":"1970-01-01","attribution":["-"]}"#;
    const STAND_IN_WEIGHTS: &str = r#"{"sector":100,"subject":0,"qualification":0,"hours":0,"earn_while_learning":0,"cost":0,"duration":0,"time_to_start":0,"travel":0,"shortage":0}"#;
    let skeleton = format!(
        r#"{{"meta":{},"weights":{},"rules":[],"route_kinds":[],"offerings":[]}}"#,
        meta.unwrap_or(STAND_IN_META),
        weights.unwrap_or(STAND_IN_WEIGHTS)
    );
    let mut partial: Option<Catalog> = typed::<Catalog>(&skeleton, "").ok();

    // Each element of each list on its own; the well-formed ones go into `partial`.
    let mut kept: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut broken_ids: Vec<String> = Vec::new();
    for (key, items) in &lists {
        let mut indices = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let prefix = format!("{key}[{i}]");
            let text = item.get();
            let ok = match (*key, partial.as_mut()) {
                ("sources", c) => keep(text, &prefix, c.map(|c| &mut c.sources)),
                ("rules", c) => keep(text, &prefix, c.map(|c| &mut c.rules)),
                ("route_kinds", c) => keep(text, &prefix, c.map(|c| &mut c.route_kinds)),
                ("relatedness", c) => keep(text, &prefix, c.map(|c| &mut c.relatedness)),
                ("institutions", c) => keep(text, &prefix, c.map(|c| &mut c.institutions)),
                ("offerings", c) => keep(text, &prefix, c.map(|c| &mut c.offerings)),
                ("vacancies", c) => keep(text, &prefix, c.map(|c| &mut c.vacancies)),
                ("places", c) => keep(text, &prefix, c.map(|c| &mut c.places)),
                ("postcodes", c) => keep(text, &prefix, c.map(|c| &mut c.postcodes)),
                ("figures", c) => keep(text, &prefix, c.map(|c| &mut c.figures)),
                (_, c) => keep(text, &prefix, c.map(|c| &mut c.shortages)),
            };
            match ok {
                Ok(()) => indices.push(i),
                Err(p) => {
                    problems.push(p);
                    if let Some(id) = id_of(text) {
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
    for mut p in crate::validate::catalog(&catalog) {
        if broken_ids.iter().any(|id| p.message.contains(id.as_str())) {
            continue; // a reference to a malformed element, already reported
        }
        p.path = original_path(&p.path, &kept);
        problems.push(p);
    }
    if problems.is_empty() {
        // Only reachable if the fast path failed for a reason this pass cannot see.
        return typed::<Catalog>(text, "").map_err(|p| InputError { document: Document::Catalog, problems: vec![p] });
    }
    Err(InputError { document: Document::Catalog, problems })
}

/// The `id` (or `kind`, for route kinds) of a list element, if it has one.
fn id_of(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Id {
        id: Option<String>,
        kind: Option<String>,
    }
    serde_json::from_str::<Id>(text).ok().and_then(|x| x.id.or(x.kind))
}

/// Parses one list element; on success appends it to `list` (when there is a catalog).
fn keep<T: DeserializeOwned>(text: &str, prefix: &str, list: Option<&mut Vec<T>>) -> Result<(), Problem> {
    let v = typed::<T>(text, prefix)?;
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
    let trimmed = text.trim_start();
    if !trimmed.is_empty() && !trimmed.starts_with('{') {
        // Valid JSON of the wrong shape, or not JSON at all.
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Ok(_) => InputError::one(Document::Profile, "", "a profile must be a JSON object"),
            Err(e) => syntax(Document::Profile, &e),
        });
    }
    let profile: Profile =
        typed(text, "").map_err(|p| InputError { document: Document::Profile, problems: vec![p] })?;
    let problems = crate::validate::profile(&profile);
    if problems.is_empty() {
        Ok(profile)
    } else {
        Err(InputError { document: Document::Profile, problems })
    }
}

fn syntax(document: Document, e: &serde_json::Error) -> InputError {
    // serde_json appends " at line L column C"; keep it, it is the location.
    InputError::one(document, "", format!("not valid JSON: {e}"))
}

/// Deserialises `text` as `T`, turning the first error into a problem at its JSON path.
fn typed<T: DeserializeOwned>(text: &str, prefix: &str) -> Result<T, Problem> {
    serde_json::from_str::<T>(text).map_err(|e| {
        let inner = crate::jsonpath::path_at(text, crate::jsonpath::offset_of(text, e.line(), e.column()));
        let path = match (prefix.is_empty(), inner.is_empty()) {
            (_, true) => prefix.to_string(),
            (true, false) => inner,
            (false, false) if inner.starts_with('[') => format!("{prefix}{inner}"),
            (false, false) => format!("{prefix}.{inner}"),
        };
        let message = e.to_string();
        let message = if e.is_syntax() || e.is_eof() {
            format!("not valid JSON: {message}")
        } else {
            // The path says where; drop serde_json's " at line L column C".
            match message.rfind(" at line ") {
                Some(i) => message[..i].to_string(),
                None => message,
            }
        };
        Problem::new(path, message)
    })
}
