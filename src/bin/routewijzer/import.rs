//! `routewijzer import`: reads a loket's files, writes the overlay (and a merged
//! catalog), prints the problems, assumptions and a summary. The work is done by
//! [`routewijzer::import`]; this reads and writes the files.

use super::{read, Failure};
use routewijzer::import::{self, Input, Options};
use routewijzer::{Catalog, Date, Matcher};

/// Files above this size are not read (a saved page or CSV export is far smaller).
const MAX_INPUT_BYTES: u64 = 16 << 20;

/// `routewijzer import --help`.
pub const USAGE: &str = "usage: routewijzer import [options] --out OVERLAY.json FILE...

Reads a loket's own vacancies, programmes, intakes and activities (schema.org JSON-LD in
.json/.jsonld files or saved .html pages; .csv files made from data/templates/) and writes
an overlay: the loket's data, which the widget lays over the catalog it serves (its
overlay attribute), or --merged does here.

options:
  --out OVERLAY.json     the overlay to write (required)
  --catalog BASE         the catalog the loket serves: places, institutions and offerings are
                         looked up in it, and the overlay is written only if it lies over it.
                         Needed for programmes and intakes. Without it: the region's shard
                         www/data/regions/AMxx.json (what a loket pack serves by default),
                         else (no --region) the national catalog www/data/catalog.json
  --region AMxx          the arbeidsmarktregio the loket serves (default: the catalog's);
                         real vacancies replace the demonstration ones there
  --name NAME            the overlay's name (default: Loket)
  --contact-name NAME    the loket's contact, shown in the widget's printed summary (the
  --contact-email ADDR   overlay's meta.contact); the name defaults to --name, and at least
  --contact-phone PHONE  one of e-mail, phone and web page is needed (the web page an
  --contact-url URL      https address)
  --today YYYY-MM-DD     the overlay's date (default: the system date); what ended before it
                         is left out
  --merged CATALOG.json  also write BASE with the overlay laid over it (needs --catalog)
  -h, --help             this text

Exit codes: 0 written (even with dropped items), 1 nothing valid found or the overlay fails
validation, 2 usage error. See README.md, 'Import a loket's own data', and
data/templates/README.md.
";

pub fn run(args: &[String], today: impl FnOnce() -> Date) -> Result<String, Failure> {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        return Ok(USAGE.to_string());
    }
    let (mut base, mut region, mut name, mut out, mut merged, mut when) = (None, None, None, None, None, None);
    let (mut contact_name, mut email, mut phone, mut url) = (None, None, None, None);
    let mut files: Vec<String> = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().cloned().ok_or_else(|| Failure::Usage(format!("{arg} needs a value")));
        match arg.as_str() {
            "--catalog" => base = Some(value()?),
            "--region" => {
                let r = value()?;
                let ok = r.len() == 4 && r.starts_with("AM") && r[2..].bytes().all(|b| b.is_ascii_digit());
                if !ok {
                    return Err(Failure::Usage(format!(
                        "--region: '{r}' is not an arbeidsmarktregio code such as AM13"
                    )));
                }
                region = Some(r)
            }
            "--name" => name = Some(value()?),
            "--out" => out = Some(value()?),
            "--merged" => merged = Some(value()?),
            "--today" => {
                let v = value()?;
                when = Some(Date::parse(&v).map_err(|e| Failure::Usage(format!("--today: {e}")))?)
            }
            "--contact-name" => contact_name = Some(value()?),
            "--contact-email" => email = Some(value()?),
            "--contact-phone" => phone = Some(value()?),
            "--contact-url" => url = Some(value()?),
            flag if flag.starts_with("--") => {
                return Err(Failure::Usage(format!("unknown option '{flag}' (routewijzer import --help lists them)")))
            }
            file => files.push(file.to_string()),
        }
    }
    let out = out.ok_or_else(|| Failure::Usage("import needs --out OVERLAY.json".into()))?;
    if files.is_empty() {
        return Err(Failure::Usage("import needs at least one file to read".into()));
    }
    if merged.is_some() && base.is_none() {
        return Err(Failure::Usage("--merged needs --catalog (the catalog to merge with)".into()));
    }
    let contact =
        import::contact(contact_name.as_deref(), email.as_deref(), phone.as_deref(), url.as_deref(), name.as_deref())
            .map_err(|problems| Failure::Usage(problems.join("\n")))?;
    // The catalog the overlay is checked against: the one given, else the one a loket
    // pack serves by default. What is written lies over it.
    let (base_file, why) = match &base {
        Some(path) => (path.clone(), "--catalog".to_string()),
        None => default_base(region.as_deref())?,
    };
    let catalog: Catalog = Matcher::from_json(&read(&base_file)?)
        .map_err(|e| Failure::Input(format!("{base_file}: {e}")))?
        .catalog()
        .clone();
    if let Some(r) = &region {
        if !catalog.places.iter().any(|p| p.region.as_deref() == Some(r.as_str())) {
            let mut known: Vec<&str> = catalog.places.iter().filter_map(|p| p.region.as_deref()).collect();
            known.sort_unstable();
            known.dedup();
            return Err(Failure::Usage(format!(
                "--region {r}: no place of {base_file} lies in that arbeidsmarktregio, so the overlay would not lie over it; \
                 give the region your loket serves (the catalog has {}), or the catalog with --catalog",
                known.join(", ")
            )));
        }
    }
    let mut data = Vec::new();
    for f in &files {
        let size = std::fs::metadata(f).map_err(|e| Failure::Input(format!("cannot read {f}: {e}")))?.len();
        if size > MAX_INPUT_BYTES {
            return Err(Failure::Input(format!(
                "{f}: {size} bytes is more than the {MAX_INPUT_BYTES} an input file may have"
            )));
        }
        data.push(std::fs::read(f).map_err(|e| Failure::Input(format!("cannot read {f}: {e}")))?);
    }
    let inputs: Vec<Input> = files.iter().zip(&data).map(|(name, data)| Input { name, data }).collect();
    let mut options = Options::new(when.unwrap_or_else(today));
    options.base = Some(&catalog);
    options.base_file = Some(base_file.clone());
    options.base_default = base.is_none();
    options.region = region;
    options.name = name;
    options.contact = contact;
    let report = import::import(&inputs, &options);
    if !report.needs_base.is_empty() {
        return Err(Failure::Usage(format!(
            "{}: programmes and intakes are matched against the base catalog's offerings and route kinds: \
             give it with --catalog BASE (the catalog your loket serves: www/data/catalog.json, or your region's \
             shard www/data/regions/AMxx.json); nothing written",
            report.needs_base.join(", ")
        )));
    }
    let mut text = report.text();
    if report.taken() == 0 {
        return Err(Failure::Input(format!("{text}nothing valid was found: no overlay written")));
    }
    let mut json = serde_json::to_string_pretty(&report.overlay).expect("an overlay is always valid JSON");
    json.push('\n');
    // What is written must read back as an overlay and lie over the base catalog.
    let overlay = routewijzer::model::parse::overlay_from_str(&json)
        .map_err(|e| Failure::Input(format!("{text}the overlay fails validation, not written:\n{e}")))?;
    let merged_catalog = catalog
        .merge(&overlay)
        .map_err(|e| Failure::Input(format!("{text}the overlay does not lie over {base_file}, not written:\n{e}")))?;
    // Both files are made before either is written, the merged catalog first: a write that
    // fails leaves no half-done pair behind, and the report says what was written.
    let merged_json = merged.as_ref().map(|_| {
        let mut json = serde_json::to_string(&merged_catalog).expect("a catalog is always valid JSON");
        json.push('\n');
        json
    });
    if let (Some(path), Some(m)) = (&merged, &merged_json) {
        std::fs::write(path, m)
            .map_err(|e| Failure::Input(format!("{text}cannot write {path}: {e}; nothing written")))?;
    }
    std::fs::write(&out, &json).map_err(|e| {
        let also = merged.as_ref().map_or(String::new(), |p| format!(" ({p} was written)"));
        Failure::Input(format!("{text}cannot write {out}: {e}{also}"))
    })?;
    let o = &report.overlay;
    text += &format!(
        "wrote {out}: {} vacancies, {} offerings, {} intake lists, {} activities, {} institutions\n",
        o.vacancies.len(),
        o.offerings.len(),
        o.intakes.len(),
        o.activities.len(),
        o.institutions.len()
    );
    text += &format!("checked: it lies over {base_file} ({why})\n");
    if let Some(c) = &o.meta.contact {
        let ways = [c.email.as_deref(), c.phone.as_deref(), c.url.as_deref()].into_iter().flatten();
        text += &format!("contact: {}\n", std::iter::once(c.name.as_str()).chain(ways).collect::<Vec<_>>().join(", "));
    }
    if let Some(path) = merged {
        text += &format!("wrote {path}: the base catalog with the overlay laid over it\n");
    }
    Ok(text)
}

