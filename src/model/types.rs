//! The data model: a candidate's [`Profile`] and a loket's [`Catalog`].
//!
//! Both are plain serde types. Field names keep the meaning of
//! schema.org where it names the concept (`EducationalOccupationalProgram`:
//! `start_date`, `application_deadline`, `time_to_complete`,
//! `educational_program_mode`, `program_prerequisites`,
//! `occupational_credential_awarded`; `JobPosting`: `job_start_date`,
//! `valid_through`, `employment_type`, `work_hours`, `job_location`,
//! `education_requirements`) so a loket's JSON-LD maps on field by field.
//! Unknown fields are rejected, so a typo in a loket's file is reported, not ignored.

use crate::model::date::{Date, Months};
use crate::model::vocab::*;
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------- profile

/// What a candidate tells about themself. Everything is optional except what
/// cannot be defaulted sensibly; an empty profile `{}` is valid.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Diplomas held (all of them, not only the highest).
    #[serde(default)]
    pub diplomas: Vec<Diploma>,
    /// Teaching qualifications (bevoegdheden) already held.
    #[serde(default)]
    pub qualifications: Vec<HeldQualification>,
    /// A current job, or a signed job offer, at a school.
    #[serde(default)]
    pub job: Option<Job>,
    /// A study the candidate is enrolled in now.
    #[serde(default)]
    pub study: Option<Study>,
    /// The last date the candidate was enrolled at a lerarenopleiding without graduating.
    #[serde(default)]
    pub lerarenopleiding_left: Option<Date>,
    /// Sectors the candidate would like to teach in (empty: no preference).
    #[serde(default)]
    pub sectors: Vec<Sector>,
    /// Subjects the candidate would like to teach (empty: no preference).
    #[serde(default)]
    pub subjects: Vec<Subject>,
    /// Hours a week available for training and work together (absent: not limited).
    #[serde(default)]
    pub hours_per_week: Option<u8>,
    /// Earliest date the candidate can start.
    #[serde(default)]
    pub available_from: Option<Date>,
    #[serde(default)]
    pub earn_while_learning: EarnWish,
    /// Where the candidate lives.
    #[serde(default)]
    pub location: Option<Location>,
    /// Maximum one-way travel distance in km, as the crow flies.
    #[serde(default)]
    pub max_travel_km: Option<u16>,
    /// Dutch language level (absent: not stated).
    #[serde(default)]
    pub dutch: Option<Dutch>,
    /// Age in whole years today (absent: not stated).
    #[serde(default)]
    pub age: Option<u8>,
    /// Date of birth; when given, age rules use the age at the start of the intake.
    #[serde(default)]
    pub birth_date: Option<Date>,
    /// Pabo admission tests already passed.
    #[serde(default)]
    pub pabo_tests_passed: Vec<PaboTest>,
    /// A positive geschiktheidsonderzoek (zij-instroom suitability assessment).
    #[serde(default)]
    pub geschiktheidsonderzoek_passed: bool,
    /// An assessment has shown hbo working level (for mbo-4 holders).
    #[serde(default)]
    pub hbo_level_assessed: bool,
    /// Has a VOG (Verklaring Omtrent het Gedrag, certificate of conduct).
    #[serde(default)]
    pub vog: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Diploma {
    pub level: Level,
    /// Study field, e.g. `wiskunde`, `werktuigbouwkunde`; related to subjects via the catalog's relatedness table.
    #[serde(default)]
    pub field: Option<String>,
    /// Earned abroad.
    #[serde(default)]
    pub foreign: bool,
    /// For a foreign diploma: its level is recognised (diplomawaardering).
    #[serde(default)]
    pub recognised: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HeldQualification {
    pub qualification: Qualification,
    #[serde(default)]
    pub subject: Option<Subject>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Job {
    pub sector: Sector,
    pub role: Role,
    pub hours_per_week: u8,
    /// First working day (absent: already working).
    #[serde(default)]
    pub start_date: Option<Date>,
    /// True for an offer that has not started yet.
    #[serde(default)]
    pub offer: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Study {
    /// The level the study leads to, e.g. `wo-bachelor`.
    pub level: Level,
    #[serde(default)]
    pub field: Option<String>,
    /// Credits (EC) earned so far.
    pub ec: u16,
    /// The study is a lerarenopleiding (including a pabo).
    #[serde(default)]
    pub lerarenopleiding: bool,
}

/// Where a candidate lives: a 4-digit postcode or a CBS gemeente code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Location {
    #[serde(default)]
    pub postcode: Option<String>,
    #[serde(default)]
    pub gemeente: Option<String>,
}

// ---------------------------------------------------------------- catalog

/// Everything a matcher needs: rules, routes, intakes, vacancies, places, figures, weights.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub meta: Meta,
    #[serde(default)]
    pub sources: Vec<Source>,
    pub rules: Vec<Rule>,
    pub route_kinds: Vec<RouteKindDef>,
    #[serde(default)]
    pub relatedness: Vec<Relatedness>,
    #[serde(default)]
    pub institutions: Vec<Institution>,
    pub offerings: Vec<Offering>,
    #[serde(default)]
    pub vacancies: Vec<Vacancy>,
    #[serde(default)]
    pub places: Vec<Place>,
    /// 4-digit postcodes as a compact table: `["3511", 52.0918, 5.1175, "GM0344"]`.
    #[serde(default)]
    pub postcodes: Vec<Postcode>,
    #[serde(default)]
    pub shortages: Vec<Shortage>,
    /// Dated amounts and figures (fees, subsidies, pay) with their sources.
    #[serde(default)]
    pub figures: Vec<Figure>,
    pub weights: Weights,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub name: String,
    pub version: String,
    pub generated: Date,
    /// Attribution lines that must be shown with the data (licences of DUO, CBS, GeoNames...).
    pub attribution: Vec<String>,
    /// The region this catalog (or shard) covers, if any.
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// A public source a rule or figure rests on (ids as in ROUTES.md section 12).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub url: String,
    #[serde(default)]
    pub year: Option<String>,
}

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
    /// A job or signed offer at a school in one of the offering's sectors.
    SchoolJob {
        #[serde(default)]
        roles: Vec<Role>,
        #[serde(default)]
        min_hours: u8,
    },
    /// A positive geschiktheidsonderzoek.
    Geschiktheidsonderzoek,
    /// All three pabo admission tests passed.
    PaboTests,
    /// An assessment showed hbo working level.
    HboLevelAssessed,
    /// Dutch at least at this level.
    Dutch { min: Dutch },
    /// Has a foreign diploma or is not a native speaker of Dutch (or did not say).
    ForeignOrNonNative,
    /// Not enrolled at a lerarenopleiding (without graduating) in the last `years` years.
    NoRecentLerarenopleiding { years: u8 },
    /// Enrolled now in a study at one of these levels with at least `min_ec` credits.
    Study {
        levels: Vec<Level>,
        min_ec: u16,
        #[serde(default)]
        lerarenopleiding: bool,
        /// The study's field must be related to the offering's subject.
        #[serde(default)]
        related: bool,
    },
    /// At least this old.
    MinAge { years: u8 },
    /// The offering's subject is one of these.
    SubjectIn { subjects: Vec<Subject> },
    /// The offering is in one of these sectors.
    SectorIn { sectors: Vec<Sector> },
    /// The person wants more than this many hours a week (`hours_per_week`).
    HoursAbove { hours: u8 },
    /// Has a VOG (certificate of conduct).
    Vog,
    AllOf { all: Vec<Test> },
    AnyOf { any: Vec<Test> },
    Not { not: Box<Test> },
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
    min: Option<Dutch>,
    years: Option<u8>,
    min_ec: Option<u16>,
    lerarenopleiding: Option<bool>,
    related: Option<bool>,
    subjects: Option<Vec<Subject>>,
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
        add(self.min.is_some(), "min");
        add(self.years.is_some(), "years");
        add(self.min_ec.is_some(), "min_ec");
        add(self.lerarenopleiding.is_some(), "lerarenopleiding");
        add(self.related.is_some(), "related");
        add(self.subjects.is_some(), "subjects");
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
        if let Some(extra) = self.present().into_iter().find(|f| !allowed.contains(f)) {
            return Err(format!("field `{extra}` does not belong to a test of type `{kind}` (it takes: {})", allowed.join(", ")));
        }
        let need = |name: &str| format!("a test of type `{kind}` needs `{name}`");
        Ok(match kind {
            T::DiplomaLevel => Test::DiplomaLevel {
                levels: self.levels.ok_or_else(|| need("levels"))?,
                include_unrecognised: self.include_unrecognised.unwrap_or(false),
            },
            T::RelatedDiploma => Test::RelatedDiploma {
                levels: self.levels.ok_or_else(|| need("levels"))?,
                include_unrecognised: self.include_unrecognised.unwrap_or(false),
            },
            T::Qualification => Test::Qualification {
                any_of: self.any_of.ok_or_else(|| need("any_of"))?,
                same_subject: self.same_subject.unwrap_or(false),
            },
            T::SchoolJob => Test::SchoolJob { roles: self.roles.unwrap_or_default(), min_hours: self.min_hours.unwrap_or(0) },
            T::Geschiktheidsonderzoek => Test::Geschiktheidsonderzoek,
            T::PaboTests => Test::PaboTests,
            T::HboLevelAssessed => Test::HboLevelAssessed,
            T::Dutch => Test::Dutch { min: self.min.ok_or_else(|| need("min"))? },
            T::ForeignOrNonNative => Test::ForeignOrNonNative,
            T::NoRecentLerarenopleiding => Test::NoRecentLerarenopleiding { years: self.years.ok_or_else(|| need("years"))? },
            T::Study => Test::Study {
                levels: self.levels.ok_or_else(|| need("levels"))?,
                min_ec: self.min_ec.ok_or_else(|| need("min_ec"))?,
                lerarenopleiding: self.lerarenopleiding.unwrap_or(false),
                related: self.related.unwrap_or(false),
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

impl Test {
    /// The test's value when it depends on the offering alone (`sector-in`,
    /// `subject-in` and combinations); `None` when it depends on the person.
    pub fn on_offering(&self, o: &Offering) -> Option<bool> {
        match self {
            Test::SectorIn { sectors } => Some(o.sectors.iter().any(|s| sectors.contains(s))),
            Test::SubjectIn { subjects } => Some(o.subject.is_some_and(|s| subjects.contains(&s))),
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

/// A route kind's definition: what it awards and which rules admit to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RouteKindDef {
    pub kind: RouteKind,
    pub qualification: Qualification,
    pub sectors: Vec<Sector>,
    /// Rule ids checked for every offering of this kind.
    pub rules: Vec<String>,
    /// Sources describing the route as a whole.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Which study fields count as related (verwant) to which subjects.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Relatedness {
    pub field: String,
    pub subjects: Vec<Subject>,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Institution {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// A route kind at an institution and place (schema.org EducationalOccupationalProgram).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Offering {
    pub id: String,
    pub kind: RouteKind,
    pub name: String,
    pub institution: String,
    /// Place id (gemeente code) where the training is given.
    pub place: String,
    pub educational_program_mode: Mode,
    pub occupational_credential_awarded: Qualification,
    pub sectors: Vec<Sector>,
    #[serde(default)]
    pub subject: Option<Subject>,
    pub time_to_complete: Months,
    /// Study load in hours a week, including placement and (for work-learn routes) the job.
    pub weekly_hours: u8,
    /// What the candidate pays per year, when the offering states its own amount.
    /// Without it the amount is `cost_figure`'s value at the intake's start (for a fee),
    /// or nothing (paid by the employer, or no cost).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_eur_per_year: Option<u32>,
    pub cost_basis: CostBasis,
    pub paid_while_learning: bool,
    /// Rule ids checked in addition to the kind's rules.
    #[serde(default)]
    pub program_prerequisites: Vec<String>,
    /// Dated intake moments (cohorts).
    #[serde(default)]
    pub intakes: Vec<Intake>,
    /// The route can start on any day (herintreding, hybride docent): no cohorts.
    #[serde(default)]
    pub rolling_intake: bool,
    #[serde(default)]
    pub url: Option<String>,
    /// CROHO code, for programmes in the register.
    #[serde(default)]
    pub croho: Option<String>,
    /// Id of the figure (in `figures`) the cost is taken from (a fee), or that pays for
    /// the route (a subsidy, for the employer).
    #[serde(default)]
    pub cost_figure: Option<String>,
    /// Teaching hours a week the route allows someone without a bevoegdheid (hybride docent: 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_teaching_hours: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Intake {
    pub start_date: Date,
    #[serde(default)]
    pub application_deadline: Option<Date>,
    /// Days needed before the start for steps such as the geschiktheidsonderzoek.
    #[serde(default)]
    pub lead_time_days: u16,
    #[serde(default)]
    pub status: IntakeStatus,
}

/// A job at a school (schema.org JobPosting).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Vacancy {
    pub id: String,
    pub title: String,
    pub employer: String,
    /// Place id (gemeente code or postcode).
    pub job_location: String,
    pub sector: Sector,
    #[serde(default)]
    pub subject: Option<Subject>,
    pub role: Role,
    /// Hours a week.
    pub work_hours: u8,
    pub employment_type: EmploymentType,
    pub job_start_date: Date,
    pub valid_through: Date,
    /// The school will employ someone who is still training (zij-instroom, PDG, LIO...).
    pub accepts_in_training: bool,
    /// Qualifications accepted from someone not in training.
    #[serde(default)]
    pub education_requirements: Vec<Qualification>,
    #[serde(default)]
    pub url: Option<String>,
    /// True for demonstration data.
    #[serde(default)]
    pub demo: bool,
}

/// A gemeente (`GM0344`) or 4-digit postcode (`3511`) with its coordinates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// Arbeidsmarktregio code (`AM13`).
    #[serde(default)]
    pub region: Option<String>,
}

/// A 4-digit postcode: id, latitude, longitude, gemeente (a place id).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Postcode(pub String, pub f64, pub f64, pub String);

/// A figure from a source with values by date (a fee, a subsidy, a salary): a parameter
/// in OpenFisca's sense. The engine looks up the value for the period it computes (the
/// start of the intake a person would join), not the value of the day the catalog was
/// built.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    /// `eur`, `eur-per-year`, `eur-per-month`, `percent`, `hours-per-week`, ...
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The values, oldest first. A value holds from its `valid_from` until its
    /// `valid_until`, or else until the next value starts; periods do not overlap.
    pub values: Vec<FigureValue>,
}

/// One dated value of a [`Figure`], with its sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FigureValue {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
    pub value: f64,
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "SourceStatus::is_confirmed")]
    pub status: SourceStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A figure's value on a date, as the engine uses it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FigureOn<'a> {
    pub value: &'a FigureValue,
    /// No value covers the date: this is the latest value before it, carried forward
    /// (so only an estimate).
    pub carried_forward: bool,
}

impl Figure {
    /// The value that holds on `date`: the one whose period covers it, else the latest
    /// one that started before it (carried forward). `None` before the first value.
    pub fn on(&self, date: Date) -> Option<FigureOn<'_>> {
        let started: Vec<(usize, &FigureValue)> =
            self.values.iter().enumerate().filter(|(_, v)| v.valid_from.is_none_or(|f| f <= date)).collect();
        let &(i, latest) = started.last()?;
        let until = latest.valid_until.or_else(|| {
            self.values.get(i + 1).and_then(|next| next.valid_from).map(|next| next.add_days(-1))
        });
        let covers = until.is_none_or(|u| date <= u);
        Some(FigureOn { value: latest, carried_forward: !covers })
    }
}

/// A measured shortage, as a percentage of jobs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Shortage {
    pub sector: Sector,
    #[serde(default)]
    pub subject: Option<Subject>,
    /// Arbeidsmarktregio code; absent for a national figure.
    #[serde(default)]
    pub region: Option<String>,
    pub percent: f64,
    pub peildatum: Date,
    pub source: String,
}

/// The maximum points of each score factor; they must add up to 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub sector: u8,
    pub subject: u8,
    /// The route leads to a teaching qualification (bevoegdheid).
    pub qualification: u8,
    pub hours: u8,
    pub earn_while_learning: u8,
    pub cost: u8,
    pub duration: u8,
    pub time_to_start: u8,
    pub travel: u8,
    pub shortage: u8,
}

impl Weights {
    pub fn total(&self) -> u32 {
        [
            self.sector,
            self.subject,
            self.qualification,
            self.hours,
            self.earn_while_learning,
            self.cost,
            self.duration,
            self.time_to_start,
            self.travel,
            self.shortage,
        ]
        .iter()
        .map(|w| u32::from(*w))
        .sum()
    }
}
