//! Reading `data/`: the CSV tables (UTF-8 and the DUO files in Windows-1252), the build
//! settings (`build.json`), the rules, route kinds, sources, shortages, figures and
//! weights of `rules.json`, and the domain facts of `build_facts.json` (checked against
//! the others), into one [`Inputs`]. `data/rules.json` is read with the
//! model's own serde types.

use crate::Res;
use routewijzer::model::vocab::*;
use routewijzer::model::*;
use routewijzer::{Date, Months};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

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
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
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

#[derive(Deserialize)]
pub struct Settings {
    pub name: String,
    pub version: String,
    #[serde(deserialize_with = "iso_date")]
    pub generated: Date,
    pub radius_km: f64,
    pub seed: u64,
    pub vacancies: BTreeMap<String, usize>,
}

fn iso_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    Date::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
}

/// `data/rules.json`: the parts of a catalog that are written by hand (read by
/// [`read_rules`], so it is checked exactly as a catalog's rules are).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    /// What the file is, for people; not read.
    #[serde(rename = "about")]
    _about: serde::de::IgnoredAny,
    pub sources: Vec<Source>,
    pub rules: Vec<Rule>,
    pub route_kinds: Vec<RouteKindDef>,
    pub relatedness: Vec<Relatedness>,
    pub shortages: Vec<Shortage>,
    pub figures: Vec<Figure>,
    pub weights: Weights,
}

pub struct Gemeente {
    pub code: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub region: String,
    pub region_name: String,
    pub population: u64,
}

pub struct Programme {
    pub inst: String,
    pub inst_name: String,
    pub gm: String,
    pub croho: String,
    pub name: String,
    pub vorm: String,
    pub funded: bool,
    /// The first date without intake (INSTROOM_EINDDATUM or the end of the vestiging's licence).
    pub end: Option<Date>,
}

/// What `croho_mapping.csv` says of a CROHO code (column `kind`).
#[derive(Clone, Copy, PartialEq)]
pub enum MappedKind {
    /// `-`: not a route to a school teaching qualification; the programme is left out.
    Excluded,
    /// `pabo`: `pabo-voltijd` for VOLTIJD, `pabo-deeltijd` for DEELTIJD and DUAAL.
    Pabo,
    /// A route kind id.
    Kind(RouteKind),
}

pub struct Mapping {
    pub kind: MappedKind,
    pub subjects: Vec<(Subject, Option<String>)>,
    pub sectors: Vec<Sector>,
    pub credential: Option<Qualification>,
}

/// An institution's own admission rules for one programme (`build_facts.json`
/// `program_prerequisites`): its offerings of that CROHO (and mode, if given) check `rules`.
pub struct Prerequisites {
    pub inst: String,
    pub croho: String,
    pub mode: Option<Mode>,
    pub rules: Vec<String>,
}

pub struct School {
    pub code: String,
    pub name: String,
    pub gm: String,
}

pub struct Inputs {
    pub settings: Settings,
    pub rules: RulesFile,
    pub gemeenten: Vec<Gemeente>,
    pub postcodes: Vec<Postcode>,
    pub inst_urls: BTreeMap<String, String>,
    pub inst_seat: BTreeMap<String, String>,
    pub programmes: Vec<Programme>,
    pub mapping: BTreeMap<String, Mapping>,
    pub schools: Vec<School>,
    pub facts: Facts,
}

