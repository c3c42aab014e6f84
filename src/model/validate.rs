//! Semantic checks on well-formed documents: references, duplicates, dates, ranges.
//!
//! Each function returns every problem it finds (empty: valid).

use crate::model::error::Problem;
use crate::model::vocab::{AttendanceMode, CostBasis, SourceStatus};
use crate::model::{Activity, Catalog, Contact, Overlay, Profile, Test};
use std::collections::{HashMap, HashSet};

/// Positions of ids (the first, where an id is used twice).
type Ids<'a> = HashMap<&'a str, usize>;

/// Checks a catalog's references and invariants.
pub fn catalog(c: &Catalog) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut p = |path: String, msg: String| out.push(Problem::new(path, msg));

    let sources = unique(c.sources.iter().map(|s| s.id.as_str()), "sources", &mut p);
    let rules = unique(c.rules.iter().map(|r| r.id.as_str()), "rules", &mut p);
    let institutions = unique(c.institutions.iter().map(|i| i.id.as_str()), "institutions", &mut p);
    let places = unique(c.places.iter().map(|x| x.id.as_str()), "places", &mut p);
    unique(c.offerings.iter().map(|o| o.id.as_str()), "offerings", &mut p);
    unique(c.vacancies.iter().map(|v| v.id.as_str()), "vacancies", &mut p);

    if c.meta.attribution.is_empty() {
        p("meta.attribution".into(), "must name at least one source of the data".into());
    }
    if c.weights.total() != 100 {
        p("weights".into(), format!("the factor weights must add up to 100, they add up to {}", c.weights.total()));
    }
    for (i, s) in c.sources.iter().enumerate() {
        if !is_http(&s.url) {
            p(format!("sources[{i}].url"), format!("'{}' is not an http(s) URL", s.url));
        }
    }

    // Rules.
    for (i, r) in c.rules.iter().enumerate() {
        let at = format!("rules[{i}]");
        if r.sources.is_empty() {
            p(format!("{at}.sources"), "a rule must cite at least one source".into());
        }
        check_sources(&r.sources, &sources, &at, &mut p);
        check_validity(r.valid_from, r.valid_until, &at, &mut p);
        if let Some(a) = &r.action {
            if !crate::i18n::has_message(a) {
                p(format!("{at}.action"), format!("unknown message id '{a}'"));
            }
        }
        if let Some(m) = r.message.as_deref().filter(|m| !crate::i18n::has_message(m)) {
            p(format!("{at}.message"), format!("unknown message id '{m}'"));
        }
        for (j, alt) in r.alternatives.iter().enumerate() {
            if let Some(a) = alt.action.as_deref().filter(|a| !crate::i18n::has_message(a)) {
                p(format!("{at}.alternatives[{j}].action"), format!("unknown message id '{a}'"));
            }
            check_test(&alt.test, &format!("{at}.alternatives[{j}].test"), &mut p);
        }
        check_test(&r.test, &format!("{at}.test"), &mut p);
        if let Some(t) = &r.applies_if {
            check_test(t, &format!("{at}.applies_if"), &mut p);
        }
    }
    // Route kinds.
    for (i, k) in c.route_kinds.iter().enumerate() {
        if k.rules.is_empty() {
            p(format!("route_kinds[{i}].rules"), "a route kind needs at least one admission rule".into());
        }
        if c.route_kinds[..i].iter().any(|x| x.kind == k.kind) {
            p(format!("route_kinds[{i}].kind"), format!("'{}' is defined twice", k.kind));
        }
        if k.sectors.is_empty() {
            p(format!("route_kinds[{i}].sectors"), "must name at least one sector".into());
        }
        for (j, r) in k.rules.iter().enumerate() {
            if !rules.contains_key(r.as_str()) {
                p(format!("route_kinds[{i}].rules[{j}]"), format!("unknown rule '{r}'"));
            }
        }
        check_sources(&k.sources, &sources, &format!("route_kinds[{i}]"), &mut p);
    }
    for (i, r) in c.relatedness.iter().enumerate() {
        if r.field.trim().is_empty() {
            p(format!("relatedness[{i}].field"), "must not be empty".into());
        }
    }

    // Offerings.
    for (i, o) in c.offerings.iter().enumerate() {
        let at = format!("offerings[{i}]");
        match c.route_kinds.iter().find(|k| k.kind == o.kind) {
            None => p(format!("{at}.kind"), format!("route kind '{}' has no entry in route_kinds", o.kind)),
            Some(k) => {
                for s in &o.sectors {
                    if !k.sectors.contains(s) {
                        p(format!("{at}.sectors"), format!("sector '{s}' is not a sector of route kind '{}'", o.kind));
                    }
                }
                let all_rules = k.rules.iter().chain(&o.program_prerequisites);
                let needs_subject = all_rules
                    .filter_map(|r| rules.get(r.as_str()).map(|&i| &c.rules[i]))
                    .filter(|r| r.applies_if.as_ref().and_then(|t| t.on_offering(o)) != Some(false))
                    .any(|r| r.test.needs_subject() || r.alternatives.iter().any(|a| a.test.needs_subject()));
                if needs_subject && o.subject.is_none() {
                    p(
                        format!("{at}.subject"),
                        format!("route kind '{}' checks relatedness to a subject, so the offering needs one", o.kind),
                    );
                }
            }
        }
        if o.sectors.is_empty() {
            p(format!("{at}.sectors"), "must name at least one sector".into());
        }
        if !institutions.contains_key(o.institution.as_str()) {
            p(format!("{at}.institution"), format!("unknown institution '{}'", o.institution));
        }
        if !places.contains_key(o.place.as_str()) {
            p(format!("{at}.place"), format!("unknown place '{}'", o.place));
        }
        for (j, r) in o.program_prerequisites.iter().enumerate() {
            if !rules.contains_key(r.as_str()) {
                p(format!("{at}.program_prerequisites[{j}]"), format!("unknown rule '{r}'"));
            }
        }
        if o.weekly_hours > 80 {
            p(format!("{at}.weekly_hours"), format!("{} hours a week is more than 80", o.weekly_hours));
        }
        if o.intakes.is_empty() && !o.rolling_intake {
            p(format!("{at}.intakes"), "an offering needs at least one intake, or rolling_intake: true".into());
        }
        let mut starts = HashSet::new();
        for (j, t) in o.intakes.iter().enumerate() {
            if let Some(d) = t.application_deadline {
                if d > t.start_date {
                    p(
                        format!("{at}.intakes[{j}].application_deadline"),
                        format!("{d} is after the start date {}", t.start_date),
                    );
                }
            }
            if !starts.insert(t.start_date) {
                p(format!("{at}.intakes[{j}].start_date"), format!("{} is listed twice", t.start_date));
            }
        }
        if let Some(u) = &o.url {
            if !is_http(u) {
                p(format!("{at}.url"), format!("'{u}' is not an http(s) URL"));
            }
        }
    }

    // Vacancies.
    for (i, v) in c.vacancies.iter().enumerate() {
        let at = format!("vacancies[{i}]");
        if !places.contains_key(v.job_location.as_str()) {
            p(format!("{at}.job_location"), format!("unknown place '{}'", v.job_location));
        }
        if v.work_hours == 0 || v.work_hours > 60 {
            p(format!("{at}.work_hours"), format!("{} hours a week is not between 1 and 60", v.work_hours));
        }
        if let Some(u) = &v.url {
            if !is_http(u) {
                p(format!("{at}.url"), format!("'{u}' is not an http(s) URL"));
            }
        }
    }

    // Activities.
    unique(c.activities.iter().map(|a| a.id.as_str()), "activities", &mut p);
    let postcodes: HashSet<&str> = c.postcodes.iter().map(|pc| pc.0.as_str()).collect();
    let known_place = |id: &str| places.contains_key(id) || postcodes.contains(id);
    for (i, a) in c.activities.iter().enumerate() {
        activity(a, &format!("activities[{i}]"), c, &known_place, &mut p);
    }
    if let Some(contact) = &c.meta.contact {
        check_contact(contact, "meta.contact", &mut p);
    }

    // Places and figures.
    for (i, x) in c.places.iter().enumerate() {
        if !(50.0..=54.0).contains(&x.lat) || !(3.0..=7.5).contains(&x.lon) {
            p(format!("places[{i}]"), format!("({}, {}) lies outside the Netherlands", x.lat, x.lon));
        }
    }
    let mut seen = HashSet::new();
    for (i, pc) in c.postcodes.iter().enumerate() {
        if !is_pc4(&pc.0) {
            p(format!("postcodes[{i}][0]"), format!("'{}' is not a 4-digit postcode", pc.0));
        } else if !seen.insert(pc.0.as_str()) {
            p(format!("postcodes[{i}][0]"), format!("'{}' is listed twice", pc.0));
        }
        if !(50.0..=54.0).contains(&pc.1) || !(3.0..=7.5).contains(&pc.2) {
            p(format!("postcodes[{i}]"), "the coordinates lie outside the Netherlands".into());
        }
        if !places.contains_key(pc.3.as_str()) {
            p(format!("postcodes[{i}][3]"), format!("unknown place '{}'", pc.3));
        }
    }
    let figure_ids = unique(c.figures.iter().map(|f| f.id.as_str()), "figures", &mut p);
    for (i, r) in c.rules.iter().enumerate() {
        if let Some(f) = r.voids_figure.as_deref().filter(|f| !figure_ids.contains_key(f)) {
            p(format!("rules[{i}].voids_figure"), format!("unknown figure '{f}'"));
        }
        if let Some(f) = r.institutional_fee.as_deref() {
            match figure_ids.get(f) {
                None => p(format!("rules[{i}].institutional_fee"), format!("unknown figure '{f}'")),
                Some(&fi) if c.figures[fi].unit != "eur-per-year" => p(
                    format!("rules[{i}].institutional_fee"),
                    format!("figure '{f}' is in {}, not eur-per-year", c.figures[fi].unit),
                ),
                Some(_) => {}
            }
        }
        if r.said_when_met && r.message.is_none() {
            p(format!("rules[{i}].said_when_met"), "needs a message to say".into());
        } else if r.said_when_met && r.status == SourceStatus::Confirmed {
            p(
                format!("rules[{i}].said_when_met"),
                "is for a note the sources do not settle: give the rule its status (unconfirmed, conflict or dated)"
                    .into(),
            );
        }
    }
    for (i, f) in c.figures.iter().enumerate() {
        if f.values.is_empty() {
            p(format!("figures[{i}].values"), "must hold at least one value".into());
        }
        for (j, v) in f.values.iter().enumerate() {
            let at = format!("figures[{i}].values[{j}]");
            check_sources(&v.sources, &sources, &at, &mut p);
            check_validity(v.valid_from, v.valid_until, &at, &mut p);
            if !v.value.is_finite() || (f.unit.starts_with("eur") && v.value < 0.0) {
                p(format!("{at}.value"), "must be a finite amount, not negative".into());
            }
            // Oldest first, periods apart: each starts after the previous one ended.
            if let Some(prev) = j.checked_sub(1).map(|k| &f.values[k]) {
                let starts_after = match (prev.valid_from, v.valid_from) {
                    (a, Some(b)) => a.is_none_or(|a| a < b) && prev.valid_until.is_none_or(|u| u < b),
                    (_, None) => false,
                };
                if !starts_after {
                    p(
                        format!("{at}.valid_from"),
                        "values must be oldest first, each starting after the previous one ends".into(),
                    );
                }
            }
        }
    }
    for (i, o) in c.offerings.iter().enumerate() {
        let at = format!("offerings[{i}]");
        match o.cost_figure.as_deref().map(|f| (f, figure_ids.get(f))) {
            Some((f, None)) => p(format!("{at}.cost_figure"), format!("unknown figure '{f}'")),
            Some((f, Some(&fi)))
                if o.cost_basis.pays_fee() && o.cost_eur_per_year.is_none() && c.figures[fi].unit != "eur-per-year" =>
            {
                p(
                    format!("{at}.cost_figure"),
                    format!("figure '{f}' is in {}, a yearly fee must be in eur-per-year", c.figures[fi].unit),
                )
            }
            // The fee the school usually pays is the whole course's, named, never charged.
            Some((f, Some(&fi))) if o.cost_basis == CostBasis::WerkgeverMeestal && c.figures[fi].unit != "eur" => p(
                format!("{at}.cost_figure"),
                format!(
                    "figure '{f}' is in {}, the course fee the school usually pays must be in eur",
                    c.figures[fi].unit
                ),
            ),
            None if o.cost_basis.pays_fee() && o.cost_eur_per_year.is_none() => p(
                format!("{at}.cost_eur_per_year"),
                format!("a route paid by {} needs cost_eur_per_year or a cost_figure", o.cost_basis),
            ),
            _ => {}
        }
        if o.cost_basis == CostBasis::WerkgeverMeestal && o.cost_eur_per_year.is_some_and(|e| e > 0) {
            p(
                format!("{at}.cost_eur_per_year"),
                "a route the school usually pays charges nothing a year: name its fee as cost_figure".into(),
            );
        }
        match o.pay_figure.as_deref().map(|f| (f, figure_ids.get(f))) {
            Some((f, None)) => p(format!("{at}.pay_figure"), format!("unknown figure '{f}'")),
            Some((f, Some(&fi))) if c.figures[fi].unit != "eur-per-month" => p(
                format!("{at}.pay_figure"),
                format!("figure '{f}' is in {}, pay must be in eur-per-month", c.figures[fi].unit),
            ),
            _ => {}
        }
    }
    for (i, s) in c.shortages.iter().enumerate() {
        if !(0.0..=100.0).contains(&s.percent) {
            p(format!("shortages[{i}].percent"), format!("{} is not a percentage", s.percent));
        }
        if !sources.contains_key(s.source.as_str()) {
            p(format!("shortages[{i}].source"), format!("unknown source '{}'", s.source));
        }
        if let Some(r) = s.region.as_deref().filter(|r| !is_region(r) && !is_gemeente(r)) {
            p(
                format!("shortages[{i}].region"),
                format!("'{r}' is neither an arbeidsmarktregio code (AM13) nor a gemeente code (GM0344)"),
            );
        }
        if let Some(name) = s.region_name.as_deref() {
            if !s.region.as_deref().is_some_and(is_region) {
                p(
                    format!("shortages[{i}].region_name"),
                    "a name is only given with an arbeidsmarktregio code (AM13) as region".into(),
                );
            } else if name.trim().is_empty() {
                p(format!("shortages[{i}].region_name"), "is empty".into());
            }
        }
    }
    // The same figure twice: what identifies a figure seen before.
    let mut seen = HashSet::new();
    for (i, s) in c.shortages.iter().enumerate() {
        if !seen.insert((s.sector, s.subject, s.region.as_deref(), s.peildatum)) {
            p(format!("shortages[{i}]"), "the same figure (sector, subject, region, peildatum) is given twice".into());
        }
    }
    out
}

