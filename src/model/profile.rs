//! A candidate's [`Profile`]: what they tell about themself. Everything is optional; an
//! empty profile `{}` is valid. Unknown fields are rejected, so a typo is reported.

use crate::model::date::Date;
use crate::model::vocab::*;
use serde::{Deserialize, Serialize};

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
    /// Roles the candidate would like at a school: `leraar`, `onderwijsassistent`,
    /// `leraarondersteuner`, `instructeur` (empty: no preference).
    #[serde(default)]
    pub roles: Vec<Role>,
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
    /// Coordinates of the place (WGS84), for a place the catalog does not hold (a region
    /// shard holds only its own places; the widget resolves names and postcodes with the
    /// national place table). Used when the catalog does not know the postcode or gemeente.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

/// A study field as typed by a person ("Toegepaste Wiskunde") in the form of the
/// relatedness table's keys ("toegepaste-wiskunde"). A field in that form already (as the
/// widget sends it) is borrowed: the rules compare fields for every offering of a match.
pub fn normalise_field(field: &str) -> std::borrow::Cow<'_, str> {
    let separator = |c: char| c.is_whitespace() || c == '_' || c == '-';
    let bytes = field.as_bytes();
    let normal = bytes.first() != Some(&b'-')
        && bytes.last() != Some(&b'-')
        && !bytes.windows(2).any(|w| w == b"--")
        && (bytes.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
            || field.chars().all(|c| c == '-' || (!separator(c) && c.to_lowercase().eq([c]))));
    if normal {
        return std::borrow::Cow::Borrowed(field);
    }
    let words: Vec<String> = field.split(separator).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    std::borrow::Cow::Owned(words.join("-"))
}
