//! Lemma macros: every inflected form of a French verb, noun or adjective.
//!
//! Rule patterns write `{prendre} place` or `{n:digital}`; [`expand`] lists the
//! forms such a macro matches, each tagged with its grammatical [`Slot`], and
//! [`inflect`] produces a replacement lemma in the slot of the matched form.

/// A grammatical slot of an inflected form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    /// The infinitive (`prendre`).
    Infinitive,
    /// The present participle (`prenant`).
    PresentParticiple,
    /// A past participle (`pris`, `prise`, `pris`, `prises`).
    PastParticiple {
        /// Whether the form agrees with a feminine noun.
        feminine: bool,
        /// Whether the form agrees with a plural noun.
        plural: bool,
    },
    /// A conjugated form in a tense and person (`prendront`).
    Finite {
        /// The tense (and mood) of the form.
        tense: Tense,
        /// The grammatical person of the form.
        person: Person,
    },
    /// An imperative form; only 2s, 1p and 2p exist (`prends`, `prenons`, `prenez`).
    Imperative {
        /// The grammatical person of the form.
        person: Person,
    },
    /// A noun or adjective form (`digitale`, `blocs`).
    Nominal {
        /// Whether the form is feminine.
        feminine: bool,
        /// Whether the form is plural.
        plural: bool,
    },
}

/// A tense (with its mood) of a finite verb form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    /// Indicative present (`prend`).
    Present,
    /// Indicative imperfect (`prenait`).
    Imperfect,
    /// Passé simple (`prit`).
    SimplePast,
    /// Simple future (`prendra`).
    Future,
    /// Present conditional (`prendrait`).
    Conditional,
    /// Present subjunctive (`prenne`).
    Subjunctive,
    /// Imperfect subjunctive (`prît`).
    ImperfectSubjunctive,
}

/// A grammatical person: first to third, singular or plural.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Person {
    /// First person singular (je).
    S1,
    /// Second person singular (tu).
    S2,
    /// Third person singular (il, elle, on).
    S3,
    /// First person plural (nous).
    P1,
    /// Second person plural (vous).
    P2,
    /// Third person plural (ils, elles).
    P3,
}

/// Every inflected form of a macro, e.g. "prendre", "v:prendre" or "n:digital"; None when the word cannot be inflected.
pub fn expand(macro_body: &str) -> Option<Vec<(Slot, String)>> {
    let (kind, word) = parse(macro_body)?;
    let mut out = Forms::default();
    match kind {
        Kind::Verb => conjugate(&word, &mut out)?,
        Kind::Nominal => decline(&word, &mut out),
    }
    let forms = out.finish();
    (!forms.is_empty()).then_some(forms)
}

/// The form of `macro_body` in `slot`, falling back to the nearest slot when absent; None when not inflectable.
pub fn inflect(macro_body: &str, slot: Slot) -> Option<String> {
    let mut forms = expand(macro_body)?;
    let index =
        fallbacks(slot).into_iter().find_map(|wanted| forms.iter().position(|(s, _)| *s == wanted)).unwrap_or(0);
    if index < forms.len() { Some(forms.swap_remove(index).1) } else { None }
}

// ---------------------------------------------------------------------------
// Macro parsing
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Verb,
    Nominal,
}

/// Splits `v:`/`n:` off a macro body, lowercases and validates the word.
fn parse(body: &str) -> Option<(Kind, String)> {
    let body = body.trim().to_lowercase();
    let (forced, word) = if let Some(w) = body.strip_prefix("v:") {
        (Some(Kind::Verb), w)
    } else if let Some(w) = body.strip_prefix("n:") {
        (Some(Kind::Nominal), w)
    } else {
        (None, body.as_str())
    };
    if !is_single_word(word) {
        return None;
    }
    let kind = forced.unwrap_or(if looks_like_verb(word) { Kind::Verb } else { Kind::Nominal });
    Some((kind, word.to_string()))
}

/// One word: letters, inner hyphens or apostrophes, starting and ending with a letter.
fn is_single_word(word: &str) -> bool {
    let first = word.chars().next();
    let last = word.chars().next_back();
    matches!((first, last), (Some(a), Some(b)) if a.is_alphabetic() && b.is_alphabetic())
        && word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
}

/// Bare words ending in -er, -ir (-oir, -ïr) or -re are verbs.
fn looks_like_verb(word: &str) -> bool {
    ["er", "ir", "re", "ïr"].iter().any(|e| word.ends_with(e))
}

// ---------------------------------------------------------------------------
// Output collection
// ---------------------------------------------------------------------------

/// Forms collected in generation order, deduplicated, sorted by slot at the end.
#[derive(Default)]
struct Forms(Vec<(Slot, String)>);

impl Forms {
    /// Adds a form and, when the 1990 spelling reform changes it, its reformed spelling.
    fn push(&mut self, slot: Slot, form: String) {
        if form.is_empty() {
            return;
        }
        let reformed = reform_variant(slot, &form);
        self.add(slot, form);
        if let Some(r) = reformed {
            self.add(slot, r);
        }
    }

    fn add(&mut self, slot: Slot, form: String) {
        if !self.0.iter().any(|(s, f)| *s == slot && *f == form) {
            self.0.push((slot, form));
        }
    }

    /// Orders the forms so that the most likely slot of an ambiguous form comes first.
    fn finish(mut self) -> Vec<(Slot, String)> {
        self.0.sort_by_key(|(slot, _)| rank(*slot));
        self.0
    }
}

/// Output order: infinitive, participles, present, imperfect, future, conditional,
/// subjunctive, imperative, simple past, imperfect subjunctive, then nominal forms.
fn rank(slot: Slot) -> u16 {
    let agreement = |feminine: bool, plural: bool| u16::from(plural) * 2 + u16::from(feminine);
    match slot {
        Slot::Infinitive => 0,
        Slot::PastParticiple { feminine, plural } => 1 + agreement(feminine, plural),
        Slot::PresentParticiple => 5,
        Slot::Finite { tense, person } => {
            let t = match tense {
                Tense::Present => 1,
                Tense::Imperfect => 2,
                Tense::Future => 3,
                Tense::Conditional => 4,
                Tense::Subjunctive => 5,
                Tense::SimplePast => 7,
                Tense::ImperfectSubjunctive => 8,
            };
            t * 10 + person_index(person)
        }
        Slot::Imperative { person } => 60 + person_index(person),
        Slot::Nominal { feminine, plural } => 100 + agreement(feminine, plural),
    }
}

fn person_index(person: Person) -> u16 {
    match person {
        Person::S1 => 0,
        Person::S2 => 1,
        Person::S3 => 2,
        Person::P1 => 3,
        Person::P2 => 4,
        Person::P3 => 5,
    }
}

/// The 1990 reform drops the circumflex on i and u, except in passé simple and
/// imperfect subjunctive endings, in dû/mû/crû and in mûr, sûr, jeûne.
fn reform_variant(slot: Slot, form: &str) -> Option<String> {
    if matches!(slot, Slot::Finite { tense: Tense::SimplePast | Tense::ImperfectSubjunctive, .. })
        || !form.contains(['î', 'û'])
        || form.ends_with('û')
        || ["sûr", "mûr", "jeûn"].iter().any(|k| form.contains(k))
    {
        return None;
    }
    Some(
        form.chars()
            .map(|c| match c {
                'î' => 'i',
                'û' => 'u',
                other => other,
            })
            .collect(),
    )
}

/// Slots to try, nearest first, when `slot` has no form.
fn fallbacks(slot: Slot) -> Vec<Slot> {
    let nominal = |feminine, plural| Slot::Nominal { feminine, plural };
    let participle = |feminine, plural| Slot::PastParticiple { feminine, plural };
    let agreement = |f: bool, p: bool, first: &dyn Fn(bool, bool) -> Slot, then: &dyn Fn(bool, bool) -> Slot| {
        vec![
            first(f, p),
            first(f, false),
            first(false, p),
            first(false, false),
            then(f, p),
            then(f, false),
            then(false, p),
            then(false, false),
            Slot::Infinitive,
        ]
    };
    let finite = |tenses: &[Tense], person: Person| {
        let same_number = if matches!(person, Person::P1 | Person::P2 | Person::P3) { Person::P3 } else { Person::S3 };
        let persons = [person, same_number, Person::S3, Person::P3, Person::S1, Person::P1];
        let mut out: Vec<Slot> = tenses
            .iter()
            .flat_map(|&tense| persons.iter().map(move |&person| Slot::Finite { tense, person }))
            .collect();
        out.extend([Slot::Infinitive, nominal(false, false)]);
        out
    };
    match slot {
        Slot::Nominal { feminine, plural } => agreement(feminine, plural, &nominal, &participle),
        Slot::PastParticiple { feminine, plural } => agreement(feminine, plural, &participle, &nominal),
        Slot::PresentParticiple => vec![slot, Slot::Infinitive, nominal(false, false)],
        Slot::Infinitive => vec![slot, nominal(false, false)],
        Slot::Finite { tense, person } => {
            let nearest = match tense {
                Tense::SimplePast => Tense::Imperfect,
                Tense::ImperfectSubjunctive => Tense::Subjunctive,
                Tense::Conditional => Tense::Future,
                _ => Tense::Present,
            };
            finite(&[tense, nearest, Tense::Present], person)
        }
        Slot::Imperative { person } => {
            let mut out = vec![slot];
            out.extend(finite(&[Tense::Present, Tense::Subjunctive], person));
            out
        }
    }
}

// ---------------------------------------------------------------------------
// Verbs
// ---------------------------------------------------------------------------

const PERSONS: [Person; 6] = [Person::S1, Person::S2, Person::S3, Person::P1, Person::P2, Person::P3];
const IMPERFECT_ENDINGS: [&str; 6] = ["ais", "ais", "ait", "ions", "iez", "aient"];
const FUTURE_ENDINGS: [&str; 6] = ["ai", "as", "a", "ons", "ez", "ont"];
const SUBJUNCTIVE_ENDINGS: [&str; 6] = ["e", "es", "e", "ions", "iez", "ent"];
const FIRST_GROUP_PRESENT: [&str; 6] = ["e", "es", "e", "ons", "ez", "ent"];

/// Vowel type of the passé simple and imperfect subjunctive.
#[derive(Clone, Copy)]
enum Vowel {
    /// -ai, -âmes (first group, aller).
    A,
    /// -is, -îmes (prendre, finir).
    I,
    /// -us, -ûmes (avoir, courir).
    U,
    /// -ins, -înmes (tenir, venir).
    In,
    /// -ïs, -ïmes (haïr).
    IDiaeresis,
}

impl Vowel {
    fn simple_past(self) -> [&'static str; 6] {
        match self {
            Vowel::A => ["ai", "as", "a", "âmes", "âtes", "èrent"],
            Vowel::I => ["is", "is", "it", "îmes", "îtes", "irent"],
            Vowel::U => ["us", "us", "ut", "ûmes", "ûtes", "urent"],
            Vowel::In => ["ins", "ins", "int", "înmes", "întes", "inrent"],
            Vowel::IDiaeresis => ["ïs", "ïs", "ït", "ïmes", "ïtes", "ïrent"],
        }
    }

    fn imperfect_subjunctive(self) -> [&'static str; 6] {
        match self {
            Vowel::A => ["asse", "asses", "ât", "assions", "assiez", "assent"],
            Vowel::I => ["isse", "isses", "ît", "issions", "issiez", "issent"],
            Vowel::U => ["usse", "usses", "ût", "ussions", "ussiez", "ussent"],
            Vowel::In => ["insse", "insses", "înt", "inssions", "inssiez", "inssent"],
            Vowel::IDiaeresis => ["ïsse", "ïsses", "ït", "ïssions", "ïssiez", "ïssent"],
        }
    }
}

