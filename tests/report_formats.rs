//! The report formats (human, json, jsonl, sarif, github, markdown, html): snapshots on the seed and on a
//! small folder with CRLF, a BOM and multi-byte spans; SARIF against the official schema;
//! fingerprints that survive inserted lines.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;
use std::sync::Arc;

use assert_cmd::Command;
use decalque::report::{self, Format, Summary};
use decalque::{Linter, Registry, Selection, Source};
use serde_json::Value;

const FORMATS: &[&str] = &["human", "json", "jsonl", "sarif", "github", "markdown", "html"];

fn decalque() -> Command {
    let mut cmd = Command::cargo_bin("decalque").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Runs `decalque check --format FORMAT PATH` in `dir` and returns standard output, with the
/// crate version masked so snapshots survive a release.
fn run(dir: &Path, format: &str, path: &str) -> String {
    let out = decalque().current_dir(dir).args(["check", "--format", format, path]).output().unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1), "{format}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .unwrap()
        .replace(&format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION")), "\"version\": \"[version]\"")
        .replace(&format!("\"decalque {}\"", env!("CARGO_PKG_VERSION")), "\"decalque [version]\"")
}

/// A folder `docs/` with CRLF line ends, a BOM, multi-byte text before and inside spans,
/// a file name that needs escaping, and a clean file.
fn sample_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir_all(docs.join("sous dossier")).unwrap();
    fs::write(
        docs.join("crlf.txt"),
        "La réunion prendra place à Genève.\r\nLe Conseil Russie-OTAN se réunit. Le RNC ne s’était pas réuni depuis deux ans.\r\n",
    )
    .unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(
        "🇫🇷 Ça commence : Alexander Grushko a noté que *50 %* des [membres], selon <l’OTAN>, étaient là.\n\nIl faut réaliser que c’est important...\n"
            .as_bytes(),
    );
    fs::write(docs.join("bom.txt"), bom).unwrap();
    fs::write(docs.join("sous dossier/notes, v2:final.txt"), "Le projet va prendre place en 2ème semaine.\n").unwrap();
    fs::write(docs.join("propre.txt"), "Les passagers ont pris place à bord.\n").unwrap();
    dir
}

#[test]
fn seed_reports_match_their_snapshots() {
    for format in FORMATS {
        let out = run(Path::new("."), format, "fixtures/seed/rnc-bruxelles.txt");
        insta::assert_snapshot!(format!("seed.{format}"), out);
    }
}

#[test]
fn folder_reports_match_their_snapshots() {
    let dir = sample_folder();
    for format in FORMATS {
        let out = run(dir.path(), format, "docs");
        assert!(!out.contains(&*dir.path().to_string_lossy()), "{format}: absolute path in the output");
        insta::assert_snapshot!(format!("folder.{format}"), out);
    }
}

/// The vendored SARIF 2.1.0 schema (see tests/data/sarif/LICENSE for where it comes from).
///
/// Its `run.language` pattern has a stray `]`, a literal in ECMAScript regexes but an error
/// for Rust's: it is escaped in memory (same meaning); the file itself stays as published.
fn schema_validator() -> jsonschema::Validator {
    let text = fs::read_to_string("tests/data/sarif/sarif-2.1.0-rtm.5.json").unwrap();
    let stray = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(text.contains(stray), "the vendored schema changed: revisit this workaround");
    let text = text.replace(stray, r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#);
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid_sarif(validator: &jsonschema::Validator, text: &str) {
    let log: Value = serde_json::from_str(text).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "SARIF schema errors:\n{}", errors.join("\n"));
    // What GitHub code scanning needs beyond the schema.
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "decalque");
    assert!(driver["informationUri"].is_string() && driver["version"].is_string());
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = driver["rules"].as_array().unwrap();
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(!uri.starts_with('/') && !uri.contains('\\'), "{uri}");
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(location["region"][key].as_u64().unwrap() >= 1, "{key}");
        }
        assert!(result["partialFingerprints"]["decalque/v1"].as_str().unwrap().len() == 16);
    }
}

