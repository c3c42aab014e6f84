//! The catalog indexed once for matching: lookups by id, places and regions, the rules
//! of each offering, shortage figures; and one offering evaluated for one profile
//! (verdict, score, timing). Used by the matcher, pathways and what-if alike; knows
//! nothing of them.

use crate::engine::rules::{self, Ctx, Outcome, RelatednessIndex};
use crate::engine::score::{self, FactorValue, Msg};
use crate::engine::timing::NextIntake;
use crate::model::date::Date;
use crate::model::vocab::*;
use crate::model::{Catalog, Offering, Profile, Rule};
use std::collections::{BTreeMap, HashMap};

/// A validated catalog with its lookups, built once.
pub struct Index {
    pub catalog: Catalog,
    pub(crate) source_index: Ids,
    pub(crate) place_index: Ids,
    pub(crate) postcode_index: Ids,
    pub(crate) institution_index: Ids,
    pub(crate) related: RelatednessIndex,
    /// Newest shortage figure per (sector, subject, region id): its index in `shortages`.
    /// (A BTreeMap: up to six lookups per offering on every match, cheaper than hashing.)
    pub(crate) shortages: BTreeMap<ShortageKey, usize>,
    pub(crate) place_region: Vec<Option<u32>>,
    /// Per place: its own id interned like the regions, for figures measured per gemeente.
    pub(crate) place_area: Vec<u32>,
    /// Per offering: the indices of the rules to check (kind rules, then its own).
    pub(crate) offering_rules: Vec<Vec<usize>>,
    pub(crate) offering_place: Vec<Option<usize>>,
    /// Per route kind (as `RouteKind::ALL` orders them): some offering names a subject.
    pub(crate) kind_has_subjects: Vec<bool>,
    /// Per offering: the role its route kind leads to.
    pub(crate) offering_role: Vec<Role>,
    /// Per offering: the index of its `cost_figure` in `figures`.
    pub(crate) offering_figure: Vec<Option<usize>>,
    /// Per rule: the index of its `institutional_fee` in `figures`.
    pub(crate) rule_fee_figure: Vec<Option<usize>>,
    pub(crate) vacancy_place: Vec<Option<usize>>,
    /// Per offering: its position in id order (the final tie-break of the ranking).
    pub(crate) id_rank: Vec<u32>,
    /// Per activity: where it is (none when online without a place).
    pub(crate) activity_place: Vec<Option<Spot>>,
    /// The activities by date, start time and id (the order the result lists them in).
    pub(crate) activity_order: Vec<usize>,
    /// The catalog's own region (`meta.region`), interned like the places' regions.
    pub(crate) catalog_region: Option<u32>,
}

/// A place id resolved: its point and its region (interned).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Spot {
    pub coord: (f64, f64),
    pub region: Option<u32>,
}

/// Positions of string ids; on duplicate ids the first position wins (validation
/// reports duplicates).
type Ids = HashMap<String, usize>;

fn ids<'a>(ids: impl Iterator<Item = &'a str>) -> Ids {
    let mut index = Ids::new();
    for (i, id) in ids.enumerate() {
        index.entry(id.to_string()).or_insert(i);
    }
    index
}

/// Shortage figures are looked up by sector, subject and (interned) region.
type ShortageKey = (Sector, Option<Subject>, Option<u32>);

/// A person's resolved location.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Here {
    pub coord: Option<(f64, f64)>,
    pub region: Option<u32>,
    /// The person's gemeente (interned id), for figures measured per city.
    pub area: Option<u32>,
}

/// Per match: the person's location and the distance to every place (km), computed once.
pub(crate) struct Geo {
    pub here: Here,
    place_km: Vec<f64>,
}

impl Geo {
    /// No known location: no distances.
    pub fn nowhere() -> Geo {
        Geo { here: Here { coord: None, region: None, area: None }, place_km: Vec::new() }
    }

    pub fn km(&self, place: Option<usize>) -> Option<f64> {
        place.and_then(|p| self.place_km.get(p).copied()).filter(|d| !d.is_nan())
    }
}

