//! Reading catalogs and profiles from JSON with errors that name the JSON path.
//!
//! The text is read once into a [`Value`] tree ([`crate::json`]) and decoded by hand
//! ([`crate::decode`]). A catalog is decoded list element by list element, so one run
//! reports every malformed offering, vacancy or rule at once, together with the semantic
//! checks of [`crate::model::validate`] on the well-formed rest. A profile reports its first
//! structural problem, then all semantic ones.

use crate::decode::{within, FromJson};
use crate::model::error::{Document, InputError, Problem};
use crate::json::Value;
use crate::model::{Catalog, Meta, Profile, Weights};

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
    let fail = |problems| InputError {
        document: Document::Catalog,
        problems,
    };
    let top = crate::decode::value(text).map_err(|p| fail(vec![p]))?;
    let Value::Obj(members) = &top else {
        return Err(fail(vec![Problem::new(
            "",
            "a catalog must be a JSON object",
        )]));
    };
    let mut problems = Vec::new();
    // A malformed or missing `meta` or `weights` is reported and replaced by a stand-in,
    // so the rest is still checked.
    let mut catalog = Catalog {
        meta: Meta {
            name: String::new(),
            version: String::new(),
            generated: crate::Date::from_days(0),
            attribution: vec!["-".into()],
            region: None,
            notes: vec![],
        },
        sources: vec![],
        rules: vec![],
        route_kinds: vec![],
        relatedness: vec![],
        institutions: vec![],
        offerings: vec![],
        vacancies: vec![],
        places: vec![],
        postcodes: vec![],
        shortages: vec![],
        figures: vec![],
        weights: Weights {
            sector: 100,
            subject: 0,
            qualification: 0,
            hours: 0,
            earn_while_learning: 0,
            cost: 0,
            duration: 0,
            time_to_start: 0,
            travel: 0,
            shortage: 0,
        },
    };
    // For each list: the input indices of the elements kept, to map paths back.
    let mut kept: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut broken_ids: Vec<String> = Vec::new();
    for (i, (key, value)) in members.iter().enumerate() {
        // (Only known names are checked for repeats; unknown ones are reported below.)
        let known = *key == "meta" || *key == "weights" || CATALOG_LISTS.contains(&&**key);
        if known && members[..i].iter().any(|(k, _)| k == key) {
            problems.push(Problem::new(
                key.clone(),
                format!("duplicate field `{key}`"),
            ));
            continue;
        }
        match &**key {
            "meta" => match Meta::from_json(value) {
                Ok(m) => catalog.meta = m,
                Err(p) => problems.push(within(p, "meta")),
            },
            "weights" => match Weights::from_json(value) {
                Ok(w) => catalog.weights = w,
                Err(p) => problems.push(within(p, "weights")),
            },
            k => {
                let Some(list) = CATALOG_LISTS.iter().copied().find(|l| *l == k) else {
                    problems.push(Problem::new(
                        k,
                        format!(
                            "unknown field `{k}`, expected one of `meta`, `weights`, `{}`",
                            CATALOG_LISTS.join("`, `")
                        ),
                    ));
                    continue;
                };
                let Value::Arr(items) = value else {
                    problems.push(Problem::new(list, "must be a list"));
                    continue;
                };
                let c = &mut catalog;
                let mut indices = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let ok = match list {
                        "sources" => keep(item, &mut c.sources),
                        "rules" => keep(item, &mut c.rules),
                        "route_kinds" => keep(item, &mut c.route_kinds),
                        "relatedness" => keep(item, &mut c.relatedness),
                        "institutions" => keep(item, &mut c.institutions),
                        "offerings" => keep(item, &mut c.offerings),
                        "vacancies" => keep(item, &mut c.vacancies),
                        "places" => keep(item, &mut c.places),
                        "postcodes" => keep(item, &mut c.postcodes),
                        "figures" => keep(item, &mut c.figures),
                        _ => keep(item, &mut c.shortages),
                    };
                    match ok {
                        Ok(()) => indices.push(i),
                        Err(p) => {
                            problems.push(within(p, &format!("{list}[{i}]")));
                            // Route kinds are named by `kind`, everything else by `id`.
                            let name = if list == "route_kinds" { "kind" } else { "id" };
                            if let Some(id) = item.get(name).and_then(Value::as_str) {
                                broken_ids.push(format!("'{id}'"));
                            }
                        }
                    }
                }
                kept.push((list, indices));
            }
        }
    }
    for required in ["meta", "rules", "route_kinds", "offerings", "weights"] {
        if !members.iter().any(|(k, _)| k == required) {
            problems.push(Problem::new("", format!("missing field `{required}`")));
        }
    }
    for mut p in crate::model::validate::catalog(&catalog) {
        // (A byte-window search: `str::contains` would add the substring searcher to the wasm.)
        if broken_ids.iter().any(|id| p.message.as_bytes().windows(id.len()).any(|w| w == id.as_bytes())) {
            continue; // a reference to a malformed element, already reported
        }
        p.path = original_path(&p.path, &kept);
        problems.push(p);
    }
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(fail(problems))
    }
}

/// Decodes one list element; on success appends it to `list`.
fn keep<T: FromJson>(item: &Value, list: &mut Vec<T>) -> Result<(), Problem> {
    list.push(T::from_json(item)?);
    Ok(())
}

/// Maps `offerings[2].x` in the catalog of kept elements back to the index in the input.
fn original_path(path: &str, kept: &[(&str, Vec<usize>)]) -> String {
    for (key, indices) in kept {
        let Some(rest) = path.strip_prefix(key).and_then(|r| r.strip_prefix('[')) else {
            continue;
        };
        let Some((index, tail)) = rest.split_once(']') else {
            continue;
        };
        if let Some(orig) = index.parse::<usize>().ok().and_then(|i| indices.get(i)) {
            return format!("{key}[{orig}]{tail}");
        }
    }
    path.to_string()
}

/// Parses and validates a profile.
pub fn profile_from_str(text: &str) -> Result<Profile, InputError> {
    let fail = |problems| InputError {
        document: Document::Profile,
        problems,
    };
    let v = crate::decode::value(text).map_err(|p| fail(vec![p]))?;
    if !matches!(v, Value::Obj(_)) {
        return Err(fail(vec![Problem::new(
            "",
            "a profile must be a JSON object",
        )]));
    }
    let profile = Profile::from_json(&v).map_err(|p| fail(vec![p]))?;
    let problems = crate::model::validate::profile(&profile);
    if problems.is_empty() {
        Ok(profile)
    } else {
        Err(fail(problems))
    }
}
