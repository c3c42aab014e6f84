//! Builds the national catalog, one shard per arbeidsmarktregio, the shard index and the
//! JSON Schemas from the inputs in `data/` (issue 3).
//!
//! ```text
//! cargo run --release --features schema --bin build-catalog -- [--data DIR] [--out DIR] [--quiet]
//! ```
//!
//! Writes `OUT/www/data/catalog.json`, `OUT/www/data/regions/AMxx.json`,
//! `OUT/www/data/regions/index.json`, `OUT/schema/catalog.schema.json` and
//! `OUT/schema/profile.schema.json` (`--out` defaults to `.`, `--data` to `data`).
//! Deterministic: "today" comes from `data/build.json`, never from the clock, vacancies
//! from a seeded generator, every list is sorted, coordinates are rounded to 4 decimals.
//! See `data/README.md` for the inputs and the mapping from CROHO code to route kind.

use routewijzer::i18n;
use routewijzer::model::*;
use routewijzer::model::vocab::*;
use routewijzer::{Date, Months};
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

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
            _ => return Err(format!("unknown argument '{a}'\nusage: build-catalog [--data DIR] [--out DIR] [--quiet]")),
        }
    }
    let started = std::time::Instant::now();
    let inputs = Inputs::load(&data)?;
    let built = build(&inputs)?;
    let report = write_all(&inputs, &built, &out)?;
    if !quiet {
        print!("{report}");
        eprintln!("build-catalog: done in {:.2} s", started.elapsed().as_secs_f64());
    }
    Ok(())
}

// ---------------------------------------------------------------- reading inputs

/// A CSV table: header and rows, fields unquoted.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn parse(text: &str, sep: char) -> Table {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
        while let Some(c) = chars.next() {
            if quoted {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        field.push('"');
                        chars.next();
                    } else {
                        quoted = false;
                    }
                } else {
                    field.push(c);
                }
            } else if c == '"' && field.is_empty() {
                quoted = true;
            } else if c == sep {
                row.push(std::mem::take(&mut field));
            } else if c == '\n' {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            } else if c != '\r' {
                field.push(c);
            }
        }
        if !field.is_empty() || !row.is_empty() {
            row.push(field);
            rows.push(row);
        }
        rows.retain(|r: &Vec<String>| !(r.len() == 1 && r[0].is_empty()));
        let header = if rows.is_empty() { Vec::new() } else { rows.remove(0) };
        Table { header, rows }
    }

    fn col(&self, name: &str) -> Res<usize> {
        self.header.iter().position(|h| h == name).ok_or_else(|| format!("column '{name}' missing"))
    }
}

fn read_text(path: &Path) -> Res<String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Windows-1252 to UTF-8 (the DUO `0x.-*.csv` files).
fn cp1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–',
        '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    bytes.iter().map(|&b| if (0x80..0xa0).contains(&b) { HIGH[usize::from(b - 0x80)] } else { char::from(b) }).collect()
}

fn read_cp1252(path: &Path) -> Res<String> {
    std::fs::read(path).map(|b| cp1252(&b)).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn num(s: &str, what: &str) -> Res<f64> {
    s.trim().parse::<f64>().map_err(|_| format!("{what}: '{s}' is not a number"))
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn date(s: &str) -> Res<Option<Date>> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        Date::parse(s.trim()).map(Some)
    }
}

fn ymd(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("a valid calendar date")
}

fn vocab<T: serde::de::DeserializeOwned>(id: &str, what: &str) -> Res<T> {
    serde_json::from_value(Value::String(id.into())).map_err(|_| format!("{what}: unknown id '{id}'"))
}

#[derive(Deserialize)]
struct Settings {
    name: String,
    version: String,
    #[serde(deserialize_with = "iso_date")]
    generated: Date,
    radius_km: f64,
    seed: u64,
    vacancies: BTreeMap<String, usize>,
}

fn iso_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    Date::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
}

/// `data/rules.json`, read with the same serde types as a catalog's rules.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[allow(dead_code)]
    about: Value,
    sources: Vec<Source>,
    rules: Vec<Rule>,
    route_kinds: Vec<RouteKindDef>,
    relatedness: Vec<Relatedness>,
    shortages: Vec<Shortage>,
    figures: Vec<Figure>,
    weights: Weights,
}

struct Gemeente {
    code: String,
    name: String,
    lat: f64,
    lon: f64,
    region: String,
    region_name: String,
    population: u64,
}

struct Programme {
    inst: String,
    inst_name: String,
    gm: String,
    croho: String,
    name: String,
    vorm: String,
    funded: bool,
    /// The first date without intake (INSTROOM_EINDDATUM or the end of the vestiging's licence).
    end: Option<Date>,
}

struct Mapping {
    kind: String,
    subjects: Vec<(Subject, Option<String>)>,
    sectors: Vec<Sector>,
    credential: Option<Qualification>,
}

struct School {
    code: String,
    name: String,
    gm: String,
}

struct Inputs {
    settings: Settings,
    rules: RulesFile,
    gemeenten: Vec<Gemeente>,
    postcodes: Vec<Postcode>,
    inst_urls: BTreeMap<String, String>,
    inst_seat: BTreeMap<String, String>,
    programmes: Vec<Programme>,
    mapping: BTreeMap<String, Mapping>,
    schools: Vec<School>,
}

impl Inputs {
    fn load(dir: &Path) -> Res<Inputs> {
        let settings: Settings =
            serde_json::from_str(&read_text(&dir.join("build.json"))?).map_err(|e| format!("build.json: {e}"))?;
        let text = read_text(&dir.join("rules.json"))?;
        let rules: RulesFile = serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(&text))
            .map_err(|e| format!("rules.json: {}: {}", e.path(), e.inner()))?;

        let t = Table::parse(&read_text(&dir.join("nl/gemeenten_2024_derived.csv"))?, ',');
        let (c, n, la, lo, r, rn, p) = (
            t.col("gemeentecode")?,
            t.col("gemeentenaam")?,
            t.col("latitude")?,
            t.col("longitude")?,
            t.col("arbeidsmarktregio_code")?,
            t.col("arbeidsmarktregio_naam")?,
            t.col("geonames_population")?,
        );
        let mut gemeenten = Vec::new();
        for row in &t.rows {
            gemeenten.push(Gemeente {
                code: row[c].clone(),
                name: row[n].clone(),
                lat: round4(num(&row[la], "latitude")?),
                lon: round4(num(&row[lo], "longitude")?),
                region: row[r].clone(),
                region_name: row[rn].clone(),
                population: row[p].trim().parse().unwrap_or(0),
            });
        }
        gemeenten.sort_by(|a, b| a.code.cmp(&b.code));

        let t = Table::parse(&read_text(&dir.join("nl/pc4_derived.csv"))?, ',');
        let (pc, g, la, lo) = (t.col("pc4")?, t.col("gemeentecode")?, t.col("latitude")?, t.col("longitude")?);
        let mut postcodes = Vec::new();
        for row in &t.rows {
            postcodes.push(Postcode(row[pc].clone(), round4(num(&row[la], "pc4 latitude")?), round4(num(&row[lo], "pc4 longitude")?), row[g].clone()));
        }
        postcodes.sort_by(|a, b| a.0.cmp(&b.0));

        let t = Table::parse(&read_cp1252(&dir.join("nl/01.-instellingen-hbo-en-wo.csv"))?, ';');
        let (ic, url, gn) = (t.col("INSTELLINGSCODE")?, t.col("INTERNETADRES")?, t.col("GEMEENTENUMMER")?);
        let mut inst_urls = BTreeMap::new();
        let mut inst_seat = BTreeMap::new();
        for row in &t.rows {
            let u = row[url].trim().to_lowercase();
            if !u.is_empty() {
                let u = if u.starts_with("http") { u } else { format!("https://{u}") };
                inst_urls.insert(row[ic].clone(), u);
            }
            inst_seat.insert(row[ic].clone(), format!("GM{:0>4}", row[gn].trim()));
        }