/// One offering evaluated for one profile (internal, before rendering).
#[derive(Clone, Debug)]
pub(crate) struct Evaluated {
    pub offering: usize,
    /// The date the rules were applied on (the next intake's start, or today).
    pub on: Date,
    pub outcomes: Vec<(usize, Outcome)>,
    pub eligibility: Eligibility,
    pub score: u32,
    pub factors: Vec<FactorValue>,
    pub timing: Option<NextIntake>,
    pub distance_km: Option<f64>,
    pub cost: crate::engine::money::Cost,
    /// Outside the sectors (4) or roles (2) the person asked for, or a load well above
    /// their hours (1, see [`heavier`]): ranked after everything inside them, sectors first (0: inside all).
    pub outside: u8,
    /// Earlier intakes at which the rules do not hold yet (a minimum age, a waiting
    /// time): their start and the blocking rules.
    pub skipped: Vec<(Date, Vec<usize>)>,
}

/// The indices `0..n` in the order of `cmp`: one sort instantiation for every order the
/// index keeps.
fn sorted(n: usize, cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|a, b| cmp(*a, *b));
    order
}

impl Index {
    /// Indexes a catalog that has passed validation.
    pub(crate) fn new(catalog: Catalog) -> Index {
        let rule_index = ids(catalog.rules.iter().map(|r| r.id.as_str()));
        let place_index = ids(catalog.places.iter().map(|p| p.id.as_str()));
        let offering_rules = catalog
            .offerings
            .iter()
            .map(|o| {
                let kind_rules =
                    catalog.route_kinds.iter().find(|k| k.kind == o.kind).map_or(&[][..], |k| k.rules.as_slice());
                let mut ids: Vec<usize> = Vec::new();
                for r in kind_rules.iter().chain(&o.program_prerequisites) {
                    if let Some(&i) = rule_index.get(r) {
                        if !ids.contains(&i) {
                            ids.push(i);
                        }
                    }
                }
                ids
            })
            .collect();
        // Regions and gemeenten as numbers: a shortage figure may be for a region or for
        // one gemeente (a city measured on its own).
        let areas = ids(catalog
            .places
            .iter()
            .flat_map(|p| [Some(p.id.as_str()), p.region.as_deref()])
            .chain(catalog.shortages.iter().map(|s| s.region.as_deref()))
            .flatten());
        // Numbers (the first position of each name), so equal names get equal numbers.
        let area = |r: &str| areas.get(r).map_or(u32::MAX, |&i| i as u32);
        let place_region: Vec<Option<u32>> = catalog.places.iter().map(|p| p.region.as_deref().map(area)).collect();
        let place_area: Vec<u32> = catalog.places.iter().map(|p| area(&p.id)).collect();
        // The newest figure of each key (validation rejects two with the same key and date).
        let mut shortages: BTreeMap<ShortageKey, usize> = BTreeMap::new();
        for (i, s) in catalog.shortages.iter().enumerate() {
            let key = (s.sector, s.subject, s.region.as_deref().map(area));
            let newest = shortages.entry(key).or_insert(i);
            if catalog.shortages[*newest].peildatum < s.peildatum {
                *newest = i;
            }
        }
        let order = sorted(catalog.offerings.len(), &|a, b| catalog.offerings[a].id.cmp(&catalog.offerings[b].id));
        let mut id_rank = vec![0u32; order.len()];
        for (rank, i) in order.into_iter().enumerate() {
            id_rank[i] = rank as u32;
        }
        let mut kind_has_subjects = vec![false; RouteKind::ALL.len()];
        for o in catalog.offerings.iter().filter(|o| o.subject.is_some()) {
            kind_has_subjects[o.kind as usize] = true; // variants are declared in `ALL` order
        }
        let figure_index = ids(catalog.figures.iter().map(|f| f.id.as_str()));
        let postcode_index = ids(catalog.postcodes.iter().map(|p| p.0.as_str()));
        let spot = |id: &str| match (place_index.get(id), postcode_index.get(id)) {
            (Some(&i), _) => {
                Some(Spot { coord: (catalog.places[i].lat, catalog.places[i].lon), region: place_region[i] })
            }
            (None, Some(&i)) => {
                let pc = &catalog.postcodes[i];
                Some(Spot { coord: (pc.1, pc.2), region: place_index.get(&pc.3).and_then(|&g| place_region[g]) })
            }
            (None, None) => None,
        };
        let activity_place = catalog.activities.iter().map(|a| a.location.as_deref().and_then(spot)).collect();
        let catalog_region = catalog.meta.region.as_deref().map(area);
        let when = |i: usize| {
            let a = &catalog.activities[i];
            (a.start_date, a.start_time.as_deref(), a.id.as_str())
        };
        let activity_order = sorted(catalog.activities.len(), &|a, b| when(a).cmp(&when(b)));
        Index {
            activity_place,
            activity_order,
            catalog_region,
            offering_figure: catalog
                .offerings
                .iter()
                .map(|o| o.cost_figure.as_deref().and_then(|f| figure_index.get(f).copied()))
                .collect(),
            rule_fee_figure: catalog
                .rules
                .iter()
                .map(|r| r.institutional_fee.as_deref().and_then(|f| figure_index.get(f).copied()))
                .collect(),
            // A route without training (herintreding) has no place to travel to: no distance,
            // no place named, and the shortage of where the person lives.
            offering_place: catalog
                .offerings
                .iter()
                .map(|o| place_index.get(&o.place).copied().filter(|_| o.trains()))
                .collect(),
            kind_has_subjects,
            offering_role: catalog
                .offerings
                .iter()
                .map(|o| catalog.route_kinds.iter().find(|k| k.kind == o.kind).map_or(Role::Leraar, |k| k.role))
                .collect(),
            vacancy_place: catalog.vacancies.iter().map(|v| place_index.get(&v.job_location).copied()).collect(),
            source_index: ids(catalog.sources.iter().map(|s| s.id.as_str())),
            institution_index: ids(catalog.institutions.iter().map(|i| i.id.as_str())),
            related: RelatednessIndex::new(&catalog.relatedness),
            postcode_index,
            place_index,
            shortages,
            place_region,
            place_area,
            offering_rules,
            id_rank,
            catalog,
        }
    }

