//! A real browser: Debian's chromium driven through chromedriver (added in the next step).
