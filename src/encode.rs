//! The JSON writer for everything the core hands out: the match result, input errors and
//! the catalog's `meta`. Used by the CLI (`--format json`) and the wasm boundary.
//!
//! Hand-written instead of serde's `Serialize` + serde_json's writer so the browser build
//! links neither, and needs no float formatter: the output types are few and fixed. The output
//! is byte-identical to serde_json's: [`to_json`] to `serde_json::to_string`,
//! [`to_json_pretty`] to `serde_json::to_string_pretty` (the CLI golden files check it).
//!
//! Code size matters more than speed here: fields are written through `&dyn ToJson`, so
//! each field costs one call, not a monomorphised serializer.

use crate::model::date::{Date, Months};
use crate::model::error::{Document, InputError, Problem};
use crate::model::Meta;
use crate::result::*;
use crate::model::vocab::*;

/// A value that can be written as JSON.
pub trait ToJson {
    fn write_json(&self, w: &mut Writer);
}

/// Compact JSON (no whitespace), as `serde_json::to_string`.
pub fn to_json<T: ToJson + ?Sized>(v: &T) -> String {
    write(&v, false)
}

/// Pretty JSON (2-space indent, `"key": value`, `[]`/`{}` when empty), as
/// `serde_json::to_string_pretty`. No trailing newline.
pub fn to_json_pretty<T: ToJson + ?Sized>(v: &T) -> String {
    write(&v, true)
}

fn write(v: &dyn ToJson, pretty: bool) -> String {
    let mut w = Writer { out: String::with_capacity(1024), pretty, depth: 0, empty: true };
    v.write_json(&mut w);
    w.out
}

/// Appends JSON to a string. Containers are opened and closed explicitly; the writer
/// puts commas, newlines and indentation in between.
pub struct Writer {
    out: String,
    pretty: bool,
    depth: usize,
    /// The innermost open container has no member yet.
    empty: bool,
}

impl Writer {
    pub fn null(&mut self) {
        self.out.push_str("null");
    }

    pub fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    /// An unsigned integer, at least `width` digits (zero-padded).
    fn digits(&mut self, mut n: u64, width: usize) {
        let mut buf = [b'0'; 20];
        let mut i = buf.len();
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        i = i.min(buf.len() - width.min(buf.len()));
        for &b in &buf[i..] {
            self.out.push(b as char);
        }
    }

    pub fn u64(&mut self, n: u64) {
        self.digits(n, 1);
    }

    /// A number that is a whole multiple of 0.1, as the core's distances are (`round1` in
    /// `matcher.rs` rounds them to one decimal).
    ///
    /// serde_json writes a float as the shortest decimal that reads back as the same `f64`
    /// (zmij in the current version, ryu in older ones), with `.0` for whole numbers and, at these
    /// magnitudes, no exponent (the tests compare from 0.1 to 10^13). For the
    /// `f64` nearest to `n / 10` with `|n| < 10^15` that decimal is exactly the digits of
    /// `n` with a point before the last one (any two decimals of at most 15 significant
    /// digits read as different `f64`s, so no shorter one can round-trip), and
    /// `(x * 10).round()` recovers `n` exactly. So the text is built from that integer and
    /// no float formatter is linked. Other values are written rounded to one decimal
    /// (checked in debug builds); non-finite ones and magnitudes of 1e14 and more (not a
    /// distance on Earth) are written as `null`, as serde_json does for non-finite ones.
    pub fn f64_tenths(&mut self, x: f64) {
        let t = (x * 10.0).round();
        // Not a number, or too large to be a distance: see above.
        if !x.is_finite() || t.abs() >= 1e15 {
            self.null();
            return;
        }
        debug_assert!(t / 10.0 == x, "{x} is not rounded to one decimal");
        if x.is_sign_negative() {
            self.out.push('-');
        }
        let n = t.abs() as u64;
        self.digits(n / 10, 1);
        self.out.push('.');
        self.out.push((b'0' + (n % 10) as u8) as char);
    }

    /// A string, quoted and escaped as serde_json does: `"` and `\` with a backslash,
    /// control characters as `\n \t \r \b \f` or `\u00XX`; everything else as is.
    pub fn str(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.out.push('"');
        // Char by char rather than slicing runs out of `s`: no slicing panic path in the wasm.
        for c in s.chars() {
            let short = match c {
                '"' => b'"',
                '\\' => b'\\',
                '\n' => b'n',
                '\t' => b't',
                '\r' => b'r',
                '\u{8}' => b'b',
                '\u{c}' => b'f',
                '\0'..='\u{1f}' => b'u',
                _ => {
                    self.out.push(c);
                    continue;
                }
            };
            self.out.push('\\');
            self.out.push(short as char);
            if short == b'u' {
                let b = c as usize;
                self.out.push_str("00");
                self.out.push(HEX[b >> 4] as char);
                self.out.push(HEX[b & 0xf] as char);
            }
        }
        self.out.push('"');
    }

