//! The generic rule engine: evaluates [`Test`]s on a profile for one offering.
//!
//! Nothing here knows route names. A route kind lists rule ids; each rule is data
//! (a test, what an unmet test does, ways round it, validity dates, sources). The
//! engine turns the rules into a verdict: `eligible` when every rule in force is
//! met, `conditional` when only conditions remain, `ineligible` when any blocks.

use crate::date::Date;
use crate::model::{Offering, Profile, Rule, Test};
use crate::vocab::{Effect, Eligibility, Level};
use std::collections::HashMap;

/// Three-valued truth: a test on a fact the candidate did not give is `Unknown`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Truth {
    Yes,
    No,
    Unknown,
}

impl Truth {
    fn from_bool(b: bool) -> Truth {
        if b {
            Truth::Yes
        } else {
            Truth::No
        }
    }
    fn not(self) -> Truth {
        match self {
            Truth::Yes => Truth::No,
            Truth::No => Truth::Yes,
            Truth::Unknown => Truth::Unknown,
        }
    }
}

/// Which study fields are related (verwant) to which subjects. Field names are
/// compared case-insensitively; a field named like a subject id is related to it.
#[derive(Clone, Debug, Default)]
pub struct RelatednessIndex {
    map: HashMap<String, Vec<crate::vocab::Subject>>,
}

impl RelatednessIndex {
    pub fn new(entries: &[crate::model::Relatedness]) -> RelatednessIndex {
        let mut map: HashMap<String, Vec<_>> = HashMap::new();
        for e in entries {
            map.entry(e.field.trim().to_ascii_lowercase()).or_default().extend(e.subjects.iter().copied());
        }
        RelatednessIndex { map }
    }

    pub fn related(&self, field: Option<&str>, subject: Option<crate::vocab::Subject>) -> bool {
        let (Some(field), Some(subject)) = (field, subject) else {
            // No subject on the offering: nothing to be related to, so any field does.
            return subject.is_none() && field.is_some();
        };
        let field = field.trim().to_ascii_lowercase();
        field == subject.id() || self.map.get(&field).is_some_and(|s| s.contains(&subject))
    }
}

/// What a test is evaluated against.
pub struct Ctx<'a> {
    pub profile: &'a Profile,
    pub offering: &'a Offering,
    pub today: Date,
    pub related: &'a RelatednessIndex,
}

/// Evaluates one test.
pub fn eval(test: &Test, c: &Ctx) -> Truth {
    let p = c.profile;
    let counts = |foreign: bool, recognised: bool, include_unrecognised: bool| {
        !foreign || recognised || include_unrecognised
    };
    match test {
        Test::DiplomaLevel { levels, include_unrecognised } => Truth::from_bool(p.diplomas.iter().any(|d| {
            levels.contains(&d.level) && counts(d.foreign, d.recognised, *include_unrecognised)
        })),
        Test::RelatedDiploma { levels, include_unrecognised } => Truth::from_bool(p.diplomas.iter().any(|d| {
            levels.contains(&d.level)
                && counts(d.foreign, d.recognised, *include_unrecognised)
                && c.related.related(d.field.as_deref(), c.offering.subject)
        })),
        Test::Qualification { any_of, same_subject } => Truth::from_bool(p.qualifications.iter().any(|q| {
            any_of.contains(&q.qualification) && (!same_subject || q.subject == c.offering.subject)
        })),
        Test::SchoolJob { roles, min_hours } => Truth::from_bool(p.job.as_ref().is_some_and(|j| {
            c.offering.sectors.contains(&j.sector)
                && (roles.is_empty() || roles.contains(&j.role))
                && j.hours_per_week >= *min_hours
        })),
        Test::Geschiktheidsonderzoek => Truth::from_bool(p.geschiktheidsonderzoek_passed),
        Test::PaboTests => Truth::from_bool(crate::vocab::PaboTest::ALL.iter().all(|t| p.pabo_tests_passed.contains(t))),
        Test::HboLevelAssessed => Truth::from_bool(p.hbo_level_assessed),
        Test::Dutch { min } => match p.dutch {
            Some(d) => Truth::from_bool(d.rank() >= min.rank()),
            None if p.diplomas.iter().any(|d| d.foreign) => Truth::Unknown,
            // Not stated and no foreign diploma: taken as native.
            None => Truth::Yes,
        },
        Test::ForeignOrNonNative => Truth::from_bool(
            p.diplomas.iter().any(|d| d.foreign) || p.dutch.is_some_and(|d| d != crate::vocab::Dutch::Moedertaal),
        ),
        Test::NoRecentLerarenopleiding { years } => {
            let enrolled_now = p.study.as_ref().is_some_and(|s| s.lerarenopleiding);
            let left_recently =
                p.lerarenopleiding_left.is_some_and(|d| d.add_months(i32::from(*years) * 12) > c.today);
            Truth::from_bool(!enrolled_now && !left_recently)
        }
        Test::Study { levels, min_ec, lerarenopleiding, related } => Truth::from_bool(p.study.as_ref().is_some_and(|s| {
            levels.contains(&s.level)
                && s.ec >= *min_ec
                && (!lerarenopleiding || s.lerarenopleiding)
                && (!related || c.related.related(s.field.as_deref(), c.offering.subject))
        })),
        Test::MinAge { years } => match p.age {
            Some(a) => Truth::from_bool(a >= *years),
            None => Truth::Unknown,
        },
        Test::SubjectIn { subjects } => Truth::from_bool(c.offering.subject.is_some_and(|s| subjects.contains(&s))),
        Test::AllOf { all } => all.iter().fold(Truth::Yes, |acc, t| match (acc, eval(t, c)) {
            (Truth::No, _) | (_, Truth::No) => Truth::No,
            (Truth::Unknown, _) | (_, Truth::Unknown) => Truth::Unknown,
            _ => Truth::Yes,
        }),
        Test::AnyOf { any } => any.iter().fold(Truth::No, |acc, t| match (acc, eval(t, c)) {
            (Truth::Yes, _) | (_, Truth::Yes) => Truth::Yes,
            (Truth::Unknown, _) | (_, Truth::Unknown) => Truth::Unknown,
            _ => Truth::No,
        }),
        Test::Not { not } => eval(not, c).not(),
    }
}

