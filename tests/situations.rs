//! Situations: what the sources say a loket adviser should see, written as data.
//!
//! Every file in `tests/situations/` is one situation: a profile, a date, a catalog and a
//! list of expectations (checks) with the reasoning and the source ids behind them. This
//! one generic runner reads them all; adding a situation is adding a file. The runner
//! depends only on the result JSON (the serde serialisation of `MatchResult`) and on the
//! text report, not on engine internals. All failures of all files are reported in one
//! run. See `tests/situations/README.md` for the format and every check.

mod common;

use routewijzer::{Lang, MatchOptions, Matcher};
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/situations");
const NATIONAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/catalog.json");
const MIN_SITUATIONS: usize = 60;

/// A catalog parsed once: the matcher and the catalog's JSON (vacancies, route kinds, rules).
struct Cat {
    matcher: Matcher,
    json: Value,
}

fn load_catalog(path: &str) -> Cat {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let matcher = Matcher::from_json(&text).unwrap_or_else(|e| panic!("{path} invalid: {e}"));
    let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    Cat { matcher, json }
}

fn catalog(name: &str) -> Option<&'static Cat> {
    static NAT: OnceLock<Cat> = OnceLock::new();
    static SAMPLE: OnceLock<Cat> = OnceLock::new();
    match name {
        "national" => Some(NAT.get_or_init(|| load_catalog(NATIONAL))),
        "sample" => Some(SAMPLE.get_or_init(|| load_catalog(common::SAMPLE))),
        _ => None,
    }
}

/// One situation file, read but not run.
struct Situation {
    file: String,
    doc: Map<String, Value>,
    checks: Vec<Value>,
}

const TOP_KEYS: &[&str] =
    &["title", "why", "sources", "today", "catalog", "lang", "profile", "profile_file", "expect", "note"];

fn files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(DIR)
        .unwrap_or_else(|e| panic!("{DIR}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    v.sort();
    v
}

/// Reads every situation; problems with a file's form are returned as failures.
fn situations() -> (Vec<Situation>, Vec<String>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for path in files() {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(format!("{file}: unreadable: {e}"));
                continue;
            }
        };
        let doc: Map<String, Value> = match serde_json::from_str(&text) {
            Ok(Value::Object(m)) => m,
            Ok(_) => {
                errors.push(format!("{file}: not a JSON object"));
                continue;
            }
            Err(e) => {
                errors.push(format!("{file}: invalid JSON: {e}"));
                continue;
            }
        };
        let mut bad = Vec::new();
        for k in doc.keys() {
            if !TOP_KEYS.contains(&k.as_str()) {
                bad.push(format!("unknown key \"{k}\""));
            }
        }
        for k in ["title", "why", "today", "catalog"] {
            if !doc.get(k).is_some_and(Value::is_string) {
                bad.push(format!("\"{k}\" must be a string"));
            }
        }
        if !doc
            .get("sources")
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty() && a.iter().all(Value::is_string))
        {
            bad.push("\"sources\" must be a non-empty list of strings".into());
        }
        if doc.contains_key("profile") == doc.contains_key("profile_file") {
            bad.push("exactly one of \"profile\" and \"profile_file\"".into());
        }
        let checks = match doc.get("expect").and_then(Value::as_array) {
            Some(a) if !a.is_empty() => a.clone(),
            _ => {
                bad.push("\"expect\" must be a non-empty list".into());
                Vec::new()
            }
        };
        for e in bad {
            errors.push(format!("{file}: {e}"));
        }
        out.push(Situation { file, doc, checks });
    }
    (out, errors)
}

// ---------------------------------------------------------------- helpers on JSON

fn s<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(Value::as_str)
}

fn arr<'a>(v: &'a Value, k: &str) -> &'a [Value] {
    v.get(k).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

fn verdict_rank(v: &str) -> u8 {
    match v {
        "eligible" => 0,
        "conditional" => 1,
        "ineligible" => 2,
        _ => 3,
    }
}

fn open(route: &Value) -> bool {
    s(route, "eligibility") != Some("ineligible")
}

fn str_list(v: &Value) -> Result<Vec<String>, String> {
    match v {
        Value::String(x) => Ok(vec![x.clone()]),
        Value::Array(a) => a
            .iter()
            .map(|x| x.as_str().map(str::to_string).ok_or_else(|| format!("expected strings, got {x}")))
            .collect(),
        _ => Err(format!("expected a string or a list of strings, got {v}")),
    }
}

fn short(v: &Value) -> String {
    let t = v.to_string();
    if t.chars().count() > 300 {
        format!("{}...", t.chars().take(300).collect::<String>())
    } else {
        t
    }
}

/// Keys a route selector (SEL) may have.
const SEL_KEYS: &[&str] = &[
    "kind",
    "kinds",
    "sector_in",
    "sector_not_in",
    "qualification",
    "subject",
    "subject_in",
    "subject_not_in",
    "subject_null",
    "offering",
    "verdict",
    "verdict_not",
    "mode",
    "intake_start",
];

/// A route selector: which routes (or pathways, by their route) an expectation is about.
#[derive(Default, Debug)]
struct Sel {
    kinds: Option<Vec<String>>,
    sector_in: Option<Vec<String>>,
    sector_not_in: Option<Vec<String>>,
    qualification: Option<String>,
    subject_in: Option<Vec<String>>,
    subject_not_in: Option<Vec<String>>,
    subject_null: Option<bool>,
    offering: Option<Vec<String>>,
    verdict: Option<String>,
    verdict_not: Option<String>,
    mode: Option<String>,
    intake_start: Option<String>,
}

impl Sel {
    /// A nested selector object: only selector keys (and `extra`) are allowed.
    fn nested(v: &Value, extra: &[&str]) -> Result<Sel, String> {
        let m = v.as_object().ok_or_else(|| format!("a selector must be an object, got {v}"))?;
        for k in m.keys() {
            if !SEL_KEYS.contains(&k.as_str()) && !extra.contains(&k.as_str()) {
                return Err(format!("unknown selector key \"{k}\""));
            }
        }
        Sel::from(v)
    }

