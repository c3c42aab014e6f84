//! The WebAssembly boundary: a thin wrapper that turns JS values into core inputs and
//! the core's result into a plain JS object. No logic lives here; this is the only
//! module that knows JS.
//!
//! ```js
//! import init, { Matcher } from "./pkg/routewijzer.js";
//! await init();
//! const matcher = new Matcher(catalog);                      // a parsed object, or JSON text
//! const merged = new Matcher(catalog, overlay);              // with a loket's overlay
//! const result = matcher.match(profile, "2026-11-23", "nl"); // same shape as the CLI's JSON
//! ```
//! Inputs are read into a JSON value first (objects with serde-wasm-bindgen, keeping
//! every key and refusing non-finite numbers and nesting deeper than 128; JSON text, as
//! fetched, with serde_json), then decoded and validated like the CLI's input
//! ([`crate::model::parse`]). Results go out as plain objects (`match`, written as JSON
//! text and read by `JSON.parse`) or as that JSON text (`matchJson`).
//! Errors are thrown as JS `Error`s whose message names the JSON path; they also carry
//! `problems: [{path, message}]` and `document: "catalog" | "profile" | "options" | "overlay"`.

use crate::model::error::{Document, InputError, Problem};
use crate::model::Meta;
use crate::model::{limits, parse};
use crate::{Date, Lang, MatchOptions};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// TypeScript types for the values that cross the boundary, appended to the generated
/// `routewijzer.d.ts` (and checked by `tests/types`): those of the core's serde types,
/// generated from their JSON Schemas by `scripts/gen-types.mjs`, and the boundary's own.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("types.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const TS_BOUNDARY_TYPES: &'static str = include_str!("wasm.d.ts");

/// A catalog, validated and indexed once; match as many profiles as you like.
#[wasm_bindgen]
pub struct Matcher {
    inner: crate::Matcher,
}

#[wasm_bindgen]
impl Matcher {
    /// Builds a matcher from a catalog object or catalog JSON text, with a loket's overlay
    /// (an object or JSON text, read exactly like the catalog) laid over it when given.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Catalog | string")] catalog: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Overlay | string | null")] overlay: JsValue,
    ) -> Result<Matcher, JsValue> {
        let catalog = read(catalog, Document::Catalog, parse::catalog_from_str)?;
        if overlay.is_undefined() || overlay.is_null() {
            return Ok(Matcher { inner: crate::Matcher::from_validated(catalog) });
        }
        let overlay = read(overlay, Document::Overlay, parse::overlay_from_str)?;
        // Neither is kept: the merge moves the overlay's elements into the catalog.
        let merged = catalog.merged(overlay).map_err(|e| js_error(&e))?;
        Ok(Matcher { inner: crate::Matcher::from_validated(merged) })
    }

    /// Matches a profile (a JS object, or JSON text) on `today` (`YYYY-MM-DD`), in `lang`
    /// (`nl` or `en`, default `nl`), listing at most `limit` routes (default: all) and then
    /// ineligible ones until `closed` of those are listed; with `view.per_kind`, the best
    /// of each route kind instead; `view.filter` leaves routes out of every list and count
    /// (`counts.hidden` says how many).
    #[wasm_bindgen(js_name = "match", unchecked_return_type = "MatchResult")]
    pub fn match_profile(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Profile | string")] profile: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] today: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Lang | null")] lang: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number | null")] limit: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number | null")] closed: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "MatchView | null")] view: JsValue,
    ) -> Result<JsValue, JsValue> {
        to_js(&self.matched(profile, today, lang, limit, closed, view)?)
    }

    /// `match`, its result as JSON text (what `JSON.parse` turns into `match`'s object).
    /// For a caller that sends the result on, such as js/worker.js to the page: a string
    /// crosses `postMessage` as one copy, where an object is cloned key by key on both sides.
    #[wasm_bindgen(js_name = "matchJson")]
    pub fn match_json(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Profile | string")] profile: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] today: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Lang | null")] lang: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number | null")] limit: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number | null")] closed: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "MatchView | null")] view: JsValue,
    ) -> Result<String, JsValue> {
        let result = self.matched(profile, today, lang, limit, closed, view)?;
        serde_json::to_string(&result).map_err(|e| JsValue::from_str(&e.to_string()))
    }
}