        let t = Table::parse(&read_text(&dir.join("nl/lerarenopleidingen_derived.csv"))?, ',');
        let cols = [
            "instellingscode",
            "instellingsnaam",
            "gemeentecode",
            "croho_code",
            "opleidingsnaam",
            "vorm",
            "bekostiging",
            "instroom_einddatum",
            "vestigingslicentie_einddatum",
        ]
        .iter()
        .map(|c| t.col(c))
        .collect::<Res<Vec<_>>>()?;
        let mut programmes = Vec::new();
        for row in &t.rows {
            let f = |i: usize| row[cols[i]].clone();
            let end = [date(&f(7))?, date(&f(8))?].into_iter().flatten().min();
            programmes.push(Programme {
                inst: f(0),
                inst_name: f(1),
                gm: f(2),
                croho: f(3),
                name: f(4),
                vorm: f(5),
                funded: f(6) == "BEKOSTIGD",
                end,
            });
        }

        let t = Table::parse(&read_text(&dir.join("croho_mapping.csv"))?, ',');
        let (cc, k, s, se, cr) = (t.col("croho")?, t.col("kind")?, t.col("subjects")?, t.col("sectors")?, t.col("credential")?);
        let mut mapping = BTreeMap::new();
        for row in &t.rows {
            let mut subjects = Vec::new();
            for part in row[s].split('|').filter(|x| !x.is_empty()) {
                let (id, only) = match part.split_once('@') {
                    Some((id, inst)) => (id, Some(inst.to_string())),
                    None => (part, None),
                };
                subjects.push((vocab::<Subject>(id, "croho_mapping.csv subject")?, only));
            }
            let sectors = row[se].split('|').filter(|x| !x.is_empty()).map(|x| vocab(x, "croho_mapping.csv sector")).collect::<Res<_>>()?;
            let credential = if row[cr].is_empty() { None } else { Some(vocab(&row[cr], "croho_mapping.csv credential")?) };
            let kind = row[k].clone();
            if kind != "-" && kind != "pabo" {
                vocab::<RouteKind>(&kind, "croho_mapping.csv kind")?;
            }
            if mapping.insert(row[cc].clone(), Mapping { kind, subjects, sectors, credential }).is_some() {
                return Err(format!("croho_mapping.csv: {} is listed twice", row[cc]));
            }
        }

        let t = Table::parse(&read_cp1252(&dir.join("nl/02.-alle-schoolvestigingen-basisonderwijs.csv"))?, ';');
        let (vc, vn, gn) = (t.col("VESTIGINGSCODE")?, t.col("VESTIGINGSNAAM")?, t.col("GEMEENTENUMMER")?);
        let mut schools: Vec<School> = t
            .rows
            .iter()
            .filter(|r| r.len() > gn)
            .map(|r| School { code: r[vc].clone(), name: r[vn].trim().to_string(), gm: format!("GM{:0>4}", r[gn].trim()) })
            .collect();
        schools.sort_by(|a, b| a.code.cmp(&b.code));

        Ok(Inputs { settings, rules, gemeenten, postcodes, inst_urls, inst_seat, programmes, mapping, schools })
    }

    fn gemeente(&self, code: &str) -> Option<&Gemeente> {
        self.gemeenten.binary_search_by(|g| g.code.as_str().cmp(code)).ok().map(|i| &self.gemeenten[i])
    }
}

// ---------------------------------------------------------------- route facts that are not in the DUO list

/// Institutions with a sourced shortened pabo for bachelor holders: (BRIN, name, duration, hours a week, source).
const VERKORT: &[(&str, &str, &str, u8, &str)] = &[
    ("25BE", "Verkorte opleiding Leraar Basisonderwijs (pabo) voor hbo/wo-bachelors", "P2Y", 40, "S15"),
    ("21RI", "Pabo voor academici en hbo-bachelors (verkort)", "P2Y", 40, "S14"),
    ("25DW", "Versnelde route Leraar Basisonderwijs (pabo) voor hbo/wo-bachelors", "P2Y6M", 32, "S16"),
];

/// Academische pabo (ALPO) outside the CROHO list: (university BRIN, place, name) [S18].
const ALPO: &[(&str, &str, &str)] =
    &[("21PD", "GM0344", "Academische Lerarenopleiding Primair Onderwijs (ALPO, met Hogeschool Utrecht)")];

/// Institutions with a sourced PDG course: (BRIN, intake months) [S38][S39][S40][S41].
const PDG: &[(&str, &[u8])] = &[("30GB", &[2, 9]), ("25DW", &[2, 9]), ("31FR", &[2, 9]), ("21RI", &[1])];

/// Geschiktheidsonderzoek deadlines (month, day) for the September and February cohorts:
/// HU 15 Apr / 15 Oct [S30]; Fontys 1 May / 1 Nov [S20]; Marnix 18 Nov for February [S23].
fn go_deadlines(inst: &str) -> [(u8, u8); 2] {
    match inst {
        "30GB" => [(5, 1), (11, 1)],
        "10IZ" => [(4, 15), (11, 18)],
        _ => [(4, 15), (10, 15)],
    }
}

// ---------------------------------------------------------------- intakes

#[derive(Clone, Copy, PartialEq)]
enum Pattern {
    /// Initial bachelor or Ad, voltijd/duaal: 1 September, Studielink 1 May [S62].
    Initial,
    /// Deeltijd bachelor or Ad: 1 September, institution deadline 15 July [S14].
    Deeltijd,
    /// Deeltijd with a February intake too (pabo, verkort) [S14][S15][S17].
    DeeltijdFeb,
    /// Masters: 1 September, deadline 1 June.
    Master,
    /// Educatieve module: September and February.
    Module,
    /// Zij-instroom: September and February cohorts after a geschiktheidsonderzoek [S30][S20][S23].
    ZijInstroom,
    /// PDG cohorts in the given months [S40][S41].
    Pdg(&'static [u8]),
    /// LIO blocks in February and September, no deadline [S52].
    Lio,
}

fn intakes(pattern: Pattern, inst: &str, today: Date, end: Option<Date>) -> Vec<Intake> {
    let mut out = Vec::new();
    let last = ymd(today.year() + 2, 9, 1);
    for year in today.year()..=today.year() + 2 {
        let mut cands: Vec<(Date, Option<Date>, u16, IntakeStatus)> = Vec::new();
        let sep = ymd(year, 9, 1);
        let feb = ymd(year, 2, 1);
        let typ = IntakeStatus::Typical;
        match pattern {
            Pattern::Initial => cands.push((sep, Some(ymd(year, 5, 1)), 0, IntakeStatus::Confirmed)),
            Pattern::Deeltijd => cands.push((sep, Some(ymd(year, 7, 15)), 0, typ)),
            Pattern::DeeltijdFeb => {
                cands.push((feb, Some(ymd(year - 1, 12, 15)), 0, typ));
                cands.push((sep, Some(ymd(year, 7, 15)), 0, typ));
            }
            Pattern::Master => cands.push((sep, Some(ymd(year, 6, 1)), 0, typ)),
            Pattern::Module => {
                cands.push((feb, Some(ymd(year - 1, 11, 1)), 0, typ));
                cands.push((sep, Some(ymd(year, 6, 1)), 0, typ));
            }
            Pattern::ZijInstroom => {
                let [(sm, sd), (fm, fd)] = go_deadlines(inst);
                cands.push((feb, Some(ymd(year - 1, fm, fd)), 45, typ));
                cands.push((sep, Some(ymd(year, sm, sd)), 45, typ));
            }
            Pattern::Pdg(months) => {
                for &m in months {
                    if m == 1 {
                        // The second Monday of January (HS Leiden's January cohort).
                        let mut d = ymd(year, 1, 8);
                        while d.to_days().rem_euclid(7) != ymd(2024, 1, 1).to_days().rem_euclid(7) {
                            d = d.add_days(1);
                        }
                        cands.push((d, Some(ymd(year - 1, 12, 1)), 0, typ));
                    } else if m == 2 {
                        cands.push((feb, Some(ymd(year - 1, 12, 15)), 0, typ));
                    } else {
                        cands.push((ymd(year, m, 1), Some(ymd(year, m - 2, 15)), 0, typ));
                    }
                }
            }
            Pattern::Lio => {
                cands.push((feb, None, 0, typ));
                cands.push((sep, None, 0, typ));
            }
        }
        for (start, deadline, lead, status) in cands {
            let open = deadline.map_or(start > today, |d| d >= today);
            if open && start > today && start <= last && end.is_none_or(|e| start < e) {
                out.push(Intake { start_date: start, application_deadline: deadline, lead_time_days: lead, status });
            }
        }
    }
    out.sort_by_key(|i| i.start_date);
    out
}

// ---------------------------------------------------------------- the build

struct Built {
    catalog: Catalog,
    /// Region code -> (name, gemeente codes).
    regions: BTreeMap<String, (String, Vec<String>)>,
}

fn subject_name(s: Subject) -> String {
    i18n::label(Lang::Nl, "subject", s.id())
}

fn short_mode(m: Mode) -> &'static str {
    match m {
        Mode::Voltijd => "vt",
        Mode::Deeltijd => "dt",
        Mode::Duaal => "du",
        Mode::WerkendLeren => "wl",
    }
}

