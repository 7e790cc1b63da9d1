//! `tandem export`.

use std::process::ExitCode;

use super::CliError;
use super::args::ExportArgs;

pub(crate) fn run(args: &ExportArgs) -> Result<ExitCode, CliError> {
    let _ = args;
    Err(CliError::Usage("tandem export is not built yet".into()))
}
