//! The limits of what the core accepts, checked before the work they would bound: the
//! size of a document before it is read, list and string lengths and the nesting of rule
//! tests before a catalog is validated, and how much of a problem is echoed back.
//! README.md ("Limits") lists them for people.

use crate::model::error::Problem;
use crate::model::{Catalog, Contact, Overlay, Profile, Test};

/// Largest catalog, as JSON text (64 MiB: 20 times the national catalog fits).
pub const MAX_CATALOG_BYTES: usize = 64 << 20;
/// Largest profile, as JSON text (64 KiB).
pub const MAX_PROFILE_BYTES: usize = 64 << 10;
/// Deepest nesting of JSON arrays and objects in a document (serde_json's own limit).
pub const MAX_JSON_DEPTH: usize = 128;
/// Deepest nesting of a rule's tests (`all-of`, `any-of`, `not`).
pub const MAX_TEST_DEPTH: usize = 16;
/// Most test nodes in one rule (its test, `applies_if` and alternatives together).
pub const MAX_TEST_NODES: usize = 256;
/// Longest string in a catalog, in characters (names, notes, URLs, attribution lines).
pub const MAX_CATALOG_STRING: usize = 10_000;
/// Longest string in a profile, in characters (study fields, postcodes).
pub const MAX_PROFILE_STRING: usize = 200;
/// Most intakes of one offering.
pub const MAX_INTAKES: usize = 50;
/// Most elements of each list in a profile.
pub const MAX_PROFILE_LIST: usize = 50;
/// Most problems reported for one document; the rest are counted.
pub const MAX_PROBLEMS: usize = 100;
/// Most characters of a value echoed in a problem message.
pub const MAX_ECHO: usize = 80;
/// Most characters of a problem's path (a path through keys a document chose itself).
pub const MAX_PATH: usize = 1_000;
/// Most characters of a problem's message.
pub const MAX_MESSAGE: usize = 1_000;

/// Most elements of each list of a catalog.
pub const CATALOG_LISTS: &[(&str, usize)] = &[
    ("sources", 2_000),
    ("rules", 2_000),
    ("route_kinds", 100),
    ("relatedness", 10_000),
    ("institutions", 10_000),
    ("offerings", 50_000),
    ("vacancies", 500_000),
    ("places", 10_000),
    ("postcodes", 10_000),
    ("shortages", 100_000),
    ("figures", 2_000),
    ("activities", 10_000),
];

/// The limit of a catalog list (unknown names are not limited here).
pub fn list_limit(list: &str) -> usize {
    CATALOG_LISTS.iter().find(|(l, _)| *l == list).map_or(usize::MAX, |(_, n)| *n)
}

/// A document of `len` bytes against its limit, before it is read.
pub fn size(len: usize, max: usize, what: &str) -> Result<(), Problem> {
    if len > max {
        return Err(Problem::new("", format!("the {what} is {len} bytes; the limit is {max} bytes ({})", human(max))));
    }
    Ok(())
}

fn human(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{} KiB", bytes >> 10)
    }
}

/// Lengths of a decoded catalog's lists and strings and the shape of its rules. Run
/// before validation, so its cost is bounded too.
pub fn catalog(c: &Catalog) -> Vec<Problem> {
    let mut out = Vec::new();
    let lens = [
        ("sources", c.sources.len()),
        ("rules", c.rules.len()),
        ("route_kinds", c.route_kinds.len()),
        ("relatedness", c.relatedness.len()),
        ("institutions", c.institutions.len()),
        ("offerings", c.offerings.len()),
        ("vacancies", c.vacancies.len()),
        ("places", c.places.len()),
        ("postcodes", c.postcodes.len()),
        ("shortages", c.shortages.len()),
        ("figures", c.figures.len()),
        ("activities", c.activities.len()),
    ];
    for (list, len) in lens {
        if len > list_limit(list) {
            out.push(too_many(list, len, list_limit(list)));
        }
    }
    for (i, o) in c.offerings.iter().enumerate() {
        if o.intakes.len() > MAX_INTAKES {
            out.push(too_many(&format!("offerings[{i}].intakes"), o.intakes.len(), MAX_INTAKES));
        }
    }
    for (i, r) in c.rules.iter().enumerate() {
        let tests = std::iter::once(&r.test).chain(&r.applies_if).chain(r.alternatives.iter().map(|a| &a.test));
        let (mut nodes, mut depth) = (0, 0);
        for t in tests {
            let (n, d) = shape(t);
            nodes += n;
            depth = depth.max(d);
        }
        if depth > MAX_TEST_DEPTH {
            out.push(Problem::new(
                format!("rules[{i}]"),
                format!("tests nested {depth} deep; the limit is {MAX_TEST_DEPTH}"),
            ));
        }
        if nodes > MAX_TEST_NODES {
            out.push(Problem::new(
                format!("rules[{i}]"),
                format!("{nodes} tests in one rule; the limit is {MAX_TEST_NODES}"),
            ));
        }
    }
    strings(c, &mut out);
    out
}

