//! Converts the embedded rule packs (`rules/*.toml`) to JSON, which loads several times faster
//! than TOML, and writes the list the binary embeds (`$OUT_DIR/packs.rs`).
//!
//! Each table keeps the line it starts on, for error messages and `explain`. A pack that does
//! not convert (a syntax error) is embedded as TOML, so that the error is reported at run time
//! like any pack's, with its file and line.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

type Sections = BTreeMap<String, Vec<toml::Spanned<toml::Table>>>;

type BuildResult<T> = Result<T, Box<dyn std::error::Error>>;

fn main() -> BuildResult<()> {
    println!("cargo::rerun-if-changed=rules");
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").ok_or("cargo sets OUT_DIR")?);
    let mut packs: Vec<PathBuf> = fs::read_dir("rules")?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    packs.sort();
    let mut list = String::from("&[\n");
    for path in &packs {
        println!("cargo::rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let file_name = path.file_name().and_then(|n| n.to_str()).ok_or("a rule pack's name is UTF-8")?;
        let name = format!("rules/{file_name}");
        let source = match to_json(&text) {
            Some(json) => {
                let target = out_dir.join(format!("{file_name}.json"));
                fs::write(&target, json)?;
                format!("PackSource::Json(include_str!({:?}))", target.display().to_string())
            }
            None => format!("PackSource::Toml(include_str!({:?}))", absolute(path).display().to_string()),
        };
        writeln!(list, "    EmbeddedPack {{ name: {name:?}, source: {source} }},")?;
    }
    list.push(']');
    fs::write(out_dir.join("packs.rs"), list)?;
    Ok(())
}

/// `{"section": [{"line": 12, "table": {…}}, …], …}`, or `None` if the pack is not valid TOML.
fn to_json(text: &str) -> Option<String> {
    let sections: Sections = toml::from_str(text).ok()?;
    let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    let mut out = serde_json::Map::new();
    for (section, tables) in sections {
        let located = tables
            .into_iter()
            .map(|table| {
                let line = newlines.partition_point(|&n| n < table.span().start) + 1;
                serde_json::json!({ "line": line, "table": table.into_inner() })
            })
            .collect();
        out.insert(section, serde_json::Value::Array(located));
    }
    serde_json::to_string(&out).ok()
}

fn absolute(path: &Path) -> PathBuf {
    env::current_dir().map(|dir| dir.join(path)).unwrap_or_else(|_| path.to_owned())
}
