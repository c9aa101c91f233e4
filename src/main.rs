use std::process::ExitCode;

fn main() -> ExitCode {
    sparekrav::cli::main()
}
