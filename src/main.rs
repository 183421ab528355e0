fn main() -> std::process::ExitCode {
    helpgen::cli::run()
}
