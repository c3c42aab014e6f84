//! The generic rule engine: evaluates [`Test`]s on a profile for one offering.
//!
//! Nothing here knows route names. A route kind lists rule ids; each rule is data
//! (a test, what an unmet test does, ways round it, validity dates, sources). The
//! engine turns the rules into a verdict: `eligible` when every rule in force is
//! met, `conditional` when only conditions remain, `ineligible` when any blocks.

use crate::model::date::Date;
use crate::model::vocab::{Effect, Eligibility, Subject};
use crate::model::{Offering, Profile, Rule, Test};
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
    /// Per normalised field name: its subjects (a field listed twice gets both lists).
    subjects: HashMap<String, Vec<Subject>>,
}

impl RelatednessIndex {
    pub fn new(entries: &[crate::model::Relatedness]) -> RelatednessIndex {
        let mut subjects: HashMap<String, Vec<Subject>> = HashMap::new();
        for e in entries {
            subjects.entry(normalise_field(&e.field).into_owned()).or_default().extend(e.subjects.iter().copied());
        }
        RelatednessIndex { subjects }
    }

    pub fn related(&self, field: Option<&str>, subject: Option<Subject>) -> bool {
        let (Some(field), Some(subject)) = (field, subject) else {
            // No subject on the offering: nothing to be related to, so any field does.
            return subject.is_none() && field.is_some();
        };
        let field = normalise_field(field);
        field == subject.id() || self.subjects.get(&*field).is_some_and(|s| s.contains(&subject))
    }
}

pub use crate::model::profile::normalise_field;

/// What a test is evaluated against.
pub struct Ctx<'a> {
    pub profile: &'a Profile,
    pub offering: &'a Offering,
    /// The date the rules are applied on: the start of the intake the person would
    /// join (rules in force then, two years since leaving a lerarenopleiding by then),
    /// or today when there is no feasible intake.
    pub on: Date,
    pub related: &'a RelatednessIndex,
}

/// Any over items that may be unknown: yes if one is yes, else unknown if one is.
fn any_truth<T>(items: impl IntoIterator<Item = T>, f: impl Fn(T) -> Truth) -> Truth {
    let mut out = Truth::No;
    for item in items {
        match f(item) {
            Truth::Yes => return Truth::Yes,
            Truth::Unknown => out = Truth::Unknown,
            Truth::No => {}
        }
    }
    out
}

