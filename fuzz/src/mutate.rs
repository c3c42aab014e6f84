//! Mutations: byte level (flips, inserts, deletes, splices between corpus files) and
//! JSON aware (a value replaced by one of another type or by one seen under the same
//! key, array elements duplicated or dropped, keys duplicated, edge numbers, long and
//! odd strings, edge dates, deep nesting).
//!
//! Everything is a pure function of the corpus and the [`Rng`]: the same seed gives
//! the same inputs.

use crate::rng::Rng;
use serde_json::{Map, Number, Value};
use std::collections::{HashMap, HashSet};

/// Inputs never grow beyond this many bytes.
pub const MAX_LEN: usize = 512 * 1024;

/// Strings never grow beyond this many bytes.
const MAX_STRING: usize = 128 * 1024;

/// A corpus file.
pub struct Seed {
    pub name: String,
    pub bytes: Vec<u8>,
    /// The file read as JSON, when it is JSON.
    pub json: Option<Value>,
}

impl Seed {
    pub fn new(name: String, bytes: Vec<u8>) -> Seed {
        let json = serde_json::from_slice(&bytes).ok();
        Seed { name, bytes, json }
    }
}

/// What the JSON mutations draw from: values seen under each member name (elements of
/// a list `k` under `k[]`), member names, strings, and the vocabulary's ids.
#[derive(Default)]
pub struct Dict {
    by_key: HashMap<String, Vec<Value>>,
    seen: HashSet<(String, String)>,
    keys: Vec<String>,
    strings: Vec<String>,
    seen_strings: HashSet<String>,
}

const MAX_VALUES_PER_KEY: usize = 256;
const MAX_VALUE_LEN: usize = 8192;
const MAX_STRINGS: usize = 8192;

impl Dict {
    /// Adds every member name, value and string of a document.
    pub fn add_doc(&mut self, v: &Value) {
        self.walk(v, "");
    }

    /// Adds plain strings (ids of the vocabulary).
    pub fn add_strings<'a>(&mut self, strings: impl IntoIterator<Item = &'a str>) {
        for s in strings {
            self.add_string(s);
        }
    }

    fn add_string(&mut self, s: &str) {
        if s.len() <= 200 && self.strings.len() < MAX_STRINGS && self.seen_strings.insert(s.to_string()) {
            self.strings.push(s.to_string());
        }
    }

    fn record(&mut self, key: &str, v: &Value) {
        let text = v.to_string();
        if text.len() > MAX_VALUE_LEN {
            return;
        }
        let values = self.by_key.entry(key.to_string()).or_default();
        if values.len() < MAX_VALUES_PER_KEY && self.seen.insert((key.to_string(), text)) {
            values.push(v.clone());
        }
    }

    fn walk(&mut self, v: &Value, key: &str) {
        match v {
            Value::String(s) => self.add_string(s),
            Value::Array(items) => {
                let k = format!("{key}[]");
                for x in items {
                    self.record(&k, x);
                    self.walk(x, &k);
                }
            }
            Value::Object(m) => {
                for (k, x) in m {
                    if !self.by_key.contains_key(k.as_str()) {
                        self.keys.push(k.clone());
                    }
                    self.record(k, x);
                    self.walk(x, k);
                }
            }
            _ => {}
        }
    }
}

/// A target's seeds and the dictionary its mutations draw from.
pub struct Corpus {
    seeds: Vec<Seed>,
    dict: Dict,
    /// Indices of the small seeds.
    small: Vec<usize>,
}

impl Corpus {
    pub fn new(seeds: Vec<Seed>, dict: Dict) -> Corpus {
        let small = (0..seeds.len()).filter(|&i| seeds[i].bytes.len() <= 4096).collect();
        Corpus { seeds, dict, small }
    }
}

/// How a target mixes its mutations.
#[derive(Clone, Copy)]
pub struct Mix {
    /// Percent of inputs made by JSON-aware mutations (the rest: byte level).
    pub json_percent: u64,
    /// Percent of inputs that are fresh random JSON (before the rest is split).
    pub random_percent: u64,
    /// Percent of inputs mutated from a small seed (at most 4 KB), when there is one.
    pub small_percent: u64,
}