/// Checks one activity of catalog `c` (its places and route kinds) at path `at`.
fn activity(
    a: &Activity,
    at: &str,
    c: &Catalog,
    known_place: &dyn Fn(&str) -> bool,
    p: &mut impl FnMut(String, String),
) {
    if a.name.trim().is_empty() {
        p(format!("{at}.name"), "must not be empty".into());
    }
    let mut times = [None, None];
    for (k, (field, t)) in [("start_time", &a.start_time), ("end_time", &a.end_time)].into_iter().enumerate() {
        if let Some(t) = t {
            times[k] = minutes(t);
            if times[k].is_none() {
                p(format!("{at}.{field}"), format!("'{t}' is not a time HH:MM"));
            }
        }
    }
    if let Some(end) = a.end_date.filter(|e| *e < a.start_date) {
        p(format!("{at}.end_date"), format!("{end} is before the start date {}", a.start_date));
    }
    if a.end_date.is_none_or(|e| e == a.start_date) {
        if let [Some(start), Some(end)] = times {
            if end < start {
                p(
                    format!("{at}.end_time"),
                    format!(
                        "'{}' is before the start time '{}' on the same day",
                        a.end_time.as_deref().unwrap_or_default(),
                        a.start_time.as_deref().unwrap_or_default()
                    ),
                );
            }
        }
    }
    match &a.location {
        None if a.event_attendance_mode != AttendanceMode::Online => p(
            format!("{at}.location"),
            format!(
                "an activity that is {} needs a location (a gemeente code such as GM0344 or a postcode)",
                a.event_attendance_mode
            ),
        ),
        Some(l) if !known_place(l) => p(format!("{at}.location"), format!("unknown place '{l}'")),
        _ => {}
    }
    for (j, k) in a.route_kinds.iter().enumerate() {
        if !c.route_kinds.iter().any(|d| d.kind == *k) {
            p(format!("{at}.route_kinds[{j}]"), format!("route kind '{k}' has no entry in route_kinds"));
        }
        if a.route_kinds[..j].contains(k) {
            p(format!("{at}.route_kinds[{j}]"), format!("'{k}' is listed twice"));
        }
    }
    for (j, s) in a.sectors.iter().enumerate() {
        if a.sectors[..j].contains(s) {
            p(format!("{at}.sectors[{j}]"), format!("'{s}' is listed twice"));
        }
    }
    if let Some(u) = a.url.as_deref().filter(|u| !is_http(u)) {
        p(format!("{at}.url"), format!("'{u}' is not an http(s) URL"));
    }
}

