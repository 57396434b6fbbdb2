//! `kioku serve`: HTTP tests in process for every route and every refusal (`http`, `review`),
//! the binary's start, ports, lock, signals, `--lan` and `--open` (`serve`), and a real browser
//! (`browser`, Debian's chromium through chromedriver).

#[path = "../common/mod.rs"]
mod common;

mod browser;
mod connections;
mod findings;
mod http;
mod once;
mod pages;
mod plan;
mod quiz;
mod review;
mod robust;
mod serve;
mod site;