impl Corpus {
    /// One mutated input.
    pub fn generate(&self, rng: &mut Rng, mix: Mix) -> Vec<u8> {
        if self.seeds.is_empty() || rng.chance(mix.random_percent, 100) {
            let v = random_value(rng, &self.dict, 4);
            return serialize(rng, &v);
        }
        let seed = if !self.small.is_empty() && rng.chance(mix.small_percent, 100) {
            &self.seeds[*rng.pick(&self.small)]
        } else {
            rng.pick(&self.seeds)
        };
        let mut out = match &seed.json {
            Some(doc) if rng.chance(mix.json_percent, 100) => {
                let mut doc = doc.clone();
                for _ in 0..rng.small(6) {
                    let grew = self.mutate_json(rng, &mut doc);
                    // Mutations compound (a copied subtree copied again): stop at the size limit.
                    if grew && approx_size(&doc) > MAX_LEN {
                        break;
                    }
                }
                let mut out = serialize(rng, &doc);
                if rng.chance(1, 10) {
                    self.mutate_bytes(rng, &mut out);
                }
                out
            }
            _ => {
                let mut out = seed.bytes.clone();
                for _ in 0..rng.small(16) {
                    self.mutate_bytes(rng, &mut out);
                }
                out
            }
        };
        out.truncate(MAX_LEN);
        out
    }

    /// One JSON-aware mutation somewhere in `doc`; true if it may have made it much larger.
    fn mutate_json(&self, rng: &mut Rng, doc: &mut Value) -> bool {
        let n = count(doc);
        let op = rng.below(16);
        match op {
            // Copy a subtree of the same document over another (duplicate ids, odd references).
            0 => {
                let copy = nth(doc, rng.below(n)).0.clone();
                *nth(doc, rng.below(n)).0 = copy;
            }
            // Splice in a subtree of another corpus file.
            1 => {
                let other = rng.pick(&self.seeds);
                if let Some(o) = &other.json {
                    let copy = nth_ref(o, rng.below(count(o))).clone();
                    *nth(doc, rng.below(n)).0 = copy;
                }
            }
            // Deep nesting around a value.
            2 => {
                let (v, _) = nth(doc, rng.below(n));
                let depth = *rng.pick(&[2, 8, 32, 64, 100, 126, 127, 128, 129, 200, 1000]);
                let as_object = rng.chance(1, 2);
                let mut x = v.take();
                for _ in 0..depth {
                    x = if as_object {
                        let mut m = Map::new();
                        m.insert("a".into(), x);
                        Value::Object(m)
                    } else {
                        Value::Array(vec![x])
                    };
                }
                *v = x;
            }
            // Another type altogether.
            3 | 4 => {
                let (v, _) = nth(doc, rng.below(n));
                let mut x = random_value(rng, &self.dict, 2);
                for _ in 0..4 {
                    if std::mem::discriminant(&x) != std::mem::discriminant(v) {
                        break;
                    }
                    x = random_value(rng, &self.dict, 2);
                }
                *v = x;
            }
            // A value seen under the same member name (often valid, goes deep).
            5..=9 => {
                let (v, key) = nth(doc, rng.below(n));
                if let Some(values) = self.dict.by_key.get(&key).filter(|vs| !vs.is_empty()) {
                    *v = rng.pick(values).clone();
                } else {
                    self.tweak(rng, v, &key);
                }
            }
            // A tweak that fits the value's type.
            _ => {
                let (v, key) = nth(doc, rng.below(n));
                self.tweak(rng, v, &key);
            }
        }
        // Random values and dictionary values are small; copies, nesting and tweaks may not be.
        !(3..=9).contains(&op)
    }

