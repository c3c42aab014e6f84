//! The matcher: a catalog indexed once, matched against many profiles.
//!
//! `Matcher::new` validates and indexes a catalog; `Matcher::match_profile` computes
//! verdicts, scores, timing, pathways and what-if hints for one profile and returns
//! the one result type. Pure: no clock, no I/O.

use crate::engine::geo::round1;
use crate::engine::index::{rank_key, Evaluated, Geo, Index};
pub use crate::engine::options::MatchOptions;
use crate::engine::options::Order;
use crate::engine::rules::{self, Outcome};
use crate::engine::score::Msg;
use crate::i18n;
use crate::model::date::Date;
use crate::model::error::{Document, InputError};
use crate::model::vocab::*;
use crate::model::{Catalog, Offering, Profile, Rule, Test};
use crate::result::*;

/// A validated catalog, indexed once; match as many profiles as you like.
pub struct Matcher {
    index: Index,
}

impl Matcher {
    /// Parses, validates and indexes a catalog from JSON text.
    pub fn from_json(text: &str) -> Result<Matcher, InputError> {
        Ok(Matcher { index: Index::new(crate::model::parse::catalog_from_str(text)?) })
    }

    /// Indexes a catalog that [`crate::model::parse`] has read and validated.
    #[cfg(target_arch = "wasm32")]
    pub(crate) fn from_validated(catalog: Catalog) -> Matcher {
        Matcher { index: Index::new(catalog) }
    }

    /// Validates and indexes a catalog.
    pub fn new(catalog: Catalog) -> Result<Matcher, InputError> {
        let problems = crate::model::validate::catalog(&catalog);
        if !problems.is_empty() {
            return Err(InputError { document: Document::Catalog, problems });
        }
        Ok(Matcher { index: Index::new(catalog) })
    }

    /// Parses, validates and indexes a catalog from JSON text with a loket's overlay (JSON
    /// text) laid over it ([`Catalog::merge`]): a problem in the catalog is reported as the
    /// catalog's, one in the overlay (or in the merge) as the overlay's.
    pub fn from_json_with_overlay(catalog: &str, overlay: &str) -> Result<Matcher, InputError> {
        let catalog = crate::model::parse::catalog_from_str(catalog)?;
        let overlay = crate::model::parse::overlay_from_str(overlay)?;
        Ok(Matcher { index: Index::new(catalog.merged(overlay)?) })
    }

    /// Lays an overlay over a validated catalog and indexes the result (the merge
    /// validates the merged catalog as a whole). Both are cloned; the wasm build and
    /// [`Matcher::from_json_with_overlay`] move theirs in ([`Catalog::merged`]).
    pub fn with_overlay(catalog: &Catalog, overlay: &crate::model::Overlay) -> Result<Matcher, InputError> {
        Ok(Matcher { index: Index::new(catalog.merge(overlay)?) })
    }

