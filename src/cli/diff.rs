//! `tandem diff`.

use std::process::ExitCode;

use super::CliError;
use super::args::DiffArgs;

pub(crate) fn run(args: &DiffArgs) -> Result<ExitCode, CliError> {
    let _ = args;
    Err(CliError::Usage("tandem diff is not built yet".into()))
}