/// Minutes after midnight of a time `HH:MM` (00:00 to 23:59).
pub fn minutes(t: &str) -> Option<u16> {
    let (h, m) = t.split_once(':')?;
    let two = |x: &str| (x.len() == 2 && x.bytes().all(|b| b.is_ascii_digit())).then(|| x.parse::<u16>().ok())?;
    let (h, m) = (two(h)?, two(m)?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// A loket's contact: a name, and an e-mail address, phone number and URL that can be
/// used as a link.
fn check_contact(c: &Contact, at: &str, p: &mut impl FnMut(String, String)) {
    if c.name.trim().is_empty() {
        p(format!("{at}.name"), "must not be empty".into());
    }
    if let Some(e) = c.email.as_deref().filter(|e| !is_email(e)) {
        p(format!("{at}.email"), format!("'{e}' is not an e-mail address such as loket@example.nl"));
    }
    if let Some(t) = c.phone.as_deref() {
        let digits = t.bytes().filter(u8::is_ascii_digit).count();
        if !(6..=15).contains(&digits) || !t.chars().all(|ch| ch.is_ascii_digit() || " +-()".contains(ch)) {
            p(format!("{at}.phone"), format!("'{t}' is not a phone number such as 030 123 4567 or +31 30 123 4567"));
        }
    }
    if let Some(u) = c.url.as_deref().filter(|u| !is_http(u)) {
        p(format!("{at}.url"), format!("'{u}' is not an http(s) URL"));
    }
}

/// The problems of a loket's contact on its own, with paths `name`, `email`, `phone`,
/// `url` (the checks of a catalog's `meta.contact`).
pub fn contact(c: &Contact) -> Vec<Problem> {
    let mut out = Vec::new();
    check_contact(c, "", &mut |path: String, msg: String| {
        out.push(Problem::new(path.trim_start_matches('.'), msg));
    });
    out
}

/// A plain address `local@domain.tld`: no spaces, quotes, or characters that would change
/// a `mailto:` link.
fn is_email(e: &str) -> bool {
    let Some((local, domain)) = e.split_once('@') else { return false };
    let plain = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || "._+-".contains(c));
    plain(local) && plain(domain) && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
}

/// Checks an overlay on its own (what a merge could not see once applied): ids given
/// twice in its lists that replace by id, offerings whose intakes are given twice, the
/// region's form. Paths start with `overlay.`.
pub fn overlay(o: &Overlay) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut p = |path: String, msg: String| out.push(Problem::new(format!("overlay.{path}"), msg));
    unique(o.institutions.iter().map(|x| x.id.as_str()), "institutions", &mut p);
    unique(o.offerings.iter().map(|x| x.id.as_str()), "offerings", &mut p);
    let mut seen = HashSet::new();
    for (i, x) in o.intakes.iter().enumerate() {
        if !seen.insert(x.offering.as_str()) {
            p(format!("intakes[{i}].offering"), format!("the intakes of '{}' are given twice", x.offering));
        }
    }
    let m = &o.meta;
    if m.name.trim().is_empty() {
        p("meta.name".into(), "must not be empty".into());
    }
    if let Some(r) = m.region.as_deref().filter(|r| r.trim().is_empty()) {
        p("meta.region".into(), format!("'{r}' is not a region code such as AM13"));
    }
    out
}

