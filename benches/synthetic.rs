//! A synthetic, national-size catalog for benchmarks.
//!
//! Rules, route kinds, sources, relatedness, weights (and shortages and figures, when
//! the file has them) are read from [`RULES_FILE`]; places, institutions, offerings, intakes
//! and vacancies are generated deterministically from a seed with a tiny inline
//! xorshift generator. Everything generated is demo data: no real institution,
//! school or vacancy.

#![allow(dead_code)]

use routewijzer::model::{
    Catalog, Figure, Institution, Intake, Meta, Offering, Place, Relatedness, RouteKindDef, Rule, Shortage, Source,
    Vacancy, Weights,
};
use routewijzer::{
    CostBasis, Date, EmploymentType, IntakeStatus, Mode, Months, Qualification, Role, RouteKind, Sector, Subject,
};
use std::collections::HashMap;

/// The JSON file the rules and route kinds come from. Any catalog-shaped file with
/// the keys `sources`, `rules`, `route_kinds`, `relatedness`, `weights` will do
/// (`shortages` is used when present; other keys are ignored).
pub const RULES_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sample-catalog.json");

/// Number of synthetic places (about the number of Dutch gemeenten).
pub const PLACES: usize = 340;
/// Number of synthetic institutions.
pub const INSTITUTIONS: usize = 60;
/// Number of arbeidsmarktregio's.
const REGIONS: usize = 35;

/// A deterministic xorshift64* generator.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Never zero: xorshift would stay at zero.
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }
    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// Picks by integer weights.
    pub fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u32 = items.iter().map(|(_, w)| *w).sum();
        let mut r = self.below(total as usize) as u32;
        for (t, w) in items {
            if r < *w {
                return *t;
            }
            r -= *w;
        }
        items[items.len() - 1].0
    }
}

/// The parts of a catalog that are read from [`RULES_FILE`] (its other keys are ignored).
#[derive(serde::Deserialize)]
struct Fixed {
    sources: Vec<Source>,
    rules: Vec<Rule>,
    route_kinds: Vec<RouteKindDef>,
    #[serde(default)]
    relatedness: Vec<Relatedness>,
    #[serde(default)]
    shortages: Vec<Shortage>,
    /// The rules may name figures (`voids_figure`).
    #[serde(default)]
    figures: Vec<Figure>,
    weights: Weights,
}

fn load_fixed() -> Fixed {
    let text = std::fs::read_to_string(RULES_FILE).unwrap_or_else(|e| panic!("cannot read {RULES_FILE}: {e}"));
    serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(&text))
        .unwrap_or_else(|e| panic!("{RULES_FILE}: {}: {}", e.path(), e.inner()))
}

/// Relative frequency of each route kind among offerings (pabo and tweedegraads
/// routes are the most common, as in the real register).
fn kind_weight(k: RouteKind) -> u32 {
    use RouteKind::*;
    match k {
        PaboVoltijd => 10,
        PaboDeeltijd => 7,
        PaboVerkort => 3,
        PaboAcademisch => 2,
        ZijInstroomPo => 6,
        ZijInstroomVoTweedegraads => 12,
        ZijInstroomVoEerstegraads => 4,
        Pdg => 4,
        LerarenopleidingTweedegraads => 16,
        Kopopleiding => 4,
        EducatieveMinor => 3,
        EducatieveModule => 3,
        MasterLeraarHbo => 5,
        MasterLeraarWo => 5,
        EducatieveMaster => 3,
        AdOnderwijs => 3,
        OnderwijsassistentNaarLeraar => 2,
        Lio => 2,
        Herintreding => 3,
        HybrideDocent => 3,
        EducatieveMasterPo => 1,
        MboOnderwijsassistent => 3,
        InstructeurMbo => 1,
    }
}

const VO_SUBJECTS: &[Subject] = &[
    Subject::Nederlands,
    Subject::Engels,
    Subject::Duits,
    Subject::Frans,
    Subject::Fries,
    Subject::KlassiekeTalen,
    Subject::Wiskunde,
    Subject::Natuurkunde,
    Subject::Scheikunde,
    Subject::Biologie,
    Subject::Nask,
    Subject::Informatica,
    Subject::Techniek,
    Subject::Economie,
    Subject::Geschiedenis,
    Subject::Aardrijkskunde,
    Subject::Maatschappijleer,
    Subject::Levensbeschouwing,
    Subject::LichamelijkeOpvoeding,
    Subject::Kunst,
    Subject::ZorgEnWelzijn,
    Subject::BeroepsgerichtVmbo,
];

