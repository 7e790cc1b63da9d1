//! Command-line definitions and dispatch. Each subcommand has its own module that only
//! reads input, calls the library and formats the result.

mod align;
mod args;
mod clean;
mod detect;
mod diff;
mod error;
mod eval;
mod export;
mod glossary;
mod inputs;
mod output;
mod reads;
mod review;
mod segment;

use std::process::ExitCode;

use args::{Cli, Command, EvalCommand};
pub(crate) use error::CliError;

/// Runs the command line and returns the process exit code.
pub(crate) fn main() -> ExitCode {
    let cli = Cli::parse_noting_given();
    output::remove_temporary_files_when_interrupted();
    let checked = reads::refuse_output_over_input(&cli.command)
        .and_then(|()| reads::refuse_stdin_twice(&cli.command));
    let outcome = checked.and_then(|()| match cli.command {
        Command::Segment(args) => segment::run(&args),
        Command::Detect(args) => detect::run(&args),
        Command::Align(args) => align::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Clean(args) => clean::run(&args),
        Command::Review(args) => review::run(&args),
        Command::Glossary(glossary) => glossary::run(glossary.command),
        Command::Eval(eval) => match eval.command {
            EvalCommand::Segment(args) => eval::segment(&args),
            EvalCommand::Detect(args) => eval::detect(&args),
            EvalCommand::Align(args) => eval::align(&args),
            EvalCommand::Clean(args) => eval::clean(&args),
            EvalCommand::Comparable(args) => eval::comparable(&args),
        },
    });
    match outcome {
        Ok(code) => code,
        Err(CliError::BrokenPipe) => ExitCode::SUCCESS,
        Err(error) => {
            output::print_error(&error, "");
            ExitCode::from(2)
        }
    }
}
