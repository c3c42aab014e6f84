//! What goes out: the one result type the CLI prints as JSON and the wasm API returns
//! as a plain object (field names and order as declared here), and the plain-text report.
//! These types are output only; the engine's working state lives in [`crate::engine`].

pub mod text;

use crate::model::date::{Date, Months};
use crate::model::vocab::*;
use serde::Serialize;

/// A message: a stable id with parameters, and its rendering in the requested language.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Text {
    pub id: String,
    /// Parameters by name (vocabulary ids, dates, numbers); left out when empty.
    #[serde(skip_serializing_if = "Params::is_empty")]
    pub params: Params,
    pub text: String,
}

pub use crate::i18n::Params;

impl Text {
    /// Message `id` with `params`, rendered in `lang` from the translation store.
    pub fn new(lang: Lang, id: &str, params: &[(&str, String)]) -> Text {
        let params: Params = params.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        let text = crate::i18n::render(lang, id, &params);
        Text { id: id.to_string(), params, text }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatchResult {
    pub catalog: String,
    pub catalog_version: String,
    pub today: Date,
    pub lang: Lang,
    /// Every offering, in rank order.
    pub routes: Vec<RouteResult>,
    /// The best route + intake + vacancy combinations.
    pub pathways: Vec<Pathway>,
    /// For the best closed or conditional routes: the smallest change that opens them.
    pub what_if: Vec<WhatIf>,
    /// The answer first, in words: what is open, the best start, what to do first.
    pub summary: Vec<Text>,
    /// One entry per route kind with a route shown, in rank order: its best verdict and
    /// offering, how many offerings it has, and for a kind without an open offering the
    /// change that would open it.
    pub kinds: Vec<KindSummary>,
    /// How many offerings got each verdict (all of them, whatever `limit` listed).
    pub counts: Counts,
    /// Things the candidate should know about the input (an unknown postcode, say).
    pub notices: Vec<Text>,
    /// Activities for this person (open days, meeloopdagen, information evenings, the
    /// loket's own events), by date: none that has ended; online ones, and others within
    /// their travel distance (without a location: in the catalog's region); about the
    /// kinds of route open to them (or teaching in general) and their sectors.
    pub activities: Vec<ActivityMatch>,
    /// How many more activities matched than are listed.
    pub activities_more: u32,
}

/// An activity, with what a list and a calendar entry need.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActivityMatch {
    pub id: String,
    pub name: String,
    pub activity_type: ActivityType,
    pub start_date: Date,
    /// Local time (Europe/Amsterdam), `HH:MM`.
    pub start_time: Option<String>,
    pub end_date: Option<Date>,
    pub end_time: Option<String>,
    pub mode: AttendanceMode,
    /// The place's name (its id when the catalog lacks it); none for an online activity
    /// without a place.
    pub place: Option<String>,
    /// As the crow flies from the person's location, when both are known.
    pub distance_km: Option<f64>,
    pub address: Option<String>,
    /// The organizer's name (an institution's name, when the activity names its id).
    pub organizer: Option<String>,
    pub url: Option<String>,
    pub description: Option<String>,
    /// The kinds of route open to the person that the activity is about; empty when it
    /// is about teaching in general.
    pub route_kinds: Vec<RouteKind>,
    pub demo: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Counts {
    pub eligible: u32,
    pub conditional: u32,
    pub ineligible: u32,
    /// Offerings left out by the candidate's filters (not in the counts above).
    pub hidden: u32,
}

/// A route kind as one card: its best offering and how many more there are.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KindSummary {
    pub kind: RouteKind,
    pub role: Role,
    pub qualification: Qualification,
    pub sectors: Vec<Sector>,
    /// The best verdict among its offerings.
    pub eligibility: Eligibility,
    /// The best-ranked offering (id, as in `routes`; for a kind outside the person's
    /// choices matched with `outside` false, an id only: the route is not in `routes`).
    pub best: String,
    /// Its offerings shown (after filters), and how many of them are open.
    pub offerings: u32,
    pub open: u32,
    /// Outside the sectors or roles the candidate asked for (a client hides these until
    /// asked).
    pub outside: bool,
    /// For a kind with no eligible offering: the smallest change that opens its best one.
    pub what_if: Option<WhatIf>,
    /// With `per_kind`, for an open kind: its other offerings that are open too, in the
    /// person's subjects, briefly ("also at ..."): the first `per_kind` - 1 in the order
    /// asked for (best fit, nearest, soonest start or lowest cost). Empty for a closed kind
    /// (its card says why it is closed and what would open it), and for a kind outside the
    /// person's choices matched with `outside` false (`others_total` still counts them).
    pub others: Vec<OfferingBrief>,
    /// How many offerings fit `others` in all (listed or not); for a closed kind, its
    /// other places (in the person's subjects, when they named any).
    pub others_total: u32,
    /// For a closed kind whose places each teach one subject, none of them a subject the
    /// person wants or one their diplomas' fields are related to: the subjects it is
    /// offered in (in the vocabulary's order), so that they see it is not offered for
    /// theirs (a chemist and an educatieve master offered only in languages and social
    /// sciences). Empty otherwise (and when the person named no subject and no field).
    pub subjects: Vec<Subject>,
}

/// An offering in a few words, for "also at N other places".
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OfferingBrief {
    pub offering: String,
    pub rank: u32,
    pub name: String,
    pub institution: String,
    pub place: String,
    pub mode: Mode,
    pub eligibility: Eligibility,
    pub distance_km: Option<f64>,
    pub start_date: Option<Date>,
    pub cost_eur_per_year: u32,
    pub paid_while_learning: bool,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RouteResult {
    pub rank: u32,
    /// Outside the sectors or roles the candidate asked for.
    pub outside: bool,
    pub offering: String,
    pub name: String,
    pub kind: RouteKind,
    /// The role at a school the route leads to.
    pub role: Role,
    pub institution: String,
    pub place: String,
    pub mode: Mode,
    pub qualification: Qualification,
    pub sectors: Vec<Sector>,
    pub subject: Option<Subject>,
    pub eligibility: Eligibility,
    pub score: u32,
    pub factors: Vec<Factor>,
    pub blockers: Vec<Finding>,
    pub conditions: Vec<Finding>,
    /// Rules checked and met.
    pub satisfied: Vec<String>,
    /// Rules met on a fact the sources do not settle (status unconfirmed, conflict or
    /// dated): the verdict rests on them, so their status is shown with it. Also in
    /// `satisfied`.
    pub unsure: Vec<Finding>,
    pub next_intake: Option<IntakeTiming>,
    pub distance_km: Option<f64>,
    /// What the candidate pays per year for the period of `next_intake` (0 when the
    /// employer pays or the route is free).
    pub cost_eur_per_year: u32,
    /// The offering's basis, or `instellingscollegegeld` where a rule puts the institutional
    /// fee instead of the statutory one for this person.
    pub cost_basis: CostBasis,
    /// The dated figure behind the amount, when it is not the offering's own: the fee; for
    /// a route the employer pays, the subsidy that pays for it; for `werkgever-meestal`, the
    /// whole course's fee the school usually pays.
    pub cost_source: Option<AmountSource>,
    pub paid_while_learning: bool,
    /// What the person earns per month while training, where the data has an amount
    /// (LIO: 50% of the starting salary), with its source and status.
    pub pay: Option<Pay>,
    /// Earlier intakes the person cannot join yet (a minimum age, a waiting time), with
    /// the rules that block them; `next_intake` is the first at which the rules hold.
    pub skipped_intakes: Vec<SkippedIntake>,
    pub duration: Months,
    pub weekly_hours: u8,
    pub url: Option<String>,
}

/// One named part of the score.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Factor {
    pub factor: &'static str,
    pub points: u32,
    pub max: u32,
    pub reason: Text,
}

/// Where an amount comes from: a figure's value for a period, with its sources and how
/// sure it is.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AmountSource {
    pub figure: String,
    /// The figure's value used (in its unit: a fee, a subsidy, pay per month).
    pub value: f64,
    pub valid_from: Option<Date>,
    pub valid_until: Option<Date>,
    /// `unconfirmed` (or weaker) also when no value covers the period and the nearest one
    /// stands in (`estimated`).
    pub status: SourceStatus,
    /// No published value covers the period: the nearest one stands in.
    pub estimated: bool,
    pub sources: Vec<SourceRef>,
}