/// The outcome of one rule for one profile and offering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Not in force on `today`, or its `applies_if` does not hold.
    NotApplicable,
    Met,
    /// Unmet but surmountable: through the rule's alternative with this index, or
    /// (`None`) as the rule's own condition. See [`action`] for what to do.
    Condition { alternative: Option<usize> },
    Blocked,
}

/// The message id of what the candidate can do about a condition.
pub fn action(rule: &Rule, outcome: Outcome) -> Option<&str> {
    match outcome {
        Outcome::Condition { alternative: Some(i) } => {
            rule.alternatives.get(i).and_then(|a| a.action.as_deref()).or(rule.action.as_deref())
        }
        Outcome::Condition { alternative: None } => rule.action.as_deref(),
        _ => None,
    }
}

/// Whether a rule is in force on a date.
pub fn in_force(rule: &Rule, on: Date) -> bool {
    rule.valid_from.is_none_or(|f| f <= on) && rule.valid_until.is_none_or(|u| on <= u)
}

/// Applies one rule.
pub fn apply(rule: &Rule, c: &Ctx) -> Outcome {
    if !in_force(rule, c.today) {
        return Outcome::NotApplicable;
    }
    if let Some(cond) = &rule.applies_if {
        if eval(cond, c) == Truth::No {
            return Outcome::NotApplicable;
        }
    }
    let truth = eval(&rule.test, c);
    if truth == Truth::Yes {
        return Outcome::Met;
    }
    let mut maybe = None;
    for (i, alt) in rule.alternatives.iter().enumerate() {
        match eval(&alt.test, c) {
            Truth::Yes if alt.action.is_none() => return Outcome::Met,
            Truth::Yes => return Outcome::Condition { alternative: Some(i) },
            Truth::Unknown if maybe.is_none() => maybe = Some(i),
            _ => {}
        }
    }
    if maybe.is_some() {
        return Outcome::Condition { alternative: maybe };
    }
    match (truth, rule.otherwise) {
        (Truth::Unknown, _) | (_, Effect::Condition) => Outcome::Condition { alternative: None },
        _ => Outcome::Blocked,
    }
}

/// The verdict over a set of rule outcomes.
pub fn verdict<'r>(outcomes: impl IntoIterator<Item = &'r Outcome>) -> Eligibility {
    let mut v = Eligibility::Eligible;
    for o in outcomes {
        match o {
            Outcome::Blocked => return Eligibility::Ineligible,
            Outcome::Condition { .. } => v = Eligibility::Conditional,
            _ => {}
        }
    }
    v
}

/// Levels named by a diploma test, for messages and what-if suggestions.
pub fn levels_of(test: &Test) -> Option<&[Level]> {
    match test {
        Test::DiplomaLevel { levels, .. } | Test::RelatedDiploma { levels, .. } | Test::Study { levels, .. } => {
            Some(levels)
        }
        _ => None,
    }
}
