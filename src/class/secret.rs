//! A class's secrets: invitation codes, passwords and sign-in session tokens. Codes and passwords
//! are kept only as argon2id hashes (PHC strings, so the parameters travel with each hash);
//! session tokens, random and long, only as BLAKE2b hashes, so a copy of the database lets no
//! one sign in.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use blake2::{Blake2b512, Digest};
use unicode_normalization::UnicodeNormalization;

use crate::{Error, Result};

/// Letters and digits that cannot be mistaken for one another on paper (no 0/O, 1/I/L, 5/S, 8/B).
const ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTUVWXY2345679";

/// Characters in an invitation code (27^10: about 47 bits; guessing is also rate limited).
const CODE_CHARS: usize = 10;

/// Characters in a teacher password kioku makes (27^20: about 95 bits).
const PASSWORD_CHARS: usize = 20;

/// The shortest password a student or teacher may choose.
pub const MIN_PASSWORD_CHARS: usize = 8;

/// The longest password kept (a longer body is a mistake or an attack on the hash's time).
pub const MAX_PASSWORD_CHARS: usize = 200;

/// argon2id's parameters: OWASP's minimum (19 MiB, 2 passes) in a release build; in debug and
/// test builds (which `cargo test` runs, signing in hundreds of students) the cheapest allowed.
fn argon2() -> Argon2<'static> {
    #[cfg(not(debug_assertions))]
    let params = Params::new(19 * 1024, 2, 1, None);
    #[cfg(debug_assertions)]
    let params = Params::new(64, 1, 1, None);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.expect("valid argon2 parameters"))
}

/// Random bytes from the operating system.
fn random<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| Error::Input(format!("no random numbers from the system: {e}")))?;
    Ok(bytes)
}

/// `chars` characters of `ALPHABET`, uniformly (bytes past the last whole multiple are redrawn).
fn random_text(chars: usize) -> Result<String> {
    let limit = 256 - 256 % ALPHABET.len();
    let mut out = String::with_capacity(chars);
    while out.len() < chars {
        for b in random::<32>()? {
            if (b as usize) < limit && out.len() < chars {
                out.push(ALPHABET[b as usize % ALPHABET.len()] as char);
            }
        }
    }
    Ok(out)
}

/// A new invitation code, written in groups of five (`ACDEF-GHJKM`).
pub fn new_code() -> Result<String> {
    let text = random_text(CODE_CHARS)?;
    Ok(format!("{}-{}", &text[..5], &text[5..]))
}

/// A new teacher password, in groups of five.
pub fn new_password() -> Result<String> {
    let text = random_text(PASSWORD_CHARS)?;
    Ok(text.as_bytes().chunks(5).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-"))
}

/// A code as typed (on a phone: lower case, full-width, spaces or no hyphen) in the form it was
/// hashed in: NFKC, upper case, without spaces and hyphens.
pub fn normalise_code(typed: &str) -> String {
    typed.nfkc().filter(|c| !c.is_whitespace() && *c != '-' && *c != 'ー').flat_map(char::to_uppercase).collect()
}

/// The argon2id hash (a PHC string) of a secret.
pub fn hash(secret: &str) -> Result<String> {
    let salt = SaltString::encode_b64(&random::<16>()?).map_err(|e| Error::Input(e.to_string()))?;
    argon2().hash_password(secret.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| Error::Input(e.to_string()))
}

/// Whether `secret` matches a stored hash (false for a damaged hash).
pub fn verify(secret: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| argon2().verify_password(secret.as_bytes(), &h).is_ok())
}

/// The hash of an invitation code (`normalise_code` first).
pub fn hash_code(code: &str) -> Result<String> {
    hash(&normalise_code(code))
}

/// Whether a typed code matches a stored code hash.
pub fn verify_code(typed: &str, stored: &str) -> bool {
    verify(&normalise_code(typed), stored)
}

/// A new session token (the cookie's value): 32 random bytes as hex.
pub fn new_token() -> Result<String> {
    Ok(hex(&random::<32>()?))
}

/// What the database keeps of a session token: its BLAKE2b-512 hash, hex (a token is random and
/// long, so a fast hash is enough).
pub fn token_hash(token: &str) -> String {
    hex(&Blake2b512::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_accepted_as_a_phone_types_it_and_nothing_else() {
        let code = new_code().unwrap();
        assert_eq!(code.len(), 11);
        assert!(code.chars().all(|c| c == '-' || ALPHABET.contains(&(c as u8))));
        let stored = hash_code(&code).unwrap();
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(!stored.contains(&normalise_code(&code)));
        let typed: String = code.to_lowercase().replace('-', " ");
        assert!(verify_code(&typed, &stored));
        let full_width: String =
            code.chars().map(|c| if c == '-' { c } else { char::from_u32(c as u32 + 0xFEE0).unwrap() }).collect();
        assert!(verify_code(&full_width, &stored));
        assert!(!verify_code("ACDEF-GHJKM", &stored) || code == "ACDEF-GHJKM");
        assert!(!verify("x", "not a hash"));
    }

    #[test]
    fn salts_differ_and_tokens_are_hashed() {
        assert_ne!(hash("same").unwrap(), hash("same").unwrap());
        let token = new_token().unwrap();
        assert_eq!(token.len(), 64);
        assert_eq!(token_hash(&token).len(), 128);
        assert_ne!(token_hash(&token), token_hash(&new_token().unwrap()));
        let password = new_password().unwrap();
        assert_eq!(password.len(), 23);
        assert!(verify(&password, &hash(&password).unwrap()));
    }
}
