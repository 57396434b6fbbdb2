//! A class's accounts (`learners`), sign-in sessions and failed sign-ins. Only hashes of codes,
//! passwords and session tokens are stored (made in `class::secret`); this module never sees a
//! secret in clear.

use rusqlite::{params, OptionalExtension, Row};

use crate::Result;

use super::*;

/// The account name of a class's teacher.
pub const TEACHER_ACCOUNT: &str = "teacher";

/// What an account may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Student,
    Teacher,
}

/// One account of a class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// Whose rows are theirs.
    pub learner: LearnerId,
    /// 学籍番号, or `teacher`.
    pub account: String,
    /// 氏名 ('' for the teacher).
    pub name: String,
    /// クラス ('' when none).
    pub group: String,
    pub role: Role,
    /// False once removed (`kioku class remove-student`): the rows stay, sign-in is refused.
    pub active: bool,
    /// Hash of the invitation code; None once a password is set.
    pub code_hash: Option<String>,
    /// Hash of the password the account chose (or the teacher's).
    pub password_hash: Option<String>,
}

/// A student to add: account, name, group, and the hash of their invitation code.
pub struct NewAccount<'a> {
    pub account: &'a str,
    pub name: &'a str,
    pub group: &'a str,
    pub code_hash: &'a str,
}

const ACCOUNT_COLUMNS: &str = "id, account, name, class_group, role, active, code_hash, password_hash";

fn account_row(r: &Row) -> rusqlite::Result<Account> {
    let role: String = r.get(4)?;
    Ok(Account {
        learner: LearnerId(r.get(0)?),
        account: r.get(1)?,
        name: r.get(2)?,
        group: r.get(3)?,
        role: if role == "teacher" { Role::Teacher } else { Role::Student },
        active: r.get(5)?,
        code_hash: r.get(6)?,
        password_hash: r.get(7)?,
    })
}

/// The tables whose rows belong to one learner (erased with them).
const LEARNER_TABLES: &[&str] = &["exams", "plans", "breaks", "settings", "deck_files", "sessions"];

impl Store {
    /// Adds students in one transaction, all or none. Returns their learner ids, in order; an
    /// account already in the class is `Error::Input` naming every such id.
    pub fn add_accounts(&mut self, accounts: &[NewAccount], now_ms: i64) -> Result<Vec<LearnerId>> {
        let path = self.path.clone();
        let e = |e: rusqlite::Error| db_error(&path, e);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(e)?;
        let mut taken = Vec::new();
        for a in accounts {
            let exists: bool = tx
                .query_row("SELECT EXISTS (SELECT 1 FROM learners WHERE account = ?1)", [a.account], |r| r.get(0))
                .map_err(e)?;
            if exists {
                taken.push(a.account.to_string());
            }
        }
        if !taken.is_empty() {
            return Err(crate::Error::Input(crate::tr!("class-accounts-taken", ids = taken.join(", "))));
        }
        let mut ids = Vec::with_capacity(accounts.len());
        for a in accounts {
            tx.execute(
                "INSERT INTO learners (account, name, class_group, role, code_hash, created_at_ms)
                 VALUES (?1, ?2, ?3, 'student', ?4, ?5)",
                params![a.account, a.name, a.group, a.code_hash, now_ms],
            )
            .map_err(e)?;
            ids.push(LearnerId(tx.last_insert_rowid()));
        }
        tx.commit().map_err(e)?;
        Ok(ids)
    }

