//! The README's `console` examples are real: each `$ command` runs (with `tandem` on the
//! PATH and the repository root as working directory) and must print exactly the lines
//! shown under it, standard output then standard error. In an expected line, `…` stands
//! for any text within the line (a time taken, say).

mod common;

use std::process::Command;

struct Example {
    command: String,
    expected: String,
}

fn console_examples(readme: &str) -> Vec<Example> {
    let mut examples = Vec::new();
    let mut in_console = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_console = line == "```console";
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            examples.push(Example {
                command: command.to_string(),
                expected: String::new(),
            });
        } else if let Some(example) = examples.last_mut() {
            example.expected.push_str(line);
            example.expected.push('\n');
        }
    }
    examples
}

#[test]
fn readme_console_examples_print_what_they_show() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let examples = console_examples(&readme);
    assert!(!examples.is_empty(), "the README has console examples");
    let bin = assert_cmd::cargo::cargo_bin!("tandem");
    let path = format!("{}:/usr/bin:/bin", bin.parent().unwrap().display());
    for example in examples {
        let output = Command::new("sh")
            .arg("-c")
            .arg(&example.command)
            .env_clear()
            .env("PATH", &path)
            .current_dir(common::root())
            .output()
            .unwrap();
        let printed = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        if example.expected.contains('…') {
            assert!(
                matches_with_gaps(&printed, &example.expected),
                "README example: $ {}\nprinted:\n{printed}\nexpected:\n{}",
                example.command,
                example.expected
            );
        } else {
            assert_eq!(
                printed, example.expected,
                "README example: $ {}",
                example.command
            );
        }
    }
}

/// Whether `text` is `pattern` with each `…` standing for any text without a line break.
fn matches_with_gaps(text: &str, pattern: &str) -> bool {
    let text_lines: Vec<&str> = text.split('\n').collect();
    let pattern_lines: Vec<&str> = pattern.split('\n').collect();
    text_lines.len() == pattern_lines.len()
        && text_lines
            .iter()
            .zip(&pattern_lines)
            .all(|(line, pattern)| line_matches(line, pattern))
}

fn line_matches(line: &str, pattern: &str) -> bool {
    let mut parts = pattern.split('…');
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = line.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    for (i, part) in parts.iter().enumerate() {
        if i + 1 == parts.len() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

#[test]
fn gaps_match_any_text_within_a_line() {
    assert!(line_matches("time: 0.42 s", "time: … s"));
    assert!(line_matches("a1b2c", "a…b…c"));
    assert!(!line_matches("time: 0.42 ms", "time: … s!"));
    assert!(!line_matches("tim: 1 s", "time: … s"));
    assert!(matches_with_gaps("x\ntime: 1 s\n", "x\ntime: … s\n"));
    assert!(!matches_with_gaps("x\ny\ntime: 1 s\n", "x\ntime: … s\n"));
}
