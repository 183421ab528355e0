//! Fixture harness: copy a fixture site (or start an empty one) into a
//! temporary folder, build it with the real binary, and read the output as
//! parsed HTML.

use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{Html, Selector};

pub struct Site {
    dir: tempfile::TempDir,
}

pub struct Run {
    pub code: i32,
    pub stderr: String,
}

impl Site {
    pub fn fixture(name: &str) -> Site {
        let site = Site::bare();
        copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name), site.root());
        site
    }

    /// A site with nothing but the sample's offers (a site without
    /// `offers.yaml` has none): `essential`, `advanced`, `enterprise`, and
    /// the legacy `classic` and `enterprise-on-premise`.
    pub fn empty() -> Site {
        let site = Site::bare();
        site.write("content/_data/offers.yaml", include_str!("../../content/_data/offers.yaml"));
        site
    }

    /// A folder with nothing in it.
    pub fn bare() -> Site {
        Site { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    pub fn write(&self, relative: &str, bytes: impl AsRef<[u8]>) -> &Site {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        self
    }

    pub fn remove(&self, relative: &str) -> &Site {
        std::fs::remove_file(self.path(relative)).unwrap();
        self
    }

    /// `helpgen build --root <site> [args]`, without colours.
    pub fn build(&self, args: &[&str]) -> Run {
        let mut all = vec!["build", "--root", self.root().to_str().unwrap()];
        all.extend_from_slice(args);
        helpgen(&all)
    }

    /// Builds and fails the test with the output if the build failed.
    pub fn build_ok(&self) -> Run {
        let run = self.build(&[]);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        run
    }

    pub fn output(&self, relative: &str) -> String {
        let path = self.path("public").join(relative);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// `assets/<digest>/`: the folder of the theme's assets in the output,
    /// named by their content.
    pub fn assets(&self) -> String {
        let folders: Vec<String> = std::fs::read_dir(self.path("public/assets"))
            .expect("an assets folder")
            .map(|entry| entry.expect("an entry"))
            .filter(|entry| entry.path().is_dir())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(folders.len(), 1, "{folders:?}");
        format!("assets/{}/", folders[0])
    }

    pub fn html(&self, relative: &str) -> Page {
        Page(Html::parse_document(&self.output(relative)))
    }
}

impl Run {
    /// Asserts a failed build (exit 1) that reported each of `expected`.
    #[track_caller]
    pub fn assert_reports(&self, expected: &[&str]) {
        assert_eq!(self.code, 1, "expected content errors:\n{}", self.stderr);
        for text in expected {
            assert!(self.stderr.contains(text), "missing {text:?} in:\n{}", self.stderr);
        }
    }
}

pub fn helpgen(args: &[&str]) -> Run {
    let out =
        Command::new(env!("CARGO_BIN_EXE_helpgen")).args(args).env("NO_COLOR", "1").output().expect("run helpgen");
    Run { code: out.status.code().unwrap_or(-1), stderr: String::from_utf8_lossy(&out.stderr).into_owned() }
}

/// A parsed output page with small query helpers.
pub struct Page(pub Html);

impl Page {
    pub fn select(&self, css: &str) -> Vec<scraper::ElementRef<'_>> {
        let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"));
        self.0.select(&selector).collect()
    }

    pub fn one(&self, css: &str) -> scraper::ElementRef<'_> {
        let found = self.select(css);
        assert_eq!(found.len(), 1, "expected exactly one `{css}`, found {}", found.len());
        found[0]
    }

    pub fn attr(&self, css: &str, name: &str) -> String {
        self.one(css).value().attr(name).unwrap_or_else(|| panic!("`{css}` has no `{name}`")).to_string()
    }

    pub fn text(&self, css: &str) -> String {
        self.one(css).text().collect::<String>().trim().to_string()
    }

    pub fn attrs(&self, css: &str, name: &str) -> Vec<String> {
        self.select(css).iter().filter_map(|e| e.value().attr(name)).map(str::to_string).collect()
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
