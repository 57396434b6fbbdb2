//! The teacher's set-up commands on a class folder: make a class from a roster, add students,
//! give a new code, remove or erase a student, give the teacher a new password. Each checks its
//! input first and changes nothing when it is wrong. They take no session lock (a running
//! server holds it): each change is one transaction, which SQLite serialises with the server's.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::invites::Invitation;
use super::roster::{self, LineProblem, RosterError, Student};
use super::secret;
use crate::deck::DeckSource;
use crate::store::{NewAccount, Store};
use crate::{tr, Error, Result};

/// A class folder: `kioku.sqlite3` (every student's rows), `decks/`, and the invitations.
#[derive(Clone, Debug)]
pub struct ClassDir {
    pub dir: PathBuf,
}

/// The database file's name in a class folder.
const DB_FILE: &str = "kioku.sqlite3";

/// The class setting (learner 0) holding the public address invitations point to.
pub const PUBLIC_URL_SETTING: &str = "class_public_url";

impl ClassDir {
    pub fn new(dir: &Path) -> ClassDir {
        ClassDir { dir: dir.to_path_buf() }
    }

    /// The class's database.
    pub fn db(&self) -> PathBuf {
        self.dir.join(DB_FILE)
    }

    /// The class's decks folder.
    pub fn decks(&self) -> PathBuf {
        self.dir.join("decks")
    }

    /// Opens the database of an existing class; `Error::Input` when the folder is not a class.
    pub fn open(&self, now: DateTime<Utc>) -> Result<Store> {
        if !self.db().is_file() {
            return Err(Error::Input(tr!("class-not-a-class", dir = self.dir.display().to_string(), db = DB_FILE)));
        }
        Store::open(&self.db(), now)
    }
}

/// What `init` made: the teacher's password and each student's invitation (secrets in clear,
/// to be shown once).
pub struct Created {
    pub teacher_password: String,
    pub invitations: Vec<Invitation>,
}

/// Reads and checks a roster file; `Error::Input` lists every problem, each with `file:line`.
pub fn read_roster(path: &Path) -> Result<Vec<Student>> {
    let file = path.display().to_string();
    // A roster of a whole school is well under a megabyte.
    let bytes = crate::cli::input_file::read(path, 16 << 20)?;
    let parsed = roster::decode(&bytes).and_then(|text| roster::parse(&text));
    parsed.map_err(|e| Error::Input(roster_message(&file, e)))
}

