//! Shared helpers for the integration tests.
#![allow(dead_code)]

use routewijzer::result::{Finding, MatchResult, RouteResult};
use routewijzer::{Date, Eligibility, Lang, MatchOptions, Matcher, Profile, RouteKind};
use std::sync::OnceLock;

pub const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sample-catalog.json");

/// The hand-written sample catalog, parsed once.
pub fn sample() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let text = std::fs::read_to_string(SAMPLE).expect("sample catalog readable");
        Matcher::from_json(&text).unwrap_or_else(|e| panic!("sample catalog invalid: {e}"))
    })
}

pub fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

pub fn profile(json: &str) -> Profile {
    routewijzer::model::parse::profile_from_str(json).unwrap_or_else(|e| panic!("test profile invalid: {e}"))
}

pub fn run(json: &str, today: &str) -> MatchResult {
    run_with(json, today, Lang::Nl)
}

pub fn run_with(json: &str, today: &str, lang: Lang) -> MatchResult {
    let mut o = MatchOptions::new(date(today));
    o.lang = lang;
    sample().match_profile(&profile(json), &o)
}

/// The best-ranked route of a kind (optionally with a subject).
pub fn route(r: &MatchResult, kind: RouteKind) -> &RouteResult {
    r.routes.iter().find(|x| x.kind == kind).unwrap_or_else(|| panic!("no route of kind {kind} in the sample"))
}

pub fn route_with_subject<'a>(r: &'a MatchResult, kind: RouteKind, subject: &str) -> &'a RouteResult {
    r.routes
        .iter()
        .find(|x| x.kind == kind && x.subject.map(|s| s.id()) == Some(subject))
        .unwrap_or_else(|| panic!("no route {kind} for {subject} in the sample"))
}

/// What happened to one rule on a route.
#[derive(Debug, PartialEq, Eq)]
pub enum Seen {
    Satisfied,
    Condition,
    Blocker,
    NotApplied,
}

pub fn seen(route: &RouteResult, rule: &str) -> Seen {
    if route.satisfied.iter().any(|s| s == rule) {
        Seen::Satisfied
    } else if route.conditions.iter().any(|f| f.rule == rule) {
        Seen::Condition
    } else if route.blockers.iter().any(|f| f.rule == rule) {
        Seen::Blocker
    } else {
        Seen::NotApplied
    }
}

pub fn finding<'a>(route: &'a RouteResult, rule: &str) -> &'a Finding {
    route
        .conditions
        .iter()
        .chain(&route.blockers)
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("rule {rule} is not a finding on {}", route.offering))
}

pub fn eligibility_rank(e: Eligibility) -> u8 {
    match e {
        Eligibility::Eligible => 0,
        Eligibility::Conditional => 1,
        Eligibility::Ineligible => 2,
    }
}
