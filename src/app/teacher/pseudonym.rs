//! Pseudonyms for the grading export (`class export --pseudonymous`): stable keyed hashes, so
//! the same student has the same pseudonym in every export of the class, and nobody without
//! the class's key can compute one from a 学籍番号 (student ids are short and guessable: an
//! unkeyed hash of one is found by trying them all).

use std::io::Write;
use std::path::Path;

use blake2::digest::{KeyInit, Mac};

use crate::error::FileAction;
use crate::{tr, Error, Result};

/// The key file's name in a class folder: 64 hex digits, mode 0600, made on first use.
pub const PSEUDONYM_KEY_FILE: &str = "pseudonym.key";

/// A class's secret key for pseudonyms (32 random bytes).
pub struct PseudonymKey([u8; 32]);

impl PseudonymKey {
    /// The pseudonym of `value` in the field `what` (`id`, `name`): BLAKE2b-512 keyed with the
    /// class's key (a MAC: without the key it can be neither computed nor reversed) over
    /// `what`, a zero byte and `value`; `p-` and the first 16 hex digits of the digest (64 bits:
    /// a collision in a class of a thousand is about one in 10¹³).
    pub fn pseudonym(&self, what: &str, value: &str) -> String {
        let Ok(mut mac) = <blake2::Blake2bMac512 as KeyInit>::new_from_slice(&self.0) else {
            unreachable!("BLAKE2b takes keys up to 64 bytes; this one has 32")
        };
        mac.update(what.as_bytes());
        mac.update(&[0]);
        mac.update(value.as_bytes());
        let digest = mac.finalize().into_bytes();
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        format!("p-{hex}")
    }

    #[cfg(test)]
    pub(crate) fn from_bytes(bytes: [u8; 32]) -> PseudonymKey {
        PseudonymKey(bytes)
    }
}

/// Reads the pseudonym key of the class folder `dir`, making it (random, mode 0600) when there
/// is none. Errors: a key file that is not 64 hex digits (moving it aside makes a new key, and
/// every pseudonym changes), or a folder that cannot be written.
pub fn pseudonym_key(dir: &Path) -> Result<PseudonymKey> {
    let path = dir.join(PSEUDONYM_KEY_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            return parse(&text).ok_or_else(|| Error::Input(tr!("teacher-bad-key", path = path.display().to_string())))
        }
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(Error::file(&path, FileAction::Read)(e)),
        Err(_) => {}
    }
    let mut key = [0u8; 32];
    getrandom::fill(&mut key).map_err(|e| Error::Input(e.to_string()))?;
    let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(&path) {
        Ok(mut file) => {
            file.write_all(format!("{hex}\n").as_bytes()).map_err(Error::file(&path, FileAction::Write))?;
            Ok(PseudonymKey(key))
        }
        // Another export made it meanwhile: use that one.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => pseudonym_key(dir),
        Err(e) => Err(Error::file(&path, FileAction::Create)(e)),
    }
}

fn parse(text: &str) -> Option<PseudonymKey> {
    let text = text.trim();
    if text.len() != 64 || !text.is_ascii() {
        return None;
    }
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(PseudonymKey(key))
}
