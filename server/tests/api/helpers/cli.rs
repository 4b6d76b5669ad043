//! Running the `cohorte` binary's pure commands (`match`, `assign`).

use std::io::Write;
use std::process::{Command, Stdio};

/// `cohorte <command> -` with `input` on standard input: (status, stdout,
/// stderr).
pub fn run_cli(command: &str, input: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cohorte"))
        .args([command, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// `cohorte ARGS` with the environment `env` on top of a clean one (no
/// `.env`, no `COHORTE_*` of the caller's): (status, stdout, stderr).
pub fn cohorte(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cohorte"));
    command.args(args);
    for (k, _) in std::env::vars() {
        if k.starts_with("COHORTE_") || k == "LEPTOS_SITE_ROOT" {
            command.env_remove(k);
        }
    }
    // Away from the checkout's `.env`.
    command.current_dir(std::env::temp_dir());
    let out = command.envs(env.iter().copied()).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