impl Inputs {
    pub fn load(dir: &Path) -> Res<Inputs> {
        let settings: Settings =
            serde_json::from_str(&read_text(&dir.join("build.json"))?).map_err(|e| format!("build.json: {e}"))?;
        let rules = read_rules(&read_text(&dir.join("rules.json"))?)?;

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
            postcodes.push(Postcode(
                row[pc].clone(),
                round4(num(&row[la], "pc4 latitude")?),
                round4(num(&row[lo], "pc4 longitude")?),
                row[g].clone(),
            ));
        }
        postcodes.sort_by(|a, b| a.0.cmp(&b.0));
        // A gemeente's point for distances: the mean of its postcodes' points (where people
        // live), not GeoNames' representative point of the municipality, which for Rotterdam
        // lies in the port 11.5 km west of the city and for Utrecht in its west (data/README.md).
        let mut sums: BTreeMap<&str, (f64, f64, u32)> = BTreeMap::new();
        for pc in &postcodes {
            let e = sums.entry(pc.3.as_str()).or_default();
            *e = (e.0 + pc.1, e.1 + pc.2, e.2 + 1);
        }
        for g in &mut gemeenten {
            if let Some(&(la, lo, n)) = sums.get(g.code.as_str()) {
                (g.lat, g.lon) = (round4(la / f64::from(n)), round4(lo / f64::from(n)));
            }
        }

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
        let (cc, k, s, se, cr, src, why) = (
            t.col("croho")?,
            t.col("kind")?,
            t.col("subjects")?,
            t.col("sectors")?,
            t.col("credential")?,
            t.col("source")?,
            t.col("reasoning")?,
        );
        let mut mapping = BTreeMap::new();
        for row in &t.rows {
            if row.len() != t.header.len() {
                return Err(format!(
                    "croho_mapping.csv: {}: {} fields, expected {}",
                    row[cc],
                    row.len(),
                    t.header.len()
                ));
            }
            // Every row says where it comes from and why it maps as it does (data/README.md).
            if row[src].trim().is_empty() {
                return Err(format!("croho_mapping.csv: {}: empty source", row[cc]));
            }
            if row[why].trim().is_empty() {
                return Err(format!("croho_mapping.csv: {}: empty reasoning", row[cc]));
            }
            let mut subjects = Vec::new();
            for part in row[s].split('|').filter(|x| !x.is_empty()) {
                let (id, only) = match part.split_once('@') {
                    Some((id, inst)) => (id, Some(inst.to_string())),
                    None => (part, None),
                };
                subjects.push((vocab_id::<Subject>(id, "croho_mapping.csv subject")?, only));
            }
            let sectors = row[se]
                .split('|')
                .filter(|x| !x.is_empty())
                .map(|x| vocab_id(x, "croho_mapping.csv sector"))
                .collect::<Res<_>>()?;
            let credential =
                if row[cr].is_empty() { None } else { Some(vocab_id(&row[cr], "croho_mapping.csv credential")?) };
            let kind = match row[k].as_str() {
                "-" => MappedKind::Excluded,
                "pabo" => MappedKind::Pabo,
                id => MappedKind::Kind(vocab_id(id, "croho_mapping.csv kind")?),
            };
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
            .map(|r| School {
                code: r[vc].clone(),
                name: r[vn].trim().to_string(),
                gm: format!("GM{:0>4}", r[gn].trim()),
            })
            .collect();
        schools.sort_by(|a, b| a.code.cmp(&b.code));
        estimate_populations(&mut gemeenten, &schools);

        let known = Known { rules: &rules, programmes: &programmes, gemeenten: &gemeenten, mapping: &mapping };
        let facts = read_facts(&read_text(&dir.join("build_facts.json"))?, &known, settings.generated)
            .map_err(|e| format!("build_facts.json: {e}"))?;

        Ok(Inputs { settings, rules, gemeenten, postcodes, inst_urls, inst_seat, programmes, mapping, schools, facts })
    }

    pub fn gemeente(&self, code: &str) -> Option<&Gemeente> {
        self.gemeenten.binary_search_by(|g| g.code.as_str().cmp(code)).ok().map(|i| &self.gemeenten[i])
    }
}

/// GeoNames has no population for the gemeenten of recent mergers (0: Altena, Het
/// Hogeland, Molenlanden ...) and a stale one for some (Leeuwarden: 12,448). A figure
/// below a fifth of what the gemeente's po school locations suggest (DUO: the country's
/// median inhabitants per location, times its locations) is replaced by that estimate.
/// Populations weigh the demo's vo and mbo vacancies and place each region's hybride
/// route at its most populous gemeente.
fn estimate_populations(gemeenten: &mut [Gemeente], schools: &[School]) {
    let mut locations: BTreeMap<&str, u64> = BTreeMap::new();
    for s in schools {
        *locations.entry(s.gm.as_str()).or_default() += 1;
    }
    let mut per_location: Vec<u64> = gemeenten
        .iter()
        .filter_map(|g| locations.get(g.code.as_str()).filter(|_| g.population > 0).map(|n| g.population / n))
        .collect();
    if per_location.is_empty() {
        return;
    }
    per_location.sort_unstable();
    let median = per_location[per_location.len() / 2];
    for g in gemeenten.iter_mut() {
        let estimate = median * locations.get(g.code.as_str()).copied().unwrap_or(0);
        if g.population * 5 < estimate {
            g.population = estimate;
        }
    }
}