    /// Reads the selector keys present in `v` (other keys are ignored here).
    fn from(v: &Value) -> Result<Sel, String> {
        let mut sel = Sel::default();
        let list = |k: &str| v.get(k).map(str_list).transpose();
        let mut kinds = list("kind")?;
        if let Some(more) = list("kinds")? {
            kinds.get_or_insert_with(Vec::new).extend(more);
        }
        sel.kinds = kinds;
        sel.sector_in = list("sector_in")?;
        sel.sector_not_in = list("sector_not_in")?;
        sel.qualification = list("qualification")?.map(|v| v.join(","));
        let mut subjects = list("subject")?;
        if let Some(more) = list("subject_in")? {
            subjects.get_or_insert_with(Vec::new).extend(more);
        }
        sel.subject_in = subjects;
        sel.subject_not_in = list("subject_not_in")?;
        sel.subject_null = match v.get("subject_null") {
            None => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(x) => return Err(format!("subject_null must be a boolean, got {x}")),
        };
        sel.offering = list("offering")?;
        sel.verdict = list("verdict")?.map(|v| v.join(","));
        sel.verdict_not = list("verdict_not")?.map(|v| v.join(","));
        sel.mode = list("mode")?.map(|v| v.join(","));
        sel.intake_start = list("intake_start")?.map(|v| v.join(","));
        Ok(sel)
    }

    fn matches(&self, route: &Value) -> bool {
        let kind = s(route, "kind").unwrap_or_default();
        let sectors: Vec<&str> = arr(route, "sectors").iter().filter_map(Value::as_str).collect();
        let subject = s(route, "subject");
        self.kinds.as_ref().is_none_or(|k| k.iter().any(|x| x == kind))
            && self.sector_in.as_ref().is_none_or(|l| sectors.iter().any(|x| l.iter().any(|y| y == x)))
            && self.sector_not_in.as_ref().is_none_or(|l| !sectors.iter().any(|x| l.iter().any(|y| y == x)))
            && self.qualification.as_ref().is_none_or(|q| s(route, "qualification") == Some(q.as_str()))
            && self.subject_in.as_ref().is_none_or(|l| subject.is_some_and(|x| l.iter().any(|y| y == x)))
            && self.subject_not_in.as_ref().is_none_or(|l| subject.is_none_or(|x| !l.iter().any(|y| y == x)))
            && self.subject_null.is_none_or(|b| subject.is_none() == b)
            && self.offering.as_ref().is_none_or(|l| l.iter().any(|y| Some(y.as_str()) == s(route, "offering")))
            && self.verdict.as_ref().is_none_or(|v| s(route, "eligibility") == Some(v.as_str()))
            && self.verdict_not.as_ref().is_none_or(|v| s(route, "eligibility") != Some(v.as_str()))
            && self.mode.as_ref().is_none_or(|m| s(route, "mode") == Some(m.as_str()))
            && self
                .intake_start
                .as_ref()
                .is_none_or(|d| route.pointer("/next_intake/start_date").and_then(Value::as_str) == Some(d.as_str()))
    }

    fn describe(&self) -> String {
        let mut parts = Vec::new();
        let mut put = |k: &str, v: Option<String>| {
            if let Some(v) = v {
                parts.push(format!("{k}={v}"));
            }
        };
        put("kind", self.kinds.as_ref().map(|v| v.join("|")));
        put("sector_in", self.sector_in.as_ref().map(|v| v.join("|")));
        put("sector_not_in", self.sector_not_in.as_ref().map(|v| v.join("|")));
        put("qualification", self.qualification.clone());
        put("subject", self.subject_in.as_ref().map(|v| v.join("|")));
        put("subject_not_in", self.subject_not_in.as_ref().map(|v| v.join("|")));
        put("subject_null", self.subject_null.map(|b| b.to_string()));
        put("offering", self.offering.as_ref().map(|v| v.join("|")));
        put("verdict", self.verdict.clone());
        put("verdict_not", self.verdict_not.clone());
        put("mode", self.mode.clone());
        put("intake_start", self.intake_start.clone());
        if parts.is_empty() {
            "{any}".to_string()
        } else {
            format!("{{{}}}", parts.join(" "))
        }
    }
}

// ---------------------------------------------------------------- one run

struct Run<'a> {
    cat: &'a Cat,
    result: Value,
    text: String,
}

impl Run<'_> {
    fn routes(&self) -> &[Value] {
        arr(&self.result, "routes")
    }

    fn pathways(&self) -> &[Value] {
        arr(&self.result, "pathways")
    }

    fn what_ifs(&self) -> &[Value] {
        arr(&self.result, "what_if")
    }

    fn route_of_offering(&self, offering: &str) -> Option<&Value> {
        self.routes().iter().find(|r| s(r, "offering") == Some(offering))
    }

    /// The best-ranked route matching a selector (routes are in rank order).
    fn first_route(&self, sel: &Sel) -> Result<&Value, String> {
        self.routes().iter().find(|r| sel.matches(r)).ok_or_else(|| format!("no route matches {}", sel.describe()))
    }

    /// Pathways whose route matches the selector (and own_job, when given).
    fn pathways_of(&self, sel: &Sel, own_job: Option<bool>) -> Vec<&Value> {
        self.pathways()
            .iter()
            .filter(|p| {
                let route = s(p, "offering").and_then(|o| self.route_of_offering(o));
                // A pathway is matched on its route; kind is also on the pathway itself.
                let fallback = (*p).clone();
                sel.matches(route.unwrap_or(&fallback))
                    && own_job.is_none_or(|b| p.get("own_job").and_then(Value::as_bool) == Some(b))
            })
            .collect()
    }

    fn catalog_vacancy(&self, id: &str) -> Option<&Value> {
        arr(&self.cat.json, "vacancies").iter().find(|v| s(v, "id") == Some(id))
    }

    fn kind_sectors(&self, kind: &str) -> Vec<String> {
        arr(&self.cat.json, "route_kinds")
            .iter()
            .find(|k| s(k, "kind") == Some(kind))
            .map(|k| arr(k, "sectors").iter().filter_map(Value::as_str).map(str::to_string).collect())
            .unwrap_or_default()
    }
}

/// The keys each check accepts besides `check` and `note`; SEL means the selector keys.
fn allowed_keys(check: &str) -> Option<(&'static [&'static str], bool)> {
    Some(match check {
        "verdict" => (&["is", "where"], true),
        "blocker" | "condition" | "satisfied" => (&["rule", "present", "status", "action"], true),
        "next-intake" => (&["start_date", "on_or_after", "on_or_before", "apply_by", "where", "status"], true),
        "ranked-above" => (&["above", "below", "all"], false),
        "top-open" => (&["n", "kinds_in", "kinds_not_in", "sector_in", "sector_not_in", "at_least"], false),
        "pathway" => (&["rank", "own_job", "vacancy", "eligibility_not"], true),
        "no-pathway" => (&[], true),
        "timeline" => (&["own_job", "event", "on", "on_or_before", "on_or_after", "absent", "sequence"], true),
        "flag" => (&["own_job", "id", "present", "params"], true),
        "vacancy" => (&["requires_not", "demo", "role_in", "max_work_hours", "max_distance_km", "at_least"], true),
        "cost" => (&["eur_per_year", "eur_per_year_max", "basis", "status", "estimated"], true),
        "pay" => (&["paid", "eur_per_month", "status"], true),
        "what-if" => (&["present", "change", "param", "from", "to", "kind", "kinds", "offering"], false),
        "no-what-if-change" => (&["id", "param", "param_above"], false),
        "what-if-sectors" => (&["in"], false),
        "text" => (&["contains", "not_contains", "no_offering_ids"], false),
        "count" => (&["min", "max"], true),
        "json" => (
            &[
                "pointer", "equals", "exists", "contains", "lt", "lte", "gt", "gte", "route", "pathway", "what_if",
                "each",
            ],
            false,
        ),
        "factor" => (&["factor", "param", "text_contains", "more_than", "points_min"], true),
        _ => return None,
    })
}