const MBO_SUBJECTS: &[Subject] = &[
    Subject::MboTechniek,
    Subject::MboZorgWelzijn,
    Subject::MboEconomie,
    Subject::MboIct,
    Subject::MboGeneriek,
    Subject::Nederlands,
    Subject::Engels,
    Subject::Wiskunde,
];

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("a valid literal date")
}

/// A uniformly random day in `from..=to`.
fn day_between(rng: &mut Rng, from: Date, to: Date) -> Date {
    Date::from_days(rng.range(from.to_days(), to.to_days()))
}

/// Offerings per kind: proportional to [`kind_weight`], at least one per kind,
/// summing to exactly `n` (when `n` >= the number of kinds).
fn allocate(kinds: &[RouteKind], n: usize) -> Vec<usize> {
    let total: u32 = kinds.iter().map(|k| kind_weight(*k)).sum();
    let mut counts: Vec<usize> =
        kinds.iter().map(|k| ((n as u64 * u64::from(kind_weight(*k))) / u64::from(total)).max(1) as usize).collect();
    // Hand out (or take back) the rounding difference, heaviest kinds first.
    let mut order: Vec<usize> = (0..kinds.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(kind_weight(kinds[i])));
    let mut sum: usize = counts.iter().sum();
    let mut j = 0;
    while sum != n && !order.is_empty() {
        let i = order[j % order.len()];
        if sum < n {
            counts[i] += 1;
            sum += 1;
        } else if counts[i] > 1 {
            counts[i] -= 1;
            sum -= 1;
        } else if counts.iter().all(|&c| c <= 1) {
            break;
        }
        j += 1;
    }
    counts
}

