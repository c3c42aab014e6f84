//! The wasm API, tested in node and in headless Chromium (wasm-bindgen-test):
//! catalog and profile in as JSON text or JS objects, the result out as a plain JS
//! object with the CLI's shape, and bad input thrown as JS `Error`s naming the field.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, JSON};
use routewijzer::wasm::Matcher;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

const CATALOG: &str = include_str!("fixtures/sample-catalog.json");
const PROFILE: &str = include_str!("fixtures/profiles/januari-baanaanbod.json");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn matcher() -> Matcher {
    Matcher::new(JsValue::from_str(CATALOG), JsValue::UNDEFINED).unwrap()
}

#[wasm_bindgen_test]
fn profile_object_round_trips_to_the_cli_result_shape() {
    let m = matcher();
    let profile = JSON::parse(PROFILE).unwrap();
    let result =
        m.match_profile(profile, "2026-11-23".into(), "en".into(), 5.into(), 3.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&result, "today").as_string().unwrap(), "2026-11-23");
    assert_eq!(get(&result, "lang").as_string().unwrap(), "en");
    let routes: Array = get(&result, "routes").dyn_into().unwrap();
    // The best 5, then closed routes until 3 closed ones are listed.
    assert_eq!(routes.length(), 8);
    let closed = routes.iter().filter(|r| get(r, "eligibility").as_string().unwrap() == "ineligible").count();
    assert_eq!(closed, 3);
    let counts = get(&result, "counts");
    let total: f64 = ["eligible", "conditional", "ineligible"].iter().map(|k| get(&counts, k).as_f64().unwrap()).sum();
    assert_eq!(total, 51.0, "counts cover every offering");
    let first = routes.get(0);
    assert_eq!(get(&first, "kind").as_string().unwrap(), "zij-instroom-vo-tweedegraads");
    assert_eq!(get(&first, "rank").as_f64().unwrap(), 1.0);
    for key in ["offering", "eligibility", "score", "factors", "blockers", "conditions", "next_intake"] {
        assert!(Reflect::has(&first, &JsValue::from_str(key)).unwrap(), "{key}");
    }
    // Message params are plain objects, as in the CLI's JSON.
    let pathways: Array = get(&result, "pathways").dyn_into().unwrap();
    let flagged = pathways.iter().find(|p| get(p, "own_job").as_bool() == Some(true)).unwrap();
    let flag = Array::from(&get(&flagged, "flags"))
        .iter()
        .find(|f| get(f, "id").as_string().as_deref() == Some("flag.teaching-before-training"))
        .unwrap();
    assert_eq!(get(&get(&flag, "params"), "days").as_string().unwrap(), "240");
    assert!(get(&flag, "text").as_string().unwrap().contains("240 days before"));
}