#[test]
fn sarif_follows_the_official_schema() {
    let validator = schema_validator();
    assert_valid_sarif(&validator, &run(Path::new("."), "sarif", "fixtures/seed/rnc-bruxelles.txt"));
    let dir = sample_folder();
    assert_valid_sarif(&validator, &run(dir.path(), "sarif", "docs"));
}

#[test]
fn the_schema_rejects_a_broken_log() {
    let validator = schema_validator();
    let broken = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]});
    assert!(!validator.is_valid(&broken), "the vendored schema must require driver.name");
}

fn sarif_of(text: &str) -> Value {
    let registry = Arc::new(Registry::builtin().unwrap());
    let linter = Linter::new(registry.clone(), Selection::all(&registry));
    let report = linter.check_source(Source { name: "article.txt".into(), bytes: text.as_bytes().to_vec() }).unwrap();
    let mut reporter = report::reporter(Format::Sarif, false, registry.rules());
    let mut summary = Summary::default();
    summary.add(&report);
    let mut out = Vec::new();
    reporter.file(&mut out, &report).unwrap();
    reporter.finish(&mut out, &summary).unwrap();
    serde_json::from_slice(&out).unwrap()
}

/// (rule, snippet, line, fingerprint) of every result.
fn fingerprints(log: &Value) -> Vec<(String, String, u64, String)> {
    log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            (
                r["ruleId"].as_str().unwrap().to_owned(),
                region["snippet"]["text"].as_str().unwrap().to_owned(),
                region["startLine"].as_u64().unwrap(),
                r["partialFingerprints"]["decalque/v1"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn fingerprints_survive_lines_inserted_above() {
    let body =
        "La réunion prendra place à Genève.\nLa réunion prendra place à Genève.\nLe sommet prendra place à Paris.\n";
    let before = fingerprints(&sarif_of(body));
    let after = fingerprints(&sarif_of(&format!("Un titre sans faute.\n\nDeux lignes de plus.\n{body}")));
    assert_eq!(before.len(), 3, "{before:?}");
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!((&b.0, &b.1, &b.3), (&a.0, &a.1, &a.3), "fingerprint changed");
        assert_eq!(b.2 + 3, a.2, "the finding moved down three lines");
    }
    // Identical lines get distinct fingerprints through their occurrence index.
    assert_ne!(before[0].3, before[1].3);
    // Editing the flagged line itself changes its fingerprint.
    let edited = fingerprints(&sarif_of(&body.replacen("Genève", "Lyon", 1)));
    assert_ne!(edited[0].3, before[0].3);
}

/// A folder of traps for the HTML report: Windows-1252 and UTF-16 files, markup and a
/// URL in the text, a leading line break (which `<pre>` would swallow), a lone CR,
/// invisible characters, nested findings.
fn html_trap_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir_all(&docs).unwrap();
    fs::write(docs.join("latin1.txt"), b"La r\xe9union prendra place \xe0 Gen\xe8ve, dit l'OTAN.\n").unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "Le Conseil Russie-OTAN prendra place à Genève.\r\nAlexander Grushko l’a dit.\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    fs::write(docs.join("utf16.txt"), utf16).unwrap();
    fs::write(
        docs.join("pieges <&>.txt"),
        "\nLe <script>alert(\"x\")</script> & </pre> du RNC prendra place : voir https://example.org/a?b=1&c=2.\r\
         Un\u{200B}mot, le Conseil Russie-OTAN qu' »un accord » … il y a 50 % .\n",
    )
    .unwrap();
    dir
}

fn select<'a>(root: scraper::ElementRef<'a>, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    root.select(&scraper::Selector::parse(selector).unwrap()).collect()
}

fn text_of(element: scraper::ElementRef<'_>) -> String {
    element.text().collect()
}

