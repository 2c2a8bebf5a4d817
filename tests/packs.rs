//! The pack loader's errors, through the library: each names the file, the line and the rule.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use decalque::Registry;
use decalque::rules::pack::parse_pack;

fn load(text: &str) -> Result<Registry, String> {
    let pack = parse_pack("house.toml", text).map_err(|e| e.to_string())?;
    Registry::from_pack(pack).map_err(|e| e.to_string())
}

const HEAD: &str = "[[rule]]\nid = \"house.a\"\nseverity = \"warning\"\ncategory = \"calque\"\nmessage = \"m\"\nbad = [\"⟦x⟧\"]\ngood = [\"y\"]\n";

#[test]
fn a_valid_pack_loads() {
    let registry = load(&format!("{HEAD}patterns = [\"x\"]\n")).unwrap();
    assert_eq!(registry.rules().len(), 1);
}

#[test]
fn errors_name_file_line_and_rule() {
    let second = format!(
        "{HEAD}patterns = [\"x\"]\n\n[[rule]]\nid = \"house.b\"\nseverity = \"warning\"\ncategory = \"calque\"\nmessage = \"m\"\npatterns = [\"[\"]\n"
    );
    assert!(load(&second).unwrap_err().starts_with("house.toml:10: rule `house.b`: invalid pattern `[`"));
    let unknown_field = format!("{HEAD}patterns = [\"x\"]\nbefor = \"y\"\n");
    assert!(load(&unknown_field).unwrap_err().contains("house.toml:1: rule `house.a`: unknown field `befor`"));
    let unknown_kind = format!("{HEAD}kind = \"magic\"\n");
    assert!(load(&unknown_kind).unwrap_err().contains("unknown kind `magic`"));
    let bad_category = HEAD.replace("\"calque\"", "\"calques\"");
    assert!(load(&format!("{bad_category}patterns = [\"x\"]\n")).unwrap_err().contains("calques"));
    let duplicate = format!("{HEAD}patterns = [\"x\"]\n{HEAD}patterns = [\"x\"]\n");
    assert!(
        load(&duplicate)
            .unwrap_err()
            .contains("house.toml:9: rule `house.a`: duplicate id (first defined in house.toml:1)")
    );
    let no_inflection = format!("{HEAD}patterns = [\"x\"]\nreplacements = [\"{{v:}}\"]\n");
    assert!(load(&no_inflection).unwrap_err().contains("cannot inflect"));
    let missing_check = format!("{HEAD}kind = \"document\"\n");
    assert!(load(&missing_check).unwrap_err().contains("needs a `check` field"));
}
