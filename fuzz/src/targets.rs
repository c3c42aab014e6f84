//! The fuzz targets: what one input is run through.

use crate::mutate::Mix;
use routewijzer::model::parse::{catalog_from_str, profile_from_str};
use routewijzer::result::text::report;
use routewijzer::{Date, Lang, MatchOptions, MatchResult, Matcher, Profile};
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Arbitrary bytes read as a catalog and as a profile.
    Reader,
    /// Mutated profiles matched against the sample catalog.
    ProfileMatch,
    /// Mutated catalogs matched with a few fixed profiles.
    CatalogMatch,
}

impl Target {
    pub const ALL: [Target; 3] = [Target::Reader, Target::ProfileMatch, Target::CatalogMatch];

    pub fn name(self) -> &'static str {
        match self {
            Target::Reader => "reader",
            Target::ProfileMatch => "profile-match",
            Target::CatalogMatch => "catalog-match",
        }
    }

    pub fn parse(s: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == s)
    }

    /// The share of JSON-aware mutations and of fresh random JSON.
    pub fn mix(self) -> Mix {
        match self {
            Target::Reader => Mix { json_percent: 50, random_percent: 5, small_percent: 85 },
            Target::ProfileMatch => Mix { json_percent: 85, random_percent: 2, small_percent: 0 },
            Target::CatalogMatch => Mix { json_percent: 92, random_percent: 1, small_percent: 0 },
        }
    }

    /// Corpus folders (under `--corpus`) whose files seed this target, besides `regressions/`.
    pub fn corpus_dirs(self) -> &'static [&'static str] {
        match self {
            Target::Reader => &["reader", "profile-match", "catalog-match"],
            Target::ProfileMatch => &["profile-match"],
            Target::CatalogMatch => &["catalog-match"],
        }
    }

    /// Repository files that seed this target too (not copied into the corpus).
    pub fn repo_seeds(self) -> &'static [&'static str] {
        match self {
            Target::CatalogMatch => &[SAMPLE_CATALOG],
            _ => &[],
        }
    }

    /// Repository files whose keys and values feed the mutation dictionary only.
    pub fn dict_docs(self) -> &'static [&'static str] {
        match self {
            Target::ProfileMatch => &[SAMPLE_CATALOG],
            _ => &[],
        }
    }
}

pub const SAMPLE_CATALOG: &str = "tests/fixtures/sample-catalog.json";

/// The fixed profiles of `catalog-match` (under `tests/fixtures/profiles/`), and `{}`.
const FIXED_PROFILES: &[&str] =
    &["januari-baanaanbod", "hbo-zij-instromer-po", "vmbo-21plus", "wo-natuurkundige-vo", "buitenlands-diploma-b1"];

/// Dates every profile is matched on, and edge dates one of which is added per input.
const DATES: &[&str] = &["2026-11-23", "2027-06-15"];
const EDGE_DATES: &[&str] = &["0001-01-01", "1970-01-01", "2024-02-29", "2031-12-31", "9999-12-31"];

/// What a target needs besides the input, built once.
pub enum Harness {
    Reader,
    ProfileMatch { matcher: Box<Matcher> },
    CatalogMatch { profiles: Vec<Profile> },
}

/// A fixed date of the harness. Built directly, not parsed: documents may only hold the
/// years 1900-2199, but the core's `today` may be any date a caller passes.
fn date(s: &str) -> Date {
    let n = |r: std::ops::Range<usize>| s[r].parse::<u32>().expect("a fixed date");
    Date::new(n(0..4) as i32, n(5..7) as u8, n(8..10) as u8).expect("a fixed date")
}

impl Harness {
    pub fn new(target: Target, repo: &Path) -> Result<Harness, String> {
        let read = |rel: &str| {
            std::fs::read_to_string(repo.join(rel)).map_err(|e| format!("{}: {e}", repo.join(rel).display()))
        };
        Ok(match target {
            Target::Reader => Harness::Reader,
            Target::ProfileMatch => {
                let matcher = Matcher::from_json(&read(SAMPLE_CATALOG)?).map_err(|e| e.to_string())?;
                Harness::ProfileMatch { matcher: Box::new(matcher) }
            }
            Target::CatalogMatch => {
                let mut profiles = vec![Profile::default()];
                for name in FIXED_PROFILES {
                    let text = read(&format!("tests/fixtures/profiles/{name}.json"))?;
                    profiles.push(profile_from_str(&text).map_err(|e| format!("{name}: {e}"))?);
                }
                Harness::CatalogMatch { profiles }
            }
        })
    }

    /// Runs one input. Returning is a pass; a panic is a finding. True when the input
    /// was accepted (read as a valid document, so the matcher ran on it where it could).
    pub fn run(&self, input: &[u8]) -> bool {
        let text = String::from_utf8_lossy(input);
        // Picks dates and limits for the match targets.
        let h = || crate::rng::fnv1a(input);
        match self {
            Harness::Reader => {
                let catalog = catalog_from_str(&text).map_err(|e| std::hint::black_box(e.to_string()));
                let profile = profile_from_str(&text).map_err(|e| std::hint::black_box(e.to_string()));
                catalog.is_ok() || profile.is_ok()
            }
            Harness::ProfileMatch { matcher } => {
                let h = h();
                let dates = [DATES[0], DATES[1], EDGE_DATES[(h % EDGE_DATES.len() as u64) as usize]];
                for (i, d) in dates.iter().enumerate() {
                    for lang in [Lang::Nl, Lang::En] {
                        let mut options = MatchOptions::new(date(d));
                        options.lang = lang;
                        (options.limit, options.closed_limit) = limits(h >> (8 + 4 * i));
                        match matcher.match_json(&text, &options) {
                            Ok(r) => render(&r),
                            Err(e) => {
                                // Reading does not depend on the options: the rest would fail alike.
                                std::hint::black_box(e.to_string());
                                return false;
                            }
                        }
                    }
                }
                true
            }
            Harness::CatalogMatch { profiles } => match Matcher::from_json(&text) {
                Ok(matcher) => {
                    let h = h();
                    let dates: Vec<&str> = DATES.iter().chain(EDGE_DATES).copied().collect();
                    for (i, p) in profiles.iter().enumerate() {
                        let mut options = MatchOptions::new(date(dates[(i + h as usize) % dates.len()]));
                        options.lang = if (h >> i) & 1 == 0 { Lang::Nl } else { Lang::En };
                        (options.limit, options.closed_limit) = limits(h >> (16 + 4 * i));
                        render(&matcher.match_profile(p, &options));
                    }
                    true
                }
                Err(e) => {
                    std::hint::black_box(e.to_string());
                    false
                }
            },
        }
    }
}

/// `limit` and `closed_limit` as the wasm API's callers pass them.
fn limits(bits: u64) -> (Option<usize>, Option<usize>) {
    match bits & 3 {
        0 => (None, None),
        1 => (Some(0), Some(0)),
        2 => (Some(3), Some(5)),
        _ => (Some(1), Some(u32::MAX as usize)),
    }
}

/// What the CLI does with a result: the text report and the JSON.
fn render(r: &MatchResult) {
    std::hint::black_box(report(r));
    std::hint::black_box(serde_json::to_string(r).expect("a result serialises"));
}