    pub fn catalog(&self) -> &Catalog {
        &self.index.catalog
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
        let ix = &self.index;
        let geo = ix.geo(profile, &mut notices);
        // A wanted subject no route of this catalog leads to a tweedegraads bevoegdheid in
        // (informatica: no such programme in DUO's list) is said, not silently ranked.
        for subject in profile.subjects.iter().filter(|s| !s.is_mbo_field()) {
            let tweedegraads = ix.catalog.offerings.iter().any(|o| {
                o.subject == Some(*subject) && o.occupational_credential_awarded == Qualification::Tweedegraads
            });
            if !tweedegraads {
                notices.push(crate::engine::score::Msg::new("notice.no-tweedegraads-route").with("subject", subject));
            }
        }
        // A wanted role no route of this catalog leads to is said, not silently ranked.
        for role in &profile.roles {
            if !ix.offering_role.contains(role) {
                notices.push(crate::engine::score::Msg::new("notice.no-route-for-role").with("role", role));
            }
        }
        // Someone at a lerarenopleiding now: finishing it is their route; the list shows others.
        // (Not at an Ad: it leads to no bevoegdheid, ROUTES row 13.)
        if profile.study.as_ref().is_some_and(|s| s.lerarenopleiding && s.level != crate::model::vocab::Level::HboAd) {
            notices.push(crate::engine::score::Msg::new("notice.in-lerarenopleiding"));
        }
        let mut evaluated: Vec<Evaluated> =
            (0..ix.catalog.offerings.len()).map(|i| ix.evaluate(profile, i, today, &geo)).collect();
        let all = evaluated.len();
        // The candidate's filters leave routes out of every list and count.
        evaluated.retain(|e| {
            options.filter.keeps(
                &ix.catalog.offerings[e.offering],
                e.distance_km,
                e.timing.as_ref().map(|t| t.start_date),
            )
        });
        let hidden = (all - evaluated.len()) as u32;
        // (Keys first, then each route moved once: sorting the routes themselves moved them
        // many times over, a twentieth of a match.)
        evaluated.sort_by_cached_key(|e| rank_key(ix, e));

        let lang = options.lang;
        let pathways = crate::engine::pathways::pathways(ix, profile, &evaluated, &geo, options);
        let hints = crate::engine::whatif::what_if(ix, profile, &evaluated, options);
        let ranks: Vec<usize> = match options.per_kind {
            // The best of every kind in full (the others briefly, in `kinds`).
            // (A kind's card within the person's choices and its card outside them: `kinds`.)
            Some(_) => {
                let mut seen = [[false; 2]; RouteKind::ALL.len()];
                (0..evaluated.len())
                    .filter(|&r| {
                        let e = &evaluated[r];
                        let kind = ix.catalog.offerings[e.offering].kind as usize;
                        !std::mem::replace(&mut seen[kind][usize::from(e.outside >= 2)], true)
                            && (options.outside || e.outside < 2)
                    })
                    .collect()
            }
            None => {
                let limit = options.limit.unwrap_or(usize::MAX);
                let closed_limit = options.closed_limit.unwrap_or(0);
                let mut closed_listed = 0;
                (0..evaluated.len())
                    .filter(|&rank| {
                        let closed = evaluated[rank].eligibility == Eligibility::Ineligible;
                        let extra = closed && rank >= limit && closed_listed < closed_limit;
                        closed_listed += usize::from(closed && (rank < limit || extra));
                        rank < limit || extra
                    })
                    .collect()
            }
        };
        let routes: Vec<RouteResult> =
            ranks.iter().map(|&r| self.render_route(profile, &evaluated[r], r as u32 + 1, lang)).collect();
        let count = |v: Eligibility| evaluated.iter().filter(|e| e.eligibility == v).count() as u32;
        let counts = Counts {
            eligible: count(Eligibility::Eligible),
            conditional: count(Eligibility::Conditional),
            ineligible: count(Eligibility::Ineligible),
            hidden,
        };
        let kinds =
            self.kinds(profile, &evaluated, &hints, options.per_kind.unwrap_or(0), options.order, options.outside);
        let summary = self.summary(profile, &evaluated, &kinds, &pathways, today, lang);
        let mut what_if = hints;
        what_if.truncate(options.max_what_if);
        let (activities, activities_more) =
            crate::engine::activities::activities(ix, profile, &evaluated, &geo, today, options.max_activities);
        MatchResult {
            catalog: ix.catalog.meta.name.clone(),
            catalog_version: ix.catalog.meta.version.clone(),
            today,
            lang,
            routes,
            pathways,
            what_if,
            summary,
            kinds,
            counts,
            notices: notices.iter().map(|m| m.render(lang)).collect(),
            activities,
            activities_more,
        }
    }

