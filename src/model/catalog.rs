//! A loket's [`Catalog`]: routes at institutions with their intakes, vacancies, places,
//! shortage figures, dated figures (fees, subsidies, pay) and the score weights; its
//! admission rules are in [`crate::model::rule`].
//!
//! Field names keep the meaning of schema.org where it names the concept
//! (`EducationalOccupationalProgram`: `start_date`, `application_deadline`,
//! `time_to_complete`, `educational_program_mode`, `program_prerequisites`,
//! `occupational_credential_awarded`; `JobPosting`: `job_start_date`, `valid_through`,
//! `employment_type`, `work_hours`, `job_location`, `education_requirements`) so a loket's
//! JSON-LD maps on field by field. Unknown fields are rejected, so a typo in a loket's
//! file is reported, not ignored.

use crate::model::date::{Date, Months};
use crate::model::rule::Rule;
use crate::model::vocab::*;
use serde::{Deserialize, Serialize};

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
    /// Open days, meeloopdagen, information evenings and the loket's own events.
    #[serde(default)]
    pub activities: Vec<Activity>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub name: String,
    pub version: String,
    pub generated: Date,
    /// Attribution lines that must be shown with the data (licences of DUO, CBS, GeoNames...).
    pub attribution: Vec<Attribution>,
    /// The region this catalog (or shard) covers, if any.
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub notes: Vec<String>,
    /// How to reach the loket that runs this catalog (set from an overlay by a merge).
    #[serde(default)]
    pub contact: Option<Contact>,
    /// The overlay laid over this catalog, when it is the result of [`Catalog::merge`].
    #[serde(default)]
    pub overlay: Option<OverlayInfo>,
}

/// An attribution line: one text (shown as it is in every language), or the line in each
/// language the widget speaks (`{"nl": "Bron: CBS ...", "en": "Source: CBS ..."}`).
// (Read by the visitor below, serde's "string or struct": a derived untagged enum would
// buffer the value first, and that machinery was 3.9 KB gzip of the wasm.)
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Attribution {
    Text(String),
    Translated(Translated),
}

impl<'de> Deserialize<'de> for Attribution {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Line;
        impl<'de> serde::de::Visitor<'de> for Line {
            type Value = Attribution;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text, or the text in each language: {\"nl\": ..., \"en\": ...}")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Attribution, E> {
                Ok(Attribution::Text(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Attribution, A::Error> {
                Translated::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Attribution::Translated)
            }
        }
        d.deserialize_any(Line)
    }
}

/// A text in Dutch and in English.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Translated {
    pub nl: String,
    pub en: String,
}

impl Attribution {
    /// The line in `lang` (a text without translations in every language).
    pub fn text(&self, lang: Lang) -> &str {
        match self {
            Attribution::Text(t) => t,
            Attribution::Translated(t) => match lang {
                Lang::Nl => &t.nl,
                Lang::En => &t.en,
            },
        }
    }

    /// Every text of the line with where it is in the line (for checks that hold in each
    /// language, and name the text they fault): `("", text)`, or `(".nl", nl)` and `(".en", en)`.
    pub fn texts(&self) -> impl Iterator<Item = (&'static str, &str)> {
        let (a, b) = match self {
            Attribution::Text(t) => (("", t.as_str()), None),
            Attribution::Translated(t) => ((".nl", t.nl.as_str()), Some((".en", t.en.as_str()))),
        };
        std::iter::once(a).chain(b)
    }
}

impl From<String> for Attribution {
    fn from(t: String) -> Self {
        Attribution::Text(t)
    }
}

impl From<&str> for Attribution {
    fn from(t: &str) -> Self {
        Attribution::Text(t.to_string())
    }
}

/// Which overlay a merged catalog carries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OverlayInfo {
    pub name: String,
    pub version: String,
    pub generated: Date,
}

/// How to reach the loket (for the printed summary and the handoff).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    /// A web page of the loket (http or https).
    #[serde(default)]
    pub url: Option<String>,
}

/// An activity (schema.org `Event` / `EducationEvent`): an open day, a meeloopdag, an
/// information evening, the loket's own event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: String,
    pub name: String,
    pub activity_type: ActivityType,
    pub start_date: Date,
    /// Local time (Europe/Amsterdam), `HH:MM`.
    #[serde(default)]
    pub start_time: Option<String>,
    /// The last day, for an activity of more than one day.
    #[serde(default)]
    pub end_date: Option<Date>,
    /// Local time (Europe/Amsterdam), `HH:MM`.
    #[serde(default)]
    pub end_time: Option<String>,
    pub event_attendance_mode: AttendanceMode,
    /// Place id (gemeente code or 4-digit postcode); required unless online.
    #[serde(default)]
    pub location: Option<String>,
    /// The street address as text, shown as is.
    #[serde(default)]
    pub address: Option<String>,
    /// An institution id, or the organizer's name.
    #[serde(default)]
    pub organizer: Option<String>,
    /// The route kinds it is about; empty: teaching in general.
    #[serde(default)]
    pub route_kinds: Vec<RouteKind>,
    /// The sectors it is about; empty: all.
    #[serde(default)]
    pub sectors: Vec<Sector>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// Demonstration data, shown as "voorbeeld".
    #[serde(default)]
    pub demo: bool,
}

