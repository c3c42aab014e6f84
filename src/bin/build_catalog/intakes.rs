//! Intake dates of an offering: the intake patterns (initial bachelors, deeltijd, masters,
//! zij-instroom, PDG, LIO...) and their application deadlines, dated from the build's
//! "today". The dates of each pattern are data (`data/build_facts.json`).

use crate::inputs::{Facts, IntakeDef, MonthDay};
use crate::ymd;
use routewijzer::model::*;
use routewijzer::Date;

/// Which intakes an offering has; the dates are in `data/build_facts.json` (named in brackets).
#[derive(Clone, Copy)]
pub enum Pattern<'a> {
    /// Initial bachelor or Ad, voltijd or duaal (`intake_patterns.initial`).
    Initial,
    /// Deeltijd bachelor or Ad (`intake_patterns.deeltijd`).
    Deeltijd,
    /// Deeltijd with a February intake too: pabo, verkort (`intake_patterns.deeltijd_february`).
    DeeltijdFeb,
    /// Deeltijd tweedegraads bachelor: September and a typical February intake
    /// (`intake_patterns.deeltijd_tweedegraads`).
    DeeltijdTweedegraads,
    /// Masters and the educatieve minor (`intake_patterns.master`).
    Master,
    /// Educatieve module (`intake_patterns.module`).
    Module,
    /// Zij-instroom cohorts after the institution's geschiktheidsonderzoek (`zij_instroom`).
    ZijInstroom,
    /// PDG cohorts of an institution (`pdg`).
    Pdg(&'a [IntakeDef]),
    /// LIO blocks (`intake_patterns.lio`).
    Lio,
}

/// The pattern's intakes of `inst` after `today` up to 1 September two years on, each
/// before `end` (the first date without intake) if there is one.
pub fn intakes(facts: &Facts, pattern: Pattern, inst: &str, today: Date, end: Option<Date>) -> Vec<Intake> {
    let p = &facts.intake_patterns;
    let defs: &[IntakeDef] = match pattern {
        Pattern::Initial => &p.initial,
        Pattern::Deeltijd => &p.deeltijd,
        Pattern::DeeltijdFeb => &p.deeltijd_february,
        Pattern::DeeltijdTweedegraads => &p.deeltijd_tweedegraads,
        Pattern::Master => &p.master,
        Pattern::Module => &p.module,
        Pattern::ZijInstroom => {
            facts.zij_instroom.iter().find(|z| z.inst == inst).map_or(&facts.zij_instroom_default, |z| &z.intakes)
        }
        Pattern::Pdg(defs) => defs,
        Pattern::Lio => &p.lio,
    };
    let in_year = |md: MonthDay, year: i32| ymd(year, md.month, md.day);
    let monday = ymd(2024, 1, 1).to_days(); // a Monday
    let mut out = Vec::new();
    let last = ymd(today.year() + 2, 9, 1);
    for year in today.year()..=today.year() + 2 {
        for def in defs {
            let mut start = in_year(def.start, year);
            if let Some(w) = def.weekday {
                while (start.to_days() - monday).rem_euclid(7) != i64::from(w) {
                    start = start.add_days(1);
                }
            }
            let deadline = def.deadline.map(|d| in_year(d, if d > def.start { year - 1 } else { year }));
            let open = deadline.map_or(start > today, |d| d >= today);
            if open && start > today && start <= last && end.is_none_or(|e| start < e) {
                out.push(Intake {
                    start_date: start,
                    application_deadline: deadline,
                    lead_time_days: def.lead_time_days,
                    status: def.status,
                });
            }
        }
    }
    out.sort_by_key(|i| i.start_date);
    out
}