    /// One card per route kind within the person's choices and one outside them, in the
    /// order of its best offering. Its `others`: up to `per_kind` - 1 of the places that fit,
    /// in `order`; none on a card outside the choices unless `outside` (they are counted).
    fn kinds(
        &self,
        profile: &Profile,
        ranked: &[Evaluated],
        hints: &[WhatIf],
        per_kind: usize,
        order: Order,
        outside: bool,
    ) -> Vec<KindSummary> {
        let ix = &self.index;
        let mut out: Vec<KindSummary> = Vec::new();
        // Per card (same index as `out`): the ranks of the other places that fit.
        let mut fitting: Vec<Vec<usize>> = Vec::new();
        // Per card: a place of it teaches no one subject.
        let mut untaught: Vec<bool> = Vec::new();
        for (rank, e) in ranked.iter().enumerate() {
            let o = &ix.catalog.offerings[e.offering];
            let open = e.eligibility != Eligibility::Ineligible;
            // A kind has a card within the person's choices and one outside them (another
            // sector, role or subject; shown with the "also show" switch), each counting and
            // listing only its own places.
            let outside = e.outside >= 2;
            if let Some(i) = out.iter().position(|k| k.kind == o.kind && k.outside == outside) {
                let k = &mut out[i];
                k.offerings += 1;
                k.open += u32::from(open);
                // "Also at": other places of an open kind where it is open too (on a card within
                // the choices, all are in the person's subjects); for a closed kind, the other
                // places (counted, not listed).
                if k.eligibility == Eligibility::Ineligible || open {
                    fitting[i].push(rank);
                }
                match o.subject {
                    Some(subject) => k.subjects.push(subject),
                    None => untaught[i] = true,
                }
                continue;
            }
            let def = ix.catalog.route_kinds.iter().find(|d| d.kind == o.kind);
            out.push(KindSummary {
                kind: o.kind,
                role: ix.offering_role[e.offering],
                qualification: def.map_or(o.occupational_credential_awarded, |d| d.qualification),
                sectors: def.map_or_else(|| o.sectors.clone(), |d| d.sectors.clone()),
                eligibility: e.eligibility,
                best: o.id.clone(),
                offerings: 1,
                open: u32::from(open),
                outside,
                what_if: if e.eligibility == Eligibility::Eligible {
                    None
                } else {
                    hints.iter().find(|h| h.kind == o.kind).cloned()
                },
                others: Vec::new(),
                others_total: 0,
                subjects: o.subject.into_iter().collect(),
            });
            fitting.push(Vec::new());
            untaught.push(o.subject.is_none());
        }
        // What the person named that a subject could match: the subjects they want, their
        // diplomas' fields (none: no list, as nothing says their subject is missing).
        let fields: Vec<&str> = profile.diplomas.iter().filter_map(|d| d.field.as_deref()).collect();
        let theirs =
            |s: Subject| profile.subjects.contains(&s) || fields.iter().any(|f| ix.related.related(Some(f), Some(s)));
        let named = !profile.subjects.is_empty() || !fields.is_empty();
        for ((k, mut ranks), untaught) in out.iter_mut().zip(fitting).zip(untaught) {
            k.others_total = ranks.len() as u32;
            // A closed kind whose every place teaches a subject, none of them one the person
            // wants or studied: those subjects, each once, in the vocabulary's order (no
            // sort: its code was a KB of the wasm). Else none.
            let seen = std::mem::take(&mut k.subjects);
            if k.open == 0 && !untaught && named && !seen.iter().any(|&s| theirs(s)) {
                k.subjects = Subject::ALL.iter().copied().filter(|s| seen.contains(s)).collect();
            }
            if k.open == 0 || (k.outside && !outside) {
                // A closed kind: why, and what would open it; a card outside the choices that
                // the caller does not list: counted. The places are counted, not listed.
                continue;
            }
            // A stable sort of ranks in rank order: ties keep it; unknown values go last.
            let by = |r: &usize| &ranked[*r];
            match order {
                Order::Rank => {}
                // (By the distance as listed: places shown at the same km keep their rank order.)
                Order::Distance => ranks.sort_by(|a, b| {
                    let (a, b) = (by(a).distance_km.map(round1), by(b).distance_km.map(round1));
                    a.is_none().cmp(&b.is_none()).then(a.unwrap_or(0.0).total_cmp(&b.unwrap_or(0.0)))
                }),
                Order::Start => ranks.sort_by_key(|r| {
                    let start = by(r).timing.as_ref().map(|t| t.start_date);
                    (start.is_none(), start)
                }),
                Order::Cost => ranks.sort_by_key(|r| by(r).cost.eur_per_year),
            }
            ranks.truncate(per_kind.saturating_sub(1));
            k.others = ranks
                .into_iter()
                .map(|rank| {
                    let e = &ranked[rank];
                    let o = &ix.catalog.offerings[e.offering];
                    OfferingBrief {
                        offering: o.id.clone(),
                        rank: rank as u32 + 1,
                        name: o.name.clone(),
                        institution: ix.institution_name(o).to_string(),
                        place: ix.offering_place_name(e.offering),
                        mode: o.educational_program_mode,
                        eligibility: e.eligibility,
                        distance_km: e.distance_km.map(round1),
                        start_date: e.timing.as_ref().map(|t| t.start_date),
                        cost_eur_per_year: e.cost.eur_per_year,
                        paid_while_learning: o.paid_while_learning,
                        url: o.url.clone(),
                    }
                })
                .collect();
        }
        out
    }

