//! Builds the national catalog, one shard per arbeidsmarktregio, the shard index and the
//! JSON Schemas from the inputs in `data/`.
//!
//! ```text
//! cargo run --release --features schema --bin build-catalog -- [--data DIR] [--out DIR] [--quiet]
//! ```
//!
//! Writes `OUT/www/data/catalog.json`, `OUT/www/data/regions/AMxx.json`,
//! `OUT/www/data/regions/index.json`, `OUT/www/data/places.json`, `OUT/www/data/fields.json`, `OUT/schema/catalog.schema.json`,
//! `OUT/schema/profile.schema.json` and `OUT/schema/result.schema.json` (`--out` defaults
//! to `.`, `--data` to `data`).
//! Deterministic: "today" comes from `data/build.json`, never from the clock, vacancies
//! from a seeded generator, every list is sorted, coordinates are rounded to 4 decimals.
//! See `data/README.md` for the inputs and the mapping from CROHO code to route kind.

mod activities;
mod inputs;
mod intakes;
mod lookups;
mod offerings;
mod shards;
mod vacancies;
mod write;

use inputs::Inputs;
use routewijzer::i18n;
use routewijzer::model::vocab::*;
use routewijzer::Date;
use shards::MIN_PER_KIND;
use std::path::PathBuf;

type Res<T> = Result<T, String>;

fn main() {
    if let Err(e) = run() {
        eprintln!("build-catalog: {e}");
        std::process::exit(1);
    }
}

fn run() -> Res<()> {
    let mut data = PathBuf::from("data");
    let mut out = PathBuf::from(".");
    let mut quiet = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--data" => data = PathBuf::from(args.next().ok_or("--data needs a directory")?),
            "--out" => out = PathBuf::from(args.next().ok_or("--out needs a directory")?),
            "--quiet" => quiet = true,
            _ => {
                return Err(format!("unknown argument '{a}'\nusage: build-catalog [--data DIR] [--out DIR] [--quiet]"))
            }
        }
    }
    let started = std::time::Instant::now();
    let inputs = Inputs::load(&data)?;
    let built = offerings::build(&inputs)?;
    let mut report = write::write_all(&inputs, &built, &out)?;
    report.push_str(&lookups::write_all(&inputs, &data, &out)?);
    if !quiet {
        print!("{report}");
        eprintln!("build-catalog: done in {:.2} s", started.elapsed().as_secs_f64());
    }
    Ok(())
}

// ---------------------------------------------------------------- helpers shared by the modules

/// A calendar date the code knows to be valid.
pub fn ymd(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("a valid calendar date")
}

/// A school subject's Dutch label, as used in offering names and vacancy titles.
pub fn subject_name(s: Subject) -> String {
    i18n::label(Lang::Nl, "subject", s.id())
}

/// The notes of a catalog's metadata: the national one (`region` None) or a region shard's.
pub fn notes(inputs: &Inputs, region: Option<(&str, &str)>) -> Vec<String> {
    let r = inputs.settings.radius_km;
    let mut n = vec![
        "Vacancies are demonstration data (demo: true) at real school locations (po: DUO vestigingen) and real gemeenten (vo, mbo), weighted by the measured shortage figures; they are not real job openings. A loket replaces them with its own feed.".to_string(),
        "Programmes: DUO list of accredited teacher-education programmes (RIO, 2026-02-20); programmes whose intake or licence ends before the generated date are left out. Routes without a CROHO programme (zij-instroom, PDG, kopopleiding, educatieve minor/module, LIO) are placed at the institutions that run the matching programme; hybride docent once per arbeidsmarktregio, and herintreding, which no hogeschool provides, once for the country; see data/README.md.".to_string(),
        "Intakes marked typical are estimated from the route's pattern (ROUTES.md section 5); confirmed ones follow a statutory date (1 September start, Studielink 1 May).".to_string(),
        "Costs use the figure named in cost_figure; the 2026-27 collegegeld is UNCONFIRMED (the 2025-26 amount carried over).".to_string(),
    ];
    if let Some((code, name)) = region {
        n.insert(0, format!("Shard for arbeidsmarktregio {code} {name}: its own offerings and vacancies plus those within {r} km of any gemeente point of the region, topped up to at least {MIN_PER_KIND} offerings of every route kind with the nearest ones elsewhere (herintreding: its two routes for the country); postcodes of the region's gemeenten."));
    } else {
        n.push(format!("Region shards (www/data/regions/) hold a region's offerings and vacancies plus those within {r} km of any gemeente point of the region."));
    }
    n
}