    /// Changes a value in a way that fits its type.
    fn tweak(&self, rng: &mut Rng, v: &mut Value, key: &str) {
        match v {
            Value::Null => *v = random_value(rng, &self.dict, 1),
            Value::Bool(b) => *b = !*b,
            Value::Number(x) => *v = edge_number(rng, x),
            Value::String(s) => *s = edge_string(rng, &self.dict, s),
            Value::Array(items) => {
                let len = items.len();
                match rng.below(8) {
                    // Duplicate an element (duplicate ids).
                    0 | 1 if len > 0 => {
                        let i = rng.below(len);
                        let x = items[i].clone();
                        items.insert(rng.below(len + 1), x);
                    }
                    2 if len > 0 => {
                        items.remove(rng.below(len));
                    }
                    3 => items.clear(),
                    // Many copies of one element.
                    4 if len > 0 => {
                        let x = items[rng.below(len)].clone();
                        let copies = (*rng.pick(&[10, 100, 1000, 5000])).min(MAX_LEN / approx_size(&x).max(1));
                        items.extend(std::iter::repeat_n(x, copies));
                    }
                    5 if len > 1 => {
                        let (i, j) = (rng.below(len), rng.below(len));
                        items.swap(i, j);
                    }
                    // An element seen in a list of the same name elsewhere.
                    _ => {
                        let pick = self.dict.by_key.get(&format!("{key}[]")).filter(|vs| !vs.is_empty());
                        let x = match pick {
                            Some(values) => rng.pick(values).clone(),
                            None => random_value(rng, &self.dict, 2),
                        };
                        items.insert(rng.below(len + 1), x);
                    }
                }
            }
            Value::Object(m) => {
                let keys: Vec<String> = m.keys().cloned().collect();
                match rng.below(6) {
                    0 if !keys.is_empty() => {
                        m.remove(rng.pick(&keys));
                    }
                    // The same key twice (see `serialize`).
                    1 if !keys.is_empty() => {
                        let k = rng.pick(&keys).clone();
                        let x = match self.dict.by_key.get(&k).filter(|vs| !vs.is_empty()) {
                            Some(values) => rng.pick(values).clone(),
                            None => random_value(rng, &self.dict, 1),
                        };
                        m.insert(format!("{DUP}{k}"), x);
                    }
                    // An unknown or odd key.
                    2 => {
                        let k = edge_string(rng, &self.dict, "");
                        m.insert(k, random_value(rng, &self.dict, 1));
                    }
                    3 => m.clear(),
                    // A known member name with a value seen under it.
                    _ if !self.dict.keys.is_empty() => {
                        let k = rng.pick(&self.dict.keys).clone();
                        let x = match self.dict.by_key.get(&k).filter(|vs| !vs.is_empty()) {
                            Some(values) => rng.pick(values).clone(),
                            None => random_value(rng, &self.dict, 1),
                        };
                        m.insert(k, x);
                    }
                    _ => {}
                }
            }
        }
    }

    /// One byte-level mutation.
    fn mutate_bytes(&self, rng: &mut Rng, b: &mut Vec<u8>) {
        let len = b.len();
        match rng.below(12) {
            0 if len > 0 => {
                let i = rng.below(len);
                b[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                b[i] = *rng.pick(INTERESTING_BYTES);
            }
            2 => {
                let i = rng.below(len + 1);
                let x = (rng.next_u64() & 0xff) as u8;
                b.insert(i, x);
            }
            3 if len > 0 => {
                let i = rng.below(len);
                let n = rng.small(len - i);
                b.drain(i..i + n);
            }
            4 if len > 0 => {
                // Duplicate a range.
                let i = rng.below(len);
                let n = rng.small((len - i).min(4096));
                let chunk = b[i..i + n].to_vec();
                let at = rng.below(b.len() + 1);
                b.splice(at..at, chunk);
            }
            5 | 6 => {
                let i = rng.below(len + 1);
                let token = rng.pick(TOKENS).as_bytes();
                b.splice(i..i, token.iter().copied());
            }
            7 => {
                // Replace a run of digits by an edge number.
                if let Some((s, e)) = digit_run(b, rng.below(len + 1)) {
                    let token = rng.pick(NUMBER_TOKENS).as_bytes();
                    b.splice(s..e, token.iter().copied());
                }
            }
            8 => {
                // Splice: a prefix of this input, the suffix of another corpus file.
                let other = &rng.pick(&self.seeds).bytes;
                let cut = rng.below(len + 1);
                let from = rng.below(other.len() + 1);
                b.truncate(cut);
                b.extend_from_slice(&other[from..]);
            }
            9 if len > 0 => {
                b.truncate(rng.below(len));
            }
            10 if !self.dict.strings.is_empty() => {
                // A dictionary string, quoted, somewhere.
                let i = rng.below(len + 1);
                let s = serde_json::to_string(rng.pick(&self.dict.strings)).unwrap_or_default();
                b.splice(i..i, s.bytes());
            }
            _ => {
                // Swap two bytes.
                if len > 1 {
                    let (i, j) = (rng.below(len), rng.below(len));
                    b.swap(i, j);
                }
            }
        }
        b.truncate(MAX_LEN);
    }
}

/// Marks a member name that `serialize` writes as a duplicate of the name after it.
const DUP: &str = "\u{1}DUP\u{1}";

/// Compact or pretty JSON; `DUP`-marked names become a second copy of a key. Only
/// shallow documents are pretty-printed (indentation grows with depth).
fn serialize(rng: &mut Rng, v: &Value) -> Vec<u8> {
    let pretty = rng.chance(1, 4) && depth(v) <= 16;
    let out = if pretty { serde_json::to_vec_pretty(v) } else { serde_json::to_vec(v) };
    let out = out.unwrap_or_default();
    const MARK: &[u8] = b"\\u0001DUP\\u0001";
    if !out.windows(MARK.len()).any(|w| w == MARK) {
        return out;
    }
    let mut clean = Vec::with_capacity(out.len());
    let mut i = 0;
    while i < out.len() {
        if out[i..].starts_with(MARK) {
            i += MARK.len();
        } else {
            clean.push(out[i]);
            i += 1;
        }
    }
    clean
}

/// How deep values nest (a scalar: 0).
fn depth(v: &Value) -> usize {
    match v {
        Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        Value::Object(m) => 1 + m.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// About the length of a value written as JSON (without escapes), cheaply.
fn approx_size(v: &Value) -> usize {
    match v {
        Value::String(s) => s.len() + 3,
        Value::Array(a) => 2 + a.iter().map(approx_size).sum::<usize>(),
        Value::Object(m) => 2 + m.iter().map(|(k, x)| k.len() + 4 + approx_size(x)).sum::<usize>(),
        _ => 6,
    }
}

/// The number of values in a document (every node, the root included).
fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count).sum(),
        Value::Object(m) => m.values().map(count).sum(),
        _ => 0,
    }
}