/// Figure ids used by offerings (defined in data/rules.json "figures").
const FIG_COLLEGEGELD: &str = "collegegeld-2026-27";
const FIG_CURSUSGELD: &str = "cursusgeld-niet-bekostigd";
const FIG_ZIJ_INSTROOM: &str = "zij-instroom-subsidie-2023";
const FIG_OA: &str = "onderwijsassistent-subsidie";

struct Ctx<'a> {
    inputs: &'a Inputs,
    offerings: BTreeMap<String, Offering>,
    institutions: BTreeMap<String, Institution>,
    collegegeld: u32,
    cursusgeld: u32,
}

struct Spec<'a> {
    id: String,
    kind: RouteKind,
    name: String,
    inst: &'a str,
    gm: &'a str,
    mode: Mode,
    subject: Option<Subject>,
    sectors: Vec<Sector>,
    credential: Option<Qualification>,
    time: &'a str,
    hours: u8,
    funded: Option<bool>,
    paid: bool,
    intakes: Vec<Intake>,
    croho: Option<String>,
}

impl Ctx<'_> {
    fn institution(&mut self, id: &str, name: &str) {
        let url = self.inputs.inst_urls.get(id).cloned();
        self.institutions.entry(id.to_string()).or_insert(Institution { id: id.to_string(), name: name.to_string(), url });
    }

    fn add(&mut self, s: Spec) -> Res<()> {
        let def = self.inputs.rules.route_kinds.iter().find(|k| k.kind == s.kind).ok_or(format!("no route kind {}", s.kind))?;
        let (cost, basis, figure) = match s.funded {
            Some(true) => (self.collegegeld, CostBasis::Collegegeld, Some(FIG_COLLEGEGELD)),
            Some(false) => (self.cursusgeld, CostBasis::Cursusgeld, Some(FIG_CURSUSGELD)),
            None => match s.kind {
                RouteKind::Lio => (0, CostBasis::Geen, None),
                RouteKind::OnderwijsassistentNaarLeraar => (0, CostBasis::Werkgever, Some(FIG_OA)),
                RouteKind::ZijInstroomPo
                | RouteKind::ZijInstroomVoTweedegraads
                | RouteKind::ZijInstroomVoEerstegraads
                | RouteKind::Pdg => (0, CostBasis::Werkgever, Some(FIG_ZIJ_INSTROOM)),
                _ => (0, CostBasis::Werkgever, None),
            },
        };
        let rolling = matches!(s.kind, RouteKind::Herintreding | RouteKind::HybrideDocent);
        if !rolling && s.intakes.is_empty() {
            return Ok(()); // no open intake left (phasing out)
        }
        let url = self.institutions.get(s.inst).and_then(|i| i.url.clone());
        let o = Offering {
            id: s.id.clone(),
            kind: s.kind,
            name: s.name,
            institution: s.inst.to_string(),
            place: s.gm.to_string(),
            educational_program_mode: s.mode,
            occupational_credential_awarded: s.credential.unwrap_or(def.qualification),
            sectors: if s.sectors.is_empty() { def.sectors.clone() } else { s.sectors },
            subject: s.subject,
            time_to_complete: Months::parse(s.time)?,
            weekly_hours: s.hours,
            cost_eur_per_year: cost,
            cost_basis: basis,
            paid_while_learning: s.paid,
            program_prerequisites: Vec::new(),
            intakes: s.intakes,
            rolling_intake: rolling,
            url,
            croho: s.croho,
            cost_figure: figure.map(str::to_string),
            // Without a bevoegdheid at most 6 hours a week (figure onbevoegd-max-uren, S6).
            max_teaching_hours: (s.kind == RouteKind::HybrideDocent).then_some(6),
        };
        if self.offerings.insert(s.id.clone(), o).is_some() {
            return Err(format!("offering id {} built twice", s.id));
        }
        Ok(())
    }
}

fn offering_id(inst: &str, what: &str, mode: Mode, gm: &str, subject: Option<Subject>) -> String {
    let mut id = format!("{}-{what}-{}-{}", inst.to_lowercase(), short_mode(mode), gm.trim_start_matches("GM"));
    if let Some(s) = subject {
        id.push('-');
        id.push_str(s.id());
    }
    id
}

