//! The offerings: one per CROHO programme of the DUO list (per subject where a programme
//! covers several), and the routes without a CROHO code placed at the institutions that
//! run the matching programme. `build` assembles the national catalog.

use crate::inputs::{Facts, Inputs, MappedKind, Programme};
use crate::intakes::{intakes, Pattern};
use crate::vacancies::vacancies;
use crate::{notes, subject_name, Res};
use routewijzer::model::vocab::*;
use routewijzer::model::*;
use routewijzer::{Date, Months};
use std::collections::{BTreeMap, BTreeSet};

pub struct Built {
    pub catalog: Catalog,
    /// Region code -> (name, gemeente codes).
    pub regions: BTreeMap<String, (String, Vec<String>)>,
}

fn short_mode(m: Mode) -> &'static str {
    match m {
        Mode::Voltijd => "vt",
        Mode::Deeltijd => "dt",
        Mode::Duaal => "du",
        Mode::WerkendLeren => "wl",
    }
}

struct Ctx<'a> {
    inputs: &'a Inputs,
    offerings: BTreeMap<String, Offering>,
    institutions: BTreeMap<String, Institution>,
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
        self.institutions.entry(id.to_string()).or_insert(Institution {
            id: id.to_string(),
            name: name.to_string(),
            url,
        });
    }

    fn add(&mut self, s: Spec) -> Res<()> {
        let def = self
            .inputs
            .rules
            .route_kinds
            .iter()
            .find(|k| k.kind == s.kind)
            .ok_or(format!("no route kind {}", s.kind))?;
        let facts = &self.inputs.facts;
        let fig = &facts.cost_figures;
        let (cost, basis, figure) = match s.funded {
            // The educatieve minor is part of the wo bachelor the student already follows
            // (ROUTES row 11): nothing extra to pay.
            _ if s.kind == RouteKind::EducatieveMinor => (None, CostBasis::Inbegrepen, None),
            // Fees are figures with values by date, looked up for each intake by the core.
            Some(true) => (None, CostBasis::Collegegeld, Some(&fig.collegegeld)),
            Some(false) => (None, CostBasis::Cursusgeld, Some(&fig.cursusgeld)),
            None => match s.kind {
                RouteKind::Lio => (None, CostBasis::Geen, None),
                // The job costs nothing; the optional course's fee is UNCONFIRMED (ROLES R-4).
                RouteKind::InstructeurMbo => (None, CostBasis::Geen, None),
                // Returning with a bevoegdheid held needs no course (ROUTES row 16); the
                // optional refresher course is UNCONFIRMED, and rule herintreding-opfriscursus
                // says so on every herintreding route.
                RouteKind::Herintreding => (None, CostBasis::Geen, None),
                RouteKind::ZijInstroomPo
                | RouteKind::ZijInstroomVoTweedegraads
                | RouteKind::ZijInstroomVoEerstegraads => (None, CostBasis::Werkgever, Some(&fig.zij_instroom)),
                // The course fee, usually arranged via the employer (ROUTES row 8): the
                // institution's own where a source gives it (Fontys 2022, HU 2023, DATED),
                // else none named.
                RouteKind::Pdg => (None, CostBasis::WerkgeverMeestal, fig.pdg.get(s.inst)),
                _ => (None, CostBasis::Werkgever, None),
            },
        };
        let rolling = matches!(s.kind, RouteKind::Herintreding | RouteKind::HybrideDocent | RouteKind::InstructeurMbo);
        if !rolling && s.intakes.is_empty() {
            return Ok(()); // no open intake left (phasing out)
        }
        let url = self.institutions.get(s.inst).and_then(|i| i.url.clone());
        // LIO pay (50% of the starting salary) by the offering's sector (ROUTES 4.4).
        let pay = &facts.pay_figures;
        let pay_figure = match (s.kind, s.sectors.as_slice()) {
            (RouteKind::Lio, [Sector::Po]) => Some(pay.lio_po.clone()),
            (RouteKind::Lio, [Sector::Vo]) => Some(pay.lio_vo.clone()),
            (RouteKind::Lio, [Sector::Mbo]) => Some(pay.lio_mbo.clone()),
            (RouteKind::Lio, _) => return Err(format!("{}: a LIO offering needs exactly one sector", s.id)),
            _ => None,
        };
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
            // An institution's own admission rules for this programme (build_facts.json).
            program_prerequisites: facts
                .program_prerequisites
                .iter()
                .filter(|x| {
                    x.inst == s.inst && s.croho.as_ref() == Some(&x.croho) && x.mode.is_none_or(|m| m == s.mode)
                })
                .flat_map(|x| x.rules.iter().cloned())
                .collect(),
            intakes: s.intakes,
            rolling_intake: rolling,
            url,
            croho: s.croho,
            cost_figure: figure.cloned(),
            // LIO pay (50% of the starting salary) by the offering's sector (ROUTES 4.4).
            pay_figure,
            // Without a bevoegdheid at most this many hours a week (a rules.json figure).
            max_teaching_hours: (s.kind == RouteKind::HybrideDocent).then_some(facts.hybride_max_hours),
        };
        if self.offerings.insert(s.id.clone(), o).is_some() {
            return Err(format!("offering id {} built twice", s.id));
        }
        Ok(())
    }
}

