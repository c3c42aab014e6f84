//! The result as a readable plain-text report (the CLI's `--format text`).

use crate::i18n::{label, report_word};
use crate::model::vocab::{Eligibility, Lang, SourceStatus};
use crate::result::MatchResult;
use std::fmt::Write;

/// Renders a result as a table of routes followed by details, pathways and what-if hints.
pub fn report(r: &MatchResult) -> String {
    let lang = r.lang;
    let w = |key: &'static str| report_word(lang, key);
    let verdict = |v: Eligibility| label(lang, "eligibility", v.id());
    let mut s = String::new();
    put(&mut s, format_args!("{} {} ({}), {} {}", w("catalog"), r.catalog, r.catalog_version, w("date"), r.today));
    for n in &r.notices {
        put(&mut s, format_args!("! {}", n.text));
    }
    put(&mut s, format_args!(""));
    put(
        &mut s,
        format_args!(
            "{:>4}  {:<17}  {:>5}  {:<34}  {:<34}  {:<16}  {:>10}  {:>8}",
            "#",
            w("verdict"),
            "score",
            w("route"),
            w("institution"),
            w("place"),
            w("start"),
            "km"
        ),
    );
    for route in &r.routes {
        put(
            &mut s,
            format_args!(
                "{:>4}  {:<17}  {:>5}  {:<34}  {:<34}  {:<16}  {:>10}  {:>8}",
                route.rank,
                cut(&verdict(route.eligibility), 17),
                route.score,
                cut(&label(lang, "route_kind", route.kind.id()), 34),
                cut(&route.institution, 34),
                cut(if route.place.is_empty() { "-" } else { &route.place }, 16),
                route.next_intake.as_ref().map_or("-".to_string(), |i| i.start_date.to_string()),
                route.distance_km.map_or("-".to_string(), |d| crate::i18n::number(lang, &format!("{d:.1}"))),
            ),
        );
    }
    s.push('\n');
    put(&mut s, format_args!("{}", w("details")));
    for route in r
        .routes
        .iter()
        .filter(|x| x.eligibility != Eligibility::Ineligible)
        .take(5)
        .chain(r.routes.iter().filter(|x| x.eligibility == Eligibility::Ineligible).take(3))
    {
        s.push('\n');
        put(
            &mut s,
            format_args!(
                "{}. {} - {} ({})",
                route.rank,
                named(route, lang),
                route.institution,
                verdict(route.eligibility)
            ),
        );
        let factors: Vec<String> = route
            .factors
            .iter()
            .map(|f| format!("{} {}/{}", label(lang, "factor", f.factor), f.points, f.max))
            .collect();
        put(&mut s, format_args!("   score {} = {}", route.score, factors.join(" + ")));
        for b in &route.blockers {
            let when = b.lifted_on.map_or(String::new(), |d| format!(" ({} {d})", w("changes-on")));
            put(
                &mut s,
                format_args!(
                    "   {} {}{when} [{}; {}{}]",
                    w("blocker-mark"),
                    b.message.text,
                    b.rule,
                    ids(&b.sources),
                    status(b, lang)
                ),
            );
        }
        for c in &route.conditions {
            let action = c.action.as_ref().map_or(String::new(), |a| format!(" -> {}", a.text));
            put(
                &mut s,
                format_args!(
                    "   {} {}{} [{}; {}{}]",
                    w("condition-mark"),
                    c.message.text,
                    action,
                    c.rule,
                    ids(&c.sources),
                    status(c, lang)
                ),
            );
        }
        for u in &route.unsure {
            put(
                &mut s,
                format_args!(
                    "   {} {} [{}; {}{}]",
                    w("unsure-mark"),
                    u.message.text,
                    u.rule,
                    ids(&u.sources),
                    status(u, lang)
                ),
            );
        }
        for skipped in &route.skipped_intakes {
            put(&mut s, format_args!("   {} {}", w("later-mark"), skipped.text.text));
        }
        if let Some(i) = &route.next_intake {
            // A route without cohorts starts when the person can: no deadline to name.
            // A date the data gives as the usual one, not as announced, says so.
            let apply = if i.rolling {
                w("any-time").to_string()
            } else if let Some(e) = expected(i, lang) {
                format!("{e}; {} {}", w("apply-by"), i.apply_by)
            } else {
                format!("{} {}", w("apply-by"), i.apply_by)
            };
            // A route without training (herintreding) has nothing to complete.
            let done = if route.duration.0 == 0 {
                String::new()
            } else if route.qualification == crate::model::vocab::Qualification::Geen {
                format!(", {} {}", w("completed-around"), i.expected_qualification)
            } else {
                format!(", {} {}", w("qualified-around"), i.expected_qualification)
            };
            put(&mut s, format_args!("   {} {} ({}){done}", w("starts"), i.start_date, apply));
        }
        put(&mut s, format_args!("   {} {}", w("cost"), cost(route, lang)));
        if let Some(pay) = &route.pay {
            let amount = crate::i18n::number(lang, &format!("{:.0}", pay.eur_per_month));
            let mut how = vec![report_word(lang, "salary-share").to_string()];
            if pay.source.status != SourceStatus::Confirmed {
                how.push(label(lang, "status", pay.source.status.id()));
            }
            if pay.source.estimated {
                how.push(report_word(lang, "estimate").to_string());
            }
            put(&mut s, format_args!("   {} € {amount} {} ({})", w("pay"), w("per-month"), how.join("; ")));
        } else if route.paid_while_learning {
            put(&mut s, format_args!("   {}", w("paid-salary")));
        }
    }
    if !r.pathways.is_empty() {
        s.push('\n');
        put(&mut s, format_args!("{}", w("pathways")));
        for p in &r.pathways {
            let job = if p.own_job {
                w("own-job").to_string()
            } else {
                p.vacancy.as_ref().map_or(w(if p.needs_job { "no-job" } else { "no-job-needed" }).to_string(), |v| {
                    let distance = v.distance_km.map_or(w("distance-unknown").to_string(), |d| {
                        format!("{} km", crate::i18n::number(lang, &format!("{d:.1}")))
                    });
                    let demo = if v.demo { format!("{}: ", w("example")) } else { String::new() };
                    format!("{demo}{} ({}, {})", v.title, v.employer, distance)
                })
            };
            put(
                &mut s,
                format_args!(
                    "{:>4}  {:>3}  {} - {}{}, {} {}{} + {}",
                    p.rank,
                    p.score,
                    p.name,
                    p.institution,
                    // Where the training is, when it has a place: it may be far from the job.
                    match (p.place.as_str(), p.distance_km) {
                        ("", _) => String::new(),
                        (place, Some(d)) => format!(" ({place}, {} km)", crate::i18n::number(lang, &format!("{d:.1}"))),
                        (place, None) => format!(" ({place})"),
                    },
                    w("starts"),
                    p.intake.start_date,
                    expected(&p.intake, lang).map_or(String::new(), |e| format!(" ({e})")),
                    job
                ),
            );
            // The dates that come from an intake's usual dates are estimates too.
            let estimated = expected(&p.intake, lang);
            for e in &p.timeline {
                let mark = match (&estimated, e.event) {
                    (Some(x), "apply" | "intake") => format!(" ({x})"),
                    // The GO is planned back from the intake: estimated with it, unless it is now.
                    (Some(x), "request-go" | "geschiktheidsonderzoek") if e.date > r.today => format!(" ({x})"),
                    _ => String::new(),
                };
                put(&mut s, format_args!("         {}  {}{mark}", e.date, e.text.text));
            }
            for f in &p.flags {
                put(&mut s, format_args!("         ! {}", f.text));
            }
        }
    }
    if !r.activities.is_empty() {
        s.push('\n');
        put(&mut s, format_args!("{}", w("activities")));
        for a in &r.activities {
            put(&mut s, format_args!("  {}", activity(a, lang)));
        }
        if r.activities_more > 0 {
            put(&mut s, format_args!("  {}", w("more-activities").replace("{n}", &r.activities_more.to_string())));
        }
    }
    if !r.what_if.is_empty() {
        s.push('\n');
        put(&mut s, format_args!("{}", w("what-if")));
        for hint in &r.what_if {
            let changes: Vec<&str> = hint.changes.iter().map(|c| c.text.trim_end_matches('.')).collect();
            put(
                &mut s,
                format_args!(
                    "  {} - {} ({} -> {}): {}",
                    hint.name,
                    hint.institution,
                    verdict(hint.from),
                    verdict(hint.to),
                    changes.join("; ")
                ),
            );
        }
    }
    s
}

