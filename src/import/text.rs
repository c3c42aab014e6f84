//! Values as lokets write them: dates (`YYYY-MM-DD`, ISO date-times taken to
//! Europe/Amsterdam time, `D-M-YYYY` as Excel writes dates with Dutch settings), times,
//! numbers with a decimal comma, hours a week, yes/no, postcodes, and ids made from names.

use crate::model::date::Date;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// A date, and the local time (`HH:MM`, Europe/Amsterdam) when a date-time was given.
pub(crate) fn date_time(s: &str) -> Result<(Date, Option<String>), String> {
    let s = s.trim();
    match Date::parse(s) {
        Ok(d) => return Ok((d, None)),
        // Well-formed but no such day (2027-02-30), or out of range: say so.
        Err(e) if s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' => return Err(e),
        Err(_) => {}
    }
    if s.len() <= 10 && !s.contains('T') {
        // D-M-YYYY (or D/M/YYYY): the order Excel writes with Dutch settings.
        let parts: Vec<&str> = s.split(['-', '/']).collect();
        if let [d, m, y] = parts[..] {
            if y.len() == 4 && d.len() <= 2 && m.len() <= 2 {
                if let (Ok(d), Ok(m), Ok(y)) = (d.parse::<u8>(), m.parse::<u8>(), y.parse::<i32>()) {
                    return Date::new(y, m, d)
                        .map(|x| (x, None))
                        .ok_or_else(|| format!("'{s}' is not an existing calendar date"));
                }
            }
        }
        return Err(format!("'{s}' is not a date"));
    }
    let civil = if let Ok(ts) = s.parse::<Timestamp>() {
        let tz = TimeZone::get("Europe/Amsterdam").map_err(|e| format!("the time zone Europe/Amsterdam: {e}"))?;
        tz.to_datetime(ts)
    } else {
        s.parse::<DateTime>().map_err(|_| format!("'{s}' is not a date or an ISO 8601 date-time"))?
    };
    let date = Date::new(i32::from(civil.year()), civil.month() as u8, civil.day() as u8)
        .ok_or_else(|| format!("'{s}' lies outside the years dates may have"))?;
    Ok((date, Some(format!("{:02}:{:02}", civil.hour(), civil.minute()))))
}

/// A time of day `HH:MM` (or `H:MM`, `HH.MM`), as `HH:MM`.
pub(crate) fn time(s: &str) -> Result<String, String> {
    let t = s.trim();
    let bad = || format!("'{t}' is not a time HH:MM");
    let (h, m) = t.split_once([':', '.']).ok_or_else(bad)?;
    if !(1..=2).contains(&h.len()) || m.len() != 2 {
        return Err(bad());
    }
    match (h.parse::<u8>(), m.parse::<u8>()) {
        (Ok(h), Ok(m)) if h < 24 && m < 60 => Ok(format!("{h:02}:{m:02}")),
        _ => Err(bad()),
    }
}

/// A number, with a decimal point or comma.
pub(crate) fn number(s: &str) -> Option<f64> {
    s.trim().replace(',', ".").parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Hours a week from text such as `24`, `24 uur per week`, `24-32 uur` (the first
/// number) or `0,6 fte` (times 40: a full-time post in Dutch schools is 40 hours
/// a week). The second value says how the figure was read, when it was not plain.
pub(crate) fn hours(s: &str) -> Option<(u8, Option<String>)> {
    let t = s.trim().to_lowercase();
    let start = t.find(|c: char| c.is_ascii_digit())?;
    let end = t[start..].find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).map_or(t.len(), |e| start + e);
    let n = number(t[start..end].trim_end_matches(['.', ',']))?;
    let rest = t[end..].trim_start();
    if rest.starts_with("fte") {
        let h = (n * 40.0).round();
        return (1.0..=60.0)
            .contains(&h)
            .then(|| (h as u8, Some(format!("{} fte taken as {h} hours a week", &t[start..end]))));
    }
    let h = n.round();
    let plain = t.len() == end - start;
    (0.0..=255.0).contains(&h).then(|| (h as u8, (!plain).then(|| format!("'{}' taken as {h} hours a week", s.trim()))))
}

/// yes/no in English or Dutch.
pub(crate) fn boolean(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "true" | "yes" | "y" | "ja" | "j" | "waar" | "1" | "x" => Some(true),
        "false" | "no" | "n" | "nee" | "onwaar" | "0" => Some(false),
        _ => None,
    }
}

/// The 4-digit part of a Dutch postcode (`3511 AB` → `3511`), if it is one.
pub(crate) fn pc4(s: &str) -> Option<String> {
    let t: String = s.trim().chars().filter(|c| !c.is_whitespace()).collect();
    let digits = t.get(..4)?;
    let rest = &t[4..];
    let ok = digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
        && (rest.is_empty() || (rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_alphabetic())));
    ok.then(|| digits.to_string())
}

