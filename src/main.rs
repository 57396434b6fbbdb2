//! The `kioku` binary: runs the command line, shows an error, and exits with the code of
//! `kioku::ExitCode` (0 success, also a closed stdout; 1 bad input or a failed check; 2 usage
//! errors, from clap; 130 after Ctrl-C; 128 + n after signal n).

fn main() {
    let result = kioku::cli::run();
    let code = kioku::ExitCode::of(&result);
    match result {
        Err(e) if !e.is_broken_pipe() => match e {
            kioku::Error::Deck(_) => kioku::cli::warn(&e.to_string()),
            _ => kioku::cli::warn(&kioku::tr!("errors-error", message = e.to_string())),
        },
        _ => {}
    }
    std::process::exit(code.code());
}
