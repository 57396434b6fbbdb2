//! The `kioku` binary: runs the command line, shows an error, and exits with the code of
//! `kioku::ExitCode` (0 success, also a closed stdout; 1 bad input or a failed check; 2 usage
//! errors, from clap; 130 after Ctrl-C; 128 + n after signal n).

fn main() {
    let result = kioku::run();
    let code = kioku::ExitCode::of(&result);
    if let Err(e) = &result {
        kioku::report_error(e);
    }
    std::process::exit(code.code());
}