/// The `n`th value in document order (0 is the root), with the member name it sits
/// under (`k[]` for an element of list `k`).
fn nth(doc: &mut Value, n: usize) -> (&mut Value, String) {
    /// `key` is the member name above, `lists` how many lists lie between it and `v`.
    fn go<'a>(v: &'a mut Value, n: &mut usize, key: &str, lists: usize) -> Option<(&'a mut Value, String)> {
        if *n == 0 {
            return Some((v, format!("{key}{}", "[]".repeat(lists))));
        }
        *n -= 1;
        match v {
            Value::Array(items) => {
                for x in items.iter_mut() {
                    if let Some(found) = go(x, n, key, lists + 1) {
                        return Some(found);
                    }
                }
            }
            Value::Object(m) => {
                for (k, x) in m.iter_mut() {
                    if let Some(found) = go(x, n, k, 0) {
                        return Some(found);
                    }
                }
            }
            _ => {}
        }
        None
    }
    let mut left = n;
    go(doc, &mut left, "", 0).expect("n is below count(doc)")
}

/// The `n`th value in document order, read only.
fn nth_ref(doc: &Value, n: usize) -> &Value {
    fn go<'a>(v: &'a Value, n: &mut usize) -> Option<&'a Value> {
        if *n == 0 {
            return Some(v);
        }
        *n -= 1;
        match v {
            Value::Array(items) => items.iter().find_map(|x| go(x, n)),
            Value::Object(m) => m.values().find_map(|x| go(x, n)),
            _ => None,
        }
    }
    let mut left = n;
    go(doc, &mut left).expect("n is below count(doc)")
}

/// A random JSON value, at most `depth` levels deep.
fn random_value(rng: &mut Rng, dict: &Dict, depth: u32) -> Value {
    match rng.below(if depth == 0 { 5 } else { 8 }) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(1, 2)),
        2 => edge_number(rng, &Number::from(0)),
        3 | 4 => Value::String(edge_string(rng, dict, "")),
        5 => Value::Array((0..rng.below(4)).map(|_| random_value(rng, dict, depth - 1)).collect()),
        _ => {
            let mut m = Map::new();
            for _ in 0..rng.below(4) {
                let k = if dict.keys.is_empty() || rng.chance(1, 4) {
                    edge_string(rng, dict, "")
                } else {
                    rng.pick(&dict.keys).clone()
                };
                let x = match dict.by_key.get(&k).filter(|vs| !vs.is_empty() && rng.chance(1, 2)) {
                    Some(values) => rng.pick(values).clone(),
                    None => random_value(rng, dict, depth - 1),
                };
                m.insert(k, x);
            }
            Value::Object(m)
        }
    }
}

