//! How reading, validating and matching scale with the catalog: the shipped national
//! catalog repeated 1, 5 and 20 times (offerings, intakes and vacancies copied with new
//! ids, the same places and rules), each read from JSON text, indexed and matched.
//! Prints wall-clock times and the process's peak memory (VmHWM) after each size.
//!
//! `cargo bench --bench scale` (release). Under `cargo test` it runs the 1x size only,
//! as a check that it works. Figures: BENCHMARKS.md and RELIABILITY.md.

use routewijzer::model::parse::catalog_from_str;
use routewijzer::{Catalog, Date, MatchOptions, Matcher};
use std::time::Instant;

fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_string))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

/// The catalog with its offerings and vacancies repeated `times` times.
fn scaled(base: &Catalog, times: usize) -> Catalog {
    let mut c = base.clone();
    for k in 1..times {
        c.offerings.extend(base.offerings.iter().map(|o| {
            let mut o = o.clone();
            o.id = format!("{}-x{k}", o.id);
            o
        }));
        c.vacancies.extend(base.vacancies.iter().map(|v| {
            let mut v = v.clone();
            v.id = format!("{}-x{k}", v.id);
            v
        }));
    }
    c
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/catalog.json")).unwrap();
    let base = catalog_from_str(&text).expect("the shipped catalog is valid");
    let profile = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/profiles/hbo-zij-instromer-po.json"
    ))
    .unwrap();
    let mut options = MatchOptions::new(Date::parse("2026-11-23").unwrap());
    options.limit = Some(60);
    options.closed_limit = Some(30);
    let sizes: &[usize] = if full { &[1, 5, 20] } else { &[1] };
    println!("| size | offerings | vacancies | JSON bytes | read + validate | validate + index | match (median of 5) | peak memory |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for &times in sizes {
        let json = serde_json::to_string(&scaled(&base, times)).unwrap();
        let t = Instant::now();
        let catalog = catalog_from_str(&json).expect("a scaled catalog is valid");
        let read = t.elapsed();
        let (offerings, vacancies) = (catalog.offerings.len(), catalog.vacancies.len());
        let t = Instant::now();
        let m = Matcher::new(catalog).unwrap();
        let index = t.elapsed();
        let mut runs: Vec<f64> = (0..5)
            .map(|_| {
                let t = Instant::now();
                let r = m.match_json(&profile, &options).unwrap();
                assert!(!r.routes.is_empty());
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        println!(
            "| {times}x | {offerings} | {vacancies} | {} | {:.0} ms | {:.0} ms | {:.1} ms | {} MB |",
            json.len(),
            read.as_secs_f64() * 1e3,
            index.as_secs_f64() * 1e3,
            runs[2],
            peak_kb() / 1024
        );
    }
}
