//! Integration tests: build fixture sites with the real binary and check the
//! HTML they produce. One test crate (one link of the library) with a module
//! per feature.

#[allow(dead_code)]
mod harness;

mod assistants;
mod bad_input;
mod broken_corpus;
mod browser;
mod check;
mod dialect;
mod external;
mod hosts;
mod jekyll_center;
mod js;
mod links;
mod model;
mod offers;
mod pages;
mod policy;
mod requirements;
mod sample_site;
mod search;
mod selfcheck;
mod serve;
mod theme;
mod twins;
