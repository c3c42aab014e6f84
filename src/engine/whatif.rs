//! What-if: the smallest profile change that opens a closed or conditional route.
//!
//! For each unmet rule the engine proposes candidate changes derived from the rule's
//! test (a diploma at an accepted level, a job at a school, a passed test, a later
//! date...). Combinations are tried smallest first and each is checked by running the
//! rules again on the changed profile, so a hint is never a guess.

use crate::engine::index::{Evaluated, Index};
use crate::engine::options::MatchOptions;
use crate::engine::rules::{self, Outcome};
use crate::engine::score::Msg;
use crate::model::date::Date;
use crate::model::vocab::*;
use crate::model::{Diploma, HeldQualification, Job, Offering, Profile, Test};
use crate::result::WhatIf;

/// Hints for at most this many route kinds per verdict (every kind: one card each).
const PER_VERDICT: usize = RouteKind::ALL.len();
/// Give up on a route after this many combinations.
const MAX_COMBINATIONS: usize = 256;
/// At most this many ways to meet one rule are considered.
const MAX_WAYS_PER_RULE: usize = 32;
/// The work budget of one match's what-if hints: at most this many times an offering's
/// rules are applied again to a changed profile, whatever the catalog holds. With at most
/// 256 test nodes per rule (validated) this bounds the time a match can spend here.
pub const WHAT_IF_EVALUATIONS: usize = 2_000;

/// One change to a profile (or to the date it is evaluated on).
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    AddDiploma {
        level: Level,
        field: Option<Subject>,
    },
    AddQualification {
        qualification: Qualification,
        subject: Option<Subject>,
    },
    SchoolJob {
        sector: Sector,
        role: Role,
        hours: u8,
    },
    Geschiktheidsonderzoek,
    PaboTests,
    HboAssessment,
    Dutch(Dutch),
    Recognise,
    /// Join a later intake, starting on this date.
    WaitUntil(Date),
    Age(u8),
    Vog,
    /// What the way round a rule then asks (an alternative's action, such as the 21+
    /// entrance examination): said with the change, changes nothing itself.
    Then(&'static str),
}

impl Change {
    /// Rough effort, to prefer the easier of two equally small changes.
    fn effort(&self) -> u32 {
        match self {
            Change::Recognise | Change::Geschiktheidsonderzoek | Change::PaboTests | Change::Vog => 1,
            Change::Dutch(_) | Change::HboAssessment | Change::SchoolJob { .. } => 2,
            Change::WaitUntil(_) | Change::Age(_) => 3,
            Change::AddQualification { .. } => 4,
            Change::Then(_) => 0,
            Change::AddDiploma { level, .. } => match level {
                Level::Havo | Level::Vwo | Level::Mbo4 => 4,
                Level::HboAd | Level::HboPropedeuse => 5,
                _ => 6,
            },
        }
    }

    /// Applies the change to a profile and to the date the rules are applied on.
    pub fn apply(&self, p: &mut Profile, on: &mut Date) {
        match self {
            Change::AddDiploma { level, field } => p.diplomas.push(Diploma {
                level: *level,
                field: field.map(|s| s.id().to_string()),
                foreign: false,
                recognised: false,
            }),
            Change::AddQualification { qualification, subject } => {
                p.qualifications.push(HeldQualification { qualification: *qualification, subject: *subject })
            }
            Change::SchoolJob { sector, role, hours } => {
                p.job =
                    Some(Job { sector: *sector, role: *role, hours_per_week: *hours, start_date: None, offer: true })
            }
            Change::Geschiktheidsonderzoek => p.geschiktheidsonderzoek_passed = true,
            Change::PaboTests => p.pabo_tests_passed = PaboTest::ALL.to_vec(),
            Change::HboAssessment => p.hbo_level_assessed = true,
            Change::Dutch(d) => p.dutch = Some(*d),
            Change::Recognise => p.diplomas.iter_mut().filter(|d| d.foreign).for_each(|d| d.recognised = true),
            Change::WaitUntil(d) => *on = (*on).max(*d),
            Change::Age(a) => p.age = Some(p.age.unwrap_or(0).max(*a)),
            Change::Vog => p.vog = true,
            Change::Then(_) => {}
        }
    }

