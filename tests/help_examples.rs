//! The examples in `tandem … --help` are real: each is one command (a long one continued
//! with `\` rather than wrapped by the help's 100 columns), and each runs from the
//! repository root, using only files of the repository, the shared benchmark data, or a
//! file an earlier example of the same help writes. Each help's examples run in a copy
//! of what they write into, so that the repository is left as it is.

mod common;

use std::path::Path;
use std::process::Command;

use common::{root, tandem};

/// The help of `command` (`[]` for `tandem` itself).
fn help(command: &[&str]) -> String {
    let out = tandem().args(command).arg("--help").assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// Every subcommand, found through the `Commands:` lists of the helps.
fn subcommands(parent: &[&'static str]) -> Vec<Vec<&'static str>> {
    let text = help(parent);
    let mut found = Vec::new();
    let listed = text
        .lines()
        .skip_while(|line| *line != "Commands:")
        .skip(1)
        .take_while(|line| line.starts_with("  "));
    for line in listed {
        let name = line.split_whitespace().next().unwrap();
        if name == "help" {
            continue;
        }
        let mut command = parent.to_vec();
        command.push(name.to_string().leak());
        let children = subcommands(&command);
        if children.is_empty() {
            found.push(command);
        } else {
            found.extend(children);
        }
    }
    found
}

/// The example lines of a help: the lines after `Examples:` up to a blank line.
fn example_lines(help: &str) -> Vec<&str> {
    help.lines()
        .skip_while(|line| *line != "Examples:")
        .skip(1)
        .take_while(|line| !line.trim().is_empty())
        .collect()
}

/// The commands of `lines`, continuation lines (after a line ending in `\`) joined.
/// Every other line must start a command: a line the help wrapped does not.
fn commands(lines: &[&str], what: &str) -> Vec<String> {
    let mut commands: Vec<String> = Vec::new();
    let mut continued = false;
    for line in lines {
        if continued {
            commands.last_mut().unwrap().push_str(line.trim_start());
        } else {
            let command = line.strip_prefix("  ").unwrap_or_else(|| {
                panic!("{what}: an example is indented by two spaces: {line:?}")
            });
            let first = command.split_whitespace().next().unwrap_or("");
            assert!(
                ["tandem", "cat", "printf"].contains(&first) || is_assignment(command),
                "{what}: {line:?} starts no command; was a long example wrapped?"
            );
            commands.push(command.to_string());
        }
        continued = line.ends_with('\\');
        if continued {
            let last = commands.last_mut().unwrap();
            last.pop();
        }
    }
    commands
}

/// Whether `command` sets a shell variable (`tb=../shared/bench/textberg-de-fr`).
fn is_assignment(command: &str) -> bool {
    command.split_once('=').is_some_and(|(name, _)| {
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// A working copy of the repository root in `dir/repo`: the folders examples write
/// into copied, the rest linked, and `dir/shared` linked to the shared benchmark data.
fn sandbox(dir: &Path) -> std::path::PathBuf {
    let repo = dir.join("repo");
    std::fs::create_dir(&repo).unwrap();
    for folder in ["seeds", "glossary", "aligned"] {
        copy_folder(&root().join(folder), &repo.join(folder));
    }
    for linked in ["tests", "data"] {
        std::os::unix::fs::symlink(root().join(linked), repo.join(linked)).unwrap();
    }
    let shared = root().join("../shared");
    if shared.is_dir() {
        std::os::unix::fs::symlink(shared.canonicalize().unwrap(), dir.join("shared")).unwrap();
    }
    repo
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// The examples of `tandem eval …`, which read whole benchmarks, run beside the others.
#[test]
fn every_eval_help_example_is_one_line_and_runs() {
    check_examples(|command| command[0] == "eval");
}

#[test]
fn every_other_help_example_is_one_line_and_runs() {
    check_examples(|command| command[0] != "eval");
}

/// Checks and runs the examples of every subcommand `chosen` picks.
fn check_examples(chosen: impl Fn(&[&str]) -> bool) {
    let all = subcommands(&[]);
    assert!(all.len() >= 16, "{all:?}");
    let has_bench = root().join("../shared/bench").is_dir();
    let bin = assert_cmd::cargo::cargo_bin!("tandem");
    let path = format!("{}:/usr/bin:/bin", bin.parent().unwrap().display());
    for command in all.into_iter().filter(|c| chosen(c)) {
        let what = format!("tandem {} --help", command.join(" "));
        let text = help(&command);
        let lines = example_lines(&text);
        assert!(!lines.is_empty(), "{what}: no examples");
        let examples = commands(&lines, &what);
        if !has_bench && examples.iter().any(|e| e.contains("../shared")) {
            eprintln!("skipping the examples of {what}: ../shared/bench is not present");
            continue;
        }
        // A sandbox of its own: an example may only use what the same help writes.
        let dir = tempfile::tempdir().unwrap();
        let repo = sandbox(dir.path());
        // Variables set by earlier examples of the same help.
        let mut assignments = String::new();
        for example in examples {
            if is_assignment(&example) {
                assignments.push_str(&example);
                assignments.push('\n');
                continue;
            }
            let output = Command::new("sh")
                .arg("-c")
                .arg(format!("{assignments}{example}"))
                .env_clear()
                .env("PATH", &path)
                .current_dir(&repo)
                .output()
                .unwrap();
            // An example that says it exits with 1 shows that case, so it must.
            let expected = if example.contains("# exit 1") { 1 } else { 0 };
            assert!(
                output.status.code() == Some(expected),
                "{what}: example failed ({}): {example}\n{}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
}