fn check_keys(c: &Map<String, Value>, check: &str) -> Result<(), String> {
    let (keys, sel) = allowed_keys(check).ok_or_else(|| format!("unknown check type \"{check}\""))?;
    for k in c.keys() {
        let ok = k == "check" || k == "note" || keys.contains(&k.as_str()) || (sel && SEL_KEYS.contains(&k.as_str()));
        if !ok {
            return Err(format!("unknown key \"{k}\" for check \"{check}\""));
        }
    }
    // The check `verdict` reads `verdict` as its selector only through `is`.
    if check == "verdict" && c.contains_key("verdict") {
        return Err("use \"is\" for the expected verdict".into());
    }
    Ok(())
}

fn need<'a>(c: &'a Value, k: &str) -> Result<&'a Value, String> {
    c.get(k).ok_or_else(|| format!("missing key \"{k}\""))
}

fn need_str<'a>(c: &'a Value, k: &str) -> Result<&'a str, String> {
    need(c, k)?.as_str().ok_or_else(|| format!("\"{k}\" must be a string"))
}

fn opt_bool(c: &Value, k: &str) -> Result<Option<bool>, String> {
    match c.get(k) {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(x) => Err(format!("\"{k}\" must be a boolean, got {x}")),
    }
}

fn date_ok(d: &str) -> Result<(), String> {
    routewijzer::Date::parse(d).map(|_| ()).map_err(|_| format!("not a date: {d}"))
}

/// Compares ISO dates (strings sort as dates).
fn dates(c: &Value, found: &str, what: &str) -> Result<(), String> {
    let mut any = false;
    for (k, ok) in [("start_date", 0), ("on", 0), ("on_or_after", 1), ("on_or_before", -1)] {
        if let Some(want) = c.get(k).and_then(Value::as_str) {
            date_ok(want)?;
            any = true;
            let pass = match ok {
                0 => found == want,
                1 => found >= want,
                _ => found <= want,
            };
            if !pass {
                return Err(format!("{what} {k} {want}, found {found}"));
            }
        }
    }
    if any {
        Ok(())
    } else {
        Err("give one of start_date, on, on_or_after, on_or_before".into())
    }
}

fn check_params(found: &Value, want: &Value) -> bool {
    match want.as_object() {
        None => false,
        Some(m) => m.iter().all(|(k, v)| {
            let f = found.get("params").and_then(|p| p.get(k));
            match (f, v) {
                (Some(Value::String(a)), Value::String(b)) => a == b,
                (Some(a), b) => a == b,
                _ => false,
            }
        }),
    }
}

