//! The `kioku` binary: runs the command line and maps errors to exit codes
//! (0 success, also a closed stdout; 1 bad input or a failed check; 2 usage errors, from clap).

fn main() {
    let code = match kioku::cli::run() {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => 0,
        Err(e @ kioku::Error::Deck(_)) => {
            kioku::cli::warn(&e.to_string());
            1
        }
        Err(e) => {
            kioku::cli::warn(&format!("kioku: error: {e}"));
            1
        }
    };
    std::process::exit(code);
}