    pub fn message(&self) -> Msg {
        match self {
            Change::AddDiploma { level, field: None } => Msg::new("change.add-diploma").with("level", level),
            Change::AddDiploma { level, field: Some(s) } => {
                Msg::new("change.add-related-diploma").with("level", level).with("subject", s)
            }
            Change::AddQualification { qualification, .. } => {
                Msg::new("change.add-qualification").with("qualification", qualification)
            }
            Change::SchoolJob { sector, hours, role } => {
                Msg::new("change.school-job").with("roles", role).with("sector", sector).with("hours", hours)
            }
            Change::Geschiktheidsonderzoek => Msg::new("change.geschiktheidsonderzoek"),
            Change::PaboTests => Msg::new("change.pabo-tests"),
            Change::HboAssessment => Msg::new("change.hbo-assessment"),
            Change::Dutch(d) => Msg::new("change.dutch").with("min", d),
            Change::Recognise => Msg::new("change.recognition"),
            Change::WaitUntil(d) => Msg::new("change.wait-until").with("date", d),
            Change::Age(a) => Msg::new("change.age").with("years", a),
            Change::Vog => Msg::new("change.vog"),
            Change::Then(action) => Msg::new(action),
        }
    }
}

/// The rank of an Ad and above in [`level_rank`].
const DEGREE_RANK: u8 = 6;
/// The rank of a bachelor and above: someone who holds one is not sent back for another.
const BACHELOR_RANK: u8 = 7;

/// A rough order of education levels, to never propose a diploma below one held.
fn level_rank(l: Level) -> u8 {
    match l {
        Level::Geen => 0,
        Level::Vmbo => 1,
        Level::Mbo2 => 2,
        Level::Mbo3 => 3,
        Level::Mbo4 | Level::Havo => 4,
        Level::Vwo => 5,
        Level::HboAd | Level::HboPropedeuse => 6,
        Level::HboBachelor | Level::WoBachelor => 7,
        Level::HboMaster | Level::WoMaster => 8,
        Level::Phd => 9,
    }
}

/// Changes that would make `test` hold (each inner list is one way).
fn candidates(test: &Test, p: &Profile, o: &Offering, today: Date) -> Vec<Vec<Change>> {
    match test {
        // A diploma in a named field is a fact about the past, not a change to propose.
        Test::DiplomaLevel { fields, .. } if !fields.is_empty() => Vec::new(),
        Test::DiplomaLevel { levels, .. } | Test::RelatedDiploma { levels, .. } => {
            let related = matches!(test, Test::RelatedDiploma { .. });
            let mut ways = Vec::new();
            if p.diplomas.iter().any(|d| d.foreign && !d.recognised && levels.contains(&d.level)) {
                ways.push(vec![Change::Recognise]);
            }
            // Never a diploma below one already held (a new field at the same level may
            // be proposed for a related diploma).
            let held = p.diplomas.iter().map(|d| level_rank(d.level)).max().unwrap_or(0);
            ways.extend(
                levels
                    .iter()
                    .filter(|l| if related { level_rank(**l) >= held } else { level_rank(**l) > held })
                    // Someone with a degree is not sent back for another one to open a route.
                    .filter(|l| {
                        held < BACHELOR_RANK || level_rank(**l) < DEGREE_RANK || related && level_rank(**l) == held
                    })
                    .take(3)
                    .map(|l| vec![Change::AddDiploma { level: *l, field: if related { o.subject } else { None } }]),
            );
            ways
        }
        Test::Qualification { any_of, same_subject } => any_of
            .iter()
            .take(2)
            .map(|q| {
                vec![Change::AddQualification {
                    qualification: *q,
                    subject: if *same_subject { o.subject } else { None },
                }]
            })
            .collect(),
        Test::SchoolJob { roles, min_hours, .. } => {
            let sector = o.sectors.iter().copied().find(|s| p.sectors.contains(s)).or(o.sectors.first().copied());
            let role = roles.first().copied().unwrap_or(Role::LeraarOnbevoegd);
            // A job the person has the hours for: never more than they said they have.
            let wanted = p.job.as_ref().map(|j| j.hours_per_week).or(p.hours_per_week).unwrap_or(16);
            let hours = (*min_hours).max(wanted);
            if p.hours_per_week.is_some_and(|h| hours > h) {
                return Vec::new();
            }
            sector.map(|sector| vec![vec![Change::SchoolJob { sector, role, hours }]]).unwrap_or_default()
        }
        Test::Geschiktheidsonderzoek => vec![vec![Change::Geschiktheidsonderzoek]],
        Test::PaboTests => vec![vec![Change::PaboTests]],
        Test::HboLevelAssessed => vec![vec![Change::HboAssessment]],
        Test::Dutch { min } => vec![vec![Change::Dutch(*min)]],
        // The first intake that starts once the waiting time is over.
        Test::NoRecentLerarenopleiding { years } => match p.lerarenopleiding_left {
            Some(left) if p.study.as_ref().is_none_or(|s| !s.lerarenopleiding) => {
                // The first intake whose rules are applied after the wait (for a route with
                // a GO: the GO date, not the cohort's start).
                let until = left.add_months(i32::from(*years) * 12);
                crate::engine::timing::feasible_intakes(o, today, p.available_from)
                    .into_iter()
                    .find(|t| crate::engine::index::rule_date(t) >= until)
                    .map(|t| vec![vec![Change::WaitUntil(t.start_date)]])
                    .unwrap_or_default()
            }
            _ => Vec::new(),
        },
        Test::Vog => vec![vec![Change::Vog]],
        // With a date of birth: the first intake once the person is old enough.
        Test::MinAge { years } => match p.birth_date {
            Some(born) => crate::engine::timing::feasible_intakes(o, today, p.available_from)
                .into_iter()
                .find(|t| born.add_months(i32::from(*years) * 12) <= t.start_date)
                .map(|t| vec![vec![Change::WaitUntil(t.start_date)]])
                .unwrap_or_default(),
            None => vec![vec![Change::Age(*years)]],
        },
        Test::AnyOf { any } => any.iter().flat_map(|t| candidates(t, p, o, today)).collect(),
        Test::AllOf { all } => {
            let mut ways: Vec<Vec<Change>> = vec![Vec::new()];
            for t in all {
                let sub = candidates(t, p, o, today);
                if sub.is_empty() {
                    continue; // this part may already hold
                }
                ways = ways
                    .iter()
                    .flat_map(|w| sub.iter().map(move |s| w.iter().chain(s).cloned().collect::<Vec<_>>()))
                    .take(MAX_COMBINATIONS)
                    .collect();
            }
            ways.retain(|w| !w.is_empty());
            ways
        }
        Test::ForeignOrNonNative
        | Test::Study { .. }
        | Test::SubjectIn { .. }
        | Test::SectorIn { .. }
        | Test::HoursAbove { .. }
        | Test::Not { .. } => Vec::new(),
    }
}