/// Runs one check; Err is the failure message (expected vs found).
fn eval(run: &Run, c: &Value) -> Result<(), String> {
    let obj = c.as_object().ok_or("a check must be an object")?;
    let check = need_str(c, "check")?;
    check_keys(obj, check)?;
    let sel = Sel::from(c)?;
    match check {
        "verdict" => {
            let is = need_str(c, "is")?;
            if verdict_rank(is) > 2 {
                return Err(format!("unknown verdict {is}"));
            }
            need_str(c, "kind")?;
            let found: Vec<&str> =
                run.routes().iter().filter(|r| sel.matches(r)).filter_map(|r| s(r, "eligibility")).collect();
            if found.is_empty() {
                return Err(format!("expected routes matching {} (verdict {is}), found none", sel.describe()));
            }
            let ok = match c.get("where").and_then(Value::as_str).unwrap_or("best") {
                "best" => found.iter().map(|v| verdict_rank(v)).min() == Some(verdict_rank(is)),
                "all" => found.iter().all(|v| *v == is),
                "any" => found.contains(&is),
                w => return Err(format!("unknown where \"{w}\"")),
            };
            if ok {
                Ok(())
            } else {
                let mut counts = std::collections::BTreeMap::new();
                for v in &found {
                    *counts.entry(*v).or_insert(0) += 1;
                }
                Err(format!(
                    "expected {} {is}, found {counts:?}",
                    c.get("where").and_then(Value::as_str).unwrap_or("best")
                ))
            }
        }
        "blocker" | "condition" | "satisfied" => {
            let rule = need_str(c, "rule")?;
            let present = opt_bool(c, "present")?.unwrap_or(true);
            let route = run.first_route(&sel)?;
            let field = match check {
                "blocker" => "blockers",
                "condition" => "conditions",
                _ => "satisfied",
            };
            let finding = arr(route, field).iter().find(|f| {
                if check == "satisfied" {
                    f.as_str() == Some(rule)
                } else {
                    s(f, "rule") == Some(rule)
                }
            });
            let offering = s(route, "offering").unwrap_or_default();
            let all = |f: &str| -> Vec<String> {
                arr(route, f)
                    .iter()
                    .map(|x| x.as_str().or_else(|| s(x, "rule")).unwrap_or_default().to_string())
                    .collect()
            };
            match (finding, present) {
                (None, true) => Err(format!(
                    "expected {check} {rule} on {offering} ({}), found blockers {:?} conditions {:?} satisfied {:?}",
                    s(route, "eligibility").unwrap_or_default(),
                    all("blockers"),
                    all("conditions"),
                    all("satisfied")
                )),
                (Some(_), false) => Err(format!("expected no {check} {rule} on {offering}, found one")),
                (None, false) => Ok(()),
                (Some(f), true) => {
                    if let Some(st) = c.get("status").and_then(Value::as_str) {
                        // A met rule's status is on its entry in `unsure` (absent: confirmed,
                        // or a rule worded as a limit that the person does not depend on).
                        let unsure = arr(route, "unsure").iter().find(|u| s(u, "rule") == Some(rule));
                        let found = if check == "satisfied" {
                            Some(unsure.and_then(|u| s(u, "status")).unwrap_or("confirmed"))
                        } else {
                            s(f, "status")
                        };
                        if found != Some(st) {
                            return Err(format!("expected status {st} for {rule}, found {found:?}"));
                        }
                    }
                    if let Some(a) = c.get("action").and_then(Value::as_str) {
                        let found = f.get("action").and_then(|x| s(x, "id"));
                        if found != Some(a) {
                            return Err(format!("expected action {a} for {rule}, found {found:?}"));
                        }
                    }
                    Ok(())
                }
            }
        }
        "next-intake" => {
            let where_ = c.get("where").and_then(Value::as_str).unwrap_or("best");
            let targets: Vec<&Value> = match where_ {
                "best" => vec![run.first_route(&sel)?],
                "all" => run.routes().iter().filter(|r| sel.matches(r) && !r["next_intake"].is_null()).collect(),
                w => return Err(format!("unknown where \"{w}\"")),
            };
            if targets.is_empty() {
                return Err(format!("no route with an intake matches {}", sel.describe()));
            }
            for route in targets {
                let off = s(route, "offering").unwrap_or_default();
                let ni = route.get("next_intake").filter(|x| !x.is_null());
                let ni = ni.ok_or_else(|| {
                    format!("expected a next intake on {off} ({}), found none", s(route, "eligibility").unwrap_or(""))
                })?;
                let found = s(ni, "start_date").unwrap_or_default();
                if c.get("start_date").is_some() || c.get("on_or_after").is_some() || c.get("on_or_before").is_some() {
                    dates(c, found, &format!("next intake of {off}:"))?;
                }
                if let Some(want) = c.get("apply_by").and_then(Value::as_str) {
                    date_ok(want)?;
                    if s(ni, "apply_by") != Some(want) {
                        return Err(format!("expected apply_by {want} on {off}, found {}", ni["apply_by"]));
                    }
                }
                if let Some(want) = c.get("status").and_then(Value::as_str) {
                    if s(ni, "status") != Some(want) {
                        return Err(format!("expected intake status {want} on {off}, found {}", ni["status"]));
                    }
                }
            }
            Ok(())
        }
        "ranked-above" => {
            let above = Sel::nested(need(c, "above")?, &[])?;
            let below = Sel::nested(need(c, "below")?, &[])?;
            let all = opt_bool(c, "all")?.unwrap_or(false);
            let opened: Vec<(usize, &Value)> = run.routes().iter().filter(|r| open(r)).enumerate().collect();
            let above_pos: Vec<usize> = opened.iter().filter(|(_, r)| above.matches(r)).map(|(i, _)| *i).collect();
            if above_pos.is_empty() {
                return Err(format!("expected an open route matching {}, found none", above.describe()));
            }
            let bar = if all { *above_pos.iter().max().unwrap() } else { above_pos[0] };
            let wrong: Vec<String> = opened
                .iter()
                .filter(|(i, r)| *i < bar && below.matches(r) && !above.matches(r))
                .map(|(_, r)| format!("{} (rank {})", s(r, "offering").unwrap_or_default(), r["rank"]))
                .take(5)
                .collect();
            if wrong.is_empty() {
                Ok(())
            } else {
                let a = opened[bar].1;
                Err(format!(
                    "expected open routes {} after {} (rank {}), found above it: {}",
                    below.describe(),
                    s(a, "offering").unwrap_or_default(),
                    a["rank"],
                    wrong.join(", ")
                ))
            }
        }
        "top-open" => {
            let n = need(c, "n")?.as_u64().ok_or("n must be a number")? as usize;
            let top: Vec<&Value> = run.routes().iter().filter(|r| open(r)).take(n).collect();
            if top.len() < n {
                return Err(format!("expected {n} open routes, found {}", top.len()));
            }
            let mut sel = Sel::default();
            if let Some(k) = c.get("kinds_in") {
                sel.kinds = Some(str_list(k)?);
            }
            if let Some(k) = c.get("sector_in") {
                sel.sector_in = Some(str_list(k)?);
            }
            if let Some(k) = c.get("sector_not_in") {
                sel.sector_not_in = Some(str_list(k)?);
            }
            let not_in = c.get("kinds_not_in").map(str_list).transpose()?.unwrap_or_default();
            let wrong: Vec<String> = top
                .iter()
                .filter(|r| !sel.matches(r) || not_in.iter().any(|k| Some(k.as_str()) == s(r, "kind")))
                .map(|r| format!("{} {}", s(r, "kind").unwrap_or_default(), s(r, "offering").unwrap_or_default()))
                .collect();
            let at_least = c.get("at_least").and_then(Value::as_u64).map_or(n, |x| x as usize);
            if n - wrong.len() >= at_least {
                Ok(())
            } else {
                Err(format!(
                    "expected {at_least} of the first {n} open routes to fit, found misfits {}",
                    wrong.join(", ")
                ))
            }
        }
        "pathway" => {
            let own = opt_bool(c, "own_job")?;
            let p = match c.get("rank") {
                Some(r) => {
                    let n = r.as_u64().ok_or("rank must be a number")?;
                    let p = run
                        .pathways()
                        .iter()
                        .find(|p| p["rank"].as_u64() == Some(n))
                        .ok_or_else(|| format!("expected a pathway at rank {n}, found {}", run.pathways().len()))?;
                    let route = s(p, "offering").and_then(|o| run.route_of_offering(o)).unwrap_or(p);
                    if !sel.matches(route) {
                        return Err(format!(
                            "expected pathway {n} to match {}, found {} {}",
                            sel.describe(),
                            s(p, "kind").unwrap_or_default(),
                            s(p, "offering").unwrap_or_default()
                        ));
                    }
                    p
                }
                None => *run
                    .pathways_of(&sel, None)
                    .first()
                    .ok_or_else(|| format!("expected a pathway matching {}, found none", sel.describe()))?,
            };
            if let Some(b) = own {
                if p["own_job"].as_bool() != Some(b) {
                    return Err(format!(
                        "expected own_job {b} on pathway {} ({}), found {}",
                        p["rank"],
                        s(p, "offering").unwrap_or_default(),
                        p["own_job"]
                    ));
                }
            }
            if let Some(b) = opt_bool(c, "vacancy")? {
                if p["vacancy"].is_null() == b {
                    return Err(format!(
                        "expected vacancy {b} on pathway {}, found {}",
                        p["rank"],
                        short(&p["vacancy"])
                    ));
                }
            }
            Ok(())
        }
        "no-pathway" => {
            let found = run.pathways_of(&sel, None);
            match found.first() {
                None => Ok(()),
                Some(p) => Err(format!(
                    "expected no pathway matching {}, found {} pathways, first {} {}",
                    sel.describe(),
                    found.len(),
                    s(p, "kind").unwrap_or_default(),
                    s(p, "offering").unwrap_or_default()
                )),
            }
        }
        "timeline" => {
            let own = opt_bool(c, "own_job")?;
            let p = *run.pathways_of(&sel, own).first().ok_or_else(|| {
                format!("expected a pathway matching {} (own_job {own:?}), found none", sel.describe())
            })?;
            let events: Vec<(&str, &str)> = arr(p, "timeline")
                .iter()
                .map(|e| (s(e, "event").unwrap_or_default(), s(e, "date").unwrap_or_default()))
                .collect();
            if let Some(seq) = c.get("sequence") {
                let want = str_list(seq)?;
                let found: Vec<&str> = events.iter().map(|e| e.0).collect();
                if found != want {
                    return Err(format!("expected events {want:?}, found {found:?}"));
                }
                if c.get("event").is_none() {
                    return Ok(());
                }
            }
            let ev = need_str(c, "event")?;
            let absent = opt_bool(c, "absent")?.unwrap_or(false);
            match (events.iter().find(|e| e.0 == ev), absent) {
                (None, true) => Ok(()),
                (Some(e), true) => Err(format!("expected no {ev} event, found one on {}", e.1)),
                (None, false) => Err(format!(
                    "expected event {ev} on pathway {} ({}), found {events:?}",
                    p["rank"],
                    s(p, "offering").unwrap_or_default()
                )),
                (Some(e), false) => dates(c, e.1, &format!("event {ev} of {}:", s(p, "offering").unwrap_or_default())),
            }
        }
        "flag" => {
            let own = opt_bool(c, "own_job")?;
            let id = need_str(c, "id")?;
            let present = opt_bool(c, "present")?.unwrap_or(true);
            let p = *run.pathways_of(&sel, own).first().ok_or_else(|| {
                format!("expected a pathway matching {} (own_job {own:?}), found none", sel.describe())
            })?;
            let flags = arr(p, "flags");
            let f = flags.iter().find(|f| s(f, "id") == Some(id));
            let ids: Vec<&str> = flags.iter().filter_map(|f| s(f, "id")).collect();
            match (f, present) {
                (None, false) => Ok(()),
                (Some(_), false) => Err(format!("expected no {id} on {}, found {ids:?}", p["offering"])),
                (None, true) => Err(format!("expected {id} on {}, found {ids:?}", p["offering"])),
                (Some(f), true) => match c.get("params") {
                    Some(want) if !check_params(f, want) => {
                        Err(format!("expected {id} with params {want}, found {}", short(&f["params"])))
                    }
                    _ => Ok(()),
                },
            }
        }
        "vacancy" => {
            let at_least = c.get("at_least").and_then(Value::as_u64).unwrap_or(1) as usize;
            let requires_not = c.get("requires_not").map(str_list).transpose()?;
            let role_in = c.get("role_in").map(str_list).transpose()?;
            let demo = opt_bool(c, "demo")?;
            let mut n = 0;
            for p in run.pathways_of(&sel, None) {
                let Some(v) = p.get("vacancy").filter(|v| !v.is_null()) else { continue };
                n += 1;
                let id = s(v, "id").unwrap_or_default();
                let cv = run.catalog_vacancy(id).ok_or_else(|| format!("vacancy {id} is not in the catalog"))?;
                let at = format!("pathway {} ({}) with vacancy {id}", p["rank"], s(p, "offering").unwrap_or_default());
                if let Some(rn) = &requires_not {
                    let req: Vec<&str> = arr(cv, "education_requirements").iter().filter_map(Value::as_str).collect();
                    if !req.is_empty() && req.iter().all(|r| rn.iter().any(|x| x == r)) {
                        return Err(format!("{at}: expected a post not requiring only {rn:?}, found {req:?}"));
                    }
                }
                if let Some(roles) = &role_in {
                    if !roles.iter().any(|r| Some(r.as_str()) == s(cv, "role")) {
                        return Err(format!("{at}: expected role in {roles:?}, found {}", cv["role"]));
                    }
                }
                if let Some(d) = demo {
                    if cv["demo"].as_bool() != Some(d) || v["demo"].as_bool() != Some(d) {
                        return Err(format!(
                            "{at}: expected demo {d}, found catalog {} result {}",
                            cv["demo"], v["demo"]
                        ));
                    }
                }
                if let Some(max) = c.get("max_work_hours").and_then(Value::as_u64) {
                    if v["work_hours"].as_u64().is_none_or(|h| h > max) {
                        return Err(format!("{at}: expected at most {max} hours, found {}", v["work_hours"]));
                    }
                }
                if let Some(max) = c.get("max_distance_km").and_then(Value::as_f64) {
                    if v["distance_km"].as_f64().is_none_or(|d| d > max) {
                        return Err(format!("{at}: expected at most {max} km, found {}", v["distance_km"]));
                    }
                }
            }
            if n < at_least {
                Err(format!("expected at least {at_least} paired vacancies for {}, found {n}", sel.describe()))
            } else {
                Ok(())
            }
        }
        "cost" => {
            let route = run.first_route(&sel)?;
            let off = s(route, "offering").unwrap_or_default();
            if let Some(want) = c.get("eur_per_year") {
                if route.get("cost_eur_per_year").and_then(Value::as_f64) != want.as_f64() {
                    return Err(format!("{off}: expected cost {want}/yr, found {}", route["cost_eur_per_year"]));
                }
            }
            if let Some(max) = c.get("eur_per_year_max").and_then(Value::as_f64) {
                if route["cost_eur_per_year"].as_f64().is_none_or(|x| x > max) {
                    return Err(format!("{off}: expected cost at most {max}/yr, found {}", route["cost_eur_per_year"]));
                }
            }
            if let Some(want) = c.get("basis").and_then(Value::as_str) {
                if s(route, "cost_basis") != Some(want) {
                    return Err(format!("{off}: expected basis {want}, found {}", route["cost_basis"]));
                }
            }
            let src = &route["cost_source"];
            if let Some(want) = c.get("status").and_then(Value::as_str) {
                if s(src, "status") != Some(want) {
                    return Err(format!("{off}: expected cost_source.status {want}, found {}", short(src)));
                }
            }
            if let Some(want) = opt_bool(c, "estimated")? {
                if src["estimated"].as_bool() != Some(want) {
                    return Err(format!("{off}: expected cost_source.estimated {want}, found {}", short(src)));
                }
            }
            Ok(())
        }
        "pay" => {
            let route = run.first_route(&sel)?;
            let off = s(route, "offering").unwrap_or_default();
            if let Some(want) = opt_bool(c, "paid")? {
                if route["paid_while_learning"].as_bool() != Some(want) {
                    return Err(format!(
                        "{off}: expected paid_while_learning {want}, found {}",
                        route["paid_while_learning"]
                    ));
                }
            }
            if let Some(want) = c.get("eur_per_month") {
                let found = route.pointer("/pay/eur_per_month");
                if found.and_then(Value::as_f64) != want.as_f64() {
                    return Err(format!("{off}: expected pay.eur_per_month {want}, found {found:?}"));
                }
            }
            if let Some(want) = c.get("status").and_then(Value::as_str) {
                let found = route.pointer("/pay/source/status");
                if found.and_then(Value::as_str) != Some(want) {
                    return Err(format!("{off}: expected pay.status {want}, found {found:?}"));
                }
            }
            Ok(())
        }
        "what-if" => {
            let present = opt_bool(c, "present")?.unwrap_or(true);
            let change = c.get("change").and_then(Value::as_str);
            let fits = |w: &Value| {
                sel.kinds.as_ref().is_none_or(|k| k.iter().any(|x| Some(x.as_str()) == s(w, "kind")))
                    && sel.offering.as_ref().is_none_or(|l| l.iter().any(|x| Some(x.as_str()) == s(w, "offering")))
                    && c.get("from").and_then(Value::as_str).is_none_or(|f| s(w, "from") == Some(f))
                    && c.get("to").and_then(Value::as_str).is_none_or(|t| s(w, "to") == Some(t))
                    && change.is_none_or(|id| {
                        arr(w, "changes")
                            .iter()
                            .any(|ch| s(ch, "id") == Some(id) && c.get("param").is_none_or(|p| check_params(ch, p)))
                    })
            };
            let hit = run.what_ifs().iter().find(|w| fits(w));
            let all: Vec<String> = run
                .what_ifs()
                .iter()
                .map(|w| {
                    let ch: Vec<String> = arr(w, "changes")
                        .iter()
                        .map(|c| {
                            format!(
                                "{}{}",
                                s(c, "id").unwrap_or_default(),
                                c.get("params").map(short).unwrap_or_default()
                            )
                        })
                        .collect();
                    format!("{} {}->{} {ch:?}", s(w, "kind").unwrap_or_default(), w["from"], w["to"])
                })
                .collect();
            match (hit, present) {
                (Some(_), true) | (None, false) => Ok(()),
                (None, true) => Err(format!("expected a what-if {}, found {all:?}", short(c))),
                (Some(w), false) => Err(format!("expected no such what-if, found {}", short(w))),
            }
        }
        "no-what-if-change" => {
            let id = need_str(c, "id")?;
            let above = |ch: &Value| {
                c.get("param_above").and_then(Value::as_object).is_none_or(|m| {
                    m.iter().all(|(k, max)| {
                        let f = ch.get("params").and_then(|p| p.get(k));
                        let f = f.and_then(|v| v.as_f64().or_else(|| v.as_str().and_then(|x| x.parse().ok())));
                        f.is_some_and(|f| max.as_f64().is_some_and(|m| f > m))
                    })
                })
            };
            let hit = run.what_ifs().iter().find(|w| {
                arr(w, "changes").iter().any(|ch| {
                    s(ch, "id") == Some(id) && c.get("param").is_none_or(|p| check_params(ch, p)) && above(ch)
                })
            });
            match hit {
                None => Ok(()),
                Some(w) => Err(format!("expected no what-if proposing {id} {:?}, found {}", c.get("param"), short(w))),
            }
        }
        "what-if-sectors" => {
            let allowed = str_list(need(c, "in")?)?;
            let wrong: Vec<String> = run
                .what_ifs()
                .iter()
                .filter_map(|w| {
                    let kind = s(w, "kind").unwrap_or_default();
                    let sectors = run.kind_sectors(kind);
                    (!sectors.iter().any(|x| allowed.contains(x))).then(|| format!("{kind} {sectors:?}"))
                })
                .collect();
            if wrong.is_empty() {
                Ok(())
            } else {
                Err(format!("expected what-ifs only for kinds in sectors {allowed:?}, found {wrong:?}"))
            }
        }
        "text" => {
            let mut problems = Vec::new();
            for w in c.get("contains").map(str_list).transpose()?.unwrap_or_default() {
                if !run.text.contains(&w) {
                    problems.push(format!("expected the text to contain {w:?}, it does not"));
                }
            }
            for w in c.get("not_contains").map(str_list).transpose()?.unwrap_or_default() {
                if let Some(line) = run.text.lines().find(|l| l.contains(&w)) {
                    problems.push(format!("expected the text not to contain {w:?}, found in line {:?}", line.trim()));
                }
            }
            if opt_bool(c, "no_offering_ids")? == Some(true) {
                let ids: BTreeSet<&str> = run
                    .routes()
                    .iter()
                    .chain(run.pathways())
                    .chain(run.what_ifs())
                    .filter_map(|r| s(r, "offering"))
                    .collect();
                let found: Vec<&&str> = ids.iter().filter(|id| run.text.contains(**id)).take(5).collect();
                if !found.is_empty() {
                    problems.push(format!("expected no offering ids in the text, found {found:?}"));
                }
            }
            if problems.is_empty() {
                Ok(())
            } else {
                Err(problems.join("; "))
            }
        }
        "count" => {
            let n = run.routes().iter().filter(|r| sel.matches(r)).count() as u64;
            let min = c.get("min").and_then(Value::as_u64);
            let max = c.get("max").and_then(Value::as_u64);
            if min.is_none() && max.is_none() {
                return Err("give min or max".into());
            }
            if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                Err(format!("expected between {min:?} and {max:?} routes matching {}, found {n}", sel.describe()))
            } else {
                Ok(())
            }
        }
        "json" => {
            let pointer = need_str(c, "pointer")?;
            let targets: Vec<(String, &Value)> = if let Some(r) = c.get("route") {
                let rs = Sel::nested(r, &[])?;
                let route = run.first_route(&rs)?;
                vec![(format!("route {}", s(route, "offering").unwrap_or_default()), route)]
            } else if let Some(p) = c.get("pathway") {
                let ps = Sel::nested(p, &["own_job"])?;
                let own = opt_bool(p, "own_job")?;
                let path = *run
                    .pathways_of(&ps, own)
                    .first()
                    .ok_or_else(|| format!("expected a pathway matching {}, found none", ps.describe()))?;
                vec![(format!("pathway {}", path["rank"]), path)]
            } else if let Some(w) = c.get("what_if") {
                let ws = Sel::nested(w, &[])?;
                let hint = run
                    .what_ifs()
                    .iter()
                    .find(|h| ws.kinds.as_ref().is_none_or(|k| k.iter().any(|x| Some(x.as_str()) == s(h, "kind"))))
                    .ok_or_else(|| format!("expected a what-if matching {}, found none", ws.describe()))?;
                vec![(format!("what-if {}", s(hint, "offering").unwrap_or_default()), hint)]
            } else if let Some(e) = c.get("each").and_then(Value::as_str) {
                arr(&run.result, e).iter().enumerate().map(|(i, v)| (format!("/{e}/{i}"), v)).collect()
            } else {
                vec![("result".to_string(), &run.result)]
            };
            for (at, t) in targets {
                let found = t.pointer(pointer);
                if let Some(want) = opt_bool(c, "exists")? {
                    if found.is_some() != want {
                        return Err(format!("{at}: expected {pointer} exists {want}, found {:?}", found.map(short)));
                    }
                }
                if let Some(want) = c.get("equals") {
                    if found != Some(want) {
                        return Err(format!("{at}: expected {pointer} = {want}, found {:?}", found.map(short)));
                    }
                }
                if let Some(want) = c.get("contains").and_then(Value::as_str) {
                    if !found.and_then(Value::as_str).is_some_and(|x| x.contains(want)) {
                        return Err(format!(
                            "{at}: expected {pointer} to contain {want:?}, found {:?}",
                            found.map(short)
                        ));
                    }
                }
                for (k, op) in [("lt", 0), ("lte", 1), ("gt", 2), ("gte", 3)] {
                    if let Some(want) = c.get(k).and_then(Value::as_f64) {
                        let f = found.and_then(Value::as_f64);
                        let ok = f.is_some_and(|f| match op {
                            0 => f < want,
                            1 => f <= want,
                            2 => f > want,
                            _ => f >= want,
                        });
                        if !ok {
                            return Err(format!("{at}: expected {pointer} {k} {want}, found {:?}", found.map(short)));
                        }
                    }
                }
            }
            Ok(())
        }
        "factor" => {
            let name = need_str(c, "factor")?;
            let route = run.first_route(&sel)?;
            let get = |r: &Value| arr(r, "factors").iter().find(|f| s(f, "factor") == Some(name)).cloned();
            let f = get(route).ok_or_else(|| format!("no factor {name} on {}", route["offering"]))?;
            if let Some(want) = c.get("param") {
                if !check_params(&f["reason"], want) {
                    return Err(format!("expected factor {name} params {want}, found {}", short(&f["reason"])));
                }
            }
            if let Some(want) = c.get("text_contains").and_then(Value::as_str) {
                if !f["reason"]["text"].as_str().is_some_and(|t| t.contains(want)) {
                    return Err(format!(
                        "expected factor {name} text to contain {want:?}, found {}",
                        f["reason"]["text"]
                    ));
                }
            }
            if let Some(min) = c.get("points_min").and_then(Value::as_u64) {
                if f["points"].as_u64().is_none_or(|p| p < min) {
                    return Err(format!("expected factor {name} at least {min} points, found {}", f["points"]));
                }
            }
            if let Some(other) = c.get("more_than") {
                let os = Sel::nested(other, &[])?;
                let o = run.first_route(&os)?;
                let of = get(o).ok_or_else(|| format!("no factor {name} on {}", o["offering"]))?;
                if f["points"].as_u64() <= of["points"].as_u64() {
                    return Err(format!(
                        "expected factor {name} of {} ({}) above that of {} ({})",
                        route["offering"], f["points"], o["offering"], of["points"]
                    ));
                }
            }
            Ok(())
        }
        _ => unreachable!(),
    }
}

