//! The score: 0-100 as the sum of named factors, each with points and a reason.
//!
//! A factor's maximum is its weight from the catalog (weights add up to 100), so the
//! score never leaves 0..=100. Each factor is a plain function of its inputs, monotone
//! where a person expects it (more hours never lower the hours factor, a nearer
//! route never scores lower on travel).

use crate::engine::timing::NextIntake;
use crate::model::date::Date;
use crate::model::vocab::{EarnWish, Qualification, Role, Sector, Subject};
use crate::model::{Catalog, Offering, Profile, Weights};

/// A message before rendering: id and parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Msg {
    pub id: &'static str,
    pub params: Vec<(&'static str, String)>,
}

impl Msg {
    /// The message in `lang`, as the result shows it.
    pub fn render(&self, lang: crate::model::vocab::Lang) -> crate::result::Text {
        crate::result::Text::new(lang, self.id, &self.params)
    }

    pub fn new(id: &'static str) -> Msg {
        Msg { id, params: Vec::new() }
    }
    pub fn with(mut self, key: &'static str, value: impl ToString) -> Msg {
        self.params.push((key, value.to_string()));
        self
    }
}

/// Why a factor got its points, without allocating: turned into a [`Msg`] only for
/// the routes that are shown (scoring runs for every offering on every match).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reason {
    SectorOpen,
    SectorMatch(Sector),
    SectorMismatch,
    SubjectNone,
    /// A route kind that has subjects, at an offering whose subject is not known (a
    /// language the vocabulary lacks, an international programme).
    SubjectUnknown,
    SubjectOpen,
    /// A vo or mbo route for any subject, for someone who named subjects.
    SubjectAny,
    SubjectMatch(Subject),
    SubjectMismatch(Subject),
    QualificationNone,
    QualificationHeld(Qualification),
    QualificationAwarded(Qualification),
    /// A route that awards nothing new, for someone who holds a bevoegdheid for its sector
    /// (herintreding): they teach with what they hold.
    QualificationUsesHeld(Qualification),
    /// A route to a role without a bevoegdheid that the person asked for.
    RoleWanted(Role),
    /// A route to a role the person did not ask for (or, with no roles given, a route that
    /// leads to no teaching qualification).
    RoleNotWanted(Role),
    HoursOpen,
    /// A route without training: the hours are the job's.
    HoursJob,
    HoursFit {
        route_hours: u8,
        hours: u8,
    },
    EarnPaid,
    EarnUnpaidOk,
    EarnUnpaid,
    Cost(u32),
    Duration(u16),
    StartDays(i64),
    /// Days from the candidate's `available_from` (later than today) to the next start.
    StartDaysAfterAvailable(i64),
    StartNone,
    TravelUnknown,
    /// A route without training: nothing to travel to (the posts paired with it are near).
    TravelNone,
    TravelKm {
        km: f64,
        max_km: u16,
        /// Whether the person gave the maximum (else it is the default).
        stated: bool,
    },
    /// Index into the catalog's `shortages`.
    Shortage(usize),
    ShortageUnknown,
}

