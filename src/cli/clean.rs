//! `tandem clean`.

use std::process::ExitCode;

use super::CliError;
use super::args::CleanArgs;

pub(crate) fn run(args: &CleanArgs) -> Result<ExitCode, CliError> {
    let _ = args;
    Err(CliError::Usage("tandem clean is not built yet".into()))
}
