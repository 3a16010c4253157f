//! The layout's rules, checked on the source itself: the wire machinery uses nothing of
//! the domain, and no module uses, through others, a module that uses it (no import
//! circles). A module's own descendants (which it declares and re-exports) do not count
//! as what it uses.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file below `dir`, with its module path (`wire::read`, `pulse::event`,
/// `` for the crate's root).
fn modules(dir: &Path, prefix: &[String], out: &mut BTreeMap<String, String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        panic!("cannot list {}", dir.display());
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        if path.is_dir() {
            let mut inner = prefix.to_vec();
            inner.push(name);
            modules(&path, &inner, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let mut module = prefix.to_vec();
            if name != "mod" && name != "lib" {
                module.push(name);
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            out.insert(module.join("::"), text);
        }
    }
}

/// The modules `text` (the file of module `this`) names, resolved against `known`: the
/// longest known module each `crate::…`, `super::…` or `$crate::…` path starts with.
fn uses(this: &str, text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let here: Vec<&str> = if this.is_empty() {
        Vec::new()
    } else {
        this.split("::").collect()
    };
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find(['c', 's']) {
            let tail = &rest[at..];
            let boundary = rest[..at]
                .chars()
                .last()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            let (base, path): (Vec<&str>, &str) = if let Some(p) = tail.strip_prefix("crate::") {
                (Vec::new(), p)
            } else if let Some(mut p) = tail.strip_prefix("super::") {
                let mut base = here.clone();
                base.pop();
                while let Some(more) = p.strip_prefix("super::") {
                    base.pop();
                    p = more;
                }
                (base, p)
            } else {
                rest = &rest[at + 1..];
                continue;
            };
            if boundary {
                let segments = path
                    .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                    .next()
                    .unwrap_or_default()
                    .split("::")
                    .filter(|s| !s.is_empty());
                let mut module: Vec<&str> = base.clone();
                let mut best = base.join("::");
                for segment in segments {
                    module.push(segment);
                    let candidate = module.join("::");
                    if known.contains(&candidate) {
                        best = candidate;
                    }
                }
                out.insert(best);
            }
            rest = &rest[at + 1..];
        }
    }
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = BTreeMap::new();
    modules(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &[],
        &mut files,
    );
    let known: BTreeSet<String> = files.keys().cloned().collect();
    files
        .iter()
        .map(|(module, text)| {
            let used = uses(module, text, &known)
                .into_iter()
                .filter(|used| {
                    // Not itself, and not its own descendants (which it declares).
                    used != module
                        && !(module.is_empty() || used.starts_with(&format!("{module}::")))
                })
                .collect();
            (module.clone(), used)
        })
        .collect()
}

#[test]
fn the_wire_machinery_uses_nothing_of_the_domain() {
    for (module, used) in graph() {
        if module == "wire" || module.starts_with("wire::") {
            for other in used {
                assert!(
                    other == "wire" || other.starts_with("wire::"),
                    "{module} uses {other}: the wire machinery must know no kind"
                );
            }
        }
    }
}

#[test]
fn no_module_uses_itself_through_others() {
    let graph = graph();
    // Depth-first search for a way back to the start.
    for start in graph.keys() {
        let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((module, trail)) = stack.pop() {
            for next in graph.get(&module).into_iter().flatten() {
                if next == start {
                    panic!("an import circle: {} -> {start}", trail.join(" -> "));
                }
                if seen.insert(next.clone()) {
                    let mut longer = trail.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
}

#[test]
fn the_check_finds_what_it_looks_for() {
    let known: BTreeSet<String> = ["", "wire", "wire::read", "pulse", "pulse::event"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    let text =
        "use crate::wire::read::{Reader, Field};\nuse super::event::Event; // crate::pulse\n";
    let used = uses("pulse::status", text, &known);
    assert_eq!(
        used,
        ["wire::read", "pulse::event"]
            .into_iter()
            .map(str::to_owned)
            .collect()
    );
    let text = "fn f() -> crate::pulse::X { $crate::wire::y }";
    let used = uses("legacy", text, &known);
    assert!(used.contains("pulse") && used.contains("wire"), "{used:?}");
}
