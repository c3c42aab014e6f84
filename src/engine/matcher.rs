//! The matcher: a catalog indexed once, matched against many profiles.
//!
//! `Matcher::new` validates and indexes a catalog; `Matcher::match_profile` computes
//! verdicts, scores, timing, pathways and what-if hints for one profile and returns
//! the one result type. Pure: no clock, no I/O.

use crate::model::date::Date;
use crate::model::error::{Document, InputError};
use crate::i18n;
use crate::model::{Catalog, Offering, Profile, Rule, Test};
use crate::result::*;
use crate::engine::rules::{self, Ctx, Outcome, RelatednessIndex};
use crate::engine::score::{self, FactorValue, Msg};
use crate::model::vocab::*;
use std::collections::HashMap;

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
    /// After the first `limit` routes, go on listing ineligible ones (in rank order)
    /// until this many ineligible routes are listed in all, so a short list still shows
    /// what is closed and why.
    pub closed_limit: Option<usize>,
}

impl MatchOptions {
    pub fn new(today: Date) -> MatchOptions {
        MatchOptions { today, lang: Lang::Nl, limit: None, max_pathways: 10, max_what_if: 6, closed_limit: None }
    }
}

/// A validated, indexed catalog.
pub struct Matcher {
    pub(crate) catalog: Catalog,
    source_index: Ids,
    place_index: Ids,
    postcode_index: Ids,
    institution_index: Ids,
    pub(crate) related: RelatednessIndex,
    /// Newest shortage figure per (sector, subject, region id): its index in `shortages`.
    shortages: HashMap<ShortageKey, usize>,
    place_region: Vec<Option<u32>>,
    /// Per place: its own id interned like the regions, for figures measured per gemeente.
    place_area: Vec<u32>,
    /// Per offering: the indices of the rules to check (kind rules, then its own).
    offering_rules: Vec<Vec<usize>>,
    offering_place: Vec<Option<usize>>,
    vacancy_place: Vec<Option<usize>>,
    /// Per offering: its position in id order (the final tie-break of the ranking).
    id_rank: Vec<u32>,
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
    pub timing: Option<IntakeTiming>,
    pub distance_km: Option<f64>,
}

impl Matcher {
    /// Parses, validates and indexes a catalog from JSON text.
    pub fn from_json(text: &str) -> Result<Matcher, InputError> {
        Ok(Matcher::index_validated(crate::model::parse::catalog_from_str(text)?))
    }

    /// Validates and indexes a catalog.
    pub fn new(catalog: Catalog) -> Result<Matcher, InputError> {
        let problems = crate::model::validate::catalog(&catalog);
        if !problems.is_empty() {
            return Err(InputError { document: Document::Catalog, problems });
        }
        Ok(Matcher::index_validated(catalog))
    }

