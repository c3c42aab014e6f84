//! Pathways: a route, its next intake and a vacancy, ranked together, with the
//! misalignments between training and job flagged.
//!
//! A vacancy fits a route when it is in one of the route's sectors (and subject),
//! still open on `today`, within the person's travel distance and hours, in a role
//! the route leads to, and either accepts someone in training (for routes where you
//! work while training) or asks for the route's qualification no earlier than it is
//! earned.

use crate::engine::geo::round1;
use crate::engine::index::{Evaluated, Geo, Index};
use crate::engine::options::MatchOptions;
use crate::engine::rules::Outcome;
use crate::engine::score::{Msg, DEFAULT_MAX_TRAVEL_KM, TRAVEL_FULL_KM};
use crate::engine::timing::NextIntake;
use crate::model::date::Date;
use crate::model::vocab::*;
use crate::model::{Profile, Test, Vacancy};
use crate::result::{Pathway, TimelineEvent, VacancyMatch};

/// Only the best open routes are combined with vacancies.
const ROUTES_CONSIDERED: usize = 12;
/// At most this many offerings of one route kind.
const ROUTES_PER_KIND: usize = 3;
/// At most this many vacancies per route.
const VACANCIES_PER_ROUTE: usize = 3;
/// A job that starts more than this many days before the intake is flagged.
pub const TEACHING_BEFORE_TRAINING_DAYS: i64 = 30;
/// Training that starts more than this many days before the job is flagged.
pub const TRAINING_BEFORE_JOB_DAYS: i64 = 90;
/// Without a bevoegdheid someone may teach at most this many hours a week in vo and mbo
/// (ROUTES §1, WVO 2020 art. 7.19, WEB 4.2.1 lid 6; CONFLICT: an older FAQ says 4). po
/// has no such exception.
pub const UNQUALIFIED_MAX_HOURS_VO_MBO: u8 = 6;

/// A vacancy that fits a route: (fit, flags, vacancy, distance, first day of teaching, index).
type Fit<'a> = (u32, Misalign, &'a Vacancy, Option<f64>, Date, usize);

struct Candidate {
    route_rank: usize,
    /// Uses the person's own job or signed offer: these come first.
    own_job: bool,
    pathway: Pathway,
    vacancy_id: String,
}