/// Checks a parsed profile's values.
pub fn profile(pr: &Profile) -> Vec<Problem> {
    let mut out = Vec::new();
    if let Some(loc) = &pr.location {
        match (&loc.postcode, &loc.gemeente) {
            (None, None) => out.push(Problem::new("location", "give a postcode or a gemeente")),
            (Some(_), Some(_)) => out.push(Problem::new("location", "give a postcode or a gemeente, not both")),
            (Some(pc), None) if !is_pc4(pc) => out.push(Problem::new(
                "location.postcode",
                format!("'{pc}' is not a 4-digit Dutch postcode such as 3511"),
            )),
            (None, Some(gm)) if !is_gemeente(gm) => {
                out.push(Problem::new("location.gemeente", format!("'{gm}' is not a CBS gemeente code such as GM0344")))
            }
            _ => {}
        }
        // The Netherlands lies within these bounds (with the Wadden and Zuid-Limburg).
        match (loc.lat, loc.lon) {
            (None, None) => {}
            (Some(lat), Some(lon)) => {
                if !(50.7..=53.6).contains(&lat) {
                    out.push(Problem::new(
                        "location.lat",
                        format!("{lat} is not a latitude in the Netherlands (50.7 to 53.6)"),
                    ));
                }
                if !(3.3..=7.3).contains(&lon) {
                    out.push(Problem::new(
                        "location.lon",
                        format!("{lon} is not a longitude in the Netherlands (3.3 to 7.3)"),
                    ));
                }
            }
            _ => out.push(Problem::new("location", "give both lat and lon, or neither")),
        }
    }
    if let Some(h) = pr.hours_per_week {
        if h == 0 || h > 80 {
            out.push(Problem::new("hours_per_week", format!("{h} is not between 1 and 80")));
        }
    }
    if let Some(a) = pr.age {
        if !(12..=100).contains(&a) {
            out.push(Problem::new("age", format!("{a} is not between 12 and 100")));
        }
    }
    if let Some(b) = pr.birth_date {
        if !(1900..=2020).contains(&b.year()) {
            out.push(Problem::new("birth_date", format!("{b} is not a plausible date of birth")));
        }
    }
    if let Some(j) = &pr.job {
        if j.hours_per_week == 0 || j.hours_per_week > 60 {
            out.push(Problem::new("job.hours_per_week", format!("{} is not between 1 and 60", j.hours_per_week)));
        }
    }
    if let Some(s) = &pr.study {
        if s.ec > 600 {
            out.push(Problem::new("study.ec", format!("{} EC is more than any study has", s.ec)));
        }
    }
    for (i, d) in pr.diplomas.iter().enumerate() {
        if d.recognised && !d.foreign {
            out.push(Problem::new(
                format!("diplomas[{i}].recognised"),
                "only a foreign diploma is recognised; set foreign: true",
            ));
        }
    }
    out
}