    /// Indexes a catalog that has passed validation.
    pub(crate) fn index_validated(catalog: Catalog) -> Matcher {
        let rule_index = ids(catalog.rules.iter().map(|r| r.id.as_str()));
        let place_index = ids(catalog.places.iter().map(|p| p.id.as_str()));
        let offering_rules = catalog
            .offerings
            .iter()
            .map(|o| {
                let kind_rules = catalog.route_kinds.iter().find(|k| k.kind == o.kind).map_or(&[][..], |k| k.rules.as_slice());
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
        let areas = ids(
            catalog
                .places
                .iter()
                .flat_map(|p| [Some(p.id.as_str()), p.region.as_deref()])
                .chain(catalog.shortages.iter().map(|s| s.region.as_deref()))
                .flatten(),
        );
        // Numbers (the first position of each name), so equal names get equal numbers.
        let area = |r: &str| areas.get(r).map_or(u32::MAX, |&i| i as u32);
        let place_region: Vec<Option<u32>> = catalog.places.iter().map(|p| p.region.as_deref().map(area)).collect();
        let place_area: Vec<u32> = catalog.places.iter().map(|p| area(&p.id)).collect();
        // The newest figure of each key (validation rejects two with the same key and date).
        let mut shortages: HashMap<ShortageKey, usize> = HashMap::new();
        for (i, s) in catalog.shortages.iter().enumerate() {
            let key = (s.sector, s.subject, s.region.as_deref().map(area));
            let newest = shortages.entry(key).or_insert(i);
            if catalog.shortages[*newest].peildatum < s.peildatum {
                *newest = i;
            }
        }
        let mut order: Vec<usize> = (0..catalog.offerings.len()).collect();
        order.sort_by(|a, b| catalog.offerings[*a].id.cmp(&catalog.offerings[*b].id));
        let mut id_rank = vec![0u32; order.len()];
        for (rank, i) in order.into_iter().enumerate() {
            id_rank[i] = rank as u32;
        }
        Matcher {
            offering_place: catalog.offerings.iter().map(|o| place_index.get(&o.place).copied()).collect(),
            vacancy_place: catalog.vacancies.iter().map(|v| place_index.get(&v.job_location).copied()).collect(),
            source_index: ids(catalog.sources.iter().map(|s| s.id.as_str())),
            institution_index: ids(catalog.institutions.iter().map(|i| i.id.as_str())),
            related: RelatednessIndex::new(&catalog.relatedness),
            postcode_index: ids(catalog.postcodes.iter().map(|p| p.0.as_str())),
            place_index,
            shortages,
            place_region,
            place_area,
            offering_rules,
            id_rank,
            catalog,
        }
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Matches a profile given as JSON text.
    pub fn match_json(&self, profile: &str, options: &MatchOptions) -> Result<MatchResult, InputError> {
        let profile = crate::model::parse::profile_from_str(profile)?;
        Ok(self.match_profile(&profile, options))
    }

    /// Matches a validated profile. See [`crate::model::parse::profile_from_str`] for validation.
    pub fn match_profile(&self, profile: &Profile, options: &MatchOptions) -> MatchResult {
        let today = options.today;
        let mut notices = Vec::new();
        let here = self.locate(profile, &mut notices);
        let place_km = match here.coord {
            Some(a) => self.catalog.places.iter().map(|p| crate::engine::geo::distance_km(a, (p.lat, p.lon))).collect(),
            None => Vec::new(),
        };
        let geo = Geo { here, place_km };

        let mut evaluated: Vec<Evaluated> =
            (0..self.catalog.offerings.len()).map(|i| self.evaluate(profile, i, today, &geo)).collect();
        evaluated.sort_by_key(|e| rank_key(self, e));

        let lang = options.lang;
        let pathways = crate::engine::pathways::pathways(self, profile, &evaluated, &geo, options);
        let what_if = crate::engine::whatif::what_if(self, profile, &evaluated, options);
        let limit = options.limit.unwrap_or(usize::MAX);
        let closed_limit = options.closed_limit.unwrap_or(0);
        let mut closed_listed = 0;
        let routes = evaluated
            .iter()
            .enumerate()
            .filter(|(rank, e)| {
                let closed = e.eligibility == Eligibility::Ineligible;
                let extra = closed && *rank >= limit && closed_listed < closed_limit;
                closed_listed += usize::from(closed && (*rank < limit || extra));
                *rank < limit || extra
            })
            .map(|(rank, e)| self.render_route(e, rank as u32 + 1, lang))
            .collect();
        let count = |v: Eligibility| evaluated.iter().filter(|e| e.eligibility == v).count() as u32;
        let counts = Counts {
            eligible: count(Eligibility::Eligible),
            conditional: count(Eligibility::Conditional),
            ineligible: count(Eligibility::Ineligible),
        };
        MatchResult {
            catalog: self.catalog.meta.name.clone(),
            catalog_version: self.catalog.meta.version.clone(),
            today,
            lang,
            routes,
            pathways,
            what_if,
            counts,
            notices: notices.into_iter().map(|m| render(lang, &m)).collect(),
        }
    }

    /// The smallest change that opens `offering` for `profile` (as in `what_if`), with the
    /// verdict it then gets; `None` if it is eligible already or no change opens it.
    pub fn what_if_changes(
        &self,
        profile: &Profile,
        offering: &str,
        today: Date,
    ) -> Option<(Vec<crate::engine::whatif::Change>, Eligibility)> {
        let i = self.catalog.offerings.iter().position(|o| o.id == offering)?;
        let geo = Geo { here: Here { coord: None, region: None, area: None }, place_km: Vec::new() };
        let e = self.evaluate(profile, i, today, &geo);
        if e.eligibility == Eligibility::Eligible {
            return None;
        }
        crate::engine::whatif::changes_for(self, profile, &e, today)
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
                (None, None) => {
                    notices.push(Msg::new("notice.unknown-place").with("place", id));
                    Here { coord: None, region: None, area: None }
                }
            },
        }
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
        self.vacancy_place[v].map_or(self.catalog.vacancies[v].job_location.as_str(), |i| self.catalog.places[i].name.as_str())
    }

    pub(crate) fn vacancy_place(&self, v: usize) -> Option<usize> {
        self.vacancy_place[v]
    }

    fn evaluate(&self, profile: &Profile, i: usize, today: Date, geo: &Geo) -> Evaluated {
        let o = &self.catalog.offerings[i];
        let timing = crate::engine::timing::next_intake(o, today, profile.available_from);
        // Rules are applied as they stand when the person would start.
        let on = timing.as_ref().map_or(today, |t| t.start_date);
        let outcomes = self.outcomes(profile, i, on);
        let eligibility = rules::verdict(outcomes.iter().map(|(_, o)| o));
        let distance_km = geo.km(self.offering_place[i]);
        // Where the person lives, else where the route is.
        let (area, region) = match (geo.here.area, self.offering_place[i]) {
            (Some(a), _) => (Some(a), geo.here.region),
            (None, Some(p)) => (Some(self.place_area[p]), self.place_region[p]),
            (None, None) => (None, None),
        };
        let shortage = self.shortage_for(profile, o, area, region);
        let inputs = score::Inputs {
            weights: &self.catalog.weights,
            today,
            timing: timing.as_ref(),
            distance_km,
            shortage,
        };
        let factors = score::factors(profile, o, &inputs);
        let score = factors.iter().map(|f| f.points).sum();
        Evaluated { offering: i, on, outcomes, eligibility, score, factors, timing, distance_km }
    }

    /// The most specific shortage figure: subject in the gemeente, in the region,
    /// nationally; then the sector in the gemeente, the region, nationally.
    fn shortage_for(&self, p: &Profile, o: &Offering, area: Option<u32>, region: Option<u32>) -> Option<(usize, f64)> {
        let sector = score::scored_sector(p, o)?;
        // Where: the gemeente, then the region, then national; a missing gemeente or region
        // is skipped (it must not be read as "national").
        let wheres: Vec<Option<u32>> = [area, region].into_iter().filter(Option::is_some).chain([None]).collect();
        [o.subject, None]
            .into_iter()
            .flat_map(|subject| wheres.iter().map(move |at| (sector, subject, *at)))
            .find_map(|k| self.shortages.get(&k).copied())
            .map(|i| (i, self.catalog.shortages[i].percent))
    }

    fn render_route(&self, e: &Evaluated, rank: u32, lang: Lang) -> RouteResult {
        let o = &self.catalog.offerings[e.offering];
        let mut blockers = Vec::new();
        let mut conditions = Vec::new();
        let mut satisfied = Vec::new();
        for (ri, outcome) in &e.outcomes {
            let rule = self.rule(*ri);
            match outcome {
                Outcome::Met => satisfied.push(rule.id.clone()),
                Outcome::NotApplicable => {}
                Outcome::Blocked => blockers.push(self.finding(rule, o, None, lang)),
                Outcome::Condition { .. } => conditions.push(self.finding(rule, o, rules::action(rule, *outcome), lang)),
            }
        }
        RouteResult {
            rank,
            offering: o.id.clone(),
            name: o.name.clone(),
            kind: o.kind,
            institution: self.institution_index.get(&o.institution).map_or(&o.institution, |&i| &self.catalog.institutions[i].name).clone(),
            place: self.offering_place[e.offering].map_or_else(|| o.place.clone(), |p| self.catalog.places[p].name.clone()),
            mode: o.educational_program_mode,
            qualification: o.occupational_credential_awarded,
            sectors: o.sectors.clone(),
            subject: o.subject,
            eligibility: e.eligibility,
            score: e.score,
            factors: e
                .factors
                .iter()
                .map(|f| Factor { factor: f.factor, points: f.points, max: f.max, reason: render(lang, &f.reason.msg(o, &self.catalog)) })
                .collect(),
            blockers,
            conditions,
            satisfied,
            next_intake: e.timing.clone(),
            distance_km: e.distance_km.map(round1),
            cost_eur_per_year: o.cost_eur_per_year,
            cost_basis: o.cost_basis,
            paid_while_learning: o.paid_while_learning,
            duration: o.time_to_complete,
            weekly_hours: o.weekly_hours,
            url: o.url.clone(),
        }
    }

    fn finding(&self, rule: &Rule, o: &Offering, action: Option<&str>, lang: Lang) -> Finding {
        Finding {
            rule: rule.id.clone(),
            message: render(lang, &rule_message(&rule.test, o, &rule.id)),
            action: action.map(|a| i18n::text(lang, a, &[])),
            sources: rule
                .sources
                .iter()
                .map(|s| SourceRef { id: s.clone(), url: self.source_index.get(s).map(|&i| self.catalog.sources[i].url.clone()) })
                .collect(),
            status: rule.status,
            valid_from: rule.valid_from,
            valid_until: rule.valid_until,
        }
    }
}

/// Sort key: open routes before ineligible ones, then score, then eligible before
/// conditional, then offering id (total and deterministic).
fn rank_key(m: &Matcher, e: &Evaluated) -> (bool, std::cmp::Reverse<u32>, Eligibility, u32) {
    (e.eligibility == Eligibility::Ineligible, std::cmp::Reverse(e.score), e.eligibility, m.id_rank[e.offering])
}

/// What a rule requires, as a message.
pub(crate) fn rule_message(test: &Test, o: &Offering, rule_id: &str) -> Msg {
    let subject = o.subject.map(|s| s.id().to_string()).unwrap_or_default();
    match test {
        Test::DiplomaLevel { levels, .. } => Msg::new("rule.diploma-level").with("levels", i18n::ids(levels)),
        Test::RelatedDiploma { levels, .. } => {
            Msg::new("rule.related-diploma").with("levels", i18n::ids(levels)).with("subject", subject)
        }
        Test::Qualification { any_of, same_subject: false } => {
            Msg::new("rule.qualification").with("qualifications", i18n::ids(any_of))
        }
        Test::Qualification { any_of, same_subject: true } => Msg::new("rule.qualification-subject")
            .with("qualifications", i18n::ids(any_of))
            .with("subject", subject),
        Test::SchoolJob { roles, min_hours } => {
            let roles = if roles.is_empty() { "leraar".to_string() } else { i18n::ids(roles) };
            let m = if *min_hours == 0 { Msg::new("rule.school-job-any-hours") } else { Msg::new("rule.school-job").with("min_hours", min_hours) };
            m.with("roles", roles).with("sectors", i18n::ids(&o.sectors))
        }
        Test::Geschiktheidsonderzoek => Msg::new("rule.geschiktheidsonderzoek"),
        Test::PaboTests => Msg::new("rule.pabo-tests"),
        Test::HboLevelAssessed => Msg::new("rule.hbo-level-assessed"),
        Test::Dutch { min } => Msg::new("rule.dutch").with("min", min),
        Test::ForeignOrNonNative => Msg::new("rule.foreign-or-non-native"),
        Test::NoRecentLerarenopleiding { years } => Msg::new("rule.no-recent-lerarenopleiding").with("years", years),
        Test::Study { levels, min_ec, .. } => {
            Msg::new("rule.study").with("levels", i18n::ids(levels)).with("min_ec", min_ec)
        }
        Test::MinAge { years } => Msg::new("rule.min-age").with("years", years),
        Test::SubjectIn { subjects } => Msg::new("rule.subject-in").with("subjects", i18n::ids(subjects)),
        Test::SectorIn { sectors } => Msg::new("rule.sector-in").with("sectors", i18n::ids(sectors)),
        Test::HoursAbove { hours } => Msg::new("rule.hours-above").with("hours", hours),
        Test::Vog => Msg::new("rule.vog"),
        Test::AllOf { .. } | Test::AnyOf { .. } | Test::Not { .. } => Msg::new("rule.composite").with("rule", rule_id),
    }
}

pub(crate) fn render(lang: Lang, m: &Msg) -> Text {
    i18n::text(lang, m.id, &m.params)
}

pub(crate) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
