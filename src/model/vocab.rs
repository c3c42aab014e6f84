//! The product's vocabulary: the ids of the vocabulary (`docs/domain/VOCABULARY.md`) as Rust enums.
//!
//! Each enum serialises to exactly the documented id (`"pabo-voltijd"`, `"mbo-4"`), so
//! an unknown id in a catalog or profile is rejected at the door with the list of
//! valid ids. Labels for people live in [`crate::i18n`], never here.

use serde::{Deserialize, Serialize};

macro_rules! vocab {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $id:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum $name {
            $($(#[$vm])* #[serde(rename = $id)] $variant),+
        }
        impl $name {
            /// Every value, in vocabulary order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The stable id, as written in JSON.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.id())
            }
        }
    };
}

vocab!(
    /// A school sector.
    Sector { Po = "po", Vo = "vo", Mbo = "mbo" }
);

vocab!(
    /// The qualification (bevoegdheid) a route awards or a person holds.
    Qualification {
        Po = "po",
        Tweedegraads = "tweedegraads",
        BeperktTweedegraads = "beperkt-tweedegraads",
        Eerstegraads = "eerstegraads",
        Pdg = "pdg",
        Geen = "geen",
    }
);

vocab!(
    /// An education level of a diploma. Not a ladder: rules name the levels they accept.
    Level {
        Geen = "geen",
        Vmbo = "vmbo",
        Mbo2 = "mbo-2",
        Mbo3 = "mbo-3",
        Mbo4 = "mbo-4",
        Havo = "havo",
        Vwo = "vwo",
        HboAd = "hbo-ad",
        HboPropedeuse = "hbo-propedeuse",
        HboBachelor = "hbo-bachelor",
        WoBachelor = "wo-bachelor",
        HboMaster = "hbo-master",
        WoMaster = "wo-master",
        Phd = "phd",
    }
);

vocab!(
    /// A kind of route to the classroom.
    RouteKind {
        PaboVoltijd = "pabo-voltijd",
        PaboDeeltijd = "pabo-deeltijd",
        PaboVerkort = "pabo-verkort",
        PaboAcademisch = "pabo-academisch",
        ZijInstroomPo = "zij-instroom-po",
        ZijInstroomVoTweedegraads = "zij-instroom-vo-tweedegraads",
        ZijInstroomVoEerstegraads = "zij-instroom-vo-eerstegraads",
        Pdg = "pdg",
        LerarenopleidingTweedegraads = "lerarenopleiding-tweedegraads",
        Kopopleiding = "kopopleiding",
        EducatieveMinor = "educatieve-minor",
        EducatieveModule = "educatieve-module",
        MasterLeraarHbo = "master-leraar-hbo",
        MasterLeraarWo = "master-leraar-wo",
        EducatieveMaster = "educatieve-master",
        /// Educatieve Master Primair Onderwijs (CROHO 60979, 65026): a 2-year wo master
        /// that gives wo bachelors the po-bevoegdheid.
        EducatieveMasterPo = "educatieve-master-po",
        AdOnderwijs = "ad-onderwijs",
        OnderwijsassistentNaarLeraar = "onderwijsassistent-naar-leraar",
        Lio = "lio",
        Herintreding = "herintreding",
        HybrideDocent = "hybride-docent",
        /// mbo-4 Onderwijsassistent (crebo 25698), BOL or BBL: leads to the onderwijsassistent role (ROLES R-1).
        MboOnderwijsassistent = "mbo-onderwijsassistent",
        /// Instructeur in the mbo: a job the employer judges, with an optional course (ROLES R-4).
        InstructeurMbo = "instructeur-mbo",
    }
);

vocab!(
    /// How a programme is followed.
    Mode { Voltijd = "voltijd", Deeltijd = "deeltijd", Duaal = "duaal", WerkendLeren = "werkend-leren" }
);

vocab!(
    /// The verdict on one route for one profile.
    Eligibility { Eligible = "eligible", Conditional = "conditional", Ineligible = "ineligible" }
);

vocab!(
    /// A school subject (vo) or vocational field (mbo). po has none.
    Subject {
        Nederlands = "nederlands",
        Engels = "engels",
        Duits = "duits",
        Frans = "frans",
        Fries = "fries",
        KlassiekeTalen = "klassieke-talen",
        Wiskunde = "wiskunde",
        Natuurkunde = "natuurkunde",
        Scheikunde = "scheikunde",
        Biologie = "biologie",
        Nask = "nask",
        Informatica = "informatica",
        Techniek = "techniek",
        Economie = "economie",
        Geschiedenis = "geschiedenis",
        Aardrijkskunde = "aardrijkskunde",
        Maatschappijleer = "maatschappijleer",
        Levensbeschouwing = "levensbeschouwing",
        LichamelijkeOpvoeding = "lichamelijke-opvoeding",
        Kunst = "kunst",
        ZorgEnWelzijn = "zorg-en-welzijn",
        BeroepsgerichtVmbo = "beroepsgericht-vmbo",
        MboTechniek = "mbo-techniek",
        MboZorgWelzijn = "mbo-zorg-welzijn",
        MboEconomie = "mbo-economie",
        MboIct = "mbo-ict",
        MboGeneriek = "mbo-generiek",
    }
);

vocab!(
    /// Dutch language level: native, or a CEFR level (NT2 programma II = b2).
    Dutch { Moedertaal = "moedertaal", C2 = "c2", C1 = "c1", B2 = "b2", B1 = "b1", A2 = "a2" }
);

