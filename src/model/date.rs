//! Calendar dates (ISO 8601 `YYYY-MM-DD`) and durations in months.
//!
//! A tiny, dependency-free date type: the core needs only day arithmetic, month
//! addition and parsing, and a date crate would cost wasm size. "Today" is always
//! passed in by the caller; nothing here reads a clock.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The years a date read from a document may have. Together with durations of at most
/// 100 years and lead times of at most 65,535 days, every computed date stays a real
/// calendar date in order (an intake in 9999 plus a year would otherwise wrap).
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date, or `None` if it does not exist (e.g. 2027-02-29).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses `YYYY-MM-DD` strictly.
    ///
    /// ```
    /// use routewijzer::Date;
    /// assert_eq!(Date::parse("2027-09-01").unwrap().to_string(), "2027-09-01");
    /// assert!(Date::parse("2027-02-30").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Date, String> {
        let b = s.as_bytes();
        let well_formed = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !well_formed {
            return Err(format!("'{s}' is not a date of the form YYYY-MM-DD"));
        }
        let num = |r: std::ops::Range<usize>| -> u32 { b[r].iter().fold(0, |acc, c| acc * 10 + u32::from(c - b'0')) };
        let (y, m, d) = (num(0..4) as i32, num(5..7) as u8, num(8..10) as u8);
        if !YEARS.contains(&y) {
            return Err(format!(
                "'{s}' lies outside the years {} to {} that dates may have",
                YEARS.start(),
                YEARS.end()
            ));
        }
        Date::new(y, m, d).ok_or_else(|| format!("'{s}' is not an existing calendar date"))
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's algorithm.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Inverse of [`Date::to_days`]. Clamped to the supported year range.
    pub fn from_days(days: i64) -> Date {
        let z = days.clamp(-719_162, 2_932_896) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = (y + i64::from(m <= 2)) as i32;
        Date { year: y, month: m, day: d }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// Adds whole months; the day is clamped to the end of the target month.
    pub fn add_months(self, n: i32) -> Date {
        let total = self.year * 12 + i32::from(self.month) - 1 + n;
        let (y, m) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
        let y = y.clamp(1, 9999);
        Date { year: y, month: m, day: self.day.min(days_in_month(y, m)) }
    }

    /// Signed number of days from `self` to `other`.
    pub fn days_until(self, other: Date) -> i64 {
        other.to_days() - self.to_days()
    }

    /// Whole years from `self` to `other` (an age, for a birth date).
    pub fn whole_years_until(self, other: Date) -> i32 {
        let mut years = other.year - self.year;
        if (other.month, other.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl Date {
    /// `YYYY-MM-DD` as bytes, for the years 0-9999, without the formatting machinery: a
    /// match writes dates thousands of times (its result, its messages' parameters).
    fn iso(self) -> Option<[u8; 10]> {
        let y = u16::try_from(self.year).ok().filter(|y| *y <= 9999)?;
        let (m, d) = (u16::from(self.month), u16::from(self.day));
        if m > 99 || d > 99 {
            return None;
        }
        let digit = |n: u16| b'0' + (n % 10) as u8;
        Some([
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ])
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.iso() {
            Some(b) => f.write_str(std::str::from_utf8(&b).map_err(|_| fmt::Error)?),
            None => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.iso().as_ref().and_then(|b| std::str::from_utf8(b).ok()) {
            Some(text) => s.serialize_str(text),
            None => s.collect_str(self),
        }
    }
}

/// Parses inside `visit_str`, so the error is reported at the string itself (and the
/// JSON path points at the field).
struct ParseVisitor<T>(fn(&str) -> Result<T, String>, &'static str);

impl<T> de::Visitor<'_> for ParseVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.1)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.0)(v).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        d.deserialize_str(ParseVisitor(Date::parse, "a date of the form YYYY-MM-DD"))
    }
}

/// A duration in whole months, written as an ISO 8601 duration (`P4Y`, `P18M`,
/// `P1Y6M`) in JSON, as schema.org's `timeToComplete` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Months(pub u16);

impl Months {
    /// ```
    /// use routewijzer::Months;
    /// assert_eq!(Months::parse("P1Y6M").unwrap(), Months(18));
    /// assert!(Months::parse("18 months").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Months, String> {
        let bad = || format!("'{s}' is not an ISO 8601 duration in years and months such as P4Y, P18M or P1Y6M");
        let rest = s.strip_prefix('P').ok_or_else(bad)?;
        if rest.is_empty() {
            return Err(bad());
        }
        let (mut total, mut num, mut seen_m) = (0u32, None::<u32>, false);
        for c in rest.chars() {
            match c {
                '0'..='9' => {
                    let v = num.unwrap_or(0).checked_mul(10).and_then(|v| v.checked_add(c as u32 - '0' as u32));
                    num = Some(v.ok_or_else(bad)?);
                }
                'Y' if !seen_m => {
                    let years = num.take().ok_or_else(bad)?;
                    total = years.checked_mul(12).and_then(|m| total.checked_add(m)).ok_or_else(bad)?;
                }
                'M' if !seen_m => {
                    total = total.checked_add(num.take().ok_or_else(bad)?).ok_or_else(bad)?;
                    seen_m = true;
                }
                _ => return Err(bad()),
            }
        }
        if num.is_some() || total > 1200 {
            return Err(bad());
        }
        Ok(Months(total as u16))
    }
}

impl fmt::Display for Months {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0 / 12, self.0 % 12) {
            (0, m) => write!(f, "P{m}M"),
            (y, 0) => write!(f, "P{y}Y"),
            (y, m) => write!(f, "P{y}Y{m}M"),
        }
    }
}