    /// The answer in words: how many kinds of route are open, the best start, the first step.
    fn summary(
        &self,
        profile: &Profile,
        ranked: &[Evaluated],
        kinds: &[KindSummary],
        pathways: &[Pathway],
        today: Date,
        lang: Lang,
    ) -> Vec<Text> {
        let ix = &self.index;
        let inside: Vec<&KindSummary> = kinds.iter().filter(|k| !k.outside).collect();
        let open_kinds = inside.iter().filter(|k| k.open > 0).count();
        // Places to train: a kind without training (herintreding: a job, no programme) has
        // none, however many of its routes are open.
        let trains = |k: &KindSummary| {
            ranked.iter().map(|e| &ix.catalog.offerings[e.offering]).find(|o| o.id == k.best).is_none_or(|o| o.trains())
        };
        let open_offerings: u32 = inside.iter().filter(|k| trains(k)).map(|k| k.open).sum();
        let mut out = Vec::new();
        let best = ranked.iter().find(|e| e.eligibility != Eligibility::Ineligible && e.outside < 2);
        let Some(best) = best else {
            out.push(Text::new(lang, "summary.none", &[]));
            if kinds.iter().any(|k| k.outside && k.open > 0) {
                out.push(Text::new(lang, "summary.outside", &[]));
            }
            if inside.iter().any(|k| k.what_if.is_some()) {
                out.push(Text::new(lang, "summary.what-would-help", &[]));
            }
            return out;
        };
        out.push(Text::new(
            lang,
            match (open_kinds, open_offerings) {
                (1, 0) => "summary.open-one-no-places",
                (_, 0) => "summary.open-no-places",
                (1, 1) => "summary.open-one-one",
                (1, _) => "summary.open-one",
                (_, 1) => "summary.open-one-place",
                _ => "summary.open",
            },
            &[("kinds", open_kinds.to_string()), ("offerings", open_offerings.to_string())],
        ));
        // The places counted that lie beyond the distance the person gave (listed, marked and
        // scored lower; only the distance filter leaves them out): said, so that the count
        // is not read as all within reach.
        if let Some(max) = profile.max_travel_km.filter(|_| open_offerings > 1) {
            let far = ranked
                .iter()
                .filter(|e| {
                    e.eligibility != Eligibility::Ineligible
                        && e.outside < 2
                        && ix.catalog.offerings[e.offering].trains()
                        // (the distance as the cards show it)
                        && e.distance_km.is_some_and(|d| round1(d) > f64::from(max))
                })
                .count();
            if far > 0 {
                let id = if far == 1 { "summary.far-one" } else { "summary.far" };
                out.push(Text::new(lang, id, &[("n", far.to_string()), ("max", max.to_string())]));
            }
        }
        let o = &ix.catalog.offerings[best.offering];
        let start = best.timing.as_ref().map(|t| t.start_date);
        let mut params = vec![("kind", o.kind.id().to_string()), ("institution", ix.institution_name(o).to_string())];
        params.extend(start.map(|d| ("date", d.to_string())));
        // A route without training is not taken "at" anyone (herintreding: the loket advises,
        // a school employs): the kind alone.
        let id = match (o.trains(), start.is_some()) {
            (true, true) => "summary.best",
            (true, false) => "summary.best-undated",
            (false, true) => "summary.best-no-place",
            (false, false) => "summary.best-undated-no-place",
        };
        out.push(Text::new(lang, id, &params));
        // The first step: what the best route's first condition asks, and then the first
        // dated step of its pathway if that is later; else that dated step.
        // (Not the first day of a demo vacancy, nor the GO dated by it: an example post's
        // date is no step to plan by.)
        // The cohort's own last day to apply counts too: the pathway's first steps may all be
        // dated by a demo vacancy (a GO requested on the deadline is dropped with them), and
        // without a pathway it is the only date there is.
        let first_event = pathways.iter().find(|pw| pw.offering == o.id).and_then(|pw| {
            let demo = pw.vacancy.as_ref().is_some_and(|v| v.demo);
            pw.timeline.iter().find(|ev| {
                !(demo && matches!(ev.event, "start-teaching" | "start-work" | "request-go" | "geschiktheidsonderzoek"))
            })
        });
        let first_event = first_event.map(|ev| (ev.date, ev.text.text.clone(), ev.event));
        let apply = best.timing.as_ref().filter(|t| !t.rolling).map(|t| t.apply_by);
        let by_apply = |a: Date| (a, Text::new(lang, "timeline.apply", &[]).text, "apply");
        let first_event = match (first_event, apply) {
            (Some(ev), Some(a)) if a < ev.0 => Some(by_apply(a)),
            (None, Some(a)) => Some(by_apply(a)),
            (ev, _) => ev,
        };
        // A date that comes from an intake's usual dates is an estimate, as the card says
        // (the GO is planned back from the intake; a job's first day is the vacancy's own).
        let typical = best.timing.as_ref().is_some_and(|t| t.status == IntakeStatus::Typical);
        let expected = first_event.as_ref().is_some_and(|ev| {
            typical
                && match ev.2 {
                    "apply" | "intake" => true,
                    "request-go" | "geschiktheidsonderzoek" => ev.0 > today, // (now: the job's date)
                    _ => false,
                }
        });
        let dated = |id: &str| {
            let id = if expected { format!("{id}-expected") } else { id.to_string() };
            first_event
                .as_ref()
                .map(|(date, step, _)| Text::new(lang, &id, &[("step", step.clone()), ("date", date.to_string())]))
        };
        let condition = best.outcomes.iter().find_map(|(ri, oc)| {
            crate::engine::rules::action_for(ix.rule(*ri), *oc, profile, o).map(|a| {
                Text::new(lang, "summary.first-step", &[("step", crate::i18n::render(lang, a, &Default::default()))])
            })
        });
        // What the person must arrange comes before the calendar; the calendar's first date
        // follows it (it may be weeks away, as a school's request for the GO before a job starts).
        match condition {
            Some(c) => {
                out.push(c);
                // (Not when it is today: the first step says what to do now; but the last day
                // to apply, even today, is said.)
                if first_event.as_ref().is_some_and(|ev| ev.0 > today || ev.2 == "apply") {
                    out.extend(dated("summary.first-date"));
                }
            }
            None => out.extend(dated("summary.first-step-dated")),
        }
        out
    }