/// Pay while training.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Pay {
    pub eur_per_month: f64,
    pub source: AmountSource,
}

/// An intake the person cannot join yet.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SkippedIntake {
    pub start_date: Date,
    /// The rules that block it (by id).
    pub rules: Vec<String>,
    pub text: Text,
}

/// A blocker or condition, traced to its rule and source.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    pub rule: String,
    /// For a blocker that time alone lifts (a minimum age, a waiting time): the day it
    /// stops blocking for this person.
    pub lifted_on: Option<Date>,
    pub message: Text,
    /// What the candidate can do (conditions only).
    pub action: Option<Text>,
    pub sources: Vec<SourceRef>,
    pub status: SourceStatus,
    pub valid_from: Option<Date>,
    pub valid_until: Option<Date>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SourceRef {
    pub id: String,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IntakeTiming {
    pub start_date: Date,
    pub application_deadline: Option<Date>,
    /// The last day to act: the deadline, or earlier when a lead time (geschiktheidsonderzoek) must fit.
    pub apply_by: Date,
    pub lead_time_days: u16,
    pub status: IntakeStatus,
    pub expected_qualification: Date,
    /// The route has no cohorts (herintreding, hybride docent, instructeur): it starts
    /// whenever the person can, with no deadline.
    pub rolling: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Pathway {
    pub rank: u32,
    pub offering: String,
    /// The offering's name and institution, as the routes list shows them.
    pub name: String,
    pub institution: String,
    /// Where the training is, and how far from the person (km, as the crow flies; none
    /// without a place), as the routes list shows them: the vacancy may be near while the
    /// training is not.
    pub place: String,
    pub distance_km: Option<f64>,
    /// The route asks for a job (zij-instroom, PDG: a school's appointment) or is one (a
    /// route without training: herintreding): a pathway without a vacancy has yet to find
    /// one; else the route needs none.
    pub needs_job: bool,
    pub kind: RouteKind,
    pub eligibility: Eligibility,
    pub intake: IntakeTiming,
    pub vacancy: Option<VacancyMatch>,
    /// The pathway uses the person's own job or signed offer instead of a vacancy.
    pub own_job: bool,
    pub score: u32,
    /// Misalignments between training and job.
    pub flags: Vec<Text>,
    pub timeline: Vec<TimelineEvent>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VacancyMatch {
    pub id: String,
    pub title: String,
    pub employer: String,
    pub place: String,
    pub distance_km: Option<f64>,
    pub job_start_date: Date,
    pub valid_through: Date,
    pub work_hours: u8,
    pub employment_type: EmploymentType,
    pub url: Option<String>,
    pub demo: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimelineEvent {
    pub date: Date,
    /// `request-go`, `geschiktheidsonderzoek`, `apply`, `intake`, `start-teaching` (a
    /// teaching job's first day) or `start-work` (other work in a school: onderwijsassistent,
    /// leraarondersteuner), `qualified` or `completed`.
    pub event: &'static str,
    pub text: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WhatIf {
    pub offering: String,
    /// The offering's name and institution, as the routes list shows them.
    pub name: String,
    pub institution: String,
    pub kind: RouteKind,
    pub from: Eligibility,
    pub to: Eligibility,
    pub changes: Vec<Text>,
}