/// An edge number, or a neighbour of `x`.
fn edge_number(rng: &mut Rng, x: &Number) -> Value {
    const INTS: &[i64] = &[
        0,
        1,
        -1,
        2,
        7,
        11,
        12,
        13,
        17,
        18,
        21,
        24,
        40,
        59,
        60,
        61,
        79,
        80,
        81,
        99,
        100,
        101,
        127,
        128,
        -128,
        255,
        256,
        1000,
        9999,
        10000,
        32767,
        32768,
        65535,
        65536,
        i32::MAX as i64,
        i32::MAX as i64 + 1,
        i32::MIN as i64,
        u32::MAX as i64,
        u32::MAX as i64 + 1,
        (1 << 53) + 1,
        i64::MAX,
        i64::MIN,
    ];
    const FLOATS: &[f64] = &[
        0.5,
        -0.5,
        -0.0,
        1e-300,
        5e-324,
        1e300,
        -1e300,
        f64::MAX,
        f64::MIN,
        f64::EPSILON,
        49.999_999,
        50.0,
        54.0,
        54.000_001,
        3.0,
        7.5,
        7.500_001,
        52.0918,
        5.1175,
        99.999,
        100.000_001,
        0.1,
        2.5,
    ];
    let v = match rng.below(6) {
        0 | 1 => Number::from(*rng.pick(INTS)),
        2 => Number::from(u64::MAX - rng.below(2) as u64),
        3 => Number::from_f64(*rng.pick(FLOATS)).unwrap_or_else(|| Number::from(0)),
        4 => {
            let base = x.as_f64().unwrap_or(0.0);
            let f = match rng.below(5) {
                0 => base + 1.0,
                1 => base - 1.0,
                2 => -base,
                3 => base * 1e6,
                _ => base + 0.5,
            };
            if f.fract() == 0.0 && f.abs() < 9e15 {
                Number::from(f as i64)
            } else {
                Number::from_f64(f).unwrap_or_else(|| Number::from(0))
            }
        }
        _ => Number::from(rng.next_u64() as i64 >> rng.below(64)),
    };
    Value::Number(v)
}