fn build(inputs: &Inputs) -> Res<Built> {
    let today = inputs.settings.generated;
    let figure = |id: &str| -> Res<u32> {
        inputs.rules.figures.iter().find(|f| f.id == id).map(|f| f.value.round() as u32).ok_or(format!("rules.json has no figure '{id}'"))
    };
    let mut cx = Ctx {
        inputs,
        offerings: BTreeMap::new(),
        institutions: BTreeMap::new(),
        collegegeld: figure(FIG_COLLEGEGELD)?,
        cursusgeld: figure(FIG_CURSUSGELD)?,
    };
    for f in [FIG_ZIJ_INSTROOM, FIG_OA] {
        figure(f)?;
    }

    // 1. CROHO programmes.
    // (inst, gm) with a pabo, per mode; (inst, gm, subject) with tweedegraads; (inst, gm, subject) with a wo VHO master.
    let mut pabo: BTreeMap<(String, String), BTreeSet<&str>> = BTreeMap::new();
    let mut tweede: BTreeMap<(String, String), BTreeSet<Subject>> = BTreeMap::new();
    let mut tweede_voltijd_funded: BTreeSet<(String, String, Subject)> = BTreeSet::new();
    let mut wo_master: BTreeMap<(String, String), BTreeSet<Subject>> = BTreeMap::new();
    let mut unmapped = BTreeSet::new();
    let mut programmes: Vec<&Programme> = inputs.programmes.iter().collect();
    programmes.sort_by(|a, b| (&a.inst, &a.croho, &a.vorm, &a.gm).cmp(&(&b.inst, &b.croho, &b.vorm, &b.gm)));
    for p in programmes {
        let Some(m) = inputs.mapping.get(&p.croho) else {
            unmapped.insert(p.croho.clone());
            continue;
        };
        if m.kind == "-" || p.end.is_some_and(|e| e <= today) {
            continue;
        }
        if inputs.gemeente(&p.gm).is_none() {
            return Err(format!("{} {}: unknown gemeente {}", p.inst, p.croho, p.gm));
        }
        let mode = match p.vorm.as_str() {
            "VOLTIJD" => Mode::Voltijd,
            "DEELTIJD" => Mode::Deeltijd,
            "DUAAL" => Mode::Duaal,
            v => return Err(format!("unknown vorm {v}")),
        };
        let kind: RouteKind = if m.kind == "pabo" {
            if mode == Mode::Voltijd { RouteKind::PaboVoltijd } else { RouteKind::PaboDeeltijd }
        } else {
            vocab(&m.kind, "kind")?
        };
        cx.institution(&p.inst, &p.inst_name);
        let subjects: Vec<Option<Subject>> = if m.subjects.is_empty() {
            vec![None]
        } else {
            m.subjects.iter().filter(|(_, only)| only.as_ref().is_none_or(|i| *i == p.inst)).map(|(s, _)| Some(*s)).collect()
        };
        let hours = match mode {
            Mode::Voltijd => 40,
            Mode::Duaal => 36,
            _ => 20,
        };
        let (time, pattern) = match kind {
            RouteKind::PaboVoltijd | RouteKind::LerarenopleidingTweedegraads | RouteKind::PaboDeeltijd => (
                "P4Y",
                match (mode, kind) {
                    (Mode::Deeltijd, RouteKind::PaboDeeltijd) => Pattern::DeeltijdFeb,
                    (Mode::Deeltijd, _) => Pattern::Deeltijd,
                    _ => Pattern::Initial,
                },
            ),
            RouteKind::PaboAcademisch => ("P3Y", Pattern::Initial),
            RouteKind::AdOnderwijs => ("P2Y", if mode == Mode::Deeltijd { Pattern::Deeltijd } else { Pattern::Initial }),
            RouteKind::PaboVerkort => ("P2Y", Pattern::Master),
            RouteKind::MasterLeraarHbo => ("P2Y6M", Pattern::Master),
            RouteKind::MasterLeraarWo => (if mode == Mode::Voltijd { "P1Y" } else { "P2Y" }, Pattern::Master),
            RouteKind::EducatieveMaster => (if mode == Mode::Voltijd { "P2Y" } else { "P3Y" }, Pattern::Master),
            k => return Err(format!("croho {} maps to {k}, which the build does not expect", p.croho)),
        };
        for subject in subjects {
            let name = match subject {
                Some(s) if m.subjects.len() > 1 => format!("{} ({})", p.name, subject_name(s)),
                _ => p.name.clone(),
            };
            let id = offering_id(&p.inst, &p.croho, mode, &p.gm, subject);
            if cx.offerings.contains_key(&id) {
                continue; // a second vestiging in the same gemeente
            }
            cx.add(Spec {
                id,
                kind,
                name,
                inst: &p.inst,
                gm: &p.gm,
                mode,
                subject,
                sectors: m.sectors.clone(),
                credential: m.credential,
                time,
                hours,
                funded: Some(p.funded),
                paid: mode == Mode::Duaal,
                intakes: intakes(pattern, &p.inst, today, p.end),
                croho: Some(p.croho.clone()),
            })?;
            let key = (p.inst.clone(), p.gm.clone());
            match kind {
                RouteKind::PaboVoltijd | RouteKind::PaboDeeltijd if p.croho == "34808" => {
                    pabo.entry(key).or_default().insert(short_mode(mode));
                }
                RouteKind::LerarenopleidingTweedegraads => {
                    if let Some(s) = subject {
                        tweede.entry(key.clone()).or_default().insert(s);
                        if mode == Mode::Voltijd && p.funded {
                            tweede_voltijd_funded.insert((p.inst.clone(), p.gm.clone(), s));
                        }
                    } else {
                        tweede.entry(key).or_default();
                    }
                }
                RouteKind::MasterLeraarWo => {
                    if let Some(s) = subject {
                        wo_master.entry(key).or_default().insert(s);
                    }
                }
                _ => {}
            }
        }
    }
    if !unmapped.is_empty() {
        return Err(format!("CROHO codes without a row in croho_mapping.csv: {unmapped:?}"));
    }

    // 2. Pabo-based routes without their own CROHO code, at every (institution, gemeente) with a pabo.
    for ((inst, gm), modes) in &pabo {
        let w = Mode::WerkendLeren;
        cx.add(Spec {
            id: offering_id(inst, "zij-po", w, gm, None),
            kind: RouteKind::ZijInstroomPo,
            name: "Zij-instroom Leraar Basisonderwijs (geschiktheidsonderzoek en opleiding)".into(),
            inst,
            gm,
            mode: w,
            subject: None,
            sectors: vec![],
            credential: None,
            time: "P2Y",
            hours: 32,
            funded: None,
            paid: true,
            intakes: intakes(Pattern::ZijInstroom, inst, today, None),
            croho: None,
        })?;
        if modes.contains("dt") || modes.contains("du") {
            cx.add(Spec {
                id: offering_id(inst, "oa-pabo", w, gm, None),
                kind: RouteKind::OnderwijsassistentNaarLeraar,
                name: "Pabo voor onderwijsassistenten (werkend leren)".into(),
                inst,
                gm,
                mode: w,
                subject: None,
                sectors: vec![],
                credential: None,
                time: "P4Y",
                hours: 36,
                funded: None,
                paid: true,
                intakes: intakes(Pattern::DeeltijdFeb, inst, today, None),
                croho: Some("34808".into()),
            })?;
        }
        cx.add(Spec {
            id: offering_id(inst, "lio-po", w, gm, None),
            kind: RouteKind::Lio,
            name: "LIO-aanstelling (leraar in opleiding), basisonderwijs".into(),
            inst,
            gm,
            mode: w,
            subject: None,
            sectors: vec![Sector::Po],
            credential: None,
            time: "P5M",
            hours: 40,
            funded: None,
            paid: true,
            intakes: intakes(Pattern::Lio, inst, today, None),
            croho: None,
        })?;
        cx.add(Spec {
            id: offering_id(inst, "herintreding-po", w, gm, None),
            kind: RouteKind::Herintreding,
            name: "Herintreden als leraar basisonderwijs (opfriscursus)".into(),
            inst,
            gm,
            mode: w,
            subject: None,
            sectors: vec![Sector::Po],
            credential: Some(Qualification::Po),
            time: "P6M",
            hours: 24,
            funded: None,
            paid: true,
            intakes: vec![],
            croho: None,
        })?;
        if let Some(&(_, name, time, hours, _)) = VERKORT.iter().find(|v| v.0 == inst) {
            if modes.contains("dt") {
                cx.add(Spec {
                    id: offering_id(inst, "pabo-verkort", Mode::Deeltijd, gm, None),
                    kind: RouteKind::PaboVerkort,
                    name: name.into(),
                    inst,
                    gm,
                    mode: Mode::Deeltijd,
                    subject: None,
                    sectors: vec![],
                    credential: None,
                    time,
                    hours,
                    funded: Some(true),
                    paid: false,
                    intakes: intakes(Pattern::DeeltijdFeb, inst, today, None),
                    croho: Some("34808".into()),
                })?;
            }
        }
    }
    for &(inst, gm, name) in ALPO {
        let n = inputs.programmes.iter().find(|p| p.inst == inst).map(|p| p.inst_name.clone()).ok_or(format!("ALPO: no institution {inst}"))?;
        cx.institution(inst, &n);
        cx.add(Spec {
            id: offering_id(inst, "alpo", Mode::Voltijd, gm, None),
            kind: RouteKind::PaboAcademisch,
            name: name.into(),
            inst,
            gm,
            mode: Mode::Voltijd,
            subject: None,
            sectors: vec![],
            credential: None,
            time: "P4Y",
            hours: 40,
            funded: Some(true),
            paid: false,
            intakes: intakes(Pattern::Initial, inst, today, None),
            croho: None,
        })?;
    }

    // 3. Tweedegraads-based routes: zij-instroom vo tweedegraads per subject, kopopleiding per
    //    funded voltijd subject, LIO and herintreding vo.
    for ((inst, gm), subjects) in &tweede {
        let w = Mode::WerkendLeren;
        for &s in subjects {
            cx.add(Spec {
                id: offering_id(inst, "zij-vo2", w, gm, Some(s)),
                kind: RouteKind::ZijInstroomVoTweedegraads,
                name: format!("Zij-instroom tweedegraads {}", subject_name(s)),
                inst,
                gm,
                mode: w,
                subject: Some(s),
                sectors: vec![],
                credential: None,
                time: "P2Y",
                hours: 32,
                funded: None,
                paid: true,
                intakes: intakes(Pattern::ZijInstroom, inst, today, None),
                croho: None,
            })?;
            if tweede_voltijd_funded.contains(&(inst.clone(), gm.clone(), s)) {
                cx.add(Spec {
                    id: offering_id(inst, "kop", Mode::Voltijd, gm, Some(s)),
                    kind: RouteKind::Kopopleiding,
                    name: format!("Kopopleiding leraar {} (tweedegraads)", subject_name(s)),
                    inst,
                    gm,
                    mode: Mode::Voltijd,
                    subject: Some(s),
                    sectors: vec![],
                    credential: None,
                    time: "P1Y",
                    hours: 40,
                    funded: Some(true),
                    paid: false,
                    intakes: intakes(Pattern::Initial, inst, today, None)
                        .into_iter()
                        .map(|i| Intake { status: IntakeStatus::Typical, ..i })
                        .collect(),
                    croho: None,
                })?;
            }
        }
        cx.add(Spec {
            id: offering_id(inst, "lio-vo", w, gm, None),
            kind: RouteKind::Lio,
            name: "LIO-aanstelling (leraar in opleiding), vo en mbo".into(),
            inst,
            gm,
            mode: w,
            subject: None,
            sectors: vec![Sector::Vo, Sector::Mbo],
            credential: None,
            time: "P5M",
            hours: 40,
            funded: None,
            paid: true,
            intakes: intakes(Pattern::Lio, inst, today, None),
            croho: None,
        })?;
        cx.add(Spec {
            id: offering_id(inst, "herintreding-vo", w, gm, None),
            kind: RouteKind::Herintreding,
            name: "Herintreden als leraar in vo of mbo (opfristraject)".into(),
            inst,
            gm,
            mode: w,
            subject: None,
            sectors: vec![Sector::Vo, Sector::Mbo],
            credential: Some(Qualification::Tweedegraads),
            time: "P6M",
            hours: 24,
            funded: None,
            paid: true,
            intakes: vec![],
            croho: None,
        })?;
    }

    // 4. University routes per subject of its wo Leraar VHO masters: zij-instroom eerstegraads,
    //    educatieve minor and educatieve module.
    for ((inst, gm), subjects) in &wo_master {
        for &s in subjects {
            let w = Mode::WerkendLeren;
            cx.add(Spec {
                id: offering_id(inst, "zij-vo1", w, gm, Some(s)),
                kind: RouteKind::ZijInstroomVoEerstegraads,
                name: format!("Zij-instroom eerstegraads {}", subject_name(s)),
                inst,
                gm,
                mode: w,
                subject: Some(s),
                sectors: vec![],
                credential: None,
                time: "P2Y",
                hours: 32,
                funded: None,
                paid: true,
                intakes: intakes(Pattern::ZijInstroom, inst, today, None),
                croho: None,
            })?;
            cx.add(Spec {
                id: offering_id(inst, "edu-minor", Mode::Voltijd, gm, Some(s)),
                kind: RouteKind::EducatieveMinor,
                name: format!("Educatieve minor {}", subject_name(s)),
                inst,
                gm,
                mode: Mode::Voltijd,
                subject: Some(s),
                sectors: vec![],
                credential: None,
                time: "P6M",
                hours: 40,
                funded: Some(true),
                paid: false,
                intakes: intakes(Pattern::Master, inst, today, None),
                croho: None,
            })?;
            cx.add(Spec {
                id: offering_id(inst, "edu-module", Mode::Deeltijd, gm, Some(s)),
                kind: RouteKind::EducatieveModule,
                name: format!("Educatieve module {}", subject_name(s)),
                inst,
                gm,
                mode: Mode::Deeltijd,
                subject: Some(s),
                sectors: vec![],
                credential: None,
                time: "P6M",
                hours: 20,
                funded: Some(true),
                paid: false,
                intakes: intakes(Pattern::Module, inst, today, None),
                croho: None,
            })?;
        }
    }

    // 5. PDG at the institutions with a sourced course, at their main seat.
    for &(inst, months) in PDG {
        let gm = inputs.inst_seat.get(inst).ok_or(format!("PDG: no seat for {inst}"))?.clone();
        if !cx.institutions.contains_key(inst) {
            return Err(format!("PDG: institution {inst} has no programme"));
        }
        cx.add(Spec {
            id: offering_id(inst, "pdg", Mode::WerkendLeren, &gm, None),
            kind: RouteKind::Pdg,
            name: "Pedagogisch-Didactisch Getuigschrift (PDG) voor mbo-docenten".into(),
            inst,
            gm: &gm,
            mode: Mode::WerkendLeren,
            subject: None,
            sectors: vec![],
            credential: None,
            time: "P18M",
            hours: 24,
            funded: None,
            paid: true,
            intakes: intakes(Pattern::Pdg(months), inst, today, None),
            croho: None,
        })?;
    }

    // 6. Hybride docent: one per arbeidsmarktregio, at its most populous gemeente [S53].
    let mut regions: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    for g in &inputs.gemeenten {
        let e = regions.entry(g.region.clone()).or_insert((g.region_name.clone(), Vec::new()));
        e.1.push(g.code.clone());
    }
    let hybride = "HYBRIDE";
    cx.institutions.insert(
        hybride.into(),
        Institution { id: hybride.into(), name: "Hybride docent (hybridedocent.nl)".into(), url: Some("https://hybridedocent.nl".into()) },
    );
    for (region, (name, gms)) in &regions {
        let main = gms
            .iter()
            .filter_map(|c| inputs.gemeente(c))
            .max_by(|a, b| a.population.cmp(&b.population).then(b.code.cmp(&a.code)))
            .ok_or("empty region")?;
        cx.add(Spec {
            id: format!("hybride-{}", region.to_lowercase()),
            kind: RouteKind::HybrideDocent,
            name: format!("Hybride docent: lesgeven naast je baan (regio {name})"),
            inst: hybride,
            gm: &main.code,
            mode: Mode::WerkendLeren,
            subject: None,
            sectors: vec![Sector::Vo, Sector::Mbo],
            credential: None,
            time: "P1Y",
            hours: 8,
            funded: None,
            paid: true,
            intakes: vec![],
            croho: None,
        })?;
    }

    let vacancies = vacancies(inputs, &regions)?;

    let places: Vec<Place> = inputs
        .gemeenten
        .iter()
        .map(|g| Place { id: g.code.clone(), name: g.name.clone(), lat: g.lat, lon: g.lon, region: Some(g.region.clone()) })
        .collect();
    let r = &inputs.rules;
    let catalog = Catalog {
        meta: Meta {
            name: inputs.settings.name.clone(),
            version: inputs.settings.version.clone(),
            generated: today,
            attribution: ATTRIBUTION.iter().map(|s| s.to_string()).collect(),
            region: None,
            notes: notes(inputs, None),
        },
        sources: r.sources.clone(),
        rules: r.rules.clone(),
        route_kinds: r.route_kinds.clone(),
        relatedness: r.relatedness.clone(),
        institutions: cx.institutions.into_values().collect(),
        offerings: cx.offerings.into_values().collect(),
        vacancies,
        places,
        postcodes: inputs.postcodes.clone(),
        shortages: r.shortages.clone(),
        figures: r.figures.clone(),
        weights: r.weights,
    };
    Ok(Built { catalog, regions })
}

