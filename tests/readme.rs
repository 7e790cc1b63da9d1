//! The README's `console` examples are real: each `$ command` runs (with `tandem` on the
//! PATH and the repository root as working directory) and must print exactly the lines
//! shown under it, standard output then standard error.

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
        assert_eq!(
            printed, example.expected,
            "README example: $ {}",
            example.command
        );
    }
}
