//! Demonstration vacancies (`demo: true`): a seeded generator spreads them over the
//! arbeidsmarktregio's by school locations, population and measured shortage.

use crate::inputs::{Gemeente, Inputs, School, StartDate};
use crate::{subject_name, ymd, Res};
use routewijzer::model::vocab::*;
use routewijzer::model::*;
use routewijzer::Date;
use std::collections::{BTreeMap, BTreeSet};

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

/// The title of a support post (ROLES ).
fn support_title(role: Role) -> &'static str {
    match role {
        Role::Leraarondersteuner => "Leraarondersteuner",
        _ => "Onderwijsassistent",
    }
}

fn fte_text(tenths: u8) -> String {
    if tenths == 10 {
        "1,0 fte".into()
    } else {
        format!("0,{tenths} fte")
    }
}

pub fn vacancies(inputs: &Inputs, regions: &BTreeMap<String, (String, Vec<String>)>) -> Res<Vec<Vacancy>> {
    let today = inputs.settings.generated;
    let facts = &inputs.facts;
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
    let population =
        |r: &str| -> f64 { regions[r].1.iter().filter_map(|c| inputs.gemeente(c)).map(|g| g.population as f64).sum() };
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
        .map(|(sub, s)| {
            (sub, facts.vo_fte.iter().find(|f| f.0 == sub).map_or(s.percent * facts.fte_per_percent_point, |f| f.1))
        })
        .collect();

    // Start dates: (date, weight) for structural posts and for replacements.
    let start_dates = |list: &[(StartDate, f64)]| -> Vec<(Date, f64)> {
        list.iter()
            .map(|&(d, w)| match d {
                StartDate::NextYear(md) => (ymd(today.year() + 1, md.month, md.day), w),
                StartDate::AfterGenerated(days) => (today.add_days(days), w),
            })
            .collect()
    };
    let structural = start_dates(&facts.structural_starts);
    let replacement = start_dates(&facts.replacement_starts);
    let dates = |rng: &mut Rng, vervanging: bool| -> (Date, Date) {
        let start = rng.weighted(if vervanging { &replacement } else { &structural });
        let lead = if vervanging { 7 } else { 21 + rng.below(30) as i64 };
        let through = start.add_days(-lead).max(today.add_days(5));
        (start, through)
    };
    let weighted_gemeente = |rng: &mut Rng, r: &str, top: usize| -> String {
        let mut gs: Vec<&Gemeente> = regions[r].1.iter().filter_map(|c| inputs.gemeente(c)).collect();
        gs.sort_by(|a, b| b.population.cmp(&a.population).then(a.code.cmp(&b.code)));
        gs.truncate(top);
        let items: Vec<(usize, f64)> =
            gs.iter().enumerate().map(|(i, g)| (i, (g.population as f64).max(1000.0))).collect();
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
            let fte = rng.weighted(&facts.vacancy_sizes);
            let (start, through) = dates(&mut rng, vervanging);
            // Support roles (ROLES ): no bevoegdheid asked.
            let support = match rng.below(100) {
                0..=6 => Some(Role::Onderwijsassistent),
                7..=9 => Some(Role::Leraarondersteuner),
                _ => None,
            };
            let assistant = support.is_some();
            let (title, role, reqs) = if let Some(role) = support {
                (format!("{} ({})", support_title(role), fte_text(fte)), role, vec![])
            } else {
                let g = &facts.po_groups[rng.below(facts.po_groups.len())];
                let what = if vervanging {
                    format!("Leerkracht groep {g}, vervanging")
                } else {
                    format!("Leerkracht groep {g}")
                };
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
    // vo at real gemeenten: a subject by shortage, then a level that teaches it (vmbo,
    // onderbouw or bovenbouw havo/vwo), whose qualifications the post accepts; some
    // onderwijsassistent and leraarondersteuner posts.
    for (s, _) in &vo_mix {
        if !facts.vo_levels.iter().any(|l| l.subjects.contains(s)) {
            return Err(format!("vo subject {s} is taught at no level of vo_vacancy_levels"));
        }
    }
    for (r, n) in apportion(count("vo"), &w_vo) {
        for _ in 0..n {
            let gm = weighted_gemeente(&mut rng, &r, 12);
            let place = inputs.gemeente(&gm).map(|g| g.name.clone()).unwrap_or_default();
            let employer = format!("Demonstratie: school voor voortgezet onderwijs in {place}");
            let vervanging = rng.chance(30);
            let (start, through) = dates(&mut rng, vervanging);
            let employment_type = if vervanging { EmploymentType::Vervanging } else { EmploymentType::Structureel };
            let support = match rng.below(100) {
                0..=4 => Some(Role::Onderwijsassistent),
                5..=7 => Some(Role::Leraarondersteuner),
                _ => None,
            };
            if let Some(role) = support {
                let fte = rng.weighted(&facts.vacancy_sizes);
                out.push(Vacancy {
                    id: String::new(),
                    title: format!("{} ({})", support_title(role), fte_text(fte)),
                    employer,
                    job_location: gm,
                    sector: Sector::Vo,
                    subject: None,
                    role,
                    work_hours: fte * 4,
                    employment_type,
                    job_start_date: start,
                    valid_through: through,
                    accepts_in_training: true,
                    education_requirements: vec![],
                    url: None,
                    demo: true,
                });
                continue;
            }
            let subject = rng.weighted(&vo_mix);
            let levels: Vec<(usize, f64)> = facts
                .vo_levels
                .iter()
                .enumerate()
                .filter(|(_, l)| l.subjects.contains(&subject))
                .map(|(i, l)| (i, l.weight))
                .collect();
            let level = &facts.vo_levels[rng.weighted(&levels)];
            let hybrid = !vervanging && rng.chance(6);
            let label = subject_name(subject);
            // "beroepsgerichte vakken vmbo" + "vmbo basis/kader": say vmbo once.
            let label = match label.strip_suffix(" vmbo") {
                Some(l) if level.title.starts_with("vmbo") => l.to_string(),
                _ => label,
            };
            let (title, hours, role) = if hybrid {
                let h = 4 + rng.below(3) as u8;
                (format!("Docent {label} {} (hybride, {h} uur per week)", level.title), h, Role::LeraarOnbevoegd)
            } else {
                let fte = rng.weighted(&facts.vacancy_sizes);
                let what = if vervanging {
                    format!("Docent {label} {}, vervanging", level.title)
                } else {
                    format!("Docent {label} {}", level.title)
                };
                (format!("{what} ({})", fte_text(fte)), fte * 4, Role::Leraar)
            };
            out.push(Vacancy {
                id: String::new(),
                title,
                employer,
                job_location: gm,
                sector: Sector::Vo,
                subject: Some(subject),
                role,
                work_hours: hours,
                employment_type,
                job_start_date: start,
                valid_through: through,
                accepts_in_training: hybrid || rng.chance(if vervanging { 35 } else { 75 }),
                // A hybride post asks for no bevoegdheid: at most 6 hours a week without one
                // (ROUTES §1, row 17 [S6][S53]).
                education_requirements: if hybrid { vec![] } else { level.requirements.clone() },
                url: None,
                demo: true,
            });
        }
    }
    // mbo at the largest gemeenten of each region.
    for (r, n) in apportion(count("mbo"), &w_mbo) {
        for _ in 0..n {
            let gm = weighted_gemeente(&mut rng, &r, 3);
            let subject = rng.weighted(&facts.mbo_mix);
            let vervanging = rng.chance(25);
            let (start, through) = dates(&mut rng, vervanging);
            let role = match rng.below(100) {
                0..=14 => Role::Instructeur,
                15..=19 => Role::Onderwijsassistent,
                20..=24 => Role::Leraarondersteuner,
                _ => Role::Leraar,
            };
            let fte = rng.weighted(&facts.vacancy_sizes);
            let label = subject_name(subject);
            let support = matches!(role, Role::Onderwijsassistent | Role::Leraarondersteuner);
            let (title, role) = if role == Role::Instructeur {
                (format!("Instructeur {label} ({})", fte_text(fte)), Role::Instructeur)
            } else if support {
                (format!("{} {label} ({})", support_title(role), fte_text(fte)), role)
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
                accepts_in_training: support || rng.chance(if vervanging { 40 } else { 80 }),
                education_requirements: if role != Role::Leraar {
                    vec![]
                } else {
                    vec![Qualification::Tweedegraads, Qualification::Eerstegraads, Qualification::Pdg]
                },
                url: None,
                demo: true,
            });
        }
    }
    out.sort_by(|a, b| {
        (a.sector, &a.job_location, &a.employer, a.job_start_date, &a.title).cmp(&(
            b.sector,
            &b.job_location,
            &b.employer,
            b.job_start_date,
            &b.title,
        ))
    });
    for (i, v) in out.iter_mut().enumerate() {
        v.id = format!("demo-{}-{:04}", v.sector.id(), i + 1);
    }
    Ok(out)
}