impl Dutch {
    /// Higher is better; native counts above C2.
    pub fn rank(self) -> u8 {
        match self {
            Dutch::Moedertaal => 6,
            Dutch::C2 => 5,
            Dutch::C1 => 4,
            Dutch::B2 => 3,
            Dutch::B1 => 2,
            Dutch::A2 => 1,
        }
    }
}

vocab!(
    /// A role at a school (a job someone holds, or a vacancy's role).
    Role {
        Leraar = "leraar",
        LeraarOnbevoegd = "leraar-onbevoegd",
        Onderwijsassistent = "onderwijsassistent",
        Leraarondersteuner = "leraarondersteuner",
        Instructeur = "instructeur",
        Overig = "overig",
    }
);

vocab!(
    /// The three pabo admission tests (bijzondere nadere vooropleidingseisen).
    PaboTest { Aardrijkskunde = "aardrijkskunde", Geschiedenis = "geschiedenis", NatuurEnTechniek = "natuur-en-techniek" }
);

vocab!(
    /// How much the candidate wants to earn while training.
    #[derive(Default)]
    EarnWish { Required = "required", Preferred = "preferred", #[default] NoPreference = "no-preference" }
);

vocab!(
    /// Structural post or replacement (vervanging), as schema.org `employmentType`.
    EmploymentType { Structureel = "structureel", Vervanging = "vervanging" }
);

vocab!(
    /// Whether an intake date is published by the institution or estimated from its pattern
    /// (an estimate unless the catalog says it is confirmed).
    #[derive(Default)]
    IntakeStatus { Confirmed = "confirmed", #[default] Typical = "typical" }
);

vocab!(
    /// How sure the source of a rule or figure is (ROUTES.md flags).
    #[derive(Default)]
    SourceStatus { #[default] Confirmed = "confirmed", Unconfirmed = "unconfirmed", Conflict = "conflict", Dated = "dated" }
);

vocab!(
    /// What an unmet rule does to the verdict.
    Effect { Block = "block", Condition = "condition" }
);

vocab!(
    /// Who pays a route's cost and on what basis.
    CostBasis {
        Collegegeld = "collegegeld",
        Instellingscollegegeld = "instellingscollegegeld",
        Cursusgeld = "cursusgeld",
        Werkgever = "werkgever",
        /// A course fee the employer usually, not always, pays (the PDG, ROUTES row 8): the
        /// candidate is not charged as a rule, and the fee (`cost_figure`) is named.
        WerkgeverMeestal = "werkgever-meestal",
        /// Part of the fee of a programme the person already follows (the educatieve minor
        /// inside a bachelor): nothing extra.
        Inbegrepen = "inbegrepen",
        Geen = "geen",
    }
);

vocab!(
    /// The type of an admission-rule test (`Test` in the model).
    TestType {
        DiplomaLevel = "diploma-level",
        RelatedDiploma = "related-diploma",
        Qualification = "qualification",
        SchoolJob = "school-job",
        Geschiktheidsonderzoek = "geschiktheidsonderzoek",
        PaboTests = "pabo-tests",
        HboLevelAssessed = "hbo-level-assessed",
        Dutch = "dutch",
        ForeignOrNonNative = "foreign-or-non-native",
        NoRecentLerarenopleiding = "no-recent-lerarenopleiding",
        Study = "study",
        MinAge = "min-age",
        SubjectIn = "subject-in",
        SectorIn = "sector-in",
        HoursAbove = "hours-above",
        Vog = "vog",
        AllOf = "all-of",
        AnyOf = "any-of",
        Not = "not",
    }
);

vocab!(
    /// The kind of an [`crate::model::Activity`] (Routewijzer's own ids, not in the domain brief).
    ActivityType {
        /// An institution's open day.
        OpenDag = "open-dag",
        /// A day following classes at an institution or a school.
        Meeloopdag = "meeloopdag",
        /// An information meeting or evening (pabo, lerarenopleiding, zij-instroom...).
        Informatiebijeenkomst = "informatiebijeenkomst",
        /// Trying out a programme for a day or more.
        Proefstuderen = "proefstuderen",
        /// The loket's own event (advice evening, fair, ...).
        Loket = "loket",
    }
);

vocab!(
    /// Whether an activity takes place at a location, online or both (schema.org
    /// `eventAttendanceMode`).
    AttendanceMode { Offline = "offline", Online = "online", Mixed = "mixed" }
);

vocab!(
    /// Output language.
    #[derive(Default)]
    Lang { #[default] Nl = "nl", En = "en" }
);

impl CostBasis {
    /// Whether the candidate pays a fee on this basis (else the employer pays, or nothing
    /// is due).
    pub fn pays_fee(self) -> bool {
        matches!(self, CostBasis::Collegegeld | CostBasis::Instellingscollegegeld | CostBasis::Cursusgeld)
    }
}

impl Subject {
    /// A vocational field of the mbo (no subject bevoegdheden there in law, ROUTES §1).
    pub fn is_mbo_field(self) -> bool {
        matches!(
            self,
            Subject::MboTechniek
                | Subject::MboZorgWelzijn
                | Subject::MboEconomie
                | Subject::MboIct
                | Subject::MboGeneriek
        )
    }
}

impl SourceStatus {
    pub fn is_confirmed(&self) -> bool {
        *self == SourceStatus::Confirmed
    }
}

impl Level {
    /// Bachelor-or-higher degrees (hbo or wo).
    pub const DEGREES: &'static [Level] =
        &[Level::HboBachelor, Level::WoBachelor, Level::HboMaster, Level::WoMaster, Level::Phd];
}