/// Attribution lines shipped in every catalog's metadata (and in the README).
const ATTRIBUTION: &[&str] = &[
    "Bron: DUO (Dienst Uitvoering Onderwijs), open onderwijsdata (CC0): instellingen, lerarenopleidingen en hun vestigingen, vestigingen basisonderwijs",
    "Bron: CBS (Centraal Bureau voor de Statistiek), CC BY 4.0: gemeenten en arbeidsmarktregio's",
    "GeoNames (www.geonames.org), CC BY 4.0: coordinaten van gemeenten en postcodes (PC4)",
    "Tekorten: OCW/Centerdata (ocwincijfers.nl, centerdata.nl), peildatum per cijfer",
];

fn notes(inputs: &Inputs, region: Option<(&str, &str)>) -> Vec<String> {
    let r = inputs.settings.radius_km;
    let mut n = vec![
        "Vacancies are demonstration data (demo: true) at real school locations (po: DUO vestigingen) and real gemeenten (vo, mbo), weighted by the measured shortage figures; they are not real job openings. A loket replaces them with its own feed.".to_string(),
        "Programmes: DUO list of accredited teacher-education programmes (RIO, 2026-02-20); programmes whose intake or licence ends before the generated date are left out. Routes without a CROHO programme (zij-instroom, PDG, kopopleiding, educatieve minor/module, LIO, herintreding, hybride docent) are placed at the institutions that run the matching programme; see data/README.md.".to_string(),
        "Intakes marked typical are estimated from the route's pattern (ROUTES.md section 5); confirmed ones follow a statutory date (1 September start, Studielink 1 May).".to_string(),
        "Costs use the figure named in cost_figure; the 2026-27 collegegeld is UNCONFIRMED (the 2025-26 amount carried over).".to_string(),
    ];
    if let Some((code, name)) = region {
        n.insert(0, format!("Shard for arbeidsmarktregio {code} {name}: its own offerings and vacancies plus those within {r} km of any gemeente point of the region, topped up to at least {MIN_PER_KIND} offerings of every route kind with the nearest ones elsewhere; postcodes of the region's gemeenten."));
    } else {
        n.push(format!("Region shards (www/data/regions/) hold a region's offerings and vacancies plus those within {r} km of any gemeente point of the region."));
    }
    n
}