/// Evaluates one test.
pub fn eval(test: &Test, c: &Ctx) -> Truth {
    let p = c.profile;
    let counts =
        |foreign: bool, recognised: bool, include_unrecognised: bool| !foreign || recognised || include_unrecognised;
    match test {
        Test::DiplomaLevel { levels, include_unrecognised, fields } => Truth::from_bool(p.diplomas.iter().any(|d| {
            levels.contains(&d.level)
                && counts(d.foreign, d.recognised, *include_unrecognised)
                && (fields.is_empty()
                    || d.field.as_deref().is_some_and(|f| {
                        let f = normalise_field(f);
                        fields.iter().any(|x| *x == f)
                    }))
        })),
        Test::RelatedDiploma { levels, include_unrecognised } => any_truth(&p.diplomas, |d| {
            if !levels.contains(&d.level) || !counts(d.foreign, d.recognised, *include_unrecognised) {
                Truth::No
            } else if d.field.is_none() && c.offering.subject.is_some() {
                Truth::Unknown // the field was not given
            } else {
                Truth::from_bool(c.related.related(d.field.as_deref(), c.offering.subject))
            }
        }),
        Test::Qualification { any_of, same_subject } => any_truth(&p.qualifications, |q| {
            if !any_of.contains(&q.qualification) {
                Truth::No
            } else if !same_subject || c.offering.subject.is_none() || q.subject == c.offering.subject {
                Truth::Yes
            } else if q.subject.is_none() {
                Truth::Unknown // the subject of the bevoegdheid was not given
            } else {
                Truth::No
            }
        }),
        Test::SchoolJob { roles, min_hours, current } => Truth::from_bool(p.job.as_ref().is_some_and(|j| {
            c.offering.sectors.contains(&j.sector)
                && (!*current || teaching_now(j, p, c))
                && (roles.is_empty() || roles.contains(&j.role))
                && j.hours_per_week >= *min_hours
        })),
        Test::Geschiktheidsonderzoek => Truth::from_bool(p.geschiktheidsonderzoek_passed),
        Test::PaboTests => {
            Truth::from_bool(crate::model::vocab::PaboTest::ALL.iter().all(|t| p.pabo_tests_passed.contains(t)))
        }
        Test::HboLevelAssessed => Truth::from_bool(p.hbo_level_assessed),
        Test::Dutch { min } => match p.dutch {
            Some(d) => Truth::from_bool(d.rank() >= min.rank()),
            None if p.diplomas.iter().any(|d| d.foreign) => Truth::Unknown,
            // Not stated and no foreign diploma: taken as native.
            None => Truth::Yes,
        },
        Test::ForeignOrNonNative => Truth::from_bool(
            p.diplomas.iter().any(|d| d.foreign)
                || p.dutch.is_some_and(|d| d != crate::model::vocab::Dutch::Moedertaal),
        ),
        Test::NoRecentLerarenopleiding { years } => {
            let enrolled_now = p.study.as_ref().is_some_and(|s| s.lerarenopleiding);
            let left_recently = p.lerarenopleiding_left.is_some_and(|d| d.add_months(i32::from(*years) * 12) > c.on);
            Truth::from_bool(!enrolled_now && !left_recently)
        }
        Test::Study { levels, min_ec, lerarenopleiding, related, fields } => match &p.study {
            Some(s) if levels.contains(&s.level) && s.ec >= *min_ec && (!lerarenopleiding || s.lerarenopleiding) => {
                let in_fields = match s.field.as_deref() {
                    _ if fields.is_empty() => Truth::Yes,
                    None => Truth::Unknown,
                    Some(f) => {
                        let f = normalise_field(f);
                        Truth::from_bool(fields.iter().any(|x| *x == f))
                    }
                };
                let related = match (*related, s.field.as_deref()) {
                    (false, _) => Truth::Yes,
                    (true, None) if c.offering.subject.is_some() => Truth::Unknown,
                    (true, field) => Truth::from_bool(c.related.related(field, c.offering.subject)),
                };
                match (in_fields, related) {
                    (Truth::No, _) | (_, Truth::No) => Truth::No,
                    (Truth::Unknown, _) | (_, Truth::Unknown) => Truth::Unknown,
                    _ => Truth::Yes,
                }
            }
            _ => Truth::No,
        },
        // With a date of birth: the age on the date the rules apply (the intake's start).
        Test::MinAge { years } => match (p.birth_date, p.age) {
            (Some(b), _) => Truth::from_bool(b.whole_years_until(c.on) >= i32::from(*years)),
            (None, Some(a)) => Truth::from_bool(a >= *years),
            (None, None) => Truth::Unknown,
        },
        Test::SubjectIn { subjects } => Truth::from_bool(crate::model::rule::subject_in(subjects, c.offering)),
        Test::SectorIn { sectors } => Truth::from_bool(c.offering.sectors.iter().any(|s| sectors.contains(s))),
        Test::HoursAbove { hours } => match p.hours_per_week {
            Some(h) => Truth::from_bool(h > *hours),
            None => Truth::Unknown,
        },
        Test::Vog => Truth::from_bool(p.vog),
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
    Condition {
        alternative: Option<usize>,
    },
    Blocked,
}

/// The message id of what the candidate can do about a condition: the alternative's
/// action, else the rule's, else a default for the kind of test (often: give a fact
/// that was not given).
pub fn action(rule: &Rule, outcome: Outcome) -> Option<&str> {
    let own = match outcome {
        Outcome::Condition { alternative: Some(i) } => {
            rule.alternatives.get(i).and_then(|a| a.action.as_deref()).or(rule.action.as_deref())
        }
        Outcome::Condition { alternative: None } => rule.action.as_deref(),
        _ => return None,
    };
    own.or(Some(default_action(&rule.test)))
}

/// For a `school-job` test with `current`: the job has started by the rules' date (an
/// offer or a job that starts later has not), and it is where the person wants to be: in
/// every sector of the offering they ask for (all of its sectors if they named none).
/// Someone who teaches in mbo and wants vo is not teaching where a vo/mbo route would
/// put them.
fn teaching_now(j: &crate::model::Job, p: &Profile, c: &Ctx) -> bool {
    let started = match j.start_date {
        Some(d) => d <= c.on,
        None => !j.offer,
    };
    started
        && c.offering.sectors.iter().filter(|s| p.sectors.is_empty() || p.sectors.contains(s)).all(|s| *s == j.sector)
}

/// As [`action`], for this person and offering: a job rule unmet only by the job's hours
/// (zij-instroom po and the PDG: 0.4 fte; Saxion's Ad PEP: 16 hours) asks for more hours,
/// not for a school.
pub fn action_for<'r>(rule: &'r Rule, outcome: Outcome, p: &Profile, o: &Offering) -> Option<&'r str> {
    if own_job_short(rule, outcome, p, o).is_some() {
        return Some("action.school-job-hours");
    }
    action(rule, outcome)
}