/// (nodes, depth) of a test tree.
fn shape(t: &Test) -> (usize, usize) {
    let children: Vec<&Test> = match t {
        Test::AllOf { all } => all.iter().collect(),
        Test::AnyOf { any } => any.iter().collect(),
        Test::Not { not } => vec![not],
        _ => Vec::new(),
    };
    children.into_iter().map(shape).fold((1, 1), |(n, d), (cn, cd)| (n + cn, d.max(cd + 1)))
}

/// The strings of a catalog a person sees or a problem may echo against
/// [`MAX_CATALOG_STRING`]: names, notes, URLs and ids. (Every problem message is also cut
/// to [`MAX_MESSAGE`] characters.)
fn strings(c: &Catalog, out: &mut Vec<Problem>) {
    let mut check = |path: &dyn Fn() -> String, s: &str| {
        let n = s.chars().count();
        if n > MAX_CATALOG_STRING {
            out.push(Problem::new(path(), format!("{n} characters; the limit is {MAX_CATALOG_STRING}")));
        }
    };
    let m = &c.meta;
    check(&|| "meta.name".into(), &m.name);
    check(&|| "meta.version".into(), &m.version);
    if let Some(r) = &m.region {
        check(&|| "meta.region".into(), r);
    }
    for (i, a) in m.attribution.iter().enumerate() {
        for (at, t) in a.texts() {
            check(&|| format!("meta.attribution[{i}]{at}"), t);
        }
    }
    for (i, n) in m.notes.iter().enumerate() {
        check(&|| format!("meta.notes[{i}]"), n);
    }
    for (i, o) in c.offerings.iter().enumerate() {
        for (field, s) in [("id", &o.id), ("name", &o.name), ("institution", &o.institution), ("place", &o.place)] {
            check(&|| format!("offerings[{i}].{field}"), s);
        }
        if let Some(u) = &o.url {
            check(&|| format!("offerings[{i}].url"), u);
        }
    }
    for (i, v) in c.vacancies.iter().enumerate() {
        for (field, s) in
            [("id", &v.id), ("title", &v.title), ("employer", &v.employer), ("job_location", &v.job_location)]
        {
            check(&|| format!("vacancies[{i}].{field}"), s);
        }
        if let Some(u) = &v.url {
            check(&|| format!("vacancies[{i}].url"), u);
        }
    }
    for (i, x) in c.institutions.iter().enumerate() {
        check(&|| format!("institutions[{i}].name"), &x.name);
    }
    for (i, x) in c.places.iter().enumerate() {
        check(&|| format!("places[{i}].name"), &x.name);
    }
    for (i, r) in c.rules.iter().enumerate() {
        check(&|| format!("rules[{i}].id"), &r.id);
        if let Some(n) = &r.note {
            check(&|| format!("rules[{i}].note"), n);
        }
    }
    for (i, s) in c.sources.iter().enumerate() {
        check(&|| format!("sources[{i}].id"), &s.id);
        check(&|| format!("sources[{i}].url"), &s.url);
    }
    for (i, f) in c.figures.iter().enumerate() {
        check(&|| format!("figures[{i}].id"), &f.id);
        check(&|| format!("figures[{i}].unit"), &f.unit);
        for (j, v) in f.values.iter().enumerate() {
            if let Some(n) = &v.note {
                check(&|| format!("figures[{i}].values[{j}].note"), n);
            }
        }
    }
    for (i, x) in c.places.iter().enumerate() {
        check(&|| format!("places[{i}].id"), &x.id);
    }
    for (i, x) in c.institutions.iter().enumerate() {
        check(&|| format!("institutions[{i}].id"), &x.id);
    }
    for (i, r) in c.relatedness.iter().enumerate() {
        check(&|| format!("relatedness[{i}].field"), &r.field);
    }
    for (i, a) in c.activities.iter().enumerate() {
        for (field, s) in [("id", &a.id), ("name", &a.name)] {
            check(&|| format!("activities[{i}].{field}"), s);
        }
        let optional = [
            ("start_time", &a.start_time),
            ("end_time", &a.end_time),
            ("location", &a.location),
            ("address", &a.address),
            ("organizer", &a.organizer),
            ("url", &a.url),
            ("description", &a.description),
        ];
        for (field, s) in optional {
            if let Some(s) = s {
                check(&|| format!("activities[{i}].{field}"), s);
            }
        }
    }
    if let Some(contact) = &m.contact {
        contact_strings(contact, "meta.contact", &mut check);
    }
}

