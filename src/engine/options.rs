//! How to match: the date, language and list lengths a caller chooses.

use crate::model::date::Date;
use crate::model::vocab::{Lang, Mode};
use crate::model::Offering;

/// How to match.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchOptions {
    /// The date the computation is for. Never read from a clock.
    pub today: Date,
    pub lang: Lang,
    /// Return at most this many routes (all are scored and ranked regardless).
    pub limit: Option<usize>,
    /// At most this many pathways.
    pub max_pathways: usize,
    /// At most this many what-if hints.
    pub max_what_if: usize,
    /// At most this many activities (the rest are counted in `activities_more`).
    pub max_activities: usize,
    /// After the first `limit` routes, go on listing ineligible ones (in rank order)
    /// until this many ineligible routes are listed in all, so a short list still shows
    /// what is closed and why.
    pub closed_limit: Option<usize>,
    /// One card per route kind: list the best route of each kind in full (instead of
    /// `limit` and `closed_limit`) and up to this many minus one more of it briefly, in
    /// `kinds[].others` ("also at N other places").
    pub per_kind: Option<usize>,
    /// The order of `kinds[].others`, chosen before the list is cut to `per_kind`: the
    /// nearest of all the places, not of the best-ranked few.
    pub order: Order,
    /// With `per_kind`: list in full the kinds outside the person's choices too (another
    /// sector, role or subject): their best route in `routes`, their other places in
    /// `kinds[].others`. Without (false), those kinds are summarised in `kinds` only (the
    /// verdict, the counts, the best offering's id, what would open a closed one), for a
    /// caller that hides them until asked: about half the result's size, and its time, for
    /// someone with one sector. Default true.
    pub outside: bool,
    /// What the candidate chose to see: routes that fail it are left out of every list
    /// and count (`counts.hidden` says how many).
    pub filter: Filter,
}

/// How the candidate wants the other places of a route kind ordered ("also at ...").
/// Ties, and places without a distance or a next start (last), keep their rank order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// Best fit first (the ranking).
    #[default]
    Rank,
    /// Nearest first.
    Distance,
    /// Soonest next start first.
    Start,
    /// Lowest cost per year first.
    Cost,
}

/// The candidate's own filters on the routes shown (all off by default).
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filter {
    /// Only routes within this distance (km, as the crow flies); routes whose distance is
    /// unknown stay.
    #[serde(default)]
    pub max_km: Option<u16>,
    /// Only routes whose next start is on or before this date.
    #[serde(default)]
    pub start_before: Option<Date>,
    /// Only routes that pay a salary while training.
    #[serde(default)]
    pub paid: bool,
    /// Only routes that can be followed beside a job (deeltijd, duaal, werkend leren).
    #[serde(default)]
    pub part_time: bool,
}

impl Filter {
    /// Whether an offering with this distance and next start passes.
    pub fn keeps(&self, o: &Offering, distance_km: Option<f64>, start: Option<Date>) -> bool {
        self.max_km.is_none_or(|m| distance_km.is_none_or(|d| d <= f64::from(m)))
            && self.start_before.is_none_or(|b| start.is_some_and(|s| s <= b))
            && (!self.paid || o.paid_while_learning)
            && (!self.part_time || o.educational_program_mode != Mode::Voltijd)
    }
}

impl MatchOptions {
    pub fn new(today: Date) -> MatchOptions {
        MatchOptions {
            today,
            lang: Lang::Nl,
            limit: None,
            max_pathways: 10,
            max_what_if: 6,
            max_activities: 12,
            closed_limit: None,
            per_kind: None,
            order: Order::Rank,
            outside: true,
            filter: Filter::default(),
        }
    }
}
