//! The WebAssembly boundary: a thin wrapper that turns JS values into core inputs and
//! the core's result into a plain JS object. No logic lives here; this is the only
//! module that knows JS.
//!
//! ```js
//! import init, { Matcher } from "./pkg/routewijzer.js";
//! await init();
//! const matcher = new Matcher(catalog);                      // a parsed object, or JSON text
//! const result = matcher.match(profile, "2026-11-23", "nl"); // same shape as the CLI's JSON
//! ```
//! Objects cross with serde-wasm-bindgen (no JSON text in between); a catalog given as
//! JSON text (as fetched) is read with serde_json. Errors are thrown as JS `Error`s whose
//! message names the JSON path; they also carry `problems: [{path, message}]` and
//! `document: "catalog" | "profile" | "options"`.

use crate::model::error::{Document, InputError, Problem};
use crate::model::parse::{self, Node};
use crate::model::Meta;
use crate::{Date, Lang, MatchOptions};
use serde::Serialize;
use wasm_bindgen::prelude::*;

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
    /// Builds a matcher from a catalog object or catalog JSON text.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Catalog | string")] catalog: JsValue,
    ) -> Result<Matcher, JsValue> {
        let catalog = match catalog.as_string() {
            // JSON text (as fetched) is parsed by the JS engine into an object first: one
            // serde path into the wasm, not two (BENCHMARKS.md, "Catalog as text or object").
            Some(text) => {
                let object = js_sys::JSON::parse(&text).map_err(|e| {
                    let message = js_sys::Error::from(e).message().as_string().unwrap_or_default();
                    js_error(&InputError::one(Document::Catalog, "", format!("not valid JSON: {message}")))
                })?;
                catalog_from_object(&object)
            }
            None => {
                given(&catalog, Document::Catalog)?;
                catalog_from_object(&catalog)
            }
        };
        let catalog = catalog.map_err(|e| js_error(&e))?;
        crate::Matcher::new(catalog).map(|inner| Matcher { inner }).map_err(|e| js_error(&e))
    }

    /// Matches a profile (a JS object, or JSON text) on `today` (`YYYY-MM-DD`), in `lang`
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
        given(&profile, Document::Profile)?;
        let profile = match profile.as_string() {
            Some(text) => js_sys::JSON::parse(&text)
                .map_err(|_| js_error(&InputError::one(Document::Profile, "", "not valid JSON")))?,
            None => profile,
        };
        let profile = parse::profile_from(serde_wasm_bindgen::Deserializer::from(profile)).map_err(|e| js_error(&e))?;
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

/// Reads a catalog object: in one pass, or member by member to name every problem.
fn catalog_from_object(catalog: &JsValue) -> Result<crate::Catalog, InputError> {
    parse::catalog_from(serde_wasm_bindgen::Deserializer::from(catalog.clone()), || members(catalog))
}

/// A JS value of a catalog not decoded yet (see [`Node`]): decoded with
/// serde-wasm-bindgen, like the whole catalog on the fast path.
struct Js(JsValue);

impl Node for Js {
    fn decode<T: serde::de::DeserializeOwned>(self) -> Result<T, Problem> {
        serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(self.0))
            .map_err(|e| parse::path_problem(e.path(), &e.inner().to_string()))
    }

    fn elements(self) -> Option<Vec<Self>> {
        js_sys::Array::is_array(&self.0).then(|| js_sys::Array::from(&self.0).iter().map(Js).collect())
    }

    fn string_member(&self, key: &str) -> Option<String> {
        js_sys::Reflect::get(&self.0, &JsValue::from_str(key)).ok()?.as_string()
    }
}

/// The top-level members of a catalog object.
fn members(catalog: &JsValue) -> Result<Vec<(String, Js)>, Problem> {
    if !catalog.is_object() || js_sys::Array::is_array(catalog) {
        return Err(Problem::new("", "a catalog must be a JSON object"));
    }
    let entries = js_sys::Object::entries(catalog.unchecked_ref());
    Ok(entries
        .iter()
        .map(|entry| {
            let pair = js_sys::Array::from(&entry);
            (pair.get(0).as_string().unwrap_or_default(), Js(pair.get(1)))
        })
        .collect())
}

/// Rejects `null` and `undefined` with a problem at the document itself.
fn given(value: &JsValue, document: Document) -> Result<(), JsValue> {
    if value.is_undefined() || value.is_null() {
        return Err(js_error(&InputError::one(document, "", "nothing was given (null or undefined)")));
    }
    Ok(())
}

/// A plain JS object (maps as objects, `None` as `null`), the shape `JSON.parse` of the
/// CLI's output would give.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(JsValue::from)
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