#[wasm_bindgen_test]
fn json_text_and_object_inputs_give_the_same_result() {
    let m = matcher();
    let a = call(&m, JsValue::from_str(PROFILE), "2026-11-23".into(), JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
    let b = in_dutch(&m, JSON::parse(PROFILE).unwrap()).unwrap();
    assert_eq!(JSON::stringify(&a).unwrap(), JSON::stringify(&b).unwrap());
    let from_object = Matcher::new(JSON::parse(CATALOG).unwrap(), JsValue::UNDEFINED).unwrap();
    let c = call(&from_object, JsValue::from_str(PROFILE), "2026-11-23".into(), JsValue::UNDEFINED, JsValue::UNDEFINED)
        .unwrap();
    assert_eq!(JSON::stringify(&a).unwrap(), JSON::stringify(&c).unwrap());
}

#[wasm_bindgen_test]
fn match_json_is_the_text_of_match_and_fails_the_same_way() {
    let m = matcher();
    let view =
        JSON::parse(r#"{"per_kind":3,"filter":{"max_km":null,"start_before":null,"paid":true,"part_time":false}}"#)
            .unwrap();
    let args = || (JsValue::from_str(PROFILE), JsValue::from_str("2026-11-23"), JsValue::from_str("en"), view.clone());
    let (p, t, l, v) = args();
    let object = m.match_profile(p, t, l, JsValue::UNDEFINED, JsValue::UNDEFINED, v).unwrap();
    let (p, t, l, v) = args();
    let text = m.match_json(p, t, l, JsValue::UNDEFINED, JsValue::UNDEFINED, v).unwrap();
    assert!(text.starts_with('{') && text.contains("\"lang\":\"en\""), "{}", &text[..text.len().min(200)]);
    assert_eq!(JSON::stringify(&JSON::parse(&text).unwrap()).unwrap(), JSON::stringify(&object).unwrap());
    // Bad input: the same Error, naming the field.
    let bad = JSON::parse(r#"{"diplomas":[{"level":"hbo-bachlor"}]}"#).unwrap();
    let e = m.match_json(
        bad,
        "2026-11-23".into(),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    );
    let (message, path, document) = js_error(e.err().unwrap());
    assert_eq!((path.as_str(), document.as_str()), ("diplomas[0].level", "profile"));
    assert!(message.contains("hbo-bachlor"), "{message}");
}

fn js_error(e: JsValue) -> (String, String, String) {
    let err: js_sys::Error = e.dyn_into().expect("a JS Error");
    let problems = Array::from(&get(&err, "problems"));
    let first = problems.get(0);
    (String::from(err.message()), get(&first, "path").as_string().unwrap(), get(&err, "document").as_string().unwrap())
}

#[wasm_bindgen_test]
fn bad_profiles_throw_errors_that_name_the_field() {
    let m = matcher();
    let bad = JSON::parse(r#"{"diplomas":[{"level":"hbo-bachlor"}]}"#).unwrap();
    let (message, path, document) =
        js_error(call(&m, bad, "2026-11-23".into(), JsValue::UNDEFINED, JsValue::UNDEFINED).err().unwrap());
    assert_eq!(path, "diplomas[0].level");
    assert_eq!(document, "profile");
    assert!(message.contains("hbo-bachlor"), "{message}");

    let (_, path, document) = js_error(
        call(&m, JsValue::from_str("{}"), "23-11-2026".into(), JsValue::UNDEFINED, JsValue::UNDEFINED).err().unwrap(),
    );
    assert_eq!((path.as_str(), document.as_str()), ("today", "options"));
    let (_, path, _) = js_error(
        m.match_profile(
            JsValue::from_str("{}"),
            "2026-11-23".into(),
            "de".into(),
            JsValue::UNDEFINED,
            JsValue::UNDEFINED,
            JsValue::UNDEFINED,
        )
        .err()
        .unwrap(),
    );
    assert_eq!(path, "lang");
    let (message, _, _) = js_error(
        call(&m, JsValue::UNDEFINED, "2026-11-23".into(), JsValue::UNDEFINED, JsValue::UNDEFINED).err().unwrap(),
    );
    assert!(message.contains("nothing was given"), "{message}");
}

#[wasm_bindgen_test]
fn bad_catalogs_throw_with_every_problem() {
    let broken = CATALOG.replacen("\"kind\": \"pabo-voltijd\"", "\"kind\": \"pabo-nachtschool\"", 1).replacen(
        "\"GM0363\"",
        "\"GM9999\"",
        1,
    );
    let err = Matcher::new(JsValue::from_str(&broken), JsValue::UNDEFINED).err().unwrap();
    let (message, _, document) = js_error(err.clone());
    assert_eq!(document, "catalog");
    assert!(message.contains("pabo-nachtschool"), "{message}");
    let problems = Array::from(&get(&err, "problems"));
    assert!(problems.length() >= 1);
}

#[wasm_bindgen_test]
fn info_and_places_for_the_form() {
    let m = matcher();
    let info = m.info().unwrap();
    assert!(get(&info, "name").as_string().unwrap().contains("voorbeeldcatalogus"));
    assert!(Array::from(&get(&info, "attribution")).length() >= 3);
    assert_eq!(get(&info, "offerings").as_f64().unwrap(), 51.0);
    assert!(Array::from(&get(&info, "fields")).iter().any(|f| f.as_string().unwrap() == "werktuigbouwkunde"));
    let places = Array::from(&m.places().unwrap());
    let names: Vec<String> = places.iter().map(|p| get(&p, "name").as_string().unwrap()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert!(places.iter().any(|p| get(&p, "id").as_string().unwrap() == "GM0344"));
}

#[wasm_bindgen_test]
fn result_is_the_cli_golden_json() {
    let golden = include_str!("golden/januari-baanaanbod.json");
    let result = matcher()
        .match_profile(
            JsValue::from_str(PROFILE),
            "2026-11-23".into(),
            "nl".into(),
            6.into(),
            JsValue::UNDEFINED,
            JsValue::UNDEFINED,
        )
        .unwrap();
    assert_eq!(JSON::stringify(&result).unwrap(), JSON::stringify(&JSON::parse(golden).unwrap()).unwrap());
}

#[wasm_bindgen_test]
fn info_and_places_have_the_declared_shape() {
    let m = matcher();
    let keys = |v: &JsValue| -> Vec<String> {
        js_sys::Object::keys::<JsValue>(v.unchecked_ref()).iter().map(|k| k.as_string().unwrap()).collect()
    };
    let info = m.info().unwrap();
    assert_eq!(
        keys(&info),
        ["name", "version", "generated", "attribution", "region", "notes", "contact", "overlay", "offerings", "fields"]
    );
    assert!(get(&info, "region").is_null() || get(&info, "region").is_string());
    let places = Array::from(&m.places().unwrap());
    assert_eq!(keys(&places.get(0)), ["id", "name", "region"]);
}

/// The standard allocator reuses freed blocks: after a
/// warm-up, hundreds more matches (one per keystroke in the widget) do not grow memory.
#[wasm_bindgen_test]
fn repeated_matches_do_not_grow_memory() {
    let m = matcher();
    let bytes = memory_bytes;
    let profiles = [
        PROFILE,
        r#"{"diplomas":[{"level":"havo"}],"sectors":["po"],"location":{"postcode":"3511"}}"#,
        r#"{"diplomas":[{"level":"wo-master","field":"wiskunde"}],"sectors":["vo"],"subjects":["wiskunde"],"job":{"sector":"vo","role":"leraar","hours_per_week":16}}"#,
        r#"{}"#,
    ];
    let run = |n: usize| {
        for i in 0..n {
            let r = call(
                &m,
                JsValue::from_str(profiles[i % profiles.len()]),
                "2026-11-23".into(),
                JsValue::UNDEFINED,
                JsValue::UNDEFINED,
            )
            .unwrap();
            assert!(Array::from(&get(&r, "routes")).length() > 0);
        }
    };
    run(40);
    let warm = bytes();
    run(400);
    assert_eq!(bytes(), warm, "memory grew from {warm} bytes while matching");
}

/// The size of the module's memory.
fn memory_bytes() -> f64 {
    get(&get(&wasm_bindgen::memory(), "buffer"), "byteLength").as_f64().unwrap()
}

/// Calls `match` with raw JS arguments.
fn call(m: &Matcher, profile: JsValue, today: JsValue, limit: JsValue, closed: JsValue) -> Result<JsValue, JsValue> {
    m.match_profile(profile, today, JsValue::UNDEFINED, limit, closed, JsValue::UNDEFINED)
}

/// A match on 2026-11-23 with `lang` given as "nl" (the other options left out).
fn in_dutch(m: &Matcher, profile: JsValue) -> Result<JsValue, JsValue> {
    m.match_profile(
        profile,
        "2026-11-23".into(),
        "nl".into(),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
}

#[wasm_bindgen_test]
fn a_view_gives_one_route_per_kind_and_filters_with_a_count_and_bad_views_are_named() {
    let m = matcher();
    let with_view = |view: &str| {
        let view = JSON::parse(view).unwrap();
        let u = || JsValue::UNDEFINED;
        m.match_profile(JsValue::from_str(PROFILE), "2026-11-23".into(), "nl".into(), u(), u(), view)
    };
    let r = with_view(r#"{"per_kind": 3, "filter": {"paid": true}}"#).unwrap();
    let routes: Array = get(&r, "routes").dyn_into().unwrap();
    let kinds: Array = get(&r, "kinds").dyn_into().unwrap();
    assert_eq!(routes.length(), kinds.length(), "the best route of each kind, in full");
    assert!(routes.iter().all(|x| get(&x, "paid_while_learning").as_bool() == Some(true)));
    assert!(get(&get(&r, "counts"), "hidden").as_f64().unwrap() > 0.0, "unpaid routes are counted as hidden");
    assert!(kinds.iter().all(|k| Array::from(&get(&k, "others")).length() <= 2));
    // Without the kinds outside the person's choices in full: those keep their card's
    // summary, not their best route nor their places.
    let brief = with_view(r#"{"per_kind": 3, "filter": {"paid": true}, "outside": false}"#).unwrap();
    let (routes, kinds): (Array, Array) =
        (get(&brief, "routes").dyn_into().unwrap(), get(&brief, "kinds").dyn_into().unwrap());
    let outside = |x: &JsValue| get(x, "outside").as_bool() == Some(true);
    assert!(kinds.iter().any(|k| outside(&k)), "the profile has kinds outside its choices");
    assert_eq!(routes.length(), kinds.iter().filter(|k| !outside(k)).count() as u32);
    assert!(routes.iter().all(|x| !outside(&x)));
    assert!(kinds.iter().filter(outside).all(|k| Array::from(&get(&k, "others")).length() == 0));
    for (bad, path) in [
        (r#"{"outside": "no"}"#, "view.outside"),
        (r#"{"per_kind": -1}"#, "view.per_kind"),
        (r#"{"filter": {"paid": "yes"}}"#, "view.filter.paid"),
        (r#"{"filter": {"max_km": 10, "colour": 1}}"#, "view.filter"),
        (r#"{"sort": "nearest"}"#, "view.sort"),
    ] {
        let (message, got, document) = js_error(with_view(bad).err().unwrap());
        assert_eq!(document, "options", "{bad}");
        assert!(got.starts_with(path), "{bad}: path {got}, message {message}");
    }
}

#[wasm_bindgen_test]
fn loose_arguments_are_refused_by_name() {
    let m = matcher();
    let ok = || JsValue::from_str("{}");
    let today = || JsValue::from_str("2026-11-23");
    for bad in [JsValue::from_f64(-1.0), JsValue::from_f64(f64::NAN), JsValue::from_f64(1.5), JsValue::from_str("5")] {
        let (message, path, document) =
            js_error(call(&m, ok(), today(), bad.clone(), JsValue::UNDEFINED).err().unwrap());
        assert_eq!((path.as_str(), document.as_str()), ("limit", "options"), "{message}");
        let (_, path, _) = js_error(call(&m, ok(), today(), JsValue::UNDEFINED, bad).err().unwrap());
        assert_eq!(path, "closed");
    }
    // A non-string today is an input error naming the argument, not a TypeError.
    let (message, path, _) =
        js_error(call(&m, ok(), JsValue::from_f64(20261123.0), JsValue::UNDEFINED, JsValue::UNDEFINED).err().unwrap());
    assert_eq!(path, "today", "{message}");
    assert!(call(&m, ok(), today(), JsValue::from_f64(0.0), JsValue::from_f64(3.0)).is_ok());
}

#[wasm_bindgen_test]
fn numbers_that_json_cannot_hold_are_refused_in_profile_objects() {
    let m = matcher();
    for n in [f64::NAN, f64::INFINITY, 1e300, -3.0] {
        let profile = js_sys::Object::new();
        Reflect::set(&profile, &"hours_per_week".into(), &JsValue::from_f64(n)).unwrap();
        let (message, path, _) = js_error(
            call(&m, profile.into(), "2026-11-23".into(), JsValue::UNDEFINED, JsValue::UNDEFINED).err().unwrap(),
        );
        assert_eq!(path, "hours_per_week", "{n}: {message}");
    }
}

#[wasm_bindgen_test]
fn text_and_objects_agree_on_a_lone_surrogate() {
    let m = matcher();
    let text = r#"{"location": {"postcode": "\ud800"}}"#;
    let as_text = call(&m, JsValue::from_str(text), "2026-11-23".into(), JsValue::UNDEFINED, JsValue::UNDEFINED);
    let as_object = call(&m, JSON::parse(text).unwrap(), "2026-11-23".into(), JsValue::UNDEFINED, JsValue::UNDEFINED);
    assert_eq!(as_text.is_ok(), as_object.is_ok());
}

#[wasm_bindgen_test]
fn deep_or_huge_objects_are_refused_before_they_are_copied() {
    let m = matcher();
    // 10,000 nested arrays: refused by depth, without recursing into them.
    let mut deep = JsValue::from_f64(1.0);
    for _ in 0..10_000 {
        let a = Array::new();
        a.push(&deep);
        deep = a.into();
    }
    let profile = js_sys::Object::new();
    Reflect::set(&profile, &"diplomas".into(), &deep).unwrap();
    let (message, _, _) =
        js_error(call(&m, profile.into(), "2026-11-23".into(), JsValue::UNDEFINED, JsValue::UNDEFINED).err().unwrap());
    assert!(message.contains("nested more than 128 deep"), "{message}");
    // A 10 MB string in a profile object is measured in JS, not copied into wasm memory.
    let before = memory_bytes();
    let profile = js_sys::Object::new();
    let location = js_sys::Object::new();
    // Made in JS, so the test itself puts nothing in the module's memory.
    Reflect::set(&location, &"postcode".into(), &js_sys::JsString::from("9").repeat(10_000_000)).unwrap();
    Reflect::set(&profile, &"location".into(), &location).unwrap();
    let (message, _, _) =
        js_error(call(&m, profile.into(), "2026-11-23".into(), JsValue::UNDEFINED, JsValue::UNDEFINED).err().unwrap());
    assert!(message.contains("size limit"), "{message}");
    let after = memory_bytes();
    assert!(after < before + 5e6, "memory grew from {before} to {after}");
    // A catalog whose rule tests nest 10,000 deep is refused too (no stack overflow).
    let catalog = JSON::parse(CATALOG).unwrap();
    let rules = Array::from(&get(&catalog, "rules"));
    let mut test = JSON::parse(r#"{"type":"vog"}"#).unwrap();
    for _ in 0..10_000 {
        let not = js_sys::Object::new();
        Reflect::set(&not, &"type".into(), &"not".into()).unwrap();
        Reflect::set(&not, &"not".into(), &test).unwrap();
        test = not.into();
    }
    Reflect::set(&rules.get(0), &"test".into(), &test).unwrap();
    let (message, _, _) = js_error(Matcher::new(catalog, JsValue::UNDEFINED).err().unwrap());
    assert!(message.contains("nested more than 128 deep"), "{message}");
}

#[wasm_bindgen_test]
fn unknown_fields_are_refused_in_objects_as_in_text() {
    let m = matcher();
    for (profile, path) in [
        (r#"{"sectorz": ["po"]}"#, "sectorz"),
        (r#"{"diplomas": [{"level": "havo", "feild": "x"}]}"#, "diplomas[0].feild"),
        ("[1, 2]", ""),
        (r#"{"location": {"postcode": 3511, "x": 1}}"#, "location.postcode"),
    ] {
        for input in [JsValue::from_str(profile), JSON::parse(profile).unwrap()] {
            let (message, got, _) =
                js_error(call(&m, input, "2026-11-23".into(), JsValue::UNDEFINED, JsValue::UNDEFINED).err().unwrap());
            assert_eq!(got, path, "{profile}: {message}");
            assert!(!message.contains("Error: "), "{message}");
        }
    }
    let catalog = JSON::parse(CATALOG).unwrap();
    Reflect::set(&catalog, &"bogus".into(), &JsValue::TRUE).unwrap();
    let offering = Array::from(&get(&catalog, "offerings")).get(0);
    Reflect::set(&offering, &"cost_eur_per_yaer".into(), &JsValue::from_f64(1.0)).unwrap();
    let err = Matcher::new(catalog, JsValue::UNDEFINED).err().unwrap();
    let problems: Vec<String> =
        Array::from(&get(&err, "problems")).iter().map(|p| get(&p, "path").as_string().unwrap()).collect();
    assert!(problems.contains(&"bogus".to_string()), "{problems:?}");
    assert!(problems.contains(&"offerings[0].cost_eur_per_yaer".to_string()), "{problems:?}");
}

const OVERLAY: &str = r#"{
  "meta": {"name": "Onderwijsloket Amersfoort", "version": "2026.11", "generated": "2026-11-20", "region": "AM14",
           "contact": {"name": "Onderwijsloket Amersfoort", "email": "info@loket.example.nl"}},
  "vacancies": [{"id": "echt-groep-4", "title": "Leerkracht groep 4 (echt)", "employer": "OBS De Boomgaard", "job_location": "GM0307",
                 "sector": "po", "role": "leraar", "work_hours": 36, "employment_type": "structureel",
                 "job_start_date": "2027-08-24", "valid_through": "2027-05-31", "accepts_in_training": true,
                 "education_requirements": ["po"]}],
  "activities": [{"id": "loket-avond", "name": "Spreekuur zij-instroom", "activity_type": "loket", "start_date": "2026-12-03",
                  "start_time": "16:00", "end_time": "18:00", "event_attendance_mode": "offline", "location": "GM0307"}]
}"#;
const SWITCHER: &str = include_str!("fixtures/profiles/hbo-zij-instromer-po.json");

#[wasm_bindgen_test]
fn an_overlay_as_text_or_object_lays_the_lokets_data_over_the_catalog() {
    for overlay in [JsValue::from_str(OVERLAY), JSON::parse(OVERLAY).unwrap()] {
        let m = Matcher::new(JsValue::from_str(CATALOG), overlay).unwrap();
        let info = m.info().unwrap();
        assert_eq!(get(&get(&info, "overlay"), "name").as_string().unwrap(), "Onderwijsloket Amersfoort");
        assert_eq!(get(&get(&info, "contact"), "email").as_string().unwrap(), "info@loket.example.nl");
        let result = in_dutch(&m, JsValue::from_str(SWITCHER)).unwrap();
        // The pathways now use the real vacancy (the demo ones of AM14, Amersfoort, are gone).
        let pathways = Array::from(&get(&result, "pathways"));
        let vacancies: Vec<JsValue> =
            pathways.iter().map(|p| get(&p, "vacancy")).filter(|v| !v.is_null() && !v.is_undefined()).collect();
        assert!(vacancies.iter().any(|v| get(v, "id").as_string().unwrap() == "echt-groep-4"));
        assert!(vacancies
            .iter()
            .all(|v| get(v, "demo").as_bool() == Some(false) || get(v, "place").as_string().unwrap() != "Utrecht"));
        let activities = Array::from(&get(&result, "activities"));
        assert_eq!(get(&activities.get(0), "id").as_string().unwrap(), "loket-avond");
        assert_eq!(get(&activities.get(0), "demo").as_bool(), Some(false));
    }
}

#[wasm_bindgen_test]
fn an_invalid_overlay_is_an_input_error_of_the_overlay() {
    let bad = OVERLAY.replace("\"16:00\"", "\"25:00\"");
    let (message, path, document) =
        js_error(Matcher::new(JsValue::from_str(CATALOG), JsValue::from_str(&bad)).err().unwrap());
    assert_eq!(document, "overlay");
    assert_eq!(path, "overlay.activities[0].start_time");
    assert!(message.contains("is not a time HH:MM"), "{message}");
    let (_, path, document) =
        js_error(Matcher::new(JsValue::from_str(CATALOG), JSON::parse("{}").unwrap()).err().unwrap());
    assert_eq!((path.as_str(), document.as_str()), ("overlay", "overlay"));
    // A broken catalog is still the catalog's error, whatever the overlay.
    let (_, _, document) = js_error(Matcher::new(JsValue::from_str("{}"), JsValue::from_str(OVERLAY)).err().unwrap());
    assert_eq!(document, "catalog");
}