impl Reason {
    /// The message for this reason; `o` is the offering scored, `c` its catalog.
    pub fn msg(&self, o: &Offering, c: &Catalog) -> Msg {
        match *self {
            Reason::SectorOpen => Msg::new("factor.sector.open"),
            Reason::SectorMatch(s) => Msg::new("factor.sector.match").with("sector", s),
            Reason::SectorMismatch => Msg::new("factor.sector.mismatch").with("sectors", crate::i18n::ids(&o.sectors)),
            Reason::SubjectNone => Msg::new("factor.subject.none"),
            Reason::SubjectUnknown => Msg::new("factor.subject.unknown"),
            Reason::SubjectOpen => Msg::new("factor.subject.open"),
            Reason::SubjectAny => Msg::new("factor.subject.any"),
            Reason::SubjectMatch(s) => Msg::new("factor.subject.match").with("subject", s),
            Reason::SubjectMismatch(s) => Msg::new("factor.subject.mismatch").with("subject", s),
            Reason::QualificationNone => Msg::new("factor.qualification.none"),
            Reason::QualificationHeld(q) => Msg::new("factor.qualification.held").with("qualification", q),
            Reason::QualificationAwarded(q) => Msg::new("factor.qualification.awarded").with("qualification", q),
            Reason::QualificationUsesHeld(q) => Msg::new("factor.qualification.uses-held").with("qualification", q),
            Reason::RoleWanted(r) => Msg::new("factor.qualification.role-wanted").with("role", r),
            Reason::RoleNotWanted(r) => Msg::new("factor.qualification.role-not-wanted").with("role", r),
            Reason::HoursOpen => Msg::new("factor.hours.open"),
            Reason::HoursJob => Msg::new("factor.hours.job"),
            Reason::HoursFit { route_hours, hours } => {
                Msg::new("factor.hours.fit").with("route_hours", route_hours).with("hours", hours)
            }
            // A route without training (herintreding) is the job itself.
            Reason::EarnPaid if !o.trains() => Msg::new("factor.earn.paid-job"),
            Reason::EarnPaid => Msg::new("factor.earn.paid"),
            Reason::EarnUnpaidOk => Msg::new("factor.earn.unpaid-ok"),
            Reason::EarnUnpaid => Msg::new("factor.earn.unpaid"),
            // The school usually, not always, pays the course fee (the PDG).
            Reason::Cost(total) if o.cost_basis == crate::model::vocab::CostBasis::WerkgeverMeestal => {
                Msg::new("factor.cost.usually-employer").with("total", total)
            }
            Reason::Cost(total) => Msg::new("factor.cost").with("total", total),
            Reason::Duration(0) => Msg::new("factor.duration.none"),
            Reason::Duration(months) => Msg::new("factor.duration").with("months", months),
            Reason::StartDays(days) => Msg::new("factor.start.days").with("days", days),
            Reason::StartDaysAfterAvailable(days) => Msg::new("factor.start.days-after-available").with("days", days),
            Reason::StartNone => Msg::new("factor.start.none"),
            Reason::TravelUnknown => Msg::new("factor.travel.unknown"),
            Reason::TravelNone => Msg::new("factor.travel.none"),
            Reason::TravelKm { km, max_km, stated } => {
                Msg::new(if stated { "factor.travel.km" } else { "factor.travel.km-default" })
                    .with("km", format_km(km))
                    .with("max_km", max_km)
            }
            Reason::Shortage(i) => match c.shortages.get(i) {
                Some(sh) => {
                    // Where the figure counts, by name: a gemeente (from the places), an
                    // arbeidsmarktregio (by its code only when the data has no name), or the
                    // whole country. Each with and without a subject.
                    let (ids, at) = match sh.region.as_deref() {
                        Some(r) if crate::model::validate::is_gemeente(r) => {
                            let name = c.places.iter().find(|p| p.id == r).map_or(r, |p| p.name.as_str());
                            (["factor.shortage.place", "factor.shortage.place-subject"], Some(name))
                        }
                        Some(r) => (
                            ["factor.shortage.region", "factor.shortage.region-subject"],
                            Some(sh.region_name.as_deref().unwrap_or(r)),
                        ),
                        None => (["factor.shortage.national", "factor.shortage.national-subject"], None),
                    };
                    let mut m = Msg::new(ids[usize::from(sh.subject.is_some())])
                        .with("sector", sh.sector)
                        .with("percent", format_km(sh.percent))
                        .with("peildatum", sh.peildatum);
                    if let Some(s) = sh.subject {
                        m = m.with("subject", s);
                    }
                    if let Some(at) = at {
                        m = m.with("where", at);
                    }
                    m
                }
                None => Msg::new("factor.shortage.unknown"),
            },
            Reason::ShortageUnknown => Msg::new("factor.shortage.unknown"),
        }
    }
}

/// One computed factor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FactorValue {
    pub factor: &'static str,
    pub points: u32,
    pub max: u32,
    pub reason: Reason,
}

/// Everything a route's score depends on besides the profile and offering.
pub struct Inputs<'a> {
    pub weights: &'a Weights,
    pub today: Date,
    pub timing: Option<&'a NextIntake>,
    pub distance_km: Option<f64>,
    /// Where the person lives is known (a point to measure from).
    pub located: bool,
    /// The yearly cost for the intake's period.
    pub cost: crate::engine::money::Cost,
    /// The shortage figure that applies: index into the catalog's `shortages`, and its percentage.
    pub shortage: Option<(usize, f64)>,
    /// Other offerings of this route kind name a subject: a missing one is unknown, not
    /// "no subject".
    pub kind_has_subjects: bool,
    /// The role the route leads to.
    pub role: Role,
}

/// Percentages at or above this count as the full shortage factor.
pub const SHORTAGE_FULL_PERCENT: f64 = 12.0;
/// A total cost at or above this earns no cost points (euros).
pub const COST_ZERO_EUR: u32 = 12_000;
/// Durations up to this earn full duration points; at `DURATION_ZERO_MONTHS` none.
pub const DURATION_FULL_MONTHS: u16 = 12;
pub const DURATION_ZERO_MONTHS: u16 = 60;
/// A start within this many days earns full points; at `START_ZERO_DAYS` none.
pub const START_FULL_DAYS: i64 = 30;
pub const START_ZERO_DAYS: i64 = 365;
/// Travel up to this distance earns full points.
pub const TRAVEL_FULL_KM: f64 = 10.0;
/// The travel limit when the person gives none.
pub const DEFAULT_MAX_TRAVEL_KM: u16 = 60;