/// Present subjunctive: two stems (1s/2s/3s/3p and 1p/2p) or six full endings.
#[derive(Clone, Copy)]
enum Subj {
    Stems(&'static str, &'static str),
    Full([&'static str; 6]),
}

/// Imperative: derived from the present (2s, 1p, 2p), given, or absent.
#[derive(Clone, Copy)]
enum Imp {
    Derived,
    Forms([&'static str; 3]),
    Absent,
}

const ALL_PERSONS: u8 = 0b11_1111;

/// Principal parts of an irregular verb (or class of verbs), as endings added to the
/// stem obtained by removing `strip` from the infinitive; `|` separates variants.
#[derive(Clone, Copy)]
struct Model {
    strip: &'static str,
    present: [&'static str; 6],
    imperfect: &'static str,
    future: &'static str,
    subj: Subj,
    simple_past: Option<(&'static str, Vowel)>,
    past_participle: Option<&'static str>,
    feminine_participle: Option<&'static str>,
    invariable_participle: bool,
    present_participle: Option<&'static str>,
    imperative: Imp,
    persons: u8,
}

const BASE: Model = Model {
    strip: "",
    present: [""; 6],
    imperfect: "",
    future: "",
    subj: Subj::Stems("", ""),
    simple_past: None,
    past_participle: None,
    feminine_participle: None,
    invariable_participle: false,
    present_participle: None,
    imperative: Imp::Derived,
    persons: ALL_PERSONS,
};

/// Which prefixes a table key accepts in front of it.
#[derive(Clone, Copy)]
enum Pre {
    /// Any prefix (comprendre, obtenir, décrire).
    Any,
    /// Only these prefixes ("" is the bare verb).
    Only(&'static [&'static str]),
}

const EXACT: Pre = Pre::Only(&[""]);

impl Pre {
    fn allows(self, prefix: &str) -> bool {
        match self {
            Pre::Any => true,
            Pre::Only(list) => list.contains(&prefix),
        }
    }
}

/// A whole-morpheme key of the irregular table; the longest matching key wins,
/// and on equal length the first listed.
struct Entry {
    key: &'static str,
    pre: Pre,
    model: &'static Model,
}

// --- Models ---------------------------------------------------------------

const ETRE: Model = Model {
    strip: "être",
    present: ["suis", "es", "est", "sommes", "êtes", "sont"],
    imperfect: "ét",
    future: "ser",
    subj: Subj::Full(["sois", "sois", "soit", "soyons", "soyez", "soient"]),
    simple_past: Some(("f", Vowel::U)),
    past_participle: Some("été"),
    invariable_participle: true,
    present_participle: Some("étant"),
    imperative: Imp::Forms(["sois", "soyons", "soyez"]),
    ..BASE
};
const AVOIR: Model = Model {
    strip: "avoir",
    present: ["ai", "as", "a", "avons", "avez", "ont"],
    imperfect: "av",
    future: "aur",
    subj: Subj::Full(["aie", "aies", "ait", "ayons", "ayez", "aient"]),
    simple_past: Some(("e", Vowel::U)),
    past_participle: Some("eu"),
    present_participle: Some("ayant"),
    imperative: Imp::Forms(["aie", "ayons", "ayez"]),
    ..BASE
};
const ALLER: Model = Model {
    strip: "aller",
    present: ["vais", "vas", "va", "allons", "allez", "vont"],
    imperfect: "all",
    future: "ir",
    subj: Subj::Stems("aill", "all"),
    simple_past: Some(("all", Vowel::A)),
    past_participle: Some("allé"),
    present_participle: Some("allant"),
    imperative: Imp::Forms(["va", "allons", "allez"]),
    ..BASE
};
const FAIRE: Model = Model {
    strip: "faire",
    present: ["fais", "fais", "fait", "faisons", "faites", "font"],
    imperfect: "fais",
    future: "fer",
    subj: Subj::Stems("fass", "fass"),
    simple_past: Some(("f", Vowel::I)),
    past_participle: Some("fait"),
    present_participle: Some("faisant"),
    ..BASE
};
const DIRE: Model = Model {
    strip: "dire",
    present: ["dis", "dis", "dit", "disons", "dites", "disent"],
    imperfect: "dis",
    future: "dir",
    subj: Subj::Stems("dis", "dis"),
    simple_past: Some(("d", Vowel::I)),
    past_participle: Some("dit"),
    present_participle: Some("disant"),
    ..BASE
};
/// contredire, interdire, médire, prédire, dédire: vous -disez.
const DIRE_SEZ: Model = Model { present: ["dis", "dis", "dit", "disons", "disez", "disent"], ..DIRE };
const MAUDIRE: Model = Model {
    strip: "ire",
    present: ["is", "is", "it", "issons", "issez", "issent"],
    imperfect: "iss",
    future: "ir",
    subj: Subj::Stems("iss", "iss"),
    simple_past: Some(("", Vowel::I)),
    past_participle: Some("it"),
    present_participle: Some("issant"),
    ..BASE
};
const VOIR: Model = Model {
    strip: "oir",
    present: ["ois", "ois", "oit", "oyons", "oyez", "oient"],
    imperfect: "oy",
    future: "err",
    subj: Subj::Stems("oi", "oy"),
    simple_past: Some(("", Vowel::I)),
    past_participle: Some("u"),
    present_participle: Some("oyant"),
    ..BASE
};
const PREVOIR: Model = Model { future: "oir", ..VOIR };
const POURVOIR: Model = Model { future: "oir", simple_past: Some(("", Vowel::U)), ..VOIR };
const POUVOIR: Model = Model {
    strip: "pouvoir",
    present: ["peux", "peux", "peut", "pouvons", "pouvez", "peuvent"],
    imperfect: "pouv",
    future: "pourr",
    subj: Subj::Stems("puiss", "puiss"),
    simple_past: Some(("p", Vowel::U)),
    past_participle: Some("pu"),
    invariable_participle: true,
    present_participle: Some("pouvant"),
    imperative: Imp::Absent,
    ..BASE
};
const VOULOIR: Model = Model {
    strip: "vouloir",
    present: ["veux", "veux", "veut", "voulons", "voulez", "veulent"],
    imperfect: "voul",
    future: "voudr",
    subj: Subj::Stems("veuill", "voul"),
    simple_past: Some(("voul", Vowel::U)),
    past_participle: Some("voulu"),
    present_participle: Some("voulant"),
    imperative: Imp::Forms(["veuille", "veuillons", "veuillez"]),
    ..BASE
};
const DEVOIR: Model = Model {
    strip: "devoir",
    present: ["dois", "dois", "doit", "devons", "devez", "doivent"],
    imperfect: "dev",
    future: "devr",
    subj: Subj::Stems("doiv", "dev"),
    simple_past: Some(("d", Vowel::U)),
    past_participle: Some("dû"),
    present_participle: Some("devant"),
    ..BASE
};
const SAVOIR: Model = Model {
    strip: "savoir",
    present: ["sais", "sais", "sait", "savons", "savez", "savent"],
    imperfect: "sav",
    future: "saur",
    subj: Subj::Stems("sach", "sach"),
    simple_past: Some(("s", Vowel::U)),
    past_participle: Some("su"),
    present_participle: Some("sachant"),
    imperative: Imp::Forms(["sache", "sachons", "sachez"]),
    ..BASE
};
const FALLOIR: Model = Model {
    strip: "falloir",
    present: ["", "", "faut", "", "", ""],
    imperfect: "fall",
    future: "faudr",
    subj: Subj::Stems("faill", "fall"),
    simple_past: Some(("fall", Vowel::U)),
    past_participle: Some("fallu"),
    invariable_participle: true,
    imperative: Imp::Absent,
    persons: 0b00_0100,
    ..BASE
};
const PLEUVOIR: Model = Model {
    strip: "pleuvoir",
    present: ["", "", "pleut", "", "", "pleuvent"],
    imperfect: "pleuv",
    future: "pleuvr",
    subj: Subj::Stems("pleuv", "pleuv"),
    simple_past: Some(("pl", Vowel::U)),
    past_participle: Some("plu"),
    invariable_participle: true,
    present_participle: Some("pleuvant"),
    imperative: Imp::Absent,
    persons: 0b10_0100,
    ..BASE
};
const VALOIR: Model = Model {
    strip: "valoir",
    present: ["vaux", "vaux", "vaut", "valons", "valez", "valent"],
    imperfect: "val",
    future: "vaudr",
    subj: Subj::Stems("vaill", "val"),
    simple_past: Some(("val", Vowel::U)),
    past_participle: Some("valu"),
    present_participle: Some("valant"),
    ..BASE
};
const MOUVOIR: Model = Model {
    strip: "mouvoir",
    present: ["meus", "meus", "meut", "mouvons", "mouvez", "meuvent"],
    imperfect: "mouv",
    future: "mouvr",
    subj: Subj::Stems("meuv", "mouv"),
    simple_past: Some(("m", Vowel::U)),
    past_participle: Some("mû"),
    present_participle: Some("mouvant"),
    ..BASE
};
/// recevoir, apercevoir, décevoir, concevoir, percevoir.
const CEVOIR: Model = Model {
    strip: "cevoir",
    present: ["çois", "çois", "çoit", "cevons", "cevez", "çoivent"],
    imperfect: "cev",
    future: "cevr",
    subj: Subj::Stems("çoiv", "cev"),
    simple_past: Some(("ç", Vowel::U)),
    past_participle: Some("çu"),
    present_participle: Some("cevant"),
    ..BASE
};
const ASSEOIR: Model = Model {
    strip: "asseoir",
    present: [
        "assieds|assois",
        "assieds|assois",
        "assied|assoit",
        "asseyons|assoyons",
        "asseyez|assoyez",
        "asseyent|assoient",
    ],
    imperfect: "assey|assoy",
    future: "assiér|assoir",
    subj: Subj::Stems("assey|assoi", "assey|assoy"),
    simple_past: Some(("ass", Vowel::I)),
    past_participle: Some("assis"),
    present_participle: Some("asseyant|assoyant"),
    ..BASE
};
const PRENDRE: Model = Model {
    strip: "prendre",
    present: ["prends", "prends", "prend", "prenons", "prenez", "prennent"],
    imperfect: "pren",
    future: "prendr",
    subj: Subj::Stems("prenn", "pren"),
    simple_past: Some(("pr", Vowel::I)),
    past_participle: Some("pris"),
    present_participle: Some("prenant"),
    ..BASE
};
const METTRE: Model = Model {
    strip: "mettre",
    present: ["mets", "mets", "met", "mettons", "mettez", "mettent"],
    imperfect: "mett",
    future: "mettr",
    subj: Subj::Stems("mett", "mett"),
    simple_past: Some(("m", Vowel::I)),
    past_participle: Some("mis"),
    present_participle: Some("mettant"),
    ..BASE
};
const BATTRE: Model = Model {
    strip: "tre",
    present: ["s", "s", "", "tons", "tez", "tent"],
    imperfect: "t",
    future: "tr",
    subj: Subj::Stems("t", "t"),
    simple_past: Some(("t", Vowel::I)),
    past_participle: Some("tu"),
    present_participle: Some("tant"),
    ..BASE
};
/// The -dre model: rendre, attendre, répondre, perdre, vendre…
const DRE: Model = Model {
    strip: "re",
    present: ["s", "s", "", "ons", "ez", "ent"],
    imperfect: "",
    future: "r",
    subj: Subj::Stems("", ""),
    simple_past: Some(("", Vowel::I)),
    past_participle: Some("u"),
    present_participle: Some("ant"),
    ..BASE
};
/// rompre, corrompre, interrompre: il rompt.
const ROMPRE: Model = Model { present: ["s", "s", "t", "ons", "ez", "ent"], ..DRE };
const RESOUDRE: Model = Model {
    strip: "oudre",
    present: ["ous", "ous", "out", "olvons", "olvez", "olvent"],
    imperfect: "olv",
    future: "oudr",
    subj: Subj::Stems("olv", "olv"),
    simple_past: Some(("ol", Vowel::U)),
    past_participle: Some("olu"),
    present_participle: Some("olvant"),
    ..BASE
};
/// absoudre, dissoudre: absous, absoute.
const ABSOUDRE: Model = Model { past_participle: Some("ous"), feminine_participle: Some("oute"), ..RESOUDRE };
const COUDRE: Model = Model {
    strip: "dre",
    present: ["ds", "ds", "d", "sons", "sez", "sent"],
    imperfect: "s",
    future: "dr",
    subj: Subj::Stems("s", "s"),
    simple_past: Some(("s", Vowel::I)),
    past_participle: Some("su"),
    present_participle: Some("sant"),
    ..BASE
};
const MOUDRE: Model = Model {
    strip: "dre",
    present: ["ds", "ds", "d", "lons", "lez", "lent"],
    imperfect: "l",
    future: "dr",
    subj: Subj::Stems("l", "l"),
    simple_past: Some(("l", Vowel::U)),
    past_participle: Some("lu"),
    present_participle: Some("lant"),
    ..BASE
};
/// -aindre, -eindre, -oindre: craindre, peindre, joindre.
const INDRE: Model = Model {
    strip: "ndre",
    present: ["ns", "ns", "nt", "gnons", "gnez", "gnent"],
    imperfect: "gn",
    future: "ndr",
    subj: Subj::Stems("gn", "gn"),
    simple_past: Some(("gn", Vowel::I)),
    past_participle: Some("nt"),
    present_participle: Some("gnant"),
    ..BASE
};
/// -uire: conduire, construire, produire, réduire, traduire, cuire…
const UIRE: Model = Model {
    strip: "re",
    present: ["s", "s", "t", "sons", "sez", "sent"],
    imperfect: "s",
    future: "r",
    subj: Subj::Stems("s", "s"),
    simple_past: Some(("s", Vowel::I)),
    past_participle: Some("t"),
    present_participle: Some("sant"),
    ..BASE
};
/// nuire, luire: invariable participle nui, lui.
const NUIRE: Model = Model { past_participle: Some(""), invariable_participle: true, ..UIRE };
const RIRE: Model = Model {
    strip: "ire",
    present: ["is", "is", "it", "ions", "iez", "ient"],
    imperfect: "i",
    future: "ir",
    subj: Subj::Stems("i", "i"),
    simple_past: Some(("", Vowel::I)),
    past_participle: Some("i"),
    invariable_participle: true,
    present_participle: Some("iant"),
    ..BASE
};
const LIRE: Model = Model {
    strip: "ire",
    present: ["is", "is", "it", "isons", "isez", "isent"],
    imperfect: "is",
    future: "ir",
    subj: Subj::Stems("is", "is"),
    simple_past: Some(("", Vowel::U)),
    past_participle: Some("u"),
    present_participle: Some("isant"),
    ..BASE
};
const SUFFIRE: Model =
    Model { simple_past: Some(("", Vowel::I)), past_participle: Some("i"), invariable_participle: true, ..LIRE };
/// écrire, décrire, inscrire, souscrire, prescrire, transcrire.
const CRIRE: Model = Model {
    strip: "re",
    present: ["s", "s", "t", "vons", "vez", "vent"],
    imperfect: "v",
    future: "r",
    subj: Subj::Stems("v", "v"),
    simple_past: Some(("v", Vowel::I)),
    past_participle: Some("t"),
    present_participle: Some("vant"),
    ..BASE
};
const CROIRE: Model = Model {
    strip: "oire",
    present: ["ois", "ois", "oit", "oyons", "oyez", "oient"],
    imperfect: "oy",
    future: "oir",
    subj: Subj::Stems("oi", "oy"),
    simple_past: Some(("", Vowel::U)),
    past_participle: Some("u"),
    present_participle: Some("oyant"),
    ..BASE
};
const BOIRE: Model = Model {
    strip: "oire",
    present: ["ois", "ois", "oit", "uvons", "uvez", "oivent"],
    imperfect: "uv",
    future: "oir",
    subj: Subj::Stems("oiv", "uv"),
    simple_past: Some(("", Vowel::U)),
    past_participle: Some("u"),
    present_participle: Some("uvant"),
    ..BASE
};
/// connaître, paraître and their compounds.
const AITRE: Model = Model {
    strip: "aître",
    present: ["ais", "ais", "aît", "aissons", "aissez", "aissent"],
    imperfect: "aiss",
    future: "aîtr",
    subj: Subj::Stems("aiss", "aiss"),
    simple_past: Some(("", Vowel::U)),
    past_participle: Some("u"),
    present_participle: Some("aissant"),
    ..BASE
};
const NAITRE: Model = Model { simple_past: Some(("aqu", Vowel::I)), past_participle: Some("é"), ..AITRE };
/// accroître, décroître (croître itself is not supported).
const ACCROITRE: Model = Model {
    strip: "oître",
    present: ["ois", "ois", "oît", "oissons", "oissez", "oissent"],
    imperfect: "oiss",
    future: "oîtr",
    subj: Subj::Stems("oiss", "oiss"),
    simple_past: Some(("", Vowel::U)),
    past_participle: Some("u"),
    present_participle: Some("oissant"),
    ..BASE
};
const VIVRE: Model = Model {
    strip: "ivre",
    present: ["is", "is", "it", "ivons", "ivez", "ivent"],
    imperfect: "iv",
    future: "ivr",
    subj: Subj::Stems("iv", "iv"),
    simple_past: Some(("éc", Vowel::U)),
    past_participle: Some("écu"),
    present_participle: Some("ivant"),
    ..BASE
};
const SUIVRE: Model = Model {
    strip: "vre",
    present: ["s", "s", "t", "vons", "vez", "vent"],
    imperfect: "v",
    future: "vr",
    subj: Subj::Stems("v", "v"),
    simple_past: Some(("v", Vowel::I)),
    past_participle: Some("vi"),
    present_participle: Some("vant"),
    ..BASE
};
const VAINCRE: Model = Model {
    strip: "cre",
    present: ["cs", "cs", "c", "quons", "quez", "quent"],
    imperfect: "qu",
    future: "cr",
    subj: Subj::Stems("qu", "qu"),
    simple_past: Some(("qu", Vowel::I)),
    past_participle: Some("cu"),
    present_participle: Some("quant"),
    ..BASE
};
/// conclure, exclure.
const CLURE: Model = Model {
    strip: "ure",
    present: ["us", "us", "ut", "uons", "uez", "uent"],
    imperfect: "u",
    future: "ur",
    subj: Subj::Stems("u", "u"),
    simple_past: Some(("", Vowel::U)),
    past_participle: Some("u"),
    present_participle: Some("uant"),
    ..BASE
};
/// inclure, occlure: inclus, incluse.
const CLURE_S: Model = Model { past_participle: Some("us"), ..CLURE };
const PLAIRE: Model = Model {
    strip: "aire",
    present: ["ais", "ais", "aît", "aisons", "aisez", "aisent"],
    imperfect: "ais",
    future: "air",
    subj: Subj::Stems("ais", "ais"),
    simple_past: Some(("", Vowel::U)),
    past_participle: Some("u"),
    invariable_participle: true,
    present_participle: Some("aisant"),
    ..BASE
};
const TAIRE: Model =
    Model { present: ["ais", "ais", "ait", "aisons", "aisez", "aisent"], invariable_participle: false, ..PLAIRE };
/// traire, extraire, distraire, soustraire: no passé simple.
const TRAIRE: Model = Model {
    strip: "ire",
    present: ["is", "is", "it", "yons", "yez", "ient"],
    imperfect: "y",
    future: "ir",
    subj: Subj::Stems("i", "y"),
    simple_past: None,
    past_participle: Some("it"),
    present_participle: Some("yant"),
    ..BASE
};
/// partir, sortir, sentir, mentir, repentir.
const TIR: Model = Model {
    strip: "tir",
    present: ["s", "s", "t", "tons", "tez", "tent"],
    imperfect: "t",
    future: "tir",
    subj: Subj::Stems("t", "t"),
    simple_past: Some(("t", Vowel::I)),
    past_participle: Some("ti"),
    present_participle: Some("tant"),
    ..BASE
};
const SERVIR: Model = Model {
    strip: "vir",
    present: ["s", "s", "t", "vons", "vez", "vent"],
    imperfect: "v",
    future: "vir",
    subj: Subj::Stems("v", "v"),
    simple_past: Some(("v", Vowel::I)),
    past_participle: Some("vi"),
    present_participle: Some("vant"),
    ..BASE
};
const DORMIR: Model = Model {
    strip: "mir",
    present: ["s", "s", "t", "mons", "mez", "ment"],
    imperfect: "m",
    future: "mir",
    subj: Subj::Stems("m", "m"),
    simple_past: Some(("m", Vowel::I)),
    past_participle: Some("mi"),
    present_participle: Some("mant"),
    ..BASE
};
/// tenir, venir and their compounds.
const ENIR: Model = Model {
    strip: "enir",
    present: ["iens", "iens", "ient", "enons", "enez", "iennent"],
    imperfect: "en",
    future: "iendr",
    subj: Subj::Stems("ienn", "en"),
    simple_past: Some(("", Vowel::In)),
    past_participle: Some("enu"),
    present_participle: Some("enant"),
    ..BASE
};
const COURIR: Model = Model {
    strip: "ir",
    present: ["s", "s", "t", "ons", "ez", "ent"],
    imperfect: "",
    future: "r",
    subj: Subj::Stems("", ""),
    simple_past: Some(("", Vowel::U)),
    past_participle: Some("u"),
    present_participle: Some("ant"),
    ..BASE
};
const MOURIR: Model = Model {
    strip: "ourir",
    present: ["eurs", "eurs", "eurt", "ourons", "ourez", "eurent"],
    imperfect: "our",
    future: "ourr",
    subj: Subj::Stems("eur", "our"),
    simple_past: Some(("our", Vowel::U)),
    past_participle: Some("ort"),
    present_participle: Some("ourant"),
    ..BASE
};
/// ouvrir, couvrir, offrir, souffrir and their compounds.
const OUVRIR: Model = Model {
    strip: "rir",
    present: ["re", "res", "re", "rons", "rez", "rent"],
    imperfect: "r",
    future: "rir",
    subj: Subj::Stems("r", "r"),
    simple_past: Some(("r", Vowel::I)),
    past_participle: Some("ert"),
    present_participle: Some("rant"),
    ..BASE
};
/// cueillir, accueillir, recueillir: future cueillerai.
const CUEILLIR: Model = Model {
    strip: "ir",
    present: ["e", "es", "e", "ons", "ez", "ent"],
    imperfect: "",
    future: "er",
    subj: Subj::Stems("", ""),
    simple_past: Some(("", Vowel::I)),
    past_participle: Some("i"),
    present_participle: Some("ant"),
    ..BASE
};
/// assaillir, tressaillir, défaillir: future assaillirai.
const AILLIR: Model = Model { future: "ir", ..CUEILLIR };
const BOUILLIR: Model = Model {
    strip: "ouillir",
    present: ["ous", "ous", "out", "ouillons", "ouillez", "ouillent"],
    imperfect: "ouill",
    future: "ouillir",
    subj: Subj::Stems("ouill", "ouill"),
    simple_past: Some(("ouill", Vowel::I)),
    past_participle: Some("ouilli"),
    present_participle: Some("ouillant"),
    ..BASE
};
const FUIR: Model = Model {
    strip: "ir",
    present: ["is", "is", "it", "yons", "yez", "ient"],
    imperfect: "y",
    future: "ir",
    subj: Subj::Stems("i", "y"),
    simple_past: Some(("", Vowel::I)),
    past_participle: Some("i"),
    present_participle: Some("yant"),
    ..BASE
};
/// acquérir, conquérir, requérir, s'enquérir.
const QUERIR: Model = Model {
    strip: "érir",
    present: ["iers", "iers", "iert", "érons", "érez", "ièrent"],
    imperfect: "ér",
    future: "err",
    subj: Subj::Stems("ièr", "ér"),
    simple_past: Some(("", Vowel::I)),
    past_participle: Some("is"),
    present_participle: Some("érant"),
    ..BASE
};
const VETIR: Model = Model {
    strip: "ir",
    present: ["s", "s", "", "ons", "ez", "ent"],
    imperfect: "",
    future: "ir",
    subj: Subj::Stems("", ""),
    simple_past: Some(("", Vowel::I)),
    past_participle: Some("u"),
    present_participle: Some("ant"),
    ..BASE
};
const HAIR: Model = Model {
    strip: "aïr",
    present: ["ais", "ais", "ait", "aïssons", "aïssez", "aïssent"],
    imperfect: "aïss",
    future: "aïr",
    subj: Subj::Stems("aïss", "aïss"),
    simple_past: Some(("a", Vowel::IDiaeresis)),
    past_participle: Some("aï"),
    present_participle: Some("aïssant"),
    ..BASE
};
/// Second group: finir, finissons, finissait, finit, fini.
const FINIR: Model = Model {
    strip: "ir",
    present: ["is", "is", "it", "issons", "issez", "issent"],
    imperfect: "iss",
    future: "ir",
    subj: Subj::Stems("iss", "iss"),
    simple_past: Some(("", Vowel::I)),
    past_participle: Some("i"),
    present_participle: Some("issant"),
    ..BASE
};

const fn entry(key: &'static str, pre: Pre, model: &'static Model) -> Entry {
    Entry { key, pre, model }
}

/// Irregular verbs and verb classes, keyed by whole-morpheme infinitive suffix.
static IRREGULAR: &[Entry] = &[
    entry("être", EXACT, &ETRE),
    entry("avoir", EXACT, &AVOIR),
    entry("aller", EXACT, &ALLER),
    entry("faire", Pre::Only(&["", "dé", "re", "redé", "satis", "contre", "par", "sur", "for"]), &FAIRE),
    entry("dire", Pre::Only(&["", "re"]), &DIRE),
    entry("dire", Pre::Only(&["contre", "inter", "mé", "pré", "dé"]), &DIRE_SEZ),
    entry("maudire", EXACT, &MAUDIRE),
    entry("voir", Pre::Any, &VOIR),
    entry("prévoir", Pre::Any, &PREVOIR),
    entry("pourvoir", Pre::Any, &POURVOIR),
    entry("pouvoir", EXACT, &POUVOIR),
    entry("vouloir", EXACT, &VOULOIR),
    entry("devoir", Pre::Only(&["", "re"]), &DEVOIR),
    entry("savoir", EXACT, &SAVOIR),
    entry("falloir", EXACT, &FALLOIR),
    entry("pleuvoir", EXACT, &PLEUVOIR),
    entry("valoir", Pre::Any, &VALOIR),
    entry("mouvoir", Pre::Any, &MOUVOIR),
    entry("cevoir", Pre::Any, &CEVOIR),
    entry("asseoir", Pre::Any, &ASSEOIR),
    entry("prendre", Pre::Any, &PRENDRE),
    entry("mettre", Pre::Any, &METTRE),
    entry("battre", Pre::Any, &BATTRE),
    entry("rendre", Pre::Any, &DRE),
    entry("tendre", Pre::Any, &DRE),
    entry("vendre", Pre::Any, &DRE),
    entry("pendre", Pre::Any, &DRE),
    entry("fendre", Pre::Any, &DRE),
    entry("scendre", Pre::Any, &DRE),
    entry("pandre", Pre::Any, &DRE),
    entry("fondre", Pre::Any, &DRE),
    entry("pondre", Pre::Any, &DRE),
    entry("tondre", Pre::Any, &DRE),
    entry("perdre", Pre::Any, &DRE),
    entry("mordre", Pre::Any, &DRE),
    entry("tordre", Pre::Any, &DRE),
    entry("rompre", Pre::Any, &ROMPRE),
    entry("résoudre", EXACT, &RESOUDRE),
    entry("absoudre", EXACT, &ABSOUDRE),
    entry("dissoudre", EXACT, &ABSOUDRE),
    entry("coudre", Pre::Any, &COUDRE),
    entry("moudre", Pre::Any, &MOUDRE),
    entry("aindre", Pre::Any, &INDRE),
    entry("eindre", Pre::Any, &INDRE),
    entry("oindre", Pre::Any, &INDRE),
    entry("uire", Pre::Any, &UIRE),
    entry("nuire", EXACT, &NUIRE),
    entry("luire", Pre::Only(&["", "re"]), &NUIRE),
    entry("rire", Pre::Any, &RIRE),
    entry("lire", Pre::Only(&["", "re", "é", "réé"]), &LIRE),
    entry("suffire", EXACT, &SUFFIRE),
    entry("crire", Pre::Any, &CRIRE),
    entry("croire", EXACT, &CROIRE),
    entry("boire", Pre::Only(&["", "re"]), &BOIRE),
    entry("connaître", Pre::Any, &AITRE),
    entry("paraître", Pre::Any, &AITRE),
    entry("naître", Pre::Only(&["", "re"]), &NAITRE),
    entry("croître", Pre::Only(&["ac", "dé"]), &ACCROITRE),
    entry("vivre", Pre::Any, &VIVRE),
    entry("suivre", Pre::Any, &SUIVRE),
    entry("vaincre", Pre::Any, &VAINCRE),
    entry("clure", Pre::Only(&["con", "ex"]), &CLURE),
    entry("clure", Pre::Only(&["in", "oc"]), &CLURE_S),
    entry("plaire", Pre::Only(&["", "dé", "com"]), &PLAIRE),
    entry("taire", EXACT, &TAIRE),
    entry("traire", Pre::Only(&["", "ab", "dis", "ex", "re", "sous"]), &TRAIRE),
    entry("partir", Pre::Only(&["", "re", "dé"]), &TIR),
    entry("sortir", Pre::Only(&["", "res"]), &TIR),
    entry("sentir", Pre::Any, &TIR),
    entry("mentir", Pre::Any, &TIR),
    entry("repentir", EXACT, &TIR),
    entry("servir", Pre::Only(&["", "des", "res"]), &SERVIR),
    entry("dormir", Pre::Any, &DORMIR),
    entry("tenir", Pre::Any, &ENIR),
    entry("venir", Pre::Any, &ENIR),
    entry("courir", Pre::Any, &COURIR),
    entry("mourir", EXACT, &MOURIR),
    entry("ouvrir", Pre::Any, &OUVRIR),
    entry("ffrir", Pre::Any, &OUVRIR),
    entry("cueillir", Pre::Any, &CUEILLIR),
    entry("aillir", Pre::Any, &AILLIR),
    entry("bouillir", Pre::Any, &BOUILLIR),
    entry("fuir", Pre::Any, &FUIR),
    entry("quérir", Pre::Any, &QUERIR),
    entry("vêtir", Pre::Any, &VETIR),
    entry("haïr", EXACT, &HAIR),
];

/// Folds the 1990-reform circumflex so that "connaitre" finds "connaître".
fn fold(c: char) -> char {
    match c {
        'î' => 'i',
        'û' => 'u',
        other => other,
    }
}

/// The stem and model of an irregular infinitive: the longest table key that the
/// infinitive ends with (with an allowed prefix) wins.
fn find_model(infinitive: &str) -> Option<(String, &'static Model)> {
    let chars: Vec<char> = infinitive.chars().collect();
    let mut best: Option<(&Entry, usize)> = None;
    for e in IRREGULAR {
        let key_len = e.key.chars().count();
        let Some(split) = chars.len().checked_sub(key_len) else {
            continue;
        };
        let tail = chars[split..].iter().map(|&c| fold(c));
        if !tail.eq(e.key.chars().map(fold)) {
            continue;
        }
        let prefix: String = chars[..split].iter().collect();
        if e.pre.allows(&prefix) && best.is_none_or(|(_, len)| key_len > len) {
            best = Some((e, key_len));
        }
    }
    let (e, _) = best?;
    let stem_len = chars.len().checked_sub(e.model.strip.chars().count())?;
    Some((chars[..stem_len].iter().collect(), e.model))
}

fn conjugate(infinitive: &str, out: &mut Forms) -> Option<()> {
    // Elided pronouns (s'asseoir) are a pattern matter, like multiword bodies.
    if infinitive.contains('\'') {
        return None;
    }
    if let Some((stem, model)) = find_model(infinitive) {
        conjugate_model(&stem, model, out);
        return Some(());
    }
    if let Some(stem) = infinitive.strip_suffix("er") {
        if stem.is_empty() {
            return None;
        }
        first_group(infinitive, stem, out);
        return Some(());
    }
    if !infinitive.ends_with("oir") {
        if let Some(stem) = infinitive.strip_suffix("ir") {
            if !stem.is_empty() {
                conjugate_model(stem, &FINIR, out);
                return Some(());
            }
        }
    }
    None
}

fn cat(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len());
    s.push_str(a);
    s.push_str(b);
    s
}

fn cat3(a: &str, b: &str, c: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len() + c.len());
    s.push_str(a);
    s.push_str(b);
    s.push_str(c);
    s
}

/// Pushes the four past participle forms built on `masculine`.
fn push_participles(out: &mut Forms, masculine: String, feminine: Option<String>, invariable: bool) {
    let plain: String = masculine.chars().map(|c| if c == 'û' { 'u' } else { c }).collect();
    let feminine = feminine.unwrap_or_else(|| cat(&plain, "e"));
    let plural = if plain.ends_with(['s', 'x']) { plain.clone() } else { cat(&plain, "s") };
    let feminine_plural = cat(&feminine, "s");
    let pp = |feminine, plural| Slot::PastParticiple { feminine, plural };
    out.push(pp(false, false), masculine);
    if !invariable {
        out.push(pp(true, false), feminine);
        out.push(pp(false, true), plural);
        out.push(pp(true, true), feminine_plural);
    }
}

fn conjugate_model(stem: &str, m: &Model, out: &mut Forms) {
    out.push(Slot::Infinitive, cat(stem, m.strip));
    if let Some(pp) = m.past_participle {
        let mut masculine = cat(stem, pp);
        // dû, mû keep their circumflex only unprefixed: ému, promu.
        if !stem.is_empty() && masculine.ends_with('û') {
            masculine.pop();
            masculine.push('u');
        }
        let feminine = m.feminine_participle.map(|f| cat(stem, f));
        push_participles(out, masculine, feminine, m.invariable_participle);
    }
    for p in m.present_participle.iter().flat_map(|p| p.split('|')) {
        out.push(Slot::PresentParticiple, cat(stem, p));
    }
    for (i, &person) in PERSONS.iter().enumerate() {
        if m.persons & (1 << i) == 0 {
            continue;
        }
        let finite = |tense| Slot::Finite { tense, person };
        for v in m.present[i].split('|') {
            out.push(finite(Tense::Present), cat(stem, v));
        }
        for v in m.imperfect.split('|') {
            out.push(finite(Tense::Imperfect), cat3(stem, v, IMPERFECT_ENDINGS[i]));
        }
        for v in m.future.split('|') {
            out.push(finite(Tense::Future), cat3(stem, v, FUTURE_ENDINGS[i]));
            out.push(finite(Tense::Conditional), cat3(stem, v, IMPERFECT_ENDINGS[i]));
        }
        match m.subj {
            Subj::Stems(strong, weak) => {
                let s = if matches!(person, Person::P1 | Person::P2) { weak } else { strong };
                for v in s.split('|') {
                    out.push(finite(Tense::Subjunctive), cat3(stem, v, SUBJUNCTIVE_ENDINGS[i]));
                }
            }
            Subj::Full(forms) => {
                for v in forms[i].split('|') {
                    out.push(finite(Tense::Subjunctive), cat(stem, v));
                }
            }
        }
        if let Some((ps, vowel)) = m.simple_past {
            out.push(finite(Tense::SimplePast), cat3(stem, ps, vowel.simple_past()[i]));
            out.push(finite(Tense::ImperfectSubjunctive), cat3(stem, ps, vowel.imperfect_subjunctive()[i]));
        }
    }
    let imperative_persons = [(1, Person::S2), (3, Person::P1), (4, Person::P2)];
    match m.imperative {
        Imp::Derived => {
            for (i, person) in imperative_persons {
                for v in m.present[i].split('|') {
                    let mut form = cat(stem, v);
                    // tu ouvres -> ouvre
                    if person == Person::S2 && form.ends_with("es") {
                        form.pop();
                    }
                    out.push(Slot::Imperative { person }, form);
                }
            }
        }
        Imp::Forms(forms) => {
            for ((_, person), v) in imperative_persons.into_iter().zip(forms) {
                out.push(Slot::Imperative { person }, cat(stem, v));
            }
        }
        Imp::Absent => {}
    }
}

// --- First group -----------------------------------------------------------

/// -eler/-eter verbs taking è instead of a doubled consonant.
const ELER_ETER_GRAVE: &[&str] = &[
    "acheter",
    "racheter",
    "geler",
    "congeler",
    "décongeler",
    "dégeler",
    "surgeler",
    "regeler",
    "modeler",
    "remodeler",
    "peler",
    "haleter",
    "crocheter",
    "ciseler",
    "démanteler",
    "écarteler",
    "marteler",
    "corseter",
    "fureter",
    "celer",
    "déceler",
    "receler",
    "harceler",
];

fn is_vowel(c: char) -> bool {
    "aeiouyàâäéèêëîïôöùûüÿœæ".contains(c)
}

fn is_consonant(c: char) -> bool {
    c.is_alphabetic() && !is_vowel(c)
}

/// Whether `chars[i]` sounds as a vowel (the u of qu/gu does not).
fn vowel_at(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if c == 'u' && i > 0 && matches!(chars[i - 1], 'q' | 'g') {
        return false;
    }
    is_vowel(c)
}

/// Index of the e/é of the last stem syllable that turns into è before a mute e
/// (lever, céder, sevrer, régler, léguer), if any.
fn mute_vowel(chars: &[char]) -> Option<usize> {
    let mut end = chars.len();
    if end >= 2 && chars[end - 1] == 'u' && matches!(chars[end - 2], 'q' | 'g') {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && is_consonant(chars[start - 1]) {
        start -= 1;
    }
    let single_syllable_onset = match &chars[start..end] {
        [c] => !matches!(c, 'x' | 'h'),
        [a, b] => {
            matches!((a, b), ('c', 'h') | ('g', 'n') | ('p', 'h') | ('t', 'h'))
                || ("bcdfgkptv".contains(*a) && matches!(b, 'r' | 'l'))
        }
        _ => false,
    };
    let v = start.checked_sub(1)?;
    if !single_syllable_onset {
        return None;
    }
    match chars[v] {
        'é' => Some(v),
        'e' if v == 0 || !vowel_at(chars, v - 1) => Some(v),
        _ => None,
    }
}

fn with_grave(chars: &[char], index: usize) -> String {
    chars.iter().enumerate().map(|(i, &c)| if i == index { 'è' } else { c }).collect()
}

/// Stems used before a mute e (je lève, j'appelle, j'emploie) and future stems.
fn first_group_stems(infinitive: &str, stem: &str) -> (Vec<String>, Vec<String>) {
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    let plain_future = || cat(stem, "er");
    if n >= 2 && chars[n - 1] == 'y' {
        let i_stem: String = chars[..n - 1].iter().chain(['i'].iter()).collect();
        match chars[n - 2] {
            'a' => {
                let future = vec![cat(&i_stem, "er"), plain_future()];
                return (vec![i_stem, stem.to_string()], future);
            }
            'o' | 'u' => {
                let future = if infinitive.ends_with("envoyer") {
                    let base: String = chars[..n - 2].iter().collect();
                    cat(&base, "err")
                } else {
                    cat(&i_stem, "er")
                };
                return (vec![i_stem], vec![future]);
            }
            _ => {}
        }
    }
    if n >= 3 && matches!(chars[n - 1], 'l' | 't') && chars[n - 2] == 'e' && !vowel_at(&chars, n - 3) {
        let grave = with_grave(&chars, n - 2);
        if ELER_ETER_GRAVE.contains(&infinitive) {
            let future = cat(&grave, "er");
            return (vec![grave], vec![future]);
        }
        let mut doubled = stem.to_string();
        doubled.push(chars[n - 1]);
        let mut mute = vec![doubled.clone()];
        let mut future = vec![cat(&doubled, "er")];
        // 1990 reform: è for every -eler/-eter verb except appeler, jeter and compounds.
        if !infinitive.ends_with("appeler") && !infinitive.ends_with("jeter") {
            future.push(cat(&grave, "er"));
            mute.push(grave);
        }
        return (mute, future);
    }
    if let Some(v) = mute_vowel(&chars) {
        let grave = with_grave(&chars, v);
        let future = if chars[v] == 'e' {
            vec![cat(&grave, "er")]
        } else {
            // céderai, and the 1990 spelling cèderai
            vec![plain_future(), cat(&grave, "er")]
        };
        return (vec![grave], future);
    }
    (vec![stem.to_string()], vec![plain_future()])
}

/// Adds an ending to a first-group stem: ç before a/o (commençons), ge before a/o (mangeons).
fn attach(stem: &str, ending: &str) -> String {
    let hard = ending.starts_with(['a', 'â', 'o']);
    if hard {
        if let Some(base) = stem.strip_suffix('c') {
            return cat3(base, "ç", ending);
        }
        if stem.ends_with('g') {
            return cat3(stem, "e", ending);
        }
    }
    cat(stem, ending)
}

fn first_group(infinitive: &str, stem: &str, out: &mut Forms) {
    let (mute, future) = first_group_stems(infinitive, stem);
    out.push(Slot::Infinitive, infinitive.to_string());
    push_participles(out, cat(stem, "é"), None, false);
    out.push(Slot::PresentParticiple, attach(stem, "ant"));
    let past = Vowel::A.simple_past();
    let imperfect_subjunctive = Vowel::A.imperfect_subjunctive();
    for (i, &person) in PERSONS.iter().enumerate() {
        let finite = |tense| Slot::Finite { tense, person };
        if matches!(person, Person::P1 | Person::P2) {
            out.push(finite(Tense::Present), attach(stem, FIRST_GROUP_PRESENT[i]));
            out.push(finite(Tense::Subjunctive), cat(stem, SUBJUNCTIVE_ENDINGS[i]));
        } else {
            for m in &mute {
                out.push(finite(Tense::Present), cat(m, FIRST_GROUP_PRESENT[i]));
                out.push(finite(Tense::Subjunctive), cat(m, SUBJUNCTIVE_ENDINGS[i]));
            }
        }
        out.push(finite(Tense::Imperfect), attach(stem, IMPERFECT_ENDINGS[i]));
        for f in &future {
            out.push(finite(Tense::Future), cat(f, FUTURE_ENDINGS[i]));
            out.push(finite(Tense::Conditional), cat(f, IMPERFECT_ENDINGS[i]));
        }
        out.push(finite(Tense::SimplePast), attach(stem, past[i]));
        out.push(finite(Tense::ImperfectSubjunctive), attach(stem, imperfect_subjunctive[i]));
    }
    for m in &mute {
        out.push(Slot::Imperative { person: Person::S2 }, cat(m, "e"));
    }
    out.push(Slot::Imperative { person: Person::P1 }, attach(stem, "ons"));
    out.push(Slot::Imperative { person: Person::P2 }, cat(stem, "ez"));
}

// ---------------------------------------------------------------------------
// Nouns and adjectives
// ---------------------------------------------------------------------------

/// -al words with a plural in -als.
const AL_S: &[&str] = &[
    "bal", "carnaval", "chacal", "festival", "récital", "régal", "naval", "fatal", "final", "natal", "banal", "cal",
    "étal", "pal", "santal",
];
/// -al words with both plurals (-aux first).
const AL_BOTH: &[&str] = &["idéal", "glacial", "austral", "boréal"];
/// -eu/-au words with a plural in -s.
const EU_AU_S: &[&str] = &["pneu", "bleu", "landau", "émeu", "sarrau"];
/// The seven -ou words with a plural in -oux.
const OU_X: &[&str] = &["bijou", "caillou", "chou", "genou", "hibou", "joujou", "pou"];
/// -ail words with a plural in -aux.
const AIL_AUX: &[&str] = &["travail", "vitrail", "corail", "émail", "soupirail", "bail", "vantail"];
/// Irregular masculine plurals.
const IRREGULAR_PLURAL: &[(&str, &str)] = &[("œil", "yeux"), ("ciel", "cieux|ciels")];
/// -et adjectives with a feminine in -ète.
const ET_GRAVE: &[&str] = &["complet", "concret", "discret", "inquiet", "secret", "replet", "désuet"];
/// Irregular feminines; `|` separates variants.
const IRREGULAR_FEMININE: &[(&str, &str)] = &[
    ("blanc", "blanche"),
    ("franc", "franche"),
    ("sec", "sèche"),
    ("grec", "grecque"),
    ("frais", "fraîche"),
    ("long", "longue"),
    ("oblong", "oblongue"),
    ("doux", "douce"),
    ("faux", "fausse"),
    ("roux", "rousse"),
    ("vieux", "vieille"),
    ("beau", "belle"),
    ("nouveau", "nouvelle"),
    ("fou", "folle"),
    ("mou", "molle"),
    ("bénin", "bénigne"),
    ("malin", "maligne"),
    ("favori", "favorite"),
    ("tiers", "tierce"),
    ("gentil", "gentille"),
    ("nul", "nulle"),
    ("bas", "basse"),
    ("gras", "grasse"),
    ("gros", "grosse"),
    ("épais", "épaisse"),
    ("las", "lasse"),
    ("métis", "métisse"),
    ("exprès", "expresse"),
    ("sot", "sotte"),
    ("vieillot", "vieillotte"),
    ("bref", "brève"),
    ("andalou", "andalouse"),
    ("coi", "coite"),
    ("auteur", "autrice|auteure"),
    ("docteur", "docteure|doctoresse"),
    ("professeur", "professeure"),
    ("majeur", "majeure"),
    ("mineur", "mineure"),
    ("meilleur", "meilleure"),
];

fn variants(list: &str) -> Vec<String> {
    list.split('|').map(str::to_string).collect()
}

/// Masculine plural(s) of a masculine singular noun or adjective.
fn masculine_plural(w: &str) -> Vec<String> {
    if let Some((_, p)) = IRREGULAR_PLURAL.iter().find(|(s, _)| *s == w) {
        return variants(p);
    }
    if w.ends_with(['s', 'x', 'z']) {
        return vec![w.to_string()];
    }
    if let Some(stem) = w.strip_suffix("al") {
        if AL_S.contains(&w) {
            return vec![cat(w, "s")];
        }
        let aux = cat(stem, "aux");
        if AL_BOTH.contains(&w) {
            return vec![aux, cat(w, "s")];
        }
        return vec![aux];
    }
    if w.ends_with("au") || w.ends_with("eu") {
        let ending = if EU_AU_S.contains(&w) { "s" } else { "x" };
        return vec![cat(w, ending)];
    }
    if w.ends_with("ou") {
        let ending = if OU_X.contains(&w) { "x" } else { "s" };
        return vec![cat(w, ending)];
    }
    if let Some(stem) = w.strip_suffix("ail") {
        if AIL_AUX.contains(&w) {
            return vec![cat(stem, "aux")];
        }
    }
    vec![cat(w, "s")]
}

/// Feminine singular(s) of a masculine singular noun or adjective.
fn feminine(w: &str) -> Vec<String> {
    if let Some((_, f)) = IRREGULAR_FEMININE.iter().find(|(m, _)| *m == w) {
        return variants(f);
    }
    if w.ends_with('e') {
        return vec![w.to_string()];
    }
    if let Some(stem) = w.strip_suffix('u') {
        if stem.ends_with('g') {
            // aigu: aiguë, and the 1990 spelling aigüe
            return vec![cat(w, "ë"), cat(stem, "üe")];
        }
    }
    if let Some(stem) = w.strip_suffix("er") {
        return vec![cat(stem, "ère")];
    }
    if let Some(stem) = w.strip_suffix("eux") {
        return vec![cat(stem, "euse")];
    }
    if let Some(stem) = w.strip_suffix('x') {
        return vec![cat(stem, "se")];
    }
    if w.ends_with("ieur") {
        return vec![cat(w, "e")];
    }
    if let Some(stem) = w.strip_suffix("eur") {
        if let Some(base) = stem.strip_suffix("at").or_else(|| stem.strip_suffix("ct")) {
            // créateur -> créatrice, directeur -> directrice
            let kept = &stem[base.len()..stem.len() - 1];
            return vec![cat3(base, kept, "trice")];
        }
        return vec![cat(stem, "euse")];
    }
    if let Some(stem) = w.strip_suffix("if") {
        return vec![cat(stem, "ive")];
    }
    if let Some(stem) = w.strip_suffix('f') {
        return vec![cat(stem, "ve")];
    }
    if let Some(stem) = w.strip_suffix("et") {
        if ET_GRAVE.iter().any(|e| w.ends_with(e)) {
            return vec![cat(stem, "ète")];
        }
        return vec![cat(w, "te")];
    }
    for ending in ["el", "eil", "en", "on"] {
        if w.ends_with(ending) {
            let last = &w[w.len() - 1..];
            return vec![cat3(w, last, "e")];
        }
    }
    if let Some(stem) = w.strip_suffix('c') {
        return vec![cat(stem, "que")];
    }
    if let Some(stem) = w.strip_suffix("eau") {
        return vec![cat(stem, "elle")];
    }
    vec![cat(w, "e")]
}

fn decline(word: &str, out: &mut Forms) {
    let nominal = |feminine, plural| Slot::Nominal { feminine, plural };
    out.push(nominal(false, false), word.to_string());
    for plural in masculine_plural(word) {
        out.push(nominal(false, true), plural);
    }
    for f in feminine(word) {
        let plural = if f.ends_with(['s', 'x']) { f.clone() } else { cat(&f, "s") };
        out.push(nominal(true, false), f);
        out.push(nominal(true, true), plural);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TENSES: [Tense; 7] = [
        Tense::Present,
        Tense::Imperfect,
        Tense::Future,
        Tense::Conditional,
        Tense::Subjunctive,
        Tense::SimplePast,
        Tense::ImperfectSubjunctive,
    ];

    fn forms(body: &str) -> Vec<(Slot, String)> {
        expand(body).unwrap_or_else(|| panic!("{body} should be inflectable"))
    }

    /// All forms of `body` in `slot`, in order.
    fn all_in(body: &str, slot: Slot) -> Vec<String> {
        forms(body).into_iter().filter(|(s, _)| *s == slot).map(|(_, f)| f).collect()
    }

    /// The first (preferred) form of `body` in `slot`.
    fn first(body: &str, slot: Slot) -> String {
        all_in(body, slot).into_iter().next().unwrap_or_else(|| panic!("{body} has no form in {slot:?}"))
    }

    fn has(body: &str, slot: Slot, form: &str) -> bool {
        all_in(body, slot).iter().any(|f| f == form)
    }

    /// The slot under which `form` is first listed among the forms of `body`.
    fn slot_of(body: &str, form: &str) -> Slot {
        forms(body)
            .into_iter()
            .find(|(_, f)| f == form)
            .map(|(s, _)| s)
            .unwrap_or_else(|| panic!("{form} is not a form of {body}"))
    }

    fn fin(tense: Tense, person: Person) -> Slot {
        Slot::Finite { tense, person }
    }

    fn pp(feminine: bool, plural: bool) -> Slot {
        Slot::PastParticiple { feminine, plural }
    }

    fn nominal(feminine: bool, plural: bool) -> Slot {
        Slot::Nominal { feminine, plural }
    }

    /// Expected preferred forms of a verb: the infinitive, past participle (ms fs mp fp),
    /// present participle, then the seven tenses in `TENSES` order, then the imperative.
    struct Verb {
        infinitive: &'static str,
        participles: &'static str,
        present_participle: &'static str,
        tenses: [&'static str; 7],
        imperative: &'static str,
    }

    fn check(v: &Verb) {
        let body = v.infinitive;
        assert_eq!(first(body, Slot::Infinitive), v.infinitive);
        let agreements = [pp(false, false), pp(true, false), pp(false, true), pp(true, true)];
        for (slot, want) in agreements.iter().zip(v.participles.split_whitespace()) {
            assert_eq!(first(body, *slot), want, "{body} {slot:?}");
        }
        assert_eq!(first(body, Slot::PresentParticiple), v.present_participle);
        for (tense, line) in TENSES.iter().zip(v.tenses) {
            let want: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(want.len(), 6, "{body} {tense:?}: test data");
            for (person, want) in PERSONS.iter().zip(want) {
                let slot = fin(*tense, *person);
                assert_eq!(first(body, slot), want, "{body} {slot:?}");
            }
        }
        let imperative = [Person::S2, Person::P1, Person::P2];
        for (person, want) in imperative.iter().zip(v.imperative.split_whitespace()) {
            let slot = Slot::Imperative { person: *person };
            assert_eq!(first(body, slot), want, "{body} {slot:?}");
        }
    }

    #[test]
    fn prendre() {
        check(&Verb {
            infinitive: "prendre",
            participles: "pris prise pris prises",
            present_participle: "prenant",
            tenses: [
                "prends prends prend prenons prenez prennent",
                "prenais prenais prenait prenions preniez prenaient",
                "prendrai prendras prendra prendrons prendrez prendront",
                "prendrais prendrais prendrait prendrions prendriez prendraient",
                "prenne prennes prenne prenions preniez prennent",
                "pris pris prit prîmes prîtes prirent",
                "prisse prisses prît prissions prissiez prissent",
            ],
            imperative: "prends prenons prenez",
        });
    }

    #[test]
    fn comprendre() {
        check(&Verb {
            infinitive: "comprendre",
            participles: "compris comprise compris comprises",
            present_participle: "comprenant",
            tenses: [
                "comprends comprends comprend comprenons comprenez comprennent",
                "comprenais comprenais comprenait comprenions compreniez comprenaient",
                "comprendrai comprendras comprendra comprendrons comprendrez comprendront",
                "comprendrais comprendrais comprendrait comprendrions comprendriez comprendraient",
                "comprenne comprennes comprenne comprenions compreniez comprennent",
                "compris compris comprit comprîmes comprîtes comprirent",
                "comprisse comprisses comprît comprissions comprissiez comprissent",
            ],
            imperative: "comprends comprenons comprenez",
        });
    }

    #[test]
    fn avoir() {
        check(&Verb {
            infinitive: "avoir",
            participles: "eu eue eus eues",
            present_participle: "ayant",
            tenses: [
                "ai as a avons avez ont",
                "avais avais avait avions aviez avaient",
                "aurai auras aura aurons aurez auront",
                "aurais aurais aurait aurions auriez auraient",
                "aie aies ait ayons ayez aient",
                "eus eus eut eûmes eûtes eurent",
                "eusse eusses eût eussions eussiez eussent",
            ],
            imperative: "aie ayons ayez",
        });
    }

    #[test]
    fn etre() {
        check(&Verb {
            infinitive: "être",
            participles: "été",
            present_participle: "étant",
            tenses: [
                "suis es est sommes êtes sont",
                "étais étais était étions étiez étaient",
                "serai seras sera serons serez seront",
                "serais serais serait serions seriez seraient",
                "sois sois soit soyons soyez soient",
                "fus fus fut fûmes fûtes furent",
                "fusse fusses fût fussions fussiez fussent",
            ],
            imperative: "sois soyons soyez",
        });
        // été is invariable: no étée.
        assert!(all_in("être", pp(true, false)).is_empty());
        assert_eq!(inflect("être", pp(true, true)).as_deref(), Some("été"));
    }

    #[test]
    fn aller() {
        check(&Verb {
            infinitive: "aller",
            participles: "allé allée allés allées",
            present_participle: "allant",
            tenses: [
                "vais vas va allons allez vont",
                "allais allais allait allions alliez allaient",
                "irai iras ira irons irez iront",
                "irais irais irait irions iriez iraient",
                "aille ailles aille allions alliez aillent",
                "allai allas alla allâmes allâtes allèrent",
                "allasse allasses allât allassions allassiez allassent",
            ],
            imperative: "va allons allez",
        });
        // aller is not a suffix model: installer is a regular first-group verb.
        assert_eq!(first("installer", fin(Tense::Present, Person::S3)), "installe");
    }

    #[test]
    fn noter() {
        check(&Verb {
            infinitive: "noter",
            participles: "noté notée notés notées",
            present_participle: "notant",
            tenses: [
                "note notes note notons notez notent",
                "notais notais notait notions notiez notaient",
                "noterai noteras notera noterons noterez noteront",
                "noterais noterais noterait noterions noteriez noteraient",
                "note notes note notions notiez notent",
                "notai notas nota notâmes notâtes notèrent",
                "notasse notasses notât notassions notassiez notassent",
            ],
            imperative: "note notons notez",
        });
    }

    #[test]
    fn commencer() {
        check(&Verb {
            infinitive: "commencer",
            participles: "commencé commencée commencés commencées",
            present_participle: "commençant",
            tenses: [
                "commence commences commence commençons commencez commencent",
                "commençais commençais commençait commencions commenciez commençaient",
                "commencerai commenceras commencera commencerons commencerez commenceront",
                "commencerais commencerais commencerait commencerions commenceriez commenceraient",
                "commence commences commence commencions commenciez commencent",
                "commençai commenças commença commençâmes commençâtes commencèrent",
                "commençasse commençasses commençât commençassions commençassiez commençassent",
            ],
            imperative: "commence commençons commencez",
        });
    }

    #[test]
    fn manger() {
        check(&Verb {
            infinitive: "manger",
            participles: "mangé mangée mangés mangées",
            present_participle: "mangeant",
            tenses: [
                "mange manges mange mangeons mangez mangent",
                "mangeais mangeais mangeait mangions mangiez mangeaient",
                "mangerai mangeras mangera mangerons mangerez mangeront",
                "mangerais mangerais mangerait mangerions mangeriez mangeraient",
                "mange manges mange mangions mangiez mangent",
                "mangeai mangeas mangea mangeâmes mangeâtes mangèrent",
                "mangeasse mangeasses mangeât mangeassions mangeassiez mangeassent",
            ],
            imperative: "mange mangeons mangez",
        });
    }

    #[test]
    fn employer() {
        check(&Verb {
            infinitive: "employer",
            participles: "employé employée employés employées",
            present_participle: "employant",
            tenses: [
                "emploie emploies emploie employons employez emploient",
                "employais employais employait employions employiez employaient",
                "emploierai emploieras emploiera emploierons emploierez emploieront",
                "emploierais emploierais emploierait emploierions emploieriez emploieraient",
                "emploie emploies emploie employions employiez emploient",
                "employai employas employa employâmes employâtes employèrent",
                "employasse employasses employât employassions employassiez employassent",
            ],
            imperative: "emploie employons employez",
        });
        assert!(!has("employer", fin(Tense::Present, Person::S3), "employe"));
    }

    #[test]
    fn payer_has_both_spellings() {
        let s3 = fin(Tense::Present, Person::S3);
        assert_eq!(all_in("payer", s3), ["paie", "paye"]);
        assert_eq!(all_in("payer", fin(Tense::Future, Person::S1)), ["paierai", "payerai"]);
        assert_eq!(first("payer", fin(Tense::Present, Person::P1)), "payons");
        assert_eq!(first("envoyer", fin(Tense::Future, Person::S1)), "enverrai");
        assert_eq!(first("renvoyer", fin(Tense::Conditional, Person::S3)), "renverrait");
        assert_eq!(first("essuyer", fin(Tense::Present, Person::P3)), "essuient");
    }

    #[test]
    fn lever() {
        check(&Verb {
            infinitive: "lever",
            participles: "levé levée levés levées",
            present_participle: "levant",
            tenses: [
                "lève lèves lève levons levez lèvent",
                "levais levais levait levions leviez levaient",
                "lèverai lèveras lèvera lèverons lèverez lèveront",
                "lèverais lèverais lèverait lèverions lèveriez lèveraient",
                "lève lèves lève levions leviez lèvent",
                "levai levas leva levâmes levâtes levèrent",
                "levasse levasses levât levassions levassiez levassent",
            ],
            imperative: "lève levons levez",
        });
        assert_eq!(first("mener", fin(Tense::Present, Person::S1)), "mène");
        assert_eq!(first("sevrer", fin(Tense::Present, Person::S1)), "sèvre");
        assert_eq!(first("dépecer", fin(Tense::Present, Person::S3)), "dépèce");
        assert_eq!(first("dépecer", fin(Tense::Present, Person::P1)), "dépeçons");
        // no change where the e is not in the last open syllable
        assert_eq!(first("chercher", fin(Tense::Present, Person::S1)), "cherche");
        assert_eq!(first("tester", fin(Tense::Present, Person::S1)), "teste");
    }

    #[test]
    fn ceder() {
        check(&Verb {
            infinitive: "céder",
            participles: "cédé cédée cédés cédées",
            present_participle: "cédant",
            tenses: [
                "cède cèdes cède cédons cédez cèdent",
                "cédais cédais cédait cédions cédiez cédaient",
                "céderai céderas cédera céderons céderez céderont",
                "céderais céderais céderait céderions céderiez céderaient",
                "cède cèdes cède cédions cédiez cèdent",
                "cédai cédas céda cédâmes cédâtes cédèrent",
                "cédasse cédasses cédât cédassions cédassiez cédassent",
            ],
            imperative: "cède cédons cédez",
        });
        assert!(has("céder", fin(Tense::Future, Person::S1), "cèderai"));
        assert_eq!(first("protéger", fin(Tense::Present, Person::S1)), "protège");
        assert_eq!(first("protéger", fin(Tense::Present, Person::P1)), "protégeons");
        assert_eq!(first("régler", fin(Tense::Present, Person::P3)), "règlent");
        assert_eq!(first("léguer", fin(Tense::Present, Person::S1)), "lègue");
        assert_eq!(first("célébrer", fin(Tense::Present, Person::S3)), "célèbre");
        assert_eq!(first("sécher", fin(Tense::Present, Person::S3)), "sèche");
        assert_eq!(first("créer", fin(Tense::Present, Person::S3)), "crée");
        assert_eq!(first("créer", pp(true, false)), "créée");
    }

    #[test]
    fn appeler() {
        check(&Verb {
            infinitive: "appeler",
            participles: "appelé appelée appelés appelées",
            present_participle: "appelant",
            tenses: [
                "appelle appelles appelle appelons appelez appellent",
                "appelais appelais appelait appelions appeliez appelaient",
                "appellerai appelleras appellera appellerons appellerez appelleront",
                "appellerais appellerais appellerait appellerions appelleriez appelleraient",
                "appelle appelles appelle appelions appeliez appellent",
                "appelai appelas appela appelâmes appelâtes appelèrent",
                "appelasse appelasses appelât appelassions appelassiez appelassent",
            ],
            imperative: "appelle appelons appelez",
        });
        assert!(!has("appeler", fin(Tense::Present, Person::S1), "appèle"));
        assert_eq!(all_in("jeter", fin(Tense::Present, Person::S1)), ["jette"]);
        assert_eq!(first("rejeter", fin(Tense::Future, Person::S3)), "rejettera");
        // Other doubling verbs also get the 1990 spelling.
        assert_eq!(all_in("étiqueter", fin(Tense::Present, Person::S1)), ["étiquette", "étiquète"]);
    }

    #[test]
    fn acheter() {
        check(&Verb {
            infinitive: "acheter",
            participles: "acheté achetée achetés achetées",
            present_participle: "achetant",
            tenses: [
                "achète achètes achète achetons achetez achètent",
                "achetais achetais achetait achetions achetiez achetaient",
                "achèterai achèteras achètera achèterons achèterez achèteront",
                "achèterais achèterais achèterait achèterions achèteriez achèteraient",
                "achète achètes achète achetions achetiez achètent",
                "achetai achetas acheta achetâmes achetâtes achetèrent",
                "achetasse achetasses achetât achetassions achetassiez achetassent",
            ],
            imperative: "achète achetons achetez",
        });
        assert_eq!(all_in("geler", fin(Tense::Present, Person::S3)), ["gèle"]);
        assert_eq!(first("modeler", fin(Tense::Future, Person::S1)), "modèlerai");
        assert_eq!(first("peler", fin(Tense::Present, Person::S3)), "pèle");
        assert_eq!(first("épeler", fin(Tense::Present, Person::S3)), "épelle");
    }

    #[test]
    fn finir() {
        check(&Verb {
            infinitive: "finir",
            participles: "fini finie finis finies",
            present_participle: "finissant",
            tenses: [
                "finis finis finit finissons finissez finissent",
                "finissais finissais finissait finissions finissiez finissaient",
                "finirai finiras finira finirons finirez finiront",
                "finirais finirais finirait finirions finiriez finiraient",
                "finisse finisses finisse finissions finissiez finissent",
                "finis finis finit finîmes finîtes finirent",
                "finisse finisses finît finissions finissiez finissent",
            ],
            imperative: "finis finissons finissez",
        });
        // partir-like prefixes that are really second group
        assert_eq!(first("répartir", fin(Tense::Present, Person::P1)), "répartissons");
        assert_eq!(first("asservir", fin(Tense::Present, Person::P1)), "asservissons");
        assert_eq!(first("repartir", fin(Tense::Present, Person::P1)), "repartons");
    }

    #[test]
    fn venir() {
        check(&Verb {
            infinitive: "venir",
            participles: "venu venue venus venues",
            present_participle: "venant",
            tenses: [
                "viens viens vient venons venez viennent",
                "venais venais venait venions veniez venaient",
                "viendrai viendras viendra viendrons viendrez viendront",
                "viendrais viendrais viendrait viendrions viendriez viendraient",
                "vienne viennes vienne venions veniez viennent",
                "vins vins vint vînmes vîntes vinrent",
                "vinsse vinsses vînt vinssions vinssiez vinssent",
            ],
            imperative: "viens venons venez",
        });
        assert_eq!(first("obtenir", fin(Tense::Present, Person::P3)), "obtiennent");
        assert_eq!(first("souvenir", fin(Tense::SimplePast, Person::S3)), "souvint");
        assert_eq!(first("maintenir", pp(true, false)), "maintenue");
    }

    #[test]
    fn prevoir() {
        check(&Verb {
            infinitive: "prévoir",
            participles: "prévu prévue prévus prévues",
            present_participle: "prévoyant",
            tenses: [
                "prévois prévois prévoit prévoyons prévoyez prévoient",
                "prévoyais prévoyais prévoyait prévoyions prévoyiez prévoyaient",
                "prévoirai prévoiras prévoira prévoirons prévoirez prévoiront",
                "prévoirais prévoirais prévoirait prévoirions prévoiriez prévoiraient",
                "prévoie prévoies prévoie prévoyions prévoyiez prévoient",
                "prévis prévis prévit prévîmes prévîtes prévirent",
                "prévisse prévisses prévît prévissions prévissiez prévissent",
            ],
            imperative: "prévois prévoyons prévoyez",
        });
        assert_eq!(first("voir", fin(Tense::Future, Person::S1)), "verrai");
        assert_eq!(first("revoir", fin(Tense::Future, Person::S1)), "reverrai");
        assert_eq!(first("pourvoir", fin(Tense::SimplePast, Person::S3)), "pourvut");
    }

    #[test]
    fn connaitre() {
        check(&Verb {
            infinitive: "connaître",
            participles: "connu connue connus connues",
            present_participle: "connaissant",
            tenses: [
                "connais connais connaît connaissons connaissez connaissent",
                "connaissais connaissais connaissait connaissions connaissiez connaissaient",
                "connaîtrai connaîtras connaîtra connaîtrons connaîtrez connaîtront",
                "connaîtrais connaîtrais connaîtrait connaîtrions connaîtriez connaîtraient",
                "connaisse connaisses connaisse connaissions connaissiez connaissent",
                "connus connus connut connûmes connûtes connurent",
                "connusse connusses connût connussions connussiez connussent",
            ],
            imperative: "connais connaissons connaissez",
        });
        let s3 = fin(Tense::Present, Person::S3);
        assert_eq!(all_in("connaître", s3), ["connaît", "connait"]);
        assert!(has("connaître", Slot::Infinitive, "connaitre"));
        assert!(has("connaître", fin(Tense::Future, Person::S1), "connaitrai"));
        // The reformed infinitive is accepted as input too.
        assert_eq!(first("connaitre", s3), "connaît");
        assert_eq!(first("reconnaître", pp(false, false)), "reconnu");
        assert_eq!(first("apparaître", pp(false, false)), "apparu");
        assert_eq!(first("disparaître", s3), "disparaît");
        assert_eq!(first("naître", fin(Tense::SimplePast, Person::S3)), "naquit");
        assert_eq!(all_in("plaire", s3), ["plaît", "plait"]);
        // The circumflex of passé simple endings is kept.
        assert_eq!(all_in("connaître", fin(Tense::SimplePast, Person::P1)), ["connûmes"]);
    }

    #[test]
    fn accents_of_the_simple_past() {
        assert_eq!(first("être", fin(Tense::SimplePast, Person::P1)), "fûmes");
        assert_eq!(first("faire", fin(Tense::SimplePast, Person::P2)), "fîtes");
        assert_eq!(first("être", fin(Tense::ImperfectSubjunctive, Person::S3)), "fût");
        assert_eq!(first("haïr", fin(Tense::SimplePast, Person::P1)), "haïmes");
        assert_eq!(first("haïr", fin(Tense::Present, Person::S1)), "hais");
    }

    /// One spot check per irregular model and compound.
    #[test]
    fn irregular_table() {
        let cases: &[(&str, Slot, &str)] = &[
            ("faire", fin(Tense::Present, Person::P2), "faites"),
            ("défaire", fin(Tense::Present, Person::P2), "défaites"),
            ("satisfaire", fin(Tense::Future, Person::S1), "satisferai"),
            ("dire", fin(Tense::Present, Person::P2), "dites"),
            ("redire", fin(Tense::Present, Person::P2), "redites"),
            ("interdire", fin(Tense::Present, Person::P2), "interdisez"),
            ("maudire", fin(Tense::Present, Person::P1), "maudissons"),
            ("pouvoir", fin(Tense::Present, Person::S1), "peux"),
            ("pouvoir", fin(Tense::Subjunctive, Person::S3), "puisse"),
            ("vouloir", Slot::Imperative { person: Person::P2 }, "veuillez"),
            ("devoir", pp(false, false), "dû"),
            ("devoir", pp(true, false), "due"),
            ("devoir", fin(Tense::SimplePast, Person::P1), "dûmes"),
            ("savoir", Slot::PresentParticiple, "sachant"),
            ("falloir", fin(Tense::Present, Person::S3), "faut"),
            ("falloir", fin(Tense::Subjunctive, Person::S3), "faille"),
            ("falloir", fin(Tense::ImperfectSubjunctive, Person::S3), "fallût"),
            ("valoir", fin(Tense::Subjunctive, Person::S1), "vaille"),
            ("valoir", fin(Tense::Future, Person::S3), "vaudra"),
            ("émouvoir", pp(false, false), "ému"),
            ("mouvoir", pp(false, false), "mû"),
            ("recevoir", fin(Tense::Present, Person::S3), "reçoit"),
            ("apercevoir", pp(true, false), "aperçue"),
            ("décevoir", fin(Tense::Present, Person::P1), "décevons"),
            ("asseoir", fin(Tense::Present, Person::S3), "assied"),
            ("asseoir", fin(Tense::Future, Person::S1), "assiérai"),
            ("mettre", fin(Tense::SimplePast, Person::S3), "mit"),
            ("permettre", pp(true, true), "permises"),
            ("soumettre", fin(Tense::Present, Person::S3), "soumet"),
            ("tenir", fin(Tense::Subjunctive, Person::S1), "tienne"),
            ("appartenir", fin(Tense::Present, Person::S3), "appartient"),
            ("partir", fin(Tense::Present, Person::S1), "pars"),
            ("sortir", pp(true, false), "sortie"),
            ("sentir", fin(Tense::Present, Person::S3), "sent"),
            ("ressentir", fin(Tense::Present, Person::S1), "ressens"),
            ("servir", fin(Tense::Present, Person::S3), "sert"),
            ("dormir", fin(Tense::Present, Person::S1), "dors"),
            ("mentir", fin(Tense::Present, Person::S1), "mens"),
            ("courir", fin(Tense::Future, Person::S1), "courrai"),
            ("parcourir", pp(false, false), "parcouru"),
            ("mourir", fin(Tense::Present, Person::S3), "meurt"),
            ("mourir", pp(true, false), "morte"),
            ("ouvrir", Slot::Imperative { person: Person::S2 }, "ouvre"),
            ("offrir", pp(false, false), "offert"),
            ("couvrir", fin(Tense::Present, Person::S3), "couvre"),
            ("découvrir", pp(true, true), "découvertes"),
            ("souffrir", fin(Tense::Present, Person::S1), "souffre"),
            ("lire", fin(Tense::SimplePast, Person::S3), "lut"),
            ("élire", pp(false, false), "élu"),
            ("écrire", fin(Tense::Present, Person::P1), "écrivons"),
            ("décrire", pp(false, false), "décrit"),
            ("inscrire", fin(Tense::SimplePast, Person::S3), "inscrivit"),
            ("souscrire", fin(Tense::Present, Person::S3), "souscrit"),
            ("croire", fin(Tense::Present, Person::P1), "croyons"),
            ("boire", fin(Tense::Present, Person::P3), "boivent"),
            ("paraître", pp(false, false), "paru"),
            ("naître", pp(true, false), "née"),
            ("vivre", fin(Tense::SimplePast, Person::S3), "vécut"),
            ("survivre", pp(false, false), "survécu"),
            ("suivre", fin(Tense::Present, Person::S1), "suis"),
            ("poursuivre", pp(false, false), "poursuivi"),
            ("rendre", fin(Tense::Present, Person::S3), "rend"),
            ("rendre", fin(Tense::Present, Person::P1), "rendons"),
            ("attendre", pp(false, false), "attendu"),
            ("répondre", fin(Tense::Present, Person::S3), "répond"),
            ("perdre", fin(Tense::SimplePast, Person::S3), "perdit"),
            ("descendre", fin(Tense::Present, Person::P3), "descendent"),
            ("interrompre", fin(Tense::Present, Person::S3), "interrompt"),
            ("battre", fin(Tense::Present, Person::S3), "bat"),
            ("combattre", pp(false, false), "combattu"),
            ("recevoir", fin(Tense::SimplePast, Person::S3), "reçut"),
            ("conduire", fin(Tense::Present, Person::P1), "conduisons"),
            ("construire", pp(false, false), "construit"),
            ("produire", fin(Tense::SimplePast, Person::S3), "produisit"),
            ("réduire", pp(true, false), "réduite"),
            ("traduire", Slot::PresentParticiple, "traduisant"),
            ("nuire", pp(false, false), "nui"),
            ("craindre", fin(Tense::Present, Person::P1), "craignons"),
            ("craindre", pp(false, false), "craint"),
            ("peindre", fin(Tense::Present, Person::S3), "peint"),
            ("atteindre", fin(Tense::Future, Person::S1), "atteindrai"),
            ("joindre", fin(Tense::Imperfect, Person::S1), "joignais"),
            ("rejoindre", pp(true, false), "rejointe"),
            ("résoudre", fin(Tense::Present, Person::P1), "résolvons"),
            ("résoudre", pp(false, false), "résolu"),
            ("dissoudre", pp(true, false), "dissoute"),
            ("rire", fin(Tense::Imperfect, Person::P1), "riions"),
            ("sourire", fin(Tense::Present, Person::S3), "sourit"),
            ("plaire", pp(false, false), "plu"),
            ("déplaire", fin(Tense::Present, Person::S3), "déplaît"),
            ("taire", fin(Tense::Present, Person::S3), "tait"),
            ("taire", pp(true, false), "tue"),
            ("conclure", fin(Tense::Present, Person::P1), "concluons"),
            ("conclure", pp(false, false), "conclu"),
            ("inclure", pp(false, false), "inclus"),
            ("exclure", pp(true, false), "exclue"),
            ("vaincre", fin(Tense::Present, Person::S3), "vainc"),
            ("convaincre", fin(Tense::Present, Person::P1), "convainquons"),
            ("convaincre", pp(false, false), "convaincu"),
            ("extraire", fin(Tense::Present, Person::P1), "extrayons"),
            ("extraire", pp(true, false), "extraite"),
            ("acquérir", fin(Tense::Present, Person::P3), "acquièrent"),
            ("acquérir", pp(false, false), "acquis"),
            ("accueillir", fin(Tense::Future, Person::S1), "accueillerai"),
            ("fuir", fin(Tense::Present, Person::P1), "fuyons"),
            ("revêtir", fin(Tense::Present, Person::S3), "revêt"),
            ("accroître", pp(false, false), "accru"),
            ("bouillir", fin(Tense::Present, Person::S3), "bout"),
        ];
        for (body, slot, want) in cases {
            assert_eq!(first(body, *slot), *want, "{body} {slot:?}");
        }
    }

    #[test]
    fn every_irregular_key_ends_with_its_strip() {
        for e in IRREGULAR {
            assert!(e.key.ends_with(e.model.strip), "{}", e.key);
        }
    }

    #[test]
    fn same_slot_replacement() {
        let slot = slot_of("prendre", "prendront");
        assert_eq!(slot, fin(Tense::Future, Person::P3));
        assert_eq!(inflect("avoir", slot).as_deref(), Some("auront"));
        let pris = slot_of("prendre", "pris");
        assert_eq!(pris, pp(false, false));
        assert_eq!(inflect("avoir", pris).as_deref(), Some("eu"));
        let prenait = slot_of("prendre", "prenait");
        assert_eq!(inflect("avoir", prenait).as_deref(), Some("avait"));
        let prenant = slot_of("prendre", "prenant");
        assert_eq!(inflect("avoir", prenant).as_deref(), Some("ayant"));
        let prend = slot_of("prendre", "prend");
        assert_eq!(inflect("avoir", prend).as_deref(), Some("a"));
        // Ambiguous forms take the first slot in the documented order.
        assert_eq!(slot_of("prendre", "prit"), fin(Tense::SimplePast, Person::S3));
        assert_eq!(slot_of("noter", "note"), fin(Tense::Present, Person::S1));
        assert_eq!(slot_of("finir", "finit"), fin(Tense::Present, Person::S3));
    }

    #[test]
    fn inflect_falls_back_to_the_nearest_slot() {
        // falloir only has the third person singular.
        let s = inflect("falloir", fin(Tense::Future, Person::P1));
        assert_eq!(s.as_deref(), Some("faudra"));
        assert_eq!(inflect("falloir", Slot::PresentParticiple).as_deref(), Some("falloir"));
        // pouvoir has no imperative.
        let s = inflect("pouvoir", Slot::Imperative { person: Person::P2 });
        assert_eq!(s.as_deref(), Some("pouvez"));
        // traire has no passé simple.
        let s = inflect("traire", fin(Tense::SimplePast, Person::S3));
        assert_eq!(s.as_deref(), Some("trayait"));
        // invariable participles
        assert_eq!(inflect("pouvoir", pp(true, true)).as_deref(), Some("pu"));
        // nominal slots
        assert_eq!(inflect("n:digital", nominal(true, true)).as_deref(), Some("digitales"));
        assert_eq!(inflect("n:bloc", nominal(false, true)).as_deref(), Some("blocs"));
        assert_eq!(inflect("n:numérique", nominal(true, true)).as_deref(), Some("numériques"));
        // cross-category: adjective in a participle slot and vice versa
        assert_eq!(inflect("n:digital", pp(true, false)).as_deref(), Some("digitale"));
        assert_eq!(inflect("noter", nominal(true, true)).as_deref(), Some("notées"));
        assert_eq!(inflect("n:digital", fin(Tense::Present, Person::S1)).as_deref(), Some("digital"));
        assert_eq!(inflect("se rendre compte", Slot::Infinitive), None);
    }

    #[test]
    fn nouns_and_adjectives() {
        let cases: &[(&str, &str)] = &[
            // body, "ms mp fs fp"
            ("bloc", "bloc blocs bloque bloques"),
            ("digital", "digital digitaux digitale digitales"),
            ("festival", "festival festivals festivale festivales"),
            ("final", "final finals finale finales"),
            ("banal", "banal banals banale banales"),
            ("naval", "naval navals navale navales"),
            ("bateau", "bateau bateaux batelle batelles"),
            ("tuyau", "tuyau tuyaux tuyaue tuyaues"),
            ("jeu", "jeu jeux jeue jeues"),
            ("pneu", "pneu pneus pneue pneues"),
            ("bleu", "bleu bleus bleue bleues"),
            ("landau", "landau landaus landaue landaues"),
            ("bijou", "bijou bijoux bijoue bijoues"),
            ("genou", "genou genoux genoue genoues"),
            ("trou", "trou trous troue troues"),
            ("travail", "travail travaux travaile travailes"),
            ("détail", "détail détails détaile détailes"),
            ("prix", "prix prix prise prises"),
            ("nez", "nez nez neze nezes"),
            ("rapide", "rapide rapides rapide rapides"),
            ("premier", "premier premiers première premières"),
            ("heureux", "heureux heureux heureuse heureuses"),
            ("actif", "actif actifs active actives"),
            ("neuf", "neuf neufs neuve neuves"),
            ("réel", "réel réels réelle réelles"),
            ("pareil", "pareil pareils pareille pareilles"),
            ("ancien", "ancien anciens ancienne anciennes"),
            ("européen", "européen européens européenne européennes"),
            ("bon", "bon bons bonne bonnes"),
            ("muet", "muet muets muette muettes"),
            ("complet", "complet complets complète complètes"),
            ("secret", "secret secrets secrète secrètes"),
            ("inquiet", "inquiet inquiets inquiète inquiètes"),
            ("public", "public publics publique publiques"),
            ("blanc", "blanc blancs blanche blanches"),
            ("franc", "franc francs franche franches"),
            ("sec", "sec secs sèche sèches"),
            ("grec", "grec grecs grecque grecques"),
            ("noté", "noté notés notée notées"),
            ("joli", "joli jolis jolie jolies"),
            ("gris", "gris gris grise grises"),
            ("gros", "gros gros grosse grosses"),
            ("beau", "beau beaux belle belles"),
            ("nouveau", "nouveau nouveaux nouvelle nouvelles"),
            ("vieux", "vieux vieux vieille vieilles"),
            ("doux", "doux doux douce douces"),
            ("long", "long longs longue longues"),
            ("directeur", "directeur directeurs directrice directrices"),
            ("créateur", "créateur créateurs créatrice créatrices"),
            ("vendeur", "vendeur vendeurs vendeuse vendeuses"),
            ("supérieur", "supérieur supérieurs supérieure supérieures"),
            ("œil", "œil yeux œile œiles"),
        ];
        for (body, want) in cases {
            let want: Vec<&str> = want.split_whitespace().collect();
            let n = format!("n:{body}");
            let slots = [nominal(false, false), nominal(false, true), nominal(true, false), nominal(true, true)];
            for (slot, want) in slots.iter().zip(want) {
                assert_eq!(first(&n, *slot), want, "{body} {slot:?}");
            }
        }
        assert_eq!(all_in("n:idéal", nominal(false, true)), ["idéaux", "idéals"]);
        assert_eq!(all_in("n:aigu", nominal(true, false)), ["aiguë", "aigüe"]);
        assert!(has("n:maître", nominal(false, false), "maitre"));
        assert_eq!(all_in("n:sûr", nominal(false, false)), ["sûr"]);
        // Bare words not shaped like verbs are nouns/adjectives.
        assert_eq!(first("digital", nominal(false, true)), "digitaux");
        assert_eq!(first("n:Digital", nominal(false, false)), "digital");
    }

    #[test]
    fn macro_body_kinds() {
        assert_eq!(first("v:prendre", Slot::Infinitive), "prendre");
        assert_eq!(first(" prendre ", Slot::Infinitive), "prendre");
        assert_eq!(first("Prendre", Slot::Infinitive), "prendre");
        // n: forces a noun even when shaped like a verb
        assert_eq!(first("n:dossier", nominal(false, true)), "dossiers");
        assert!(all_in("n:dossier", Slot::Infinitive).is_empty());
        // v: on a word that is no infinitive
        assert_eq!(expand("v:bloc"), None);
        // unknown -re/-oir verbs and nouns in -re written bare
        assert_eq!(expand("titre"), None);
        assert_eq!(expand("ordre"), None);
        assert_eq!(expand("surseoir"), None);
        assert_eq!(expand("affaire"), None);
        // multiword bodies are for patterns
        assert_eq!(expand("se rendre compte"), None);
        assert_eq!(expand("x y"), None);
        assert_eq!(expand("s'asseoir"), None);
        assert!(expand("n:aujourd'hui").is_some());
        assert!(expand("n:titre").is_some());
    }

    #[test]
    fn forms_are_lowercase_and_non_empty() {
        let bodies = [
            "prendre",
            "avoir",
            "être",
            "aller",
            "noter",
            "commencer",
            "manger",
            "employer",
            "payer",
            "lever",
            "céder",
            "appeler",
            "acheter",
            "finir",
            "venir",
            "comprendre",
            "prévoir",
            "connaître",
            "asseoir",
            "falloir",
            "n:digital",
            "n:bloc",
            "N:Beau",
            "V:Prendre",
            "haïr",
            "émouvoir",
            "plaire",
        ];
        for body in bodies {
            let all = forms(body);
            assert!(!all.is_empty(), "{body}");
            assert_eq!(
                all[0].0,
                if body.to_lowercase().starts_with("n:") { nominal(false, false) } else { Slot::Infinitive }
            );
            for (slot, form) in &all {
                assert!(!form.is_empty(), "{body} {slot:?}");
                assert_eq!(*form, form.to_lowercase(), "{body} {slot:?}");
                assert!(!form.contains('|'), "{body} {slot:?} {form}");
            }
            for (i, a) in all.iter().enumerate() {
                assert!(!all[i + 1..].contains(a), "{body}: duplicate {a:?}");
            }
        }
    }

    #[test]
    fn order_of_forms() {
        let all = forms("prendre");
        let rank_of = |slot: Slot| all.iter().position(|(s, _)| *s == slot).unwrap();
        let order = [
            Slot::Infinitive,
            pp(false, false),
            Slot::PresentParticiple,
            fin(Tense::Present, Person::S1),
            fin(Tense::Imperfect, Person::S1),
            fin(Tense::Future, Person::S1),
            fin(Tense::Conditional, Person::S1),
            fin(Tense::Subjunctive, Person::S1),
            Slot::Imperative { person: Person::S2 },
            fin(Tense::SimplePast, Person::S1),
            fin(Tense::ImperfectSubjunctive, Person::S1),
        ];
        for pair in order.windows(2) {
            assert!(rank_of(pair[0]) < rank_of(pair[1]), "{pair:?}");
        }
        // Same form kept under different slots.
        assert!(all.contains(&(pp(false, false), "pris".to_string())));
        assert!(all.contains(&(fin(Tense::SimplePast, Person::S1), "pris".to_string())));
    }

    fn all_slots() -> Vec<Slot> {
        let mut slots = vec![Slot::Infinitive, Slot::PresentParticiple];
        for f in [false, true] {
            for p in [false, true] {
                slots.push(pp(f, p));
                slots.push(nominal(f, p));
            }
        }
        for person in PERSONS {
            slots.push(Slot::Imperative { person });
            for tense in TENSES {
                slots.push(fin(tense, person));
            }
        }
        slots
    }

    #[test]
    fn odd_inputs_never_panic() {
        let fragments = [
            "", "er", "ir", "re", "oir", "ïr", "v:", "n:", ":", " ", "x y", "é", "î", "û", "-", "'", "a", "c", "g",
            "y", "ay", "oy", "el", "et", "gu", "qu", "eau", "al", "ail", "ß", "İ", "ǅ", "ﬀ", "\u{301}", "\u{0}", "🦀",
            "1", "x", "s", "eux", "eur", "at", "prendre", "voir", "tenir", "aître", "uire", "dre",
        ];
        let slots = all_slots();
        for a in fragments {
            for b in fragments {
                for body in [format!("{a}{b}"), format!("v:{a}{b}"), format!("n:{a}{b}")] {
                    if let Some(all) = expand(&body) {
                        assert!(!all.is_empty(), "{body:?}");
                        assert!(all.iter().all(|(_, f)| !f.is_empty()), "{body:?}");
                        for slot in slots.iter().step_by(5) {
                            assert!(inflect(&body, *slot).is_some(), "{body:?} {slot:?}");
                        }
                    } else {
                        assert_eq!(inflect(&body, Slot::Infinitive), None);
                    }
                }
            }
        }
        for body in ["", "er", "v:", "n:", "ïr", "x y", "v:er", "v:ir", "v:re", "n:-"] {
            assert_eq!(expand(body), None, "{body:?}");
        }
        let long = "a".repeat(10_000) + "er";
        assert!(expand(&long).is_some());
    }
}
