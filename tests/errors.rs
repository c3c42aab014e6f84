//! Bad input gets a clear error naming the JSON path; a catalog reports all its problems at once.

mod common;
use common::*;
use proptest::prelude::*;
use routewijzer::model::parse::{catalog_from_str, profile_from_str};
use routewijzer::{Document, Matcher};
use serde_json::{json, Value};

fn sample_value() -> Value {
    serde_json::from_str(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap()
}

fn paths(e: &routewijzer::InputError) -> Vec<String> {
    e.problems.iter().map(|p| p.path.clone()).collect()
}

#[test]
fn structural_problems_are_all_reported_with_their_paths() {
    let mut c = sample_value();
    c["offerings"][0]["kind"] = json!("pabo-nachtschool");
    c["offerings"][3]["intakes"][0]["start_date"] = json!("2027-02-30");
    c["vacancies"][2]["work_hours"] = json!("veel");
    c["rules"][1]["otherwise"] = json!("maybe");
    c["places"][0].as_object_mut().unwrap().remove("lat");
    c["offerrings"] = json!([]);
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    assert_eq!(e.document, Document::Catalog);
    let p = paths(&e);
    for expected in [
        "offerings[0].kind",
        "offerings[3].intakes[0].start_date",
        "vacancies[2].work_hours",
        "rules[1].otherwise",
        "places[0]",
        "offerrings",
    ] {
        assert!(p.contains(&expected.to_string()), "missing {expected:?} in {p:?}");
    }
    let kind = e.problems.iter().find(|x| x.path == "offerings[0].kind").unwrap();
    assert!(kind.message.contains("pabo-nachtschool") && kind.message.contains("pabo-voltijd"), "{}", kind.message);
    let date = e.problems.iter().find(|x| x.path.ends_with("start_date")).unwrap();
    assert!(date.message.contains("not an existing calendar date"), "{}", date.message);
    assert!(e.problems.iter().any(|x| x.path == "offerrings" && x.message.contains("unknown field")));
    assert!(e.problems.iter().any(|x| x.path == "places[0]" && x.message.contains("lat")));
    // The report is readable as a whole.
    let shown = e.to_string();
    assert!(shown.starts_with("invalid catalog: 6 problems"), "{shown}");
}

#[test]
fn semantic_problems_are_all_reported_with_their_paths() {
    let mut c = sample_value();
    let rule0 = c["rules"][0].clone();
    c["rules"].as_array_mut().unwrap().push(rule0);
    let n_rules = c["rules"].as_array().unwrap().len();
    c["offerings"][1]["intakes"][0]["application_deadline"] = json!("2030-01-01");
    c["offerings"][2]["place"] = json!("GM9999");
    c["offerings"][4]["institution"] = json!("nope");
    c["offerings"][5]["url"] = json!("javascript:alert(1)");
    c["vacancies"][0]["job_location"] = json!("GM9998");
    c["route_kinds"][0]["rules"][0] = json!("no-such-rule");
    c["rules"][2]["valid_until"] = json!("2000-01-01");
    c["rules"][3]["sources"] = json!(["S999"]);
    let travel = c["weights"]["travel"].as_u64().unwrap();
    c["weights"]["travel"] = json!(travel + 1);
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    let p = paths(&e);
    for expected in [
        format!("rules[{}].id", n_rules - 1),
        "offerings[1].intakes[0].application_deadline".into(),
        "offerings[2].place".into(),
        "offerings[4].institution".into(),
        "offerings[5].url".into(),
        "vacancies[0].job_location".into(),
        "route_kinds[0].rules[0]".into(),
        "rules[2].valid_until".into(),
        "rules[3].sources[0]".into(),
        "weights".into(),
    ] {
        assert!(p.contains(&expected), "missing {expected:?} in {p:?}");
    }
    let deadline = e.problems.iter().find(|x| x.path.ends_with("application_deadline")).unwrap();
    assert!(deadline.message.contains("after the start date"), "{}", deadline.message);
    let weights = e.problems.iter().find(|x| x.path == "weights").unwrap();
    assert!(weights.message.contains("101"), "{}", weights.message);
}

#[test]
fn structural_and_semantic_problems_come_in_one_report() {
    let mut c = sample_value();
    // A malformed offering, and after it an offering with an unknown place: the second
    // keeps its original index even though the first could not be read.
    c["offerings"][0]["weekly_hours"] = json!(-3);
    c["offerings"][5]["place"] = json!("GM9999");
    // A malformed rule that route kinds refer to: reported once, not once per reference.
    let rule_id = c["rules"][0]["id"].as_str().unwrap().to_string();
    c["rules"][0]["otherwise"] = json!("perhaps");
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    let p = paths(&e);
    assert!(p.contains(&"offerings[0].weekly_hours".to_string()), "{p:?}");
    assert!(p.contains(&"offerings[5].place".to_string()), "{p:?}");
    assert!(p.contains(&"rules[0].otherwise".to_string()), "{p:?}");
    assert!(!e.problems.iter().any(|x| x.message.contains(&format!("unknown rule '{rule_id}'"))), "{e}");
    assert_eq!(e.problems.len(), 3, "{e}");
}

#[test]
fn a_broken_top_level_does_not_hide_the_rest() {
    let mut c = sample_value();
    c.as_object_mut().unwrap().remove("weights");
    c["meta"]["generated"] = json!("yesterday");
    c["offerings"][2]["place"] = json!("GM9999");
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    let p = paths(&e);
    assert!(e.problems.iter().any(|x| x.path.is_empty() && x.message.contains("missing field `weights`")), "{e}");
    assert!(p.contains(&"meta.generated".to_string()), "{p:?}");
    assert!(p.contains(&"offerings[2].place".to_string()), "{p:?}");
    assert_eq!(e.problems.len(), 3, "{e}");
}

#[test]
fn rule_tests_name_fields_that_do_not_belong_or_are_missing() {
    let mut c = sample_value();
    c["rules"][0]["test"] = json!({"type": "geschiktheidsonderzoek", "levels": ["havo"]});
    c["rules"][1]["test"] = json!({"type": "diploma-level"});
    c["rules"][2]["test"] = json!({"type": "diploma-levels", "levels": ["havo"]});
    c["rules"][3]["test"] = json!({"type": "all-of", "all": [{"type": "min-age", "years": "21"}]});
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    let msg = |path: &str| {
        e.problems
            .iter()
            .find(|p| p.path == path)
            .map(|p| p.message.clone())
            .unwrap_or_else(|| panic!("no {path} in {e}"))
    };
    assert!(msg("rules[0].test").contains("field `levels` does not belong to a test of type `geschiktheidsonderzoek`"));
    assert!(msg("rules[1].test").contains("needs `levels`"));
    assert!(msg("rules[2].test.type").contains("unknown variant `diploma-levels`"));
    assert!(msg("rules[3].test.all[0].years").contains("invalid type"));
}

#[test]
fn an_offering_that_needs_a_subject_must_have_one() {
    let mut c = sample_value();
    let i = c["offerings"].as_array().unwrap().iter().position(|o| o["kind"] == "kopopleiding").unwrap();
    c["offerings"][i].as_object_mut().unwrap().remove("subject");
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    assert_eq!(paths(&e), vec![format!("offerings[{i}].subject")]);
}

#[test]
fn attribution_lines_are_a_text_or_one_per_language() {
    let mut c = sample_value();
    c["meta"]["attribution"] = json!(["Bron: DUO", {"nl": "Bron: CBS", "en": "Source: CBS"}]);
    let m = catalog_from_str(&c.to_string()).unwrap();
    let texts = |lang| m.meta.attribution.iter().map(|a| a.text(lang).to_string()).collect::<Vec<_>>();
    assert_eq!(texts(routewijzer::Lang::Nl), ["Bron: DUO", "Bron: CBS"]);
    assert_eq!(texts(routewijzer::Lang::En), ["Bron: DUO", "Source: CBS"]);
    // A line without its English, or with a language the widget does not speak, names the line.
    for bad in
        [json!({"nl": "Bron: CBS"}), json!({"nl": "Bron: CBS", "en": "Source: CBS", "de": "Quelle: CBS"}), json!(7)]
    {
        c["meta"]["attribution"] = json!(["Bron: DUO", bad]);
        let e = catalog_from_str(&c.to_string()).unwrap_err();
        assert!(paths(&e).iter().any(|p| p.starts_with("meta.attribution[1]")), "{bad}: {:?}", paths(&e));
    }
    // A text too long is named by its language: the Dutch one is fine, the English one is not.
    let long = "x".repeat(routewijzer::model::limits::MAX_CATALOG_STRING + 1);
    c["meta"]["attribution"] = json!(["Bron: DUO", {"nl": "Bron: CBS", "en": long}]);
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    assert_eq!(paths(&e), ["meta.attribution[1].en"]);
}

#[test]
fn syntax_errors_give_line_and_column() {
    let e = catalog_from_str("{\"meta\": {,}}").unwrap_err();
    assert!(e.problems[0].message.contains("line 1 column"), "{}", e.problems[0].message);
    let e = Matcher::from_json("[]").err().unwrap();
    assert!(e.problems[0].message.contains("must be a JSON object"));
}

#[test]
fn profile_errors_name_the_field() {
    let cases = [
        (r#"{"location":{"postcode":"35AB"}}"#, "location.postcode", "4-digit"),
        (r#"{"location":{"gemeente":"Utrecht"}}"#, "location.gemeente", "GM0344"),
        (r#"{"location":{}}"#, "location", "postcode or a gemeente"),
        (r#"{"diplomas":[{"level":"hbo-bachlor"}]}"#, "diplomas[0].level", "hbo-bachelor"),
        (r#"{"hours_per_week":"veel"}"#, "hours_per_week", "invalid type"),
        (r#"{"hours_per_week":0}"#, "hours_per_week", "between 1 and 80"),
        (r#"{"available_from":"1-9-2027"}"#, "available_from", "YYYY-MM-DD"),
        (r#"{"diploma":[]}"#, "diploma", "unknown field `diploma`, expected one of"),
        (r#"{"diplomas":[{"level":"havo","recognised":true}]}"#, "diplomas[0].recognised", "foreign"),
        (r#"{"job":{"sector":"po","role":"leraar"}}"#, "job", "missing field `hours_per_week`"),
        (r#"{"age":300}"#, "age", "invalid value"),
    ];
    for (input, path, needle) in cases {
        let e = profile_from_str(input).unwrap_err();
        assert_eq!(e.document, Document::Profile);
        assert_eq!(e.problems[0].path, path, "{input}");
        assert!(e.problems[0].message.contains(needle), "{input}: {}", e.problems[0].message);
    }
}

#[test]
fn every_shipped_catalog_validates() {
    for path in [SAMPLE, concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/catalog.json")] {
        let text = std::fs::read_to_string(path).unwrap();
        if let Err(e) = Matcher::from_json(&text) {
            panic!("{path}: {e}");
        }
    }
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        "[a-z0-9 -]{0,12}".prop_map(Value::String),
        prop::sample::select(vec!["havo", "po", "2027-09-01", "GM0344", "3511", "wiskunde", "b2"])
            .prop_map(|s| json!(s)),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "diplomas",
                    "level",
                    "job",
                    "sector",
                    "location",
                    "postcode",
                    "hours_per_week",
                    "age",
                    "dutch",
                    "field",
                    "x"
                ]),
                inner,
                0..5
            )
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    // Never a panic on input: any JSON, any text, gives a result or an error.
    #[test]
    fn arbitrary_profiles_never_panic(v in json_value()) {
        let text = v.to_string();
        if let Ok(r) = sample().match_json(&text, &routewijzer::MatchOptions::new(date("2026-11-23"))) {
            prop_assert!(!r.routes.is_empty());
        }
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,64}") {
        let _ = profile_from_str(&s);
        let _ = catalog_from_str(&s);
    }

    #[test]
    fn mutated_catalogs_never_panic(path in prop::sample::select(vec!["offerings", "vacancies", "rules", "places", "meta", "weights", "route_kinds"]), i in 0usize..4, v in json_value()) {
        let mut c = sample_value();
        match &mut c[path] {
            Value::Array(items) if !items.is_empty() => { let n = items.len(); items[i % n] = v; }
            other => *other = v,
        }
        let _ = catalog_from_str(&c.to_string());
    }
}

#[test]
fn a_shortage_figure_given_twice_is_reported_at_the_repeat() {
    let mut c = sample_value();
    let first = c["shortages"][0].clone();
    let n = c["shortages"].as_array().unwrap().len();
    c["shortages"].as_array_mut().unwrap().push(first);
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    assert_eq!(paths(&e), vec![format!("shortages[{n}]")], "{e}");
    assert!(e.problems[0].message.contains("given twice"));
}

#[test]
fn a_region_name_stands_only_beside_a_region_and_is_not_empty() {
    // Shortage 0 is national, 3 is AM22's (Rijnmond), 44 Almere's (a gemeente).
    let mut c = sample_value();
    let at = |c: &serde_json::Value, i: usize, k: &str| c["shortages"][i][k].as_str().map(str::to_owned);
    assert_eq!(
        (at(&c, 0, "region"), at(&c, 3, "region"), at(&c, 3, "region_name")),
        (None, Some("AM22".into()), Some("Rijnmond".into()))
    );
    let almere = c["shortages"].as_array().unwrap().iter().position(|s| s["region"] == "GM0034").unwrap();
    c["shortages"][0]["region_name"] = "Nederland".into();
    c["shortages"][3]["region_name"] = " ".into();
    c["shortages"][almere]["region_name"] = "Almere".into();
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    assert_eq!(
        paths(&e),
        vec![
            "shortages[0].region_name".to_string(),
            "shortages[3].region_name".into(),
            format!("shortages[{almere}].region_name")
        ],
        "{e}"
    );
    assert!(e.problems[0].message.contains("only given with an arbeidsmarktregio code"), "{e}");
    assert!(e.problems[1].message.contains("empty"), "{e}");
}

#[test]
fn a_rule_that_voids_an_unknown_figure_is_named() {
    let mut c = sample_value();
    let i = c["rules"].as_array().unwrap().iter().position(|r| r["voids_figure"] == "zij-instroom-subsidie").unwrap();
    c["rules"][i]["voids_figure"] = "zij-instroom-subsidy".into();
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    assert_eq!(paths(&e), vec![format!("rules[{i}].voids_figure")], "{e}");
    assert!(e.problems[0].message.contains("unknown figure 'zij-instroom-subsidy'"), "{e}");
}

#[test]
fn an_element_without_id_does_not_hide_the_problems_of_others() {
    // Every pabo-voltijd offering lacks its route kind; the first also lacks its id. The
    // broken first one must not silence the route-kind problem of the others.
    let mut c = sample_value();
    let kinds = c["route_kinds"].as_array_mut().unwrap();
    kinds.retain(|k| k["kind"] != "pabo-voltijd");
    let offerings = c["offerings"].as_array().unwrap();
    let pabo: Vec<usize> = (0..offerings.len()).filter(|&i| offerings[i]["kind"] == "pabo-voltijd").collect();
    assert!(pabo.len() >= 2, "the sample has several pabo-voltijd offerings");
    c["offerings"][pabo[0]].as_object_mut().unwrap().remove("id");
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    let p = paths(&e);
    assert!(p.contains(&format!("offerings[{}]", pabo[0])), "{e}");
    for i in &pabo[1..] {
        assert!(p.contains(&format!("offerings[{i}].kind")), "offerings[{i}].kind missing in {e}");
    }
}

#[test]
fn a_rule_said_when_met_without_a_message_is_named() {
    let mut c = sample_value();
    let i = c["rules"].as_array().unwrap().iter().position(|r| r["said_when_met"] == true).unwrap();
    c["rules"][i].as_object_mut().unwrap().remove("message");
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    assert_eq!(paths(&e), vec![format!("rules[{i}].said_when_met")], "{e}");
    assert!(e.problems[0].message.contains("needs a message"), "{e}");
}

#[test]
fn a_rules_institutional_fee_must_be_a_yearly_figure() {
    let mut c = sample_value();
    let i = c["rules"].as_array().unwrap().iter().position(|r| r.get("institutional_fee").is_some()).unwrap();
    c["rules"][i]["institutional_fee"] = "zij-instroom-subsidy".into();
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    assert_eq!(paths(&e), vec![format!("rules[{i}].institutional_fee")], "{e}");
    assert!(e.problems[0].message.contains("unknown figure 'zij-instroom-subsidy'"), "{e}");
    c["rules"][i]["institutional_fee"] = "zij-instroom-subsidie".into();
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    assert!(e.problems[0].message.contains("is in eur, not eur-per-year"), "{e}");
}

#[test]
fn a_note_said_when_met_needs_a_status_the_sources_leave_open() {
    let mut c = sample_value();
    let i = c["rules"].as_array().unwrap().iter().position(|r| r["said_when_met"] == true).unwrap();
    c["rules"][i].as_object_mut().unwrap().remove("status");
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    assert_eq!(paths(&e), vec![format!("rules[{i}].said_when_met")], "{e}");
    assert!(e.problems[0].message.contains("give the rule its status"), "{e}");
}

#[test]
fn a_diploma_tests_fields_must_be_study_field_ids() {
    let mut c = sample_value();
    let i = c["rules"].as_array().unwrap().iter().position(|r| r["applies_if"]["fields"].is_array()).unwrap();
    c["rules"][i]["applies_if"]["fields"] = serde_json::json!(["pabo", "Leraren opleiding"]);
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    assert_eq!(paths(&e), vec![format!("rules[{i}].applies_if.fields[1]")], "{e}");
    assert!(e.problems[0].message.contains("'Leraren opleiding' is not a study-field id"), "{e}");
}

#[test]
fn a_course_fee_the_school_usually_pays_is_a_whole_course_figure_and_never_charged() {
    let mut c = sample_value();
    let i = c["offerings"]
        .as_array()
        .unwrap()
        .iter()
        .position(|o| o["cost_basis"] == "werkgever-meestal" && o["cost_figure"].is_string())
        .unwrap();
    c["offerings"][i]["cost_eur_per_year"] = 3000.into();
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    assert_eq!(paths(&e), vec![format!("offerings[{i}].cost_eur_per_year")], "{e}");
    c["offerings"][i].as_object_mut().unwrap().remove("cost_eur_per_year");
    c["offerings"][i]["cost_figure"] = "collegegeld".into();
    let e = catalog_from_str(&c.to_string()).unwrap_err();
    assert_eq!(paths(&e), vec![format!("offerings[{i}].cost_figure")], "{e}");
    assert!(
        e.problems[0].message.contains("is in eur-per-year, the course fee the school usually pays must be in eur"),
        "{e}"
    );
}
