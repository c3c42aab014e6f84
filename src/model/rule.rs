//! Admission rules as data: a [`Rule`] names a [`Test`] on the profile (and the offering
//! it is checked for), what an unmet test does, ways round it, validity dates and its
//! sources. How rules are evaluated is [`crate::engine::rules`].

use crate::model::catalog::Offering;
use crate::model::date::Date;
use crate::model::vocab::*;
use serde::{Deserialize, Serialize};

/// An admission rule, as data. See [`crate::engine::rules`] for how it is evaluated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    /// Source ids (see [`Catalog::sources`]).
    pub sources: Vec<String>,
    #[serde(default)]
    pub valid_from: Option<Date>,
    #[serde(default)]
    pub valid_until: Option<Date>,
    #[serde(default)]
    pub status: SourceStatus,
    #[serde(default)]
    pub note: Option<String>,
    /// Message id that says what the rule requires, when the test's own wording would
    /// mislead (a limit rather than a requirement, say). Absent: worded from the test.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Its message is said also when the rule is met, with the rule's status when that is not
    /// confirmed: a note on every route of its kinds (an optional refresher course whose
    /// cost is UNCONFIRMED). Needs a `message` worded to hold either way.
    #[serde(default, skip_serializing_if = "is_false")]
    pub said_when_met: bool,
    /// A figure (by id) of the institutional fee that a route with the statutory fee
    /// charges instead while the rule applies to the person (its `applies_if` holds): a
    /// second programme in onderwijs after a degree in it (ROUTES 4.1 [S57]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institutional_fee: Option<String>,
    /// The rule is only checked when this holds.
    #[serde(default)]
    pub applies_if: Option<Test>,
    /// What must hold.
    pub test: Test,
    /// What an unmet test does: block the route, or make it conditional.
    pub otherwise: Effect,
    /// Message id of what the candidate can do when the rule is unmet (for a condition).
    #[serde(default)]
    pub action: Option<String>,
    /// A figure (by id) that does not hold for the person while the rule is unmet: the
    /// zij-instroom subsidy a school does not get after a recent lerarenopleiding. A route
    /// the school pays then names no subsidy behind its cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voids_figure: Option<String>,
    /// Whether what-if hints may propose changing the profile to meet this rule. Off for
    /// rules where the change would be the goal itself (holding a bevoegdheid).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub what_if: bool,
    /// Ways round an unmet test, in order: the first whose test holds meets the rule (no
    /// action) or turns it into a condition (with an action); one that may hold (a fact
    /// not given) makes it a condition.
    #[serde(default)]
    pub alternatives: Vec<Alternative>,
}

fn yes() -> bool {
    true
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_true(b: &bool) -> bool {
    *b
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    pub test: Test,
    /// Message id of what the candidate then has to do. Without one, an alternative
    /// that holds meets the rule outright (an equivalent way in).
    #[serde(default)]
    pub action: Option<String>,
}

/// A condition on a profile (and the offering it is checked for).
///
/// In JSON an object with a `type` (`"diploma-level"`, ...) and that type's fields.
// Read through `TestRepr` (every field any type has, then checked against the type)
// rather than serde's internally tagged representation, which buffers the object and so
// loses the JSON path of an error inside it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Test {
    /// A diploma at one of these levels.
    DiplomaLevel {
        levels: Vec<Level>,
        /// Count foreign diplomas whose level is not yet recognised.
        #[serde(default)]
        include_unrecognised: bool,
        /// With fields listed (study-field ids), only a diploma given with one of these
        /// fields counts; one whose field was not given does not.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        fields: Vec<String>,
    },
    /// A diploma at one of these levels whose field is related to the offering's subject.
    RelatedDiploma {
        levels: Vec<Level>,
        #[serde(default)]
        include_unrecognised: bool,
    },
    /// Holds one of these qualifications; with `same_subject`, in the offering's subject
    /// (when the offering has one).
    Qualification {
        any_of: Vec<Qualification>,
        #[serde(default)]
        same_subject: bool,
    },
    /// A job or signed offer at a school in one of the offering's sectors. With `current`,
    /// only a job the person has now (an offer or a job that has not started by the rules'
    /// date does not count) in every sector of the offering they want (all of its sectors
    /// if they named none): what someone already does, not what they could move to.
    SchoolJob {
        #[serde(default)]
        roles: Vec<Role>,
        #[serde(default)]
        min_hours: u8,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        current: bool,
    },
    /// A positive geschiktheidsonderzoek.
    Geschiktheidsonderzoek,
    /// All three pabo admission tests passed.
    PaboTests,
    /// An assessment showed hbo working level.
    HboLevelAssessed,
    /// Dutch at least at this level.
    Dutch {
        min: Dutch,
    },
    /// Has a foreign diploma or is not a native speaker of Dutch (or did not say).
    ForeignOrNonNative,
    /// Not enrolled at a lerarenopleiding (without graduating) in the last `years` years.
    NoRecentLerarenopleiding {
        years: u8,
    },
    /// Enrolled now in a study at one of these levels with at least `min_ec` credits.
    Study {
        levels: Vec<Level>,
        min_ec: u16,
        #[serde(default)]
        lerarenopleiding: bool,
        /// The study's field must be related to the offering's subject.
        #[serde(default)]
        related: bool,
        /// With fields listed (study-field ids), the study's field must be one of them; a
        /// study whose field was not given leaves the test unknown.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        fields: Vec<String>,
    },
    /// At least this old.
    MinAge {
        years: u8,
    },
    /// The offering's subject is one of these; with no subjects listed, the offering has a
    /// (known) subject.
    SubjectIn {
        subjects: Vec<Subject>,
    },
    /// The offering is in one of these sectors.
    SectorIn {
        sectors: Vec<Sector>,
    },
    /// The person wants more than this many hours a week (`hours_per_week`).
    HoursAbove {
        hours: u8,
    },
    /// Has a VOG (certificate of conduct).
    Vog,
    AllOf {
        all: Vec<Test>,
    },
    AnyOf {
        any: Vec<Test>,
    },
    Not {
        not: Box<Test>,
    },
}

