//! Command-line interface over the core.
//!
//! ```text
//! routewijzer validate [--overlay O] CATALOG
//! routewijzer match --catalog C [--overlay O] --profile P [--today YYYY-MM-DD] [--format json|text] [--lang nl|en] [--limit N]
//! routewijzer import [--catalog BASE] [--region AMxx] [--name NAME] [--contact-* VALUE] [--today YYYY-MM-DD] --out OVERLAY.json [--merged CATALOG.json] FILE...
//! ```
//! Exit codes: 0 success, 1 invalid input (problems on stderr), 2 usage error.

use routewijzer::{Date, InputError, Lang, MatchOptions, Matcher};
use std::process::ExitCode;

// The importer is native only (src/import/); `cargo test --target wasm32-unknown-unknown`
// still builds this binary for the wasm tests.
#[cfg(not(target_arch = "wasm32"))]
#[path = "routewijzer/import.rs"]
mod import;

const USAGE: &str = "usage:
  routewijzer validate [--overlay OVERLAY] CATALOG
  routewijzer match --catalog CATALOG [--overlay OVERLAY] --profile PROFILE [--today YYYY-MM-DD] [--format json|text] [--lang nl|en] [--limit N]
  routewijzer import [--catalog BASE] [--region AMxx] [--name NAME] [--contact-* VALUE] [--today YYYY-MM-DD] --out OVERLAY.json [--merged CATALOG.json] FILE... (import --help)

--overlay lays a loket's own data (institutions, offerings, intakes, vacancies, activities) over the catalog.

--today defaults to the system date (the only place a clock is read); pass it for reproducible output.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            // A closed pipe (`| head`) is not an error of ours; nothing more to say.
            let _ = std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes());
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("{msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(msg)) => {
            eprintln!("{msg}");
            ExitCode::from(1)
        }
    }
}

enum Failure {
    Usage(String),
    Input(String),
}

fn read(path: &str) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| Failure::Input(format!("cannot read {path}: {e}")))
}

fn input(what: &str, e: InputError) -> Failure {
    Failure::Input(format!("{what}: {e}"))
}

/// A matcher for a catalog file, with an overlay file laid over it when given; a problem
/// is reported with the file it is in.
fn load(catalog: &str, overlay: Option<&str>) -> Result<Matcher, Failure> {
    let text = read(catalog)?;
    match overlay {
        None => Matcher::from_json(&text).map_err(|e| input(catalog, e)),
        Some(o) => Matcher::from_json_with_overlay(&text, &read(o)?).map_err(|e| {
            input(if e.document == routewijzer::model::error::Document::Overlay { o } else { catalog }, e)
        }),
    }
}

fn run(args: &[String]) -> Result<String, Failure> {
    match args.first().map(String::as_str) {
        Some("validate") => {
            let (path, overlay) = match &args[1..] {
                [path] => (path, None),
                [flag, o, path] | [path, flag, o] if flag == "--overlay" => (path, Some(o.as_str())),
                _ => return Err(Failure::Usage("validate takes one catalog file (and --overlay OVERLAY)".into())),
            };
            let m = load(path, overlay)?;
            let c = m.catalog();
            let with =
                c.meta.overlay.as_ref().map_or(String::new(), |o| format!(" with overlay '{}' {}", o.name, o.version));
            Ok(format!(
                "{path}: valid catalog '{}' {}{with} ({} rules, {} route kinds, {} offerings, {} intakes, {} vacancies, {} places, {} activities)\n",
                c.meta.name,
                c.meta.version,
                c.rules.len(),
                c.route_kinds.len(),
                c.offerings.len(),
                c.offerings.iter().map(|o| o.intakes.len()).sum::<usize>(),
                c.vacancies.len(),
                c.places.len(),
                c.activities.len()
            ))
        }
        Some("match") => {
            let (mut catalog, mut profile, mut today, mut format, mut lang, mut limit) =
                (None, None, None, "json", Lang::Nl, None);
            let mut overlay: Option<String> = None;
            let mut it = args[1..].iter();
            while let Some(flag) = it.next() {
                let mut value = || it.next().ok_or_else(|| Failure::Usage(format!("{flag} needs a value")));
                match flag.as_str() {
                    "--catalog" => catalog = Some(value()?.clone()),
                    "--overlay" => overlay = Some(value()?.clone()),
                    "--profile" => profile = Some(value()?.clone()),
                    "--today" => {
                        let v = value()?;
                        today = Some(Date::parse(v).map_err(|e| Failure::Usage(format!("--today: {e}")))?)
                    }
                    "--format" => {
                        format = match value()?.as_str() {
                            "json" => "json",
                            "text" => "text",
                            other => return Err(Failure::Usage(format!("--format: '{other}' is not json or text"))),
                        }
                    }
                    "--lang" => {
                        lang = match value()?.as_str() {
                            "nl" => Lang::Nl,
                            "en" => Lang::En,
                            other => return Err(Failure::Usage(format!("--lang: '{other}' is not nl or en"))),
                        }
                    }
                    "--limit" => {
                        let v = value()?;
                        limit = Some(
                            v.parse::<usize>()
                                .map_err(|_| Failure::Usage(format!("--limit: '{v}' is not a number")))?,
                        )
                    }
                    other => return Err(Failure::Usage(format!("unknown option '{other}'"))),
                }
            }
            let catalog = catalog.ok_or_else(|| Failure::Usage("match needs --catalog".into()))?;
            let profile = profile.ok_or_else(|| Failure::Usage("match needs --profile".into()))?;
            let m = load(&catalog, overlay.as_deref())?;
            let mut options = MatchOptions::new(today.unwrap_or_else(system_today));
            options.lang = lang;
            options.limit = limit;
            let result = m.match_json(&read(&profile)?, &options).map_err(|e| input(&profile, e))?;
            Ok(match format {
                "text" => routewijzer::result::text::report(&result),
                _ => {
                    let mut s = serde_json::to_string_pretty(&result).expect("a result is always valid JSON");
                    s.push('\n');
                    s
                }
            })
        }
        #[cfg(not(target_arch = "wasm32"))]
        Some("import") => import::run(&args[1..], system_today),
        Some("-h" | "--help" | "help") => Ok(format!("{USAGE}\n")),
        Some(other) => Err(Failure::Usage(format!("unknown command '{other}'"))),
        None => Err(Failure::Usage("no command given".into())),
    }
}

/// The system date in UTC. The core never calls this; only the CLI's default does.
fn system_today() -> Date {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    Date::from_days((secs / 86_400) as i64)
}
