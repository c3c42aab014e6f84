//! Hostile input: nothing a catalog or a profile contains can crash, freeze or flood the
//! core. Each test is a regression test for a class of problem found by attacking it.

mod common;
use common::*;
use routewijzer::model::limits;
use routewijzer::model::parse::{catalog_from_str, profile_from_str};
use routewijzer::{Date, MatchOptions, Matcher};
use serde_json::{json, Value};

fn sample_value() -> Value {
    serde_json::from_str(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap()
}

fn today() -> MatchOptions {
    MatchOptions::new(Date::parse("2026-11-23").unwrap())
}

#[test]
fn a_study_field_listed_twice_in_the_relatedness_table_is_merged_not_a_crash() {
    // Once panicked: the field index counted distinct fields, the subjects list did not.
    let mut c = sample_value();
    let rel = c["relatedness"].as_array_mut().unwrap();
    let first = rel[0].clone();
    let mut twin = first.clone();
    twin["field"] = json!(first["field"].as_str().unwrap().to_uppercase());
    rel.push(first);
    rel.push(twin);
    let m = Matcher::from_json(&c.to_string()).expect("a repeated field is allowed");
    let field = c["relatedness"][0]["field"].as_str().unwrap().to_string();
    let profile = json!({"diplomas": [{"level": "hbo-bachelor", "field": field}]}).to_string();
    assert!(!m.match_json(&profile, &today()).unwrap().routes.is_empty());
}

#[test]
fn dates_outside_the_supported_years_are_refused_with_the_range() {
    let mut c = sample_value();
    c["offerings"][0]["intakes"][0]["start_date"] = json!("9999-12-01");
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    let p = e.problems.iter().find(|p| p.path == "offerings[0].intakes[0].start_date").expect("named");
    assert!(p.message.contains("1900 to 2199"), "{}", p.message);
    let e = profile_from_str(r#"{"lerarenopleiding_left": "9999-12-31"}"#).unwrap_err();
    assert_eq!(e.problems[0].path, "lerarenopleiding_left");
}

#[test]
fn documents_over_their_size_limit_are_refused_before_reading() {
    let big = format!(r#"{{"diplomas": [], "x": "{}"}}"#, "a".repeat(limits::MAX_PROFILE_BYTES));
    let e = profile_from_str(&big).unwrap_err();
    assert_eq!(e.problems.len(), 1);
    assert!(e.problems[0].message.contains("the limit is 65536 bytes (64 KiB)"), "{}", e.problems[0].message);
}

#[test]
fn echoed_values_are_clipped_and_problems_counted() {
    // A 1 MB postcode is not echoed back in full.
    let long = "9".repeat(50_000); // within the size limit, far over the string limit
    let e = profile_from_str(&json!({"location": {"postcode": long}}).to_string()).unwrap_err();
    let text = e.to_string();
    assert!(text.len() < 400, "{} bytes: {}", text.len(), &text[..200]);
    assert!(text.contains("location.postcode"), "{text}");
    // 300 broken vacancies: 100 problems and a count of the rest.
    let mut c = sample_value();
    let v = c["vacancies"][0].clone();
    let vs = c["vacancies"].as_array_mut().unwrap();
    for i in 0..300 {
        let mut x = v.clone();
        x["id"] = json!(format!("kapot-{i}"));
        x["work_hours"] = json!("veel");
        vs.push(x);
    }
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    assert_eq!(e.problems.len(), limits::MAX_PROBLEMS + 1);
    assert!(e.problems.last().unwrap().message.starts_with("and 200 more problems"), "{:?}", e.problems.last());
}

#[test]
fn lists_and_rules_beyond_their_limits_are_named() {
    let mut c = sample_value();
    let intake = c["offerings"][0]["intakes"][0].clone();
    let intakes: Vec<Value> = (0..=limits::MAX_INTAKES)
        .map(|i| {
            let mut t = intake.clone();
            t["start_date"] = json!(Date::parse("2030-01-01").unwrap().add_days(i as i64 * 40).to_string());
            t.as_object_mut().unwrap().remove("application_deadline");
            t
        })
        .collect();
    c["offerings"][0]["intakes"] = json!(intakes);
    let mut deep = json!({"type": "vog"});
    for _ in 0..limits::MAX_TEST_DEPTH {
        deep = json!({"type": "not", "not": deep});
    }
    c["rules"][0]["test"] = deep;
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    let msg = |path: &str| e.problems.iter().find(|p| p.path == path).map(|p| p.message.clone());
    assert!(msg("offerings[0].intakes").unwrap_or_default().contains("the limit is 50"), "{e}");
    assert!(msg("rules[0]").unwrap_or_default().contains("nested 17 deep; the limit is 16"), "{e}");
    let many = json!({"diplomas": vec![json!({"level": "havo"}); limits::MAX_PROFILE_LIST + 1]});
    let e = profile_from_str(&many.to_string()).unwrap_err();
    assert_eq!(e.problems[0].path, "diplomas");
}

#[test]
fn the_text_report_escapes_control_characters() {
    let mut c = sample_value();
    c["meta"]["name"] = json!("Catalogus\u{1b}[2J\u{7}\r\nnep-regel");
    let i =
        c["offerings"].as_array().unwrap().iter().position(|o| o["kind"] == "zij-instroom-vo-tweedegraads").unwrap();
    c["offerings"][i]["name"] = json!("Route\u{1b}]0;titel\u{7}\nx");
    let m = Matcher::from_json(&c.to_string()).unwrap();
    let profile = std::fs::read_to_string(format!(
        "{}/tests/fixtures/profiles/januari-baanaanbod.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let report = routewijzer::result::text::report(&m.match_json(&profile, &today()).unwrap());
    assert!(!report.chars().any(|ch| ch.is_control() && ch != '\n'), "a raw control character");
    assert!(!report.lines().any(|l| l.starts_with("nep-regel")), "a value started a line of its own");
    assert!(report.contains("Catalogus\\u{1b}[2J\\u{7}\\u{d}\\u{a}nep-regel"), "{}", &report[..200]);
}

#[test]
fn a_wide_rule_does_not_make_what_if_unbounded() {
    // Every offering conditional on a rule of 256 alternatives (the most a rule may
    // have): the what-if search stops at its budget and the match still answers.
    let mut c = sample_value();
    let parts: Vec<Value> =
        (0..limits::MAX_TEST_NODES - 1).map(|i| json!({"type": "school-job", "min_hours": (i % 40) + 1})).collect();
    let rules = c["rules"].as_array_mut().unwrap();
    let mut wide = rules[0].clone();
    wide["id"] = json!("breed");
    wide["test"] = json!({"type": "any-of", "any": parts});
    wide["otherwise"] = json!("condition");
    wide["action"] = json!("action.find-school");
    wide.as_object_mut().unwrap().remove("applies_if");
    wide.as_object_mut().unwrap().remove("alternatives");
    rules.push(wide);
    for k in c["route_kinds"].as_array_mut().unwrap() {
        k["rules"].as_array_mut().unwrap().push(json!("breed"));
    }
    let m = Matcher::from_json(&c.to_string()).unwrap();
    let started = std::time::Instant::now();
    let r = m.match_json(r#"{"diplomas":[{"level":"wo-master","field":"wiskunde"}]}"#, &today()).unwrap();
    assert!(!r.routes.is_empty());
    let took = started.elapsed();
    println!("wide-rule match with what-if: {took:?}");
    assert!(took.as_secs() < 10, "the what-if budget bounds a match: {took:?}");
}

#[test]
fn checks_stay_near_linear_on_documents_built_to_be_slow() {
    // Once 22 s and 31 s: many broken elements whose ids every message was searched for,
    // and 100,000 unknown keys followed by 100,000 repeats of `meta`.
    let mut c = sample_value();
    let base = c["offerings"][0].clone();
    let offerings = c["offerings"].as_array_mut().unwrap();
    for i in 0..4_000 {
        let mut o = base.clone();
        o["id"] = json!(format!("kapot-{i}"));
        o["kind"] = json!("pabo-nachtschool");
        offerings.push(o);
    }
    let text = c.to_string();
    let started = std::time::Instant::now();
    let e = catalog_from_str(&text).unwrap_err();
    assert!(e.problems.len() > limits::MAX_PROBLEMS);
    let broken = started.elapsed();
    let mut keys = String::from("{");
    for i in 0..100_000 {
        keys.push_str(&format!("\"k{i}\":0,"));
    }
    for _ in 0..100_000 {
        keys.push_str("\"meta\":0,");
    }
    keys.push_str("\"x\":0}");
    let started = std::time::Instant::now();
    assert!(catalog_from_str(&keys).is_err());
    let repeated = started.elapsed();
    println!("4,000 broken offerings: {broken:?}; 200,000 top-level keys: {repeated:?}");
    // Generous bounds for a debug build on a shared machine; quadratic work took minutes.
    assert!(broken.as_secs() < 20 && repeated.as_secs() < 20, "{broken:?} {repeated:?}");
}

#[test]
fn numbers_read_exactly_and_absurd_exponents_fail_fast() {
    for text in ["52.0918", "5.1175", "0.1", "123456.789012345", "1e-7", "2.2250738585072014e-308"] {
        let json: f64 = serde_json::from_str(text).unwrap();
        assert_eq!(json, text.parse::<f64>().unwrap(), "{text}");
    }
    let started = std::time::Instant::now();
    let e = profile_from_str(r#"{"hours_per_week": 1e-99999999}"#).unwrap_err();
    assert_eq!(e.problems[0].path, "hours_per_week");
    assert!(started.elapsed().as_millis() < 1_000);
}

#[test]
fn long_keys_and_version_strings_are_not_echoed_in_full() {
    let mut c = sample_value();
    c.as_object_mut().unwrap().insert("k".repeat(200_000), json!(1));
    c["meta"]["version"] = json!("v".repeat(50_000));
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    let text = e.to_string();
    assert!(text.len() < 10_000, "{} bytes", text.len());
    assert!(e.problems.iter().any(|p| p.path == "meta.version"), "{e}");
}
