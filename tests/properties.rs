//! Property tests over random profiles and dates against the sample catalog.

mod common;
use common::*;
use proptest::prelude::*;
use routewijzer::model::{Diploma, HeldQualification, Job, Location, Study};
use routewijzer::*;
fn to_json(r: &routewijzer::MatchResult) -> String {
    serde_json::to_string(r).unwrap()
}

const FIELDS: &[&str] = &[
    "wiskunde",
    "werktuigbouwkunde",
    "rechten",
    "biologie",
    "econometrie",
    "informatica",
    "pedagogiek",
    "verpleegkunde",
];
const PLACES: &[&str] = &["3511", "3812", "1011", "9711", "GM0344", "GM0363", "9999"];

fn level() -> impl Strategy<Value = Level> {
    prop::sample::select(Level::ALL)
}

fn diploma() -> impl Strategy<Value = Diploma> {
    (level(), prop::option::of(prop::sample::select(FIELDS)), any::<bool>(), any::<bool>()).prop_map(
        |(level, field, foreign, rec)| Diploma {
            level,
            field: field.map(String::from),
            foreign,
            recognised: foreign && rec,
        },
    )
}

prop_compose! {
    /// Mostly around the sample's intakes (2026-2028), sometimes years before or after.
    fn a_date()(near in 0i64..900, far in -3650i64..7300, pick_far in prop::bool::weighted(0.15)) -> Date {
        let base = Date::parse("2026-01-01").unwrap();
        base.add_days(if pick_far { far } else { near })
    }
}

prop_compose! {
    fn a_profile()(
        diplomas in prop::collection::vec(diploma(), 0..3),
        quals in prop::collection::vec((prop::sample::select(Qualification::ALL), prop::option::of(prop::sample::select(Subject::ALL))), 0..2),
        job in prop::option::of((prop::sample::select(Sector::ALL), prop::sample::select(Role::ALL), 1u8..=40, any::<bool>())),
        study in prop::option::of((level(), prop::option::of(prop::sample::select(FIELDS)), 0u16..=300, any::<bool>())),
        left in prop::option::of(a_date()),
        sectors in prop::sample::subsequence(Sector::ALL.to_vec(), 0..=3),
        subjects in prop::sample::subsequence(Subject::ALL.to_vec(), 0..=3),
        hours in prop::option::of(1u8..=60),
        available in prop::option::of(a_date()),
        earn in prop::sample::select(EarnWish::ALL),
        place in prop::option::of(prop::sample::select(PLACES)),
        travel in prop::option::of(5u16..=150),
        dutch in prop::option::of(prop::sample::select(Dutch::ALL)),
        age in prop::option::of(16u8..=70),
        tests in prop::sample::subsequence(PaboTest::ALL.to_vec(), 0..=3),
        go in any::<bool>(),
        assessed in any::<bool>(),
        vog in any::<bool>(),
        roles in prop::sample::subsequence(Role::ALL.to_vec(), 0..=2),
        born in prop::option::of(0i64..(60 * 365)),
    ) -> Profile {
        Profile {
            diplomas,
            qualifications: quals.into_iter().map(|(qualification, subject)| HeldQualification { qualification, subject }).collect(),
            job: job.map(|(sector, role, hours_per_week, offer)| Job { sector, role, hours_per_week, start_date: None, offer }),
            study: study.map(|(level, field, ec, lerarenopleiding)| Study { level, field: field.map(String::from), ec, lerarenopleiding }),
            lerarenopleiding_left: left,
            sectors,
            roles,
            subjects,
            hours_per_week: hours,
            available_from: available,
            earn_while_learning: earn,
            location: place.map(|p| if p.starts_with("GM") {
                Location { postcode: None, gemeente: Some(p.to_string()), lat: None, lon: None }
            } else {
                Location { postcode: Some(p.to_string()), gemeente: None, lat: None, lon: None }
            }),
            max_travel_km: travel,
            dutch,
            age,
            birth_date: born.map(|d| Date::parse("1950-01-01").unwrap().add_days(d)),
            pabo_tests_passed: tests,
            geschiktheidsonderzoek_passed: go,
            hbo_level_assessed: assessed,
            vog,
        }
    }
}

