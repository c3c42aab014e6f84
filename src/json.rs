//! A small JSON reader: text to a [`Value`] tree.
//!
//! The core reads catalogs and profiles through this reader and [`crate::decode`]
//! instead of serde: serde's derived decoders, monomorphised for every model type, were
//! most of the WebAssembly module's size. Errors say what is wrong and where
//! (`... at line L column C`). Nesting deeper than [`MAX_DEPTH`] is refused, so a
//! hostile document cannot exhaust the stack.
//!
//! Numbers are read exactly (as Rust's `str::parse::<f64>` would) when they have at most
//! 15 significant digits and a power of ten within ±22: every amount, count and
//! coordinate a catalog holds. Longer ones can differ from the nearest double by a unit
//! in the last place; the standard parser that would avoid that adds about 15 KB gzip to
//! the wasm (measured).

/// A JSON value. Strings (and member names) borrow from the text unless they contain
/// escapes, so reading a large catalog allocates little. Objects keep their members in
/// document order.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Num(f64),
    Str(Cow<'a, str>),
    Arr(Vec<Value<'a>>),
    Obj(Vec<(Cow<'a, str>, Value<'a>)>),
}

use std::borrow::Cow;

/// How deeply arrays and objects may nest.
pub const MAX_DEPTH: usize = 128;

impl<'a> Value<'a> {
    /// What a value is, in an error message: `string "x"`, `integer `3``, `a map`...
    pub fn describe(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(b) => format!("boolean `{b}`"),
            Value::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
                format!("integer `{}`", *n as i64)
            }
            Value::Num(_) => "floating point number".into(),
            Value::Str(s) => {
                // Clipped, and not through `{:?}`: its escaping pulls Unicode tables into the wasm.
                let clipped: String = s.chars().take(60).collect();
                format!(
                    "string \"{clipped}{}\"",
                    if clipped.len() < s.len() { "…" } else { "" }
                )
            }
            Value::Arr(_) => "sequence".into(),
            Value::Obj(_) => "map".into(),
        }
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match self {
            Value::Obj(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// Reads one JSON document (surrounding whitespace allowed).
pub fn parse(text: &str) -> Result<Value<'_>, String> {
    let mut p = Parser {
        text,
        b: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    let v = p.value().map_err(|m| p.at(m))?;
    p.ws();
    if p.i < p.b.len() {
        return Err(p.at("trailing characters"));
    }
    Ok(v)
}

struct Parser<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
    depth: usize,
}

type R<T> = Result<T, &'static str>;

impl<'a> Parser<'a> {
    /// `message at line L column C` for the current position.
    fn at(&self, message: &str) -> String {
        let upto = &self.b[..self.i.min(self.b.len())];
        let line = upto.iter().filter(|&&c| c == b'\n').count() + 1;
        let col = upto.len() - upto.iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1);
        format!("{message} at line {line} column {}", col + 1)
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, lit: &[u8]) -> R<()> {
        if self.b[self.i..].starts_with(lit) {
            self.i += lit.len();
            Ok(())
        } else {
            Err("expected a value")
        }
    }

    fn value(&mut self) -> R<Value<'a>> {
        match self.peek() {
            None => Err("unexpected end of input"),
            Some(b'n') => self.eat(b"null").map(|_| Value::Null),
            Some(b't') => self.eat(b"true").map(|_| Value::Bool(true)),
            Some(b'f') => self.eat(b"false").map(|_| Value::Bool(false)),
            Some(b'"') => self.string().map(Value::Str),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Num),
            Some(open @ (b'[' | b'{')) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err("nested too deeply");
                }
                self.i += 1;
                let v = if open == b'[' {
                    self.array()
                } else {
                    self.object()
                }?;
                self.depth -= 1;
                Ok(v)
            }
            Some(_) => Err("expected a value"),
        }
    }

    fn array(&mut self) -> R<Value<'a>> {
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Value::Arr(items));
        }
        loop {
            items.push(self.value()?);
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Arr(items));
                }
                None => return Err("unexpected end of input in a list"),
                Some(_) => return Err("expected `,` or `]`"),
            }
        }
    }

    fn object(&mut self) -> R<Value<'a>> {
        let mut members = Vec::new();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Value::Obj(members));
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err("expected a member name in double quotes");
            }
            let key = self.string()?;
            if self.peek() != Some(b':') {
                return Err("expected `:`");
            }
            self.i += 1;
            members.push((key, self.value()?));
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Obj(members));
                }
                None => return Err("unexpected end of input in an object"),
                Some(_) => return Err("expected `,` or `}`"),
            }
        }
    }

    fn hex4(&mut self) -> R<u32> {
        let h = self
            .b
            .get(self.i..self.i + 4)
            .ok_or("unexpected end of input in an escape")?;
        let mut v = 0;
        for &c in h {
            v = v * 16 + (c as char).to_digit(16).ok_or("invalid \\u escape")?;
        }
        self.i += 4;
        Ok(v)
    }

    fn string(&mut self) -> R<Cow<'a, str>> {
        self.i += 1; // the opening quote
        let start = self.i;
        // The common case: no escapes, so the string is a slice of the text. Quotes and
        // backslashes are ASCII, so the ends are character boundaries (`get` rather than
        // indexing keeps slicing panics, and their Unicode tables, out of the wasm).
        while let Some(&c) = self.b.get(self.i) {
            match c {
                b'"' => {
                    self.i += 1;
                    return self.text.get(start..self.i - 1).map(Cow::Borrowed).ok_or("invalid UTF-8 in a string");
                }
                b'\\' => break,
                0..=0x1F => return Err("control character in a string"),
                _ => self.i += 1,
            }
        }
        let mut out: Vec<u8> = self.b.get(start..self.i).unwrap_or_default().to_vec();
        loop {
            let c = *self
                .b
                .get(self.i)
                .ok_or("unexpected end of input in a string")?;
            self.i += 1;
            match c {
                b'"' => break,
                b'\\' => {
                    let e = *self
                        .b
                        .get(self.i)
                        .ok_or("unexpected end of input in a string")?;
                    self.i += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi)
                                && self.b[self.i..].starts_with(b"\\u")
                            {
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err("invalid surrogate pair in a \\u escape");
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code).ok_or("invalid \\u escape (lone surrogate)")?
                        }
                        _ => return Err("invalid escape"),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1F => return Err("control character in a string"),
                _ => out.push(c),
            }
        }
        // The input is a &str and escapes are written as UTF-8, so this cannot fail.
        String::from_utf8(out).map(Cow::Owned).map_err(|_| "invalid UTF-8 in a string")
    }

    fn number(&mut self) -> R<f64> {
        let start = self.i;
        let neg = self.b[self.i] == b'-';
        if neg {
            self.i += 1;
        }
        // Digits as an integer mantissa and a power of ten; exact for the short decimal
        // numbers catalogs hold (coordinates, amounts), close for anything longer.
        let (mut mant, mut exp, mut digits) = (0u64, 0i32, 0u32);
        let mut int_digits = 0;
        while let Some(c @ b'0'..=b'9') = self.b.get(self.i).copied() {
            if int_digits == 1 && self.b[start + usize::from(neg)] == b'0' {
                return Err("invalid number (leading zero)");
            }
            push_digit(&mut mant, &mut exp, &mut digits, c, false);
            int_digits += 1;
            self.i += 1;
        }
        if int_digits == 0 {
            return Err("invalid number");
        }
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            let mut frac = 0;
            while let Some(c @ b'0'..=b'9') = self.b.get(self.i).copied() {
                push_digit(&mut mant, &mut exp, &mut digits, c, true);
                frac += 1;
                self.i += 1;
            }
            if frac == 0 {
                return Err("invalid number (no digits after `.`)");
            }
        }
        if let Some(b'e' | b'E') = self.b.get(self.i) {
            self.i += 1;
            let eneg = match self.b.get(self.i) {
                Some(b'-') => {
                    self.i += 1;
                    true
                }
                Some(b'+') => {
                    self.i += 1;
                    false
                }
                _ => false,
            };
            let (mut e, mut n) = (0i32, 0);
            while let Some(c @ b'0'..=b'9') = self.b.get(self.i).copied() {
                e = e.saturating_mul(10).saturating_add(i32::from(c - b'0'));
                n += 1;
                self.i += 1;
            }
            if n == 0 {
                return Err("invalid number (no digits in the exponent)");
            }
            exp = exp.saturating_add(if eneg { -e } else { e });
        }
        let v = scale(mant as f64, exp);
        if !v.is_finite() {
            return Err("number out of range");
        }
        Ok(if neg { -v } else { v })
    }
}