/// Line breaks as an HTML parser reads them.
fn html_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The MQM weight in tenths of a point of a finding, from the mapping documented in
/// README.md (kept independent of `decalque::quality` on purpose).
fn mqm_tenths(category: &str, severity: &str) -> u64 {
    match (category, severity) {
        ("untranslated", _) => 250,
        ("typography" | "locale", "error") => 10,
        ("typography" | "locale", _) => 1,
        (_, "info") => 10,
        _ => 50,
    }
}

/// Checks the HTML report of `path` in `dir` against the JSON report of the same run and
/// the files themselves; returns the number of findings.
fn assert_html_report(dir: &Path, path: &str) -> usize {
    let html = run(dir, "html", path);
    let json: Value = serde_json::from_str(&run(dir, "json", path)).unwrap();
    let files = json["files"].as_array().unwrap();
    let page = scraper::Html::parse_document(&html);
    // The parser does report what is not well formed.
    assert!(!scraper::Html::parse_document("<!DOCTYPE html><p></div>").errors.is_empty());
    assert!(page.errors.is_empty(), "HTML parse errors: {:?}", page.errors);
    let root = page.root_element();
    assert!(html.starts_with("<!DOCTYPE html>\n"));
    assert_eq!(select(root, "head > meta[charset]").len(), 1);

    // Self-contained: no element that loads anything, no link out of the page.
    for element in select(root, "*") {
        let name = element.value().name();
        assert!(
            !["link", "img", "iframe", "object", "embed", "base", "audio", "video", "source", "picture"]
                .contains(&name),
            "<{name}> in the report"
        );
        for (attribute, value) in element.value().attrs() {
            assert!(!["src", "srcset", "action", "formaction", "data"].contains(&attribute), "{attribute}={value}");
            if attribute == "href" {
                assert!(value.starts_with('#'), "href={value}");
            }
            assert!(!value.contains("http://") && !value.contains("https://"), "{attribute}={value}");
        }
    }
    for style in select(root, "style") {
        let css = text_of(style);
        assert!(!css.contains("url(") && !css.contains("@import"), "external CSS");
    }
    for script in select(root, "script") {
        assert!(!text_of(script).contains("http"), "script loads something");
    }

    // Summary: a row per file, then the overall row.
    let rows = select(root, "table.summary > tbody > tr");
    assert_eq!(rows.len(), files.len());
    assert_eq!(select(root, "table.summary > tfoot > tr").len(), 1);
    let sections = select(root, "section.file");
    assert_eq!(sections.len(), files.len(), "one section per file");

    let mut total = (0usize, [0usize; 3], 0u64);
    let mut ids = std::collections::HashSet::new();
    let mut categories = std::collections::BTreeSet::new();
    let mut findings = 0;
    for ((section, row), file) in sections.iter().zip(&rows).zip(files) {
        let name = file["path"].as_str().unwrap();
        assert_eq!(text_of(select(*section, "h2")[0]), name);
        let id = section.value().attr("id").unwrap();

        // The document text, exactly once and in order.
        let bytes = fs::read(dir.join(name)).unwrap();
        let document = decalque::Document::from_source(Source { name: name.into(), bytes }).unwrap();
        let pres = select(*section, "pre.doc");
        assert_eq!(pres.len(), 1, "{name}");
        let pre = pres[0];
        assert_eq!(text_of(pre), html_newlines(document.decoded()), "{name}: document text");

        // One mark (its first piece has the id) per finding, linked from the side list.
        let diagnostics = file["diagnostics"].as_array().unwrap();
        let items = select(*section, "ol.findings > li");
        assert_eq!(items.len(), diagnostics.len(), "{name}");
        assert_eq!(select(pre, "mark[id]").len(), diagnostics.len(), "{name}");
        let mut severities = [0usize; 3];
        let mut tenths = 0;
        for (item, d) in items.iter().zip(diagnostics) {
            let (severity, category) = (d["severity"].as_str().unwrap(), d["category"].as_str().unwrap());
            let link = select(*item, "a.loc")[0];
            let target = link.value().attr("href").unwrap().strip_prefix('#').unwrap();
            assert!(ids.insert(target.to_owned()), "duplicate id {target}");
            let marks = select(pre, &format!("mark[id=\"{target}\"]"));
            assert_eq!(marks.len(), 1, "{name}: no mark #{target}");
            let mark = marks[0];
            let key = mark.value().attr("data-d").unwrap();
            let pieces: String = select(pre, &format!("mark[data-d=\"{key}\"]")).into_iter().map(text_of).collect();
            assert_eq!(pieces, html_newlines(d["text"].as_str().unwrap()), "{name}: text of #{target}");
            assert_eq!(text_of(link), format!("{}:{}", d["start"]["line"], d["start"]["column"]));
            assert_eq!(mark.value().attr("data-sev"), Some(severity));
            assert_eq!(mark.value().attr("data-cat"), Some(category));
            assert_eq!(item.value().attr("data-cat"), Some(category));
            assert!(mark.value().attr("title").unwrap().contains(d["message"].as_str().unwrap()));
            assert!(text_of(*item).contains(d["rule"].as_str().unwrap()));
            severities[["error", "warning", "info"].iter().position(|s| *s == severity).unwrap()] += 1;
            tenths += mqm_tenths(category, severity);
            categories.insert(category.to_owned());
        }
        findings += diagnostics.len();
        // Every piece of every mark belongs to a listed finding.
        for mark in select(pre, "mark") {
            assert!(ids.contains(&format!("f{}", mark.value().attr("data-d").unwrap())));
        }

        // Its summary row: link, words, counts by severity, penalty and score.
        let cells: Vec<String> = select(*row, "td").into_iter().map(text_of).collect();
        assert_eq!(select(*row, "a")[0].value().attr("href"), Some(&*format!("#{id}")));
        let words = document.word_count();
        let expected = [
            name.to_owned(),
            words.to_string(),
            severities[0].to_string(),
            severities[1].to_string(),
            severities[2].to_string(),
            format!("{:.1}", tenths as f64 / 10.0),
            format!("{:.1}", tenths as f64 * 100.0 / words.max(1) as f64),
        ];
        assert_eq!(cells, expected, "{name}: summary row");
        total.0 += words;
        total.2 += tenths;
        for (t, s) in total.1.iter_mut().zip(severities) {
            *t += s;
        }
    }
    let overall: Vec<String> = select(root, "table.summary > tfoot td").into_iter().map(text_of).collect();
    let expected = [
        total.0.to_string(),
        total.1[0].to_string(),
        total.1[1].to_string(),
        total.1[2].to_string(),
        format!("{:.1}", total.2 as f64 / 10.0),
        format!("{:.1}", total.2 as f64 * 100.0 / total.0.max(1) as f64),
    ];
    assert_eq!(overall, expected, "overall row");

    // Filters: hidden until the script shows them, one checkbox per category found.
    if findings > 0 {
        let form = select(root, "form#filters")[0];
        assert!(form.value().attr("hidden").is_some());
        let offered: std::collections::BTreeSet<String> =
            select(form, "input[name=cat]").into_iter().map(|i| i.value().attr("value").unwrap().to_owned()).collect();
        assert_eq!(offered, categories);
    }
    findings
}

#[test]
fn html_reports_are_well_formed_and_complete() {
    assert!(assert_html_report(Path::new("."), "fixtures/seed/rnc-bruxelles.txt") > 20);
    let dir = sample_folder();
    assert!(assert_html_report(dir.path(), "docs") > 5);
    let traps = html_trap_folder();
    assert!(assert_html_report(traps.path(), "docs") > 5);
    let html = run(traps.path(), "html", "docs");
    assert!(!html.contains("<script>alert"), "document text must be escaped");
}