    /// The person's location and the distance to every place.
    pub(crate) fn geo(&self, profile: &Profile, notices: &mut Vec<Msg>) -> Geo {
        let here = self.locate(profile, notices);
        // A region shard holds its region's routes and those near it: to someone living
        // elsewhere it shows far-away routes and misses the ones near them. Say so.
        if self.catalog_region.is_some() && here.coord.is_some() && here.region != self.catalog_region {
            notices.push(Msg::new("notice.outside-region"));
        }
        let place_km = match here.coord {
            Some(a) => self.catalog.places.iter().map(|p| crate::engine::geo::distance_km(a, (p.lat, p.lon))).collect(),
            None => Vec::new(),
        };
        Geo { here, place_km }
    }

    fn locate(&self, p: &Profile, notices: &mut Vec<Msg>) -> Here {
        let id = p.location.as_ref().and_then(|l| l.postcode.as_deref().or(l.gemeente.as_deref()));
        match id {
            None => {
                notices.push(Msg::new("notice.no-location"));
                Here { coord: None, region: None, area: None }
            }
            Some(id) => match (self.place_index.get(id).copied(), self.postcode_index.get(id).copied()) {
                (Some(i), _) => {
                    let pl = &self.catalog.places[i];
                    Here { coord: Some((pl.lat, pl.lon)), region: self.place_region[i], area: Some(self.place_area[i]) }
                }
                (None, Some(i)) => {
                    let pc = &self.catalog.postcodes[i];
                    let gemeente = self.place_index.get(&pc.3).copied();
                    Here {
                        coord: Some((pc.1, pc.2)),
                        region: gemeente.and_then(|g| self.place_region[g]),
                        area: gemeente.map(|g| self.place_area[g]),
                    }
                }
                // A place this catalog (a region shard) does not hold: its coordinates, when
                // the person's client resolved them, still give distances.
                (None, None) => match p.location.as_ref().and_then(|l| l.lat.zip(l.lon)) {
                    Some(coord) => Here { coord: Some(coord), region: None, area: None },
                    None => {
                        notices.push(Msg::new("notice.unknown-place").with("place", id));
                        Here { coord: None, region: None, area: None }
                    }
                },
            },
        }
    }

    /// The name of an offering's institution (its id when the catalog lacks it).
    pub(crate) fn institution_name<'a>(&'a self, o: &'a Offering) -> &'a str {
        self.institution_index.get(&o.institution).map_or(&o.institution, |&i| &self.catalog.institutions[i].name)
    }

