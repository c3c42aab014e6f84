//! Times one match on a catalog (a measurement aid, not a test): `cargo run --release --example time_match -- CATALOG PROFILE [PER_KIND]`.
use routewijzer::{Date, MatchOptions, Matcher};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let m = Matcher::from_json(&std::fs::read_to_string(&args[1]).unwrap()).unwrap();
    let p = routewijzer::model::parse::profile_from_str(&std::fs::read_to_string(&args[2]).unwrap()).unwrap();
    let mut o = MatchOptions::new(Date::parse("2026-11-30").unwrap());
    o.per_kind = args.get(3).map(|s| s.parse().unwrap());
    let n = 50;
    let t = Instant::now();
    let mut size = 0;
    for _ in 0..n {
        let r = m.match_profile(&p, &o);
        size = serde_json::to_string(&r).unwrap().len();
    }
    println!(
        "{:.2} ms per match+json ({} routes listed? json {} bytes)",
        t.elapsed().as_secs_f64() * 1000.0 / n as f64,
        "",
        size
    );
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(m.match_profile(&p, &o));
    }
    println!("{:.2} ms per match", t.elapsed().as_secs_f64() * 1000.0 / n as f64);
}