pub(crate) fn what_if(m: &Index, p: &Profile, ranked: &[Evaluated], opts: &MatchOptions) -> Vec<WhatIf> {
    let mut out = Vec::new();
    let mut budget = WHAT_IF_EVALUATIONS;
    // A new degree is only worth proposing to someone for whom no open route in their
    // sectors and roles leads to a bevoegdheid.
    let degrees_ok = !ranked.iter().any(|e| {
        e.eligibility != Eligibility::Ineligible
            && e.outside < 2
            && m.catalog.offerings[e.offering].occupational_credential_awarded != Qualification::Geen
    });
    for verdict in [Eligibility::Conditional, Eligibility::Ineligible] {
        let mut kinds_done: Vec<RouteKind> = Vec::new();
        for e in ranked.iter().filter(|e| e.eligibility == verdict) {
            if kinds_done.len() >= PER_VERDICT {
                break;
            }
            let o = &m.catalog.offerings[e.offering];
            // Only routes the person asked about: in their sectors and roles, and in their
            // subjects when the route has one.
            let outside_subjects = !p.subjects.is_empty() && o.subject.is_some_and(|s| !p.subjects.contains(&s));
            // Nothing for a route to what the person holds already, or that awards nothing
            // (herintreding, hybride docent), or whose weekly load they do not have.
            let award = o.occupational_credential_awarded;
            let nothing_new = if award == Qualification::Geen {
                m.offering_role[e.offering] == Role::Leraar
            } else {
                crate::engine::score::holds(p, award, o.subject)
            };
            let too_heavy = p.hours_per_week.is_some_and(|h| o.weekly_hours > h);
            if kinds_done.contains(&o.kind) || e.outside >= 2 || outside_subjects || nothing_new || too_heavy {
                continue;
            }
            if budget == 0 {
                break;
            }
            if let Some(hint) = smallest_change(m, p, e, opts, degrees_ok, &mut budget) {
                kinds_done.push(o.kind);
                out.push(hint);
            }
        }
    }
    out
}

fn smallest_change(
    m: &Index,
    p: &Profile,
    e: &Evaluated,
    opts: &MatchOptions,
    degrees_ok: bool,
    budget: &mut usize,
) -> Option<WhatIf> {
    let o = &m.catalog.offerings[e.offering];
    let (changes, to) = changes_for(m, p, e, opts.today, degrees_ok, budget)?;
    Some(WhatIf {
        offering: o.id.clone(),
        name: o.name.clone(),
        institution: m.institution_name(o).to_string(),
        kind: o.kind,
        from: e.eligibility,
        to,
        changes: changes.iter().map(|c| c.message().render(opts.lang)).collect(),
    })
}