    /// The name of an institution id; anything else (a name) as it is.
    pub(crate) fn institution_name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.institution_index.get(id).map_or(id, |&i| &self.catalog.institutions[i].name)
    }

    /// The name of a place id (a postcode by its gemeente's name); unknown ids as they are.
    pub(crate) fn place_name<'a>(&'a self, id: &'a str) -> &'a str {
        let gemeente = self.postcode_index.get(id).map_or(id, |&i| self.catalog.postcodes[i].3.as_str());
        self.place_index.get(gemeente).map_or(id, |&i| &self.catalog.places[i].name)
    }

    pub(crate) fn rule(&self, i: usize) -> &Rule {
        &self.catalog.rules[i]
    }

    /// Applies an offering's rules to a profile, as they stand on date `on`.
    pub(crate) fn outcomes(&self, profile: &Profile, offering: usize, on: Date) -> Vec<(usize, Outcome)> {
        let ctx = Ctx { profile, offering: &self.catalog.offerings[offering], on, related: &self.related };
        self.offering_rules[offering].iter().map(|&r| (r, rules::apply(&self.catalog.rules[r], &ctx))).collect()
    }

    pub(crate) fn vacancy_place_name(&self, v: usize) -> &str {
        self.vacancy_place[v]
            .map_or(self.catalog.vacancies[v].job_location.as_str(), |i| self.catalog.places[i].name.as_str())
    }

    /// The name of an offering's place ("" for a route without training: it has none).
    pub(crate) fn offering_place_name(&self, i: usize) -> String {
        let o = &self.catalog.offerings[i];
        match self.offering_place[i] {
            Some(p) => self.catalog.places[p].name.clone(),
            None if !o.trains() => String::new(),
            None => o.place.clone(),
        }
    }

    pub(crate) fn vacancy_place(&self, v: usize) -> Option<usize> {
        self.vacancy_place[v]
    }

    pub(crate) fn evaluate(&self, profile: &Profile, i: usize, today: Date, geo: &Geo) -> Evaluated {
        let o = &self.catalog.offerings[i];
        // Rules are applied as they stand when the person would start: the next intake is
        // the first at which they hold (someone who turns 21 in June joins in September).
        let intakes = crate::engine::timing::feasible_intakes(o, today, profile.available_from);
        let mut skipped = Vec::new();
        let mut chosen = None;
        for t in &intakes {
            let outcomes = self.outcomes(profile, i, rule_date(t));
            let eligibility = rules::verdict(outcomes.iter().map(|(_, o)| o));
            if eligibility != Eligibility::Ineligible {
                chosen = Some((Some(t.clone()), outcomes, eligibility));
                break;
            }
            let blocked: Vec<usize> =
                outcomes.iter().filter(|(_, oc)| *oc == Outcome::Blocked).map(|(r, _)| *r).collect();
            // Only time removes these (an age, a waiting period): look at the next intake.
            // Anything the person can act on is advice at this intake, not a reason to wait.
            if !blocked.iter().all(|&r| time_bound(&self.catalog.rules[r])) {
                chosen = Some((Some(t.clone()), outcomes, eligibility));
                skipped.clear();
                break;
            }
            skipped.push((t.start_date, blocked));
        }
        let (timing, outcomes, eligibility) = chosen.unwrap_or_else(|| {
            skipped.clear(); // closed at every intake: nothing was skipped for a later one
            let timing = intakes.first().cloned();
            let outcomes = self.outcomes(profile, i, timing.as_ref().map_or(today, rule_date));
            let eligibility = rules::verdict(outcomes.iter().map(|(_, o)| o));
            (timing, outcomes, eligibility)
        });
        let on = timing.as_ref().map_or(today, rule_date);
        let role = self.offering_role[i];
        let wanted_roles: &[Role] = if profile.roles.is_empty() { &[Role::Leraar] } else { &profile.roles };
        // Tiers: outside the sectors (4), a role not asked for or a subject not chosen (2), a
        // weekly load well above the hours the person has (1).
        let other_subject = !profile.subjects.is_empty() && o.subject.is_some_and(|s| !profile.subjects.contains(&s));
        let outside = 4 * u8::from(!profile.sectors.is_empty() && !o.sectors.iter().any(|s| profile.sectors.contains(s)))
                + 2 * u8::from(!wanted_roles.contains(&role) || other_subject)
                // (A route without training, herintreding, has no load of its own: the job's.)
                + u8::from(o.trains() && profile.hours_per_week.is_some_and(|h| heavier(o.weekly_hours, h)));
        let distance_km = geo.km(self.offering_place[i]);
        // Where the person lives, else where the route is.
        let (area, region) = match (geo.here.area, self.offering_place[i]) {
            (Some(a), _) => (Some(a), geo.here.region),
            (None, Some(p)) => (Some(self.place_area[p]), self.place_region[p]),
            (None, None) => (None, None),
        };
        let shortage = self.shortage_for(profile, o, area, region);
        // Fees as they stand for the period the person would join.
        let mut cost = crate::engine::money::cost_on(&self.catalog, self.offering_figure[i], o, on);
        // The institutional fee instead of the statutory one, where a rule that applies to
        // the person says so (a second programme in onderwijs).
        for (r, oc) in &outcomes {
            if let (Some(fi), false) = (self.rule_fee_figure[*r], matches!(oc, Outcome::NotApplicable)) {
                cost = crate::engine::money::institutional_fee_on(&self.catalog, fi, o, on, cost);
            }
        }
        // A figure that an unmet rule voids for this person (the subsidy that would pay for
        // the route) is not behind its cost.
        if let Some((fi, _)) = cost.figure {
            let voided = outcomes.iter().any(|(r, oc)| {
                matches!(oc, Outcome::Condition { .. } | Outcome::Blocked)
                    && self.catalog.rules[*r].voids_figure.as_deref() == Some(self.catalog.figures[fi].id.as_str())
            });
            if voided {
                cost = crate::engine::money::Cost {
                    figure: None,
                    status: SourceStatus::Confirmed,
                    estimated: false,
                    ..cost
                };
            }
        }
        let inputs = score::Inputs {
            weights: &self.catalog.weights,
            today,
            timing: timing.as_ref(),
            distance_km,
            located: geo.here.coord.is_some(),
            cost,
            shortage,
            kind_has_subjects: self.kind_has_subjects[o.kind as usize],
            role: self.offering_role[i],
        };
        let factors = score::factors(profile, o, &inputs);
        let score = factors.iter().map(|f| f.points).sum();
        Evaluated {
            offering: i,
            on,
            outcomes,
            eligibility,
            score,
            factors,
            timing,
            distance_km,
            cost,
            outside,
            skipped,
        }
    }

    /// The most specific shortage figure: subject in the gemeente, in the region,
    /// nationally; then the sector in the gemeente, the region, nationally.
    fn shortage_for(&self, p: &Profile, o: &Offering, area: Option<u32>, region: Option<u32>) -> Option<(usize, f64)> {
        let sector = score::scored_sector(p, o)?;
        // Where: the gemeente, then the region, then national; a missing gemeente or region
        // is skipped (it must not be read as "national").
        let wheres = [area, region].into_iter().filter(Option::is_some).chain([None]);
        [o.subject, None]
            .into_iter()
            .flat_map(|subject| wheres.clone().map(move |at| (sector, subject, at)))
            .find_map(|k| self.shortages.get(&k).copied())
            .map(|i| (i, self.catalog.shortages[i].percent))
    }
}