/// `weight * fraction`, rounded, within 0..=weight.
fn part(weight: u8, fraction: f64) -> u32 {
    let w = u32::from(weight);
    ((f64::from(weight) * fraction.clamp(0.0, 1.0)).round() as u32).min(w)
}

/// Linear from 1 at `full` down to 0 at `zero`.
fn falling(x: f64, full: f64, zero: f64) -> f64 {
    if x <= full {
        1.0
    } else if x >= zero {
        0.0
    } else {
        (zero - x) / (zero - full)
    }
}

/// Computes every factor, in a fixed order.
pub fn factors(p: &Profile, o: &Offering, x: &Inputs) -> Vec<FactorValue> {
    let w = x.weights;
    let mut out = Vec::with_capacity(10);
    let mut push = |factor: &'static str, weight: u8, fraction: f64, reason: Reason| {
        out.push(FactorValue { factor, points: part(weight, fraction), max: u32::from(weight), reason });
    };

    // Sector preference.
    let preferred: Option<Sector> = o.sectors.iter().copied().find(|s| p.sectors.contains(s));
    match (p.sectors.is_empty(), preferred) {
        (true, _) => push("sector", w.sector, 1.0, Reason::SectorOpen),
        (false, Some(s)) => push("sector", w.sector, 1.0, Reason::SectorMatch(s)),
        (false, None) => push("sector", w.sector, 0.0, Reason::SectorMismatch),
    }

    // Subject preference. What is not known earns nothing when the person named subjects.
    match o.subject {
        None if x.kind_has_subjects && !p.subjects.is_empty() => {
            push("subject", w.subject, 0.0, Reason::SubjectUnknown)
        }
        // po and mbo routes have no subjects to match; a vo route for any subject (hybride
        // docent, herintreding) matches the person's subjects only in part.
        // (mbo has no subject bevoegdheden in law, §1: a route for the mbo only fits any.)
        None if !p.subjects.is_empty() && o.sectors.contains(&Sector::Vo) => {
            push("subject", w.subject, 0.5, Reason::SubjectAny)
        }
        None => push("subject", w.subject, 1.0, Reason::SubjectNone),
        Some(_) if p.subjects.is_empty() => push("subject", w.subject, 1.0, Reason::SubjectOpen),
        Some(s) if p.subjects.contains(&s) => push("subject", w.subject, 1.0, Reason::SubjectMatch(s)),
        Some(s) => push("subject", w.subject, 0.0, Reason::SubjectMismatch(s)),
    }

    // Whether the route ends in what the person wants: a teaching qualification, or a
    // role without one that they asked for (onderwijsassistent, leraarondersteuner,
    // instructeur). A route that awards nothing new to someone who holds a bevoegdheid for
    // its sector (herintreding) counts as "held".
    match o.occupational_credential_awarded {
        Qualification::Geen if x.role != Role::Leraar => {
            if p.roles.contains(&x.role) {
                push("qualification", w.qualification, 1.0, Reason::RoleWanted(x.role))
            } else {
                push("qualification", w.qualification, 0.0, Reason::RoleNotWanted(x.role))
            }
        }
        // Herintreding and hybride docent award nothing (rows 16, 17): no points, whatever
        // is held; the reason says when the person teaches with what they hold.
        Qualification::Geen => match held_for(p, &o.sectors) {
            Some(q) => push("qualification", w.qualification, 0.0, Reason::QualificationUsesHeld(q)),
            None => push("qualification", w.qualification, 0.0, Reason::QualificationNone),
        },
        // A bevoegdheid the person already holds adds nothing.
        q if holds(p, q, o.subject) => push("qualification", w.qualification, 0.0, Reason::QualificationHeld(q)),
        q => push("qualification", w.qualification, 1.0, Reason::QualificationAwarded(q)),
    }

    // Weekly hours against the route's load. A route without training (herintreding) has
    // none of its own: the hours are the job's, which the person chooses.
    match p.hours_per_week {
        _ if !o.trains() => push("hours", w.hours, 1.0, Reason::HoursJob),
        None => push("hours", w.hours, 1.0, Reason::HoursOpen),
        Some(h) => {
            let fraction = if o.weekly_hours == 0 { 1.0 } else { f64::from(h) / f64::from(o.weekly_hours) };
            push("hours", w.hours, fraction, Reason::HoursFit { route_hours: o.weekly_hours, hours: h })
        }
    }

    // Earning while learning.
    match (o.paid_while_learning, p.earn_while_learning) {
        (true, _) => push("earn_while_learning", w.earn_while_learning, 1.0, Reason::EarnPaid),
        (false, EarnWish::NoPreference) => {
            push("earn_while_learning", w.earn_while_learning, 1.0, Reason::EarnUnpaidOk)
        }
        (false, EarnWish::Preferred) => push("earn_while_learning", w.earn_while_learning, 0.5, Reason::EarnUnpaid),
        (false, EarnWish::Required) => push("earn_while_learning", w.earn_while_learning, 0.0, Reason::EarnUnpaid),
    }

    // Cost to the candidate.
    let total = crate::engine::money::total(&x.cost, o);
    push("cost", w.cost, 1.0 - f64::from(total.min(COST_ZERO_EUR)) / f64::from(COST_ZERO_EUR), Reason::Cost(total));

    // Duration.
    let months = o.time_to_complete.0;
    push(
        "duration",
        w.duration,
        falling(f64::from(months), f64::from(DURATION_FULL_MONTHS), f64::from(DURATION_ZERO_MONTHS)),
        Reason::Duration(months),
    );

    // Time until the next feasible start.
    match x.timing {
        None => push("time_to_start", w.time_to_start, 0.0, Reason::StartNone),
        Some(t) => {
            let later = p.available_from.filter(|&a| a > x.today);
            let days = later.unwrap_or(x.today).days_until(t.start_date).max(0);
            push(
                "time_to_start",
                w.time_to_start,
                falling(days as f64, START_FULL_DAYS as f64, START_ZERO_DAYS as f64),
                if later.is_some() { Reason::StartDaysAfterAvailable(days) } else { Reason::StartDays(days) },
            )
        }
    }

    // Travel distance.
    let max_km = p.max_travel_km.unwrap_or(DEFAULT_MAX_TRAVEL_KM);
    match x.distance_km {
        // (Only where the person lives is known: the posts paired with it are then near.)
        None if !o.trains() && x.located => push("travel", w.travel, 1.0, Reason::TravelNone),
        None => push("travel", w.travel, 0.0, Reason::TravelUnknown),
        Some(d) => {
            let limit = f64::from(max_km);
            let fraction = if d > limit {
                0.0
            } else if limit <= TRAVEL_FULL_KM {
                1.0
            } else {
                falling(d, TRAVEL_FULL_KM, limit)
            };
            push("travel", w.travel, fraction, Reason::TravelKm { km: d, max_km, stated: p.max_travel_km.is_some() })
        }
    }

    // Regional shortage.
    match x.shortage {
        None => push("shortage", w.shortage, 0.0, Reason::ShortageUnknown),
        Some((i, percent)) => push("shortage", w.shortage, percent / SHORTAGE_FULL_PERCENT, Reason::Shortage(i)),
    }
    out
}

