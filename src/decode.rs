//! Model types from [`Value`]s, by hand: the catalog and profile decoders.
//!
//! Each type lists its fields once (`Obj::new(v, &[...])`), so an unknown or duplicate
//! member is reported with the list of known ones, and every error carries the JSON path
//! of the value it is about (`offerings[3].intakes[0].start_date`). The messages follow
//! serde's wording (`missing field`, `unknown variant`, `invalid type`), which loket
//! editors may know from other tools. Two differences from serde's derived decoders: a
//! whole number written as `24.0` is accepted where an integer is expected, and in a
//! rule's test a `null` member counts as given (so `"levels": null` is an error, not an
//! absent field). Written out rather than derived to keep the
//! WebAssembly module small (see BENCHMARKS.md).

use crate::model::date::{Date, Months};
use crate::model::error::Problem;
use crate::json::Value;
use crate::model::*;
use crate::model::vocab::*;

/// A type that can be read from a JSON value.
pub trait FromJson: Sized {
    fn from_json(v: &Value) -> Result<Self, Problem>;
}

/// Reads `T` from JSON text; a syntax error is a problem at the document (empty path).
pub fn from_str<T: FromJson>(text: &str) -> Result<T, Problem> {
    T::from_json(&value(text)?)
}

/// The JSON value of `text`; a syntax error is a problem at the document (empty path).
pub fn value(text: &str) -> Result<Value<'_>, Problem> {
    crate::json::parse(text).map_err(|m| Problem::new("", format!("not valid JSON: {m}")))
}

/// `seg` (a member name or `[i]`) in front of a problem's path.
pub fn within(mut p: Problem, seg: &str) -> Problem {
    p.path = if p.path.is_empty() {
        seg.to_string()
    } else if p.path.starts_with('[') {
        format!("{seg}{}", p.path)
    } else {
        format!("{seg}.{}", p.path)
    };
    p
}

fn invalid_type(v: &Value, expected: &str) -> Problem {
    Problem::new(
        "",
        format!("invalid type: {}, expected {expected}", v.describe()),
    )
}

/// The members of a JSON object, checked against the names a type knows.
///
/// Members are read without an early return per field: a failed one records the first
/// problem and yields a stand-in, and [`Obj::done`] turns the built value into that
/// problem. (A `?` per field made the compiler write a drop ladder for every struct,
/// which was a good part of the decoder's size in the wasm.)
pub struct Obj<'a> {
    members: &'a [(std::borrow::Cow<'a, str>, Value<'a>)],
    first: std::cell::RefCell<Option<Problem>>,
}