impl Serialize for Months {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Months {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Months, D::Error> {
        d.deserialize_str(ParseVisitor(Months::parse, "an ISO 8601 duration such as P4Y"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computed_dates_stay_in_order_at_the_edges_of_the_range() {
        let last = Date::parse("2199-12-01").unwrap();
        let later = last.add_months(i32::from(Months::parse("P100Y").unwrap().0));
        assert!(later > last, "{later}");
        assert!(last.add_days(65_535) > last);
        assert!(Date::parse("1900-01-01").unwrap().add_days(-65_535) < Date::parse("1900-01-01").unwrap());
    }

    #[test]
    fn days_round_trip_over_four_centuries() {
        let start = Date::new(1900, 1, 1).unwrap().to_days();
        let mut prev = Date::from_days(start - 1);
        for d in start..start + 146_097 * 2 / 3 {
            let date = Date::from_days(d);
            assert_eq!(date.to_days(), d);
            assert!(date > prev);
            assert_eq!(Date::parse(&date.to_string()).unwrap(), date);
            prev = date;
        }
    }

    #[test]
    fn epoch_and_leap_days() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert!(Date::new(2028, 2, 29).is_some());
        assert!(Date::new(2100, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
    }

    #[test]
    fn dates_are_written_as_yyyy_mm_dd_in_text_and_json() {
        for (days, text) in
            [(0, "1970-01-01"), (-719_162, "0001-01-01"), (-354_286, "0999-12-31"), (2_932_896, "9999-12-31")]
        {
            let d = Date::from_days(days);
            assert_eq!(d.to_string(), text);
            assert_eq!(serde_json::to_string(&d).unwrap(), format!("\"{text}\""));
        }
    }

    #[test]
    fn month_addition_clamps_the_day() {
        let d = Date::parse("2027-01-31").unwrap();
        assert_eq!(d.add_months(1).to_string(), "2027-02-28");
        assert_eq!(d.add_months(13).to_string(), "2028-02-29");
        assert_eq!(d.add_months(-2).to_string(), "2026-11-30");
    }

    #[test]
    fn ages_count_whole_years() {
        let born = Date::parse("2005-11-24").unwrap();
        assert_eq!(born.whole_years_until(Date::parse("2026-11-23").unwrap()), 20);
        assert_eq!(born.whole_years_until(Date::parse("2026-11-24").unwrap()), 21);
    }

    #[test]
    fn parse_rejects_malformed_dates() {
        for s in [
            "2027-9-01",
            "27-09-01",
            "2027/09/01",
            "2027-13-01",
            "2027-00-10",
            "",
            "2027-09-01T00",
            "9999-12-01",
            "0001-01-01",
            "1899-12-31",
            "2200-01-01",
        ] {
            assert!(Date::parse(s).is_err(), "{s} should not parse");
        }
    }

    #[test]
    fn months_parse_and_print() {
        assert_eq!(Months::parse("P4Y").unwrap(), Months(48));
        assert_eq!(Months::parse("P18M").unwrap().to_string(), "P1Y6M");
        assert_eq!(Months::parse("P0M").unwrap(), Months(0));
        for s in ["P", "4Y", "P4", "PM", "P6M1Y", "P1D", "P99999Y", "P400000000Y", "P1Y4294967295M"] {
            assert!(Months::parse(s).is_err(), "{s} should not parse");
        }
    }
}

#[cfg(feature = "schema")]
mod schema {
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    impl JsonSchema for super::Date {
        fn schema_name() -> Cow<'static, str> {
            "Date".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({ "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
        }
    }

    impl JsonSchema for super::Months {
        fn schema_name() -> Cow<'static, str> {
            "Months".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({ "type": "string", "description": "ISO 8601 duration in years and months", "pattern": "^P([0-9]+Y)?([0-9]+M)?$" })
        }
    }
}
