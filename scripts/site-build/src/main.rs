//! `site-build`: turns the compiled browser bundle into the files the server
//! serves under `/pkg` and at the site root, as cargo-leptos did:
//!
//! - `pkg/cohorte.js` and `pkg/cohorte.wasm`: wasm-bindgen's output for the
//!   web target (the wasm file without the `_bg` suffix, the name Leptos'
//!   hydration script asks for when `LEPTOS_OUTPUT_NAME` is set);
//! - in release, the wasm file optimised for size by `wasm-opt -Oz` (npm's
//!   binaryen, first on PATH; Debian's is too old) and the JS glue minified
//!   by terser (npm, pure JavaScript);
//! - `pkg/cohorte.css`: `style/main.css` with its `@import`s inlined and its
//!   comments and indentation removed;
//! - the files of `public/` copied to the site root.
//!
//! The `pkg` directory is written anew each time: the server fingerprints
//! every file in it, so a stale file would only change the hash.
//!
//! Usage: `site-build --wasm target/wasm32-unknown-unknown/debug/app.wasm
//! [--release] [--site target/site]`, run from the repository root.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

const OUTPUT_NAME: &str = "cohorte";
const STYLE: &str = "style/main.css";
const PUBLIC: &str = "public";

struct Args {
    wasm: PathBuf,
    site: PathBuf,
    release: bool,
}

fn args() -> Result<Args> {
    let mut wasm = None;
    let mut site = PathBuf::from("target/site");
    let mut release = false;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--wasm" => wasm = it.next().map(PathBuf::from),
            "--site" => {
                site = it
                    .next()
                    .map(PathBuf::from)
                    .context("--site needs a path")?
            }
            "--release" => release = true,
            other => bail!(
                "unknown argument {other:?} (usage: site-build --wasm FILE [--release] [--site DIR])"
            ),
        }
    }
    Ok(Args {
        wasm: wasm.context("--wasm FILE is required (the app's compiled wasm32 library)")?,
        site,
        release,
    })
}

fn main() -> Result<()> {
    let args = args()?;
    if !args.wasm.is_file() {
        bail!(
            "{} does not exist: build the browser bundle first \
             (cargo build -p app --lib --target wasm32-unknown-unknown --features hydrate)",
            args.wasm.display()
        );
    }
    let pkg = args.site.join("pkg");
    let staging = args.site.join("pkg.new");
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging)?;

    bindgen(&args.wasm, &staging)?;
    let wasm = staging.join(format!("{OUTPUT_NAME}.wasm"));
    std::fs::rename(staging.join(format!("{OUTPUT_NAME}_bg.wasm")), &wasm)?;
    if args.release {
        optimise(&wasm)?;
        minify_js(&staging.join(format!("{OUTPUT_NAME}.js")))?;
    }
    let css = bundle_css(Path::new(STYLE))?;
    std::fs::write(staging.join(format!("{OUTPUT_NAME}.css")), minify_css(&css))?;

    // Swap the new pkg in whole, so that a server reading it meanwhile sees
    // one build or the other.
    let old = args.site.join("pkg.old");
    let _ = std::fs::remove_dir_all(&old);
    if pkg.exists() {
        std::fs::rename(&pkg, &old)?;
    }
    std::fs::rename(&staging, &pkg)?;
    let _ = std::fs::remove_dir_all(&old);

    copy_dir(Path::new(PUBLIC), &args.site)?;
    for f in std::fs::read_dir(&pkg)? {
        let f = f?;
        println!("  {} ({} bytes)", f.path().display(), f.metadata()?.len());
    }
    Ok(())
}

fn bindgen(input: &Path, out: &Path) -> Result<()> {
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(input)
        .out_name(OUTPUT_NAME)
        .web(true)?
        .typescript(false)
        .generate(out)
        .with_context(|| format!("wasm-bindgen on {}", input.display()))
}

fn optimise(wasm: &Path) -> Result<()> {
    let status = Command::new("wasm-opt")
        .arg("-Oz")
        .arg("--enable-bulk-memory")
        .arg("--enable-nontrapping-float-to-int")
        .arg("--enable-sign-ext")
        .arg("--enable-mutable-globals")
        .arg("--enable-reference-types")
        .arg("--enable-multivalue")
        .arg(wasm)
        .arg("-o")
        .arg(wasm)
        .status()
        .context(
            "wasm-opt is missing: it comes from npm's binaryen (cd end2end && npm ci), \
             with end2end/node_modules/.bin first on PATH (the Makefile does both)",
        )?;
    if !status.success() {
        bail!("wasm-opt failed on {}", wasm.display());
    }
    Ok(())
}

/// The JS glue compressed and its local names shortened, as an ES module
/// (its exports keep their names: the hydration script imports them).
fn minify_js(js: &Path) -> Result<()> {
    let status = Command::new("terser")
        .arg(js)
        .args(["--module", "--compress", "--mangle", "--output"])
        .arg(js)
        .status()
        .context(
            "terser is missing: it comes from npm (cd end2end && npm ci), \
             with end2end/node_modules/.bin first on PATH (the Makefile does both)",
        )?;
    if !status.success() {
        bail!("terser failed on {}", js.display());
    }
    Ok(())
}

/// The stylesheet with each `@import "file.css";` replaced by the file,
/// relative to the importing file.
fn bundle_css(path: &Path) -> Result<String> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("@import") {
            let name = rest
                .trim()
                .trim_end_matches(';')
                .trim()
                .trim_start_matches("url(")
                .trim_end_matches(')')
                .trim_matches(|c| c == '"' || c == '\'');
            let dir = path.parent().unwrap_or(Path::new("."));
            out.push_str(&bundle_css(&dir.join(name))?);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    Ok(out)
}

/// Comments, indentation and blank lines removed; strings kept as written.
fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' {
                    if let Some(n) = chars.next() {
                        out.push(n);
                    }
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                out.push(c);
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                for n in chars.by_ref() {
                    if prev == '*' && n == '/' {
                        break;
                    }
                    prev = n;
                }
            }
            None => out.push(c),
        }
    }
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    if !from.is_dir() {
        return Ok(());
    }
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let dest = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &dest)?;
        } else {
            std::fs::copy(e.path(), &dest)
                .with_context(|| format!("copying {}", e.path().display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::minify_css;

    #[test]
    fn comments_and_indentation_go_strings_stay() {
        let css =
            "/* a */\n.a {\n    color: red; /* b */\n}\n\n.b::after { content: \"/* kept */\"; }\n";
        assert_eq!(
            minify_css(css),
            ".a {\ncolor: red;\n}\n.b::after { content: \"/* kept */\"; }"
        );
    }
}
