//! The `tandem` command: parses arguments, calls the library, maps the outcome to an
//! exit code (0 success, 1 findings under `--check`, 2 usage or input error).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