    /// The smallest change that opens `offering` for `profile` (as in `what_if`), with the
    /// verdict it then gets; `None` if it is eligible already or no change opens it.
    pub fn what_if_changes(
        &self,
        profile: &Profile,
        offering: &str,
        today: Date,
    ) -> Option<(Vec<crate::engine::whatif::Change>, Eligibility)> {
        let ix = &self.index;
        let i = ix.catalog.offerings.iter().position(|o| o.id == offering)?;
        let e = ix.evaluate(profile, i, today, &Geo::nowhere());
        if e.eligibility == Eligibility::Eligible {
            return None;
        }
        crate::engine::whatif::changes_for(ix, profile, &e, today, true, &mut {
            crate::engine::whatif::WHAT_IF_EVALUATIONS
        })
    }

    fn render_route(&self, profile: &Profile, e: &Evaluated, rank: u32, lang: Lang) -> RouteResult {
        let ix = &self.index;
        let o = &ix.catalog.offerings[e.offering];
        let mut blockers = Vec::new();
        let mut conditions = Vec::new();
        let mut satisfied = Vec::new();
        let mut unsure = Vec::new();
        for (ri, outcome) in &e.outcomes {
            let rule = ix.rule(*ri);
            match outcome {
                Outcome::Met => {
                    // A rule that words itself as a limit (its own message: at most 6 hours
                    // without a bevoegdheid) is unsure about the limit, which a person who
                    // meets it does not depend on. A note (`said_when_met`) is said either way.
                    if rule.status != SourceStatus::Confirmed && (rule.message.is_none() || rule.said_when_met) {
                        unsure.push(self.finding(rule, o, None, lang));
                    }
                    satisfied.push(rule.id.clone())
                }
                Outcome::NotApplicable => {}
                Outcome::Blocked => {
                    let mut f = self.finding(rule, o, None, lang);
                    f.lifted_on = lifted_on(rule, profile);
                    blockers.push(f)
                }
                Outcome::Condition { .. } => {
                    conditions.push(self.finding(rule, o, rules::action_for(rule, *outcome, profile, o), lang))
                }
            }
        }
        RouteResult {
            rank,
            outside: e.outside >= 2,
            offering: o.id.clone(),
            name: o.name.clone(),
            kind: o.kind,
            role: ix.offering_role[e.offering],
            institution: ix.institution_name(o).to_string(),
            place: ix.offering_place_name(e.offering),
            mode: o.educational_program_mode,
            qualification: o.occupational_credential_awarded,
            sectors: o.sectors.clone(),
            subject: o.subject,
            eligibility: e.eligibility,
            score: e.score,
            factors: e
                .factors
                .iter()
                .map(|f| Factor {
                    factor: f.factor,
                    points: f.points,
                    max: f.max,
                    reason: f.reason.msg(o, &ix.catalog).render(lang),
                })
                .collect(),
            blockers,
            conditions,
            satisfied,
            unsure,
            next_intake: e.timing.as_ref().map(|t| t.to_result()),
            distance_km: e.distance_km.map(round1),
            cost_eur_per_year: e.cost.eur_per_year,
            cost_basis: e.cost.basis,
            cost_source: e.cost.figure.map(|(fi, vi)| {
                let f = &ix.catalog.figures[fi];
                let v = &f.values[vi];
                AmountSource {
                    figure: f.id.clone(),
                    value: v.value,
                    valid_from: v.valid_from,
                    valid_until: v.valid_until,
                    status: e.cost.status,
                    estimated: e.cost.estimated,
                    sources: self.source_refs(&v.sources),
                }
            }),
            paid_while_learning: o.paid_while_learning,
            pay: crate::engine::money::pay_on(&ix.catalog, o, e.on).map(|(fi, vi, amount, status, estimated)| {
                let f = &ix.catalog.figures[fi];
                let v = &f.values[vi];
                Pay {
                    eur_per_month: amount,
                    source: AmountSource {
                        figure: f.id.clone(),
                        value: v.value,
                        valid_from: v.valid_from,
                        valid_until: v.valid_until,
                        status,
                        estimated,
                        sources: self.source_refs(&v.sources),
                    },
                }
            }),
            skipped_intakes: e
                .skipped
                .iter()
                .map(|(start, rules)| {
                    let ids: Vec<String> = rules.iter().map(|&r| ix.rule(r).id.clone()).collect();
                    let what: Vec<String> = rules
                        .iter()
                        .map(|&r| {
                            self.finding(ix.rule(r), o, None, lang).message.text.trim_end_matches('.').to_string()
                        })
                        .collect();
                    // When time lifts the block: the birthday, the end of the waiting time.
                    let lifted = rules.iter().filter_map(|&r| lifted_on(ix.rule(r), profile)).max();
                    let mut params = vec![("date", start.to_string()), ("reason", what.join("; "))];
                    params.extend(lifted.map(|d| ("from", d.to_string())));
                    SkippedIntake {
                        start_date: *start,
                        text: Text::new(
                            lang,
                            if lifted.is_some() { "intake.skipped-until" } else { "intake.skipped" },
                            &params,
                        ),
                        rules: ids,
                    }
                })
                .collect(),
            duration: o.time_to_complete,
            weekly_hours: o.weekly_hours,
            url: o.url.clone(),
        }
    }