fn roster_message(file: &str, e: RosterError) -> String {
    match e {
        RosterError::Encoding { line } => tr!("class-roster-encoding", file = file, line = line),
        RosterError::Header { missing } => tr!("class-roster-header", file = file, missing = missing),
        RosterError::Empty => tr!("class-roster-empty", file = file),
        RosterError::Lines(problems) => problems
            .into_iter()
            .map(|(line, p)| match p {
                LineProblem::NoId => tr!("class-roster-no-id", file = file, line = line),
                LineProblem::NoName => tr!("class-roster-no-name", file = file, line = line),
                LineProblem::Reserved => tr!("class-roster-reserved", file = file, line = line),
                LineProblem::Exponent(id) => tr!("class-roster-exponent", file = file, line = line, id = id),
                LineProblem::BadId(id) => tr!("class-roster-bad-id", file = file, line = line, id = id),
                LineProblem::Duplicate { id, first_line } => {
                    tr!("class-roster-duplicate", file = file, line = line, id = id, first = first_line)
                }
                LineProblem::Malformed(reason) => {
                    tr!("class-roster-malformed", file = file, line = line, reason = reason)
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// Checks a public address: http(s) with a host, no query or fragment. Returns it without a
/// trailing slash.
pub fn check_public_url(url: &str) -> Result<String> {
    let invalid = || Error::Input(tr!("class-public-url-invalid", url = url));
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).ok_or_else(invalid)?;
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() || url.contains(['?', '#', ' ', '@']) || url.chars().any(char::is_control) {
        return Err(invalid());
    }
    Ok(url.trim_end_matches('/').to_string())
}

/// Makes a class in `dir` from a roster: its decks (copied from `decks`, checked first), its
/// database with an account per student and the teacher's, and the invitations. A bad roster,
/// a broken deck or an existing class changes nothing.
pub fn init(
    class: &ClassDir,
    roster_path: &Path,
    decks: &DeckSource,
    public_url: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Created> {
    if class.db().exists() {
        return Err(Error::Input(tr!("class-exists", dir = class.dir.display().to_string(), db = DB_FILE)));
    }
    let public_url = public_url.map(check_public_url).transpose()?;
    let students = read_roster(roster_path)?;
    // Every deck must load before anything is made.
    crate::deck::load(decks)?;
    copy_decks(decks, &class.decks())?;
    let mut store = Store::open(&class.db(), now)?;
    if let Some(url) = &public_url {
        store.set_setting(crate::store::LearnerId::PERSONAL, PUBLIC_URL_SETTING, url)?;
    }
    let teacher_password = secret::new_password()?;
    store.set_teacher_password(&secret::hash(&teacher_password)?, now.timestamp_millis())?;
    let invitations = add_to(&mut store, &students, now)?;
    Ok(Created { teacher_password, invitations })
}

/// Adds the students of a roster to a class (none when any is already in it, or the roster is
/// wrong). Returns their invitations.
pub fn add_students(class: &ClassDir, roster_path: &Path, now: DateTime<Utc>) -> Result<Vec<Invitation>> {
    let mut store = class.open(now)?;
    let students = read_roster(roster_path)?;
    add_to(&mut store, &students, now)
}

fn add_to(store: &mut Store, students: &[Student], now: DateTime<Utc>) -> Result<Vec<Invitation>> {
    let mut invitations = Vec::with_capacity(students.len());
    let mut hashes = Vec::with_capacity(students.len());
    for s in students {
        let code = secret::new_code()?;
        hashes.push(secret::hash_code(&code)?);
        invitations.push(Invitation { id: s.id.clone(), name: s.name.clone(), code });
    }
    let accounts: Vec<NewAccount> = students
        .iter()
        .zip(&hashes)
        .map(|(s, h)| NewAccount { account: &s.id, name: &s.name, group: &s.group, code_hash: h })
        .collect();
    store.add_accounts(&accounts, now.timestamp_millis())?;
    Ok(invitations)
}

/// The public address recorded by `init`, if any.
pub fn public_url(store: &Store) -> Result<Option<String>> {
    Ok(store.settings(crate::store::LearnerId::PERSONAL)?.remove(PUBLIC_URL_SETTING))
}

/// A new code for student `id` (their password cleared, sessions ended). Returns their
/// invitation.
pub fn reset_code(class: &ClassDir, id: &str, now: DateTime<Utc>) -> Result<Invitation> {
    let mut store = class.open(now)?;
    let id = roster::normalise_id(id);
    let account = student(&store, class, &id)?;
    let code = secret::new_code()?;
    store.reset_code(&id, &secret::hash_code(&code)?)?;
    Ok(Invitation { id, name: account.name, code })
}

/// Removes student `id`: deactivated (they can no longer sign in; their rows stay), or with
/// `erase` deleted with every row of theirs. Returns the id as stored.
pub fn remove_student(class: &ClassDir, id: &str, erase: bool, now: DateTime<Utc>) -> Result<String> {
    let mut store = class.open(now)?;
    let id = roster::normalise_id(id);
    student(&store, class, &id)?;
    if erase {
        store.erase_student(&id)?;
    } else {
        store.deactivate(&id)?;
    }
    Ok(id)
}

/// A new teacher password (the old one and the teacher's sessions end).
pub fn reset_teacher(class: &ClassDir, now: DateTime<Utc>) -> Result<String> {
    let mut store = class.open(now)?;
    let password = secret::new_password()?;
    store.set_teacher_password(&secret::hash(&password)?, now.timestamp_millis())?;
    Ok(password)
}

fn student(store: &Store, class: &ClassDir, id: &str) -> Result<crate::store::Account> {
    store
        .account(id)?
        .filter(|a| a.role == crate::store::Role::Student)
        .ok_or_else(|| Error::Input(tr!("class-no-student", id = id, dir = class.dir.display().to_string())))
}

/// Copies the deck files of `source` into `to` (keeping their places under the folder).
fn copy_decks(source: &DeckSource, to: &Path) -> Result<()> {
    let files = crate::deck::deck_file_contents(source)?;
    for (relative, bytes) in files {
        let path = to.join(&relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::Input(format!("{}: {e}", parent.display())))?;
        }
        std::fs::write(&path, bytes).map_err(|e| Error::Input(format!("{}: {e}", path.display())))?;
    }
    Ok(())
}