    pub fn begin_object(&mut self) {
        self.open('{');
    }

    pub fn end_object(&mut self) {
        self.close('}');
    }

    pub fn begin_array(&mut self) {
        self.open('[');
    }

    pub fn end_array(&mut self) {
        self.close(']');
    }

    /// Starts an object member: write its value next.
    pub fn key(&mut self, key: &str) {
        self.member();
        self.str(key);
        self.out.push_str(if self.pretty { ": " } else { ":" });
    }

    /// An object member.
    pub fn field(&mut self, key: &str, value: &dyn ToJson) {
        self.key(key);
        value.write_json(self);
    }

    /// Starts an array element: write it next.
    pub fn element(&mut self) {
        self.member();
    }

    fn open(&mut self, c: char) {
        self.out.push(c);
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, c: char) {
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        // The enclosing container (if any) now has this one as a member.
        self.empty = false;
        self.out.push(c);
    }

    fn member(&mut self) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        self.newline();
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
    }
}

// ------------------------------------------------------------------ basic types

impl ToJson for str {
    fn write_json(&self, w: &mut Writer) {
        w.str(self);
    }
}

impl ToJson for String {
    fn write_json(&self, w: &mut Writer) {
        w.str(self);
    }
}

impl ToJson for bool {
    fn write_json(&self, w: &mut Writer) {
        w.bool(*self);
    }
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, w: &mut Writer) {
                w.u64(*self as u64);
            }
        }
    )*};
}
unsigned!(u8, u16, u32, u64, usize);

/// Only for values rounded to one decimal (distances): see [`Writer::f64_tenths`].
impl ToJson for f64 {
    fn write_json(&self, w: &mut Writer) {
        w.f64_tenths(*self);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, w: &mut Writer) {
        (**self).write_json(w);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, w: &mut Writer) {
        match self {
            Some(v) => v.write_json(w),
            None => w.null(),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, w: &mut Writer) {
        w.begin_array();
        for v in self {
            w.element();
            v.write_json(w);
        }
        w.end_array();
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, w: &mut Writer) {
        self.as_slice().write_json(w);
    }
}

/// (For the layout tests, which compare maps with serde_json's output.)
#[cfg(test)]
impl<V: ToJson> ToJson for std::collections::BTreeMap<String, V> {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        for (k, v) in self {
            w.field(k, v);
        }
        w.end_object();
    }
}

impl ToJson for crate::result::Params {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        for (k, v) in self.iter() {
            w.field(k, &v);
        }
        w.end_object();
    }
}

/// `YYYY-MM-DD`, as its `Display`.
impl ToJson for Date {
    fn write_json(&self, w: &mut Writer) {
        // Years are 1..=9999 (`Date::new` and `Date::from_days` keep them there).
        w.out.push('"');
        w.digits(u64::from(self.year().unsigned_abs()), 4);
        w.out.push('-');
        w.digits(u64::from(self.month()), 2);
        w.out.push('-');
        w.digits(u64::from(self.day()), 2);
        w.out.push('"');
    }
}

/// ISO 8601 `P4Y`, `P18M`... as its `Display`: whole years, then months.
impl ToJson for Months {
    fn write_json(&self, w: &mut Writer) {
        let (y, m) = (self.0 / 12, self.0 % 12);
        w.out.push_str("\"P");
        if y > 0 {
            w.u64(u64::from(y));
            w.out.push('Y');
        }
        if m > 0 || y == 0 {
            w.u64(u64::from(m));
            w.out.push('M');
        }
        w.out.push('"');
    }
}

// ------------------------------------------------------------------ vocabulary

macro_rules! vocab {
    ($($t:ty),* $(,)?) => {$(
        impl ToJson for $t {
            fn write_json(&self, w: &mut Writer) {
                w.str(self.id());
            }
        }
    )*};
}
vocab!(
    Sector, Qualification, Level, RouteKind, Mode, Eligibility, Subject, Dutch, Role, PaboTest, EarnWish,
    EmploymentType, IntakeStatus, SourceStatus, Effect, CostBasis, TestType, Lang,
);

// ------------------------------------------------------------------ structs

/// Writes a struct as an object with its fields in the given order. The destructuring
/// names every field, so a field added to the struct without being listed here fails
/// to compile.
macro_rules! object {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl ToJson for $t {
            fn write_json(&self, w: &mut Writer) {
                let $t { $($f),* } = self;
                w.begin_object();
                $(w.field(stringify!($f), $f);)*
                w.end_object();
            }
        }
    };
}

