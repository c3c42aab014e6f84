//! The result as a readable plain-text report (the CLI's `--format text`).

use crate::result::MatchResult;
use crate::model::vocab::{Eligibility, Lang};
use std::fmt::Write;

/// Renders a result as a table of routes followed by details, pathways and what-if hints.
pub fn report(r: &MatchResult) -> String {
    let en = r.lang == Lang::En;
    let t = |nl: &'static str, e: &'static str| if en { e } else { nl };
    let mut s = String::new();
    let _ = writeln!(s, "{} {} ({}), {} {}", t("Catalogus", "Catalog"), r.catalog, r.catalog_version, t("datum", "date"), r.today);
    for n in &r.notices {
        let _ = writeln!(s, "! {}", n.text);
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{:>4}  {:<11}  {:>5}  {:<30}  {:<34}  {:<16}  {:>10}  {:>8}",
        "#",
        t("oordeel", "verdict"),
        "score",
        t("route", "route"),
        t("instelling", "institution"),
        t("plaats", "place"),
        t("start", "start"),
        "km"
    );
    for route in &r.routes {
        let _ = writeln!(
            s,
            "{:>4}  {:<11}  {:>5}  {:<30}  {:<34}  {:<16}  {:>10}  {:>8}",
            route.rank,
            route.eligibility.id(),
            route.score,
            cut(route.kind.id(), 30),
            cut(&route.institution, 34),
            cut(&route.place, 16),
            route.next_intake.as_ref().map_or("-".to_string(), |i| i.start_date.to_string()),
            route.distance_km.map_or("-".to_string(), |d| format!("{d:.1}")),
        );
    }
    let _ = writeln!(s, "\n{}", t("Toelichting", "Details"));
    for route in r.routes.iter().filter(|x| x.eligibility != Eligibility::Ineligible).take(5).chain(
        r.routes.iter().filter(|x| x.eligibility == Eligibility::Ineligible).take(3),
    ) {
        let _ = writeln!(s, "\n{}. {} - {} ({})", route.rank, route.name, route.institution, route.eligibility.id());
        let factors: Vec<String> = route.factors.iter().map(|f| format!("{} {}/{}", f.factor, f.points, f.max)).collect();
        let _ = writeln!(s, "   score {} = {}", route.score, factors.join(" + "));
        for b in &route.blockers {
            let _ = writeln!(s, "   x {} [{}; {}{}]", b.message.text, b.rule, ids(&b.sources), status(b, en));
        }
        for c in &route.conditions {
            let action = c.action.as_ref().map_or(String::new(), |a| format!(" -> {}", a.text));
            let _ = writeln!(s, "   ? {}{} [{}; {}{}]", c.message.text, action, c.rule, ids(&c.sources), status(c, en));
        }
        if let Some(i) = &route.next_intake {
            let _ = writeln!(
                s,
                "   {} {} ({} {}), {} {}",
                t("start", "starts"),
                i.start_date,
                t("aanmelden voor", "apply by"),
                i.apply_by,
                if route.qualification == crate::model::vocab::Qualification::Geen { t("klaar rond", "completed around") } else { t("bevoegd rond", "qualified around") },
                i.expected_qualification
            );
        }
    }
    if !r.pathways.is_empty() {
        let _ = writeln!(s, "\n{}", t("Trajecten", "Pathways"));
        for p in &r.pathways {
            let job = if p.own_job { t("eigen baan", "own job").to_string() } else { p.vacancy.as_ref().map_or("-".to_string(), |v| {
                format!("{} ({}, {})", v.title, v.employer, v.distance_km.map_or("?".into(), |d| format!("{d:.1} km")))
            }) };
            let _ = writeln!(s, "{:>4}  {:>3}  {} {} + {}", p.rank, p.score, p.offering, p.intake.start_date, job);
            for f in &p.flags {
                let _ = writeln!(s, "         ! {}", f.text);
            }
        }
    }
    if !r.what_if.is_empty() {
        let _ = writeln!(s, "\n{}", t("Wat als", "What if"));
        for w in &r.what_if {
            let changes: Vec<&str> = w.changes.iter().map(|c| c.text.as_str()).collect();
            let _ = writeln!(s, "  {} ({} -> {}): {}", w.offering, w.from.id(), w.to.id(), changes.join("; "));
        }
    }
    s
}

/// How sure the rule's source is, and its validity, when that is worth saying.
fn status(f: &crate::result::Finding, en: bool) -> String {
    use crate::model::vocab::SourceStatus::*;
    let flag = match (f.status, en) {
        (Confirmed, _) => "",
        (Unconfirmed, false) => "; onbevestigd",
        (Unconfirmed, true) => "; unconfirmed",
        (Conflict, false) => "; bronnen spreken elkaar tegen",
        (Conflict, true) => "; sources conflict",
        (Dated, false) => "; mogelijk verouderd",
        (Dated, true) => "; possibly dated",
    };
    let dates = match (f.valid_from, f.valid_until) {
        (None, None) => String::new(),
        (from, until) => format!(
            "; {} {}",
            from.map_or(String::new(), |d| d.to_string()),
            until.map_or("…".to_string(), |d| format!("t/m {d}").replace("t/m", if en { "to" } else { "t/m" }))
        ),
    };
    format!("{flag}{dates}")
}

fn ids(sources: &[crate::result::SourceRef]) -> String {
    sources.iter().map(|x| x.id.as_str()).collect::<Vec<_>>().join(",")
}

/// Cuts to at most `n` characters (not bytes), marking the cut.
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}