fn contact_strings(c: &Contact, at: &str, check: &mut impl FnMut(&dyn Fn() -> String, &str)) {
    check(&|| format!("{at}.name"), &c.name);
    for (field, s) in [("email", &c.email), ("phone", &c.phone), ("url", &c.url)] {
        if let Some(s) = s {
            check(&|| format!("{at}.{field}"), s);
        }
    }
}

/// Lengths of an overlay's lists and of its `meta` strings, before it is merged (the
/// merged catalog's own limits check the elements' strings). Paths start with `overlay.`.
pub fn overlay(o: &Overlay) -> Vec<Problem> {
    let mut out = Vec::new();
    let lens = [
        ("institutions", o.institutions.len()),
        ("offerings", o.offerings.len()),
        ("intakes", o.intakes.len()),
        ("vacancies", o.vacancies.len()),
        ("activities", o.activities.len()),
    ];
    for (list, len) in lens {
        // `intakes` holds at most one entry per offering.
        let max = list_limit(if list == "intakes" { "offerings" } else { list });
        if len > max {
            out.push(too_many(&format!("overlay.{list}"), len, max));
        }
    }
    for (i, x) in o.intakes.iter().enumerate() {
        if x.intakes.len() > MAX_INTAKES {
            out.push(too_many(&format!("overlay.intakes[{i}].intakes"), x.intakes.len(), MAX_INTAKES));
        }
    }
    let mut check = |path: &dyn Fn() -> String, s: &str| {
        let n = s.chars().count();
        if n > MAX_CATALOG_STRING {
            out.push(Problem::new(path(), format!("{n} characters; the limit is {MAX_CATALOG_STRING}")));
        }
    };
    let m = &o.meta;
    check(&|| "overlay.meta.name".into(), &m.name);
    check(&|| "overlay.meta.version".into(), &m.version);
    if let Some(r) = &m.region {
        check(&|| "overlay.meta.region".into(), r);
    }
    for (i, a) in m.attribution.iter().enumerate() {
        for (at, t) in a.texts() {
            check(&|| format!("overlay.meta.attribution[{i}]{at}"), t);
        }
    }
    for (i, n) in m.notes.iter().enumerate() {
        check(&|| format!("overlay.meta.notes[{i}]"), n);
    }
    for (i, x) in o.intakes.iter().enumerate() {
        check(&|| format!("overlay.intakes[{i}].offering"), &x.offering);
    }
    if let Some(contact) = &m.contact {
        contact_strings(contact, "overlay.meta.contact", &mut check);
    }
    out
}

/// Lengths of a decoded profile's lists and strings.
pub fn profile(p: &Profile) -> Vec<Problem> {
    let mut out = Vec::new();
    let lens = [
        ("diplomas", p.diplomas.len()),
        ("qualifications", p.qualifications.len()),
        ("sectors", p.sectors.len()),
        ("subjects", p.subjects.len()),
        ("pabo_tests_passed", p.pabo_tests_passed.len()),
    ];
    for (list, len) in lens {
        if len > MAX_PROFILE_LIST {
            out.push(too_many(list, len, MAX_PROFILE_LIST));
        }
    }
    let mut strings: Vec<(String, &str)> = Vec::new();
    for (i, d) in p.diplomas.iter().enumerate() {
        strings.extend(d.field.as_deref().map(|f| (format!("diplomas[{i}].field"), f)));
    }
    if let Some(s) = &p.study {
        strings.extend(s.field.as_deref().map(|f| ("study.field".to_string(), f)));
    }
    if let Some(l) = &p.location {
        strings.extend(l.postcode.as_deref().map(|x| ("location.postcode".to_string(), x)));
        strings.extend(l.gemeente.as_deref().map(|x| ("location.gemeente".to_string(), x)));
    }
    for (path, s) in strings {
        let n = s.chars().count();
        if n > MAX_PROFILE_STRING {
            out.push(Problem::new(path, format!("{n} characters; the limit is {MAX_PROFILE_STRING}")));
        }
    }
    out
}