/// `params` is left out when empty.
impl ToJson for Text {
    fn write_json(&self, w: &mut Writer) {
        let Text { id, params, text } = self;
        w.begin_object();
        w.field("id", id);
        if !params.is_empty() {
            w.field("params", params);
        }
        w.field("text", text);
        w.end_object();
    }
}

object!(MatchResult { catalog, catalog_version, today, lang, routes, pathways, what_if, counts, notices });
object!(Counts { eligible, conditional, ineligible });
object!(RouteResult {
    rank,
    offering,
    name,
    kind,
    institution,
    place,
    mode,
    qualification,
    sectors,
    subject,
    eligibility,
    score,
    factors,
    blockers,
    conditions,
    satisfied,
    next_intake,
    distance_km,
    cost_eur_per_year,
    cost_basis,
    paid_while_learning,
    duration,
    weekly_hours,
    url,
});
object!(Factor { factor, points, max, reason });
object!(Finding { rule, message, action, sources, status, valid_from, valid_until });
object!(SourceRef { id, url });
object!(IntakeTiming { start_date, application_deadline, apply_by, lead_time_days, status, expected_qualification });
object!(Pathway { rank, offering, kind, eligibility, intake, vacancy, own_job, score, flags, timeline });
object!(VacancyMatch {
    id,
    title,
    employer,
    place,
    distance_km,
    job_start_date,
    valid_through,
    work_hours,
    employment_type,
    url,
    demo,
});
object!(TimelineEvent { date, event, text });
object!(WhatIf { offering, kind, from, to, changes });

object!(Problem { path, message });
object!(InputError { document, problems });

/// `catalog`, `profile` or `options`.
impl ToJson for Document {
    fn write_json(&self, w: &mut Writer) {
        w.str(self.id());
    }
}

/// The catalog's `meta` as an object.
impl ToJson for Meta {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        meta_fields(self, w);
        w.end_object();
    }
}