/// A Dutch postcode in a text such as `Padualaan 97, 3584 CH Utrecht`: its 4 digits (not
/// starting with 0, no digit before them), a space at most, then 2 capital letters (no
/// letter after them); and the words after it up to a comma, taken as the place when they
/// start with a capital (`Utrecht`). `None` when the text holds no full postcode (4
/// digits alone may be a house number).
pub(crate) fn postcode_in(s: &str) -> Option<(String, Option<String>)> {
    let b = s.as_bytes();
    for i in 0..b.len().saturating_sub(5) {
        let digits = &b[i..i + 4];
        if (i > 0 && b[i - 1].is_ascii_digit()) || b[i] == b'0' || !digits.iter().all(u8::is_ascii_digit) {
            continue;
        }
        let j = if b.get(i + 4) == Some(&b' ') { i + 5 } else { i + 4 };
        let letters = b.get(j..j + 2).filter(|l| l.iter().all(u8::is_ascii_uppercase));
        let after = b.get(j + 2).copied();
        if letters.is_none() || after.is_some_and(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        let rest = s[j + 2..].split(',').next().unwrap_or_default().trim();
        let place = rest.chars().next().filter(|c| c.is_uppercase()).map(|_| rest.to_string());
        return Some((s[i..i + 4].to_string(), place));
    }
    None
}

/// A lower-case letter without its accent (`é` → `e`, `ÿ` → `y`); other characters as they
/// are. Shared by the importer's ids and the catalog build's name folding.
pub fn base_letter(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'ÿ' | 'ý' => 'y',
        c => c,
    }
}

/// Lowercase ASCII letters and digits joined by `-`, accents dropped: an id from a name.
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase).map(base_letter) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_string();
    if out.len() > 60 {
        out.truncate(60);
        out = out.trim_end_matches('-').to_string();
    }
    out
}

/// Names compared loosely: case, accents and punctuation ignored.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (slug(a), slug(b));
    !a.is_empty() && a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times_are_taken_to_amsterdam_time() {
        // Winter (CET, UTC+1) and summer (CEST, UTC+2).
        assert_eq!(date_time("2027-01-14T18:30:00Z").unwrap().1.as_deref(), Some("19:30"));
        assert_eq!(date_time("2027-06-14T18:30:00Z").unwrap().1.as_deref(), Some("20:30"));
        let (d, t) = date_time("2027-03-31T23:30:00Z").unwrap();
        assert_eq!((d.to_string(), t.as_deref()), ("2027-04-01".to_string(), Some("01:30")));
        assert_eq!(date_time("2027-03-14T19:00").unwrap().1.as_deref(), Some("19:00"));
        assert_eq!(date_time("2027-03-14T19:00:00+01:00").unwrap().1.as_deref(), Some("19:00"));
        assert_eq!(date_time("14-3-2027").unwrap().0.to_string(), "2027-03-14");
        assert!(date_time("2027-02-30").is_err());
        assert!(date_time("30-2-2027").is_err());
        assert!(date_time("morgen").is_err());
    }

    #[test]
    fn hours_read_from_text() {
        assert_eq!(hours("24"), Some((24, None)));
        assert_eq!(hours("24 uur per week").map(|h| h.0), Some(24));
        assert_eq!(hours("0,6 fte").map(|h| h.0), Some(24));
        assert_eq!(hours("32-36 uur").map(|h| h.0), Some(32));
        assert_eq!(hours("in overleg"), None);
    }

    #[test]
    fn a_postcode_in_an_address_text() {
        let p = |s: &str| postcode_in(s);
        assert_eq!(p("Padualaan 97, 3584 CH Utrecht"), Some(("3584".into(), Some("Utrecht".into()))));
        assert_eq!(p("Padualaan 97, 3584CH Utrecht, Nederland"), Some(("3584".into(), Some("Utrecht".into()))));
        assert_eq!(p("Kenniscentrum, 3511 AB"), Some(("3511".into(), None)));
        assert_eq!(p("3511 AB 's-Hertogenbosch"), Some(("3511".into(), None)), "a place must start with a capital");
        assert_eq!(p("Dorpsstraat 1234 Utrecht"), None, "4 digits without letters may be a house number");
        assert_eq!(p("Postbus 12345 AB"), None);
        assert_eq!(p("0123 AB Utrecht"), None);
        assert_eq!(p("3584 CHU"), None);
        assert_eq!(p("Straße 1, 3584 CH Den Haag"), Some(("3584".into(), Some("Den Haag".into()))));
        assert_eq!(p(""), None);
    }

    #[test]
    fn small_values() {
        assert_eq!(pc4("3511 AB").as_deref(), Some("3511"));
        assert_eq!(pc4("35111"), None);
        assert_eq!(pc4("0123"), None);
        assert_eq!(time("9:05").as_deref(), Ok("09:05"));
        assert!(time("25:00").is_err() && time("10:5").is_err());
        assert_eq!(slug("Open dag Pabo — Hogeschool Utrecht (HU)"), "open-dag-pabo-hogeschool-utrecht-hu");
        assert_eq!(boolean("Ja"), Some(true));
        assert!(same_name("'s-Hertogenbosch", "s Hertogenbosch"));
    }
}