/// Validates a situation's header and runs it; returns (checks run, failures).
/// Every situation's failures, in the order of `sits`: run on as many threads as there are
/// cores (each a match on the national catalog, slow in a debug build: about a minute of
/// the suite on one core).
fn run_all(sits: &[Situation]) -> Vec<Vec<String>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).min(sits.len().max(1));
    let mut done: Vec<(usize, Vec<String>)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(sit) = sits.get(i) else { break mine };
                        mine.push((i, run_situation(sit)));
                    }
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().expect("a situation panicked")).collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, f)| f).collect()
}

fn run_situation(sit: &Situation) -> Vec<String> {
    let file = &sit.file;
    let mut fails = Vec::new();
    let Some(cat) = sit.doc.get("catalog").and_then(Value::as_str).and_then(catalog) else {
        return vec![format!("{file}: \"catalog\" must be \"national\" or \"sample\"")];
    };
    let Some(today) = sit.doc.get("today").and_then(Value::as_str).and_then(|d| routewijzer::Date::parse(d).ok())
    else {
        return vec![format!("{file}: \"today\" must be a date")];
    };
    let lang = match sit.doc.get("lang").and_then(Value::as_str).unwrap_or("nl") {
        "nl" => Lang::Nl,
        "en" => Lang::En,
        l => return vec![format!("{file}: unknown lang {l}")],
    };
    let profile_text = match (sit.doc.get("profile"), sit.doc.get("profile_file").and_then(Value::as_str)) {
        (Some(p), None) => p.to_string(),
        (None, Some(f)) => {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(f);
            match std::fs::read_to_string(&path) {
                Ok(t) => t,
                Err(e) => return vec![format!("{file}: profile_file {f}: {e}")],
            }
        }
        _ => return vec![format!("{file}: give exactly one of profile, profile_file")],
    };
    let profile = match routewijzer::model::parse::profile_from_str(&profile_text) {
        Ok(p) => p,
        Err(e) => {
            let n = sit.checks.len();
            let problems: Vec<String> = e.problems.iter().map(|p| format!("{}: {}", p.path, p.message)).collect();
            return vec![format!("{file}: the profile is rejected, none of its {n} checks can run: {problems:?}")];
        }
    };
    let mut options = MatchOptions::new(today);
    options.lang = lang;
    let result = cat.matcher.match_profile(&profile, &options);
    let text = routewijzer::result::text::report(&result);
    let result = serde_json::to_value(&result).expect("the result serialises");
    let run = Run { cat, result, text };
    for (i, c) in sit.checks.iter().enumerate() {
        if let Err(e) = eval(&run, c) {
            let kind = c.get("check").and_then(Value::as_str).unwrap_or("?");
            let note = c.get("note").and_then(Value::as_str).map(|n| format!(" [{n}]")).unwrap_or_default();
            fails.push(format!("{file} #{i} {kind}: {e}{note}"));
        }
    }
    fails
}

