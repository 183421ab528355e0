//! Deterministic synthetic help-center generator, for benchmarking and
//! stress-testing helpgen on a realistic-looking site.
//!
//! It writes `DIR/helpgen.toml`, `DIR/content/_data/offers.yaml` and
//! `DIR/content/<lang>/<section>/<sub>/<slug>.md` for N articles. Every
//! article exists in the first (default) language; about 90% exist in each
//! other language, the rest are left untranslated on purpose.
//! Articles use front matter (product labels, related articles, toc), kramdown
//! menu spans, `{% link_new %}` cross-links (some with `#heading` anchors that
//! exist in the target), lists, tables and fenced code blocks (some holding a
//! literal link tag that must stay unexpanded). The same arguments always give
//! byte-identical output. Only the standard library is used.
//!
//! ```text
//! cargo run --release --example synth -- --articles 1000 --langs en,fr,de --out /tmp/site
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;
use std::{env, fs, io, process};

const USAGE: &str = "\
Usage: synth --out DIR [--articles N] [--langs en,fr,de] [--seed S]

  --out DIR       output directory: missing, empty, or written by synth before
  --articles N    number of articles in the default language (default 1000)
  --langs LIST    comma-separated languages, the first is the default (default en,fr,de)
  --seed S        seed of the generator (default 42)
  --help          print this message
";

const MARKER: &str = ".synth";
const PLACEHOLDER_TITLE: &str = "Add title for untranslated source";
const LABELS: [&str; 4] = ["essential", "advanced", "enterprise", "classic"];

#[rustfmt::skip]
const SECTIONS: &[(&str, &[&str])] = &[
    ("getting-started", &["first-steps", "accounts", "mobile-app"]),
    ("scheduling", &["shifts", "time-off", "templates", "rules"]),
    ("forecasting", &["volumes", "staffing"]),
    ("reporting", &["dashboards", "exports", "metrics"]),
    ("integrations", &["crm", "telephony", "api", "sso"]),
    ("administration", &["users", "permissions", "security"]),
    ("agents", &["availability", "skills"]),
    ("billing", &["plans", "invoices", "payments"]),
];

#[rustfmt::skip]
const SLUG_WORDS: &[&str] = &[
    "plan", "shift", "agent", "forecast", "report", "export", "team", "skill", "queue", "budget",
    "invoice", "rule", "holiday", "break", "dashboard", "metric", "import", "sync", "user", "role",
];

// Headings are ASCII letters and spaces and identical in every language, so their
// ids are known when planning and stable across translations. The lists are disjoint.
#[rustfmt::skip]
const H2: &[&str] = &[
    "Overview", "Before you start", "Configure the schedule", "Set up your team",
    "Manage permissions", "Review the results", "Import existing data", "Export your data",
    "Troubleshooting", "Frequently asked questions", "Known limitations", "Best practices",
    "Next steps", "How it works", "Create a new rule", "Connect an integration",
];
#[rustfmt::skip]
const H3: &[&str] = &[
    "Example", "Step by step", "Tips", "Requirements", "Common errors", "Advanced options",
    "Default values", "Permissions needed", "Keyboard shortcuts", "What happens next",
];

#[rustfmt::skip]
const IDENTS: &[&str] = &[
    "shift_id", "max_hours", "--dry-run", "api_key", "GET /v2/schedules", "timezone",
    "team.members", "status=active", "export.csv", "min_rest",
];

