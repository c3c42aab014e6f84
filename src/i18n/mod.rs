//! Messages and labels in Dutch (default) and English.
//!
//! Every message the core produces is a stable id plus parameters ([`crate::result::Text`]).
//! Parameters hold vocabulary ids; [`render`] turns them into labels of the language,
//! so a client may re-render a result in another language from ids alone.

use crate::result::Text;
use crate::model::vocab::*;
use crate::result::Params;

/// (id, nl, en). `{name}` is replaced by the parameter `name`.
const MESSAGES: &[(&str, &str, &str)] = &[
    // Rules: what a rule requires.
    ("rule.diploma-level", "Vereist een diploma: {levels}.", "Requires a diploma: {levels}."),
    ("rule.related-diploma", "Vereist een diploma ({levels}) in een vakgebied verwant aan {subject}.", "Requires a diploma ({levels}) in a field related to {subject}."),
    ("rule.qualification", "Vereist een bevoegdheid: {qualifications}.", "Requires a teaching qualification: {qualifications}."),
    ("rule.qualification-subject", "Vereist een bevoegdheid ({qualifications}) voor {subject}.", "Requires a teaching qualification ({qualifications}) in {subject}."),
    ("rule.school-job", "Vereist een baan of baanaanbod als {roles} bij een school ({sectors}), minstens {min_hours} uur per week.", "Requires a job or job offer as {roles} at a school ({sectors}), at least {min_hours} hours a week."),
    ("rule.school-job-any-hours", "Vereist een baan of baanaanbod als {roles} bij een school ({sectors}).", "Requires a job or job offer as {roles} at a school ({sectors})."),
    ("rule.geschiktheidsonderzoek", "Vereist een positief geschiktheidsonderzoek.", "Requires a positive suitability assessment (geschiktheidsonderzoek)."),
    ("rule.pabo-tests", "Vereist de pabo-toelatingstoetsen aardrijkskunde, geschiedenis en natuur & techniek.", "Requires the pabo admission tests in geography, history and science & technology."),
    ("rule.hbo-level-assessed", "Vereist een assessment dat hbo-werk- en denkniveau aantoont.", "Requires an assessment showing higher-professional (hbo) working level."),
    ("rule.dutch", "Vereist Nederlands op niveau {min} (NT2 Staatsexamen programma II).", "Requires Dutch at level {min} (NT2 state exam programme II)."),
    ("rule.foreign-or-non-native", "Geldt bij een buitenlands diploma of als Nederlands niet je moedertaal is.", "Applies to a foreign diploma or if Dutch is not your first language."),
    ("rule.no-recent-lerarenopleiding", "Je mag de afgelopen {years} jaar niet (zonder diploma) ingeschreven zijn geweest bij een lerarenopleiding.", "You must not have been enrolled at a teacher-training programme (without graduating) in the past {years} years."),
    ("rule.study", "Vereist een lopende studie ({levels}) met minstens {min_ec} EC.", "Requires current enrolment in a study ({levels}) with at least {min_ec} EC."),
    ("rule.min-age", "Vereist een leeftijd van minstens {years} jaar.", "Requires an age of at least {years}."),
    ("rule.subject-in", "Alleen voor de vakken {subjects}.", "Only for the subjects {subjects}."),
    ("rule.sector-in", "Geldt voor routes in {sectors}.", "Applies to routes in {sectors}."),
    ("rule.hours-above", "Geldt als je meer dan {hours} uur per week wilt lesgeven.", "Applies if you want to teach more than {hours} hours a week."),
    ("rule.vog", "Vereist een Verklaring Omtrent het Gedrag (VOG).", "Requires a certificate of conduct (VOG)."),
    ("rule.composite", "Voldoet niet aan regel {rule}.", "Does not meet rule {rule}."),
    // Actions: what a candidate can do.
    ("action.find-school", "Zoek een school die je wil aanstellen; bekijk de vacatures hieronder.", "Find a school that will employ you; see the vacancies below."),
    ("action.geschiktheidsonderzoek", "Doe het geschiktheidsonderzoek; meestal vraagt de school het aan.", "Take the suitability assessment; usually the school requests it."),
    ("action.pabo-tests", "Maak de pabo-toelatingstoetsen (twee pogingen; haal ze uiterlijk in het eerste jaar).", "Take the pabo admission tests (two attempts; pass them in year 1 at the latest)."),
    ("action.21plus-test", "Ben je 21 of ouder, doe dan het toelatingsonderzoek (21+-toets).", "If you are 21 or older, take the entrance examination (21+ test)."),
    ("action.nt2-b2", "Haal het NT2 Staatsexamen programma II (niveau B2).", "Pass the NT2 state exam programme II (level B2)."),
    ("action.diploma-recognition", "Laat je buitenlandse diploma waarderen (diplomawaardering).", "Have your foreign diploma's level recognised (credential evaluation)."),
    ("action.hbo-assessment", "Laat met een assessment je hbo-werk- en denkniveau vaststellen.", "Have your hbo working level established by an assessment."),
    ("action.confirm-age", "Controleer of je oud genoeg bent.", "Check that you are old enough."),
    ("action.max-6-hours", "Zonder bevoegdheid mag je hoogstens 6 uur per week lesgeven, onder begeleiding; voor meer uren heb je een route naar een bevoegdheid nodig.", "Without a teaching qualification you may teach at most 6 hours a week, under supervision; for more hours you need a route to a qualification."),
    ("action.give-field", "Geef de studierichting van je diploma op; dan kunnen we zien of die verwant is.", "Give the field of your diploma, so we can check whether it is related."),
    ("action.give-qualification-subject", "Geef op voor welk vak je bevoegdheid geldt.", "Give the subject of your teaching qualification."),
    ("action.give-study", "Geef je huidige studie op (niveau, richting, behaalde EC).", "Give your current study (level, field, credits earned)."),
    ("action.give-hours", "Geef op hoeveel uur per week je wilt werken en leren.", "Give how many hours a week you want to work and study."),
    ("action.vog", "Vraag een VOG aan bij Justis (via de school of zelf).", "Apply for a certificate of conduct (VOG) with Justis (through the school or yourself)."),
    ("action.check-with-institution", "Vraag de opleiding of je hieraan voldoet.", "Ask the institution whether you meet this."),
    ("action.school-job-hours", "Regel een aanstelling van genoeg uren (vaak minstens 0,4 fte).", "Arrange an appointment of enough hours (often at least 0.4 fte)."),
    // Score factors.
    ("factor.sector.open", "Je hebt geen voorkeur voor een sector opgegeven.", "You gave no sector preference."),
    ("factor.sector.match", "Past bij je voorkeur voor {sector}.", "Matches your preference for {sector}."),
    ("factor.sector.mismatch", "Leidt naar {sectors}, niet naar de sector die je koos.", "Leads to {sectors}, not the sector you chose."),
    ("factor.subject.none", "Deze route kent geen vak.", "This route has no subject."),
    ("factor.subject.open", "Je hebt geen voorkeursvak opgegeven.", "You gave no subject preference."),
    ("factor.subject.match", "Past bij je vak {subject}.", "Matches your subject {subject}."),
    ("factor.subject.mismatch", "Het vak {subject} staat niet bij je voorkeuren.", "{subject} is not among your subjects."),
    ("factor.qualification.awarded", "Leidt tot een bevoegdheid: {qualification}.", "Leads to a teaching qualification: {qualification}."),
    ("factor.qualification.held", "Leidt tot een bevoegdheid die je al hebt: {qualification}.", "Leads to a qualification you already hold: {qualification}."),
    ("factor.qualification.none", "Leidt niet tot een lesbevoegdheid.", "Does not lead to a teaching qualification."),
    ("factor.hours.open", "Je hebt geen uren per week opgegeven.", "You gave no hours per week."),
    ("factor.hours.fit", "Vraagt {route_hours} uur per week; jij hebt {hours}.", "Takes {route_hours} hours a week; you have {hours}."),
    ("factor.earn.paid", "Je verdient salaris tijdens de opleiding.", "You earn a salary while training."),
    ("factor.earn.unpaid-ok", "Onbetaald, en dat is voor jou geen bezwaar.", "Unpaid, which you said is fine."),
    ("factor.earn.unpaid", "Je verdient niet tijdens de opleiding.", "You do not earn while training."),
    ("factor.cost", "Kost jou ongeveer € {total} in totaal.", "Costs you about € {total} in total."),
    ("factor.duration", "Duurt {months} maanden.", "Takes {months} months."),
    ("factor.start.days", "Volgende start over {days} dagen.", "Next start in {days} days."),
    ("factor.start.none", "Geen haalbare startdatum bekend.", "No feasible start date known."),
    ("factor.travel.unknown", "Je woonplaats is niet bekend, dus de reisafstand ook niet.", "Your location is unknown, so the travel distance is too."),
    ("factor.travel.km", "{km} km van je woonplaats (maximaal {max_km} km).", "{km} km from where you live (at most {max_km} km)."),
    ("factor.shortage.percent", "Tekort aan leraren: {percent}% ({scope}, peildatum {peildatum}).", "Teacher shortage: {percent}% ({scope}, measured {peildatum})."),
    ("factor.shortage.unknown", "Geen tekortcijfer bekend.", "No shortage figure known."),
    // Pathways.
    ("flag.teaching-before-training", "Je begint {days} dagen vóór de opleiding met lesgeven.", "You would start teaching {days} days before the training starts."),
    ("flag.training-before-job", "De opleiding begint {days} dagen voordat de baan begint.", "The training starts {days} days before the job does."),
    ("flag.no-vacancy", "Deze route vraagt een baan, maar er is geen passende vacature gevonden.", "This route needs a job, but no matching vacancy was found."),
    ("timeline.apply", "Uiterlijk aanmelden", "Apply by"),
    ("timeline.geschiktheidsonderzoek", "Geschiktheidsonderzoek", "Suitability assessment"),
    ("timeline.intake", "Start opleiding", "Training starts"),
    ("timeline.start-teaching", "Start lesgeven", "Start teaching"),
    ("timeline.qualified", "Bevoegd", "Qualified"),
    // What-if changes.
    ("change.add-diploma", "Met een diploma {level}", "With a diploma {level}"),
    ("change.add-related-diploma", "Met een diploma {level} verwant aan {subject}", "With a diploma {level} related to {subject}"),
    ("change.add-qualification", "Met de bevoegdheid: {qualification}", "With the teaching qualification: {qualification}"),
    ("change.school-job", "Met een baan of baanaanbod als {roles} bij een school ({sector}), {hours} uur per week", "With a job or job offer as {roles} at a school ({sector}), {hours} hours a week"),
    ("change.geschiktheidsonderzoek", "Na een positief geschiktheidsonderzoek", "After a positive suitability assessment"),
    ("change.pabo-tests", "Na het halen van de pabo-toelatingstoetsen", "After passing the pabo admission tests"),
    ("change.hbo-assessment", "Na een assessment op hbo-niveau", "After an hbo-level assessment"),
    ("change.dutch", "Met Nederlands op niveau {min}", "With Dutch at level {min}"),
    ("change.vog", "Met een VOG", "With a certificate of conduct (VOG)"),
    ("change.recognition", "Als je buitenlandse diploma is gewaardeerd", "Once your foreign diploma is recognised"),
    ("change.wait-until", "Bij de instroom van {date}", "At the intake of {date}"),
    ("change.age", "Vanaf {years} jaar", "From age {years}"),
    // Notices.
    ("notice.unknown-place", "De plaats '{place}' staat niet in deze catalogus; afstanden worden niet berekend.", "The place '{place}' is not in this catalog; distances are not computed."),
    ("notice.no-location", "Geef je postcode of gemeente op om reisafstanden te zien.", "Give your postcode or municipality to see travel distances."),
];