    fn source_refs(&self, ids: &[String]) -> Vec<SourceRef> {
        let ix = &self.index;
        ids.iter()
            .map(|s| SourceRef {
                id: s.clone(),
                url: ix.source_index.get(s).map(|&i| ix.catalog.sources[i].url.clone()),
            })
            .collect()
    }

    fn finding(&self, rule: &Rule, o: &Offering, action: Option<&str>, lang: Lang) -> Finding {
        Finding {
            lifted_on: None,
            rule: rule.id.clone(),
            message: rule_text(rule, o, lang),
            action: action.map(|a| Text::new(lang, a, &[])),
            sources: self.source_refs(&rule.sources),
            status: rule.status,
            valid_from: rule.valid_from,
            valid_until: rule.valid_until,
        }
    }
}

/// The day time lifts a rule for this person: the birthday that reaches its minimum age,
/// or the end of its waiting time after leaving a lerarenopleiding.
fn lifted_on(rule: &Rule, p: &Profile) -> Option<Date> {
    fn find(t: &Test, p: &Profile) -> Option<Date> {
        match t {
            Test::MinAge { years } => p.birth_date.map(|b| b.add_months(i32::from(*years) * 12)),
            Test::NoRecentLerarenopleiding { years } => {
                p.lerarenopleiding_left.map(|l| l.add_months(i32::from(*years) * 12))
            }
            Test::AllOf { all } => all.iter().filter_map(|t| find(t, p)).max(),
            Test::AnyOf { any } => any.iter().filter_map(|t| find(t, p)).min(),
            _ => None,
        }
    }
    find(&rule.test, p).or_else(|| rule.alternatives.iter().filter_map(|a| find(&a.test, p)).min())
}

