//! Native matching benchmarks on a synthetic national-size catalog.
//!
//! Run with `cargo bench --bench matching`. See BENCHMARKS.md for recorded figures.
//! The goal is a median of at most 2 ms for
//! `match_profile/national_1000x20000`.

#[path = "synthetic.rs"]
mod synthetic;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use routewijzer::model::{Diploma, Location};
use routewijzer::{Catalog, Date, Level, MatchOptions, Matcher, Profile, Sector, Subject};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

const OFFERINGS: usize = 1_000;
const VACANCIES: usize = 20_000;
const SEED: u64 = 20_261_123;
const TODAY: &str = "2026-11-23";

/// The synthetic place nearest to Utrecht (52.09 N, 5.12 E): a central location.
fn central_place(catalog: &Catalog) -> String {
    let d = |lat: f64, lon: f64| (lat - 52.09).powi(2) + ((lon - 5.12) * 0.61).powi(2);
    catalog
        .places
        .iter()
        .min_by(|a, b| d(a.lat, a.lon).total_cmp(&d(b.lat, b.lon)))
        .map(|p| p.id.clone())
        .expect("the catalog has places")
}

/// An hbo-bachelor werktuigbouwkunde career switcher who wants to teach maths or physics in vo.
fn career_switcher(gemeente: String) -> Profile {
    let profile = Profile {
        diplomas: vec![Diploma {
            level: Level::HboBachelor,
            field: Some("werktuigbouwkunde".into()),
            foreign: false,
            recognised: false,
        }],
        sectors: vec![Sector::Vo],
        subjects: vec![Subject::Wiskunde, Subject::Natuurkunde],
        hours_per_week: Some(32),
        location: Some(Location { postcode: None, gemeente: Some(gemeente), lat: None, lon: None }),
        ..Profile::default()
    };
    let problems = routewijzer::model::validate::profile(&profile);
    assert!(problems.is_empty(), "the benchmark profile is invalid: {problems:?}");
    profile
}

/// When this run started: the summary only reports estimates written since.
static STARTED: OnceLock<SystemTime> = OnceLock::new();

