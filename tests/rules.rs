//! One test (or a few) per admission rule of the sample catalog, each naming the
//! ROUTES.md source the rule is encoded from. The rules are data; these tests check
//! that the generic engine applies them as the sources say.

mod common;
use common::*;

use routewijzer::{Eligibility, RouteKind as K, SourceStatus};

const TODAY: &str = "2026-11-23";

// [S78][S7b][S48] havo, vwo or mbo-4 admit to an initial hbo bachelor; otherwise the 21+ test.
#[test]
fn hbo_vooropleiding_admits_havo_vwo_mbo4() {
    for level in ["havo", "vwo", "mbo-4"] {
        let r = run(&format!(r#"{{"diplomas":[{{"level":"{level}"}}]}}"#), TODAY);
        assert_eq!(seen(route(&r, K::LerarenopleidingTweedegraads), "hbo-vooropleiding"), Seen::Satisfied, "{level}");
    }
}

#[test]
fn hbo_vooropleiding_21_plus_test_is_a_condition_from_age_21_only() {
    let adult = run(r#"{"diplomas":[{"level":"vmbo"}],"age":25}"#, TODAY);
    let f = finding(route(&adult, K::PaboVoltijd), "hbo-vooropleiding");
    assert_eq!(f.action.as_ref().unwrap().id, "action.21plus-test");
    assert!(f.sources.iter().any(|s| s.id == "S78"));

    let young = run(r#"{"diplomas":[{"level":"vmbo"}],"age":18}"#, TODAY);
    let p = route(&young, K::PaboVoltijd);
    assert_eq!(seen(p, "hbo-vooropleiding"), Seen::Blocker);
    assert_eq!(p.eligibility, Eligibility::Ineligible);

    // Age not given: the 21+ route may be open, so it is a condition, not a blocker.
    let unknown = run(r#"{"diplomas":[{"level":"vmbo"}]}"#, TODAY);
    assert_eq!(seen(route(&unknown, K::PaboVoltijd), "hbo-vooropleiding"), Seen::Condition);
}

// [S9][S10][S11][S12] Pabo admission tests: havo and mbo must take them, vwo and degree holders are exempt, an Ad is not.
#[test]
fn pabo_tests_apply_to_havo_and_ad_but_not_vwo_or_bachelors() {
    let havo = run(r#"{"diplomas":[{"level":"havo"}]}"#, TODAY);
    let f = finding(route(&havo, K::PaboVoltijd), "pabo-toelatingstoetsen-na-2025");
    assert_eq!(f.status, SourceStatus::Unconfirmed, "the rule after the experiment is UNCONFIRMED in ROUTES.md 3.1");
    assert_eq!(f.action.as_ref().unwrap().id, "action.pabo-tests");
    assert_eq!(route(&havo, K::PaboVoltijd).eligibility, Eligibility::Conditional);

    let ad = run(r#"{"diplomas":[{"level":"havo"},{"level":"hbo-ad"}]}"#, TODAY);
    assert_eq!(seen(route(&ad, K::PaboVoltijd), "pabo-toelatingstoetsen-na-2025"), Seen::Condition);

    for exempt in ["vwo", "hbo-bachelor", "wo-master"] {
        let r = run(&format!(r#"{{"diplomas":[{{"level":"{exempt}"}}]}}"#), TODAY);
        let p = route(&r, K::PaboVoltijd);
        assert_eq!(seen(p, "pabo-toelatingstoetsen-na-2025"), Seen::NotApplied, "{exempt}");
        assert_eq!(p.eligibility, Eligibility::Eligible, "{exempt}");
    }

    let passed = run(
        r#"{"diplomas":[{"level":"havo"}],"pabo_tests_passed":["aardrijkskunde","geschiedenis","natuur-en-techniek"]}"#,
        TODAY,
    );
    assert_eq!(route(&passed, K::PaboVoltijd).eligibility, Eligibility::Eligible);
}

// [S9] before the 2022 experiment the tests had to be passed before the start: a blocker.
// [S10][S11] during the experiment (intakes 2022-2025): a condition. Rules are applied as
// they stand at the intake the person would join, so the sample gets earlier intakes here.
#[test]
fn pabo_tests_follow_their_validity_dates() {
    let mut c: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap();
    let pabo =
        c["offerings"].as_array_mut().unwrap().iter_mut().find(|o| o["id"] == "hu-pabo-voltijd-utrecht").unwrap();
    pabo["intakes"] = serde_json::json!([
        {"start_date": "2021-09-01", "application_deadline": "2021-05-01"},
        {"start_date": "2023-09-01", "application_deadline": "2023-05-01"}
    ]);
    let m = routewijzer::Matcher::from_json(&c.to_string()).unwrap();
    let havo = common::profile(r#"{"diplomas":[{"level":"havo"}]}"#);
    let at = |today: &str| {
        let r = m.match_profile(&havo, &routewijzer::MatchOptions::new(common::date(today)));
        r.routes.into_iter().find(|x| x.offering == "hu-pabo-voltijd-utrecht").unwrap()
    };
    let p = at("2021-03-01"); // joins September 2021
    assert_eq!(seen(&p, "pabo-toelatingstoetsen-2015"), Seen::Blocker);
    assert_eq!(seen(&p, "pabo-toelatingstoetsen-experiment"), Seen::NotApplied);
    assert_eq!(finding(&p, "pabo-toelatingstoetsen-2015").valid_until.unwrap().to_string(), "2022-08-31");
    let p = at("2022-06-01"); // the 2022 deadline has passed: joins September 2023
    assert_eq!(p.next_intake.as_ref().unwrap().start_date.to_string(), "2023-09-01");
    assert_eq!(seen(&p, "pabo-toelatingstoetsen-experiment"), Seen::Condition);
    assert_eq!(seen(&p, "pabo-toelatingstoetsen-2015"), Seen::NotApplied);
    assert_eq!(seen(&p, "pabo-toelatingstoetsen-na-2025"), Seen::NotApplied);
}

// [S9][S15] The shortened pabo is for bachelor holders.
#[test]
fn pabo_verkort_needs_a_bachelor() {
    let bachelor = run(r#"{"diplomas":[{"level":"hbo-bachelor","field":"bedrijfskunde"}]}"#, TODAY);
    assert_eq!(route(&bachelor, K::PaboVerkort).eligibility, Eligibility::Eligible);
    let ad = run(r#"{"diplomas":[{"level":"hbo-ad"}]}"#, TODAY);
    assert_eq!(seen(route(&ad, K::PaboVerkort), "pabo-verkort-bachelor"), Seen::Blocker);
}

// [S18][S19] The academic pabo admits vwo.
#[test]
fn pabo_academisch_needs_vwo() {
    let vwo = run(r#"{"diplomas":[{"level":"vwo"}]}"#, TODAY);
    assert_eq!(seen(route(&vwo, K::PaboAcademisch), "pabo-academisch-vwo"), Seen::Satisfied);
    let havo = run(r#"{"diplomas":[{"level":"havo"}]}"#, TODAY);
    assert_eq!(route(&havo, K::PaboAcademisch).eligibility, Eligibility::Ineligible);
    // A propedeuse gives wo access; an hbo bachelor or master includes one.
    for level in ["hbo-propedeuse", "hbo-bachelor", "hbo-master"] {
        let r = run(&format!(r#"{{"diplomas":[{{"level":"havo"}},{{"level":"{level}"}}]}}"#), TODAY);
        assert_eq!(seen(route(&r, K::PaboAcademisch), "pabo-academisch-vwo"), Seen::Satisfied, "{level}");
    }
}

// [S20] Zij-instroom po: an hbo or wo bachelor; an Ad is not enough.
#[test]
fn zij_instroom_po_needs_a_bachelor_not_an_ad() {
    let wo = run(r#"{"diplomas":[{"level":"wo-bachelor","field":"rechten"}]}"#, TODAY);
    assert_eq!(seen(route(&wo, K::ZijInstroomPo), "zij-instroom-po-bachelor"), Seen::Satisfied);
    let ad = run(r#"{"diplomas":[{"level":"hbo-ad"}]}"#, TODAY);
    let p = route(&ad, K::ZijInstroomPo);
    assert_eq!(seen(p, "zij-instroom-po-bachelor"), Seen::Blocker);
    assert!(finding(p, "zij-instroom-po-bachelor").sources.iter().any(|s| s.id == "S20" && s.url.is_some()));
}

// [S24][S27] Zij-instroom needs a school appointment and a positive geschiktheidsonderzoek: conditions with actions.
#[test]
fn zij_instroom_job_and_go_are_conditions_until_met() {
    let none = run(r#"{"diplomas":[{"level":"hbo-bachelor","field":"rechten"}]}"#, TODAY);
    let p = route(&none, K::ZijInstroomPo);
    assert_eq!(p.eligibility, Eligibility::Conditional);
    assert_eq!(finding(p, "zij-instroom-po-aanstelling").action.as_ref().unwrap().id, "action.find-school");
    assert_eq!(
        finding(p, "zij-instroom-geschiktheidsonderzoek").action.as_ref().unwrap().id,
        "action.geschiktheidsonderzoek"
    );

    // A job in vo does not count for a po route.
    let vo_job = run(
        r#"{"diplomas":[{"level":"hbo-bachelor"}],"job":{"sector":"vo","role":"leraar-onbevoegd","hours_per_week":24}}"#,
        TODAY,
    );
    assert_eq!(seen(route(&vo_job, K::ZijInstroomPo), "zij-instroom-po-aanstelling"), Seen::Condition);

    let both = run(
        r#"{"diplomas":[{"level":"hbo-bachelor"}],"job":{"sector":"po","role":"leraar-onbevoegd","hours_per_week":24,"offer":true},"geschiktheidsonderzoek_passed":true,"vog":true}"#,
        TODAY,
    );
    assert_eq!(route(&both, K::ZijInstroomPo).eligibility, Eligibility::Eligible);
}

// [S29] Zij-instroom vo: not enrolled at a lerarenopleiding (without graduating) in the past
// 2 years (ROUTES row 6). [S33] For po that costs the school the subsidy (ROUTES section 10)
// but is no admission rule (row 5): a condition, and the start is not put off.
#[test]
fn zij_instroom_vo_blocked_within_two_years_of_a_lerarenopleiding_po_loses_the_subsidy() {
    let base = r#""diplomas":[{"level":"hbo-bachelor","field":"wiskunde"}]"#;
    // Left mid-2026: still within two years at the next cohorts.
    let recent = run(&format!(r#"{{{base},"lerarenopleiding_left":"2026-06-30"}}"#), TODAY);
    let vo = route_with_subject(&recent, K::ZijInstroomVoTweedegraads, "wiskunde");
    assert_eq!(seen(vo, "zij-instroom-geen-recente-lerarenopleiding"), Seen::Blocker);
    let po = route(&recent, K::ZijInstroomPo);
    assert_eq!(seen(po, "zij-instroom-geen-recente-lerarenopleiding"), Seen::NotApplied);
    let f = finding(po, "zij-instroom-po-subsidie-recente-lerarenopleiding");
    assert!(po.conditions.iter().any(|c| c.rule == f.rule), "a condition, not a blocker");
    assert_eq!(f.action.as_ref().unwrap().id, "action.school-pays-without-subsidy");
    assert!(f.sources.iter().any(|s| s.id == "S33"));
    assert_ne!(po.eligibility, Eligibility::Ineligible);
    let without = run(&format!("{{{base}}}"), TODAY);
    assert_eq!(
        po.next_intake.as_ref().map(|i| i.start_date),
        route(&without, K::ZijInstroomPo).next_intake.as_ref().map(|i| i.start_date),
        "the same first start as without a recent lerarenopleiding"
    );
    // (vo's admission rule, po's subsidy rule)
    let both = |r: &routewijzer::MatchResult| {
        (
            seen(
                route_with_subject(r, K::ZijInstroomVoTweedegraads, "wiskunde"),
                "zij-instroom-geen-recente-lerarenopleiding",
            ),
            seen(route(r, K::ZijInstroomPo), "zij-instroom-po-subsidie-recente-lerarenopleiding"),
        )
    };
    let long_ago = run(&format!(r#"{{{base},"lerarenopleiding_left":"2024-06-30"}}"#), TODAY);
    assert_eq!(both(&long_ago), (Seen::Satisfied, Seen::Satisfied));
    let enrolled =
        run(&format!(r#"{{{base},"study":{{"level":"hbo-bachelor","ec":60,"lerarenopleiding":true}}}}"#), TODAY);
    assert_eq!(both(&enrolled), (Seen::Blocker, Seen::Condition));
}

// [S33] The school of a zij-instromer po who was at a lerarenopleiding in the past 2 years
// gets no subsidy (ROUTES section 10): the route's cost (the school pays, with the subsidy's
// status) then names no subsidy behind it; for everyone else it does. (The national
// catalog's zij-instroom po offerings have the subsidy as cost figure; the sample's state
// their own amount, so it is set here.)
#[test]
fn zij_instroom_po_after_a_recent_lerarenopleiding_names_no_subsidy_behind_its_cost() {
    let mut c: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap();
    for o in c["offerings"].as_array_mut().unwrap().iter_mut().filter(|o| o["kind"] == "zij-instroom-po") {
        o.as_object_mut().unwrap().remove("cost_eur_per_year");
        o["cost_figure"] = "zij-instroom-subsidie".into();
    }
    let m = routewijzer::Matcher::from_json(&c.to_string()).unwrap();
    let go = |extra: &str| {
        let p = profile(&format!(r#"{{"diplomas":[{{"level":"hbo-bachelor","field":"wiskunde"}}]{extra}}}"#));
        let r = m.match_profile(&p, &routewijzer::MatchOptions::new(date(TODAY)));
        let z = route(&r, K::ZijInstroomPo).clone();
        (z.cost_eur_per_year, z.cost_source.map(|s| s.figure))
    };
    assert_eq!(go(""), (0, Some("zij-instroom-subsidie".to_string())), "the school pays, with the subsidy");
    assert_eq!(go(r#","lerarenopleiding_left":"2026-06-30""#), (0, None), "the school pays, without the subsidy");
    assert_eq!(
        go(r#","lerarenopleiding_left":"2024-06-30""#),
        (0, Some("zij-instroom-subsidie".to_string())),
        "left long enough ago"
    );
}

// [S1] A route to a bevoegdheid the person already holds is closed, saying so (ROUTES section
// 1): po; the same subject at the same or a higher grade; mbo with a PDG or a vo
// bevoegdheid. A held bevoegdheid whose subject was not given: a condition that asks it.
#[test]
fn a_route_to_a_bevoegdheid_already_held_is_closed() {
    let po = run(
        r#"{"diplomas":[{"level":"hbo-bachelor","field":"pabo"}],"qualifications":[{"qualification":"po"}]}"#,
        TODAY,
    );
    for k in [K::PaboVoltijd, K::PaboVerkort, K::ZijInstroomPo] {
        assert_eq!(seen(route(&po, k), "al-bevoegd-po"), Seen::Blocker, "{k:?}");
    }
    let f = finding(route(&po, K::ZijInstroomPo), "al-bevoegd-po");
    assert!(f.message.text.starts_with("Je hebt al een bevoegdheid voor het basisonderwijs"), "{}", f.message.text);
    let held = |q: &str| {
        run(&format!(r#"{{"diplomas":[{{"level":"hbo-bachelor","field":"wiskunde"}}],"qualifications":[{q}]}}"#), TODAY)
    };
    let tweede = held(r#"{"qualification":"tweedegraads","subject":"wiskunde"}"#);
    let kop = |r: &routewijzer::MatchResult, s| {
        seen(route_with_subject(r, K::Kopopleiding, s), "al-bevoegd-tweedegraads-in-het-vak")
    };
    assert_eq!(kop(&tweede, "wiskunde"), Seen::Blocker);
    assert_eq!(kop(&tweede, "techniek"), Seen::Satisfied, "another subject");
    let master = |r: &routewijzer::MatchResult| {
        seen(route_with_subject(r, K::MasterLeraarHbo, "wiskunde"), "al-bevoegd-eerstegraads-in-het-vak")
    };
    assert_eq!(master(&tweede), Seen::Satisfied, "the way up stays open");
    assert_eq!(master(&held(r#"{"qualification":"eerstegraads","subject":"wiskunde"}"#)), Seen::Blocker);
    let unknown = held(r#"{"qualification":"tweedegraads"}"#);
    let k = route_with_subject(&unknown, K::Kopopleiding, "wiskunde");
    assert_eq!(seen(k, "al-bevoegd-tweedegraads-in-het-vak"), Seen::Condition);
    assert_eq!(
        finding(k, "al-bevoegd-tweedegraads-in-het-vak").action.as_ref().unwrap().id,
        "action.give-qualification-subject"
    );
    let pdg = run(
        r#"{"diplomas":[{"level":"hbo-bachelor","field":"verpleegkunde"}],"qualifications":[{"qualification":"pdg"}]}"#,
        TODAY,
    );
    assert_eq!(seen(route(&pdg, K::Pdg), "al-bevoegd-mbo"), Seen::Blocker);
    assert_eq!(seen(route(&tweede, K::Pdg), "al-bevoegd-mbo"), Seen::Blocker);
    let her = route(&pdg, K::Herintreding);
    assert_eq!(finding(her, "herintreding-bevoegdheid-vo").action.as_ref().unwrap().id, "action.herintreding-pdg-mbo");
}

// [S29] Zij-instroom vo tweedegraads: a degree related to the subject; for techniek, mbo-4 plus shown hbo working level.
#[test]
fn zij_instroom_vo_needs_a_related_degree() {
    let engineer = run(r#"{"diplomas":[{"level":"hbo-bachelor","field":"werktuigbouwkunde"}]}"#, TODAY);
    assert_eq!(
        seen(
            route_with_subject(&engineer, K::ZijInstroomVoTweedegraads, "techniek"),
            "zij-instroom-vo-tweedegraads-verwant"
        ),
        Seen::Satisfied
    );
    assert_eq!(
        seen(
            route_with_subject(&engineer, K::ZijInstroomVoTweedegraads, "nederlands"),
            "zij-instroom-vo-tweedegraads-verwant"
        ),
        Seen::Blocker
    );

    let mbo = run(r#"{"diplomas":[{"level":"mbo-4","field":"werktuigbouwkunde"}]}"#, TODAY);
    let f = finding(
        route_with_subject(&mbo, K::ZijInstroomVoTweedegraads, "techniek"),
        "zij-instroom-vo-tweedegraads-verwant",
    );
    assert_eq!(f.action.as_ref().unwrap().id, "action.hbo-assessment");
    assert_eq!(
        seen(
            route_with_subject(&mbo, K::ZijInstroomVoTweedegraads, "wiskunde"),
            "zij-instroom-vo-tweedegraads-verwant"
        ),
        Seen::Blocker
    );
    let assessed =
        run(r#"{"diplomas":[{"level":"mbo-4","field":"werktuigbouwkunde"}],"hbo_level_assessed":true}"#, TODAY);
    assert_eq!(
        seen(
            route_with_subject(&assessed, K::ZijInstroomVoTweedegraads, "techniek"),
            "zij-instroom-vo-tweedegraads-verwant"
        ),
        Seen::Satisfied
    );
    // Whether the mbo-4 must fit the subject, the sources do not say: an mbo-4 that is not
    // related to it is a condition to ask about, not a pass; one whose field is not given
    // is asked for its field first (a related one would meet the rule).
    for (other, action) in [
        (r#"{"level":"mbo-4","field":"pedagogisch-werk"}"#, "action.mbo4-field"),
        (r#"{"level":"mbo-4"}"#, "action.give-field"),
    ] {
        let p = run(&format!(r#"{{"diplomas":[{other}],"hbo_level_assessed":true}}"#), TODAY);
        let f = finding(
            route_with_subject(&p, K::ZijInstroomVoTweedegraads, "techniek"),
            "zij-instroom-vo-tweedegraads-verwant",
        );
        assert_eq!(f.action.as_ref().unwrap().id, action, "{other}");
    }
}

// [S31][S28b] Zij-instroom eerstegraads: relevant wo education (bachelor vs master UNCONFIRMED).
#[test]
fn zij_instroom_eerstegraads_needs_related_wo() {
    let wo = run(r#"{"diplomas":[{"level":"wo-master","field":"wiskunde"}]}"#, TODAY);
    let p = route_with_subject(&wo, K::ZijInstroomVoEerstegraads, "wiskunde");
    assert_eq!(seen(p, "zij-instroom-vo-eerstegraads-wo"), Seen::Satisfied);
    let hbo = run(r#"{"diplomas":[{"level":"hbo-bachelor","field":"wiskunde"}]}"#, TODAY);
    let p = route_with_subject(&hbo, K::ZijInstroomVoEerstegraads, "wiskunde");
    let f = finding(p, "zij-instroom-vo-eerstegraads-wo");
    assert_eq!(f.status, SourceStatus::Unconfirmed);
    assert_eq!(p.eligibility, Eligibility::Ineligible);
}

// [S29][S63] NT2 programma II (B2) for foreign diplomas and non-native speakers.
#[test]
fn nt2_b2_for_foreign_diplomas_and_non_native_speakers() {
    let b1 = run(
        r#"{"diplomas":[{"level":"wo-master","field":"wiskunde","foreign":true,"recognised":true}],"dutch":"b1"}"#,
        TODAY,
    );
    let f = finding(route(&b1, K::ZijInstroomPo), "nt2-programma-ii");
    assert_eq!(f.action.as_ref().unwrap().id, "action.nt2-b2");
    let b2 = run(r#"{"diplomas":[{"level":"wo-master","foreign":true,"recognised":true}],"dutch":"b2"}"#, TODAY);
    assert_eq!(seen(route(&b2, K::ZijInstroomPo), "nt2-programma-ii"), Seen::Satisfied);
    let native = run(r#"{"diplomas":[{"level":"wo-master"}]}"#, TODAY);
    assert_eq!(seen(route(&native, K::ZijInstroomPo), "nt2-programma-ii"), Seen::NotApplied);
    // A foreign diploma with the Dutch level not given: to be shown, so a condition.
    let unknown = run(r#"{"diplomas":[{"level":"wo-master","foreign":true,"recognised":true}]}"#, TODAY);
    assert_eq!(seen(route(&unknown, K::ZijInstroomPo), "nt2-programma-ii"), Seen::Condition);
}

// [S20] (and §10) an unrecognised foreign degree: the route opens once the level is recognised.
#[test]
fn unrecognised_foreign_diploma_is_a_condition() {
    let r = run(r#"{"diplomas":[{"level":"wo-master","foreign":true}],"dutch":"c1"}"#, TODAY);
    let f = finding(route(&r, K::ZijInstroomPo), "zij-instroom-po-bachelor");
    assert_eq!(f.action.as_ref().unwrap().id, "action.diploma-recognition");
}

// [S38][S39] PDG: a bachelor (or an hbo-level assessment) and a job as mbo docent (0.4 fte at Fontys, UNCONFIRMED as law).
// [S127] Without an hbo/wo degree the employer's geschiktheidsverklaring, without which a PDG
// does not count, also needs 3 years' experience in the profession (ROLES R4.4): said in the action.
#[test]
fn pdg_needs_a_bachelor_or_assessment_and_an_mbo_job() {
    let ok = run(
        r#"{"diplomas":[{"level":"hbo-bachelor","field":"verpleegkunde"}],"job":{"sector":"mbo","role":"leraar-onbevoegd","hours_per_week":20}}"#,
        TODAY,
    );
    assert_eq!(route(&ok, K::Pdg).eligibility, Eligibility::Eligible);
    let small = run(
        r#"{"diplomas":[{"level":"hbo-bachelor"}],"job":{"sector":"mbo","role":"instructeur","hours_per_week":8}}"#,
        TODAY,
    );
    let f = finding(route(&small, K::Pdg), "pdg-aanstelling-mbo");
    assert_eq!(f.status, SourceStatus::Unconfirmed);
    let mbo4 = run(r#"{"diplomas":[{"level":"mbo-4"}]}"#, TODAY);
    let f = finding(route(&mbo4, K::Pdg), "pdg-vooropleiding");
    assert_eq!(f.action.as_ref().unwrap().id, "action.pdg-without-degree");
    assert!(f.action.as_ref().unwrap().text.contains("minstens 3 jaar werkervaring"), "{:?}", f.action);
    assert!(f.sources.iter().any(|s| s.id == "S127"));
    let assessed = run(r#"{"diplomas":[{"level":"mbo-4"}],"hbo_level_assessed":true}"#, TODAY);
    let f = finding(route(&assessed, K::Pdg), "pdg-vooropleiding");
    assert_eq!(
        f.action.as_ref().map(|a| a.id.as_str()),
        Some("action.pdg-experience"),
        "the level alone is not enough"
    );
    // ROUTES row 8 names no precondition for the assessment: vwo or a propedeuse too.
    for level in ["vwo", "hbo-propedeuse", "havo"] {
        let r = run(&format!(r#"{{"diplomas":[{{"level":"{level}"}}]}}"#), TODAY);
        let p = route(&r, K::Pdg);
        assert_eq!(finding(p, "pdg-vooropleiding").action.as_ref().unwrap().id, "action.pdg-without-degree", "{level}");
        assert_ne!(p.eligibility, Eligibility::Ineligible, "{level}");
        let r = run(&format!(r#"{{"diplomas":[{{"level":"{level}"}}],"hbo_level_assessed":true}}"#), TODAY);
        assert_eq!(seen(route(&r, K::Pdg), "pdg-vooropleiding"), Seen::Condition, "{level}");
    }
}

// [S42] Kopopleiding: a bachelor related to the subject (verwantschapstabel).
#[test]
fn kopopleiding_needs_a_related_bachelor() {
    let r = run(r#"{"diplomas":[{"level":"wo-bachelor","field":"econometrie"}]}"#, TODAY);
    assert_eq!(
        seen(route_with_subject(&r, K::Kopopleiding, "wiskunde"), "kopopleiding-verwante-bachelor"),
        Seen::Satisfied
    );
    let r = run(r#"{"diplomas":[{"level":"wo-bachelor","field":"rechten"}]}"#, TODAY);
    assert_eq!(
        seen(route_with_subject(&r, K::Kopopleiding, "wiskunde"), "kopopleiding-verwante-bachelor"),
        Seen::Blocker
    );
}

// [S43][S3] Educatieve minor: inside a wo bachelor in the subject with at least 90 EC.
#[test]
fn educatieve_minor_needs_90_ec_in_a_related_wo_bachelor() {
    let ok = run(r#"{"study":{"level":"wo-bachelor","field":"biologie","ec":95}}"#, TODAY);
    assert_eq!(
        seen(route_with_subject(&ok, K::EducatieveMinor, "biologie"), "educatieve-minor-wo-student"),
        Seen::Satisfied
    );
    let early = run(r#"{"study":{"level":"wo-bachelor","field":"biologie","ec":60}}"#, TODAY);
    assert_eq!(
        seen(route_with_subject(&early, K::EducatieveMinor, "biologie"), "educatieve-minor-wo-student"),
        Seen::Blocker
    );
    let hbo = run(r#"{"study":{"level":"hbo-bachelor","field":"biologie","ec":150}}"#, TODAY);
    assert_eq!(
        seen(route_with_subject(&hbo, K::EducatieveMinor, "biologie"), "educatieve-minor-wo-student"),
        Seen::Blocker
    );
}

// [S44] Educatieve module: after a related wo bachelor.
#[test]
fn educatieve_module_after_a_related_wo_bachelor() {
    let r = run(r#"{"diplomas":[{"level":"wo-bachelor","field":"engelse-taal-en-cultuur"}]}"#, TODAY);
    let module = r.routes.iter().find(|x| x.kind == K::EducatieveModule).unwrap();
    let subject = module.subject.unwrap().id();
    let expected = if subject == "engels" { Seen::Satisfied } else { Seen::Blocker };
    assert_eq!(seen(module, "educatieve-module-bachelor"), expected);
}

// [S45] hbo master Leraar X builds on tweedegraads in the subject.
#[test]
fn master_leraar_hbo_needs_tweedegraads_in_the_subject() {
    let r = run(r#"{"qualifications":[{"qualification":"tweedegraads","subject":"wiskunde"}]}"#, TODAY);
    let m = route_with_subject(&r, K::MasterLeraarHbo, "wiskunde");
    assert_eq!(seen(m, "master-hbo-tweedegraads"), Seen::Satisfied);
    let r = run(r#"{"qualifications":[{"qualification":"tweedegraads","subject":"engels"}]}"#, TODAY);
    assert_eq!(seen(route_with_subject(&r, K::MasterLeraarHbo, "wiskunde"), "master-hbo-tweedegraads"), Seen::Blocker);
}

// [S45][S46] 1-year wo master needs a related wo master; 2-year educatieve master a related wo bachelor.
#[test]
fn wo_masters_need_related_wo_degrees() {
    let master = run(r#"{"diplomas":[{"level":"wo-master","field":"wiskunde"}]}"#, TODAY);
    assert_eq!(
        seen(route_with_subject(&master, K::MasterLeraarWo, "wiskunde"), "master-wo-verwante-master"),
        Seen::Satisfied
    );
    let bachelor = run(r#"{"diplomas":[{"level":"wo-bachelor","field":"wiskunde"}]}"#, TODAY);
    assert_eq!(
        seen(route_with_subject(&bachelor, K::MasterLeraarWo, "wiskunde"), "master-wo-verwante-master"),
        Seen::Blocker
    );
    let bio = run(r#"{"diplomas":[{"level":"wo-bachelor","field":"biologie"}]}"#, TODAY);
    assert_eq!(
        seen(route_with_subject(&bio, K::EducatieveMaster, "biologie"), "educatieve-master-verwante-bachelor"),
        Seen::Satisfied
    );
}

// [S49][S94] The onderwijsassistent route is for working onderwijsassistenten.
#[test]
fn onderwijsassistent_route_needs_the_job() {
    let oa = run(
        r#"{"diplomas":[{"level":"mbo-4"}],"job":{"sector":"po","role":"onderwijsassistent","hours_per_week":28}}"#,
        TODAY,
    );
    assert_eq!(seen(route(&oa, K::OnderwijsassistentNaarLeraar), "onderwijsassistent-werkzaam"), Seen::Satisfied);
    let none = run(r#"{"diplomas":[{"level":"mbo-4"}]}"#, TODAY);
    assert_eq!(route(&none, K::OnderwijsassistentNaarLeraar).eligibility, Eligibility::Ineligible);
}

// [S50][S52] LIO: final-year students of a lerarenopleiding.
#[test]
fn lio_is_for_final_year_students() {
    let final_year = run(
        r#"{"diplomas":[{"level":"havo"}],"study":{"level":"hbo-bachelor","ec":190,"lerarenopleiding":true}}"#,
        TODAY,
    );
    assert_eq!(seen(route(&final_year, K::Lio), "lio-laatstejaars"), Seen::Satisfied);
    let second_year = run(
        r#"{"diplomas":[{"level":"havo"}],"study":{"level":"hbo-bachelor","ec":100,"lerarenopleiding":true}}"#,
        TODAY,
    );
    assert_eq!(seen(route(&second_year, K::Lio), "lio-laatstejaars"), Seen::Blocker);
}

// [S7] A returning teacher keeps the bevoegdheid.
#[test]
fn herintreding_needs_an_earlier_bevoegdheid() {
    let r = run(r#"{"qualifications":[{"qualification":"po"}],"sectors":["po"]}"#, TODAY);
    let po =
        r.routes.iter().find(|x| x.kind == K::Herintreding && x.sectors.contains(&routewijzer::Sector::Po)).unwrap();
    assert_eq!(po.eligibility, Eligibility::Eligible);
    let none = run(r#"{"diplomas":[{"level":"hbo-bachelor"}]}"#, TODAY);
    assert!(none.routes.iter().filter(|x| x.kind == K::Herintreding).all(|x| x.eligibility == Eligibility::Ineligible));
}

// [S6][S7] Without a bevoegdheid at most 6 hours a week (CONFLICT: 4 hours in an older FAQ).
#[test]
fn hybride_docent_without_bevoegdheid_is_limited_to_six_hours() {
    let r = run(r#"{"diplomas":[{"level":"wo-master","field":"informatica"}]}"#, TODAY);
    let f = finding(route(&r, K::HybrideDocent), "onbevoegd-max-6-uur");
    assert_eq!(f.status, SourceStatus::Conflict);
    assert_eq!(f.action.as_ref().unwrap().id, "action.max-6-hours");
    let qualified = run(r#"{"qualifications":[{"qualification":"tweedegraads","subject":"informatica"}]}"#, TODAY);
    assert_eq!(seen(route(&qualified, K::HybrideDocent), "onbevoegd-max-6-uur"), Seen::Satisfied);
    // ROUTES 1: a PDG counts in mbo only, a beperkt tweedegraads in vo only; the hybride
    // docent covers both, so the limit stays, saying where it does not apply.
    for (q, action) in [("pdg", "action.max-6-hours-pdg"), ("beperkt-tweedegraads", "action.max-6-hours-beperkt")] {
        let r = run(&format!(r#"{{"qualifications":[{{"qualification":"{q}"}}],"hours_per_week":12}}"#), TODAY);
        let f = finding(route(&r, K::HybrideDocent), "onbevoegd-max-6-uur");
        assert_eq!(f.action.as_ref().unwrap().id, action, "{q}");
        assert_eq!(f.status, SourceStatus::Conflict, "{q}");
    }
}

// [S29] A second bevoegdheid through zij-instroom: a bevoegdheid, a teaching job and at
// least 2 years' experience (ROUTES 3.2), without a degree related to the new subject.
#[test]
fn a_teacher_can_gain_a_second_bevoegdheid_through_zij_instroom() {
    let teacher = r#""diplomas":[{"level":"hbo-bachelor","field":"engels"}],"qualifications":[{"qualification":"tweedegraads","subject":"engels"}]"#;
    let working = run(&format!(r#"{{{teacher},"job":{{"sector":"vo","role":"leraar","hours_per_week":24}}}}"#), TODAY);
    let z = route_with_subject(&working, K::ZijInstroomVoTweedegraads, "duits");
    assert_eq!(seen(z, "zij-instroom-vo-tweedegraads-verwant"), Seen::Condition);
    assert_eq!(
        finding(z, "zij-instroom-vo-tweedegraads-verwant").action.as_ref().unwrap().id,
        "action.second-qualification"
    );
    assert_ne!(z.eligibility, Eligibility::Ineligible);
    // Without a teaching job, or without a bevoegdheid, the related degree is needed.
    let no_job = run(&format!("{{{teacher}}}"), TODAY);
    assert_eq!(
        seen(
            route_with_subject(&no_job, K::ZijInstroomVoTweedegraads, "duits"),
            "zij-instroom-vo-tweedegraads-verwant"
        ),
        Seen::Blocker
    );
    // Eerstegraads still asks a wo degree (ROUTES row 7, section 10): an hbo-only teacher stays out.
    let e = route_with_subject(&working, K::ZijInstroomVoEerstegraads, "wiskunde");
    assert_eq!(seen(e, "zij-instroom-vo-eerstegraads-wo"), Seen::Blocker);
    assert_eq!(e.eligibility, Eligibility::Ineligible);
    let wo_teacher = run(
        r#"{"diplomas":[{"level":"wo-master","field":"engels"}],"qualifications":[{"qualification":"eerstegraads","subject":"engels"}],"job":{"sector":"vo","role":"leraar","hours_per_week":24}}"#,
        TODAY,
    );
    let e = route_with_subject(&wo_teacher, K::ZijInstroomVoEerstegraads, "wiskunde");
    assert_eq!(
        finding(e, "zij-instroom-vo-eerstegraads-wo").action.as_ref().unwrap().id,
        "action.second-qualification"
    );
    let unqualified = run(
        r#"{"diplomas":[{"level":"hbo-bachelor","field":"engels"}],"job":{"sector":"vo","role":"leraar","hours_per_week":24}}"#,
        TODAY,
    );
    assert_eq!(
        seen(
            route_with_subject(&unqualified, K::ZijInstroomVoTweedegraads, "duits"),
            "zij-instroom-vo-tweedegraads-verwant"
        ),
        Seen::Blocker
    );
}

// Every finding carries a rendered message, its sources with URLs, and the rule's validity dates.
#[test]
fn findings_explain_themselves_in_both_languages() {
    let nl = run(r#"{"diplomas":[{"level":"hbo-ad"}]}"#, TODAY);
    let en = run_with(r#"{"diplomas":[{"level":"hbo-ad"}]}"#, TODAY, routewijzer::Lang::En);
    let f_nl = finding(route(&nl, K::ZijInstroomPo), "zij-instroom-po-bachelor");
    let f_en = finding(route(&en, K::ZijInstroomPo), "zij-instroom-po-bachelor");
    assert_eq!(f_nl.message.id, f_en.message.id);
    assert!(f_nl.message.text.starts_with("Vereist een diploma"), "{}", f_nl.message.text);
    assert!(f_en.message.text.starts_with("Requires a diploma"), "{}", f_en.message.text);
    assert!(f_nl.sources.iter().all(|s| s.url.as_deref().is_some_and(|u| u.starts_with("https://"))));
}

// Rules apply as they stand when the person would start: the intake date, not today.
// [S29][S33] left a lerarenopleiding in January 2025: on 2026-11-23 that is under two
// years ago, but the first feasible zij-instroom cohort (September 2027) is later.
#[test]
fn rules_are_applied_on_the_intake_date() {
    let r = run(r#"{"diplomas":[{"level":"hbo-bachelor"}],"lerarenopleiding_left":"2025-01-10"}"#, TODAY);
    let z = route(&r, K::ZijInstroomPo);
    assert_eq!(z.next_intake.as_ref().unwrap().start_date.to_string(), "2027-09-01");
    assert_eq!(seen(z, "zij-instroom-po-subsidie-recente-lerarenopleiding"), Seen::Satisfied);
    // [S10][S11] In May 2022 the next pabo intake (September 2022) falls under the experiment, not the 2015 rule.
    let r = run(r#"{"diplomas":[{"level":"havo"}]}"#, "2022-05-01");
    let p = r.routes.iter().find(|x| x.kind == K::PaboVoltijd && x.next_intake.is_some());
    if let Some(p) = p {
        let start = p.next_intake.as_ref().unwrap().start_date;
        if start >= common::date("2022-09-01") && start <= common::date("2025-08-31") {
            assert_eq!(seen(p, "pabo-toelatingstoetsen-experiment"), Seen::Condition);
            assert_eq!(seen(p, "pabo-toelatingstoetsen-2015"), Seen::NotApplied);
        }
    }
}

// A field that was not given is unknown, not unrelated: a condition asking for it.
#[test]
fn a_missing_study_field_asks_for_it() {
    let r = run(r#"{"diplomas":[{"level":"wo-master"}]}"#, TODAY);
    let k = route_with_subject(&r, K::Kopopleiding, "wiskunde");
    assert_eq!(k.eligibility, Eligibility::Conditional);
    assert_eq!(finding(k, "kopopleiding-verwante-bachelor").action.as_ref().unwrap().id, "action.give-field");
}

// [S20] Zij-instroom po asks for a VOG.
#[test]
fn zij_instroom_po_asks_for_a_vog() {
    let base = r#""diplomas":[{"level":"hbo-bachelor"}],"job":{"sector":"po","role":"leraar-onbevoegd","hours_per_week":24},"geschiktheidsonderzoek_passed":true"#;
    let without = run(&format!("{{{base}}}"), TODAY);
    let z = route(&without, K::ZijInstroomPo);
    assert_eq!(z.eligibility, Eligibility::Conditional);
    assert_eq!(finding(z, "zij-instroom-vog").action.as_ref().unwrap().id, "action.vog");
    let with = run(&format!(r#"{{{base},"vog":true}}"#), TODAY);
    assert_eq!(route(&with, K::ZijInstroomPo).eligibility, Eligibility::Eligible);
}

// [S50][S52] LIO for master students of a teaching master, not only bachelors.
#[test]
fn lio_for_teaching_master_students() {
    let r = run(
        r#"{"diplomas":[{"level":"wo-master"}],"study":{"level":"wo-master","ec":40,"lerarenopleiding":true}}"#,
        TODAY,
    );
    assert_eq!(seen(route(&r, K::Lio), "lio-laatstejaars"), Seen::Satisfied);
}

// [S6] The 6-hour limit only matters to someone who wants to teach more than 6 hours.
#[test]
fn hybride_docent_within_six_hours_needs_no_bevoegdheid() {
    let few = run(r#"{"diplomas":[{"level":"wo-master","field":"informatica"}],"hours_per_week":6}"#, TODAY);
    assert_eq!(seen(route(&few, K::HybrideDocent), "onbevoegd-max-6-uur"), Seen::NotApplied);
    let many = run(r#"{"diplomas":[{"level":"wo-master","field":"informatica"}],"hours_per_week":30}"#, TODAY);
    assert_eq!(seen(route(&many, K::HybrideDocent), "onbevoegd-max-6-uur"), Seen::Condition);
    // Getting a bevoegdheid is not proposed as the way into hybride teaching.
    assert!(!many.what_if.iter().any(|w| w.kind == K::HybrideDocent));
    // Its pathways never pair a post of more than 6 hours.
    for p in many.pathways.iter().filter(|p| p.kind == K::HybrideDocent) {
        assert!(p.vacancy.as_ref().is_none_or(|v| v.work_hours <= 6));
    }
}

// [S7][S1] Herintreding awards nothing new: a vo/mbo bevoegdheid of any subject admits to the
// (subjectless) vo/mbo herintreding; the held subject is what the person teaches.
#[test]
fn herintreding_vo_needs_a_vo_bevoegdheid() {
    let vo = |r: &routewijzer::MatchResult| {
        r.routes
            .iter()
            .find(|x| x.kind == K::Herintreding && x.sectors.contains(&routewijzer::Sector::Vo))
            .cloned()
            .unwrap()
    };
    let bio = run(r#"{"qualifications":[{"qualification":"tweedegraads","subject":"biologie"}]}"#, TODAY);
    assert_eq!(vo(&bio).eligibility, Eligibility::Eligible);
    assert_eq!(vo(&bio).subject, None);
    let po = run(r#"{"qualifications":[{"qualification":"po"}]}"#, TODAY);
    let r = vo(&po);
    assert_eq!(r.eligibility, Eligibility::Ineligible);
    assert_eq!(finding(&r, "herintreding-bevoegdheid-vo").status, SourceStatus::Unconfirmed);
}

// Fields as people type them match the relatedness table's keys.
#[test]
fn study_fields_are_matched_as_typed() {
    for field in ["toegepaste wiskunde", "Toegepaste Wiskunde", " toegepaste_wiskunde "] {
        let r = run(&format!(r#"{{"diplomas":[{{"level":"hbo-bachelor","field":"{field}"}}]}}"#), TODAY);
        assert_eq!(
            seen(route_with_subject(&r, K::Kopopleiding, "wiskunde"), "kopopleiding-verwante-bachelor"),
            Seen::Satisfied,
            "{field}"
        );
    }
}

// [S78] The 21+ test counts the age at the start of the intake when the date of birth is given.
#[test]
fn age_rules_use_the_age_at_the_intake_with_a_birth_date() {
    // 20 today (2026-11-23), 21 by the September 2027 intake.
    let r = run(r#"{"diplomas":[{"level":"vmbo"}],"birth_date":"2006-03-01"}"#, TODAY);
    let p = route(&r, K::PaboVoltijd);
    assert_eq!(p.next_intake.as_ref().unwrap().start_date.to_string(), "2027-09-01");
    assert_eq!(finding(p, "hbo-vooropleiding").action.as_ref().unwrap().id, "action.21plus-test");
    // Only 20 at that intake: blocked.
    let r = run(r#"{"diplomas":[{"level":"vmbo"}],"birth_date":"2006-12-01"}"#, TODAY);
    assert_eq!(seen(route(&r, K::PaboVoltijd), "hbo-vooropleiding"), Seen::Blocker);
}

// A rule met on a fact the sources do not settle keeps its status in the output: [S31][S28b]
// whether a wo bachelor suffices for zij-instroom eerstegraads is UNCONFIRMED (ROUTES row 7).
#[test]
fn a_rule_met_on_an_unconfirmed_fact_says_so() {
    let r = run(r#"{"diplomas":[{"level":"wo-bachelor","field":"wiskunde"}]}"#, TODAY);
    let z = route_with_subject(&r, K::ZijInstroomVoEerstegraads, "wiskunde");
    assert_eq!(seen(z, "zij-instroom-vo-eerstegraads-wo"), Seen::Satisfied);
    let u = z
        .unsure
        .iter()
        .find(|f| f.rule == "zij-instroom-vo-eerstegraads-wo")
        .expect("the unconfirmed rule met is listed");
    assert_eq!(u.status, SourceStatus::Unconfirmed);
    assert!(u.sources.iter().any(|s| s.id == "S31"));
    assert!(u.action.is_none());
    // Confirmed rules met are not: every unsure finding is a satisfied rule with a status.
    for route in &r.routes {
        for f in &route.unsure {
            assert_ne!(f.status, SourceStatus::Confirmed, "{}", f.rule);
            assert!(route.satisfied.contains(&f.rule), "{}", f.rule);
        }
        assert!(!route.unsure.iter().any(|f| f.rule == "zij-instroom-po-bachelor"), "confirmed");
    }
}

// A region shard (the sample is AM13's) shows its region's routes and those near it: someone
// living elsewhere is told that routes nearer to them may be missing.
#[test]
fn a_person_outside_the_catalogs_region_is_told_so() {
    let told = |json: &str| run(json, TODAY).notices.iter().any(|n| n.id == "notice.outside-region");
    assert!(!told(r#"{"location":{"postcode":"3511"}}"#), "Utrecht is in AM13");
    assert!(told(r#"{"location":{"gemeente":"GM0599","lat":51.92,"lon":4.48}}"#), "Rotterdam, resolved by the client");
    assert!(!told("{}"), "no place: nothing to say about it");
}

// The answer in words names what to arrange first and then the calendar's first date: for a
// January job offer the school's request for the GO is weeks away, the intake months.
#[test]
fn the_answer_names_the_first_step_and_the_first_date() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/profiles/januari-baanaanbod.json"
    ))
    .unwrap();
    // With the job from 4 January the school must ask for the GO today: the first step says
    // so, and no date follows it.
    let now = run(&json, TODAY);
    assert!(now.summary.iter().any(|t| t.id == "summary.first-step"));
    assert!(!now.summary.iter().any(|t| t.id == "summary.first-date"), "{:?}", now.summary);
    // With the job from June the request is weeks away: its date follows the first step.
    let r = run(&json.replace("2027-01-04", "2027-06-01"), TODAY);
    let ids: Vec<&str> = r.summary.iter().map(|t| t.id.as_str()).collect();
    let first = ids.iter().position(|&i| i == "summary.first-step").expect("a first step");
    assert_eq!(ids.get(first + 1), Some(&"summary.first-date"), "{ids:?}");
    let date = &r.summary[first + 1];
    let pw = r.pathways.iter().find(|p| p.offering == r.routes[0].offering).expect("the best route's pathway");
    let ev = pw.timeline.first().unwrap();
    assert!(date.text.contains(&ev.text.text), "{}", date.text);
    assert!(ev.date > common::date(TODAY), "a date after today");
    assert!(ev.date < r.routes[0].next_intake.as_ref().unwrap().start_date, "the first date comes before the intake");
}

// When the best route's pathway pairs it with an example vacancy (demo), the steps that
// vacancy dates are no first date, but the cohort's own deadline is: a career switcher for
// po is told to apply by 15 April, not that the first date is the intake in September.
#[test]
fn the_first_date_is_the_deadline_when_the_job_is_an_example() {
    let json = r#"{"diplomas":[{"level":"havo"},{"level":"hbo-bachelor","field":"bedrijfskunde"}],"sectors":["po"],
            "hours_per_week":36,"location":{"postcode":"3812"},"max_travel_km":40,"age":35}"#;
    let r = run(json, TODAY);
    let best = &r.routes[0];
    let pw = r.pathways.iter().find(|p| p.offering == best.offering).expect("the best route's pathway");
    assert!(pw.vacancy.as_ref().is_some_and(|v| v.demo), "the sample pairs it with an example vacancy");
    let t = best.next_intake.as_ref().unwrap();
    assert!(t.apply_by < t.start_date);
    let first_date =
        |r: &routewijzer::MatchResult| r.summary.iter().find(|s| s.id.starts_with("summary.first-date")).cloned();
    let date = first_date(&r).expect("a first date");
    assert!(date.text.contains("Uiterlijk aanmelden"), "{}", date.text);
    let day = routewijzer::i18n::long_date(routewijzer::Lang::Nl, &t.apply_by.to_string());
    assert!(date.text.contains(&day), "{} ({})", date.text, t.apply_by);
    // The sample's intakes are usual dates, not announced ones: the date is an estimate, as
    // the card says.
    assert_eq!(t.status, routewijzer::IntakeStatus::Typical);
    assert_eq!(date.id, "summary.first-date-expected");
    assert!(date.text.ends_with(", verwacht)."), "{}", date.text);
    // On the deadline itself the deadline is still said (it is the last day to act).
    let on = run(json, &t.apply_by.to_string());
    let date = first_date(&on).expect("a first date on the deadline");
    assert!(date.text.contains("Uiterlijk aanmelden") && date.text.contains(&day), "{}", date.text);
}

// The count of places to train says how many of them lie beyond the distance the person
// gave (they are listed and marked, only the filter leaves them out); without a distance
// given, nothing is said.
#[test]
fn the_answer_says_how_many_places_lie_beyond_the_distance_given() {
    let json = r#"{"diplomas":[{"level":"havo"},{"level":"hbo-bachelor","field":"bedrijfskunde"}],"sectors":["po"],
        "hours_per_week":36,"location":{"postcode":"3812"},"max_travel_km":40,"age":35}"#;
    let r = run(json, TODAY);
    let far = r
        .routes
        .iter()
        .filter(|x| x.eligibility != Eligibility::Ineligible && !x.outside && x.distance_km.is_some_and(|d| d > 40.0))
        .count();
    assert!(far > 1, "the sample has places beyond 40 km");
    let said = r.summary.iter().find(|s| s.id == "summary.far").expect("said");
    assert!(said.text.contains(&format!("{far} verder dan de 40 km")), "{}", said.text);
    // One place beyond 100 km (Groningen): said in the singular.
    let r = run(&json.replace(r#""max_travel_km":40"#, r#""max_travel_km":100"#), TODAY);
    let said = r.summary.iter().find(|s| s.id.starts_with("summary.far")).expect("said");
    assert_eq!(
        (said.id.as_str(), said.text.as_str()),
        ("summary.far-one", "Daarvan ligt er 1 verder dan de 100 km die je opgaf.")
    );
    let unsaid = run(&json.replace(r#""max_travel_km":40,"#, ""), TODAY);
    assert!(!unsaid.summary.iter().any(|s| s.id.starts_with("summary.far")), "{:?}", unsaid.summary);
}

// The travel factor says when the maximum distance is the default, not the person's.
#[test]
fn the_travel_reason_says_whose_maximum_it_is() {
    let reason = |json: &str| {
        let r = run(json, TODAY);
        r.routes[0].factors.iter().find(|f| f.factor == "travel").unwrap().reason.clone()
    };
    let default = reason(r#"{"location":{"postcode":"3511"}}"#);
    assert_eq!(default.id, "factor.travel.km-default");
    assert!(default.text.contains("je gaf geen maximum op"), "{}", default.text);
    assert_eq!(reason(r#"{"location":{"postcode":"3511"},"max_travel_km":30}"#).id, "factor.travel.km");
}

// The 6-hour limit's CONFLICT (4 or 6 hours) is about the limit: a qualified person meets the
// rule without depending on it, so it is not listed as unsure for them.
#[test]
fn a_limit_met_by_a_qualified_person_is_not_unsure() {
    let r =
        run(r#"{"qualifications":[{"qualification":"tweedegraads","subject":"techniek"}],"hours_per_week":20}"#, TODAY);
    let h = route(&r, K::HybrideDocent);
    assert_eq!(seen(h, "onbevoegd-max-6-uur"), Seen::Satisfied);
    assert!(!h.unsure.iter().any(|f| f.rule == "onbevoegd-max-6-uur"));
}