/// The person's own job where a job rule is unmet only by its hours: (the job's hours, the
/// hours the rule asks).
pub fn own_job_short(rule: &Rule, outcome: Outcome, p: &Profile, o: &Offering) -> Option<(u8, u8)> {
    match (&rule.test, outcome, &p.job) {
        (Test::SchoolJob { roles, min_hours, .. }, Outcome::Condition { alternative: None }, Some(j))
            if o.sectors.contains(&j.sector)
                && (roles.is_empty() || roles.contains(&j.role))
                && j.hours_per_week < *min_hours =>
        {
            Some((j.hours_per_week, *min_hours))
        }
        _ => None,
    }
}

/// What to do about a test that is unmet or unknown, when the rule names no action.
pub fn default_action(test: &Test) -> &'static str {
    match test {
        Test::RelatedDiploma { .. } => "action.give-field",
        Test::Qualification { .. } => "action.give-qualification-subject",
        Test::Study { .. } => "action.give-study",
        Test::MinAge { .. } => "action.confirm-age",
        Test::Dutch { .. } => "action.nt2-b2",
        Test::HoursAbove { .. } => "action.give-hours",
        Test::Vog => "action.vog",
        _ => "action.check-with-institution",
    }
}

/// Whether a rule is in force on a date.
pub fn in_force(rule: &Rule, on: Date) -> bool {
    rule.valid_from.is_none_or(|f| f <= on) && rule.valid_until.is_none_or(|u| on <= u)
}

/// Applies one rule.
pub fn apply(rule: &Rule, c: &Ctx) -> Outcome {
    if !in_force(rule, c.on) {
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
    // Alternatives that meet the rule outright win over ones that leave a condition.
    let truths: Vec<Truth> = rule.alternatives.iter().map(|a| eval(&a.test, c)).collect();
    let holds = |with_action: bool| {
        rule.alternatives.iter().zip(&truths).position(|(a, t)| *t == Truth::Yes && a.action.is_some() == with_action)
    };
    if holds(false).is_some() {
        return Outcome::Met;
    }
    if let Some(i) = holds(true) {
        return Outcome::Condition { alternative: Some(i) };
    }
    // A fact the person did not give: ask for it first.
    if truth == Truth::Unknown {
        return Outcome::Condition { alternative: None };
    }
    if let Some(i) = truths.iter().position(|t| *t == Truth::Unknown) {
        return Outcome::Condition { alternative: Some(i) };
    }
    match rule.otherwise {
        Effect::Condition => Outcome::Condition { alternative: None },
        Effect::Block => Outcome::Blocked,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_normalised_as_people_type_them() {
        assert_eq!(normalise_field("  Toegepaste   Wiskunde "), "toegepaste-wiskunde");
        assert_eq!(normalise_field("ÉCONOMIE_en-Bedrijfskunde"), "économie-en-bedrijfskunde");
        assert_eq!(normalise_field("Ørsted ß"), "ørsted-ß");
        // A field already in that form is borrowed, and every field comes out as the words
        // split on spaces, '_' and '-', lower-cased and joined by '-' would.
        assert!(matches!(normalise_field("toegepaste-wiskunde"), std::borrow::Cow::Borrowed(_)));
        let slow = |f: &str| {
            f.split(|c: char| c.is_whitespace() || c == '_' || c == '-')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join("-")
        };
        for f in [
            "",
            "-",
            "a",
            "a-b",
            "a--b",
            "-a",
            "a-",
            "a b",
            "a_b",
            "A",
            "ǅ",
            "İstanbul",
            "σς",
            "Σ",
            "x\u{a0}y",
            "é-è",
            "a-b-",
        ] {
            assert_eq!(normalise_field(f), slow(f), "{f:?}");
        }
    }
}