/// Builds a synthetic national catalog with `offerings` offerings (each with 2-4
/// intakes) and `vacancies` vacancies. Same arguments, same catalog.
pub fn national_catalog(offerings: usize, vacancies: usize, seed: u64) -> Catalog {
    let fixed = load_fixed();
    let mut rng = Rng::new(seed);

    // Places: "GM0001".."GM0340", spread over the country's bounding box.
    let places: Vec<Place> = (1..=PLACES)
        .map(|i| Place {
            id: format!("GM{i:04}"),
            name: format!("Gemeente {i}"),
            lat: 50.8 + rng.unit() * 2.6,
            lon: 3.6 + rng.unit() * 3.5,
            region: Some(format!("AM{:02}", (i - 1) % REGIONS + 1)),
        })
        .collect();

    // Institutions, each with a home place.
    let institutions: Vec<Institution> = (1..=INSTITUTIONS)
        .map(|i| {
            let name = if i % 4 == 0 { format!("Universiteit {i}") } else { format!("Hogeschool {i}") };
            Institution { id: format!("inst-{i:02}"), name, url: Some(format!("https://example.org/instelling/{i}")) }
        })
        .collect();
    let home: Vec<usize> = (0..INSTITUTIONS).map(|_| rng.below(PLACES)).collect();

    let rules_by_id: HashMap<&str, &Rule> = fixed.rules.iter().map(|r| (r.id.as_str(), r)).collect();
    let kinds: Vec<RouteKind> = fixed.route_kinds.iter().map(|k| k.kind).collect();
    let counts = allocate(&kinds, offerings);

    let cohort_starts: Vec<Date> =
        vec![date(2026, 9, 1), date(2027, 2, 1), date(2027, 9, 1), date(2028, 2, 1), date(2028, 9, 1)];
    let monthly_starts: Vec<Date> = (0..25).map(|m| date(2026, 9, 1).add_months(m)).collect();

    let mut out_offerings: Vec<Offering> = Vec::with_capacity(offerings);
    for (def, &count) in fixed.route_kinds.iter().zip(&counts) {
        use RouteKind::*;
        let kind = def.kind;
        let rules_need_subject = |ids: &[String]| {
            def.rules
                .iter()
                .chain(ids)
                .filter_map(|r| rules_by_id.get(r.as_str()))
                .any(|r| r.test.needs_subject() || r.alternatives.iter().any(|a| a.test.needs_subject()))
        };
        let zij_instroom = matches!(kind, ZijInstroomPo | ZijInstroomVoTweedegraads | ZijInstroomVoEerstegraads);
        let rolling = matches!(kind, Herintreding | HybrideDocent);
        let work_learn = zij_instroom || matches!(kind, Pdg | Lio | HybrideDocent);

        for _ in 0..count {
            let n = out_offerings.len() + 1;
            // Sectors: a non-empty subset of the kind's sectors.
            let sectors: Vec<Sector> = if def.sectors.len() == 1 || rng.chance(0.3) {
                def.sectors.clone()
            } else {
                vec![*rng.pick(&def.sectors)]
            };
            let has_po = sectors.contains(&Sector::Po);
            // Herintreding: the qualification one must already hold, by sector.
            let mut prerequisites = Vec::new();
            if kind == Herintreding {
                let id = if has_po { "herintreding-bevoegdheid-po" } else { "herintreding-bevoegdheid-vo" };
                if rules_by_id.contains_key(id) {
                    prerequisites.push(id.to_string());
                }
            }
            let subject = if rules_need_subject(&prerequisites) || (!has_po && rng.chance(0.85)) {
                if sectors.contains(&Sector::Vo) || has_po {
                    Some(*rng.pick(VO_SUBJECTS))
                } else {
                    Some(*rng.pick(MBO_SUBJECTS))
                }
            } else {
                None
            };
            let mode = match kind {
                PaboVoltijd | PaboAcademisch => Mode::Voltijd,
                PaboDeeltijd | Herintreding => Mode::Deeltijd,
                _ if work_learn => Mode::WerkendLeren,
                _ => *rng.pick(&[Mode::Voltijd, Mode::Deeltijd, Mode::Deeltijd, Mode::Duaal]),
            };
            let months: u16 = match kind {
                PaboVoltijd | PaboAcademisch | LerarenopleidingTweedegraads => 48,
                PaboDeeltijd => *rng.pick(&[36, 48]),
                PaboVerkort | ZijInstroomPo | ZijInstroomVoTweedegraads | ZijInstroomVoEerstegraads | Pdg => 24,
                Kopopleiding | EducatieveModule | Herintreding | HybrideDocent => 12,
                EducatieveMinor | Lio => 6,
                MasterLeraarHbo | MasterLeraarWo | AdOnderwijs => 24,
                EducatieveMaster | EducatieveMasterPo => 24,
                OnderwijsassistentNaarLeraar | MboOnderwijsassistent => 36,
                InstructeurMbo => 12,
            };
            let weekly_hours: u8 = match mode {
                Mode::Voltijd => 40,
                Mode::Deeltijd => rng.range(16, 24) as u8,
                Mode::Duaal => rng.range(32, 40) as u8,
                Mode::WerkendLeren => rng.range(24, 40) as u8,
            };
            let (cost_eur_per_year, cost_basis) = if zij_instroom || matches!(kind, Pdg | HybrideDocent) {
                (0, CostBasis::Werkgever)
            } else if matches!(kind, Lio) {
                (0, CostBasis::Geen)
            } else if matches!(kind, EducatieveModule | Herintreding) {
                (rng.range(1500, 6000) as u32, CostBasis::Cursusgeld)
            } else if rng.chance(0.1) {
                (rng.range(9000, 14000) as u32, CostBasis::Instellingscollegegeld)
            } else {
                (2601, CostBasis::Collegegeld)
            };
            let paid_while_learning = work_learn || mode == Mode::Duaal;

            // Intakes: 2-4 distinct starts in 2026-09..2028-09.
            let pool = if matches!(kind, PaboVoltijd | PaboAcademisch | LerarenopleidingTweedegraads | EducatieveMinor)
            {
                &cohort_starts
            } else {
                &monthly_starts
            };
            let k = rng.range(2, 4) as usize;
            let mut starts: Vec<Date> = Vec::with_capacity(k);
            while starts.len() < k {
                let d = *rng.pick(pool);
                if !starts.contains(&d) {
                    starts.push(d);
                }
            }
            starts.sort();
            let intakes = starts
                .iter()
                .enumerate()
                .map(|(j, &start_date)| Intake {
                    start_date,
                    application_deadline: if rolling && rng.chance(0.5) {
                        None
                    } else {
                        Some(start_date.add_days(-rng.range(14, 120)))
                    },
                    lead_time_days: if zij_instroom { rng.range(6, 12) as u16 * 10 } else { 0 },
                    status: if j == 0 || rng.chance(0.5) { IntakeStatus::Confirmed } else { IntakeStatus::Typical },
                })
                .collect();

            let inst = rng.below(INSTITUTIONS);
            let place = if rng.chance(0.7) { home[inst] } else { rng.below(PLACES) };
            let name = match subject {
                Some(s) => format!("{} {} ({})", kind.id(), s.id(), places[place].name),
                None => format!("{} ({})", kind.id(), places[place].name),
            };
            out_offerings.push(Offering {
                id: format!("off-{n:05}"),
                kind,
                name,
                institution: institutions[inst].id.clone(),
                place: places[place].id.clone(),
                educational_program_mode: mode,
                occupational_credential_awarded: def.qualification,
                sectors,
                subject,
                time_to_complete: Months(months),
                weekly_hours,
                cost_eur_per_year: Some(cost_eur_per_year),
                cost_basis,
                paid_while_learning,
                program_prerequisites: prerequisites,
                cost_figure: None,
                pay_figure: None,
                max_teaching_hours: (kind == RouteKind::HybrideDocent).then_some(6),
                intakes,
                rolling_intake: rolling,
                url: Some(format!("https://example.org/opleiding/{n}")),
                croho: None,
            });
        }
    }

    // Vacancies.
    let mut out_vacancies: Vec<Vacancy> = Vec::with_capacity(vacancies);
    for n in 1..=vacancies {
        let sector = rng.weighted(&[(Sector::Po, 45), (Sector::Vo, 35), (Sector::Mbo, 20)]);
        let subject = match sector {
            Sector::Po => None,
            Sector::Vo => Some(*rng.pick(VO_SUBJECTS)),
            Sector::Mbo => {
                if rng.chance(0.8) {
                    Some(*rng.pick(MBO_SUBJECTS))
                } else {
                    None
                }
            }
        };
        let role = rng.weighted(&[
            (Role::Leraar, 55),
            (Role::LeraarOnbevoegd, 15),
            (Role::Onderwijsassistent, 12),
            (Role::Leraarondersteuner, 6),
            (Role::Instructeur, if sector == Sector::Mbo { 10 } else { 0 }),
            (Role::Overig, 5),
        ]);
        let education_requirements = match (role, sector) {
            (Role::Leraar, Sector::Po) => vec![Qualification::Po],
            (Role::Leraar, Sector::Vo) => {
                if rng.chance(0.5) {
                    vec![Qualification::Tweedegraads, Qualification::Eerstegraads]
                } else {
                    vec![Qualification::Eerstegraads]
                }
            }
            (Role::Leraar, Sector::Mbo) => {
                vec![Qualification::Pdg, Qualification::Tweedegraads, Qualification::Eerstegraads]
            }
            _ => Vec::new(),
        };
        let place = rng.below(PLACES);
        let title = match subject {
            Some(s) => format!("{} {} ({})", role.id(), s.id(), sector.id()),
            None => format!("{} ({})", role.id(), sector.id()),
        };
        out_vacancies.push(Vacancy {
            id: format!("vac-{n:06}"),
            title,
            employer: format!("School {}", rng.range(1, 4000)),
            job_location: places[place].id.clone(),
            sector,
            subject,
            role,
            work_hours: rng.range(8, 40) as u8,
            employment_type: if rng.chance(0.7) { EmploymentType::Structureel } else { EmploymentType::Vervanging },
            job_start_date: day_between(&mut rng, date(2026, 12, 1), date(2027, 10, 31)),
            valid_through: day_between(&mut rng, date(2026, 12, 1), date(2027, 6, 30)),
            accepts_in_training: rng.chance(0.5),
            education_requirements,
            url: Some(format!("https://example.org/vacature/{n}")),
            demo: true,
        });
    }

    Catalog {
        meta: Meta {
            name: "Synthetische landelijke catalogus (benchmark)".into(),
            version: format!("synthetic-{offerings}x{vacancies}-seed{seed}"),
            generated: date(2026, 11, 23),
            attribution: vec![
                "Synthetische demonstratiegegevens voor benchmarks; geen echte opleidingen of vacatures.".into(),
            ],
            region: None,
            notes: vec![format!("Rules and route kinds from {}", RULES_FILE.rsplit('/').next().unwrap_or(RULES_FILE))],
            contact: None,
            overlay: None,
        },
        sources: fixed.sources,
        rules: fixed.rules,
        route_kinds: fixed.route_kinds,
        relatedness: fixed.relatedness,
        institutions,
        offerings: out_offerings,
        vacancies: out_vacancies,
        places,
        postcodes: Vec::new(),
        shortages: fixed.shortages,
        figures: fixed.figures,
        weights: fixed.weights,
        activities: Vec::new(),
    }
}