// ---------------------------------------------------------------- demonstration vacancies

/// xorshift64*: a small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn weighted<T: Copy>(&mut self, items: &[(T, f64)]) -> T {
        let total: f64 = items.iter().map(|i| i.1).sum();
        let mut x = (self.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        for &(t, w) in items {
            if x < w {
                return t;
            }
            x -= w;
        }
        items[items.len() - 1].0
    }
}

/// Splits `total` over weights by largest remainder (ties by key order).
fn apportion(total: usize, weights: &BTreeMap<String, f64>) -> BTreeMap<String, usize> {
    let sum: f64 = weights.values().sum();
    let mut out = BTreeMap::new();
    let mut rest: Vec<(f64, String)> = Vec::new();
    let mut given = 0;
    for (k, w) in weights {
        let exact = total as f64 * w / sum;
        let n = exact.floor() as usize;
        given += n;
        out.insert(k.clone(), n);
        rest.push((exact - n as f64, k.clone()));
    }
    rest.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, k) in rest.into_iter().take(total - given) {
        *out.get_mut(&k).expect("key") += 1;
    }
    out
}

/// Absolute vo shortages in fte where ROUTES.md gives them [S64]; other subjects weigh by
/// their percentage times this many fte per percentage point.
const VO_FTE: &[(Subject, f64)] =
    &[(Subject::Nederlands, 711.0), (Subject::Wiskunde, 502.0), (Subject::BeroepsgerichtVmbo, 354.0), (Subject::Engels, 270.0), (Subject::Duits, 201.0)];
const FTE_PER_POINT: f64 = 25.0;

/// mbo vacancy mix by field (an assumption: no measured mbo shortage by field in ROUTES.md).
const MBO_MIX: &[(Subject, f64)] = &[
    (Subject::MboTechniek, 35.0),
    (Subject::MboZorgWelzijn, 25.0),
    (Subject::MboEconomie, 15.0),
    (Subject::MboIct, 15.0),
    (Subject::MboGeneriek, 10.0),
];

const PO_GROUPS: &[&str] = &["1/2", "3", "4", "5", "6", "7", "8", "3/4", "4/5", "5/6", "6/7", "7/8"];
const FTES: &[(u8, f64)] = &[(4, 15.0), (5, 10.0), (6, 25.0), (8, 30.0), (10, 20.0)];

fn fte_text(tenths: u8) -> String {
    if tenths == 10 { "1,0 fte".into() } else { format!("0,{tenths} fte") }
}

