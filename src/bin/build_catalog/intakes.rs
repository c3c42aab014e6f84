//! Intake dates of an offering: the intake patterns (initial bachelors, deeltijd, masters,
//! zij-instroom, PDG, LIO...) and their application deadlines, dated from the build's
//! "today".

use crate::ymd;
use routewijzer::model::vocab::*;
use routewijzer::model::*;
use routewijzer::Date;

/// Geschiktheidsonderzoek deadlines (month, day) for the September and February cohorts:
/// HU 15 Apr / 15 Oct [S30]; Fontys 1 May / 1 Nov [S20]; Marnix 18 Nov for February [S23].
fn go_deadlines(inst: &str) -> [(u8, u8); 2] {
    match inst {
        "30GB" => [(5, 1), (11, 1)],
        "10IZ" => [(4, 15), (11, 18)],
        _ => [(4, 15), (10, 15)],
    }
}

#[derive(Clone, Copy, PartialEq)]
pub enum Pattern {
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

pub fn intakes(pattern: Pattern, inst: &str, today: Date, end: Option<Date>) -> Vec<Intake> {
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