/// Whether the person already holds `q` (or one that covers it) for `subject`.
pub fn holds(p: &Profile, q: Qualification, subject: Option<Subject>) -> bool {
    use Qualification::*;
    p.qualifications.iter().any(|h| {
        let covers = h.qualification == q
            || (h.qualification == Eerstegraads && matches!(q, Tweedegraads | BeperktTweedegraads))
            || (h.qualification == Tweedegraads && q == BeperktTweedegraads);
        covers && (subject.is_none() || h.subject.is_none() || h.subject == subject)
    })
}

/// Which sectors a qualification lets its holder teach in (ROUTES §1; mbo docent with a
/// PDG, with the employer's geschiktheidsverklaring).
pub fn covers_sector(q: Qualification, s: Sector) -> bool {
    use Qualification as Q;
    match q {
        Q::Po => s == Sector::Po,
        Q::Tweedegraads | Q::Eerstegraads => matches!(s, Sector::Vo | Sector::Mbo),
        Q::BeperktTweedegraads => s == Sector::Vo,
        Q::Pdg => s == Sector::Mbo,
        Q::Geen => false,
    }
}

/// A bevoegdheid the person holds for one of these sectors.
pub fn held_for(p: &Profile, sectors: &[Sector]) -> Option<Qualification> {
    p.qualifications.iter().map(|h| h.qualification).find(|&q| sectors.iter().any(|&s| covers_sector(q, s)))
}

/// A distance or percentage with one decimal, as message parameters carry it.
pub fn format_km(d: f64) -> String {
    format!("{d:.1}")
}

/// The sector an offering is scored for: the first one the person prefers, else its first.
pub fn scored_sector(p: &Profile, o: &Offering) -> Option<Sector> {
    o.sectors.iter().copied().find(|s| p.sectors.contains(s)).or_else(|| o.sectors.first().copied())
}