/// An edge string: dates, unicode oddities, long strings, dictionary strings, or `s` changed.
fn edge_string(rng: &mut Rng, dict: &Dict, s: &str) -> String {
    match rng.below(16) {
        0..=3 => rng.pick(DATES).to_string(),
        4..=6 => rng.pick(ODD_STRINGS).to_string(),
        7 => {
            let unit = rng.pick(&["a", "é", "🧑‍🏫", "\u{0}", "\\", "\"", "9", " ", "ß", "İ"]);
            unit.repeat((*rng.pick(&[100, 1000, 10_000, 100_000])).min(MAX_STRING / unit.len()))
        }
        8..=11 if !dict.strings.is_empty() => rng.pick(&dict.strings).clone(),
        _ => {
            let mut t = s.to_string();
            match rng.below(7) {
                0 => {
                    let odd: &&str = rng.pick(ODD_STRINGS);
                    t.push_str(odd)
                }
                1 => t = t.to_uppercase(),
                2 => {
                    t.pop();
                }
                3 => t.insert(0, ' '),
                4 => t = t.repeat((1 + rng.below(50)).min(MAX_STRING / t.len().max(1)).max(1)),
                5 => {
                    let boundaries: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
                    let at = *rng.pick(&boundaries);
                    let odd: &&str = rng.pick(ODD_STRINGS);
                    t.insert_str(at, odd);
                }
                _ => t.push(char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{FFFD}')),
            }
            t
        }
    }
}

const DATES: &[&str] = &[
    "9999-12-31",
    "0000-01-01",
    "0001-01-01",
    "1900-01-01",
    "1899-12-31",
    "1970-01-01",
    "2000-02-29",
    "1900-02-29",
    "2024-02-29",
    "2027-02-29",
    "2028-02-29",
    "2026-11-23",
    "2026-11-24",
    "2027-01-01",
    "2027-09-01",
    "2027-12-31",
    "2020-12-31",
    "2021-01-01",
    "2100-01-01",
    "2027-13-01",
    "2027-00-10",
    "2027-01-32",
    "2027-1-1",
    "+2027-01-01",
    "-001-01-01",
    "20270101",
    "2027-01-01T00:00:00Z",
    "2027-01-01 ",
    "２０２７-０１-０１",
];

const ODD_STRINGS: &[&str] = &[
    "",
    " ",
    "\u{0}",
    "\u{FEFF}",
    "e\u{301}",
    "\u{202E}",
    "\u{200B}",
    "\u{FFFF}",
    "\u{10FFFF}",
    "\u{1F9D1}\u{200D}\u{1F3EB}",
    "ǅ",
    "ß",
    "İ",
    "ﬃ",
    "\r\n",
    "\t",
    "'",
    "\"",
    "\\",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "https://",
    "http://x",
    "3511",
    "3511 AB",
    "0000",
    "9999",
    "٣٥١١",
    "３５１１",
    "GM0344",
    "GM9999",
    "GM",
    "AM13",
    "AM99",
    "P4Y",
    "P0Y",
    "P99999Y",
    "P1M",
    "PT1H",
    "P",
    "-P1Y",
    "P1Y6M",
    "%s%n",
    "{}",
    "null",
];

const INTERESTING_BYTES: &[u8] = &[
    0, 0x7f, 0x80, 0xff, 0xc3, 0xe2, 0xf0, b'"', b'\\', b'{', b'}', b'[', b']', b',', b':', b'0', b'9', b'-', b'+',
    b'e', b'.', b' ', b'\n', b'n', b't', b'f',
];

const TOKENS: &[&str] = &[
    "null",
    "true",
    "false",
    "{}",
    "[]",
    "\"\":",
    "\"\"",
    ",",
    ":",
    "[",
    "{",
    "]",
    "}",
    "\\ud800",
    "\\udfff",
    "\\ud83e\\uddd1",
    "\\u0000",
    "\\u",
    "\u{FEFF}",
    "\u{0}",
    "\"9999-12-31\"",
    "\"0000-01-01\"",
    "1e400",
    "-0",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":",
    "/*",
    "\u{FFFD}",
];

const NUMBER_TOKENS: &[&str] = &[
    "0",
    "-0",
    "-1",
    "0.5",
    "1e400",
    "-1e400",
    "1e-400",
    "18446744073709551615",
    "18446744073709551616",
    "9223372036854775808",
    "-9223372036854775809",
    "4294967296",
    "65536",
    "256",
    "1E2",
    "1.0",
    "00",
    "01",
    "1.",
    ".5",
    "+1",
    "NaN",
    "Infinity",
    "123456789012345678901234567890",
];

/// The run of ASCII digits at or after `from`.
fn digit_run(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let s = (from..b.len()).find(|&i| b[i].is_ascii_digit())?;
    let e = (s..b.len()).find(|&i| !b[i].is_ascii_digit()).unwrap_or(b.len());
    Some((s, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_written() {
        let mut m = Map::new();
        m.insert("age".into(), Value::from(30));
        m.insert(format!("{DUP}age"), Value::from(40));
        let out = serialize(&mut Rng::new(1), &Value::Object(m));
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.matches("\"age\"").count(), 2, "{text}");
    }

    #[test]
    fn nth_visits_every_value() {
        let mut v: Value = serde_json::from_str(r#"{"a":[1,{"b":2}],"c":"x"}"#).unwrap();
        let n = count(&v);
        assert_eq!(n, 6);
        let keys: Vec<String> = (0..n).map(|i| nth(&mut v, i).1).collect();
        assert_eq!(keys, ["", "a", "a[]", "a[]", "b", "c"]);
        assert_eq!(*nth(&mut v, 4).0, Value::from(2));
    }

    #[test]
    fn generation_is_reproducible() {
        let corpus =
            Corpus::new(vec![Seed::new("a".into(), br#"{"age":30,"sectors":["po"]}"#.to_vec())], Dict::default());
        let mix = Mix { json_percent: 60, random_percent: 5, small_percent: 50 };
        let a: Vec<Vec<u8>> = (0..200).map(|i| corpus.generate(&mut Rng::new(i), mix)).collect();
        let b: Vec<Vec<u8>> = (0..200).map(|i| corpus.generate(&mut Rng::new(i), mix)).collect();
        assert_eq!(a, b);
    }
}