impl<'a> Obj<'a> {
    pub fn new(v: &'a Value, fields: &[&str]) -> Result<Obj<'a>, Problem> {
        let Value::Obj(members) = v else { return Err(invalid_type(v, "a map")) };
        for (i, (k, _)) in members.iter().enumerate() {
            if !fields.contains(&&**k) {
                let expected = if fields.is_empty() {
                    "there are no fields".to_string()
                } else {
                    format!("expected one of `{}`", fields.join("`, `"))
                };
                return Err(Problem::new(k.to_string(), format!("unknown field `{k}`, {expected}")));
            }
            if members[..i].iter().any(|(other, _)| other == k) {
                return Err(Problem::new(k.clone(), format!("duplicate field `{k}`")));
            }
        }
        Ok(Obj { members, first: std::cell::RefCell::new(None) })
    }

    /// A member's value, if present.
    pub fn raw(&self, name: &str) -> Option<&'a Value<'a>> {
        self.members.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// Records a problem (only the first counts).
    fn fail(&self, p: Problem) {
        self.first.borrow_mut().get_or_insert(p);
    }

    /// The first problem so far, if any.
    pub fn take_problem(&self) -> Option<Problem> {
        self.first.borrow_mut().take()
    }

    /// The value built from the members, or the first problem met while reading them.
    pub fn done<T>(&self, value: T) -> Result<T, Problem> {
        match self.take_problem() {
            None => Ok(value),
            Some(p) => Err(p),
        }
    }

    /// Reads a member's value; a problem is recorded (under the member's name) and gives `None`.
    fn read<T: FromJson>(&self, v: &Value, name: &str) -> Option<T> {
        T::from_json(v).map_err(|p| self.fail(within(p, name))).ok()
    }

    /// A required member.
    pub fn req<T: FromJson + StandIn>(&self, name: &str) -> T {
        match self.raw(name) {
            Some(v) => self.read(v, name),
            None => {
                self.fail(Problem::new("", format!("missing field `{name}`")));
                None
            }
        }
        .unwrap_or_else(T::stand_in)
    }

    /// An optional member: absent or `null` is `None`.
    pub fn opt<T: FromJson>(&self, name: &str) -> Option<T> {
        match self.raw(name) {
            None | Some(Value::Null) => None,
            Some(v) => self.read(v, name),
        }
    }

    /// A member with a default when absent.
    pub fn or<T: FromJson>(&self, name: &str, default: T) -> T {
        match self.raw(name) {
            None => default,
            Some(v) => self.read(v, name).unwrap_or(default),
        }
    }

    /// A member whose default is `T::default()`.
    pub fn def<T: FromJson + Default>(&self, name: &str) -> T {
        self.or(name, T::default())
    }

    /// Names of the members present, in document order.
    pub fn names(&self) -> impl Iterator<Item = &'a str> {
        self.members.iter().map(|(k, _)| &**k)
    }
}

/// A placeholder for a required member that failed to read; never seen outside, the
/// value it is part of is replaced by the problem.
pub trait StandIn {
    fn stand_in() -> Self;
}

macro_rules! stand_in_default {
    ($($t:ty),+) => {$(
        impl StandIn for $t {
            fn stand_in() -> $t {
                <$t>::default()
            }
        }
    )+};
}
stand_in_default!(String, bool, u8, u16, u32, f64);

impl<T> StandIn for Vec<T> {
    fn stand_in() -> Vec<T> {
        Vec::new()
    }
}

impl<T: StandIn> StandIn for Box<T> {
    fn stand_in() -> Box<T> {
        Box::new(T::stand_in())
    }
}

impl StandIn for Date {
    fn stand_in() -> Date {
        Date::from_days(0)
    }
}

impl StandIn for Months {
    fn stand_in() -> Months {
        Months(0)
    }
}

impl StandIn for Test {
    fn stand_in() -> Test {
        Test::Vog
    }
}

// ---------------------------------------------------------------- scalars

impl FromJson for bool {
    fn from_json(v: &Value) -> Result<bool, Problem> {
        match v {
            Value::Bool(b) => Ok(*b),
            _ => Err(invalid_type(v, "a boolean")),
        }
    }
}

impl FromJson for String {
    fn from_json(v: &Value) -> Result<String, Problem> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            _ => Err(invalid_type(v, "a string")),
        }
    }
}

impl FromJson for f64 {
    fn from_json(v: &Value) -> Result<f64, Problem> {
        match v {
            Value::Num(n) => Ok(*n),
            _ => Err(invalid_type(v, "a number")),
        }
    }
}

/// A whole number from 0 to `max`; `what` names the type in messages (`u8`). As in JSON
/// Schema, `24.0` is the integer 24 (serde_json refused it).
fn unsigned(v: &Value, max: u32, what: &str) -> Result<u32, Problem> {
    match v {
        Value::Num(n) if n.fract() == 0.0 => {
            if *n >= 0.0 && *n <= f64::from(max) {
                Ok(*n as u32)
            } else {
                Err(Problem::new(
                    "",
                    format!(
                        "invalid value: {}, expected {what} (a whole number from 0 to {max})",
                        v.describe()
                    ),
                ))
            }
        }
        _ => Err(invalid_type(v, what)),
    }
}

impl FromJson for u8 {
    fn from_json(v: &Value) -> Result<u8, Problem> {
        unsigned(v, u8::MAX.into(), "u8").map(|n| n as u8)
    }
}

impl FromJson for u16 {
    fn from_json(v: &Value) -> Result<u16, Problem> {
        unsigned(v, u16::MAX.into(), "u16").map(|n| n as u16)
    }
}