/// A loket's own data, laid over a catalog with [`Catalog::merge`]: institutions and
/// offerings added or replaced by id, intakes of catalog offerings replaced, real
/// vacancies replacing the demonstration ones of its region, activities added.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Overlay {
    pub meta: OverlayMeta,
    /// Added, or replacing the catalog's institution with the same id.
    #[serde(default)]
    pub institutions: Vec<Institution>,
    /// Added, or replacing the catalog's offering with the same id.
    #[serde(default)]
    pub offerings: Vec<Offering>,
    /// Replace the intakes of a catalog offering.
    #[serde(default)]
    pub intakes: Vec<OfferingIntakes>,
    /// Real vacancies: when there are any, they replace the catalog's demonstration
    /// vacancies in `meta.region`.
    #[serde(default)]
    pub vacancies: Vec<Vacancy>,
    #[serde(default)]
    pub activities: Vec<Activity>,
}

/// Who made an overlay, and which region it serves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OverlayMeta {
    pub name: String,
    pub version: String,
    pub generated: Date,
    /// The arbeidsmarktregio (`AM13`) the loket serves.
    #[serde(default)]
    pub region: Option<String>,
    /// Attribution lines, appended to the catalog's.
    #[serde(default)]
    pub attribution: Vec<Attribution>,
    #[serde(default)]
    pub contact: Option<Contact>,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// New intakes for a catalog offering, replacing its own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OfferingIntakes {
    /// The offering's id.
    pub offering: String,
    pub intakes: Vec<Intake>,
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

/// A route kind's definition: what it awards and which rules admit to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RouteKindDef {
    pub kind: RouteKind,
    pub qualification: Qualification,
    /// The role at a school the route leads to (absent: `leraar`).
    #[serde(default = "leraar", skip_serializing_if = "is_leraar")]
    pub role: Role,
    pub sectors: Vec<Sector>,
    /// Rule ids checked for every offering of this kind.
    pub rules: Vec<String>,
    /// Sources describing the route as a whole.
    #[serde(default)]
    pub sources: Vec<String>,
}

fn leraar() -> Role {
    Role::Leraar
}

fn is_leraar(r: &Role) -> bool {
    *r == Role::Leraar
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
    /// Place id (gemeente code) where the training is given. A route without training
    /// (`time_to_complete` P0M, herintreding) has no place to travel to: its place is
    /// nominal, and a match gives it no distance and no place name.
    pub place: String,
    pub educational_program_mode: Mode,
    pub occupational_credential_awarded: Qualification,
    pub sectors: Vec<Sector>,
    #[serde(default)]
    pub subject: Option<Subject>,
    /// How long the training takes; P0M: no training (herintreding). Such a route has no
    /// place (see `place`), full travel points, no weekly load of its own, is in every
    /// region shard, and a post is paired with one such route of a kind only.
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
    /// Id of the figure (in `figures`) the cost is taken from (a yearly fee), that pays
    /// for the route (a subsidy, for the employer: `werkgever`), or of the whole course's
    /// fee the school usually pays (`werkgever-meestal`: named, not charged).
    #[serde(default)]
    pub cost_figure: Option<String>,
    /// Id of the figure (in `figures`) of what the person earns while training, per month
    /// (LIO: 50% of the starting salary).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_figure: Option<String>,
    /// Teaching hours a week the route allows someone without a bevoegdheid (hybride docent: 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_teaching_hours: Option<u8>,
}

impl Offering {
    /// Whether the route has training of its own (a duration above zero); herintreding has
    /// none, and so no place to travel to and no weekly load of its own.
    pub fn trains(&self) -> bool {
        self.time_to_complete.0 > 0
    }
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
    /// Place id: the code of a gemeente in `places` (`GM0344`); a postcode is not accepted
    /// (the importer turns one into its gemeente).
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
        let (i, latest) = self.values.iter().enumerate().rfind(|(_, v)| v.valid_from.is_none_or(|f| f <= date))?;
        let until = latest
            .valid_until
            .or_else(|| self.values.get(i + 1).and_then(|next| next.valid_from).map(|next| next.add_days(-1)));
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
    /// Arbeidsmarktregio code (`AM13`) or gemeente code (`GM0344`); absent for a national
    /// figure.
    #[serde(default)]
    pub region: Option<String>,
    /// The arbeidsmarktregio's name (`Midden-Utrecht`), shown instead of its code. (A
    /// gemeente's name comes from `places`.)
    #[serde(default)]
    pub region_name: Option<String>,
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