/// Rules and kinds named by the checks, and the number of checks.
fn coverage(sits: &[Situation]) -> (usize, BTreeSet<String>, BTreeSet<String>) {
    let mut rules = BTreeSet::new();
    let mut notes = BTreeSet::new();
    let mut kinds = BTreeSet::new();
    let mut n = 0;
    for sit in sits {
        for c in &sit.checks {
            n += 1;
            match c.get("check").and_then(Value::as_str) {
                Some("blocker" | "condition") => {
                    rules.extend(c.get("rule").and_then(Value::as_str).map(str::to_string))
                }
                // A rule that is said when met (a note, `said_when_met`) is covered by a
                // check of its status there (only such rules: see the coverage test).
                Some("satisfied") if c.get("status").is_some() => {
                    notes.extend(c.get("rule").and_then(Value::as_str).map(str::to_string))
                }
                Some("verdict") => {
                    if let Some(k) = c.get("kind") {
                        kinds.extend(str_list(k).unwrap_or_default());
                    }
                }
                _ => {}
            }
        }
    }
    // Notes count only for the rules that are notes (never a blocker or a condition).
    let said: BTreeSet<String> = arr(&catalog("national").unwrap().json, "rules")
        .iter()
        .filter(|r| r.get("said_when_met") == Some(&Value::Bool(true)))
        .filter_map(|r| s(r, "id").map(str::to_string))
        .collect();
    rules.extend(notes.intersection(&said).cloned());
    (n, rules, kinds)
}