impl FromJson for u32 {
    fn from_json(v: &Value) -> Result<u32, Problem> {
        unsigned(v, u32::MAX, "u32")
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Result<Vec<T>, Problem> {
        let Value::Arr(items) = v else {
            return Err(invalid_type(v, "a sequence"));
        };
        // A plain loop: `collect` into a `Result` adds an adapter per element type to the wasm.
        let mut out = Vec::with_capacity(items.len());
        for (i, x) in items.iter().enumerate() {
            out.push(T::from_json(x).map_err(|p| within(p, &format!("[{i}]")))?);
        }
        Ok(out)
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn from_json(v: &Value) -> Result<Box<T>, Problem> {
        T::from_json(v).map(Box::new)
    }
}

/// A string parsed by `parse`; its error becomes the problem's message.
fn parsed<T>(v: &Value, parse: fn(&str) -> Result<T, String>, what: &str) -> Result<T, Problem> {
    match v {
        Value::Str(s) => parse(s).map_err(|m| Problem::new("", m)),
        _ => Err(invalid_type(v, what)),
    }
}

impl FromJson for Date {
    fn from_json(v: &Value) -> Result<Date, Problem> {
        parsed(v, Date::parse, "a date of the form YYYY-MM-DD")
    }
}

impl FromJson for Months {
    fn from_json(v: &Value) -> Result<Months, Problem> {
        parsed(v, Months::parse, "an ISO 8601 duration such as P4Y")
    }
}

/// A vocabulary id: one of `ids`, the variant at the same index of `all`.
fn vocab<T: Copy>(v: &Value, all: &[T], ids: fn(T) -> &'static str) -> Result<T, Problem> {
    let Value::Str(s) = v else {
        return Err(invalid_type(v, "a vocabulary id"));
    };
    all.iter().copied().find(|x| ids(*x) == s).ok_or_else(|| {
        let known: Vec<&str> = all.iter().map(|x| ids(*x)).collect();
        Problem::new(
            "",
            format!(
                "unknown variant `{s}`, expected one of `{}`",
                known.join("`, `")
            ),
        )
    })
}

macro_rules! vocab_from_json {
    ($($t:ty),+) => {$(
        impl FromJson for $t {
            fn from_json(v: &Value) -> Result<$t, Problem> {
                vocab(v, <$t>::ALL, <$t>::id)
            }
        }
        impl StandIn for $t {
            fn stand_in() -> $t {
                <$t>::ALL[0]
            }
        }
    )+};
}

vocab_from_json!(
    Sector,
    Qualification,
    Level,
    RouteKind,
    Mode,
    Subject,
    Dutch,
    Role,
    PaboTest,
    EarnWish,
    EmploymentType,
    IntakeStatus,
    SourceStatus,
    Effect,
    CostBasis,
    TestType,
    Lang
);

// ---------------------------------------------------------------- profile

impl FromJson for Profile {
    fn from_json(v: &Value) -> Result<Profile, Problem> {
        let o = Obj::new(
            v,
            &[
                "diplomas",
                "qualifications",
                "job",
                "study",
                "lerarenopleiding_left",
                "sectors",
                "subjects",
                "hours_per_week",
                "available_from",
                "earn_while_learning",
                "location",
                "max_travel_km",
                "dutch",
                "age",
                "birth_date",
                "pabo_tests_passed",
                "geschiktheidsonderzoek_passed",
                "hbo_level_assessed",
                "vog",
            ],
        )?;
        o.done(Profile {
            diplomas: o.def("diplomas"),
            qualifications: o.def("qualifications"),
            job: o.opt("job"),
            study: o.opt("study"),
            lerarenopleiding_left: o.opt("lerarenopleiding_left"),
            sectors: o.def("sectors"),
            subjects: o.def("subjects"),
            hours_per_week: o.opt("hours_per_week"),
            available_from: o.opt("available_from"),
            earn_while_learning: o.def("earn_while_learning"),
            location: o.opt("location"),
            max_travel_km: o.opt("max_travel_km"),
            dutch: o.opt("dutch"),
            age: o.opt("age"),
            birth_date: o.opt("birth_date"),
            pabo_tests_passed: o.def("pabo_tests_passed"),
            geschiktheidsonderzoek_passed: o.def("geschiktheidsonderzoek_passed"),
            hbo_level_assessed: o.def("hbo_level_assessed"),
            vog: o.def("vog"),
        })
    }
}

impl FromJson for Diploma {
    fn from_json(v: &Value) -> Result<Diploma, Problem> {
        let o = Obj::new(v, &["level", "field", "foreign", "recognised"])?;
        o.done(Diploma {
            level: o.req("level"),
            field: o.opt("field"),
            foreign: o.def("foreign"),
            recognised: o.def("recognised"),
        })
    }
}

impl FromJson for HeldQualification {
    fn from_json(v: &Value) -> Result<HeldQualification, Problem> {
        let o = Obj::new(v, &["qualification", "subject"])?;
        o.done(HeldQualification {
            qualification: o.req("qualification"),
            subject: o.opt("subject"),
        })
    }
}

impl FromJson for Job {
    fn from_json(v: &Value) -> Result<Job, Problem> {
        let o = Obj::new(
            v,
            &["sector", "role", "hours_per_week", "start_date", "offer"],
        )?;
        o.done(Job {
            sector: o.req("sector"),
            role: o.req("role"),
            hours_per_week: o.req("hours_per_week"),
            start_date: o.opt("start_date"),
            offer: o.def("offer"),
        })
    }
}

impl FromJson for Study {
    fn from_json(v: &Value) -> Result<Study, Problem> {
        let o = Obj::new(v, &["level", "field", "ec", "lerarenopleiding"])?;
        o.done(Study {
            level: o.req("level"),
            field: o.opt("field"),
            ec: o.req("ec"),
            lerarenopleiding: o.def("lerarenopleiding"),
        })
    }
}

impl FromJson for Location {
    fn from_json(v: &Value) -> Result<Location, Problem> {
        let o = Obj::new(v, &["postcode", "gemeente"])?;
        o.done(Location {
            postcode: o.opt("postcode"),
            gemeente: o.opt("gemeente"),
        })
    }
}

// ---------------------------------------------------------------- catalog

impl FromJson for Meta {
    fn from_json(v: &Value) -> Result<Meta, Problem> {
        let o = Obj::new(
            v,
            &[
                "name",
                "version",
                "generated",
                "attribution",
                "region",
                "notes",
            ],
        )?;
        o.done(Meta {
            name: o.req("name"),
            version: o.req("version"),
            generated: o.req("generated"),
            attribution: o.req("attribution"),
            region: o.opt("region"),
            notes: o.def("notes"),
        })
    }
}

impl FromJson for Source {
    fn from_json(v: &Value) -> Result<Source, Problem> {
        let o = Obj::new(v, &["id", "url", "year"])?;
        o.done(Source {
            id: o.req("id"),
            url: o.req("url"),
            year: o.opt("year"),
        })
    }
}

impl FromJson for Rule {
    fn from_json(v: &Value) -> Result<Rule, Problem> {
        let o = Obj::new(
            v,
            &[
                "id",
                "sources",
                "valid_from",
                "valid_until",
                "status",
                "note",
                "applies_if",
                "test",
                "otherwise",
                "action",
                "what_if",
                "alternatives",
            ],
        )?;
        o.done(Rule {
            id: o.req("id"),
            sources: o.req("sources"),
            valid_from: o.opt("valid_from"),
            valid_until: o.opt("valid_until"),
            status: o.def("status"),
            note: o.opt("note"),
            applies_if: o.opt("applies_if"),
            test: o.req("test"),
            otherwise: o.req("otherwise"),
            action: o.opt("action"),
            what_if: o.or("what_if", true),
            alternatives: o.def("alternatives"),
        })
    }
}

impl FromJson for Alternative {
    fn from_json(v: &Value) -> Result<Alternative, Problem> {
        let o = Obj::new(v, &["test", "action"])?;
        o.done(Alternative {
            test: o.req("test"),
            action: o.opt("action"),
        })
    }
}

/// Every member any test type has; which belong to which type is checked below.
const TEST_FIELDS: &[&str] = &[
    "type",
    "levels",
    "include_unrecognised",
    "any_of",
    "same_subject",
    "roles",
    "min_hours",
    "min",
    "years",
    "min_ec",
    "lerarenopleiding",
    "related",
    "subjects",
    "sectors",
    "hours",
    "all",
    "any",
    "not",
];

impl FromJson for Test {
    fn from_json(v: &Value) -> Result<Test, Problem> {
        use TestType as T;
        let o = Obj::new(v, TEST_FIELDS)?;
        let kind: TestType = o.req("type");
        if let Some(p) = o.take_problem() {
            return Err(p);
        }
        let allowed: &[&str] = match kind {
            T::DiplomaLevel | T::RelatedDiploma => &["levels", "include_unrecognised"],
            T::Qualification => &["any_of", "same_subject"],
            T::SchoolJob => &["roles", "min_hours"],
            T::Dutch => &["min"],
            T::NoRecentLerarenopleiding | T::MinAge => &["years"],
            T::Study => &["levels", "min_ec", "lerarenopleiding", "related"],
            T::SubjectIn => &["subjects"],
            T::SectorIn => &["sectors"],
            T::HoursAbove => &["hours"],
            T::AllOf => &["all"],
            T::AnyOf => &["any"],
            T::Not => &["not"],
            _ => &[],
        };
        if let Some(extra) = o.names().find(|f| *f != "type" && !allowed.contains(f)) {
            return Err(Problem::new(
                "",
                format!(
                    "field `{extra}` does not belong to a test of type `{kind}` (it takes: {})",
                    allowed.join(", ")
                ),
            ));
        }
        // A field the type needs: "a test of type `x` needs `levels`" when absent.
        fn need<X: FromJson + StandIn>(o: &Obj, kind: TestType, name: &str) -> X {
            if o.raw(name).is_none() {
                o.fail(Problem::new("", format!("a test of type `{kind}` needs `{name}`")));
            }
            o.req(name)
        }
        let test = match kind {
            T::DiplomaLevel => Test::DiplomaLevel {
                levels: need(&o, kind, "levels"),
                include_unrecognised: o.def("include_unrecognised"),
            },
            T::RelatedDiploma => Test::RelatedDiploma {
                levels: need(&o, kind, "levels"),
                include_unrecognised: o.def("include_unrecognised"),
            },
            T::Qualification => Test::Qualification {
                any_of: need(&o, kind, "any_of"),
                same_subject: o.def("same_subject"),
            },
            T::SchoolJob => Test::SchoolJob {
                roles: o.def("roles"),
                min_hours: o.def("min_hours"),
            },
            T::Geschiktheidsonderzoek => Test::Geschiktheidsonderzoek,
            T::PaboTests => Test::PaboTests,
            T::HboLevelAssessed => Test::HboLevelAssessed,
            T::Dutch => Test::Dutch {
                min: need(&o, kind, "min"),
            },
            T::ForeignOrNonNative => Test::ForeignOrNonNative,
            T::NoRecentLerarenopleiding => Test::NoRecentLerarenopleiding {
                years: need(&o, kind, "years"),
            },
            T::Study => Test::Study {
                levels: need(&o, kind, "levels"),
                min_ec: need(&o, kind, "min_ec"),
                lerarenopleiding: o.def("lerarenopleiding"),
                related: o.def("related"),
            },
            T::MinAge => Test::MinAge {
                years: need(&o, kind, "years"),
            },
            T::SubjectIn => Test::SubjectIn {
                subjects: need(&o, kind, "subjects"),
            },
            T::SectorIn => Test::SectorIn {
                sectors: need(&o, kind, "sectors"),
            },
            T::HoursAbove => Test::HoursAbove {
                hours: need(&o, kind, "hours"),
            },
            T::Vog => Test::Vog,
            T::AllOf => Test::AllOf {
                all: need(&o, kind, "all"),
            },
            T::AnyOf => Test::AnyOf {
                any: need(&o, kind, "any"),
            },
            T::Not => Test::Not {
                not: need(&o, kind, "not"),
            },
        };
        o.done(test)
    }
}

impl FromJson for RouteKindDef {
    fn from_json(v: &Value) -> Result<RouteKindDef, Problem> {
        let o = Obj::new(v, &["kind", "qualification", "sectors", "rules", "sources"])?;
        o.done(RouteKindDef {
            kind: o.req("kind"),
            qualification: o.req("qualification"),
            sectors: o.req("sectors"),
            rules: o.req("rules"),
            sources: o.def("sources"),
        })
    }
}

impl FromJson for Relatedness {
    fn from_json(v: &Value) -> Result<Relatedness, Problem> {
        let o = Obj::new(v, &["field", "subjects", "source"])?;
        o.done(Relatedness {
            field: o.req("field"),
            subjects: o.req("subjects"),
            source: o.opt("source"),
        })
    }
}

impl FromJson for Institution {
    fn from_json(v: &Value) -> Result<Institution, Problem> {
        let o = Obj::new(v, &["id", "name", "url"])?;
        o.done(Institution {
            id: o.req("id"),
            name: o.req("name"),
            url: o.opt("url"),
        })
    }
}

impl FromJson for Offering {
    fn from_json(v: &Value) -> Result<Offering, Problem> {
        let o = Obj::new(
            v,
            &[
                "id",
                "kind",
                "name",
                "institution",
                "place",
                "educational_program_mode",
                "occupational_credential_awarded",
                "sectors",
                "subject",
                "time_to_complete",
                "weekly_hours",
                "cost_eur_per_year",
                "cost_basis",
                "paid_while_learning",
                "program_prerequisites",
                "intakes",
                "rolling_intake",
                "url",
                "croho",
                "cost_figure",
                "max_teaching_hours",
            ],
        )?;
        o.done(Offering {
            id: o.req("id"),
            kind: o.req("kind"),
            name: o.req("name"),
            institution: o.req("institution"),
            place: o.req("place"),
            educational_program_mode: o.req("educational_program_mode"),
            occupational_credential_awarded: o.req("occupational_credential_awarded"),
            sectors: o.req("sectors"),
            subject: o.opt("subject"),
            time_to_complete: o.req("time_to_complete"),
            weekly_hours: o.req("weekly_hours"),
            cost_eur_per_year: o.req("cost_eur_per_year"),
            cost_basis: o.req("cost_basis"),
            paid_while_learning: o.req("paid_while_learning"),
            program_prerequisites: o.def("program_prerequisites"),
            intakes: o.def("intakes"),
            rolling_intake: o.def("rolling_intake"),
            url: o.opt("url"),
            croho: o.opt("croho"),
            cost_figure: o.opt("cost_figure"),
            max_teaching_hours: o.opt("max_teaching_hours"),
        })
    }
}

impl FromJson for Intake {
    fn from_json(v: &Value) -> Result<Intake, Problem> {
        let o = Obj::new(
            v,
            &[
                "start_date",
                "application_deadline",
                "lead_time_days",
                "status",
            ],
        )?;
        o.done(Intake {
            start_date: o.req("start_date"),
            application_deadline: o.opt("application_deadline"),
            lead_time_days: o.def("lead_time_days"),
            status: o.def("status"),
        })
    }
}

impl FromJson for Vacancy {
    fn from_json(v: &Value) -> Result<Vacancy, Problem> {
        let o = Obj::new(
            v,
            &[
                "id",
                "title",
                "employer",
                "job_location",
                "sector",
                "subject",
                "role",
                "work_hours",
                "employment_type",
                "job_start_date",
                "valid_through",
                "accepts_in_training",
                "education_requirements",
                "url",
                "demo",
            ],
        )?;
        o.done(Vacancy {
            id: o.req("id"),
            title: o.req("title"),
            employer: o.req("employer"),
            job_location: o.req("job_location"),
            sector: o.req("sector"),
            subject: o.opt("subject"),
            role: o.req("role"),
            work_hours: o.req("work_hours"),
            employment_type: o.req("employment_type"),
            job_start_date: o.req("job_start_date"),
            valid_through: o.req("valid_through"),
            accepts_in_training: o.req("accepts_in_training"),
            education_requirements: o.def("education_requirements"),
            url: o.opt("url"),
            demo: o.def("demo"),
        })
    }
}

impl FromJson for Place {
    fn from_json(v: &Value) -> Result<Place, Problem> {
        let o = Obj::new(v, &["id", "name", "lat", "lon", "region"])?;
        o.done(Place {
            id: o.req("id"),
            name: o.req("name"),
            lat: o.req("lat"),
            lon: o.req("lon"),
            region: o.opt("region"),
        })
    }
}

impl FromJson for Postcode {
    fn from_json(v: &Value) -> Result<Postcode, Problem> {
        match v {
            Value::Arr(items) if items.len() == 4 => {
                let at = |i: usize| &items[i];
                let f = |p: Problem, i: usize| within(p, &format!("[{i}]"));
                Ok(Postcode(
                    String::from_json(at(0)).map_err(|p| f(p, 0))?,
                    f64::from_json(at(1)).map_err(|p| f(p, 1))?,
                    f64::from_json(at(2)).map_err(|p| f(p, 2))?,
                    String::from_json(at(3)).map_err(|p| f(p, 3))?,
                ))
            }
            _ => Err(invalid_type(
                v,
                "a list of 4: [postcode, latitude, longitude, gemeente]",
            )),
        }
    }
}

impl FromJson for Figure {
    fn from_json(v: &Value) -> Result<Figure, Problem> {
        let o = Obj::new(
            v,
            &[
                "id",
                "value",
                "unit",
                "sources",
                "valid_from",
                "valid_until",
                "status",
                "note",
            ],
        )?;
        o.done(Figure {
            id: o.req("id"),
            value: o.req("value"),
            unit: o.req("unit"),
            sources: o.req("sources"),
            valid_from: o.opt("valid_from"),
            valid_until: o.opt("valid_until"),
            status: o.def("status"),
            note: o.opt("note"),
        })
    }
}

impl FromJson for Shortage {
    fn from_json(v: &Value) -> Result<Shortage, Problem> {
        let o = Obj::new(
            v,
            &[
                "sector",
                "subject",
                "region",
                "percent",
                "peildatum",
                "source",
            ],
        )?;
        o.done(Shortage {
            sector: o.req("sector"),
            subject: o.opt("subject"),
            region: o.opt("region"),
            percent: o.req("percent"),
            peildatum: o.req("peildatum"),
            source: o.req("source"),
        })
    }
}

impl FromJson for Weights {
    fn from_json(v: &Value) -> Result<Weights, Problem> {
        let o = Obj::new(
            v,
            &[
                "sector",
                "subject",
                "qualification",
                "hours",
                "earn_while_learning",
                "cost",
                "duration",
                "time_to_start",
                "travel",
                "shortage",
            ],
        )?;
        o.done(Weights {
            sector: o.req("sector"),
            subject: o.req("subject"),
            qualification: o.req("qualification"),
            hours: o.req("hours"),
            earn_while_learning: o.req("earn_while_learning"),
            cost: o.req("cost"),
            duration: o.req("duration"),
            time_to_start: o.req("time_to_start"),
            travel: o.req("travel"),
            shortage: o.req("shortage"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err<T: FromJson + std::fmt::Debug>(text: &str) -> Problem {
        from_str::<T>(text).unwrap_err()
    }

    #[test]
    fn paths_name_the_value_at_fault() {
        let p = err::<Profile>(r#"{"diplomas":[{"level":"havo"},{"level":"master"}]}"#);
        assert_eq!(p.path, "diplomas[1].level");
        assert!(
            p.message
                .starts_with("unknown variant `master`, expected one of `geen`"),
            "{}",
            p.message
        );
        let p = err::<Postcode>(r#"["3511", "north", 5.1, "GM0344"]"#);
        assert_eq!(
            (p.path.as_str(), p.message.as_str()),
            ("[1]", "invalid type: string \"north\", expected a number")
        );
        let p =
            err::<Test>(r#"{"type":"not","not":{"type":"all-of","all":[{"type":"vog","x":1}]}}"#);
        assert_eq!(p.path, "not.all[0].x");
    }

    #[test]
    fn defaults_nulls_and_duplicates() {
        let r = from_str::<Rule>(
            r#"{"id":"r","sources":[],"test":{"type":"vog"},"otherwise":"block","note":null}"#,
        )
        .unwrap();
        assert!(r.what_if && r.note.is_none() && r.alternatives.is_empty());
        assert_eq!(r.status, SourceStatus::Confirmed);
        let p = err::<Location>(r#"{"postcode":"3511","postcode":"3512"}"#);
        assert_eq!(
            (p.path.as_str(), p.message.as_str()),
            ("postcode", "duplicate field `postcode`")
        );
        let p = err::<Diploma>(r#"{"level":"havo","foreign":null}"#);
        assert_eq!(p.path, "foreign");
    }

    #[test]
    fn integers_are_checked_for_range_and_wholeness() {
        assert_eq!(
            from_str::<Job>(r#"{"sector":"po","role":"leraar","hours_per_week":24}"#)
                .unwrap()
                .hours_per_week,
            24
        );
        for (text, needle) in [
            ("256", "invalid value: integer `256`"),
            ("-1", "invalid value"),
            ("2.5", "invalid type: floating point"),
            ("\"8\"", "invalid type: string"),
        ] {
            let p = err::<Job>(&format!(
                r#"{{"sector":"po","role":"leraar","hours_per_week":{text}}}"#
            ));
            assert_eq!(p.path, "hours_per_week");
            assert!(p.message.contains(needle), "{text}: {}", p.message);
        }
    }
}
