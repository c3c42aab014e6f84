//! Timing: the next feasible intake and the expected qualification date.
//!
//! An intake is feasible when its last day to act (`apply_by`: the application
//! deadline, moved earlier by any lead time such as the geschiktheidsonderzoek) is
//! not before `today`, and it starts no earlier than the person is available.

use crate::model::date::Date;
use crate::model::vocab::IntakeStatus;
use crate::model::Offering;

/// The intake a person could join, as the engine works with it (the result shows it as
/// [`crate::result::IntakeTiming`]).
#[derive(Clone, Debug, PartialEq)]
pub struct NextIntake {
    pub start_date: Date,
    pub application_deadline: Option<Date>,
    /// The last day to act: the deadline, or earlier when a lead time (geschiktheidsonderzoek) must fit.
    pub apply_by: Date,
    pub lead_time_days: u16,
    pub status: IntakeStatus,
    pub expected_qualification: Date,
    /// The route has no cohorts: it starts whenever the person can.
    pub rolling: bool,
}

impl NextIntake {
    /// As shown in the result.
    pub fn to_result(&self) -> crate::result::IntakeTiming {
        crate::result::IntakeTiming {
            start_date: self.start_date,
            application_deadline: self.application_deadline,
            apply_by: self.apply_by,
            lead_time_days: self.lead_time_days,
            status: self.status,
            expected_qualification: self.expected_qualification,
            rolling: self.rolling,
        }
    }
}

/// The next feasible intake of an offering, if any.
pub fn next_intake(o: &Offering, today: Date, available_from: Option<Date>) -> Option<NextIntake> {
    feasible_intakes(o, today, available_from).into_iter().next()
}

/// Every feasible intake of an offering, earliest first (a rolling route: one, starting
/// when the person can).
pub fn feasible_intakes(o: &Offering, today: Date, available_from: Option<Date>) -> Vec<NextIntake> {
    let earliest = available_from.map_or(today, |a| a.max(today));
    let mut dated: Vec<NextIntake> = o
        .intakes
        .iter()
        .filter_map(|t| {
            let by_lead = match t.lead_time_days {
                0 => t.start_date,
                days => t.start_date.add_days(-i64::from(days)),
            };
            let apply_by = t.application_deadline.map_or(by_lead, |d| d.min(by_lead));
            (apply_by >= today && t.start_date >= earliest).then(|| NextIntake {
                start_date: t.start_date,
                application_deadline: t.application_deadline,
                apply_by,
                lead_time_days: t.lead_time_days,
                status: t.status,
                expected_qualification: t.start_date.add_months(i32::from(o.time_to_complete.0)),
                rolling: false,
            })
        })
        .collect();
    dated.sort_by_key(|t| (t.start_date, t.apply_by));
    if !o.rolling_intake {
        return dated;
    }
    // A rolling route starts whenever the person can; nothing dated can be earlier.
    vec![NextIntake {
        start_date: earliest,
        application_deadline: None,
        apply_by: earliest,
        lead_time_days: 0,
        status: IntakeStatus::Confirmed,
        expected_qualification: earliest.add_months(i32::from(o.time_to_complete.0)),
        rolling: true,
    }]
}
