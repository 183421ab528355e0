//! The theme's JavaScript logic, tested with Node's built-in runner
//! (`node --test tests/js/`, no npm packages). Without Node the test is
//! skipped with a message, unless `HELPGEN_REQUIRE_NODE` is set, as CI does.

use std::process::Command;

#[test]
fn theme_script_logic_passes_its_node_tests() {
    let root = env!("CARGO_MANIFEST_DIR");
    let run = Command::new("node").args(["--test", "tests/js/"]).current_dir(root).output();
    match run {
        Ok(out) => assert!(
            out.status.success(),
            "node --test failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) if std::env::var_os("HELPGEN_REQUIRE_NODE").is_none() => {
            eprintln!("SKIPPED: the JavaScript tests need Node.js ({e}); install it to run them");
        }
        Err(e) => panic!("HELPGEN_REQUIRE_NODE is set but node cannot run: {e}"),
    }
}