/// The date an intake's rules are applied on: its start, or for a route that starts with
/// a geschiktheidsonderzoek (a lead time) the last day to start it, since legally the
/// traject starts on the GO date [S33b].
pub(crate) fn rule_date(t: &NextIntake) -> Date {
    if t.lead_time_days > 0 {
        t.apply_by
    } else {
        t.start_date
    }
}

/// A weekly load well above the hours a person has (more than 1.6 times: a 40-hour
/// voltijd programme for someone with 20 hours, not an 8-hour hybride post for 5).
pub fn heavier(load: u8, hours: u8) -> bool {
    u32::from(load) * 5 > u32::from(hours) * 8
}

/// Whether time alone can lift a rule: its test or a way round it asks a minimum age or a
/// waiting time.
fn time_bound(rule: &Rule) -> bool {
    fn has(t: &crate::model::Test) -> bool {
        use crate::model::Test;
        match t {
            Test::MinAge { .. } | Test::NoRecentLerarenopleiding { .. } => true,
            Test::AllOf { all } => all.iter().any(has),
            Test::AnyOf { any } => any.iter().any(has),
            _ => false,
        }
    }
    has(&rule.test) || rule.alternatives.iter().any(|a| has(&a.test))
}

/// Sort key: open routes before ineligible ones, then those in the sectors and roles the
/// person asked for before the rest, then score, then eligible before conditional, then
/// the nearer (every route beyond the travel limit scores 0 on travel: of two such, the
/// nearer is the likelier; no distance last), then offering id (total and deterministic).
pub(crate) fn rank_key(m: &Index, e: &Evaluated) -> (bool, u8, std::cmp::Reverse<u32>, Eligibility, u32, u32) {
    (
        e.eligibility == Eligibility::Ineligible,
        e.outside,
        std::cmp::Reverse(e.score),
        e.eligibility,
        e.distance_km.map_or(u32::MAX, |d| (d * 10.0).round() as u32),
        m.id_rank[e.offering],
    )
}
