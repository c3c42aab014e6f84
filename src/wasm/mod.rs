//! The WebAssembly boundary: a thin wrapper that turns JS values into core inputs and
//! the core's result into a JS object. No logic lives here.
//!
//! ```js
//! import init, { Matcher } from "./pkg/routewijzer.js";
//! await init();
//! const matcher = new Matcher(catalogJsonText);              // or a parsed object
//! const result = matcher.match(profile, "2026-11-23", "nl"); // same shape as the CLI's JSON
//! ```
//! Errors are thrown as JS `Error`s whose message names the JSON path; they also carry
//! `problems: [{path, message}]` and `document: "catalog" | "profile" | "options"`.
//!
//! Values cross as JSON text (`JSON.stringify` / `JSON.parse`): the core then needs one
//! JSON reader ([`crate::json`], [`crate::decode`]) and one small writer
//! ([`crate::encode`]), which keeps the wasm small.

use crate::encode::{meta_fields, to_json, ToJson, Writer};
use crate::model::error::{Document, InputError};
use crate::model::Meta;
use crate::{Date, Lang, MatchOptions};
use wasm_bindgen::prelude::*;

/// TypeScript types for the JSON that crosses the boundary, appended to the generated
/// `routewijzer.d.ts` (and checked by `tests/types`).
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("wasm.d.ts");

/// A catalog, validated and indexed once; match as many profiles as you like.
#[wasm_bindgen]
pub struct Matcher {
    inner: crate::Matcher,
}

#[wasm_bindgen]
impl Matcher {
    /// Builds a matcher from catalog JSON text or an already-parsed object.
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "Catalog | string")] catalog: JsValue) -> Result<Matcher, JsValue> {
        let text = json_text(&catalog, Document::Catalog)?;
        crate::Matcher::from_json(&text).map(|inner| Matcher { inner }).map_err(|e| js_error(&e))
    }

    /// Matches a profile (a JS object or JSON text) on `today` (`YYYY-MM-DD`), in `lang`
    /// (`nl` or `en`, default `nl`), listing at most `limit` routes (default: all) and then
    /// ineligible ones until `closed` of those are listed. `counts` always covers all.
    #[wasm_bindgen(js_name = "match", unchecked_return_type = "MatchResult")]
    pub fn match_profile(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Profile | string")] profile: JsValue,
        today: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "Lang | null")] lang: Option<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "number | null")] limit: Option<u32>,
        #[wasm_bindgen(unchecked_optional_param_type = "number | null")] closed: Option<u32>,
    ) -> Result<JsValue, JsValue> {
        let today = Date::parse(today).map_err(|m| js_error(&InputError::one(Document::Options, "today", m)))?;
        let lang = match lang.as_deref() {
            None | Some("") | Some("nl") => Lang::Nl,
            Some("en") => Lang::En,
            Some(other) => {
                return Err(js_error(&InputError::one(Document::Options, "lang", format!("'{other}' is not nl or en"))))
            }
        };
        let text = json_text(&profile, Document::Profile)?;
        let profile = crate::model::parse::profile_from_str(&text).map_err(|e| js_error(&e))?;
        let mut options = MatchOptions::new(today);
        options.lang = lang;
        options.limit = limit.map(|l| l as usize);
        options.closed_limit = closed.map(|l| l as usize);
        to_js(&self.inner.match_profile(&profile, &options))
    }

    /// The catalog's `meta` (name, version, generated, region, attribution, notes) plus
    /// `offerings` (how many) and `fields` (the study fields of the relatedness table, for
    /// suggestions in the form).
    #[wasm_bindgen(unchecked_return_type = "CatalogInfo")]
    pub fn info(&self) -> Result<JsValue, JsValue> {
        let c = self.inner.catalog();
        let mut fields: Vec<&str> = c.relatedness.iter().map(|r| r.field.as_str()).collect();
        crate::index::sort_by(&mut fields, &mut |a, b| a.cmp(b));
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
        crate::index::sort_by(&mut places, &mut |a, b| a.name.cmp(b.name).then(a.id.cmp(b.id)));
        to_js(&places)
    }
}

/// `CatalogInfo` of `wasm.d.ts`: meta's fields, then `offerings` and `fields`.
struct Info<'a> {
    meta: &'a Meta,
    offerings: usize,
    fields: Vec<&'a str>,
}

impl ToJson for Info<'_> {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        meta_fields(self.meta, w);
        w.field("offerings", &self.offerings);
        w.field("fields", &self.fields);
        w.end_object();
    }
}

/// `PlaceOption` of `wasm.d.ts`.
struct PlaceOption<'a> {
    id: &'a str,
    name: &'a str,
    region: Option<&'a str>,
}

impl ToJson for PlaceOption<'_> {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.field("id", &self.id);
        w.field("name", &self.name);
        w.field("region", &self.region);
        w.end_object();
    }
}

/// JSON text of a JS value: strings are taken as JSON text, anything else is stringified.
fn json_text(value: &JsValue, document: Document) -> Result<String, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    if value.is_undefined() || value.is_null() {
        return Err(js_error(&InputError::one(document, "", "nothing was given (null or undefined)")));
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| js_error(&InputError::one(document, "", "cannot be written as JSON")))
}

fn to_js(value: &dyn ToJson) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&to_json(value))
}

/// A JS `Error` with the readable message, plus `problems` and `document` properties.
fn js_error(e: &InputError) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let problems = js_sys::JSON::parse(&to_json(&e.problems)).unwrap_or(JsValue::NULL);
    let document = JsValue::from_str(e.document.id());
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("problems"), &problems);
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("document"), &document);
    JsValue::from(err)
}