fn opts(today: Date) -> MatchOptions {
    MatchOptions::new(today)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, .. ProptestConfig::default() })]

    #[test]
    fn score_is_the_sum_of_its_factors_and_within_0_100(p in a_profile(), today in a_date()) {
        let r = sample().match_profile(&p, &opts(today));
        prop_assert_eq!(r.routes.len(), sample().catalog().offerings.len());
        for route in &r.routes {
            prop_assert!(route.score <= 100);
            prop_assert_eq!(route.score, route.factors.iter().map(|f| f.points).sum::<u32>());
            prop_assert!(route.factors.iter().all(|f| f.points <= f.max));
        }
        for w in &r.pathways {
            prop_assert!(w.score <= 100);
        }
    }

    #[test]
    fn matching_is_deterministic(p in a_profile(), today in a_date()) {
        // Two matchers built from the same text, so no state can carry over.
        let other = Matcher::from_json(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap();
        let a = to_json(&sample().match_profile(&p, &opts(today)));
        let b = to_json(&other.match_profile(&p.clone(), &opts(today)));
        prop_assert_eq!(a, b);
    }

    #[test]
    fn ineligible_routes_rank_below_all_others(p in a_profile(), today in a_date()) {
        let r = sample().match_profile(&p, &opts(today));
        let first_closed = r.routes.iter().position(|x| x.eligibility == Eligibility::Ineligible).unwrap_or(r.routes.len());
        prop_assert!(r.routes[first_closed..].iter().all(|x| x.eligibility == Eligibility::Ineligible));
        // Open routes: those in the person's sectors, roles and subjects first (sectors weigh
        // more), then by score within each group.
        let wanted: Vec<Role> = if p.roles.is_empty() { vec![Role::Leraar] } else { p.roles.clone() };
        let outside = |x: &routewijzer::result::RouteResult| {
            let other_subject = !p.subjects.is_empty() && x.subject.is_some_and(|s| !p.subjects.contains(&s));
            4 * u8::from(!p.sectors.is_empty() && !x.sectors.iter().any(|s| p.sectors.contains(s)))
                + 2 * u8::from(!wanted.contains(&x.role) || other_subject)
                // (a route without training has no load of its own)
                + u8::from(x.duration.0 > 0 && p.hours_per_week.is_some_and(|h| u32::from(x.weekly_hours) * 5 > u32::from(h) * 8))
        };
        for pair in r.routes[..first_closed].windows(2) {
            prop_assert!(outside(&pair[0]) <= outside(&pair[1]));
            if outside(&pair[0]) == outside(&pair[1]) {
                prop_assert!(pair[0].score >= pair[1].score);
                // Of two equal routes the nearer first (no distance last), not the first id.
                if pair[0].score == pair[1].score && pair[0].eligibility == pair[1].eligibility {
                    let km = |x: &routewijzer::result::RouteResult| x.distance_km.unwrap_or(f64::INFINITY);
                    prop_assert!(km(&pair[0]) <= km(&pair[1]) + 0.05, "{} before {}", pair[0].offering, pair[1].offering);
                }
            }
        }
        for (i, x) in r.routes.iter().enumerate() {
            prop_assert_eq!(x.rank as usize, i + 1);
        }
    }

    #[test]
    fn a_card_of_the_persons_choices_counts_what_it_offers_them(p in a_profile(), today in a_date()) {
        // "Counts always match what can be reached" (issue #10): on a card within the
        // person's choices, its count of open places is the best one and those behind "also
        // at", and none of them is in a subject the person did not choose.
        let mut o = opts(today);
        o.per_kind = Some(4); // as the widget asks: each card's best in full
        let r = sample().match_profile(&p, &o);
        let all = sample().match_profile(&p, &opts(today));
        let subject_of = |id: &str| all.routes.iter().find(|x| x.offering == id).and_then(|x| x.subject);
        for k in &r.kinds {
            prop_assert!(r.routes.iter().any(|x| x.offering == k.best), "{}: its best {} is among the routes", k.kind, k.best);
            // A kind has at most one card within the choices and one outside them.
            prop_assert_eq!(r.kinds.iter().filter(|j| j.kind == k.kind && j.outside == k.outside).count(), 1);
        }
        for k in r.kinds.iter().filter(|k| !k.outside && k.open > 0) {
            prop_assert_eq!(k.open, k.others_total + 1, "{}", k.kind);
            if !p.subjects.is_empty() {
                for id in std::iter::once(k.best.as_str()).chain(k.others.iter().map(|o| o.offering.as_str())) {
                    prop_assert!(subject_of(id).is_none_or(|s| p.subjects.contains(&s)), "{} {}", k.kind, id);
                }
            }
        }
    }

    #[test]
    fn without_the_kinds_outside_in_full_a_result_is_the_same_less_those(p in a_profile(), today in a_date()) {
        // MatchView.outside false (the widget while its "also show" switch is off): the
        // kinds outside the person's choices keep their summary and counts, but not their
        // best route in `routes` nor their places in `others`; all else is the same.
        let mut o = opts(today);
        o.per_kind = Some(4);
        let full = sample().match_profile(&p, &o);
        o.outside = false;
        let brief = sample().match_profile(&p, &o);
        let inside: Vec<_> = full.routes.iter().filter(|x| !x.outside).cloned().collect();
        prop_assert_eq!(&brief.routes, &inside);
        prop_assert_eq!(brief.kinds.len(), full.kinds.len());
        for (b, f) in brief.kinds.iter().zip(&full.kinds) {
            if f.outside {
                prop_assert!(b.others.is_empty(), "{}", b.kind);
                prop_assert_eq!(b.others_total, f.others_total);
                prop_assert_eq!(&routewijzer::result::KindSummary { others: Vec::new(), ..f.clone() }, b);
            } else {
                prop_assert_eq!(b, f);
            }
        }
        let rest = |r: &routewijzer::MatchResult| routewijzer::MatchResult { routes: Vec::new(), kinds: Vec::new(), ..r.clone() };
        prop_assert_eq!(rest(&brief), rest(&full));
    }

    #[test]
    fn an_added_diploma_never_closes_a_route(p in a_profile(), extra in diploma(), today in a_date()) {
        let before = sample().match_profile(&p, &opts(today));
        let mut richer = p.clone();
        richer.diplomas.push(extra.clone());
        let after = sample().match_profile(&richer, &opts(today));
        for b in &before.routes {
            let a = after.routes.iter().find(|x| x.offering == b.offering).unwrap();
            if b.eligibility != Eligibility::Ineligible {
                prop_assert_ne!(a.eligibility, Eligibility::Ineligible, "{} closed by {:?}", b.offering, extra);
            }
            if !extra.foreign {
                // A Dutch diploma adds nothing to check, so the verdict can only improve.
                prop_assert!(eligibility_rank(a.eligibility) <= eligibility_rank(b.eligibility), "{} worse with {:?}", b.offering, extra);
            }
        }
    }

    #[test]
    fn more_hours_never_lower_the_hours_factor(p in a_profile(), h in 1u8..=60, more in 0u8..=20, today in a_date()) {
        let mut fewer = p.clone();
        fewer.hours_per_week = Some(h);
        let mut lots = p;
        lots.hours_per_week = Some(h + more);
        let a = sample().match_profile(&fewer, &opts(today));
        let b = sample().match_profile(&lots, &opts(today));
        let hours = |r: &MatchResult, id: &str| r.routes.iter().find(|x| x.offering == id).unwrap()
            .factors.iter().find(|f| f.factor == "hours").unwrap().points;
        for route in &a.routes {
            prop_assert!(hours(&b, &route.offering) >= hours(&a, &route.offering));
        }
    }

    #[test]
    fn no_suggested_deadline_lies_before_today(p in a_profile(), today in a_date()) {
        let r = sample().match_profile(&p, &opts(today));
        let earliest = p.available_from.map_or(today, |a| a.max(today));
        for route in &r.routes {
            if let Some(t) = &route.next_intake {
                prop_assert!(t.apply_by >= today, "{}: apply by {} before {}", route.offering, t.apply_by, today);
                prop_assert!(t.start_date >= earliest);
                prop_assert!(t.application_deadline.is_none_or(|d| d >= today));
                prop_assert!(t.expected_qualification >= t.start_date);
            }
        }
        for w in &r.pathways {
            prop_assert!(w.intake.apply_by >= today);
            prop_assert!(w.timeline.iter().all(|e| e.date >= today));
            prop_assert!(w.timeline.windows(2).all(|e| e[0].date <= e[1].date));
        }
    }

    #[test]
    fn what_if_hints_really_open_the_route(p in a_profile(), today in a_date()) {
        let r = sample().match_profile(&p, &opts(today));
        for w in &r.what_if {
            let route = r.routes.iter().find(|x| x.offering == w.offering).unwrap();
            prop_assert_eq!(route.eligibility, w.from);
            prop_assert!(eligibility_rank(w.to) < eligibility_rank(w.from));
            // Apply the structured changes to the profile and match again from scratch.
            let (changes, to) = sample().what_if_changes(&p, &w.offering, today).expect("the hint can be recomputed");
            prop_assert_eq!(changes.len(), w.changes.len());
            prop_assert_eq!(to, w.to);
            let mut changed = p.clone();
            for ch in &changes {
                match ch {
                    // A later intake: the person becomes available from its start.
                    routewijzer::engine::whatif::Change::WaitUntil(d) => {
                        changed.available_from = Some(changed.available_from.map_or(*d, |a| a.max(*d)))
                    }
                    other => other.apply(&mut changed, &mut today.clone()),
                }
            }
            let again = sample().match_profile(&changed, &opts(today));
            let now = again.routes.iter().find(|x| x.offering == w.offering).unwrap().eligibility;
            prop_assert!(eligibility_rank(now) <= eligibility_rank(w.to), "{} is {:?} after {:?}", w.offering, now, changes);
        }
    }

    #[test]
    fn also_at_lists_of_open_kinds_are_the_first_of_all_their_places_in_the_order_asked(p in a_profile(), today in a_date()) {
        use routewijzer::engine::options::Order;
        let with = |order, per_kind| {
            let mut o = opts(today);
            o.per_kind = Some(per_kind);
            o.order = order;
            sample().match_profile(&p, &o)
        };
        for order in [Order::Rank, Order::Distance, Order::Start, Order::Cost] {
            let all = with(order, usize::MAX);
            let cut = with(order, 3);
            prop_assert_eq!(all.kinds.len(), cut.kinds.len());
            for (a, c) in all.kinds.iter().zip(&cut.kinds) {
                if a.open == 0 {
                    prop_assert!(a.others.is_empty() && c.others.is_empty(), "a closed kind lists no places");
                } else {
                    prop_assert_eq!(a.others.len() as u32, a.others_total, "every place listed without a cut");
                }
                prop_assert_eq!(c.others_total, a.others_total);
                let first: Vec<&str> = a.others.iter().take(2).map(|x| x.offering.as_str()).collect();
                let listed: Vec<&str> = c.others.iter().map(|x| x.offering.as_str()).collect();
                prop_assert_eq!(listed, first, "{:?}: the cut list is the start of the whole one", order);
                // In order: by the key, unknown values last, ties by rank.
                for w in a.others.windows(2) {
                    let (x, y) = (&w[0], &w[1]);
                    let key = |b: &routewijzer::result::OfferingBrief| match order {
                        Order::Rank => (false, 0.0),
                        Order::Distance => (b.distance_km.is_none(), b.distance_km.unwrap_or(0.0)),
                        Order::Start => (b.start_date.is_none(), b.start_date.map_or(0.0, |d| d.to_days() as f64)),
                        Order::Cost => (false, f64::from(b.cost_eur_per_year)),
                    };
                    let (kx, ky) = (key(x), key(y));
                    prop_assert!(kx < ky || (kx == ky && x.rank < y.rank), "{:?}: {} before {}", order, x.offering, y.offering);
                }
            }
        }
    }
}