impl Matcher {
    /// The arguments of `match` read and checked, and the match run.
    fn matched(
        &self,
        profile: JsValue,
        today: JsValue,
        lang: JsValue,
        limit: JsValue,
        closed: JsValue,
        view: JsValue,
    ) -> Result<crate::MatchResult, JsValue> {
        let option = |path: &str, message: String| js_error(&InputError::one(Document::Options, path, message));
        let today = today
            .as_string()
            .ok_or_else(|| "must be a date string of the form YYYY-MM-DD".to_string())
            .and_then(|t| Date::parse(&t))
            .map_err(|m| option("today", m))?;
        let lang = match lang.as_string().as_deref() {
            _ if lang.is_undefined() || lang.is_null() => Lang::Nl,
            Some("") | Some("nl") => Lang::Nl,
            Some("en") => Lang::En,
            Some(other) => return Err(option("lang", format!("'{other}' is not nl or en"))),
            None => return Err(option("lang", "must be the string nl or en".into())),
        };
        let limit = count(&limit).map_err(|m| option("limit", m))?;
        let closed = count(&closed).map_err(|m| option("closed", m))?;
        // What the candidate chose to see: `{per_kind, sort, filter: {max_km, start_before,
        // paid, part_time}, outside}`, read like a profile (every key checked).
        let view: View = if view.is_undefined() || view.is_null() {
            View::default()
        } else {
            let bad = |p: Problem| {
                let path = if p.path.is_empty() { "view".to_string() } else { format!("view.{}", p.path) };
                option(&path, p.message)
            };
            shape(&view, limits::MAX_PROFILE_BYTES).map_err(bad)?;
            let text = object_text(view).map_err(bad)?;
            let mut de = serde_json::Deserializer::from_str(&text);
            serde_path_to_error::deserialize(&mut de).map_err(|e| {
                let path = e.path().to_string();
                let message = e.into_inner().to_string();
                let message = message.rfind(" at line ").map_or(message.clone(), |i| message[..i].to_string());
                option(&format!("view.{path}"), message)
            })?
        };
        given(&profile, Document::Profile)?;
        let fail = |problem: Problem| {
            js_error(&InputError { document: Document::Profile, problems: limits::bound(vec![problem]) })
        };
        let profile = match profile.as_string() {
            Some(text) => parse::profile_from_str(&text),
            None => {
                // Measured in JS before anything is copied into the module's memory.
                shape(&profile, limits::MAX_PROFILE_BYTES).map_err(fail)?;
                let text = object_text(profile).map_err(fail)?;
                parse::profile_from_str(&text).map_err(unplaced)
            }
        };
        let profile = profile.map_err(|e| js_error(&e))?;
        let mut options = MatchOptions::new(today);
        options.lang = lang;
        options.limit = limit;
        options.closed_limit = closed;
        options.per_kind = view.per_kind;
        options.order = view.sort.unwrap_or_default();
        options.filter = view.filter;
        options.outside = view.outside.unwrap_or(true);
        Ok(self.inner.match_profile(&profile, &options))
    }
}

#[wasm_bindgen]
impl Matcher {
    /// The catalog's `meta` (name, version, generated, region, attribution, notes, contact,
    /// overlay) plus
    /// `offerings` (how many) and `fields` (the study fields of the relatedness table, for
    /// suggestions in the form).
    #[wasm_bindgen(unchecked_return_type = "CatalogInfo")]
    pub fn info(&self) -> Result<JsValue, JsValue> {
        let c = self.inner.catalog();
        let mut fields: Vec<&str> = c.relatedness.iter().map(|r| r.field.as_str()).collect();
        fields.sort_unstable();
        fields.dedup();
        to_js(&Info { meta: &c.meta, offerings: c.offerings.len(), fields })
    }