fn vacancies(inputs: &Inputs, regions: &BTreeMap<String, (String, Vec<String>)>) -> Res<Vec<Vacancy>> {
    let today = inputs.settings.generated;
    let mut rng = Rng(inputs.settings.seed | 1);
    let shortages = &inputs.rules.shortages;
    let newest = |sector: Sector, subject: Option<Subject>, region: Option<&str>| -> Option<f64> {
        shortages
            .iter()
            .filter(|s| s.sector == sector && s.subject == subject && s.region.as_deref() == region)
            .max_by_key(|s| s.peildatum)
            .map(|s| s.percent)
    };
    let nat_po = newest(Sector::Po, None, None).ok_or("no national po shortage")?;
    let nat_vo = newest(Sector::Vo, None, None).ok_or("no national vo shortage")?;
    let count = |k: &str| inputs.settings.vacancies.get(k).copied().unwrap_or(0);

    let mut schools_by_region: BTreeMap<&str, Vec<&School>> = BTreeMap::new();
    for s in &inputs.schools {
        if let Some(g) = inputs.gemeente(&s.gm) {
            schools_by_region.entry(g.region.as_str()).or_default().push(s);
        }
    }
    let population = |r: &str| -> f64 {
        regions[r].1.iter().filter_map(|c| inputs.gemeente(c)).map(|g| g.population as f64).sum()
    };
    let mut w_po = BTreeMap::new();
    let mut w_vo = BTreeMap::new();
    let mut w_mbo = BTreeMap::new();
    for r in regions.keys() {
        let n = schools_by_region.get(r.as_str()).map_or(0, Vec::len) as f64;
        w_po.insert(r.clone(), n * newest(Sector::Po, None, Some(r)).unwrap_or(nat_po));
        w_vo.insert(r.clone(), population(r) * newest(Sector::Vo, None, Some(r)).unwrap_or(nat_vo));
        w_mbo.insert(r.clone(), population(r));
    }
    let vo_mix: Vec<(Subject, f64)> = shortages
        .iter()
        .filter(|s| s.sector == Sector::Vo && s.region.is_none())
        .filter_map(|s| s.subject.map(|sub| (sub, s)))
        .fold(BTreeMap::new(), |mut m: BTreeMap<Subject, &Shortage>, (sub, s)| {
            if m.get(&sub).is_none_or(|o| s.peildatum > o.peildatum) {
                m.insert(sub, s);
            }
            m
        })
        .into_iter()
        .map(|(sub, s)| (sub, VO_FTE.iter().find(|f| f.0 == sub).map_or(s.percent * FTE_PER_POINT, |f| f.1)))
        .collect();

    // Start dates: (date, weight) for structural posts and for replacements.
    let y = today.year();
    let structural = [(ymd(y + 1, 1, 4), 15.0), (ymd(y + 1, 2, 1), 15.0), (ymd(y + 1, 3, 1), 10.0), (ymd(y + 1, 4, 1), 5.0), (ymd(y + 1, 8, 30), 55.0)];
    let replacement = [(today.add_days(8), 25.0), (ymd(y + 1, 1, 4), 30.0), (ymd(y + 1, 2, 1), 25.0), (ymd(y + 1, 3, 1), 20.0)];
    let dates = |rng: &mut Rng, vervanging: bool| -> (Date, Date) {
        let start = rng.weighted(if vervanging { &replacement[..] } else { &structural[..] });
        let lead = if vervanging { 7 } else { 21 + rng.below(30) as i64 };
        let through = start.add_days(-lead).max(today.add_days(5));
        (start, through)
    };
    let weighted_gemeente = |rng: &mut Rng, r: &str, top: usize| -> String {
        let mut gs: Vec<&Gemeente> = regions[r].1.iter().filter_map(|c| inputs.gemeente(c)).collect();
        gs.sort_by(|a, b| b.population.cmp(&a.population).then(a.code.cmp(&b.code)));
        gs.truncate(top);
        let items: Vec<(usize, f64)> = gs.iter().enumerate().map(|(i, g)| (i, (g.population as f64).max(1000.0))).collect();
        gs[rng.weighted(&items)].code.clone()
    };

    let mut out = Vec::new();
    // po at real DUO school locations.
    for (r, n) in apportion(count("po"), &w_po) {
        let schools = schools_by_region.get(r.as_str()).ok_or(format!("no schools in {r}"))?;
        let mut picked = BTreeSet::new();
        for _ in 0..n {
            let mut i = rng.below(schools.len());
            for _ in 0..8 {
                if !picked.contains(&i) {
                    break;
                }
                i = rng.below(schools.len());
            }
            picked.insert(i);
            let s = schools[i];
            let vervanging = rng.chance(30);
            let fte = rng.weighted(FTES);
            let (start, through) = dates(&mut rng, vervanging);
            let assistant = rng.chance(8);
            let (title, role, reqs) = if assistant {
                (format!("Onderwijsassistent ({})", fte_text(fte)), Role::Onderwijsassistent, vec![])
            } else {
                let g = PO_GROUPS[rng.below(PO_GROUPS.len())];
                let what = if vervanging { format!("Leerkracht groep {g}, vervanging") } else { format!("Leerkracht groep {g}") };
                (format!("{what} ({})", fte_text(fte)), Role::Leraar, vec![Qualification::Po])
            };
            out.push(Vacancy {
                id: String::new(),
                title,
                employer: s.name.clone(),
                job_location: s.gm.clone(),
                sector: Sector::Po,
                subject: None,
                role,
                work_hours: fte * 4,
                employment_type: if vervanging { EmploymentType::Vervanging } else { EmploymentType::Structureel },
                job_start_date: start,
                valid_through: through,
                accepts_in_training: assistant || rng.chance(if vervanging { 30 } else { 75 }),
                education_requirements: reqs,
                url: None,
                demo: true,
            });
        }
    }
    // vo at real gemeenten, by subject.
    for (r, n) in apportion(count("vo"), &w_vo) {
        for _ in 0..n {
            let gm = weighted_gemeente(&mut rng, &r, 12);
            let subject = rng.weighted(&vo_mix);
            let vervanging = rng.chance(30);
            let (start, through) = dates(&mut rng, vervanging);
            let hybrid = !vervanging && rng.chance(6);
            let bovenbouw = !hybrid && rng.chance(25);
            let label = subject_name(subject);
            let (title, hours, role, reqs) = if hybrid {
                let h = 4 + rng.below(3) as u8;
                (format!("Docent {label} (hybride, {h} uur per week)"), h, Role::LeraarOnbevoegd, vec![Qualification::Tweedegraads, Qualification::Eerstegraads])
            } else {
                let fte = rng.weighted(FTES);
                let what = match (bovenbouw, vervanging) {
                    (true, false) => format!("Docent {label} bovenbouw havo/vwo"),
                    (true, true) => format!("Docent {label} bovenbouw havo/vwo, vervanging"),
                    (false, false) => format!("Docent {label}"),
                    (false, true) => format!("Docent {label}, vervanging"),
                };
                let reqs = if bovenbouw { vec![Qualification::Eerstegraads] } else { vec![Qualification::Tweedegraads, Qualification::Eerstegraads] };
                (format!("{what} ({})", fte_text(fte)), fte * 4, Role::Leraar, reqs)
            };
            let place = inputs.gemeente(&gm).map(|g| g.name.clone()).unwrap_or_default();
            out.push(Vacancy {
                id: String::new(),
                title,
                employer: format!("Demonstratie: school voor voortgezet onderwijs in {place}"),
                job_location: gm,
                sector: Sector::Vo,
                subject: Some(subject),
                role,
                work_hours: hours,
                employment_type: if vervanging { EmploymentType::Vervanging } else { EmploymentType::Structureel },
                job_start_date: start,
                valid_through: through,
                accepts_in_training: hybrid || rng.chance(if vervanging { 35 } else { 75 }),
                education_requirements: reqs,
                url: None,
                demo: true,
            });
        }
    }
    // mbo at the largest gemeenten of each region.
    for (r, n) in apportion(count("mbo"), &w_mbo) {
        for _ in 0..n {
            let gm = weighted_gemeente(&mut rng, &r, 3);
            let subject = rng.weighted(MBO_MIX);
            let vervanging = rng.chance(25);
            let (start, through) = dates(&mut rng, vervanging);
            let instructeur = rng.chance(15);
            let fte = rng.weighted(FTES);
            let label = subject_name(subject);
            let (title, role) = if instructeur {
                (format!("Instructeur {label} ({})", fte_text(fte)), Role::Instructeur)
            } else if vervanging {
                (format!("Docent {label}, vervanging ({})", fte_text(fte)), Role::Leraar)
            } else {
                (format!("Docent {label} ({})", fte_text(fte)), Role::Leraar)
            };
            let place = inputs.gemeente(&gm).map(|g| g.name.clone()).unwrap_or_default();
            out.push(Vacancy {
                id: String::new(),
                title,
                employer: format!("Demonstratie: mbo-instelling in {place}"),
                job_location: gm,
                sector: Sector::Mbo,
                subject: Some(subject),
                role,
                work_hours: fte * 4,
                employment_type: if vervanging { EmploymentType::Vervanging } else { EmploymentType::Structureel },
                job_start_date: start,
                valid_through: through,
                accepts_in_training: rng.chance(if vervanging { 40 } else { 80 }),
                education_requirements: if instructeur { vec![] } else { vec![Qualification::Tweedegraads, Qualification::Eerstegraads, Qualification::Pdg] },
                url: None,
                demo: true,
            });
        }
    }
    out.sort_by(|a, b| {
        (a.sector, &a.job_location, &a.employer, a.job_start_date, &a.title).cmp(&(b.sector, &b.job_location, &b.employer, b.job_start_date, &b.title))
    });
    for (i, v) in out.iter_mut().enumerate() {
        v.id = format!("demo-{}-{:04}", v.sector.id(), i + 1);
    }
    Ok(out)
}

// ---------------------------------------------------------------- shards

/// A shard holds at least this many offerings of every route kind (the nearest ones).
const MIN_PER_KIND: usize = 3;