/// The sample's places of one kind all cost the same: here the two that rank last (with
/// cost out of the score) are made free, and sorting by cost must list them first.
#[test]
fn also_at_sorted_by_cost_lists_the_cheapest_places_first() {
    use routewijzer::engine::options::Order;
    let mut c: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap();
    c["weights"]["cost"] = 0.into();
    c["weights"]["sector"] = 30.into(); // (the weights add up to 100)
    let mut o = opts(Date::parse("2026-11-23").unwrap());
    o.per_kind = Some(usize::MAX);
    let others = |c: &serde_json::Value, o: &MatchOptions| -> Vec<(String, u32)> {
        let m = Matcher::from_json(&c.to_string()).unwrap();
        let r = m.match_profile(&profile(r#"{"diplomas": [{"level": "havo"}]}"#), o); // pabo open
        let k = r.kinds.iter().find(|k| k.kind == RouteKind::PaboDeeltijd).unwrap();
        k.others.iter().map(|x| (x.offering.clone(), x.cost_eur_per_year)).collect()
    };
    let ranked = others(&c, &o);
    assert_eq!(ranked.len(), 4, "the other four places: {ranked:?}");
    let free: Vec<String> = ranked[2..].iter().map(|x| x.0.clone()).collect();
    for x in c["offerings"].as_array_mut().unwrap() {
        if free.iter().any(|f| x["id"] == f.as_str()) {
            x.as_object_mut().unwrap().remove("cost_figure");
            x["cost_basis"] = "geen".into();
        }
    }
    let by_rank = others(&c, &o);
    assert_eq!(by_rank.iter().map(|x| &x.0).collect::<Vec<_>>(), ranked.iter().map(|x| &x.0).collect::<Vec<_>>());
    o.order = Order::Cost;
    let by_cost = others(&c, &o);
    let names: Vec<&String> = by_cost.iter().map(|x| &x.0).collect();
    assert_eq!(names, [&free[0], &free[1], &ranked[0].0, &ranked[1].0], "free first, then by rank");
    assert_eq!(by_cost.iter().map(|x| x.1 == 0).collect::<Vec<_>>(), [true, true, false, false]);
}
