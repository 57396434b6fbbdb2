//! `kioku class …`: a teacher's commands on a class folder (issue 16). The work is in
//! `crate::class`; this file reads the options and prints the results (secrets only here, once).

use std::path::PathBuf;

use crate::class::{self, invites, ClassDir};
use crate::{tr, Result};

use super::Context;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: ClassCommand,
}

/// The class commands. (The teacher's side — assign, export, … — adds its own here.)
#[derive(clap::Subcommand, Debug)]
pub enum ClassCommand {
    /// Make a class folder from a roster: its decks (from --decks), database, accounts and invitations
    Init(InitArgs),
    /// Add the students of a roster to a class (also while its server runs)
    AddStudents(AddArgs),
    /// Give a student a new code (their password is cleared)
    ResetCode(StudentArgs),
    /// Stop a student from signing in (their answers are kept), or erase them with --delete-data
    RemoveStudent(RemoveArgs),
    /// Print a new teacher password (the old one stops working)
    ResetTeacher(DirArgs),
}

#[derive(clap::Args, Debug)]
pub struct InitArgs {
    /// The class folder to make (it may exist, but must not be a class yet)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The roster: CSV with 学籍番号 (or id), 氏名 (or name), optionally クラス (or group); UTF-8 or Shift_JIS
    #[arg(long, value_name = "FILE")]
    pub roster: PathBuf,
    /// The address students open (e.g. https://kioku.example.ed.jp); the invitations' QR codes point there
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
}

#[derive(clap::Args, Debug)]
pub struct AddArgs {
    /// The class folder
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The roster of the students to add (same format as for init)
    #[arg(long, value_name = "FILE")]
    pub roster: PathBuf,
}

#[derive(clap::Args, Debug)]
pub struct DirArgs {
    /// The class folder
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

#[derive(clap::Args, Debug)]
pub struct StudentArgs {
    /// The class folder
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The student's 学籍番号
    #[arg(value_name = "ID")]
    pub id: String,
}

#[derive(clap::Args, Debug)]
pub struct RemoveArgs {
    /// The class folder
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The student's 学籍番号
    #[arg(value_name = "ID")]
    pub id: String,
    /// Erase the student and every answer, exam, plan and setting of theirs (cannot be undone)
    #[arg(long)]
    pub delete_data: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<()> {
    let now = ctx.now();
    match args.command {
        ClassCommand::Init(a) => {
            let dir = ClassDir::new(&a.dir);
            let decks = &ctx.paths().decks;
            let created = class::init(&dir, &a.roster, decks, a.public_url.as_deref(), now)?;
            let decks_shown = match decks {
                crate::deck::DeckSource::Dir(d) => d.display().to_string(),
                crate::deck::DeckSource::Bundled => "<bundled>".to_string(),
            };
            say(&tr!(
                "class-created",
                dir = a.dir.display().to_string(),
                students = created.invitations.len(),
                decks = decks_shown
            ));
            let store = dir.open(now)?;
            write_invites(&dir, &created.invitations, class::public_url(&store)?.as_deref())?;
            say(&tr!("class-teacher-password", password = created.teacher_password));
        }
        ClassCommand::AddStudents(a) => {
            let dir = ClassDir::new(&a.dir);
            let invitations = class::add_students(&dir, &a.roster, now)?;
            say(&tr!("class-added", n = invitations.len(), dir = a.dir.display().to_string()));
            let store = dir.open(now)?;
            write_invites(&dir, &invitations, class::public_url(&store)?.as_deref())?;
        }
        ClassCommand::ResetCode(a) => {
            let invitation = class::reset_code(&ClassDir::new(&a.dir), &a.id, now)?;
            say(&tr!("class-code-reset", id = invitation.id.as_str(), code = invitation.code.as_str()));
        }
        ClassCommand::RemoveStudent(a) => {
            let dir = ClassDir::new(&a.dir);
            let id = class::remove_student(&dir, &a.id, a.delete_data, now)?;
            say(&if a.delete_data { tr!("class-erased", id = id) } else { tr!("class-removed", id = id) });
        }
        ClassCommand::ResetTeacher(a) => {
            let password = class::reset_teacher(&ClassDir::new(&a.dir), now)?;
            say(&tr!("class-teacher-password", password = password));
        }
    }
    Ok(())
}

fn write_invites(dir: &ClassDir, invitations: &[invites::Invitation], public_url: Option<&str>) -> Result<()> {
    invites::write(&dir.dir, invitations, public_url, crate::i18n::lang())?;
    say(&tr!(
        "class-invites-written",
        n = invitations.len(),
        csv = dir.dir.join(invites::CSV_FILE).display().to_string(),
        html = dir.dir.join(invites::HTML_FILE).display().to_string()
    ));
    Ok(())
}

/// A line on stdout (roster names and paths made safe for the terminal).
fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stdout(), "{}", crate::safe_text::terminal(line));
}