/// Adds a digit to the mantissa; beyond 19 significant digits the rest only shifts the
/// exponent (integer part) or is dropped (fraction).
fn push_digit(mant: &mut u64, exp: &mut i32, digits: &mut u32, c: u8, fraction: bool) {
    if *digits < 19 {
        *mant = *mant * 10 + u64::from(c - b'0');
        if *mant > 0 {
            *digits += 1;
        }
        if fraction {
            *exp -= 1;
        }
    } else if !fraction {
        *exp += 1;
    }
}

/// `m * 10^exp`. Dividing or multiplying by an exact power of ten (up to 10^22) is one
/// correctly rounded operation, so numbers with up to 15 significant digits come out
/// exactly as written.
fn scale(m: f64, exp: i32) -> f64 {
    const P: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    // The mantissa has at most 19 digits: beyond these exponents the result is decided
    // (and a hostile `1e-99999999` must not cost a loop per power of 10^22).
    if m == 0.0 || exp < -400 {
        return 0.0;
    }
    if exp > 400 {
        return f64::INFINITY;
    }
    let (mut v, mut e) = (m, exp);
    while e > 22 {
        v *= 1e22;
        e -= 22;
    }
    while e < -22 {
        v /= 1e22;
        e += 22;
    }
    if e >= 0 {
        v * P[e as usize]
    } else {
        v / P[(-e) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let v = parse(r#" {"a": [1, -2.5, 3e2, 0.125E-1, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00", "c": {}} "#).unwrap();
        assert_eq!(
            v.get("a"),
            Some(&Value::Arr(vec![
                Value::Num(1.0),
                Value::Num(-2.5),
                Value::Num(300.0),
                Value::Num(0.0125),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null
            ]))
        );
        assert_eq!(v.get("b").and_then(Value::as_str), Some("x\"\\/\né😀"));
        assert_eq!(v.get("c"), Some(&Value::Obj(vec![])));
    }

    #[test]
    fn numbers_come_out_as_rust_reads_them() {
        for s in [
            "52.0918",
            "5.1175",
            "-0.5",
            "6650",
            "1234567.891",
            "0.1",
            "4.2e-7",
            "123456789012345",
        ] {
            assert_eq!(parse(s).unwrap(), Value::Num(s.parse().unwrap()), "{s}");
        }
        // Beyond 10^22 (and beyond 19 digits) the result is close, not exact.
        for s in ["1e300", "-2.5e-300", "12345678901234567890123", "1.5e308", "9.999999999999999"] {
            let (Value::Num(got), want) = (parse(s).unwrap(), s.parse::<f64>().unwrap()) else { panic!("{s}") };
            assert!(((got - want) / want).abs() < 1e-14, "{s}: {got}");
        }
    }

    #[test]
    fn errors_say_where() {
        for (text, needle) in [
            ("", "unexpected end of input at line 1 column 1"),
            (
                "{\"a\":1,}",
                "expected a member name in double quotes at line 1 column 8",
            ),
            ("[1 2]", "expected `,` or `]` at line 1 column 4"),
            ("{\n\"a\": tru}", "expected a value at line 2 column 6"),
            ("\"abc", "unexpected end of input in a string"),
            ("01", "leading zero"),
            ("1.", "no digits after"),
            ("{} x", "trailing characters at line 1 column 4"),
            ("\"\\x\"", "invalid escape"),
            ("\"a\tb\"", "control character"),
            ("1e999", "out of range"),
        ] {
            let e = parse(text).unwrap_err();
            assert!(e.contains(needle), "{text:?}: {e}");
        }
    }

    #[test]
    fn huge_exponents_are_decided_at_once() {
        assert_eq!(parse("1e-2147483648").unwrap(), Value::Num(0.0));
        assert_eq!(parse("-1e-99999999999").unwrap(), Value::Num(-0.0));
        assert!(parse("1e2147483647").unwrap_err().contains("out of range"));
        assert_eq!(parse("0e99999999999").unwrap(), Value::Num(0.0));
        // Many of them in one document stay cheap (each was a loop of 10^8 steps).
        let many = format!("[{}1]", "1e-9999999999,".repeat(10_000));
        assert!(parse(&many).is_ok());
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).unwrap_err().contains("nested too deeply"));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }
}