    /// Places a person can choose (gemeenten and postcodes): `[{id, name, region}]`, by name.
    #[wasm_bindgen(unchecked_return_type = "PlaceOption[]")]
    pub fn places(&self) -> Result<JsValue, JsValue> {
        let mut places: Vec<PlaceOption> = self
            .inner
            .catalog()
            .places
            .iter()
            .map(|p| PlaceOption { id: &p.id, name: &p.name, region: p.region.as_deref() })
            .collect();
        places.sort_by(|a, b| a.name.cmp(b.name).then(a.id.cmp(b.id)));
        to_js(&places)
    }
}

/// A catalog or an overlay: JSON text (as fetched) read exactly as the CLI reads a file,
/// or an object measured in JS before anything is copied into the module's memory, then
/// read as text. A problem of the overlay's own shape is named under `overlay`.
fn read<T>(value: JsValue, document: Document, from_str: fn(&str) -> Result<T, InputError>) -> Result<T, JsValue> {
    let fail = |mut problem: Problem| {
        if document == Document::Overlay {
            problem.path = if problem.path.is_empty() { "overlay".into() } else { format!("overlay.{}", problem.path) };
        }
        js_error(&InputError { document, problems: limits::bound(vec![problem]) })
    };
    let read = match value.as_string() {
        Some(text) => from_str(&text),
        None => {
            given(&value, document)?;
            shape(&value, limits::MAX_CATALOG_BYTES).map_err(fail)?;
            let text = object_text(value).map_err(fail)?;
            from_str(&text).map_err(unplaced)
        }
    };
    read.map_err(|e| js_error(&e))
}

/// `CatalogInfo` of `wasm.d.ts`: meta's fields, then `offerings` and `fields`.
#[derive(Serialize)]
struct Info<'a> {
    #[serde(flatten)]
    meta: &'a Meta,
    offerings: usize,
    fields: Vec<&'a str>,
}

/// `PlaceOption` of `wasm.d.ts`.
#[derive(Serialize)]
struct PlaceOption<'a> {
    id: &'a str,
    name: &'a str,
    region: Option<&'a str>,
}

/// A JS object as JSON text, so that it is read exactly as text is (one set of decoders
/// in the module, unknown fields and duplicates refused alike). It is first read with
/// serde-wasm-bindgen into a JSON value ([`parse::json_value`]: every key kept, numbers
/// finite, nesting at most 128 deep, the path of a bad value named); no JS
/// `JSON.stringify`, whose `NaN` becomes `null`.
/// How the caller wants the result cut: the best `per_kind` routes of each kind (the
/// others in `sort` order), and the candidate's filters.
#[derive(Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct View {
    #[serde(default)]
    per_kind: Option<usize>,
    #[serde(default)]
    sort: Option<crate::engine::options::Order>,
    #[serde(default)]
    filter: crate::engine::options::Filter,
    /// The kinds outside the person's choices in full (default true): `MatchOptions::outside`.
    #[serde(default)]
    outside: Option<bool>,
}

fn object_text(value: JsValue) -> Result<String, Problem> {
    let value = parse::json_value(serde_wasm_bindgen::Deserializer::from(value))?;
    serde_json::to_string(&value).map_err(|e| Problem::new("", e.to_string()))
}

/// Problems of text the caller never wrote (an object written as text here) without the
/// line and column in that text.
fn unplaced(mut e: InputError) -> InputError {
    for p in &mut e.problems {
        if let Some(i) = p.message.rfind(" at line ") {
            p.message.truncate(i);
        }
    }
    e
}