/// Every field any test type has; [`Test`]'s deserialiser checks which belong.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TestRepr {
    #[serde(rename = "type")]
    kind: TestType,
    levels: Option<Vec<Level>>,
    include_unrecognised: Option<bool>,
    any_of: Option<Vec<Qualification>>,
    same_subject: Option<bool>,
    roles: Option<Vec<Role>>,
    min_hours: Option<u8>,
    current: Option<bool>,
    min: Option<Dutch>,
    years: Option<u8>,
    min_ec: Option<u16>,
    lerarenopleiding: Option<bool>,
    related: Option<bool>,
    subjects: Option<Vec<Subject>>,
    fields: Option<Vec<String>>,
    sectors: Option<Vec<Sector>>,
    hours: Option<u8>,
    all: Option<Vec<Test>>,
    any: Option<Vec<Test>>,
    not: Option<Box<Test>>,
}

impl TestRepr {
    /// Names of the fields that are present.
    fn present(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        let mut add = |yes: bool, name: &'static str| {
            if yes {
                v.push(name)
            }
        };
        add(self.levels.is_some(), "levels");
        add(self.include_unrecognised.is_some(), "include_unrecognised");
        add(self.any_of.is_some(), "any_of");
        add(self.same_subject.is_some(), "same_subject");
        add(self.roles.is_some(), "roles");
        add(self.min_hours.is_some(), "min_hours");
        add(self.current.is_some(), "current");
        add(self.min.is_some(), "min");
        add(self.years.is_some(), "years");
        add(self.min_ec.is_some(), "min_ec");
        add(self.lerarenopleiding.is_some(), "lerarenopleiding");
        add(self.related.is_some(), "related");
        add(self.subjects.is_some(), "subjects");
        add(self.fields.is_some(), "fields");
        add(self.sectors.is_some(), "sectors");
        add(self.hours.is_some(), "hours");
        add(self.all.is_some(), "all");
        add(self.any.is_some(), "any");
        add(self.not.is_some(), "not");
        v
    }
}

impl<'de> Deserialize<'de> for Test {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Test, D::Error> {
        TestRepr::deserialize(d)?.into_test().map_err(serde::de::Error::custom)
    }
}

