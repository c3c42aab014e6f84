//! Reading catalogs and profiles with serde, with errors that name the JSON path.
//!
//! A document is first decoded in one pass with [`serde_path_to_error`] (the fast path:
//! a valid document is read once). When that pass fails, a catalog is read again member
//! by member and list element by list element ([`Node`]), so one run reports every
//! malformed offering, vacancy or rule at once, together with the semantic checks of
//! [`crate::model::validate`] on the well-formed rest. A profile reports its first
//! structural problem, then all semantic ones.
//!
//! JSON text is read with serde_json, its elements again as raw JSON text, so both passes
//! use one deserializer type. The wasm boundary reads JS objects into a JSON value first
//! ([`json_value`]) and writes that as text, so everything is read the same way. Limits
//! ([`crate::model::limits`]) are checked before the work they bound.

use crate::model::error::{Document, InputError, Problem};
use crate::model::limits;
use crate::model::{Catalog, Meta, Overlay, OverlayMeta, Profile, Weights};
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;

/// A value of a document not decoded yet: a top-level member of a catalog, or an
/// element of one of its lists.
pub trait Node: Sized {
    /// Decodes the value; a problem's path is relative to this value.
    fn decode<T: DeserializeOwned>(self) -> Result<T, Problem>;
    /// The elements, when the value is a list.
    fn elements(self) -> Option<Vec<Self>>;
    /// The string member `key` of an object (an element's `id` or `kind`).
    fn string_member(&self, key: &str) -> Option<String>;
}

impl Node for &RawValue {
    fn decode<T: DeserializeOwned>(self) -> Result<T, Problem> {
        serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(self.get()))
            .map_err(|e| path_problem(e.path(), &e.inner().to_string()))
    }

    fn elements(self) -> Option<Vec<Self>> {
        serde_json::from_str(self.get()).ok()
    }

    fn string_member(&self, key: &str) -> Option<String> {
        /// What names an element; every other member is skipped.
        #[derive(Deserialize)]
        struct Named {
            id: Option<String>,
            kind: Option<String>,
        }
        let named: Named = serde_json::from_str(self.get()).ok()?;
        if key == "kind" {
            named.kind
        } else {
            named.id
        }
    }
}

/// The members of a JSON object in document order, values as raw JSON text.
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Members<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members<'de>, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry()? {
                    members.push(member);
                }
                Ok(Members(members))
            }
        }
        d.deserialize_map(V)
    }
}

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
    "activities",
];

/// Parses and validates a catalog from JSON text, reporting every problem found.
pub fn catalog_from_str(text: &str) -> Result<Catalog, InputError> {
    let syntax = |e: serde_json::Error| InputError { document: Document::Catalog, problems: vec![json_problem(&e)] };
    limits::size(text.len(), limits::MAX_CATALOG_BYTES, "catalog")
        .map_err(|p| InputError { document: Document::Catalog, problems: vec![p] })?;
    // serde would read a struct from an array of its fields in order; documents are objects.
    if text.trim_start().starts_with('[') {
        return Err(InputError::one(Document::Catalog, "", "a catalog must be a JSON object"));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let catalog = catalog_from(&mut de, || members(text, "a catalog must be a JSON object"))?;
    de.end().map_err(syntax)?;
    Ok(catalog)
}

/// Parses and validates a catalog from any serde deserializer. `members` splits the
/// same document into its top-level members; it is called only when the document has
/// problems, to find all of them.
pub fn catalog_from<'de, D: Deserializer<'de>, N: Node>(
    de: D,
    members: impl FnOnce() -> Result<Vec<(String, N)>, Problem>,
) -> Result<Catalog, InputError> {
    let fail = |problems| InputError { document: Document::Catalog, problems: limits::bound(problems) };
    let first = match serde_path_to_error::deserialize::<_, Catalog>(de) {
        Ok(catalog) => {
            let mut problems = limits::catalog(&catalog);
            if problems.is_empty() {
                problems = crate::model::validate::catalog(&catalog);
            }
            return if problems.is_empty() { Ok(catalog) } else { Err(fail(problems)) };
        }
        Err(e) => path_problem(e.path(), &e.inner().to_string()),
    };
    let members = members().map_err(|p| fail(vec![p]))?;
    Err(fail(with_first(catalog_problems(members), first)))
}

/// The top-level members of the JSON object `text`; `not_object` when it is another JSON
/// value. Shared by the catalog and the overlay reader.
fn members<'a>(text: &'a str, not_object: &str) -> Result<Vec<(String, &'a RawValue)>, Problem> {
    match serde_json::from_str::<Members>(text) {
        Ok(m) => Ok(m.0),
        Err(e) if e.is_data() => Err(Problem::new("", not_object)),
        Err(e) => Err(json_problem(&e)),
    }
}