/// The route kinds the national catalog offers, and the rules its offerings are checked
/// against (a kind defined without offerings, such as one whose places no source names,
/// is listed in data/README.md "Knowingly left out" and has nothing to match).
fn national_in_use() -> (BTreeSet<String>, BTreeSet<String>) {
    let json = &catalog("national").unwrap().json;
    let offered: BTreeSet<String> =
        arr(json, "offerings").iter().filter_map(|o| s(o, "kind")).map(str::to_string).collect();
    let mut rules: BTreeSet<String> = arr(json, "offerings")
        .iter()
        .flat_map(|o| arr(o, "program_prerequisites").iter().filter_map(Value::as_str).map(str::to_string))
        .collect();
    for k in arr(json, "route_kinds").iter().filter(|k| s(k, "kind").is_some_and(|id| offered.contains(id))) {
        rules.extend(arr(k, "rules").iter().filter_map(Value::as_str).map(str::to_string));
    }
    (rules, offered)
}

#[test]
fn situations_hold() {
    let (sits, mut failures) = situations();
    let mut failed_files = BTreeSet::new();
    for (sit, f) in sits.iter().zip(run_all(&sits)) {
        if !f.is_empty() {
            failed_files.insert(sit.file.clone());
        }
        failures.extend(f);
    }
    let (n_checks, _, _) = coverage(&sits);
    let mut report = String::new();
    let _ = writeln!(
        report,
        "{} situations, {n_checks} checks; {} failing checks in {} situations",
        sits.len(),
        failures.len(),
        failed_files.len()
    );
    for f in &failures {
        let _ = writeln!(report, "  FAIL {f}");
    }
    if failures.is_empty() {
        println!("{report}");
    }
    assert!(failures.is_empty(), "{report}");
}