/// One activity on a line: when, what (its type), where or online, who, and "example"
/// for demonstration data.
fn activity(a: &crate::result::ActivityMatch, lang: Lang) -> String {
    let mut when = a.start_date.to_string();
    if let Some(t) = &a.start_time {
        when.push(' ');
        when.push_str(t);
    }
    match (a.end_date.filter(|e| *e != a.start_date), &a.end_time) {
        (Some(d), t) => {
            when.push_str(&format!(" - {d}"));
            if let Some(t) = t {
                when.push_str(&format!(" {t}"));
            }
        }
        (None, Some(t)) => when.push_str(&format!("-{t}")),
        (None, None) => {}
    }
    let mut parts = vec![label(lang, "activity_type", a.activity_type.id())];
    parts.extend(a.organizer.clone());
    match (&a.place, a.mode) {
        (Some(place), mode) => {
            let mut at = place.clone();
            if let Some(d) = a.distance_km {
                at.push_str(&format!(" ({} km)", crate::i18n::number(lang, &format!("{d:.1}"))));
            }
            if mode != crate::model::vocab::AttendanceMode::Offline {
                at.push_str(&format!(", {}", label(lang, "attendance_mode", mode.id())));
            }
            parts.push(at);
        }
        (None, mode) => parts.push(label(lang, "attendance_mode", mode.id())),
    }
    let demo = if a.demo { format!("{}: ", report_word(lang, "example")) } else { String::new() };
    let url = a.url.as_ref().map_or(String::new(), |u| format!(" {u}"));
    format!("{when}  {demo}{} ({}){url}", a.name, parts.join(", "))
}