fn too_many(path: &str, len: usize, max: usize) -> Problem {
    Problem::new(path, format!("{len} elements; the limit is {max}"))
}

/// A message with every quoted value (between `'`, `"` or backticks) longer than
/// [`MAX_ECHO`] characters cut to that length, so no input is echoed back in full.
pub fn clip_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(4 * MAX_ECHO + 200));
    let mut chars = message.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if !matches!(c, '\'' | '"' | '`') {
            continue;
        }
        // Copy up to MAX_ECHO characters of the quoted part, skip the rest to the quote.
        let mut kept = 0;
        let mut clipped = false;
        while let Some(&n) = chars.peek() {
            if n == c {
                break;
            }
            chars.next();
            if kept < MAX_ECHO {
                out.push(n);
                kept += 1;
            } else {
                clipped = true;
            }
        }
        if clipped {
            out.push('…');
        }
        if let Some(q) = chars.next() {
            out.push(q);
        }
    }
    out
}

/// At most [`MAX_PROBLEMS`] problems, the rest counted in a last one; every message
/// with its echoed values clipped and control characters written as escapes (so an
/// echoed value cannot drive a terminal).
pub fn bound(problems: Vec<Problem>) -> Vec<Problem> {
    let extra = problems.len().saturating_sub(MAX_PROBLEMS);
    let clean = |s: &str| clip_quoted(s).chars().flat_map(escaped).collect::<String>();
    let mut out: Vec<Problem> = problems
        .into_iter()
        .take(MAX_PROBLEMS)
        .map(|p| Problem { path: clip(&clean(&p.path), MAX_PATH), message: clip(&clean(&p.message), MAX_MESSAGE) })
        .collect();
    if extra > 0 {
        out.push(Problem::new("", format!("and {extra} more problems")));
    }
    out
}

/// At most `max` characters of `s`, marked with `…` where cut.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max).collect();
    out.push('…');
    out
}

/// A character as written in a problem: control characters as `\u{1b}`.
fn escaped(c: char) -> Vec<char> {
    if c.is_control() {
        c.escape_unicode().collect()
    } else {
        vec![c]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quoted_values_are_clipped_and_short_ones_kept() {
        let long = "x".repeat(10_000);
        let m = clip_quoted(&format!("'{long}' is not a postcode; `ok` and \"fine\""));
        assert_eq!(m, format!("'{}…' is not a postcode; `ok` and \"fine\"", "x".repeat(MAX_ECHO)));
        assert_eq!(clip_quoted("unclosed 'abc"), "unclosed 'abc");
        assert!(clip_quoted(&format!("'{long}")).chars().count() <= MAX_ECHO + 2);
    }

    #[test]
    fn control_characters_are_escaped() {
        let b = bound(vec![Problem::new("a", "unknown variant `\u{1b}]0;x\u{7}`")]);
        assert_eq!(b[0].message, "unknown variant `\\u{1b}]0;x\\u{7}`");
    }

    #[test]
    fn problems_beyond_the_limit_are_counted() {
        let many: Vec<Problem> = (0..250).map(|i| Problem::new(format!("offerings[{i}]"), "bad")).collect();
        let b = bound(many);
        assert_eq!(b.len(), MAX_PROBLEMS + 1);
        assert_eq!(b.last().unwrap().message, "and 150 more problems");
    }

    #[test]
    fn test_trees_are_measured() {
        let leaf = Test::Vog;
        let mut t = leaf.clone();
        for _ in 0..20 {
            t = Test::Not { not: Box::new(t) };
        }
        assert_eq!(shape(&t), (21, 21));
        assert_eq!(shape(&Test::AllOf { all: vec![leaf.clone(), leaf] }), (3, 2));
    }
}