fn bench(c: &mut Criterion) {
    STARTED.get_or_init(SystemTime::now);
    let catalog = synthetic::national_catalog(OFFERINGS, VACANCIES, SEED);
    let intakes: usize = catalog.offerings.iter().map(|o| o.intakes.len()).sum();
    let min_intakes = catalog.offerings.iter().map(|o| o.intakes.len()).min().unwrap_or(0);
    let json = serde_json::to_string(&catalog).expect("the catalog serialises");
    let matcher = Matcher::new(catalog.clone()).unwrap_or_else(|e| panic!("the synthetic catalog is invalid: {e}"));
    let place = central_place(&catalog);
    let profile = career_switcher(place.clone());
    let today = Date::parse(TODAY).expect("a valid date");
    let mut limited = MatchOptions::new(today);
    limited.limit = Some(50);
    let unlimited = MatchOptions::new(today);

    let sample = matcher.match_profile(&profile, &limited);
    let all = matcher.match_profile(&profile, &unlimited);
    let count = |e: routewijzer::Eligibility| all.routes.iter().filter(|r| r.eligibility == e).count();
    eprintln!(
        "catalog: {} offerings ({} intakes, min {} per offering), {} vacancies, {} places, {} institutions, {} route kinds, {} rules; JSON {} bytes",
        catalog.offerings.len(),
        intakes,
        min_intakes,
        catalog.vacancies.len(),
        catalog.places.len(),
        catalog.institutions.len(),
        catalog.route_kinds.len(),
        catalog.rules.len(),
        json.len(),
    );
    eprintln!(
        "profile at {place}, today {TODAY}: {} routes returned with limit 50, {} without (eligible {}, conditional {}, ineligible {}), {} pathways ({} with a vacancy), {} what-if hints",
        sample.routes.len(),
        all.routes.len(),
        count(routewijzer::Eligibility::Eligible),
        count(routewijzer::Eligibility::Conditional),
        count(routewijzer::Eligibility::Ineligible),
        sample.pathways.len(),
        sample.pathways.iter().filter(|p| p.vacancy.is_some()).count(),
        sample.what_if.len(),
    );

    let mut g = c.benchmark_group("match_profile");
    g.sample_size(60).warm_up_time(Duration::from_secs(2)).measurement_time(Duration::from_secs(6));
    g.bench_function("national_1000x20000", |b| {
        b.iter(|| matcher.match_profile(black_box(&profile), black_box(&limited)))
    });
    g.bench_function("national_1000x20000_all_routes", |b| {
        b.iter(|| matcher.match_profile(black_box(&profile), black_box(&unlimited)))
    });
    // The shipped national catalog (www/data/catalog.json) and a persona, as the widget asks.
    let shipped = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/catalog.json"))
        .expect("national catalog");
    let real = Matcher::from_json(&shipped).unwrap_or_else(|e| panic!("www/data/catalog.json: {e}"));
    let persona = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/profiles/hbo-zij-instromer-po.json"
    ))
    .expect("persona");
    let persona = routewijzer::model::parse::profile_from_str(&persona).unwrap_or_else(|e| panic!("{e}"));
    g.bench_function("shipped_national", |b| b.iter(|| real.match_profile(black_box(&persona), black_box(&limited))));
    g.finish();

    let mut g = c.benchmark_group("matcher_new");
    g.sample_size(20).warm_up_time(Duration::from_secs(2)).measurement_time(Duration::from_secs(8));
    g.bench_function("national", |b| {
        b.iter_batched(|| catalog.clone(), |cat| Matcher::new(cat).map(drop), BatchSize::LargeInput)
    });
    g.finish();

    let mut g = c.benchmark_group("parse_catalog_json");
    g.sample_size(10).warm_up_time(Duration::from_secs(2)).measurement_time(Duration::from_secs(15));
    g.bench_function("national", |b| b.iter(|| Matcher::from_json(black_box(&json)).map(drop)));
    g.finish();
}

/// Where criterion writes its estimates (same rule as criterion 0.5).
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => PathBuf::from(dir).join("criterion"),
        None => PathBuf::from("target").join("criterion"),
    }
}

/// Criterion prints the mean (or slope) interval; the goal is stated as a median, so
/// print each benchmark's median and its 95% confidence interval from `estimates.json`.
fn summary(_: &mut Criterion) {
    let Some(started) = STARTED.get() else { return };
    let names = [
        "match_profile/national_1000x20000",
        "match_profile/national_1000x20000_all_routes",
        "match_profile/shipped_national",
        "matcher_new/national",
        "parse_catalog_json/national",
    ];
    let mut lines = Vec::new();
    for name in names {
        let path = criterion_dir().join(name).join("new").join("estimates.json");
        let fresh = std::fs::metadata(&path).and_then(|m| m.modified()).is_ok_and(|t| t >= *started);
        let Some(v) = fresh
            .then(|| std::fs::read_to_string(&path).ok())
            .flatten()
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        else {
            continue;
        };
        let ms = |x: &serde_json::Value| x.as_f64().map_or(f64::NAN, |ns| ns / 1e6);
        let m = &v["median"];
        lines.push(format!(
            "{name:<46} median {:>9.3} ms  [{:.3} ms {:.3} ms]",
            ms(&m["point_estimate"]),
            ms(&m["confidence_interval"]["lower_bound"]),
            ms(&m["confidence_interval"]["upper_bound"]),
        ));
    }
    if !lines.is_empty() {
        eprintln!("\nmedians (95% confidence interval), from {}:", criterion_dir().display());
        for l in lines {
            eprintln!("  {l}");
        }
    }
}

criterion_group!(benches, bench, summary);
criterion_main!(benches);