/// Writes one line of the report. Control characters in it (from catalog names, or typed
/// by a person) are written as escapes such as `\u{1b}`, so a value can neither move the
/// cursor, ring the bell or retitle the terminal, nor start a fake line.
fn put(s: &mut String, line: std::fmt::Arguments) {
    let mut text = String::new();
    let _ = text.write_fmt(line);
    for c in text.chars() {
        if c.is_control() {
            let _ = write!(s, "{}", c.escape_unicode());
        } else {
            s.push(c);
        }
    }
    s.push('\n');
}

/// The yearly cost with its basis, and how sure the amount is when it is not confirmed.
fn cost(route: &crate::result::RouteResult, lang: Lang) -> String {
    let mut how = vec![label(lang, "cost_basis", route.cost_basis.id())];
    // How sure a fee is; for a route the school pays, how sure the subsidy that pays it is.
    if let Some(s) = route.cost_source.as_ref() {
        let status = (s.status != SourceStatus::Confirmed).then(|| label(lang, "status", s.status.id()));
        if route.cost_basis.pays_fee() {
            how.extend(status);
            if s.estimated {
                how.push(report_word(lang, "estimate").to_string());
            }
        } else if route.cost_basis == crate::model::vocab::CostBasis::WerkgeverMeestal {
            // The fee the school usually pays, named with how sure it is.
            let fee = crate::i18n::number(lang, &format!("{}", s.value.round()));
            how.push(format!("{} € {fee}", report_word(lang, "course-fee")));
            how.extend(status);
            if s.estimated {
                how.push(report_word(lang, "estimate").to_string());
            }
        } else if let Some(status) = status {
            how.push(format!("{}: {status}", report_word(lang, "subsidy")));
        }
    }
    let amount = crate::i18n::number(lang, &route.cost_eur_per_year.to_string());
    format!("€ {amount} {} ({})", report_word(lang, "per-year"), how.join("; "))
}

/// "verwacht" for an intake whose dates are the usual ones, not announced (`typical`).
fn expected(i: &crate::result::IntakeTiming, lang: Lang) -> Option<String> {
    (i.status == crate::model::vocab::IntakeStatus::Typical).then(|| label(lang, "intake_status", i.status.id()))
}

/// How sure the rule's source is, and its validity, when that is worth saying.
fn status(f: &crate::result::Finding, lang: Lang) -> String {
    let flag = match f.status {
        SourceStatus::Confirmed => String::new(),
        other => format!("; {}", label(lang, "status", other.id())),
    };
    let dates = match (f.valid_from, f.valid_until) {
        (None, None) => String::new(),
        (from, until) => format!(
            "; {} {}",
            from.map_or(String::new(), |d| d.to_string()),
            until.map_or("…".to_string(), |d| format!("{} {d}", report_word(lang, "until")))
        ),
    };
    format!("{flag}{dates}")
}

fn ids(sources: &[crate::result::SourceRef]) -> String {
    sources.iter().map(|x| x.id.as_str()).collect::<Vec<_>>().join(",")
}

/// A route's name with its mode (voltijd, deeltijd, ...) when the name does not say it,
/// so that two programmes of one institution can be told apart.
fn named(route: &crate::result::RouteResult, lang: Lang) -> String {
    let mode = label(lang, "mode", route.mode.id());
    // A route without training (herintreding) is followed in no mode: the job is all.
    if route.duration.0 == 0 || route.name.to_lowercase().contains(&mode.to_lowercase()) {
        route.name.clone()
    } else {
        format!("{} ({mode})", route.name)
    }
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