/// The catalog a loket pack serves when it is given none (`scripts/pack.mjs`): the
/// region's shard, else (no region, or no shard for it) the national catalog. Looked for
/// under the working directory, then under the source folder this program was built
/// from. Returns its path and why it was taken.
fn default_base(region: Option<&str>) -> Result<(String, String), Failure> {
    // One folder at a time (the working directory's shard, then its national catalog; then
    // the build folder's): a catalog in the working directory always wins over the build's.
    let roots = ["", concat!(env!("CARGO_MANIFEST_DIR"), "/")];
    let shard = region.map(|r| format!("www/data/regions/{r}.json"));
    let national = "www/data/catalog.json";
    let (root, shard_here) = roots
        .iter()
        .find_map(|r| {
            let file = |name: &str| std::path::Path::new(&format!("{r}{name}")).is_file();
            let s = shard.as_deref().is_some_and(file);
            (s || file(national)).then_some((*r, s))
        })
        .unwrap_or(("", false));
    let from = if root.is_empty() { String::new() } else { format!(" (from the source folder {root})") };
    if let (Some(r), Some(s), true) = (region, &shard, shard_here) {
        return Ok((
            format!("{root}{s}"),
            format!("no --catalog given: the shard of {r}, which a loket pack for {r} serves by default{from}"),
        ));
    }
    let found = |name: &str| Some(format!("{root}{name}")).filter(|p| std::path::Path::new(p).is_file());
    if let Some(path) = found(national) {
        let why = match &shard {
            None => "no --catalog or --region given: the national catalog; a loket pack serves it only when packed with --catalog www/data/catalog.json, else its region's shard (give --region to check against that)".to_string(),
            Some(s) => format!("no --catalog given and no {s}: the national catalog"),
        };
        return Ok((path, format!("{why}{from}")));
    }
    let looked = shard.into_iter().chain([national.to_string()]).collect::<Vec<_>>().join(" nor ");
    Err(Failure::Usage(format!(
        "no --catalog given, and neither {looked} is here (nor under {}): give the catalog your loket serves with --catalog BASE, or run routewijzer from the Routewijzer folder",
        env!("CARGO_MANIFEST_DIR")
    )))
}