/// The member-by-member `problems` with the one-pass error `first`: it may be one the
/// member-by-member pass cannot see (a key given twice), so it is kept, first, unless
/// that element is reported already.
fn with_first(mut problems: Vec<Problem>, first: Problem) -> Vec<Problem> {
    let element = first.path.split_inclusive(']').next().unwrap_or_default();
    if !problems.iter().any(|p| p.path == first.path || (element.ends_with(']') && p.path.starts_with(element))) {
        problems.insert(0, first);
    }
    problems
}

/// Every problem of a catalog document, element by element.
fn catalog_problems<N: Node>(members: Vec<(String, N)>) -> Vec<Problem> {
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
            contact: None,
            overlay: None,
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
        activities: vec![],
    };
    // For each list: the input indices of the elements kept, to map paths back.
    let mut kept: Vec<(&str, Vec<usize>)> = Vec::new();
    // Ids of malformed elements: a semantic problem naming one is a consequence.
    let mut broken: HashSet<String> = HashSet::new();
    for required in ["meta", "rules", "route_kinds", "offerings", "weights"] {
        if !members.iter().any(|(k, _)| k == required) {
            problems.push(Problem::new("", format!("missing field `{required}`")));
        }
    }
    // Lists that could not be read at all: references into them are not checked.
    let mut whole_list_failed = false;
    let mut seen: HashSet<String> = HashSet::new();
    for (key, value) in members {
        if !seen.insert(key.clone()) {
            continue; // a key given twice: the one-pass error names it
        }
        match key.as_str() {
            "meta" => match decode::<Meta, N>(value, "meta") {
                Ok(m) => catalog.meta = m,
                Err(p) => problems.push(p),
            },
            "weights" => match decode::<Weights, N>(value, "weights") {
                Ok(w) => catalog.weights = w,
                Err(p) => problems.push(p),
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
                let Some(items) = value.elements() else {
                    problems.push(Problem::new(list, "must be a list"));
                    whole_list_failed = true;
                    continue;
                };
                if items.len() > limits::list_limit(list) {
                    let max = limits::list_limit(list);
                    problems.push(Problem::new(list, format!("{} elements; the limit is {max}", items.len())));
                    whole_list_failed = true;
                    continue;
                }
                let c = &mut catalog;
                let mut indices = Vec::new();
                for (i, item) in items.into_iter().enumerate() {
                    // Route kinds are named by `kind`, everything else by `id`.
                    let id = item.string_member(if list == "route_kinds" { "kind" } else { "id" });
                    let at = format!("{list}[{i}]");
                    let ok = match list {
                        "sources" => keep(item, &at, &mut c.sources),
                        "rules" => keep(item, &at, &mut c.rules),
                        "route_kinds" => keep(item, &at, &mut c.route_kinds),
                        "relatedness" => keep(item, &at, &mut c.relatedness),
                        "institutions" => keep(item, &at, &mut c.institutions),
                        "offerings" => keep(item, &at, &mut c.offerings),
                        "vacancies" => keep(item, &at, &mut c.vacancies),
                        "places" => keep(item, &at, &mut c.places),
                        "postcodes" => keep(item, &at, &mut c.postcodes),
                        "figures" => keep(item, &at, &mut c.figures),
                        "activities" => keep(item, &at, &mut c.activities),
                        _ => keep(item, &at, &mut c.shortages),
                    };
                    match ok {
                        Ok(()) => indices.push(i),
                        Err(p) => {
                            problems.push(p);
                            broken.extend(id);
                        }
                    }
                }
                kept.push((list, indices));
            }
        }
    }
    // The rest is validated only within the limits, so that work stays bounded too, and
    // only when every list could be read (else every reference into one would be reported).
    let over = limits::catalog(&catalog);
    if !over.is_empty() || whole_list_failed {
        problems.extend(over);
        return problems;
    }
    for mut p in crate::model::validate::catalog(&catalog) {
        if quoted(&p.message).any(|id| broken.contains(id)) {
            continue; // a reference to a malformed element, already reported
        }
        p.path = original_path(&p.path, &kept);
        problems.push(p);
    }
    problems
}