/// The members of `meta`, for an object that flattens them (the wasm `info()`).
pub fn meta_fields(meta: &Meta, w: &mut Writer) {
    let Meta { name, version, generated, attribution, region, notes } = meta;
    w.field("name", name);
    w.field("version", version);
    w.field("generated", generated);
    w.field("attribution", attribution);
    w.field("region", region);
    w.field("notes", notes);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn strings_are_escaped_as_serde_json_does() {
        let mut all_ascii = String::new();
        for b in 0u8..0x80 {
            all_ascii.push(b as char);
        }
        for s in [
            "",
            "plain",
            "quote \" and backslash \\ and slash /",
            "line\nfeed\ttab\rreturn\u{8}backspace\u{c}formfeed",
            "\u{0}\u{1}\u{1f}\u{7f}",
            "één café – “leraar” 🍎 \u{2028}\u{2029}",
            "\\\"\\",
            &all_ascii,
        ] {
            assert_eq!(to_json(s), serde_json::to_string(s).unwrap(), "{s:?}");
            assert_eq!(to_json_pretty(&s.to_string()), serde_json::to_string_pretty(s).unwrap());
        }
        assert_eq!(to_json("a\"b\\c\u{1}\n"), r#""a\"b\\c\u0001\n""#);
    }

    #[test]
    fn integers_and_booleans_match_serde_json() {
        for n in [0u64, 1, 9, 10, 99, 100, 12345, u32::MAX as u64, u64::MAX] {
            assert_eq!(to_json(&n), serde_json::to_string(&n).unwrap());
        }
        assert_eq!(to_json(&255u8), "255");
        assert_eq!(to_json(&true), "true");
        assert_eq!(to_json(&false), "false");
        assert_eq!(to_json(&None::<u32>), "null");
        assert_eq!(to_json(&Some(3u16)), "3");
    }

    #[test]
    fn distances_rounded_to_a_tenth_match_serde_json() {
        let mut values = vec![0.0, -0.0, 0.1, 0.5, 0.9, 1.0, 12.0, 12.3, 99.9, 100.0, 20_037.5, 1e13 + 0.1, -12.3, -0.1];
        // Every tenth up to 100 000 km, and tenths of irregular values (as round1 makes them).
        values.extend((0..1_000_000).map(|n| n as f64 / 10.0));
        let mut x = 0.123_456_789_f64;
        for _ in 0..100_000 {
            x = (x * 1.618_033_988_749 + 0.377) % 30_000.0;
            values.push((x * 10.0).round() / 10.0);
        }
        for k in 0..14 {
            let big = 10f64.powi(k);
            values.extend([big, big + 0.1, big - 0.1, ((big * 7.3) * 10.0).round() / 10.0]);
        }
        for v in values {
            assert_eq!(to_json(&v), serde_json::to_string(&v).unwrap(), "{v:?}");
        }
        assert_eq!(to_json(&f64::NAN), "null");
        assert_eq!(to_json(&f64::INFINITY), "null");
        assert_eq!(to_json(&f64::NEG_INFINITY), "null");
        assert_eq!(serde_json::to_string(&f64::NAN).unwrap(), "null");
    }

    #[test]
    fn pretty_and_compact_layout_match_serde_json() {
        let mut map = BTreeMap::new();
        assert_eq!(to_json(&map), "{}");
        assert_eq!(to_json_pretty(&map), "{}");
        map.insert("b".to_string(), vec![vec![1u32, 2], vec![], vec![3]]);
        map.insert("a".to_string(), vec![]);
        map.insert("k\"ey".to_string(), vec![vec![]]);
        assert_eq!(to_json(&map), serde_json::to_string(&map).unwrap());
        assert_eq!(to_json_pretty(&map), serde_json::to_string_pretty(&map).unwrap());
        let nested: Vec<BTreeMap<String, Option<String>>> = vec![
            BTreeMap::new(),
            [("x".to_string(), None), ("y".to_string(), Some("z".to_string()))].into_iter().collect(),
        ];
        assert_eq!(to_json(&nested), serde_json::to_string(&nested).unwrap());
        assert_eq!(to_json_pretty(&nested), serde_json::to_string_pretty(&nested).unwrap());
        let empty: Vec<u8> = vec![];
        assert_eq!(to_json_pretty(&empty), "[]");
        assert_eq!(to_json_pretty(&vec![1u8]), "[\n  1\n]");
    }

    #[test]
    fn dates_and_durations_as_their_display() {
        for s in ["0001-01-01", "2026-11-23", "2027-09-01", "9999-12-31"] {
            let d = Date::parse(s).unwrap();
            assert_eq!(to_json(&d), format!("\"{d}\""));
            assert_eq!(to_json(&d), format!("\"{s}\""));
        }
        for m in [0u16, 1, 6, 11, 12, 18, 24, 48, 49, 1200, u16::MAX] {
            assert_eq!(to_json(&Months(m)), format!("\"{}\"", Months(m)), "{m}");
        }
        assert_eq!(to_json(&Months(18)), "\"P1Y6M\"");
    }

    #[test]
    fn vocabulary_as_its_ids() {
        assert_eq!(to_json(&RouteKind::ALL.to_vec()), serde_json::to_string(&RouteKind::ALL.iter().map(|k| k.id()).collect::<Vec<_>>()).unwrap());
        assert_eq!(to_json(&Lang::En), "\"en\"");
        assert_eq!(to_json(&[Sector::Po, Sector::Mbo][..]), "[\"po\",\"mbo\"]");
    }

    #[test]
    fn text_leaves_out_empty_params() {
        let mut t = Text { id: "m".into(), params: Default::default(), text: "x".into() };
        assert_eq!(to_json(&t), r#"{"id":"m","text":"x"}"#);
        t.params = crate::result::Params::new([("days", "240".to_string())]);
        assert_eq!(to_json(&t), r#"{"id":"m","params":{"days":"240"},"text":"x"}"#);
        assert_eq!(
            to_json_pretty(&t),
            "{\n  \"id\": \"m\",\n  \"params\": {\n    \"days\": \"240\"\n  },\n  \"text\": \"x\"\n}"
        );
    }

    #[test]
    fn input_errors() {
        let e = InputError { document: Document::Profile, problems: vec![Problem::new("diplomas[0].level", "'x' is not \"valid\"")] };
        assert_eq!(
            to_json(&e),
            r#"{"document":"profile","problems":[{"path":"diplomas[0].level","message":"'x' is not \"valid\""}]}"#
        );
        assert_eq!(to_json(&Document::Options), "\"options\"");
        assert_eq!(to_json(&Vec::<Problem>::new()), "[]");
    }

    #[test]
    fn meta_with_and_without_region() {
        let mut meta = Meta {
            name: "Catalogus".into(),
            version: "2026.1".into(),
            generated: Date::parse("2026-01-15").unwrap(),
            attribution: vec!["DUO".into()],
            region: None,
            notes: vec![],
        };
        assert_eq!(
            to_json(&meta),
            r#"{"name":"Catalogus","version":"2026.1","generated":"2026-01-15","attribution":["DUO"],"region":null,"notes":[]}"#
        );
        meta.region = Some("AM01".into());
        assert!(to_json(&meta).contains(r#""region":"AM01","notes":[]}"#));
    }
}