#[test]
fn situations_cover_the_national_catalog() {
    let (sits, _) = situations();
    let (n_checks, rules, kinds) = coverage(&sits);
    let (all_rules, all_kinds) = national_in_use();
    let missing_rules: Vec<&String> = all_rules.difference(&rules).collect();
    let missing_kinds: Vec<&String> = all_kinds.difference(&kinds).collect();
    let mut report = String::new();
    let _ = writeln!(report, "situations: {}", sits.len());
    let _ = writeln!(report, "checks: {n_checks}");
    let _ = writeln!(report, "rules covered: {} / {}", all_rules.len() - missing_rules.len(), all_rules.len());
    let _ = writeln!(report, "route kinds covered: {} / {}", all_kinds.len() - missing_kinds.len(), all_kinds.len());
    if !missing_rules.is_empty() {
        let _ = writeln!(report, "uncovered rules: {missing_rules:?}");
    }
    if !missing_kinds.is_empty() {
        let _ = writeln!(report, "uncovered route kinds: {missing_kinds:?}");
    }
    let beyond: Vec<&String> = kinds.difference(&all_kinds).collect();
    if !beyond.is_empty() {
        let _ = writeln!(report, "kinds named beyond the national catalog (planned): {beyond:?}");
    }
    println!("{report}");
    assert!(sits.len() >= MIN_SITUATIONS, "only {} situations (at least {MIN_SITUATIONS})\n{report}", sits.len());
    assert!(missing_rules.is_empty() && missing_kinds.is_empty(), "{report}");
}

/// Every persona profile of `tests/fixtures/profiles/` is run by at least one situation.
#[test]
fn every_persona_profile_has_a_situation() {
    let (sits, _) = situations();
    let used: BTreeSet<&str> = sits.iter().filter_map(|s| s.doc.get("profile_file").and_then(Value::as_str)).collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/profiles");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if !used.contains(format!("tests/fixtures/profiles/{name}").as_str()) {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "persona profiles without a situation: {missing:?}");
}

/// The runner itself: typos are errors, never silent passes.
#[test]
fn the_runner_rejects_typos() {
    let cat = catalog("sample").unwrap();
    let options = MatchOptions::new(routewijzer::Date::parse("2026-11-23").unwrap());
    let profile = routewijzer::model::parse::profile_from_str(r#"{"sectors":["po"]}"#).unwrap();
    let result = cat.matcher.match_profile(&profile, &options);
    let text = routewijzer::result::text::report(&result);
    let run = Run { cat, result: serde_json::to_value(&result).unwrap(), text };
    let bad = [
        r#"{"check":"verdikt","kind":"pabo-voltijd","is":"eligible"}"#,
        r#"{"check":"verdict","kind":"pabo-voltijd","is":"eligible","wehre":"all"}"#,
        r#"{"check":"verdict","kind":"pabo-voltijd","is":"elligible"}"#,
        r#"{"check":"verdict","kind":"no-such-kind","is":"eligible"}"#,
        r#"{"check":"ranked-above","above":{"kind":"pabo-voltijd"},"below":{"kind":"lio"},"al":true}"#,
        r#"{"check":"text","contains":["this text is not in the report"]}"#,
        r#"{"check":"ranked-above","above":{"knd":"pabo-voltijd"},"below":{"kind":"lio"}}"#,
    ];
    for c in bad {
        let c: Value = serde_json::from_str(c).unwrap();
        assert!(eval(&run, &c).is_err(), "{c} passed");
    }
    let good: Value = serde_json::from_str(r#"{"check":"count","kind":"pabo-voltijd","min":1}"#).unwrap();
    assert_eq!(eval(&run, &good), Ok(()));
}