/// The smallest set of changes that opens the offering, and the verdict it then gets.
/// Each re-evaluation of the offering's rules spends one unit of `budget`; `None` when it
/// runs out first.
pub(crate) fn changes_for(
    m: &Index,
    p: &Profile,
    e: &Evaluated,
    today: Date,
    degrees_ok: bool,
    budget: &mut usize,
) -> Option<(Vec<Change>, Eligibility)> {
    let o = &m.catalog.offerings[e.offering];
    let target_ok = |v: Eligibility| match e.eligibility {
        Eligibility::Ineligible => v != Eligibility::Ineligible,
        _ => v == Eligibility::Eligible,
    };
    // Ways to fix each unmet rule that matters for the target.
    let mut per_rule: Vec<Vec<Vec<Change>>> = Vec::new();
    for (ri, outcome) in &e.outcomes {
        let rule = m.rule(*ri);
        let relevant = match e.eligibility {
            Eligibility::Ineligible => *outcome == Outcome::Blocked,
            _ => matches!(outcome, Outcome::Condition { .. }),
        };
        if !relevant {
            continue;
        }
        if !rule.what_if {
            return None; // the catalog says this is not a change to propose
        }
        let mut ways = candidates(&rule.test, p, o, today);
        if e.eligibility == Eligibility::Ineligible {
            for alt in &rule.alternatives {
                // A way round with its own step (the 21+ entrance examination) says it.
                let then = alt.action.as_deref().and_then(crate::i18n::message_key);
                ways.extend(candidates(&alt.test, p, o, today).into_iter().map(|mut w| {
                    w.extend(then.map(Change::Then));
                    w
                }));
            }
        }
        // Never a bevoegdheid as a "change" (it is the goal itself), a new degree where an
        // open route exists, or a job in a lower role than the one the person has.
        let held = p.diplomas.iter().map(|d| level_rank(d.level)).max().unwrap_or(0);
        let teaching_job = p.job.as_ref().is_some_and(|j| matches!(j.role, Role::Leraar | Role::LeraarOnbevoegd));
        ways.retain(|w| {
            w.iter().all(|c| match c {
                Change::AddQualification { .. } => false,
                // The next step up from a degree held (an Ad to a bachelor) stays realistic.
                Change::AddDiploma { level, .. } => {
                    degrees_ok
                        || level_rank(*level) < DEGREE_RANK
                        || (held >= DEGREE_RANK && level_rank(*level) <= held + 1)
                }
                Change::SchoolJob { role, .. } => {
                    !(teaching_job && matches!(role, Role::Onderwijsassistent | Role::Leraarondersteuner))
                }
                _ => true,
            })
        });
        if ways.is_empty() {
            return None; // nothing a person can change opens this rule
        }
        ways.truncate(MAX_WAYS_PER_RULE);
        per_rule.push(ways);
    }
    // Every combination of one way per rule, checked by re-evaluation.
    let mut combos: Vec<Vec<Change>> = vec![Vec::new()];
    for ways in &per_rule {
        combos = combos
            .iter()
            .flat_map(|c| ways.iter().map(move |w| c.iter().chain(w).cloned().collect::<Vec<_>>()))
            .take(MAX_COMBINATIONS)
            .collect();
    }
    for c in &mut combos {
        let mut dedup: Vec<Change> = Vec::new();
        for ch in c.drain(..) {
            if !dedup.contains(&ch) {
                dedup.push(ch);
            }
        }
        *c = dedup;
    }
    // Least effort first (a test, an assessment, a job or a language level before a new
    // degree), then fewest changes, then the order the ways were listed in.
    let mut combos: Vec<(usize, Vec<Change>)> = combos.into_iter().enumerate().collect();
    combos.sort_by_key(|(i, c)| (c.iter().map(Change::effort).sum::<u32>(), c.len(), *i));
    combos.into_iter().find_map(|(_, changes)| {
        *budget = budget.checked_sub(1)?;
        let mut changed = p.clone();
        let mut on = e.on;
        for ch in &changes {
            ch.apply(&mut changed, &mut on);
        }
        let outcomes = m.outcomes(&changed, e.offering, on);
        let v = rules::verdict(outcomes.iter().map(|(_, o)| o));
        target_ok(v).then_some((changes, v))
    })
}
