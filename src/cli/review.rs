//! `tandem review`.

use std::process::ExitCode;

use super::CliError;
use super::args::ReviewArgs;

pub(crate) fn run(args: &ReviewArgs) -> Result<ExitCode, CliError> {
    let _ = args;
    Err(CliError::Usage("tandem review is not built yet".into()))
}