    /// Sets the teacher's password hash (making the teacher's account the first time) and ends
    /// the teacher's sessions.
    pub fn set_teacher_password(&mut self, password_hash: &str, now_ms: i64) -> Result<LearnerId> {
        let path = self.path.clone();
        let e = |e: rusqlite::Error| db_error(&path, e);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(e)?;
        tx.execute(
            "INSERT INTO learners (account, name, role, password_hash, created_at_ms) VALUES (?1, '', 'teacher', ?2, ?3)
             ON CONFLICT (account) DO UPDATE SET password_hash = excluded.password_hash, active = 1",
            params![TEACHER_ACCOUNT, password_hash, now_ms],
        )
        .map_err(e)?;
        let id: i64 =
            tx.query_row("SELECT id FROM learners WHERE account = ?1", [TEACHER_ACCOUNT], |r| r.get(0)).map_err(e)?;
        tx.execute("DELETE FROM sessions WHERE learner_id = ?1", [id]).map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(LearnerId(id))
    }

    /// The account named `account` (as stored: `class::roster` normalises ids), if any.
    pub fn account(&self, account: &str) -> Result<Option<Account>> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM learners WHERE account = ?1");
        self.conn.query_row(&sql, [account], account_row).optional().map_err(|e| self.err(e))
    }

    /// The account of learner `learner`, if any.
    pub fn account_of(&self, learner: LearnerId) -> Result<Option<Account>> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM learners WHERE id = ?1");
        self.conn.query_row(&sql, [learner.0], account_row).optional().map_err(|e| self.err(e))
    }

    /// Every account, the teacher first, then students in the order they were added.
    pub fn accounts(&self) -> Result<Vec<Account>> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM learners ORDER BY role = 'student', id");
        self.query_all(&sql, [], account_row)
    }

    /// Per learner with answers: scheduled answers given, and the newest one's time (UTC ms).
    pub fn study_totals(&self) -> Result<std::collections::HashMap<LearnerId, (usize, i64)>> {
        let sql =
            "SELECT learner_id, count(*), max(reviewed_at_ms) FROM reviews WHERE kind = 'review' GROUP BY learner_id";
        self.query_all(sql, [], |r| Ok((LearnerId(r.get(0)?), (r.get::<_, i64>(1)? as usize, r.get(2)?))))
    }

    /// Gives a student a new invitation code: the code hash replaced, the password cleared, the
    /// account active again, every session of theirs ended. False when there is no such student.
    pub fn reset_code(&mut self, account: &str, code_hash: &str) -> Result<bool> {
        let path = self.path.clone();
        let e = |e: rusqlite::Error| db_error(&path, e);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(e)?;
        let changed = tx
            .execute(
                "UPDATE learners SET code_hash = ?2, password_hash = NULL, active = 1 WHERE account = ?1 AND role = 'student'",
                params![account, code_hash],
            )
            .map_err(e)?;
        tx.execute("DELETE FROM sessions WHERE learner_id = (SELECT id FROM learners WHERE account = ?1)", [account])
            .map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(changed == 1)
    }

    /// Sets a learner's own password; their invitation code stops working.
    pub fn set_password(&mut self, learner: LearnerId, password_hash: &str) -> Result<()> {
        self.conn
            .execute(
                "UPDATE learners SET password_hash = ?2, code_hash = NULL WHERE id = ?1",
                params![learner.0, password_hash],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Deactivates a student (rows kept, sign-in refused, sessions ended). False when there is
    /// no such student.
    pub fn deactivate(&mut self, account: &str) -> Result<bool> {
        let path = self.path.clone();
        let e = |e: rusqlite::Error| db_error(&path, e);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(e)?;
        let changed = tx
            .execute("UPDATE learners SET active = 0 WHERE account = ?1 AND role = 'student'", [account])
            .map_err(e)?;
        tx.execute("DELETE FROM sessions WHERE learner_id = (SELECT id FROM learners WHERE account = ?1)", [account])
            .map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(changed == 1)
    }

    /// Erases a student and every row of theirs (answers, cards, exams, plans, breaks,
    /// settings, sessions, the account itself), in one transaction. False when there is no such
    /// student. Their failed sign-ins (by account name) go too.
    pub fn erase_student(&mut self, account: &str) -> Result<bool> {
        let path = self.path.clone();
        let e = |e: rusqlite::Error| db_error(&path, e);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(e)?;
        let id: Option<i64> = tx
            .query_row("SELECT id FROM learners WHERE account = ?1 AND role = 'student'", [account], |r| r.get(0))
            .optional()
            .map_err(e)?;
        let Some(id) = id else { return Ok(false) };
        tx.execute("DELETE FROM reviews WHERE learner_id = ?1", [id]).map_err(e)?;
        tx.execute("DELETE FROM card_content WHERE card_id IN (SELECT id FROM cards WHERE learner_id = ?1)", [id])
            .map_err(e)?;
        tx.execute("DELETE FROM cards WHERE learner_id = ?1", [id]).map_err(e)?;
        for table in LEARNER_TABLES {
            tx.execute(&format!("DELETE FROM {table} WHERE learner_id = ?1"), [id]).map_err(e)?;
        }
        tx.execute("DELETE FROM sign_in_failures WHERE account = ?1", [account]).map_err(e)?;
        tx.execute("DELETE FROM learners WHERE id = ?1", [id]).map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(true)
    }

    /// Starts a sign-in session: the hash of its token, whose it is, its CSRF token, and when
    /// it ends (UTC ms).
    pub fn start_session(
        &mut self,
        token_hash: &str,
        learner: LearnerId,
        csrf_token: &str,
        now_ms: i64,
        expires_at_ms: i64,
    ) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO sessions (token_hash, learner_id, csrf_token, created_at_ms, expires_at_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![token_hash, learner.0, csrf_token, now_ms, expires_at_ms],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// The account and CSRF token of a session that has not ended, of an active account.
    pub fn session(&self, token_hash: &str, now_ms: i64) -> Result<Option<(Account, String)>> {
        let columns = ACCOUNT_COLUMNS.split(", ").map(|c| format!("l.{c}")).collect::<Vec<_>>().join(", ");
        let sql = format!(
            "SELECT {columns}, s.csrf_token FROM sessions s JOIN learners l ON l.id = s.learner_id
             WHERE s.token_hash = ?1 AND s.expires_at_ms > ?2 AND l.active = 1"
        );
        self.conn
            .query_row(&sql, params![token_hash, now_ms], |r| Ok((account_row(r)?, r.get(8)?)))
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Ends a session (signing out); ended sessions of anyone are cleared out too.
    pub fn end_session(&mut self, token_hash: &str, now_ms: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM sessions WHERE token_hash = ?1 OR expires_at_ms <= ?2", params![token_hash, now_ms])
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Notes a failed sign-in for `account` (as typed) from `address`; failures older than
    /// `forget_before_ms` are cleared out at the same time.
    pub fn note_sign_in_failure(
        &mut self,
        account: &str,
        address: &str,
        at_ms: i64,
        forget_before_ms: i64,
    ) -> Result<()> {
        let path = self.path.clone();
        let e = |e: rusqlite::Error| db_error(&path, e);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(e)?;
        tx.execute("DELETE FROM sign_in_failures WHERE at_ms < ?1", [forget_before_ms]).map_err(e)?;
        tx.execute(
            "INSERT INTO sign_in_failures (account, address, at_ms) VALUES (?1, ?2, ?3)",
            params![account, address, at_ms],
        )
        .map_err(e)?;
        tx.commit().map_err(e)
    }

    /// Failed sign-ins since `since_ms`: (for `account`, from `address`).
    pub fn sign_in_failures(&self, account: &str, address: &str, since_ms: i64) -> Result<(usize, usize)> {
        self.conn
            .query_row(
                "SELECT (SELECT count(*) FROM sign_in_failures WHERE account = ?1 AND at_ms >= ?3),
                        (SELECT count(*) FROM sign_in_failures WHERE address = ?2 AND at_ms >= ?3)",
                params![account, address, since_ms],
                |r| Ok((r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize)),
            )
            .map_err(|e| self.err(e))
    }
}