/// Code samples as (language, body, comment prefix for a literal link tag, if
/// the language has line comments). `{n}` and `{team}` are filled in per block.
#[rustfmt::skip]
const CODE: &[(&str, &str, Option<&str>)] = &[
    ("yaml", "schedule:\n  name: {team}-{n}\n  timezone: Europe/Paris\n  start: \"08:00\"\n  \
              agents: {n}\n", Some("# ")),
    ("json", "{\n  \"id\": {n},\n  \"team\": \"{team}\",\n  \"enabled\": true\n}\n", None),
    ("bash", "curl -s -H \"Authorization: Bearer $API_TOKEN\" \\\n  \
              https://api.example.com/v2/schedules/{n} | jq '.shifts[] | .start'\n", Some("# ")),
    ("xml", "<schedule id=\"{n}\" team=\"{team}\">\n  <shift start=\"08:00\" end=\"16:00\"/>\n\
             </schedule>\n", None),
    ("text", "Team: {team}\nShift  Start  End\nearly  06:00  14:00\nlate   14:00  22:00\n", Some("")),
];

const TEAMS: &[&str] = &["support", "sales", "billing", "night-shift"];

type Words = &'static [&'static str];

/// Per-language word lists; sentences are assembled from these pieces.
struct Vocab {
    title: Words,
    openers: Words,
    subjects: Words,
    verbs: Words,
    objects: Words,
    tails: Words,
    menu: Words,
    see: Words, // "{}" becomes a link tag
    note: &'static str,
    via: &'static str,
    open: &'static str,
    table: [&'static str; 3],
    yes_no: [&'static str; 2],
}

#[rustfmt::skip]
const EN: Vocab = Vocab {
    title: &["schedule", "shifts", "agents", "forecast", "reports", "export", "teams", "skills",
        "queues", "absences", "rules", "dashboard", "settings", "users", "billing", "integration",
        "manage", "create", "configure", "review", "weekly", "advanced", "new", "access"],
    openers: &["", "", "", "By default,", "In most cases,", "If needed,", "After saving,",
        "To save time,", "Once published,"],
    subjects: &["the account owner", "your team lead", "the planner", "each agent",
        "an administrator", "the forecast", "the system", "a supervisor"],
    verbs: &["can update", "reviews", "creates", "exports", "assigns", "recalculates",
        "publishes", "displays", "filters", "compares", "locks", "imports"],
    objects: &["the weekly schedule", "open shifts", "the service level", "all pending requests",
        "the staffing forecast", "the selected team", "each activity", "the report", "break rules",
        "the skill matrix", "time-off balances", "the interval data"],
    tails: &["", "", "for the next period", "in real time", "before publishing",
        "without extra steps", "for every site", "when the data changes",
        "at the end of each week", "across all time zones"],
    menu: &["Settings", "Users", "Schedules", "Reports", "Integrations", "Billing", "Forecasts",
        "Advanced"],
    see: &["For more information, see {}.", "See also {}.", "To learn more, read {}."],
    note: "**Note:**", via: "from", open: "Open",
    table: ["Setting", "Description", "Default"], yes_no: ["Yes", "No"],
};

#[rustfmt::skip]
const FR: Vocab = Vocab {
    title: &["planning", "équipes", "prévisions", "rapports", "exporter", "créer", "gérer",
        "paramètres", "congés", "règles", "tableau", "agents", "compétences", "files",
        "facturation", "intégration", "données", "hebdomadaire", "avancé", "aperçu", "accès",
        "système", "réglages", "façon"],
    openers: &["", "", "", "Par défaut,", "Dans la plupart des cas,", "Si nécessaire,",
        "Après l'enregistrement,", "Pour gagner du temps,", "Une fois publié,"],
    subjects: &["le titulaire du compte", "votre responsable", "le planificateur",
        "chaque agent", "un administrateur", "la prévision", "le système", "un superviseur"],
    verbs: &["met à jour", "vérifie", "crée", "exporte", "attribue", "recalcule", "publie",
        "affiche", "filtre", "compare", "verrouille", "importe"],
    objects: &["le planning hebdomadaire", "les créneaux ouverts", "le niveau de service",
        "toutes les demandes en attente", "la prévision d'effectifs", "l'équipe sélectionnée",
        "chaque activité", "le rapport", "les règles de pause", "la matrice de compétences",
        "les soldes de congés", "les données par intervalle"],
    tails: &["", "", "pour la période suivante", "en temps réel", "avant la publication",
        "sans étape supplémentaire", "pour chaque site", "lorsque les données changent",
        "à la fin de chaque semaine", "avec un objectif de 80&nbsp;%"],
    menu: &["Paramètres", "Utilisateurs", "Plannings", "Rapports", "Intégrations", "Facturation",
        "Prévisions", "Avancé"],
    see: &["Pour en savoir plus, consultez {}.", "Voir aussi {}.", "Reportez-vous à {}."],
    note: "**Remarque**&nbsp;:", via: "depuis", open: "Ouvrez",
    table: ["Paramètre", "Description", "Valeur par défaut"], yes_no: ["Oui", "Non"],
};

#[rustfmt::skip]
const DE: Vocab = Vocab {
    title: &["Dienstplan", "Schichten", "Mitarbeiter", "Prognose", "Berichte", "Export", "Teams",
        "Fähigkeiten", "Warteschlangen", "Urlaub", "Regeln", "Übersicht", "Einstellungen",
        "Benutzer", "Abrechnung", "Integration", "verwalten", "erstellen", "prüfen",
        "wöchentlich", "Größe", "Schlüssel", "Zugriff", "Änderungen", "Maßnahmen"],
    openers: &["", "", "", "", "Wichtig:", "Tipp:"],
    subjects: &["der Kontoinhaber", "Ihre Teamleitung", "der Planer", "jeder Mitarbeiter",
        "ein Administrator", "die Prognose", "das System", "ein Supervisor"],
    verbs: &["aktualisiert", "prüft", "erstellt", "exportiert", "veröffentlicht", "zeigt",
        "filtert", "vergleicht", "sperrt", "importiert", "berechnet", "übernimmt"],
    objects: &["den Wochenplan", "offene Schichten", "den Servicelevel", "alle offenen Anträge",
        "die Personalprognose", "das ausgewählte Team", "jede Aktivität", "den Bericht",
        "die Pausenregeln", "die Qualifikationsmatrix", "die Urlaubskonten", "die Intervalldaten"],
    tails: &["", "", "für den nächsten Zeitraum", "in Echtzeit", "vor der Veröffentlichung",
        "ohne zusätzliche Schritte", "für jeden Standort", "wenn sich die Daten ändern",
        "am Ende jeder Woche", "über alle Zeitzonen hinweg"],
    menu: &["Einstellungen", "Benutzer", "Dienstpläne", "Berichte", "Integrationen",
        "Abrechnung", "Prognosen", "Erweitert"],
    see: &["Weitere Informationen finden Sie unter {}.", "Siehe auch {}.", "Lesen Sie dazu {}."],
    note: "**Hinweis:**", via: "über", open: "Öffnen Sie",
    table: ["Einstellung", "Beschreibung", "Standardwert"], yes_no: ["Ja", "Nein"],
};

/// Unknown languages fall back to English words.
fn vocab(lang: &str) -> &'static Vocab {
    match lang.split('-').next() {
        Some("fr") => &FR,
        Some("de") => &DE,
        _ => &EN,
    }
}

/// splitmix64: tiny, fast, and good enough for synthetic data.
struct Rng(u64);

impl Rng {
    /// An independent stream for a key such as `[stream tag, article, language]`.
    fn derive(seed: u64, key: &[u64]) -> Rng {
        let mut rng = Rng(seed);
        for &k in key {
            rng = Rng(rng.next_u64() ^ k);
        }
        rng
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let z = (self.0 ^ (self.0 >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        let z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    /// Between `lo` and `hi` distinct items of `items`, in random order.
    fn sample<T: Copy>(&mut self, items: &[T], lo: usize, hi: usize) -> Vec<T> {
        let mut pool = items.to_vec();
        let k = self.range(lo, hi).min(pool.len());
        for i in 0..k {
            let j = i + self.below(pool.len() - i);
            pool.swap(i, j);
        }
        pool.truncate(k);
        pool
    }
    /// An index below `n` other than `not`; needs `n >= 2`.
    fn other(&mut self, n: usize, not: usize) -> usize {
        let t = self.below(n - 1);
        t + usize::from(t >= not)
    }
}

struct Args {
    articles: usize,
    langs: Vec<String>,
    out: PathBuf,
    seed: u64,
}

/// `Ok(None)` means `--help` was asked for.
fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let (mut articles, mut langs, mut out, mut seed) = (1000, "en,fr,de".to_string(), None, 42);
    while let Some(flag) = it.next() {
        if flag == "--help" || flag == "-h" {
            return Ok(None);
        }
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let bad = |_| format!("bad value for {flag}: {value}");
        match flag.as_str() {
            "--articles" => articles = value.parse().map_err(bad)?,
            "--seed" => seed = value.parse().map_err(bad)?,
            "--langs" => langs = value,
            "--out" => out = Some(PathBuf::from(value)),
            _ => return Err(format!("unknown argument: {flag}")),
        }
    }
    let langs: Vec<String> = langs.split(',').map(|l| l.trim().to_string()).collect();
    for (i, lang) in langs.iter().enumerate() {
        let primary = lang.split('-').next().unwrap_or_default();
        let valid = (2..=3).contains(&primary.len())
            && primary.bytes().all(|b| b.is_ascii_lowercase())
            && lang.split('-').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !valid || langs[..i].contains(lang) {
            return Err(format!("bad or repeated language in --langs: {lang:?}"));
        }
    }
    if articles == 0 {
        return Err("--articles must be at least 1".into());
    }
    let out = out.ok_or("--out DIR is required")?;
    Ok(Some(Args { articles, langs, out, seed }))
}

/// What all translations of one article share.
struct Article {
    path: String,                                     // relative to the language root
    headings: Vec<(&'static str, Vec<&'static str>)>, // each `##` with its `###`s
    ids: Vec<String>,                                 // heading ids, in document order
    labels: Vec<&'static str>,
    related: Vec<(usize, usize)>, // (target, overwrite_title: 0 none, 1 real, 2 placeholder)
    links: Vec<(usize, Option<String>)>, // (target, heading id in the target)
    present: Vec<bool>,           // per language
    toc: bool,
    table: bool,
    code: bool,
    words: usize, // prose budget; markup and links add about 15%
}

/// GitHub-style heading ids: lowercase, spaces become hyphens, punctuation is
/// dropped, and repeats get `-1`, `-2`, ... suffixes.
fn heading_ids(texts: &[&str]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let slug = |t: &str| -> String {
        let keep = |c: &char| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_');
        t.trim().to_lowercase().chars().filter(keep).map(|c| if c == ' ' { '-' } else { c }).collect()
    };
    let mut unique = |base: String| {
        let count = seen.entry(base.clone()).or_insert(0);
        *count += 1;
        if *count == 1 {
            base
        } else {
            format!("{base}-{}", *count - 1)
        }
    };
    texts.iter().map(|t| unique(slug(t))).collect()
}

fn plan(args: &Args) -> Vec<Article> {
    let n = args.articles;
    let mut articles: Vec<Article> = (0..n).map(|i| plan_article(args, i)).collect();
    if n < 2 {
        return articles; // nothing to link to
    }
    for i in 0..n {
        let mut rng = Rng::derive(args.seed, &[3, i as u64]);
        let mut related: Vec<(usize, usize)> = Vec::new();
        for _ in 0..rng.range(0, 3) {
            let t = rng.other(n, i);
            if related.iter().all(|&(r, _)| r != t) {
                related.push((t, rng.below(3)));
            }
        }
        let links = (0..rng.range(2, 10))
            .map(|_| {
                let t = rng.other(n, i);
                let ids = &articles[t].ids;
                (t, rng.chance(35).then(|| ids[rng.below(ids.len())].clone()))
            })
            .collect();
        articles[i].related = related;
        articles[i].links = links;
    }
    articles
}

fn plan_article(args: &Args, i: usize) -> Article {
    let mut rng = Rng::derive(args.seed, &[1, i as u64]);
    let (section, subs) = rng.pick(SECTIONS);
    let w = rng.sample(SLUG_WORDS, 2, 2);
    let slug = format!("{}-{}-{}", w[0], w[1], i + 1); // unique thanks to the index
    let path = format!("{section}/{}/{slug}.md", rng.pick(subs));
    let mut h3s = rng.sample(H3, H3.len(), H3.len()).into_iter();
    let h2s = rng.sample(H2, 3, 8);
    let headings: Vec<(&str, Vec<&str>)> =
        h2s.into_iter().map(|h2| (h2, h3s.by_ref().take(rng.range(0, 2)).collect())).collect();
    let flat: Vec<&str> = headings.iter().flat_map(|(h2, subs)| std::iter::once(h2).chain(subs)).copied().collect();
    let mut labels = rng.sample(&[0, 1, 2, 3], 1, 4);
    labels.sort();
    let present =
        (0..args.langs.len()).map(|l| l == 0 || Rng::derive(args.seed, &[2, i as u64, l as u64]).chance(90)).collect();
    Article {
        path,
        ids: heading_ids(&flat),
        headings,
        labels: labels.into_iter().map(|l| LABELS[l]).collect(),
        related: Vec::new(),
        links: Vec::new(),
        present,
        toc: rng.chance(30),
        table: rng.chance(50),
        code: rng.chance(30),
        words: rng.range(340, 1300),
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Read-only inputs for rendering any article in any language.
struct Site {
    seed: u64,
    articles: Vec<Article>,
    vocabs: Vec<&'static Vocab>,
}

impl Site {
    /// The title of article `i` in language `l`, the same wherever it is used.
    fn title(&self, i: usize, l: usize) -> String {
        let mut rng = Rng::derive(self.seed, &[5, i as u64, l as u64]);
        capitalize(&rng.sample(self.vocabs[l].title, 3, 7).join(" "))
    }

    fn link_tag(&self, l: usize, target: usize, anchor: Option<&str>) -> String {
        let (text, path) = (self.title(target, l), &self.articles[target].path);
        match anchor {
            Some(id) => format!("{{% link_new {text} | {path} | #{id} %}}"),
            None => format!("{{% link_new {text} | {path} %}}"),
        }
    }

    fn front_matter(&self, i: usize, l: usize, description: &str) -> String {
        let a = &self.articles[i];
        let mut fm = format!("---\ntitle: {}\ndescription: {description}\n", self.title(i, l));
        fm += "product_label:\n";
        for label in &a.labels {
            fm += &format!("  - {label}\n");
        }
        if !a.related.is_empty() {
            fm += "related_articles:\n";
        }
        for &(t, kind) in &a.related {
            fm += &format!("  - filepath: {}\n", self.articles[t].path);
            match kind {
                1 => fm += &format!("    overwrite_title: {}\n", self.title(t, l)),
                2 => fm += &format!("    overwrite_title: {PLACEHOLDER_TITLE}\n"),
                _ => {}
            }
        }
        if a.toc {
            fm += "toc: true\n";
        }
        fm + "---\n\n"
    }

    fn render(&self, i: usize, l: usize) -> String {
        let a = &self.articles[i];
        let mut rng = Rng::derive(self.seed, &[4, i as u64, l as u64]);
        let literal = (self.articles.len() > 1 && rng.chance(25))
            .then(|| self.link_tag(l, rng.other(self.articles.len(), i), None));
        // Links are placed with pop(), so reverse them to keep the planned order.
        let links = a.links.iter().rev().map(|(t, anchor)| self.link_tag(l, *t, anchor.as_deref())).collect();
        let mut body = Body { out: String::new(), rng, v: self.vocabs[l], words: 0, links };
        let description = body.sentence(false);
        body.words = 0;
        body.out = self.front_matter(i, l, &description);
        body.article(a, literal);
        body.out
    }
}

/// Builds one translation's body; `links` are the link tags still to place.
struct Body {
    out: String,
    rng: Rng,
    v: &'static Vocab,
    words: usize,
    links: Vec<String>,
}

impl Body {
    fn article(&mut self, a: &Article, literal: Option<String>) {
        let n = a.headings.len();
        let (table_at, code_at) = (self.rng.below(n), self.rng.below(n));
        self.paragraph();
        for (si, (h2, h3s)) in a.headings.iter().enumerate() {
            self.out += &format!("## {h2}\n\n");
            // Spread the word budget evenly, leaving room for the `###` paragraphs.
            let stop = (a.words * (si + 1) / n).saturating_sub(40 * h3s.len());
            loop {
                match self.rng.below(100) {
                    0..=59 => self.paragraph(),
                    60..=74 => self.list(false),
                    75..=89 => self.list(true),
                    _ => self.note(),
                }
                if self.words >= stop {
                    break;
                }
            }
            if a.table && si == table_at {
                self.table();
            }
            if a.code && si == code_at {
                self.code(literal.as_deref());
            }
            for h3 in h3s {
                self.out += &format!("### {h3}\n\n");
                self.paragraph();
            }
        }
        while let Some(tag) = self.links.pop() {
            self.out += &format!("- {tag}\n");
        }
        self.out.truncate(self.out.trim_end().len());
        self.out.push('\n');
    }

    /// A kramdown menu span: `_Settings > Users_{:.menu-item}`.
    fn menu(&mut self) -> String {
        let path = self.rng.sample(self.v.menu, 1, 3).join(" > ");
        format!("_{path}_{{:.menu-item}}")
    }

    /// One sentence; `rich` allows openers and inline markup, otherwise it is plain text.
    fn sentence(&mut self, rich: bool) -> String {
        let (v, r) = (self.v, &mut self.rng);
        let opener = if rich { r.pick(v.openers) } else { "" };
        let mut s = format!("{opener} {} {}", r.pick(v.subjects), r.pick(v.verbs));
        let object = r.pick(v.objects);
        s += &match r.below(100) {
            0..=7 if rich => format!(" **{object}**"),
            8..=13 if rich => format!(" *{object}*"),
            _ => format!(" {object}"),
        };
        if rich && r.chance(8) {
            s += &format!(" (`{}`)", r.pick(IDENTS));
        }
        let tail = r.pick(v.tails);
        if !tail.is_empty() && (rich || !tail.contains('&')) {
            s += &format!(" {tail}");
        }
        if rich && r.chance(8) {
            s += &format!(" {} {}", v.via, self.menu());
        }
        self.words += s.split_whitespace().count();
        capitalize(s.trim_start()) + "."
    }

    fn paragraph(&mut self) {
        let mut text: Vec<String> = (0..self.rng.range(2, 6)).map(|_| self.sentence(true)).collect();
        if self.rng.chance(4) {
            text[0] += "<sup>1</sup>";
        }
        if !self.links.is_empty() && self.rng.chance(50) {
            let tag = self.links.pop().unwrap_or_default();
            text.push(self.rng.pick(self.v.see).replace("{}", &tag));
        }
        self.out += &(text.join(" ") + "\n\n");
    }

    fn note(&mut self) {
        let text = format!("{} {}\n\n", self.v.note, self.sentence(true));
        self.out += &text;
    }

    fn list(&mut self, numbered: bool) {
        for n in 1..=self.rng.range(3, 6) {
            let item =
                if numbered && n == 1 { format!("{} {}.", self.v.open, self.menu()) } else { self.sentence(true) };
            let number = format!("{n}.");
            let marker = if numbered { &number } else { "-" };
            self.out += &format!("{marker} {item}\n");
        }
        self.out += "\n";
    }

    fn table(&mut self) {
        let [a, b, c] = self.v.table;
        self.out += &format!("| {a} | {b} | {c} |\n| --- | --- | --- |\n");
        for _ in 0..self.rng.range(3, 6) {
            let ident = self.rng.pick(IDENTS);
            let desc = capitalize(self.rng.pick(self.v.objects));
            let default = match self.rng.below(3) {
                0 => self.rng.pick(&self.v.yes_no).to_string(),
                _ => self.rng.range(1, 480).to_string(),
            };
            self.out += &format!("| `{ident}` | {desc} | {default} |\n");
        }
        self.out += "\n";
    }

    /// A fenced code block; `literal` is a link tag that must survive unexpanded.
    fn code(&mut self, literal: Option<&str>) {
        let (lang, template, comment) = self.rng.pick(CODE);
        let team = self.rng.pick(TEAMS);
        let n = self.rng.range(1, 999).to_string();
        let mut code = template.replace("{team}", team).replace("{n}", &n);
        if let (Some(tag), Some(prefix)) = (literal, comment) {
            code += &format!("{prefix}{tag}\n");
        }
        self.out += &format!("```{lang}\n{code}```\n\n");
    }
}

/// Writes one file, creating its folder, and adds it to `totals` (files, bytes).
fn write(path: &Path, text: &str, totals: &mut (usize, usize)) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(path, text)?;
    *totals = (totals.0 + 1, totals.1 + text.len());
    Ok(())
}

/// Refuses a non-empty directory that synth did not write; otherwise clears old content.
fn prepare_out(dir: &Path) -> io::Result<()> {
    if dir.exists() {
        if fs::read_dir(dir)?.next().is_some() && !dir.join(MARKER).is_file() {
            let msg = format!("refusing to write into non-empty {} (no {MARKER} file)", dir.display());
            return Err(io::Error::other(msg));
        }
        let content = dir.join("content");
        if content.exists() {
            fs::remove_dir_all(content)?;
        }
    }
    fs::create_dir_all(dir)
}

fn run(args: &Args) -> io::Result<()> {
    let started = Instant::now();
    prepare_out(&args.out)?;
    let mut totals = (0, 0);
    let marker = "Written by helpgen's examples/synth.rs; synth may overwrite this folder.\n";
    write(&args.out.join(MARKER), marker, &mut totals)?;
    let quoted: Vec<String> = args.langs.iter().map(|l| format!("\"{l}\"")).collect();
    let config = format!(
        "title = \"Synthetic Help Center\"\nbase_url = \"https://help.example.com/\"\n\
         default_language = \"{}\"\nlanguages = [{}]\n",
        args.langs[0],
        quoted.join(", ")
    );
    write(&args.out.join("helpgen.toml"), &config, &mut totals)?;
    // The offers the articles are labelled with; a site without the file has none.
    let offers: String = LABELS.iter().map(|id| format!("  - id: {id}\n")).collect();
    write(&args.out.join("content/_data/offers.yaml"), &format!("offers:\n{offers}"), &mut totals)?;

    let vocabs = args.langs.iter().map(|l| vocab(l)).collect();
    let site = Site { seed: args.seed, articles: plan(args), vocabs };
    for (l, lang) in args.langs.iter().enumerate() {
        let root = args.out.join("content").join(lang);
        for (i, article) in site.articles.iter().enumerate() {
            if article.present[l] {
                write(&root.join(&article.path), &site.render(i, l), &mut totals)?;
            }
        }
    }
    let (files, bytes) = totals;
    let (dir, took) = (args.out.display(), started.elapsed());
    println!("synth: wrote {files} files, {bytes} bytes to {dir} in {took:.2?}");
    Ok(())
}

fn main() {
    let args = match parse_args(env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => return print!("{USAGE}"),
        Err(msg) => {
            eprintln!("synth: {msg}\n\n{USAGE}");
            process::exit(2);
        }
    };
    if let Err(err) = run(&args) {
        eprintln!("synth: {err}");
        process::exit(1);
    }
}