// ---------------------------------------------------------------- build_facts.json

/// `data/build_facts.json`, checked: institutions, places, figures, sources and
/// vocabulary ids resolved, dates and numbers in range.
pub struct Facts {
    /// Lines of `meta.attribution`, in Dutch and English.
    pub attribution: Vec<Attribution>,
    /// CROHO code of the pabo.
    pub pabo_croho: String,
    /// rules.json figure ids behind costs.
    pub cost_figures: CostFigures,
    /// rules.json figure ids of pay while training (eur-per-month).
    pub pay_figures: PayFigures,
    /// Rules (rules.json ids) checked at one institution's programme (institution, CROHO)
    /// besides its route kind's: an institution's own admission rules.
    pub program_prerequisites: Vec<Prerequisites>,
    /// The institution of the hybride-docent offerings.
    pub hybride: Institution,
    /// Who a returning teacher turns to (the herintreding routes' institution): no hogeschool
    /// provides herintreding, so it is one route for the country, not one per pabo.
    pub herintreding: Institution,
    /// The herintreding routes' nominal place (a gemeente code): an offering needs one, but a
    /// route without training has no place to travel to (the engine gives it no distance).
    pub herintreding_place: String,
    /// Teaching hours a week without a bevoegdheid (the figure's value).
    pub hybride_max_hours: u8,
    pub pabo_verkort: Vec<Verkort>,
    pub alpo: Vec<Alpo>,
    /// PDG cohorts per institution.
    pub pdg: Vec<InstitutionIntakes>,
    pub intake_patterns: IntakePatterns,
    /// Zij-instroom cohorts of institutions without an entry in `zij_instroom`.
    pub zij_instroom_default: Vec<IntakeDef>,
    pub zij_instroom: Vec<InstitutionIntakes>,
    /// Absolute vo shortages in fte by subject.
    pub vo_fte: Vec<(Subject, f64)>,
    /// vo subjects without an absolute figure: fte per percentage point of shortage.
    pub fte_per_percent_point: f64,
    /// Levels of vo posts: where, what they accept, which subjects they teach.
    pub vo_levels: Vec<VoLevel>,
    /// mbo posts by field: (subject, weight).
    pub mbo_mix: Vec<(Subject, f64)>,
    pub po_groups: Vec<String>,
    /// Post sizes: (tenths of an fte, weight).
    pub vacancy_sizes: Vec<(u8, f64)>,
    pub structural_starts: Vec<(StartDate, f64)>,
    pub replacement_starts: Vec<(StartDate, f64)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostFigures {
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    pub collegegeld: String,
    pub cursusgeld: String,
    pub zij_instroom: String,
    /// The PDG's course fee by institution code, where a source gives that institution's.
    pub pdg: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayFigures {
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    pub lio_po: String,
    pub lio_vo: String,
    pub lio_mbo: String,
}

/// A level of demonstration vo posts (`vo_vacancy_levels`).
pub struct VoLevel {
    pub title: String,
    pub weight: f64,
    pub requirements: Vec<Qualification>,
    pub subjects: Vec<Subject>,
}

/// A sourced shortened pabo, offered where the institution runs a deeltijd pabo.
pub struct Verkort {
    pub inst: String,
    pub name: String,
    /// ISO 8601 duration (checked).
    pub duration: String,
    pub weekly_hours: u8,
}

/// An academische pabo outside the CROHO list.
pub struct Alpo {
    pub inst: String,
    pub place: String,
    pub name: String,
}

pub struct InstitutionIntakes {
    pub inst: String,
    pub intakes: Vec<IntakeDef>,
}

/// The intake patterns of `intake_patterns` (see `intakes::Pattern`).
pub struct IntakePatterns {
    pub initial: Vec<IntakeDef>,
    pub deeltijd: Vec<IntakeDef>,
    pub deeltijd_february: Vec<IntakeDef>,
    pub deeltijd_tweedegraads: Vec<IntakeDef>,
    pub master: Vec<IntakeDef>,
    pub module: Vec<IntakeDef>,
    pub lio: Vec<IntakeDef>,
}

/// A month and day, valid in every year.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MonthDay {
    pub month: u8,
    pub day: u8,
}

/// One intake of a pattern, in any year.
pub struct IntakeDef {
    pub start: MonthDay,
    /// Moves the start to the first such weekday on or after `start` (0 = Monday).
    pub weekday: Option<u8>,
    /// The application deadline; one later in the year than `start` lies in the year before.
    pub deadline: Option<MonthDay>,
    pub lead_time_days: u16,
    pub status: IntakeStatus,
}

/// A demonstration post's start date.
#[derive(Clone, Copy)]
pub enum StartDate {
    /// This month and day in the calendar year after `generated`.
    NextYear(MonthDay),
    /// This many days after `generated` (right away).
    AfterGenerated(i64),
}

// The file as written; [`read_facts`] turns it into [`Facts`]. A `comment` is for people.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactsFile {
    #[serde(rename = "about")]
    _about: String,
    attribution: AttributionFile,
    pabo_croho: PaboCrohoFile,
    cost_figures: CostFigures,
    pay_figures: PayFigures,
    hybride_docent: HybrideFile,
    herintreding: HerintredingFile,
    pabo_verkort: EntriesFile<VerkortFile>,
    alpo: EntriesFile<AlpoFile>,
    pdg: EntriesFile<InstitutionIntakesFile>,
    program_prerequisites: EntriesFile<PrerequisitesFile>,
    intake_patterns: IntakePatternsFile,
    zij_instroom: ZijInstroomFile,
    vo_vacancy_weights: VoWeightsFile,
    vo_vacancy_levels: VoLevelsFile,
    mbo_vacancy_mix: MboMixFile,
    po_vacancy_groups: PoGroupsFile,
    vacancy_sizes: SizesFile,
    vacancy_start_dates: StartDatesFile,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AttributionFile {
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    lines: Vec<Attribution>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PaboCrohoFile {
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    code: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HerintredingFile {
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    #[serde(default)]
    source: Vec<String>,
    institution: String,
    name: String,
    url: String,
    place: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HybrideFile {
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    #[serde(default)]
    source: Vec<String>,
    institution: String,
    name: String,
    url: String,
    max_hours_figure: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntriesFile<T> {
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    entries: Vec<T>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PrerequisitesFile {
    institution: String,
    croho: String,
    /// Only offerings of this mode (e.g. `deeltijd`), when given.
    #[serde(default)]
    mode: Option<Mode>,
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    source: Vec<String>,
    rules: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VerkortFile {
    institution: String,
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    #[serde(default)]
    source: Vec<String>,
    name: String,
    duration: String,
    weekly_hours: u8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AlpoFile {
    institution: String,
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    #[serde(default)]
    source: Vec<String>,
    place: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InstitutionIntakesFile {
    institution: String,
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    #[serde(default)]
    source: Vec<String>,
    intakes: Vec<IntakeFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternFile {
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    #[serde(default)]
    source: Vec<String>,
    intakes: Vec<IntakeFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IntakeFile {
    start: String,
    #[serde(default)]
    weekday: Option<String>,
    #[serde(default)]
    deadline: Option<String>,
    #[serde(default)]
    lead_time_days: u16,
    #[serde(default)]
    status: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IntakePatternsFile {
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    initial: PatternFile,
    deeltijd: PatternFile,
    deeltijd_february: PatternFile,
    deeltijd_tweedegraads: PatternFile,
    master: PatternFile,
    module: PatternFile,
    lio: PatternFile,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ZijInstroomFile {
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    default: PatternFile,
    institutions: Vec<InstitutionIntakesFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VoWeightsFile {
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    #[serde(default)]
    source: Vec<String>,
    fte: Vec<SubjectFteFile>,
    fte_per_percent_point: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VoLevelsFile {
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    #[serde(default)]
    source: Vec<String>,
    levels: Vec<VoLevelFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VoLevelFile {
    title: String,
    weight: f64,
    education_requirements: Vec<String>,
    subjects: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubjectFteFile {
    subject: String,
    fte: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MboMixFile {
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    weights: Vec<SubjectWeightFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubjectWeightFile {
    subject: String,
    weight: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PoGroupsFile {
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    groups: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SizesFile {
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    sizes: Vec<SizeFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SizeFile {
    tenths: u8,
    weight: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StartDatesFile {
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    structural: Vec<StartDateFile>,
    replacement: Vec<StartDateFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StartDateFile {
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    days_after_generated: Option<i64>,
    weight: f64,
}

/// What `build_facts.json` is checked against.
struct Known<'a> {
    rules: &'a RulesFile,
    programmes: &'a [Programme],
    gemeenten: &'a [Gemeente],
    mapping: &'a BTreeMap<String, Mapping>,
}

impl Known<'_> {
    fn sources(&self, ids: &[String], path: &str) -> Res<()> {
        for (i, id) in ids.iter().enumerate() {
            if !self.rules.sources.iter().any(|s| s.id == *id) {
                return Err(format!("{path}.source[{i}]: '{id}' is not a source in rules.json"));
            }
        }
        Ok(())
    }

    fn institution(&self, id: &str, path: &str) -> Res<String> {
        if !self.programmes.iter().any(|p| p.inst == id) {
            return Err(format!("{path}.institution: '{id}' has no programme in nl/lerarenopleidingen_derived.csv"));
        }
        Ok(id.to_string())
    }

    fn figure(&self, id: &str, path: &str) -> Res<&Figure> {
        self.rules.figures.iter().find(|f| f.id == id).ok_or(format!("{path}: '{id}' is not a figure in rules.json"))
    }
}

/// A positive, finite weight or amount.
fn weight(x: f64, path: &str) -> Res<f64> {
    if x.is_finite() && x > 0.0 {
        Ok(x)
    } else {
        Err(format!("{path}: {x} is not a positive number"))
    }
}

fn non_empty<T>(v: &[T], path: &str) -> Res<()> {
    if v.is_empty() {
        Err(format!("{path}: empty"))
    } else {
        Ok(())
    }
}

/// `MM-DD`, a day that exists in every year (so not 02-29).
fn month_day(s: &str, path: &str) -> Res<MonthDay> {
    let bad = || format!("{path}: '{s}' is not a month and day (MM-DD)");
    let (m, d) = s.split_once('-').ok_or_else(bad)?;
    if m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (month, day) = (m.parse::<u8>().map_err(|_| bad())?, d.parse::<u8>().map_err(|_| bad())?);
    Date::new(2023, month, day).ok_or_else(bad)?;
    Ok(MonthDay { month, day })
}

fn intake_defs(list: &[IntakeFile], path: &str) -> Res<Vec<IntakeDef>> {
    non_empty(list, &format!("{path}.intakes"))?;
    let mut out = Vec::new();
    for (i, x) in list.iter().enumerate() {
        let path = format!("{path}.intakes[{i}]");
        const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        let weekday = match &x.weekday {
            None => None,
            Some(w) => Some(
                WEEKDAYS
                    .iter()
                    .position(|d| d == w)
                    .ok_or(format!("{path}.weekday: '{w}' is not one of {WEEKDAYS:?}"))? as u8,
            ),
        };
        out.push(IntakeDef {
            start: month_day(&x.start, &format!("{path}.start"))?,
            weekday,
            deadline: x.deadline.as_deref().map(|d| month_day(d, &format!("{path}.deadline"))).transpose()?,
            lead_time_days: x.lead_time_days,
            status: match &x.status {
                None => IntakeStatus::Typical,
                Some(s) => vocab_id(s, &format!("{path}.status"))?,
            },
        });
    }
    Ok(out)
}

fn pattern(p: &PatternFile, path: &str, known: &Known) -> Res<Vec<IntakeDef>> {
    known.sources(&p.source, path)?;
    intake_defs(&p.intakes, path)
}

fn institution_intakes(list: &[InstitutionIntakesFile], path: &str, known: &Known) -> Res<Vec<InstitutionIntakes>> {
    let mut out: Vec<InstitutionIntakes> = Vec::new();
    for (i, x) in list.iter().enumerate() {
        let path = format!("{path}[{i}]");
        known.sources(&x.source, &path)?;
        let inst = known.institution(&x.institution, &path)?;
        if out.iter().any(|o| o.inst == inst) {
            return Err(format!("{path}.institution: '{inst}' is listed twice"));
        }
        out.push(InstitutionIntakes { inst, intakes: intake_defs(&x.intakes, &path)? });
    }
    Ok(out)
}

fn start_dates(list: &[StartDateFile], path: &str) -> Res<Vec<(StartDate, f64)>> {
    non_empty(list, path)?;
    let mut out = Vec::new();
    for (i, x) in list.iter().enumerate() {
        let path = format!("{path}[{i}]");
        let date = match (&x.date, x.days_after_generated) {
            (Some(d), None) => StartDate::NextYear(month_day(d, &format!("{path}.date"))?),
            (None, Some(n)) if n > 0 => StartDate::AfterGenerated(n),
            (None, Some(n)) => {
                return Err(format!("{path}.days_after_generated: {n} is not a positive number of days"))
            }
            _ => return Err(format!("{path}: give either 'date' or 'days_after_generated'")),
        };
        out.push((date, weight(x.weight, &format!("{path}.weight"))?));
    }
    Ok(out)
}

/// Reads and checks `build_facts.json`; errors name the field (`pdg.entries[1].intakes[0].start`).
fn read_facts(text: &str, known: &Known, generated: Date) -> Res<Facts> {
    let f: FactsFile = serde_json::from_str(text).map_err(|e| e.to_string())?;

    non_empty(&f.attribution.lines, "attribution.lines")?;
    let pabo_croho = f.pabo_croho.code;
    if known.mapping.get(&pabo_croho).is_none_or(|m| m.kind != MappedKind::Pabo) {
        return Err(format!("pabo_croho.code: '{pabo_croho}' is not a code of kind pabo in croho_mapping.csv"));
    }
    let c = &f.cost_figures;
    for (field, id) in
        [("collegegeld", &c.collegegeld), ("cursusgeld", &c.cursusgeld), ("zij_instroom", &c.zij_instroom)]
    {
        known.figure(id, &format!("cost_figures.{field}"))?;
    }
    for (inst, id) in &c.pdg {
        if !f.pdg.entries.iter().any(|e| e.institution == *inst) {
            return Err(format!("cost_figures.pdg.{inst}: no institution {inst} in pdg.entries"));
        }
        let fig = known.figure(id, &format!("cost_figures.pdg.{inst}"))?;
        if fig.unit != "eur" {
            return Err(format!(
                "cost_figures.pdg.{inst}: figure '{id}' is in {}, not eur (a whole course's fee)",
                fig.unit
            ));
        }
    }

    let p = &f.pay_figures;
    for (field, id) in [("lio_po", &p.lio_po), ("lio_vo", &p.lio_vo), ("lio_mbo", &p.lio_mbo)] {
        let fig = known.figure(id, &format!("pay_figures.{field}"))?;
        if fig.unit != "eur-per-month" {
            return Err(format!("pay_figures.{field}: figure '{id}' is in {}, not eur-per-month", fig.unit));
        }
    }

    let h = &f.hybride_docent;
    known.sources(&h.source, "hybride_docent")?;
    let max = known
        .figure(&h.max_hours_figure, "hybride_docent.max_hours_figure")?
        .on(generated)
        .map(|v| v.value.value)
        .ok_or(format!(
            "hybride_docent.max_hours_figure: figure '{}' has no value on {generated}",
            h.max_hours_figure
        ))?;
    if !(max.fract() == 0.0 && (1.0..=40.0).contains(&max)) {
        return Err(format!(
            "hybride_docent.max_hours_figure: figure '{}' is {max}, not a whole number of hours from 1 to 40",
            h.max_hours_figure
        ));
    }
    if h.institution.is_empty() || known.programmes.iter().any(|p| p.inst == h.institution) {
        return Err(format!("hybride_docent.institution: '{}' must be a new id, not a DUO institution", h.institution));
    }
    let hybride = Institution { id: h.institution.clone(), name: h.name.clone(), url: Some(h.url.clone()) };
    let r = &f.herintreding;
    known.sources(&r.source, "herintreding")?;
    if r.institution.is_empty()
        || r.institution == h.institution
        || known.programmes.iter().any(|p| p.inst == r.institution)
    {
        return Err(format!(
            "herintreding.institution: '{}' must be a new id, not a DUO institution nor the hybride docent's",
            r.institution
        ));
    }
    let herintreding = Institution { id: r.institution.clone(), name: r.name.clone(), url: Some(r.url.clone()) };
    if !known.gemeenten.iter().any(|g| g.code == r.place) {
        return Err(format!("herintreding.place: '{}' is not a gemeente in nl/gemeenten_2024_derived.csv", r.place));
    }

    let mut program_prerequisites = Vec::new();
    for (i, x) in f.program_prerequisites.entries.iter().enumerate() {
        let path = format!("program_prerequisites.entries[{i}]");
        known.sources(&x.source, &path)?;
        let inst = known.institution(&x.institution, &path)?;
        if !known.programmes.iter().any(|p| p.inst == inst && p.croho == x.croho) {
            return Err(format!(
                "{path}.croho: '{inst}' has no programme {} in nl/lerarenopleidingen_derived.csv",
                x.croho
            ));
        }
        non_empty(&x.rules, &format!("{path}.rules"))?;
        for (j, id) in x.rules.iter().enumerate() {
            if !known.rules.rules.iter().any(|r| r.id == *id) {
                return Err(format!("{path}.rules[{j}]: '{id}' is not a rule in rules.json"));
            }
        }
        program_prerequisites.push(Prerequisites {
            inst,
            croho: x.croho.clone(),
            mode: x.mode,
            rules: x.rules.clone(),
        });
    }

    let mut pabo_verkort: Vec<Verkort> = Vec::new();
    for (i, x) in f.pabo_verkort.entries.iter().enumerate() {
        let path = format!("pabo_verkort.entries[{i}]");
        known.sources(&x.source, &path)?;
        let inst = known.institution(&x.institution, &path)?;
        if pabo_verkort.iter().any(|v| v.inst == inst) {
            return Err(format!("{path}.institution: '{inst}' is listed twice"));
        }
        Months::parse(&x.duration).map_err(|e| format!("{path}.duration: {e}"))?;
        if !(1..=40).contains(&x.weekly_hours) {
            return Err(format!("{path}.weekly_hours: {} is not from 1 to 40", x.weekly_hours));
        }
        pabo_verkort.push(Verkort {
            inst,
            name: x.name.clone(),
            duration: x.duration.clone(),
            weekly_hours: x.weekly_hours,
        });
    }

    let mut alpo = Vec::new();
    for (i, x) in f.alpo.entries.iter().enumerate() {
        let path = format!("alpo.entries[{i}]");
        known.sources(&x.source, &path)?;
        let inst = known.institution(&x.institution, &path)?;
        if !known.gemeenten.iter().any(|g| g.code == x.place) {
            return Err(format!("{path}.place: '{}' is not a gemeente in nl/gemeenten_2024_derived.csv", x.place));
        }
        alpo.push(Alpo { inst, place: x.place.clone(), name: x.name.clone() });
    }

    let p = &f.intake_patterns;
    let intake_patterns = IntakePatterns {
        initial: pattern(&p.initial, "intake_patterns.initial", known)?,
        deeltijd: pattern(&p.deeltijd, "intake_patterns.deeltijd", known)?,
        deeltijd_february: pattern(&p.deeltijd_february, "intake_patterns.deeltijd_february", known)?,
        deeltijd_tweedegraads: pattern(&p.deeltijd_tweedegraads, "intake_patterns.deeltijd_tweedegraads", known)?,
        master: pattern(&p.master, "intake_patterns.master", known)?,
        module: pattern(&p.module, "intake_patterns.module", known)?,
        lio: pattern(&p.lio, "intake_patterns.lio", known)?,
    };

    let v = &f.vo_vacancy_weights;
    known.sources(&v.source, "vo_vacancy_weights")?;
    let mut vo_fte: Vec<(Subject, f64)> = Vec::new();
    for (i, x) in v.fte.iter().enumerate() {
        let path = format!("vo_vacancy_weights.fte[{i}]");
        let s: Subject = vocab_id(&x.subject, &format!("{path}.subject"))?;
        if vo_fte.iter().any(|o| o.0 == s) {
            return Err(format!("{path}.subject: '{s}' is listed twice"));
        }
        vo_fte.push((s, weight(x.fte, &format!("{path}.fte"))?));
    }
    let l = &f.vo_vacancy_levels;
    known.sources(&l.source, "vo_vacancy_levels")?;
    non_empty(&l.levels, "vo_vacancy_levels.levels")?;
    let mut vo_levels = Vec::new();
    for (i, x) in l.levels.iter().enumerate() {
        let path = format!("vo_vacancy_levels.levels[{i}]");
        non_empty(&x.education_requirements, &format!("{path}.education_requirements"))?;
        non_empty(&x.subjects, &format!("{path}.subjects"))?;
        vo_levels.push(VoLevel {
            title: x.title.clone(),
            weight: weight(x.weight, &format!("{path}.weight"))?,
            requirements: x
                .education_requirements
                .iter()
                .map(|q| vocab_id(q, &format!("{path}.education_requirements")))
                .collect::<Res<_>>()?,
            subjects: x.subjects.iter().map(|s| vocab_id(s, &format!("{path}.subjects"))).collect::<Res<_>>()?,
        });
    }
    let mut mbo_mix = Vec::new();
    non_empty(&f.mbo_vacancy_mix.weights, "mbo_vacancy_mix.weights")?;
    for (i, x) in f.mbo_vacancy_mix.weights.iter().enumerate() {
        let path = format!("mbo_vacancy_mix.weights[{i}]");
        mbo_mix.push((vocab_id(&x.subject, &format!("{path}.subject"))?, weight(x.weight, &format!("{path}.weight"))?));
    }
    non_empty(&f.po_vacancy_groups.groups, "po_vacancy_groups.groups")?;
    non_empty(&f.vacancy_sizes.sizes, "vacancy_sizes.sizes")?;
    let mut vacancy_sizes = Vec::new();
    for (i, x) in f.vacancy_sizes.sizes.iter().enumerate() {
        let path = format!("vacancy_sizes.sizes[{i}]");
        if !(1..=10).contains(&x.tenths) {
            return Err(format!("{path}.tenths: {} is not from 1 to 10", x.tenths));
        }
        vacancy_sizes.push((x.tenths, weight(x.weight, &format!("{path}.weight"))?));
    }

    Ok(Facts {
        attribution: f.attribution.lines,
        pabo_croho,
        cost_figures: f.cost_figures,
        pay_figures: f.pay_figures,
        hybride,
        herintreding,
        herintreding_place: r.place.clone(),
        hybride_max_hours: max as u8,
        program_prerequisites,
        pabo_verkort,
        alpo,
        pdg: institution_intakes(&f.pdg.entries, "pdg.entries", known)?,
        intake_patterns,
        zij_instroom_default: pattern(&f.zij_instroom.default, "zij_instroom.default", known)?,
        zij_instroom: institution_intakes(&f.zij_instroom.institutions, "zij_instroom.institutions", known)?,
        vo_fte,
        fte_per_percent_point: weight(v.fte_per_percent_point, "vo_vacancy_weights.fte_per_percent_point")?,
        vo_levels,
        mbo_mix,
        po_groups: f.po_vacancy_groups.groups,
        vacancy_sizes,
        structural_starts: start_dates(&f.vacancy_start_dates.structural, "vacancy_start_dates.structural")?,
        replacement_starts: start_dates(&f.vacancy_start_dates.replacement, "vacancy_start_dates.replacement")?,
    })
}

// ---------------------------------------------------------------- rules.json

/// Reads `data/rules.json` with the model's serde types, so it is checked exactly as a
/// catalog's rules are: unknown, duplicate and missing fields and unknown vocabulary ids
/// are errors with their JSON path.
pub fn read_rules(text: &str) -> Res<RulesFile> {
    serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(text))
        .map_err(|e| format!("rules.json: {}: {}", e.path(), e.inner()))
}

/// A vocabulary id read from a CSV or facts file.
pub fn vocab_id<T: serde::de::DeserializeOwned>(id: &str, what: &str) -> Res<T> {
    serde_json::from_value(serde_json::Value::String(id.into())).map_err(|_| format!("{what}: unknown id '{id}'"))
}