fn shard(inputs: &Inputs, national: &Catalog, code: &str, name: &str, own: &[String]) -> Catalog {
    let r = inputs.settings.radius_km;
    let own_pts: Vec<(f64, f64)> = own.iter().filter_map(|c| inputs.gemeente(c)).map(|g| (g.lat, g.lon)).collect();
    let near: BTreeSet<&str> = inputs
        .gemeenten
        .iter()
        .filter(|g| g.region == code || own_pts.iter().any(|p| routewijzer::engine::geo::distance_km(*p, (g.lat, g.lon)) <= r))
        .map(|g| g.code.as_str())
        .collect();
    // The region's own and nearby offerings, topped up per route kind with the nearest ones
    // elsewhere so that every kind can be shown (at least MIN_PER_KIND offerings of it).
    let mut chosen: BTreeSet<&str> = national.offerings.iter().filter(|o| near.contains(o.place.as_str())).map(|o| o.id.as_str()).collect();
    let dist = |gm: &str| -> f64 {
        inputs.gemeente(gm).map_or(f64::MAX, |g| {
            own_pts.iter().map(|p| routewijzer::engine::geo::distance_km(*p, (g.lat, g.lon))).fold(f64::MAX, f64::min)
        })
    };
    for kind in RouteKind::ALL {
        let have = national.offerings.iter().filter(|o| o.kind == *kind && chosen.contains(o.id.as_str())).count();
        if have >= MIN_PER_KIND {
            continue;
        }
        let mut others: Vec<(f64, &str)> = national
            .offerings
            .iter()
            .filter(|o| o.kind == *kind && !chosen.contains(o.id.as_str()))
            .map(|o| (dist(&o.place), o.id.as_str()))
            .collect();
        others.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
        chosen.extend(others.into_iter().take(MIN_PER_KIND - have).map(|x| x.1));
    }
    let offerings: Vec<Offering> = national.offerings.iter().filter(|o| chosen.contains(o.id.as_str())).cloned().collect();
    let vacancies: Vec<Vacancy> = national.vacancies.iter().filter(|v| near.contains(v.job_location.as_str())).cloned().collect();
    let own_set: BTreeSet<&str> = own.iter().map(String::as_str).collect();
    let mut used: BTreeSet<&str> = own_set.clone();
    used.extend(offerings.iter().map(|o| o.place.as_str()));
    used.extend(vacancies.iter().map(|v| v.job_location.as_str()));
    let insts: BTreeSet<&str> = offerings.iter().map(|o| o.institution.as_str()).collect();
    Catalog {
        meta: Meta {
            name: format!("{} — {name}", national.meta.name),
            version: national.meta.version.clone(),
            generated: national.meta.generated,
            attribution: national.meta.attribution.clone(),
            region: Some(code.to_string()),
            notes: notes(inputs, Some((code, name))),
        },
        sources: national.sources.clone(),
        rules: national.rules.clone(),
        route_kinds: national.route_kinds.clone(),
        relatedness: national.relatedness.clone(),
        institutions: national.institutions.iter().filter(|i| insts.contains(i.id.as_str())).cloned().collect(),
        places: national.places.iter().filter(|p| used.contains(p.id.as_str())).cloned().collect(),
        postcodes: national.postcodes.iter().filter(|p| own_set.contains(p.3.as_str())).cloned().collect(),
        offerings,
        vacancies,
        shortages: national.shortages.clone(),
        figures: national.figures.clone(),
        weights: national.weights,
    }
}

// ---------------------------------------------------------------- writing

/// Removes fields that equal their serde default, so the files stay small; the build
/// checks that the written text parses back to the same catalog.
fn strip(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.retain(|k, x| match x {
                Value::Null => false,
                Value::Array(a) if a.is_empty() => {
                    !matches!(k.as_str(), "program_prerequisites" | "intakes" | "education_requirements" | "notes" | "alternatives")
                }
                Value::Bool(false) => !matches!(
                    k.as_str(),
                    "rolling_intake" | "demo" | "include_unrecognised" | "lerarenopleiding" | "related" | "same_subject"
                ),
                Value::Number(n) if k == "lead_time_days" => n.as_u64() != Some(0),
                _ => true,
            });
            m.values_mut().for_each(strip);
        }
        Value::Array(a) => a.iter_mut().for_each(strip),
        _ => {}
    }
}

/// The catalog as JSON text: top-level fields in model order, one array element per line.
fn catalog_text(c: &Catalog) -> Res<String> {
    let mut v = serde_json::to_value(c).map_err(|e| e.to_string())?;
    strip(&mut v);
    let Value::Object(m) = v else { return Err("catalog is not an object".into()) };
    let order: Vec<&str> =
        std::iter::once("meta").chain(routewijzer::model::parse::CATALOG_LISTS.iter().copied()).chain(std::iter::once("weights")).collect();
    let mut out = String::from("{");
    let mut first = true;
    for &key in &order {
        let Some(x) = m.get(key) else { continue };
        if !first {
            out.push(',');
        }
        first = false;
        write!(out, "\n\"{key}\":").expect("string");
        match x {
            Value::Array(a) if !a.is_empty() => {
                out.push('[');
                for (i, e) in a.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    out.push_str(&serde_json::to_string(e).map_err(|e| e.to_string())?);
                }
                out.push_str("\n]");
            }
            _ => out.push_str(&serde_json::to_string(x).map_err(|e| e.to_string())?),
        }
    }
    if m.keys().any(|k| !order.contains(&k.as_str())) {
        return Err("catalog has a field the writer does not know".into());
    }
    out.push_str("\n}\n");
    // Written text must read back to the same catalog and validate.
    let back = routewijzer::model::parse::catalog_from_str(&out).map_err(|e| format!("written catalog does not parse: {e}"))?;
    if back != *c {
        return Err("written catalog does not read back to the built one".into());
    }
    routewijzer::Matcher::new(back).map_err(|e| format!("built catalog is invalid: {e}"))?;
    Ok(out)
}

fn write(path: &Path, text: &str) -> Res<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn counts(c: &Catalog) -> String {
    let intakes: usize = c.offerings.iter().map(|o| o.intakes.len()).sum();
    format!(
        "{} institutions, {} offerings, {} intakes, {} vacancies, {} places, {} postcodes",
        c.institutions.len(),
        c.offerings.len(),
        intakes,
        c.vacancies.len(),
        c.places.len(),
        c.postcodes.len()
    )
}

fn write_all(inputs: &Inputs, built: &Built, out: &Path) -> Res<String> {
    let national = &built.catalog;
    let mut report = String::new();
    let text = catalog_text(national)?;
    write(&out.join("www/data/catalog.json"), &text)?;
    writeln!(report, "www/data/catalog.json: {} ({} bytes)", counts(national), text.len()).expect("string");
    let mut kinds: BTreeMap<RouteKind, usize> = BTreeMap::new();
    for o in &national.offerings {
        *kinds.entry(o.kind).or_default() += 1;
    }
    for k in RouteKind::ALL {
        writeln!(report, "  offerings {:<30} {}", k.id(), kinds.get(k).copied().unwrap_or(0)).expect("string");
    }
    for s in Sector::ALL {
        let n = national.vacancies.iter().filter(|v| v.sector == *s).count();
        writeln!(report, "  vacancies {:<30} {n}", s.id()).expect("string");
    }

    let mut index = Vec::new();
    for (code, (name, gms)) in &built.regions {
        let c = shard(inputs, national, code, name, gms);
        let text = catalog_text(&c)?;
        let file = format!("{code}.json");
        write(&out.join("www/data/regions").join(&file), &text)?;
        writeln!(report, "www/data/regions/{file}: {} ({} bytes)", counts(&c), text.len()).expect("string");
        index.push(serde_json::json!({
            "region": code,
            "name": name,
            "file": file,
            "gemeenten": gms,
            "offerings": c.offerings.len(),
            "vacancies": c.vacancies.len(),
            "postcodes": c.postcodes.len(),
            "bytes": text.len(),
        }));
    }
    let mut idx = String::from("{\n");
    write!(
        idx,
        "\"generated\":\"{}\",\n\"version\":{},\n\"radius_km\":{},\n\"note\":{},\n\"regions\":[",
        national.meta.generated,
        serde_json::to_string(&national.meta.version).map_err(|e| e.to_string())?,
        inputs.settings.radius_km,
        serde_json::to_string(&format!(
            "One catalog per arbeidsmarktregio (CBS 2025): the region's offerings and vacancies plus those within {} km of any gemeente point of the region, and at least {MIN_PER_KIND} offerings (the nearest) of every route kind. Pick the shard by the gemeente code of the person's place.",
            inputs.settings.radius_km
        ))
        .map_err(|e| e.to_string())?
    )
    .expect("string");
    for (i, e) in index.iter().enumerate() {
        idx.push_str(if i == 0 { "\n" } else { ",\n" });
        idx.push_str(&serde_json::to_string(e).map_err(|e| e.to_string())?);
    }
    idx.push_str("\n]\n}\n");
    write(&out.join("www/data/regions/index.json"), &idx)?;

    let schema = |v: schemars::Schema| serde_json::to_string_pretty(&v).map(|s| s + "\n").map_err(|e| e.to_string());
    write(&out.join("schema/catalog.schema.json"), &schema(schemars::schema_for!(Catalog))?)?;
    write(&out.join("schema/profile.schema.json"), &schema(schemars::schema_for!(Profile))?)?;
    writeln!(report, "schema/catalog.schema.json, schema/profile.schema.json").expect("string");
    Ok(report)
}