pub(crate) fn pathways(m: &Index, p: &Profile, ranked: &[Evaluated], geo: &Geo, opts: &MatchOptions) -> Vec<Pathway> {
    let today = opts.today;
    let lang = opts.lang;
    let vacancies = &m.catalog.vacancies;
    let max_km = f64::from(p.max_travel_km.unwrap_or(DEFAULT_MAX_TRAVEL_KM));

    // Vacancies this person could take at all, with their distance: computed once.
    let mut nearby: Vec<(usize, Option<f64>)> = Vec::new();
    for (i, v) in vacancies.iter().enumerate() {
        if v.valid_through < today || p.hours_per_week.is_some_and(|h| v.work_hours > h) {
            continue;
        }
        let d = geo.km(m.vacancy_place(i));
        if d.is_some_and(|d| d > max_km) {
            continue;
        }
        nearby.push((i, d));
    }

    let mut out: Vec<Candidate> = Vec::new();
    // (kind, vacancy) already paired with a route without training.
    let mut paired: Vec<(RouteKind, usize)> = Vec::new();
    // Open routes with a start date, in the sectors and subjects the person wants (if they said).
    let open = ranked.iter().enumerate().filter(|(_, e)| {
        let o = &m.catalog.offerings[e.offering];
        e.eligibility != Eligibility::Ineligible
            && e.timing.is_some()
            && (p.sectors.is_empty() || o.sectors.iter().any(|s| p.sectors.contains(s)))
            && (p.subjects.is_empty() || o.subject.is_none_or(|s| p.subjects.contains(&s)))
            // An unknown subject is not the person's subject.
            && !(o.subject.is_none() && !p.subjects.is_empty() && m.kind_has_subjects[o.kind as usize])
            // Only routes in the sectors and roles the person asked for.
            && e.outside < 2
    });
    let holds_bevoegdheid = p.qualifications.iter().any(|q| q.qualification != Qualification::Geen);
    // At most a few offerings of one kind, so other kinds of route get a pathway too.
    let mut per_kind = [0usize; RouteKind::ALL.len()];
    let open = open.filter(|(_, e)| {
        let kind = m.catalog.offerings[e.offering].kind;
        let n = &mut per_kind[kind as usize]; // variants are declared in `ALL` order
        *n += 1;
        *n <= ROUTES_PER_KIND
    });
    for (route_rank, e) in open.take(ROUTES_CONSIDERED) {
        let o = &m.catalog.offerings[e.offering];
        let Some(intake) = e.timing.clone() else { continue };
        let needs_job = e.outcomes.iter().any(|(ri, oc)| {
            matches!(oc, Outcome::Condition { .. } | Outcome::Blocked)
                && matches!(m.rule(*ri).test, Test::SchoolJob { .. })
        });
        // The hours the route's job rule asks for (zij-instroom po, PDG: 0.4 fte, UNCONFIRMED):
        // a smaller post is no job for the route.
        let job_min_hours = e
            .outcomes
            .iter()
            .filter_map(|(ri, _)| match m.rule(*ri).test {
                Test::SchoolJob { min_hours, .. } => Some(min_hours),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        // The person's own job (or signed offer) already meets the route's job rule, or is
        // the role the route leads to (an onderwijsassistent's job as the workplace of an
        // Ad for leraarondersteuners).
        let route_role = m.offering_role[e.offering];
        let own_job =
            e.outcomes.iter().any(|(ri, oc)| *oc == Outcome::Met && matches!(m.rule(*ri).test, Test::SchoolJob { .. }))
                || p.job.as_ref().is_some_and(|j| {
                    route_role != Role::Leraar
                        && o.sectors.contains(&j.sector)
                        && (j.role == route_role
                            || matches!(
                                (j.role, route_role),
                                (Role::Onderwijsassistent, Role::Leraarondersteuner)
                                    | (Role::Leraarondersteuner, Role::Onderwijsassistent)
                            ))
                });
        // The person's own job in the route's sector and role, too small for its job rule
        // (the PDG's and zij-instroom po's 16 hours): (hours, hours asked). Said on a
        // pathway of the route that pairs no post (a post paired is a job of enough hours).
        let own_job_short = if own_job {
            None
        } else {
            e.outcomes.iter().find_map(|(ri, oc)| crate::engine::rules::own_job_short(m.rule(*ri), *oc, p, o))
        };
        // What the route still asks for admission, besides the job (the pathway pairs one)
        // and the GO (in its timeline): a diploma, a qualification, Dutch, an assessment or
        // a study the person does not have yet, such as an hbo degree or assessment for the
        // PDG. The plan assumes it, so each pathway of a route that trains says it first, in
        // one flag (at most two), as what to do where the rule says (the route's action:
        // a foreign diploma's recognition, the field of a diploma not given), else as what
        // it asks. Not the pabo's subject tests (they may be passed in year 1, §3.1), a
        // subsidy's or a fee's rule, nor a limit on the hours taught (kept by the post).
        // (In one sentence: after the first, a text starts in lower case, unless it starts
        // with an abbreviation such as NT2.)
        let lower = |t: String| {
            let mut c = t.chars();
            match (c.next(), c.next()) {
                (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
                    a.to_lowercase().chain(t.chars().skip(1)).collect()
                }
                _ => t,
            }
        };
        let admission: Vec<String> = if o.trains() {
            e.outcomes
                .iter()
                .filter(|(ri, oc)| {
                    let rule = m.rule(*ri);
                    matches!(oc, Outcome::Condition { .. })
                        && matches!(
                            rule.test,
                            Test::DiplomaLevel { .. }
                                | Test::RelatedDiploma { .. }
                                | Test::Qualification { .. }
                                | Test::Dutch { .. }
                                | Test::HboLevelAssessed
                                | Test::Study { .. }
                                | Test::MinAge { .. }
                        )
                        && rule.voids_figure.is_none()
                        && rule.institutional_fee.is_none()
                        && !rule.said_when_met
                        && !matches!(rule.applies_if, Some(Test::HoursAbove { .. }))
                })
                .take(2)
                .enumerate()
                .map(|(i, (ri, oc))| {
                    let rule = m.rule(*ri);
                    let text = match crate::engine::rules::action_for(rule, *oc, p, o) {
                        Some(action) => crate::result::Text::new(lang, action, &[]).text,
                        None => crate::engine::matcher::rule_text(rule, o, lang).text,
                    };
                    let text = text.trim_end_matches('.').to_string();
                    if i == 0 {
                        text
                    } else {
                        lower(text)
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        let first: Vec<Msg> = if admission.is_empty() {
            Vec::new()
        } else {
            vec![Msg::new("flag.admission-first").with("what", admission.join("; "))]
        };
        let short_flag = || {
            own_job_short
                .map(|(hours, min)| Msg::new("flag.own-job-too-small").with("hours", hours).with("min_hours", min))
        };
        // A route that caps teaching hours without a bevoegdheid (hybride docent) does
        // not fit a larger teaching job.
        let job_too_big = p.job.as_ref().is_some_and(|j| o.max_teaching_hours.is_some_and(|m| j.hours_per_week > m))
            && !holds_bevoegdheid;
        if let (true, false, Some(job)) = (own_job, job_too_big, &p.job) {
            // Already working (no start date, or one in the past): teaching from today.
            let start_teaching = job.start_date.unwrap_or(today).max(today);
            let already = job.start_date.is_none_or(|d| d <= today);
            // Only teaching counts as "teaching before the training"; an onderwijsassistent
            // keeps their own job meanwhile.
            let teaches = matches!(job.role, Role::Leraar | Role::LeraarOnbevoegd | Role::Instructeur);
            let mut flags = first.clone();
            let go = go_plan(p, e, &intake, Some(start_teaching), today);
            if teaches {
                let facts = JobFacts { sector: job.sector, hours: job.hours_per_week, start: start_teaching, already };
                flags.extend(go_flags(p, go, facts));
                flags.extend(misalignment(&intake, start_teaching, o.paid_while_learning).msgs());
            }
            out.push(candidate(
                m,
                route_rank,
                e,
                o,
                &intake,
                Choice::OwnJob((teaches && !already).then_some(start_teaching)),
                combine(e.score, 100),
                &flags,
                go,
                lang,
                needs_job,
            ));
            continue;
        }
        // (fit, flags, vacancy, distance, first day of teaching, vacancy index)
        let mut fits: Vec<Fit> = Vec::new();
        for &(vi, d) in &nearby {
            let v = &vacancies[vi];
            if !o.sectors.contains(&v.sector) || !role_fits(o.kind, route_role, v.role) {
                continue;
            }
            match (o.subject, v.subject) {
                (Some(a), Some(b)) if a != b => continue,
                // A route without a subject (pabo, PDG) fits any subject: take the person's.
                (None, Some(b)) if !p.subjects.is_empty() && !p.subjects.contains(&b) => continue,
                _ => {}
            }
            if needs_job && v.work_hours < job_min_hours {
                continue;
            }
            // Without a bevoegdheid a route may cap the teaching hours (hybride docent: 6).
            if o.max_teaching_hours.is_some_and(|max| v.work_hours > max) && !holds_bevoegdheid {
                continue;
            }
            // Teaching during training: on work-learn routes and duaal programmes. Deeltijd
            // students normally cannot work as a teacher in year 1 [S13].
            // What the person will hold once qualified: what they hold now and what the
            // route awards. A post's requirements hold for someone in training too: a
            // tweedegraads route does not lead to an eerstegraads-only post.
            let awarded = o.occupational_credential_awarded;
            let will_hold = |q: Qualification| {
                covers(awarded, q)
                    || p.qualifications.iter().any(|h| covers(h.qualification, q) && subject_fits(h.subject, v.subject))
            };
            // A post in a role without a bevoegdheid (onderwijsassistent, leraarondersteuner,
            // instructeur) asks for none.
            let teaching_post = matches!(v.role, Role::Leraar | Role::LeraarOnbevoegd);
            let requirement_met = if !teaching_post {
                true
            } else if v.education_requirements.is_empty() {
                awarded != Qualification::Geen
                    || crate::engine::score::held_for(p, &[v.sector]).is_some()
                    // A post for someone without a bevoegdheid, within the hours a route
                    // allows without one (hybride docent: 6).
                    || (v.role == Role::LeraarOnbevoegd && o.max_teaching_hours.is_some_and(|max| v.work_hours <= max))
            } else {
                v.education_requirements.iter().any(|&q| will_hold(q))
            };
            if !requirement_met
                && !matches!(v.role, Role::Onderwijsassistent | Role::Leraarondersteuner | Role::Instructeur)
            {
                continue;
            }
            // A route that awards nothing new (herintreding) needs a held bevoegdheid that
            // covers the post's sector and subject; one that caps the hours taught without
            // one (hybride docent) does not.
            if awarded == Qualification::Geen
                && role_of(m, e) == Role::Leraar
                && o.max_teaching_hours.is_none()
                && !p.qualifications.iter().any(|h| {
                    crate::engine::score::covers_sector(h.qualification, v.sector) && subject_fits(h.subject, v.subject)
                })
            {
                continue;
            }
            // Teaching during training only on the routes that pay a salary for it (ROUTES
            // §3.3: zij-instroom, PDG, onderwijsassistent → leraar, LIO); a duaal or
            // deeltijd student does not teach a class in year 1 [S13].
            let works_while_training = v.accepts_in_training && o.paid_while_learning;
            // Someone who teaches with what they hold (herintreding) is qualified now.
            let qualified_on = if awarded == Qualification::Geen { today } else { intake.expected_qualification };
            let qualified_in_time =
                requirement_met && v.job_start_date.add_days(TEACHING_BEFORE_TRAINING_DAYS) >= qualified_on;
            // A route that asks for a job (PDG, zij-instroom) needs the job by the time the
            // training starts.
            // (A rolling route starts with the job.)
            if needs_job
                && !o.rolling_intake
                && v.job_start_date > intake.start_date.add_days(TEACHING_BEFORE_TRAINING_DAYS)
            {
                continue;
            }
            if !works_while_training && !qualified_in_time {
                continue;
            }
            // Working in the post before the training starts is only a traject when the
            // route starts with a GO (zij-instroom: the traject starts on the GO date);
            // otherwise it is teaching without a bevoegdheid, which po does not allow at
            // all and vo/mbo only up to 6 hours a week (§1).
            let before_training = v.job_start_date.max(today).days_until(intake.start_date);
            if !qualified_in_time
                && intake.lead_time_days == 0
                && before_training > TEACHING_BEFORE_TRAINING_DAYS
                && (v.sector == Sector::Po || v.work_hours > UNQUALIFIED_MAX_HOURS_VO_MBO)
            {
                continue;
            }
            let start_teaching = v.job_start_date.max(today);
            let flags = if works_while_training && !qualified_in_time {
                misalignment(&intake, start_teaching, o.paid_while_learning)
            } else {
                Misalign::default()
            };
            let gap = intake.start_date.days_until(start_teaching).abs() as f64;
            let distance_fit = d.map_or(0.5, |d| {
                if d <= TRAVEL_FULL_KM {
                    1.0
                } else {
                    ((max_km - d) / (max_km - TRAVEL_FULL_KM).max(1.0)).clamp(0.0, 1.0)
                }
            });
            let align_fit = if qualified_in_time { 1.0 } else { (1.0 - (gap - 30.0).max(0.0) / 150.0).clamp(0.0, 1.0) };
            let kind_fit = if v.employment_type == EmploymentType::Structureel { 1.0 } else { 0.5 };
            let fit = (40.0 * distance_fit + 40.0 * align_fit + 20.0 * kind_fit).round() as u32;
            fits.push((fit, flags, v, d, start_teaching, vi));
        }
        fits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.count().cmp(&b.1.count())).then(a.2.id.cmp(&b.2.id)));
        // Routes without training differ only by who is named (a loket's own herintreding
        // beside the national one): a post goes with one of them, the better ranked first,
        // and the next takes the next posts.
        if !o.trains() {
            fits.retain(|f| !paired.contains(&(o.kind, f.5)));
            paired.extend(fits.iter().take(VACANCIES_PER_ROUTE).map(|f| (o.kind, f.5)));
        }
        if fits.is_empty() {
            let mut flags: Vec<Msg> = first.iter().cloned().chain(short_flag()).collect();
            if needs_job {
                flags.push(Msg::new("flag.no-vacancy"));
            }
            let go = go_plan(p, e, &intake, None, today);
            out.push(candidate(
                m,
                route_rank,
                e,
                o,
                &intake,
                Choice::Nothing,
                combine(e.score, 50),
                &flags,
                go,
                lang,
                needs_job,
            ));
            continue;
        }
        for (fit, misalign, v, d, start_teaching, vi) in fits.into_iter().take(VACANCIES_PER_ROUTE) {
            let go = go_plan(p, e, &intake, Some(start_teaching), today);
            let mut flags: Vec<Msg> = first.clone();
            if misalign.count() > 0 {
                let facts = JobFacts { sector: v.sector, hours: v.work_hours, start: start_teaching, already: false };
                flags.extend(go_flags(p, go, facts));
            }
            flags.extend(misalign.msgs());
            let choice = Choice::Vacancy(vacancy_match(m, vi, d), start_teaching);
            out.push(candidate(
                m,
                route_rank,
                e,
                o,
                &intake,
                choice,
                combine(e.score, fit),
                &flags,
                go,
                lang,
                needs_job,
            ));
        }
    }
    out.sort_by(best_first);
    // Spread the list: first the best pathway of each kind of route, then the best of
    // each other offering, then the runners-up; in the first two rounds a vacancy is
    // offered once, so the list shows several schools.
    // (Small sets: at most `ROUTES_CONSIDERED` routes and their vacancies.)
    let mut kinds: Vec<RouteKind> = Vec::new();
    let mut routes: Vec<usize> = Vec::new();
    let mut vacancies: Vec<String> = Vec::new();
    let fresh = |c: &Candidate, used: &Vec<String>| c.vacancy_id.is_empty() || !used.contains(&c.vacancy_id);
    let (by_kind, rest): (Vec<Candidate>, Vec<Candidate>) = out.into_iter().partition(|c| {
        let take = !routes.contains(&c.route_rank) && !kinds.contains(&c.pathway.kind) && fresh(c, &vacancies);
        if take {
            routes.push(c.route_rank);
            kinds.push(c.pathway.kind);
            vacancies.push(c.vacancy_id.clone());
        }
        take
    });
    let (by_route, rest): (Vec<Candidate>, Vec<Candidate>) = rest.into_iter().partition(|c| {
        let take = !routes.contains(&c.route_rank) && fresh(c, &vacancies);
        if take {
            routes.push(c.route_rank);
            vacancies.push(c.vacancy_id.clone());
        }
        take
    });
    // The chosen ones, best first.
    let mut chosen: Vec<Candidate> = by_kind.into_iter().chain(by_route).chain(rest).take(opts.max_pathways).collect();
    chosen.sort_by(best_first);
    chosen
        .into_iter()
        .enumerate()
        .map(|(i, mut c)| {
            c.pathway.rank = i as u32 + 1;
            c.pathway
        })
        .collect()
}

/// Best pathway first: the person's own job first, then by score, then route rank, then
/// vacancy id.
fn best_first(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    (!a.own_job, std::cmp::Reverse(a.pathway.score), a.route_rank, &a.vacancy_id).cmp(&(
        !b.own_job,
        std::cmp::Reverse(b.pathway.score),
        b.route_rank,
        &b.vacancy_id,
    ))
}

/// Whether holding `held` meets a requirement of `required` (ROUTES §1: eerstegraads
/// covers what tweedegraads covers, which covers beperkt tweedegraads).
fn covers(held: Qualification, required: Qualification) -> bool {
    use Qualification as Q;
    held == required
        || (held == Q::Eerstegraads && matches!(required, Q::Tweedegraads | Q::BeperktTweedegraads))
        || (held == Q::Tweedegraads && required == Q::BeperktTweedegraads)
}

/// A held qualification's subject fits a post's subject (a qualification or post without
/// a subject fits any).
fn subject_fits(held: Option<Subject>, post: Option<Subject>) -> bool {
    held.is_none() || post.is_none() || held == post
}

fn role_of(m: &Index, e: &Evaluated) -> Role {
    m.offering_role[e.offering]
}

/// The geschiktheidsonderzoek (GO) of a route that starts with one (an intake with a lead
/// time): when to ask the school to request it and when it runs. Legally the traject
/// starts on the GO date [S33b]; a school can request it at any time, and the result
/// takes weeks (the lead time) [S26][S23]. With a job it must be under way by the first
/// working day; without one, by the cohort's deadline.
#[derive(Clone, Copy, Debug)]
pub(crate) struct GoPlan {
    pub request_by: Date,
    pub result_by: Date,
    /// The traject had to move to a later cohort (a rule only time lifts).
    pub delayed: bool,
}

fn go_plan(p: &Profile, e: &Evaluated, t: &NextIntake, start_teaching: Option<Date>, today: Date) -> Option<GoPlan> {
    if t.lead_time_days == 0 || p.geschiktheidsonderzoek_passed {
        return None;
    }
    let lead = i64::from(t.lead_time_days);
    // The result is due by the job's first day, and by the cohort's last day to act.
    let due = start_teaching.map_or(t.apply_by.add_days(lead), |j| j.min(t.apply_by.add_days(lead)));
    let mut request_by = due.add_days(-lead).max(today);
    // Earlier cohorts were skipped because only time lifts a rule (the 2-year wait): the
    // traject cannot start before the cohort it moved to.
    let delayed = !e.skipped.is_empty();
    if delayed {
        request_by = request_by.max(t.apply_by.add_days(-lead));
    }
    Some(GoPlan { request_by, result_by: request_by.add_days(lead), delayed })
}

/// Flags about teaching before the GO is under way. In po nobody may teach as a
/// zij-instromer before the GO has started (there is no unqualified-teaching exception);
/// in vo and mbo someone without a bevoegdheid may teach at most 6 hours a week (§1).
fn go_flags(p: &Profile, go: Option<GoPlan>, job: JobFacts) -> Vec<Msg> {
    let Some(go) = go else { return Vec::new() };
    if crate::engine::score::held_for(p, &[job.sector]).is_some()
        || (job.sector != Sector::Po && job.hours <= UNQUALIFIED_MAX_HOURS_VO_MBO)
    {
        return Vec::new();
    }
    let po = job.sector == Sector::Po;
    if go.delayed && job.start < go.request_by {
        // No traject can start before then: teaching meanwhile is unqualified teaching.
        let id = if po { "flag.no-traject-yet-po" } else { "flag.no-traject-yet" };
        vec![Msg::new(id).with("date", go.request_by).with("hours", job.hours)]
    } else if job.already {
        let id = if po { "flag.teaching-without-go-po" } else { "flag.teaching-without-go" };
        vec![Msg::new(id).with("hours", job.hours).with("date", go.request_by)]
    } else if go.result_by > job.start {
        vec![Msg::new("flag.go-result-after-start").with("date", go.result_by).with("start", job.start)]
    } else {
        Vec::new()
    }
}

/// The job a pathway pairs the route with, as the GO flags need it.
#[derive(Clone, Copy, Debug)]
struct JobFacts {
    sector: Sector,
    hours: u8,
    start: Date,
    /// Already teaching (the person's own job has started).
    already: bool,
}

/// Flags a job that starts well before the training cohort (the known failure of
/// zij-instroom), or training that starts long before the job it needs.
fn misalignment(intake: &crate::engine::timing::NextIntake, start_teaching: Date, paid_route: bool) -> Misalign {
    let early = start_teaching.days_until(intake.start_date);
    let late = intake.start_date.days_until(start_teaching);
    Misalign {
        teaching_early: (early > TEACHING_BEFORE_TRAINING_DAYS).then_some(early),
        training_early: (paid_route && late > TRAINING_BEFORE_JOB_DAYS).then_some(late),
    }
}

/// Days by which teaching precedes training, or training precedes the job, when flagged.
#[derive(Clone, Copy, Debug, Default)]
struct Misalign {
    teaching_early: Option<i64>,
    training_early: Option<i64>,
}

impl Misalign {
    fn count(self) -> usize {
        usize::from(self.teaching_early.is_some()) + usize::from(self.training_early.is_some())
    }
    fn msgs(self) -> Vec<Msg> {
        let mut out = Vec::new();
        if let Some(days) = self.teaching_early {
            out.push(Msg::new("flag.teaching-before-training").with("days", days));
        }
        if let Some(days) = self.training_early {
            out.push(Msg::new("flag.training-before-job").with("days", days));
        }
        out
    }
}

/// What a pathway pairs the route with.
enum Choice {
    Vacancy(VacancyMatch, Date),
    /// The person's own job; the day they start teaching in it, when that is still to come.
    OwnJob(Option<Date>),
    Nothing,
}

#[allow(clippy::too_many_arguments)]
fn candidate(
    m: &Index,
    route_rank: usize,
    e: &Evaluated,
    o: &crate::model::Offering,
    intake: &crate::engine::timing::NextIntake,
    choice: Choice,
    score: u32,
    flags: &[Msg],
    go: Option<GoPlan>,
    lang: Lang,
    needs_job: bool,
) -> Candidate {
    // The job's first day: "start teaching" only where the job is teaching (an
    // onderwijsassistent or leraarondersteuner does not teach a class on their own, ROLES
    // R2.6, R5.3). A person's own job is shown only when it teaches.
    let teaches = matches!(choice, Choice::OwnJob(_))
        || matches!(m.offering_role[e.offering], Role::Leraar | Role::LeraarOnbevoegd | Role::Instructeur);
    let (vacancy, own_job, shown_start) = match choice {
        Choice::Vacancy(v, start) => (Some(v), false, Some(start)),
        Choice::OwnJob(start) => (None, true, start),
        Choice::Nothing => (None, false, None),
    };
    Candidate {
        route_rank,
        own_job,
        vacancy_id: vacancy.as_ref().map(|v| v.id.clone()).unwrap_or_default(),
        pathway: Pathway {
            rank: 0,
            offering: o.id.clone(),
            name: o.name.clone(),
            institution: m.institution_name(o).to_string(),
            place: m.offering_place_name(e.offering),
            distance_km: e.distance_km.map(round1),
            // A route without training (herintreding) is a return to a job, whatever its rules say.
            needs_job: needs_job || !o.trains(),
            kind: o.kind,
            eligibility: e.eligibility,
            intake: intake.to_result(),
            vacancy,
            own_job,
            score,
            flags: flags.iter().map(|f| f.render(lang)).collect(),
            timeline: timeline(
                lang,
                intake,
                shown_start,
                go,
                Shape {
                    rolling: o.rolling_intake,
                    awards: o.occupational_credential_awarded != Qualification::Geen,
                    teaches,
                },
            ),
        },
    }
}

/// 60% route, 40% vacancy fit. Flags are information, not a penalty: the fit already
/// weighs how well a vacancy's start matches the training.
fn combine(route_score: u32, fit: u32) -> u32 {
    ((0.6 * f64::from(route_score) + 0.4 * f64::from(fit.min(100))).round() as u32).min(100)
}

/// Whether a vacancy's role is one the route leads to (the route kind's role; a PDG also
/// to the mbo instructeur's post it is often taken from).
fn role_fits(kind: RouteKind, route_role: Role, role: Role) -> bool {
    match route_role {
        Role::Leraarondersteuner => matches!(role, Role::Onderwijsassistent | Role::Leraarondersteuner),
        Role::Leraar if kind == RouteKind::Pdg => {
            matches!(role, Role::Leraar | Role::LeraarOnbevoegd | Role::Instructeur)
        }
        Role::Leraar | Role::LeraarOnbevoegd => matches!(role, Role::Leraar | Role::LeraarOnbevoegd),
        other => role == other,
    }
}

fn vacancy_match(m: &Index, vi: usize, d: Option<f64>) -> VacancyMatch {
    let v = &m.catalog.vacancies[vi];
    let place = m.vacancy_place_name(vi).to_string();
    VacancyMatch {
        id: v.id.clone(),
        title: v.title.clone(),
        employer: v.employer.clone(),
        place,
        distance_km: d.map(round1),
        job_start_date: v.job_start_date,
        valid_through: v.valid_through,
        work_hours: v.work_hours,
        employment_type: v.employment_type,
        url: v.url.clone(),
        demo: v.demo,
    }
}

/// What a route's timeline shows: a rolling route (herintreding, hybride docent) has no
/// deadline or cohort; a route that awards nothing ends in "completed", not "qualified".
#[derive(Clone, Copy, Debug)]
struct Shape {
    rolling: bool,
    awards: bool,
    /// The job teaches (`start-teaching`), else it is other work in a school (`start-work`).
    teaches: bool,
}

fn timeline(
    lang: Lang,
    t: &NextIntake,
    start_teaching: Option<Date>,
    go: Option<GoPlan>,
    shape: Shape,
) -> Vec<TimelineEvent> {
    let ev = |date: Date, event: &'static str| TimelineEvent {
        date,
        event,
        text: crate::result::Text::new(lang, &format!("timeline.{event}"), &[]),
    };
    let mut events = Vec::new();
    match go {
        // The GO starts the traject: the school requests it, the result follows in weeks.
        Some(go) => {
            // The traject starts on the GO date [S33b]: it begins when the school requests
            // it; the result follows within weeks.
            events.push(ev(go.request_by, "request-go"));
            events.push(ev(go.request_by, "geschiktheidsonderzoek"));
            if t.apply_by > go.request_by {
                events.push(ev(t.apply_by, "apply"));
            }
        }
        None if shape.rolling => {}
        None => events.push(ev(t.apply_by, "apply")),
    }
    if !shape.rolling {
        events.push(ev(t.start_date, "intake"));
    }
    if let Some(s) = start_teaching {
        events.push(ev(s, if shape.teaches { "start-teaching" } else { "start-work" }));
    }
    if shape.awards {
        events.push(ev(t.expected_qualification, "qualified"));
    } else if !shape.rolling {
        events.push(ev(t.expected_qualification, "completed"));
    }
    // By date; events on the same day keep the order above.
    let mut keyed: Vec<(Date, usize, TimelineEvent)> =
        events.into_iter().enumerate().map(|(i, e)| (e.date, i, e)).collect();
    keyed.sort_by_key(|a| (a.0, a.1));
    keyed.into_iter().map(|(_, _, e)| e).collect()
}