fn unique<'a>(ids: impl Iterator<Item = &'a str>, list: &str, p: &mut impl FnMut(String, String)) -> Ids<'a> {
    let mut index = Ids::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            p(format!("{list}[{i}].id"), "must not be empty".into());
        } else if index.contains_key(id) {
            p(format!("{list}[{i}].id"), format!("'{id}' is used twice"));
        } else {
            index.insert(id, i);
        }
    }
    index
}

/// Every source id cited at `at` must be in the catalog's `sources`.
fn check_sources(cited: &[String], known: &Ids, at: &str, p: &mut impl FnMut(String, String)) {
    for (j, s) in cited.iter().enumerate() {
        if !known.contains_key(s.as_str()) {
            p(format!("{at}.sources[{j}]"), format!("unknown source '{s}'"));
        }
    }
}

/// A validity range must not end before it starts.
fn check_validity(
    from: Option<crate::model::date::Date>,
    until: Option<crate::model::date::Date>,
    at: &str,
    p: &mut impl FnMut(String, String),
) {
    if let (Some(f), Some(u)) = (from, until) {
        if f > u {
            p(format!("{at}.valid_until"), format!("{u} is before valid_from {f}"));
        }
    }
}

fn check_test(t: &Test, at: &str, p: &mut impl FnMut(String, String)) {
    if let Test::DiplomaLevel { fields, .. } | Test::Study { fields, .. } = t {
        for (i, f) in fields.iter().enumerate() {
            let id = crate::model::profile::normalise_field(f);
            if id.is_empty() || id != *f {
                p(
                    format!("{at}.fields[{i}]"),
                    format!("'{f}' is not a study-field id such as 'pabo' (lower case, words joined by '-')"),
                );
            }
        }
    }
    match t {
        Test::DiplomaLevel { levels, .. } | Test::RelatedDiploma { levels, .. } | Test::Study { levels, .. }
            if levels.is_empty() =>
        {
            p(format!("{at}.levels"), "must name at least one level".into())
        }
        Test::Qualification { any_of, .. } if any_of.is_empty() => {
            p(format!("{at}.any_of"), "must name at least one qualification".into())
        }
        Test::AllOf { all } => all.iter().enumerate().for_each(|(i, t)| check_test(t, &format!("{at}.all[{i}]"), p)),
        Test::AnyOf { any } => any.iter().enumerate().for_each(|(i, t)| check_test(t, &format!("{at}.any[{i}]"), p)),
        Test::Not { not } => check_test(not, &format!("{at}.not"), p),
        _ => {}
    }
}

fn is_http(u: &str) -> bool {
    u.starts_with("https://") || u.starts_with("http://")
}

pub(crate) fn is_pc4(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0')
}

fn is_region(s: &str) -> bool {
    s.len() == 4 && s.starts_with("AM") && s.bytes().skip(2).all(|b| b.is_ascii_digit())
}

pub(crate) fn is_gemeente(s: &str) -> bool {
    s.len() == 6 && s.starts_with("GM") && s.bytes().skip(2).all(|b| b.is_ascii_digit())
}