impl TestRepr {
    fn into_test(self) -> Result<Test, String> {
        use TestType as T;
        let kind = self.kind;
        let allowed: &[&str] = match kind {
            T::DiplomaLevel => &["levels", "include_unrecognised", "fields"],
            T::RelatedDiploma => &["levels", "include_unrecognised"],
            T::Qualification => &["any_of", "same_subject"],
            T::SchoolJob => &["roles", "min_hours", "current"],
            T::Dutch => &["min"],
            T::NoRecentLerarenopleiding | T::MinAge => &["years"],
            T::Study => &["levels", "min_ec", "lerarenopleiding", "related", "fields"],
            T::SubjectIn => &["subjects"],
            T::SectorIn => &["sectors"],
            T::HoursAbove => &["hours"],
            T::AllOf => &["all"],
            T::AnyOf => &["any"],
            T::Not => &["not"],
            _ => &[],
        };
        if let Some(extra) = self.present().into_iter().find(|f| !allowed.contains(f)) {
            return Err(format!(
                "field `{extra}` does not belong to a test of type `{kind}` (it takes: {})",
                allowed.join(", ")
            ));
        }
        let need = |name: &str| format!("a test of type `{kind}` needs `{name}`");
        Ok(match kind {
            T::DiplomaLevel => Test::DiplomaLevel {
                levels: self.levels.ok_or_else(|| need("levels"))?,
                include_unrecognised: self.include_unrecognised.unwrap_or(false),
                fields: self.fields.unwrap_or_default(),
            },
            T::RelatedDiploma => Test::RelatedDiploma {
                levels: self.levels.ok_or_else(|| need("levels"))?,
                include_unrecognised: self.include_unrecognised.unwrap_or(false),
            },
            T::Qualification => Test::Qualification {
                any_of: self.any_of.ok_or_else(|| need("any_of"))?,
                same_subject: self.same_subject.unwrap_or(false),
            },
            T::SchoolJob => Test::SchoolJob {
                roles: self.roles.unwrap_or_default(),
                min_hours: self.min_hours.unwrap_or(0),
                current: self.current.unwrap_or(false),
            },
            T::Geschiktheidsonderzoek => Test::Geschiktheidsonderzoek,
            T::PaboTests => Test::PaboTests,
            T::HboLevelAssessed => Test::HboLevelAssessed,
            T::Dutch => Test::Dutch { min: self.min.ok_or_else(|| need("min"))? },
            T::ForeignOrNonNative => Test::ForeignOrNonNative,
            T::NoRecentLerarenopleiding => {
                Test::NoRecentLerarenopleiding { years: self.years.ok_or_else(|| need("years"))? }
            }
            T::Study => Test::Study {
                levels: self.levels.ok_or_else(|| need("levels"))?,
                min_ec: self.min_ec.ok_or_else(|| need("min_ec"))?,
                lerarenopleiding: self.lerarenopleiding.unwrap_or(false),
                related: self.related.unwrap_or(false),
                fields: self.fields.unwrap_or_default(),
            },
            T::MinAge => Test::MinAge { years: self.years.ok_or_else(|| need("years"))? },
            T::SubjectIn => Test::SubjectIn { subjects: self.subjects.ok_or_else(|| need("subjects"))? },
            T::SectorIn => Test::SectorIn { sectors: self.sectors.ok_or_else(|| need("sectors"))? },
            T::HoursAbove => Test::HoursAbove { hours: self.hours.ok_or_else(|| need("hours"))? },
            T::Vog => Test::Vog,
            T::AllOf => Test::AllOf { all: self.all.ok_or_else(|| need("all"))? },
            T::AnyOf => Test::AnyOf { any: self.any.ok_or_else(|| need("any"))? },
            T::Not => Test::Not { not: self.not.ok_or_else(|| need("not"))? },
        })
    }
}

/// `subject-in`: the offering's subject is one of `subjects`, or (none listed) it has one.
pub fn subject_in(subjects: &[Subject], o: &Offering) -> bool {
    o.subject.is_some_and(|s| subjects.is_empty() || subjects.contains(&s))
}

impl Test {
    /// The test's value when it depends on the offering alone (`sector-in`,
    /// `subject-in` and combinations); `None` when it depends on the person.
    pub fn on_offering(&self, o: &Offering) -> Option<bool> {
        match self {
            Test::SectorIn { sectors } => Some(o.sectors.iter().any(|s| sectors.contains(s))),
            Test::SubjectIn { subjects } => Some(subject_in(subjects, o)),
            Test::Not { not } => not.on_offering(o).map(|b| !b),
            Test::AllOf { all } => all.iter().map(|t| t.on_offering(o)).try_fold(true, |acc, v| v.map(|v| acc && v)),
            Test::AnyOf { any } => any.iter().map(|t| t.on_offering(o)).try_fold(false, |acc, v| v.map(|v| acc || v)),
            _ => None,
        }
    }

    /// Whether the test compares with the offering's subject (so the offering needs one).
    pub fn needs_subject(&self) -> bool {
        match self {
            Test::RelatedDiploma { .. } | Test::Study { related: true, .. } => true,
            Test::AllOf { all: ts } | Test::AnyOf { any: ts } => ts.iter().any(Test::needs_subject),
            Test::Not { not } => not.needs_subject(),
            _ => false,
        }
    }
}