/// A LIO appointment at an institution's place for one sector: (id part, sector, name).
fn lio<'a>(
    facts: &Facts,
    inst: &'a str,
    gm: &'a str,
    today: Date,
    (what, sector, name): (&str, Sector, &str),
) -> Spec<'a> {
    let mode = Mode::WerkendLeren;
    Spec {
        id: offering_id(inst, what, mode, gm, None),
        kind: RouteKind::Lio,
        name: name.into(),
        inst,
        gm,
        mode,
        subject: None,
        sectors: vec![sector],
        credential: None,
        time: "P5M",
        hours: 40,
        funded: None,
        paid: true,
        intakes: intakes(facts, Pattern::Lio, inst, today, None),
        croho: None,
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

pub fn build(inputs: &Inputs) -> Res<Built> {
    let today = inputs.settings.generated;
    let facts = &inputs.facts;
    let mut cx = Ctx { inputs, offerings: BTreeMap::new(), institutions: BTreeMap::new() };

    // 1. CROHO programmes.
    // (inst, gm) with a pabo, per mode; (inst, gm, subject) with tweedegraads; (inst, gm, subject) with a wo VHO master.
    let mut pabo: BTreeMap<(String, String), BTreeSet<&str>> = BTreeMap::new();
    let mut tweede: BTreeMap<(String, String), BTreeSet<Subject>> = BTreeMap::new();
    let mut tweede_voltijd_funded: BTreeSet<(String, String, Subject)> = BTreeSet::new();
    // Where a part-time (deeltijd or duaal) pabo is funded: its onderwijsassistent route then
    // charges the statutory fee, else the niet-bekostigd fee.
    let mut pabo_parttime_funded: BTreeSet<(String, String)> = BTreeSet::new();
    let mut wo_master: BTreeMap<(String, String), BTreeSet<Subject>> = BTreeMap::new();
    let mut unmapped = BTreeSet::new();
    let mut programmes: Vec<&Programme> = inputs.programmes.iter().collect();
    programmes.sort_by(|a, b| (&a.inst, &a.croho, &a.vorm, &a.gm).cmp(&(&b.inst, &b.croho, &b.vorm, &b.gm)));
    for p in programmes {
        let Some(m) = inputs.mapping.get(&p.croho) else {
            unmapped.insert(p.croho.clone());
            continue;
        };
        if m.kind == MappedKind::Excluded || p.end.is_some_and(|e| e <= today) {
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
        let kind = match m.kind {
            MappedKind::Pabo if mode == Mode::Voltijd => RouteKind::PaboVoltijd,
            MappedKind::Pabo => RouteKind::PaboDeeltijd,
            MappedKind::Kind(k) => k,
            MappedKind::Excluded => continue, // left out above
        };
        cx.institution(&p.inst, &p.inst_name);
        let subjects: Vec<Option<Subject>> = if m.subjects.is_empty() {
            vec![None]
        } else {
            m.subjects
                .iter()
                .filter(|(_, only)| only.as_ref().is_none_or(|i| *i == p.inst))
                .map(|(s, _)| Some(*s))
                .collect()
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
                    // ROUTES row 9 and section 5: deeltijd also in February (typical).
                    (Mode::Deeltijd, RouteKind::LerarenopleidingTweedegraads) => Pattern::DeeltijdTweedegraads,
                    (Mode::Deeltijd, _) => Pattern::Deeltijd,
                    _ => Pattern::Initial,
                },
            ),
            RouteKind::PaboAcademisch => ("P3Y", Pattern::Initial),
            RouteKind::AdOnderwijs => {
                ("P2Y", if mode == Mode::Deeltijd { Pattern::Deeltijd } else { Pattern::Initial })
            }
            RouteKind::PaboVerkort => ("P2Y", Pattern::Master),
            // A 2-year wo master (120 EC) for wo bachelors, at the statutory fee.
            RouteKind::EducatieveMasterPo => ("P2Y", Pattern::Master),
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
                // Only routes 5-8, 14, 15 and traineeships pay while training (ROUTES 3.3);
                // a duaal bachelor combines study with work but is not paid by the route
                // (row 2: normally not in year 1).
                paid: false,
                intakes: intakes(facts, pattern, &p.inst, today, p.end),
                croho: Some(p.croho.clone()),
            })?;
            let key = (p.inst.clone(), p.gm.clone());
            match kind {
                RouteKind::PaboVoltijd | RouteKind::PaboDeeltijd if p.croho == facts.pabo_croho => {
                    if mode != Mode::Voltijd && p.funded {
                        pabo_parttime_funded.insert(key.clone());
                    }
                    pabo.entry(key).or_default().insert(short_mode(mode));
                }
                RouteKind::LerarenopleidingTweedegraads => {
                    let awards_tweede = m.credential.is_none_or(|c| c == Qualification::Tweedegraads);
                    let subjects = tweede.entry(key).or_default();
                    // Zij-instroom tweedegraads and the kopopleiding in a subject are placed
                    // only where a programme trains tweedegraads teachers in it. An ALO or a
                    // kunstvak bachelor awards eerstegraads, and no source names a tweedegraads
                    // route in its subject (ROUTES rows 6 and 10; ROLES R6.3: gym needs the ALO).
                    if let (Some(s), true) = (subject, awards_tweede) {
                        subjects.insert(s);
                        if mode == Mode::Voltijd && p.funded {
                            tweede_voltijd_funded.insert((p.inst.clone(), p.gm.clone(), s));
                        }
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
            intakes: intakes(facts, Pattern::ZijInstroom, inst, today, None),
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
                // The pabo's fee: the school's subsidy (up to 20,000, ROUTES row 14) is not the
                // student's fee, and who pays that the sources do not say.
                funded: Some(pabo_parttime_funded.contains(&(inst.clone(), gm.clone()))),
                paid: true,
                intakes: intakes(facts, Pattern::DeeltijdFeb, inst, today, None),
                croho: Some(facts.pabo_croho.clone()),
            })?;
        }
        cx.add(lio(
            facts,
            inst,
            gm,
            today,
            ("lio-po", Sector::Po, "LIO-aanstelling (leraar in opleiding), basisonderwijs"),
        ))?;
        if let Some(v) = facts.pabo_verkort.iter().find(|v| v.inst == *inst) {
            if modes.contains("dt") {
                cx.add(Spec {
                    id: offering_id(inst, "pabo-verkort", Mode::Deeltijd, gm, None),
                    kind: RouteKind::PaboVerkort,
                    name: v.name.clone(),
                    inst,
                    gm,
                    mode: Mode::Deeltijd,
                    subject: None,
                    sectors: vec![],
                    credential: None,
                    time: &v.duration,
                    hours: v.weekly_hours,
                    funded: Some(true),
                    paid: false,
                    intakes: intakes(facts, Pattern::DeeltijdFeb, inst, today, None),
                    croho: Some(facts.pabo_croho.clone()),
                })?;
            }
        }
    }
    for a in &facts.alpo {
        let (inst, gm) = (a.inst.as_str(), a.place.as_str());
        let n = inputs
            .programmes
            .iter()
            .find(|p| p.inst == inst)
            .map(|p| p.inst_name.clone())
            .ok_or(format!("ALPO: no institution {inst}"))?;
        cx.institution(inst, &n);
        cx.add(Spec {
            id: offering_id(inst, "alpo", Mode::Voltijd, gm, None),
            kind: RouteKind::PaboAcademisch,
            name: a.name.clone(),
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
            intakes: intakes(facts, Pattern::Initial, inst, today, None),
            croho: None,
        })?;
    }

    // 3. Tweedegraads-based routes: zij-instroom vo tweedegraads per subject, kopopleiding per
    //    funded voltijd subject, LIO vo and mbo.
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
                intakes: intakes(facts, Pattern::ZijInstroom, inst, today, None),
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
                    intakes: intakes(facts, Pattern::Initial, inst, today, None)
                        .into_iter()
                        .map(|i| Intake { status: IntakeStatus::Typical, ..i })
                        .collect(),
                    croho: None,
                })?;
            }
        }
        for what in [
            ("lio-vo", Sector::Vo, "LIO-aanstelling (leraar in opleiding), voortgezet onderwijs"),
            ("lio-mbo", Sector::Mbo, "LIO-aanstelling (leraar in opleiding), mbo"),
        ] {
            cx.add(lio(facts, inst, gm, today, what))?;
        }
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
                intakes: intakes(facts, Pattern::ZijInstroom, inst, today, None),
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
                intakes: intakes(facts, Pattern::Master, inst, today, None),
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
                intakes: intakes(facts, Pattern::Module, inst, today, None),
                croho: None,
            })?;
        }
    }

    // 5. PDG at the institutions with a sourced course, at their main seat.
    for pdg in &facts.pdg {
        let inst = pdg.inst.as_str();
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
            intakes: intakes(facts, Pattern::Pdg(&pdg.intakes), inst, today, None),
            croho: None,
        })?;
    }

    // 5b. Instructeur in the mbo (ROLES R-4): a job at an mbo school, judged by the employer,
    //     with an optional course. No list of mbo schools is in data/, so it is placed where
    //     the step from instructeur to docent (the PDG) is given: the sourced PDG institutions.
    for pdg in &facts.pdg {
        let inst = pdg.inst.as_str();
        let gm = inputs.inst_seat.get(inst).ok_or(format!("instructeur: no seat for {inst}"))?.clone();
        cx.add(Spec {
            id: offering_id(inst, "instructeur-mbo", Mode::WerkendLeren, &gm, None),
            kind: RouteKind::InstructeurMbo,
            name: "Instructeur in het mbo: werken bij een mbo-school (cursus optioneel; daarna PDG)".into(),
            inst,
            gm: &gm,
            mode: Mode::WerkendLeren,
            subject: None,
            sectors: vec![],
            credential: None,
            time: "P1Y",
            hours: 32,
            funded: None,
            paid: true,
            intakes: vec![],
            croho: None,
        })?;
    }

    // 6. Hybride docent: one per arbeidsmarktregio, at its most populous gemeente [S53].
    let mut regions: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    for g in &inputs.gemeenten {
        let e = regions.entry(g.region.clone()).or_insert((g.region_name.clone(), Vec::new()));
        e.1.push(g.code.clone());
    }
    let hybride = facts.hybride.id.as_str();
    cx.institutions.insert(hybride.into(), facts.hybride.clone());
    let loket = facts.herintreding.id.as_str();
    cx.institutions.insert(loket.into(), facts.herintreding.clone());
    // Per region: its name and most populous gemeente (where the loket's evening is).
    let mut mains: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (region, (name, gms)) in &regions {
        let main = gms
            .iter()
            .filter_map(|c| inputs.gemeente(c))
            .max_by(|a, b| a.population.cmp(&b.population).then(b.code.cmp(&a.code)))
            .ok_or("empty region")?;
        mains.insert(region.clone(), (name.clone(), main.code.clone()));
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
    // 7. Herintreding: no hogeschool or university provides it. Someone returns with the
    //    bevoegdheid they hold and applies to vacancies (ROUTES row 16), with the national
    //    onderwijsloket to ask, which refers to the regional loket [S76]. So one po route and
    //    one vo/mbo route for the whole country; without training it has no place to travel
    //    to (the engine gives it no distance; `place` is nominal, build_facts) and is paired
    //    with the posts near the candidate. It awards nothing new and has no subject: vo/mbo
    //    posts are paired with the subject held.
    for (what, sectors, label) in
        [("po", vec![Sector::Po], "basisonderwijs"), ("vo", vec![Sector::Vo, Sector::Mbo], "in het vo of mbo")]
    {
        cx.add(Spec {
            id: format!("herintreding-{what}"),
            kind: RouteKind::Herintreding,
            name: format!("Herintreden als leraar {label}"),
            inst: loket,
            gm: &facts.herintreding_place,
            mode: Mode::WerkendLeren,
            subject: None,
            sectors,
            credential: None,
            time: "P0M",
            hours: 0,
            funded: None,
            paid: true,
            intakes: vec![],
            croho: None,
        })?;
    }

    let vacancies = vacancies(inputs, &regions)?;
    let activities = crate::activities::activities(today, &cx.institutions, &cx.offerings, &mains);

    let places: Vec<Place> = inputs
        .gemeenten
        .iter()
        .map(|g| Place {
            id: g.code.clone(),
            name: g.name.clone(),
            lat: g.lat,
            lon: g.lon,
            region: Some(g.region.clone()),
        })
        .collect();
    let r = &inputs.rules;
    let catalog = Catalog {
        meta: Meta {
            name: inputs.settings.name.clone(),
            version: inputs.settings.version.clone(),
            generated: today,
            attribution: facts.attribution.clone(),
            region: None,
            notes: notes(inputs, None),
            contact: None,
            overlay: None,
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
        // A region's figure carries its name, so that no one reads a code (`AM13`).
        shortages: r
            .shortages
            .iter()
            .map(|s| Shortage {
                region_name: s.region.as_ref().and_then(|r| regions.get(r)).map(|(name, _)| name.clone()),
                ..s.clone()
            })
            .collect(),
        figures: r.figures.clone(),
        weights: r.weights,
        activities,
    };
    Ok(Built { catalog, regions })
}
