//! The WebAssembly boundary: a thin wrapper that turns JS values into core inputs and
//! the core's result into a JS object. No logic lives here.
//!
//! ```js
//! import init, { Matcher } from "./pkg/routewijzer.js";
//! await init();
//! const matcher = new Matcher(catalogJsonText);            // or a parsed object
//! const result = matcher.match(profile, "2026-11-23", "nl"); // same shape as the CLI's JSON
//! ```
//! Errors are thrown as JS `Error`s whose message names the JSON path; they also carry
//! `problems: [{path, message}]` and `document: "catalog" | "profile" | "options"`.

use crate::error::{Document, InputError};
use crate::{Date, Lang, MatchOptions};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A catalog, validated and indexed once; match as many profiles as you like.
#[wasm_bindgen]
pub struct Matcher {
    inner: crate::Matcher,
}

#[wasm_bindgen]
impl Matcher {
    /// Builds a matcher from catalog JSON text or an already-parsed object.
    #[wasm_bindgen(constructor)]
    pub fn new(catalog: JsValue) -> Result<Matcher, JsValue> {
        let inner = match catalog.as_string() {
            Some(text) => crate::Matcher::from_json(&text),
            None => serde_wasm_bindgen::from_value::<serde_json::Value>(catalog)
                .map_err(|e| InputError::one(Document::Catalog, "", format!("not a catalog object: {e}")))
                .and_then(|v| crate::parse::catalog_from_value(v).map(crate::Matcher::index_validated)),
        };
        inner.map(|inner| Matcher { inner }).map_err(|e| js_error(&e))
    }

    /// Matches a profile (a JS object or JSON text) on `today` (`YYYY-MM-DD`), in `lang`
    /// (`nl` or `en`, default `nl`), listing at most `limit` routes (default: all).
    #[wasm_bindgen(js_name = "match")]
    pub fn match_profile(&self, profile: JsValue, today: &str, lang: Option<String>, limit: Option<u32>) -> Result<JsValue, JsValue> {
        let today = Date::parse(today).map_err(|m| js_error(&InputError::one(Document::Options, "today", m)))?;
        let lang = match lang.as_deref() {
            None | Some("") | Some("nl") => Lang::Nl,
            Some("en") => Lang::En,
            Some(other) => {
                return Err(js_error(&InputError::one(Document::Options, "lang", format!("'{other}' is not nl or en"))))
            }
        };
        let value: serde_json::Value = match profile.as_string() {
            Some(text) => serde_json::from_str(&text)
                .map_err(|e| js_error(&InputError::one(Document::Profile, "", format!("not valid JSON: {e}"))))?,
            None => serde_wasm_bindgen::from_value(profile)
                .map_err(|e| js_error(&InputError::one(Document::Profile, "", format!("not a profile object: {e}"))))?,
        };
        let profile = crate::parse::profile_from_value(value).map_err(|e| js_error(&e))?;
        let mut options = MatchOptions::new(today);
        options.lang = lang;
        options.limit = limit.map(|l| l as usize);
        let result = self.inner.match_profile(&profile, &options);
        to_js(&result)
    }

    /// Name, version, generated date, region and attribution lines of the catalog.
    pub fn info(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.catalog().meta)
    }

    /// Places a person can choose (gemeenten and postcodes): `[{id, name, region}]`, by name.
    pub fn places(&self) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct P<'a> {
            id: &'a str,
            name: &'a str,
            region: Option<&'a str>,
        }
        let mut places: Vec<P> = self
            .inner
            .catalog()
            .places
            .iter()
            .map(|p| P { id: &p.id, name: &p.name, region: p.region.as_deref() })
            .collect();
        places.sort_by(|a, b| a.name.cmp(b.name).then(a.id.cmp(b.id)));
        to_js(&places)
    }
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    // Maps as plain objects, so the result looks exactly like the CLI's JSON.
    let s = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&s).map_err(|e| JsValue::from(js_sys::Error::new(&format!("cannot convert the result: {e}"))))
}

/// A JS `Error` with the readable message, plus `problems` and `document` properties.
fn js_error(e: &InputError) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let problems = serde_wasm_bindgen::to_value(&e.problems).unwrap_or(JsValue::NULL);
    let document = serde_wasm_bindgen::to_value(&e.document).unwrap_or(JsValue::NULL);
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("problems"), &problems);
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("document"), &document);
    JsValue::from(err)
}