/// Whether a message id exists (used to validate catalog action ids).
pub fn has_message(id: &str) -> bool {
    MESSAGES.iter().any(|(m, _, _)| *m == id)
}

/// Builds a rendered message.
pub fn text(lang: Lang, id: &str, params: &[(&str, String)]) -> Text {
    let params: Params = params.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
    let text = render(lang, id, &params);
    Text { id: id.to_string(), params, text }
}

/// Renders message `id` with `params` in `lang`. Unknown ids render as the id itself.
pub fn render(lang: Lang, id: &str, params: &Params) -> String {
    let Some((_, nl, en)) = MESSAGES.iter().find(|(m, _, _)| *m == id) else {
        return id.to_string();
    };
    let template = if lang == Lang::En { en } else { nl };
    let mut out = String::with_capacity(template.len() + 16);
    // (`split_once` rather than slicing by index: no slicing panic path in the wasm.)
    let mut rest = *template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        match after.split_once('}') {
            Some((key, next)) => {
                match params.get(key).map(String::as_str) {
                    Some(v) => out.push_str(&label_list(lang, key, v)),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = next;
            }
            None => {
                out.push('{');
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Joins ids for a parameter value (`"havo,vwo"`).
pub fn ids<T: std::fmt::Display>(items: &[T]) -> String {
    items.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")
}

/// Turns a comma-separated list of ids into labels, by parameter name.
fn label_list(lang: Lang, key: &str, value: &str) -> String {
    let kind = match key {
        "km" | "percent" | "total" => return number(lang, value),
        "levels" | "level" => "level",
        "subject" | "subjects" => "subject",
        "sector" | "sectors" => "sector",
        "qualification" | "qualifications" => "qualification",
        "min" => "dutch",
        "roles" => "role",
        _ => return value.to_string(),
    };
    let or = if lang == Lang::En { " or " } else { " of " };
    let labels: Vec<String> = value.split(',').filter(|s| !s.is_empty()).map(|id| label(lang, kind, id)).collect();
    match labels.len() {
        0 => String::new(),
        1 => labels[0].clone(),
        n => format!("{}{}{}", labels[..n - 1].join(", "), or, labels[n - 1]),
    }
}

/// A number written the way the language does: `10.404` and `5,6` in Dutch, `10,404`
/// and `5.6` in English. Parameters keep the plain form (`10404`, `5.6`).
fn number(lang: Lang, value: &str) -> String {
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return value.to_string();
    }
    let (group, decimal) = if lang == Lang::En { (',', '.') } else { ('.', ',') };
    let mut out = String::from(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// The label of a vocabulary id. Ids without a translation are shown as they are.
pub fn label(lang: Lang, kind: &str, id: &str) -> String {
    let en = lang == Lang::En;
    let s = match (kind, id) {
        ("sector", "po") => if en { "primary education" } else { "primair onderwijs" },
        ("sector", "vo") => if en { "secondary education" } else { "voortgezet onderwijs" },
        ("sector", "mbo") => if en { "vocational education (mbo)" } else { "mbo" },
        ("level", "geen") => if en { "none" } else { "geen" },
        ("level", "hbo-ad") => "associate degree",
        ("level", "hbo-propedeuse") => if en { "hbo first-year certificate" } else { "hbo-propedeuse" },
        ("level", "phd") => if en { "PhD" } else { "promotie" },
        ("level", l) => return l.replace('-', " "),
        ("qualification", "po") => if en { "primary (po)" } else { "po-bevoegdheid" },
        ("qualification", "tweedegraads") => if en { "second degree" } else { "tweedegraads" },
        ("qualification", "beperkt-tweedegraads") => if en { "restricted second degree" } else { "beperkt tweedegraads" },
        ("qualification", "eerstegraads") => if en { "first degree" } else { "eerstegraads" },
        ("qualification", "pdg") => "PDG",
        ("qualification", "geen") => if en { "no qualification" } else { "geen bevoegdheid" },
        ("dutch", "moedertaal") => if en { "native" } else { "moedertaal" },
        ("dutch", l) => return l.to_ascii_uppercase(),
        ("role", "leraar") => if en { "teacher" } else { "leraar" },
        ("role", "leraar-onbevoegd") => if en { "unqualified teacher" } else { "onbevoegd leraar" },
        ("role", "onderwijsassistent") => if en { "teaching assistant" } else { "onderwijsassistent" },
        ("role", "leraarondersteuner") => if en { "teacher's aide" } else { "leraarondersteuner" },
        ("role", "instructeur") => if en { "instructor" } else { "instructeur" },
        ("role", "overig") => if en { "staff member" } else { "medewerker" },
        ("subject", s) => return subject_label(lang, s),
        _ => return id.to_string(),
    };
    s.to_string()
}

fn subject_label(lang: Lang, id: &str) -> String {
    let en = lang == Lang::En;
    let s = match id {
        "nederlands" => if en { "Dutch" } else { "Nederlands" },
        "engels" => if en { "English" } else { "Engels" },
        "duits" => if en { "German" } else { "Duits" },
        "frans" => if en { "French" } else { "Frans" },
        "fries" => if en { "Frisian" } else { "Fries" },
        "klassieke-talen" => if en { "classics" } else { "klassieke talen" },
        "wiskunde" => if en { "mathematics" } else { "wiskunde" },
        "natuurkunde" => if en { "physics" } else { "natuurkunde" },
        "scheikunde" => if en { "chemistry" } else { "scheikunde" },
        "biologie" => if en { "biology" } else { "biologie" },
        "nask" => if en { "physics & chemistry (NaSk)" } else { "NaSk" },
        "informatica" => if en { "computer science" } else { "informatica" },
        "techniek" => if en { "technology" } else { "techniek" },
        "economie" => if en { "economics" } else { "economie" },
        "geschiedenis" => if en { "history" } else { "geschiedenis" },
        "aardrijkskunde" => if en { "geography" } else { "aardrijkskunde" },
        "maatschappijleer" => if en { "social studies" } else { "maatschappijleer" },
        "levensbeschouwing" => if en { "religious studies" } else { "levensbeschouwing" },
        "lichamelijke-opvoeding" => if en { "physical education" } else { "lichamelijke opvoeding" },
        "kunst" => if en { "arts" } else { "kunst" },
        "zorg-en-welzijn" => if en { "care & welfare" } else { "zorg en welzijn" },
        "beroepsgericht-vmbo" => if en { "vocational vmbo subjects" } else { "beroepsgerichte vakken vmbo" },
        "mbo-techniek" => if en { "mbo engineering" } else { "mbo techniek" },
        "mbo-zorg-welzijn" => if en { "mbo care & welfare" } else { "mbo zorg en welzijn" },
        "mbo-economie" => if en { "mbo business" } else { "mbo economie" },
        "mbo-ict" => "mbo ICT",
        "mbo-generiek" => if en { "mbo general subjects" } else { "mbo generieke vakken" },
        other => return other.to_string(),
    };
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_parameters_as_labels_in_both_languages() {
        let t = text(Lang::Nl, "rule.diploma-level", &[("levels", "havo,vwo,mbo-4".into())]);
        assert_eq!(t.text, "Vereist een diploma: havo, vwo of mbo 4.");
        let t = text(Lang::En, "rule.related-diploma", &[("levels", "hbo-bachelor".into()), ("subject", "wiskunde".into())]);
        assert_eq!(t.text, "Requires a diploma (hbo bachelor) in a field related to mathematics.");
    }

    #[test]
    fn numbers_are_written_per_language() {
        assert_eq!(number(Lang::Nl, "10404"), "10.404");
        assert_eq!(number(Lang::En, "10404"), "10,404");
        assert_eq!(number(Lang::Nl, "5.6"), "5,6");
        assert_eq!(number(Lang::En, "1234567.5"), "1,234,567.5");
        assert_eq!(number(Lang::Nl, "100"), "100");
        assert_eq!(number(Lang::Nl, "n/a"), "n/a");
        let t = text(Lang::Nl, "factor.travel.km", &[("km", "5.6".into()), ("max_km", "60".into())]);
        assert_eq!(t.text, "5,6 km van je woonplaats (maximaal 60 km).");
    }

    #[test]
    fn unknown_ids_and_missing_params_stay_visible() {
        assert_eq!(render(Lang::Nl, "no.such.id", &Params::default()), "no.such.id");
        assert_eq!(render(Lang::En, "change.wait-until", &Params::default()), "At the intake of {date}");
    }

    #[test]
    fn every_message_has_both_languages_and_matching_placeholders() {
        for (id, nl, en) in MESSAGES {
            assert!(!nl.is_empty() && !en.is_empty(), "{id}");
            let keys = |s: &str| {
                let mut k: Vec<String> = s.split('{').skip(1).filter_map(|p| p.split('}').next()).map(String::from).collect();
                k.sort();
                k
            };
            assert_eq!(keys(nl), keys(en), "placeholders differ in {id}");
        }
    }
}