/// What a rule says about this offering, in `lang`: its own wording where it has one (a
/// limit rather than a requirement), with the same parameters as the test's own wording.
pub(crate) fn rule_text(rule: &Rule, o: &Offering, lang: Lang) -> Text {
    let generic = rule_message(&rule.test, o, &rule.id);
    match &rule.message {
        Some(id) => Text::new(lang, id, &generic.params),
        None => generic.render(lang),
    }
}

/// What a rule requires, as a message.
pub(crate) fn rule_message(test: &Test, o: &Offering, rule_id: &str) -> Msg {
    let subject = o.subject.map(|s| s.id().to_string()).unwrap_or_default();
    match test {
        Test::DiplomaLevel { levels, .. } => Msg::new("rule.diploma-level").with("levels", i18n::ids(levels)),
        // An offering without a subject: the route's own field, not an empty name.
        Test::RelatedDiploma { levels, .. } if subject.is_empty() => {
            Msg::new("rule.related-diploma-any").with("levels", i18n::ids(levels))
        }
        Test::RelatedDiploma { levels, .. } => {
            Msg::new("rule.related-diploma").with("levels", i18n::ids(levels)).with("subject", subject)
        }
        Test::Qualification { any_of, same_subject: true } if subject.is_empty() => {
            Msg::new("rule.qualification").with("qualifications", i18n::ids(any_of))
        }
        Test::Qualification { any_of, same_subject: false } => {
            Msg::new("rule.qualification").with("qualifications", i18n::ids(any_of))
        }
        Test::Qualification { any_of, same_subject: true } => {
            Msg::new("rule.qualification-subject").with("qualifications", i18n::ids(any_of)).with("subject", subject)
        }
        Test::SchoolJob { roles, min_hours, .. } => {
            let roles = if roles.is_empty() { "leraar".to_string() } else { i18n::ids(roles) };
            let m = if *min_hours == 0 {
                Msg::new("rule.school-job-any-hours")
            } else {
                Msg::new("rule.school-job").with("min_hours", min_hours)
            };
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