/// The `'quoted'` parts of a message (validation quotes the ids it names).
fn quoted(message: &str) -> impl Iterator<Item = &str> {
    message.split('\'').skip(1).step_by(2)
}

/// Decodes one value, its problems prefixed with `at` (and without a position, which
/// would count within the element, not the document).
fn decode<T: DeserializeOwned, N: Node>(value: N, at: &str) -> Result<T, Problem> {
    value.decode().map_err(|mut p| {
        p.path = join(at, &p.path);
        if let Some(i) = p.message.rfind(" at line ") {
            p.message.truncate(i);
        }
        p
    })
}

/// Decodes one list element; on success appends it to `list`.
fn keep<T: DeserializeOwned, N: Node>(item: N, at: &str, list: &mut Vec<T>) -> Result<(), Problem> {
    list.push(decode(item, at)?);
    Ok(())
}

fn join(at: &str, path: &str) -> String {
    match path {
        "" => at.to_string(),
        p if p.starts_with('[') => format!("{at}{p}"),
        p => format!("{at}.{p}"),
    }
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

/// The overlay's list-valued fields, in the order an overlay file lists them.
pub const OVERLAY_LISTS: &[&str] = &["institutions", "offerings", "intakes", "vacancies", "activities"];

/// Parses an overlay from JSON text, read like a catalog (the same size and list limits,
/// every malformed element reported), and checks it on its own
/// ([`crate::model::validate::overlay`]); what it names in a catalog is checked by
/// [`Catalog::merge`]. Problem paths start with `overlay.`.
pub fn overlay_from_str(text: &str) -> Result<Overlay, InputError> {
    let fail = |problems| InputError { document: Document::Overlay, problems: limits::bound(problems) };
    let at = |mut p: Problem| {
        p.path = join("overlay", &p.path);
        p
    };
    limits::size(text.len(), limits::MAX_CATALOG_BYTES, "overlay").map_err(|p| fail(vec![at(p)]))?;
    if text.trim_start().starts_with('[') {
        return Err(fail(vec![Problem::new("overlay", "an overlay must be a JSON object")]));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let first = match serde_path_to_error::deserialize::<_, Overlay>(&mut de) {
        Ok(overlay) => {
            de.end().map_err(|e| fail(vec![at(json_problem(&e))]))?;
            let mut problems = limits::overlay(&overlay);
            if problems.is_empty() {
                problems = crate::model::validate::overlay(&overlay);
            }
            return if problems.is_empty() { Ok(overlay) } else { Err(fail(problems)) };
        }
        Err(e) => at(path_problem(e.path(), &e.inner().to_string())),
    };
    let members = members(text, "an overlay must be a JSON object").map_err(|p| fail(vec![at(p)]))?;
    Err(fail(with_first(overlay_problems(members), first)))
}

/// Every structural problem of an overlay document, member by member and element by
/// element (paths start with `overlay.`).
fn overlay_problems(members: Vec<(String, &RawValue)>) -> Vec<Problem> {
    let mut problems = Vec::new();
    if !members.iter().any(|(k, _)| k == "meta") {
        problems.push(Problem::new("overlay", "missing field `meta`"));
    }
    let mut seen: HashSet<String> = HashSet::new();
    for (key, value) in members {
        if !seen.insert(key.clone()) {
            continue; // a key given twice: the one-pass error names it
        }
        let at = format!("overlay.{key}");
        if key == "meta" {
            if let Err(p) = decode::<OverlayMeta, _>(value, &at) {
                problems.push(p);
            }
            continue;
        }
        if !OVERLAY_LISTS.contains(&key.as_str()) {
            problems.push(Problem::new(
                at,
                format!("unknown field `{key}`, expected one of `meta`, `{}`", OVERLAY_LISTS.join("`, `")),
            ));
            continue;
        }
        let Some(items) = value.elements() else {
            problems.push(Problem::new(at, "must be a list"));
            continue;
        };
        let max = limits::list_limit(if key == "intakes" { "offerings" } else { &key });
        if items.len() > max {
            problems.push(Problem::new(at, format!("{} elements; the limit is {max}", items.len())));
            continue;
        }
        for (i, item) in items.into_iter().enumerate() {
            let at = format!("{at}[{i}]");
            let result = match key.as_str() {
                "institutions" => decode::<crate::model::Institution, _>(item, &at).map(drop),
                "offerings" => decode::<crate::model::Offering, _>(item, &at).map(drop),
                "intakes" => decode::<crate::model::OfferingIntakes, _>(item, &at).map(drop),
                "vacancies" => decode::<crate::model::Vacancy, _>(item, &at).map(drop),
                _ => decode::<crate::model::Activity, _>(item, &at).map(drop),
            };
            problems.extend(result.err());
        }
    }
    problems
}

/// Parses and validates a profile from JSON text.
pub fn profile_from_str(text: &str) -> Result<Profile, InputError> {
    limits::size(text.len(), limits::MAX_PROFILE_BYTES, "profile")
        .map_err(|p| InputError { document: Document::Profile, problems: vec![p] })?;
    if text.trim_start().starts_with('[') {
        return Err(InputError::one(Document::Profile, "", "a profile must be a JSON object"));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let profile = profile_from(&mut de)?;
    de.end().map_err(|e| InputError { document: Document::Profile, problems: vec![json_problem(&e)] })?;
    Ok(profile)
}

/// Parses and validates a profile from any serde deserializer.
pub fn profile_from<'de, D: Deserializer<'de>>(de: D) -> Result<Profile, InputError> {
    let fail = |problems| InputError { document: Document::Profile, problems: limits::bound(problems) };
    let profile: Profile =
        serde_path_to_error::deserialize(de).map_err(|e| fail(vec![path_problem(e.path(), &e.inner().to_string())]))?;
    let mut problems = limits::profile(&profile);
    if problems.is_empty() {
        problems = crate::model::validate::profile(&profile);
    }
    if problems.is_empty() {
        Ok(profile)
    } else {
        Err(fail(problems))
    }
}

/// A problem at a serde path (`.` for the document itself becomes an empty path). A
/// position suffix (" at line 1 column 46") is dropped where a path says where: the
/// caller may never have written the text it counts in (a JS object). A profile that
/// is not an object gets one plain sentence.
pub fn path_problem(path: &serde_path_to_error::Path, message: &str) -> Problem {
    let path = path.to_string();
    // `.` is the document itself; `?` marks a place serde_path_to_error cannot name (a
    // syntax error in a key), where the position says more.
    let path = if path == "." || path.split('.').any(|s| s == "?") { String::new() } else { path };
    let bare = match message.rfind(" at line ") {
        Some(i) if !path.is_empty() => &message[..i],
        _ => message,
    };
    if path.is_empty() && bare.starts_with("invalid type:") && bare.contains("expected struct Profile") {
        return Problem::new(path, "a profile must be a JSON object");
    }
    Problem::new(path, bare)
}

/// A syntax error in JSON text: the message with line and column.
fn json_problem(e: &serde_json::Error) -> Problem {
    Problem::new("", e.to_string())
}

/// A JSON value read from any serde deserializer (a JS object through
/// serde-wasm-bindgen, JSON text through serde_json): every member is kept (so the typed
/// decoding that follows sees unknown fields), a key given twice is refused, numbers must
/// be finite, and nesting deeper than [`limits::MAX_JSON_DEPTH`] is refused before it is
/// recursed into. A problem names the path of the bad value.
pub fn json_value<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Value, Problem> {
    let failure = RefCell::new(None);
    let read = Nested { depth: 0, failure: &failure }.deserialize(de);
    match (read, failure.into_inner()) {
        (Ok(v), _) => Ok(v),
        (Err(_), Some(Failure { path, message })) => {
            let path: Vec<String> = path.into_iter().rev().collect();
            let mut joined = String::new();
            for segment in path {
                if !joined.is_empty() && !segment.starts_with('[') {
                    joined.push('.');
                }
                joined.push_str(&segment);
            }
            Err(Problem::new(joined, message))
        }
        (Err(e), None) => Err(Problem::new("", e.to_string())),
    }
}

/// Where [`json_value`] failed: the path, innermost segment first, and what was wrong.
struct Failure {
    path: Vec<String>,
    message: String,
}

/// Builds a JSON value at nesting `depth`; a failure is recorded with its path, which
/// grows as the error bubbles up (the deserializer's own error text is not relied on).
struct Nested<'a> {
    depth: usize,
    failure: &'a RefCell<Option<Failure>>,
}

impl Nested<'_> {
    fn fail<E: de::Error>(&self, message: String) -> E {
        *self.failure.borrow_mut() = Some(Failure { path: Vec::new(), message: message.clone() });
        E::custom(message)
    }

    fn deeper<E: de::Error>(&self) -> Result<usize, E> {
        if self.depth >= limits::MAX_JSON_DEPTH {
            return Err(self.fail(format!("nested more than {} deep", limits::MAX_JSON_DEPTH)));
        }
        Ok(self.depth + 1)
    }

    /// Adds `segment` to the path of a failure from inside it (the deserializer's own
    /// errors, such as a JS function where a value should be, start their path here).
    fn within<E: de::Error>(&self, segment: impl FnOnce() -> String, e: E) -> E {
        let mut failure = self.failure.borrow_mut();
        let f = failure.get_or_insert_with(|| {
            let text = e.to_string();
            Failure { path: Vec::new(), message: text.strip_prefix("Error: ").unwrap_or(&text).to_string() }
        });
        f.path.push(segment());
        e
    }
}

impl<'de> DeserializeSeed<'de> for Nested<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Nested<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        match serde_json::Number::from_f64(v) {
            Some(n) => Ok(Value::Number(n)),
            None => Err(self.fail(format!("{v} is not a number JSON can hold"))),
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let depth = self.deeper()?;
        let mut items = Vec::new();
        loop {
            let inner = Nested { depth, failure: self.failure };
            match seq.next_element_seed(inner) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => return Ok(Value::Array(items)),
                Err(e) => return Err(self.within(|| format!("[{}]", items.len()), e)),
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let depth = self.deeper()?;
        let mut members = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let inner = Nested { depth, failure: self.failure };
            let value = map.next_value_seed(inner).map_err(|e| self.within(|| key.clone(), e))?;
            if members.contains_key(&key) {
                // Named at the object holding the key, as serde_json's typed reading does.
                return Err(self.fail(format!("duplicate field `{key}`")));
            }
            members.insert(key, value);
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_and_map_back() {
        assert_eq!(join("offerings[3]", "intakes[0].start_date"), "offerings[3].intakes[0].start_date");
        assert_eq!(join("postcodes[2]", "[1]"), "postcodes[2][1]");
        assert_eq!(join("meta", ""), "meta");
        let kept = vec![("offerings", vec![0, 2, 5])];
        assert_eq!(original_path("offerings[2].kind", &kept), "offerings[5].kind");
        assert_eq!(original_path("rules[1]", &kept), "rules[1]");
    }

    #[test]
    fn quoted_ids_are_found() {
        let ids: Vec<&str> = quoted("unknown rule 'r1' in kind 'pabo'").collect();
        assert_eq!(ids, ["r1", "pabo"]);
    }
}