/// Walks a JS value without copying it into the module: its nesting against
/// [`crate::model::limits::MAX_JSON_DEPTH`], and the characters of its strings and keys
/// (and one per value) against `max`; a problem names the path where it stopped.
fn shape(value: &JsValue, max: usize) -> Result<(), Problem> {
    /// Where a walk failed: the path, innermost segment first, and what was wrong.
    type Failed = (Vec<String>, String);
    fn spend(budget: &mut usize, n: usize, max: usize) -> Result<(), Failed> {
        *budget = budget.checked_sub(n).ok_or_else(|| {
            (Vec::new(), format!("larger than its size limit: the limit is {max} bytes ({} KiB)", max >> 10))
        })?;
        Ok(())
    }
    fn within(segment: impl FnOnce() -> String) -> impl FnOnce(Failed) -> Failed {
        move |(mut path, message)| {
            path.push(segment());
            (path, message)
        }
    }
    // Nesting counted as `parse::json_value` counts it, so both name the same place.
    fn walk(value: &JsValue, depth: usize, budget: &mut usize, max: usize) -> Result<(), Failed> {
        if let Some(s) = value.dyn_ref::<js_sys::JsString>() {
            return spend(budget, s.length() as usize, max);
        }
        let container = js_sys::Array::is_array(value) || value.is_object();
        if container && depth >= limits::MAX_JSON_DEPTH {
            return Err((Vec::new(), format!("nested more than {} deep", limits::MAX_JSON_DEPTH)));
        }
        if js_sys::Array::is_array(value) {
            for (i, item) in js_sys::Array::from(value).iter().enumerate() {
                spend(budget, 1, max)?;
                walk(&item, depth + 1, budget, max).map_err(within(|| format!("[{i}]")))?;
            }
        } else if let Some(map) = value.dyn_ref::<js_sys::Map>() {
            let mut result = Ok(());
            map.for_each(&mut |v, k| {
                if result.is_ok() {
                    let key = k.as_string().unwrap_or_default();
                    result = spend(budget, key.len() + 1, max)
                        .and_then(|()| walk(&v, depth + 1, budget, max).map_err(within(|| key)));
                }
            });
            result?;
        } else if value.is_object() {
            for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
                let pair = js_sys::Array::from(&entry);
                let key = pair.get(0).as_string().unwrap_or_default();
                spend(budget, key.len() + 1, max)?;
                walk(&pair.get(1), depth + 1, budget, max).map_err(within(|| key))?;
            }
        } else {
            spend(budget, 1, max)?;
        }
        Ok(())
    }
    walk(value, 0, &mut { max }, max).map_err(|(path, message)| {
        // Too large is said of the whole document; too deep, of the place it happens.
        let path = if message.starts_with("larger") { Vec::new() } else { path };
        let mut joined = String::new();
        for segment in path.into_iter().rev() {
            if !joined.is_empty() && !segment.starts_with('[') {
                joined.push('.');
            }
            joined.push_str(&segment);
        }
        Problem::new(joined, message)
    })
}

/// `limit` and `closed`: absent, or a whole number from 0 up.
fn count(value: &JsValue) -> Result<Option<usize>, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => Ok(Some(n as usize)),
        _ => Err("must be a whole number from 0 up, or left out".into()),
    }
}

/// Rejects `null` and `undefined` with a problem at the document itself.
fn given(value: &JsValue, document: Document) -> Result<(), JsValue> {
    if value.is_undefined() || value.is_null() {
        return Err(js_error(&InputError::one(document, "", "nothing was given (null or undefined)")));
    }
    Ok(())
}

/// A plain JS object (maps as objects, `None` as `null`), the shape `JSON.parse` of the
/// CLI's output would give: written as JSON text and read by `JSON.parse` (as fast as
/// serde-wasm-bindgen's objects, with less code in the module; BENCHMARKS.md).
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&text)
}

/// A JS `Error` with the readable message, plus `problems` and `document` properties.
fn js_error(e: &InputError) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let problems = to_js(&e.problems).unwrap_or(JsValue::NULL);
    let document = JsValue::from_str(e.document.id());
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("problems"), &problems);
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("document"), &document);
    JsValue::from(err)
}
