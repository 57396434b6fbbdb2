//! A class on one server (issue 16): a class folder holds its decks and one database with every
//! student's rows (each storage call names the learner). This module reads rosters, makes and
//! checks secrets, writes invitations and carries out the teacher's set-up commands; the
//! server's sign-in lives in `web::class`, SQL in `store`.

pub mod invites;
mod roster;
pub(crate) mod secret;
mod setup;

pub use roster::normalise_id;
pub use setup::{
    add_students, check_public_url, init, public_url, remove_student, reset_code, reset_teacher, ClassDir,
};
