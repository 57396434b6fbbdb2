//! One thread owns the database and the review state (the [`Desk`]); request handlers send it
//! jobs and await their results. Database work never blocks the async runtime, every step of a
//! review runs in order, and neither the store nor the engine needs to be shared between
//! threads.

use std::sync::mpsc;
use std::thread::JoinHandle;

use super::desk::Desk;
use crate::store::LearnerId;
use crate::{Error, Result};

type Job = Box<dyn FnOnce(&mut Desk) + Send>;

/// A handle to the desk's thread. Cloning it is cheap; the thread ends when every handle is
/// dropped, after the jobs already sent.
#[derive(Clone)]
pub struct Worker {
    jobs: mpsc::Sender<Job>,
}

/// The job did not run: the worker thread has stopped (it panicked, or the server is shutting
/// down), or the learner's state could not be read from the database.
#[derive(Debug)]
pub enum Gone {
    Stopped,
    Failed(Error),
}

impl Worker {
    /// Starts the thread, which builds its desk with `make` (so nothing in it has to be `Send`
    /// but what `make` captures), and waits until it is built. Returns the handle and the
    /// thread, to join once the server has stopped (the store is closed and the session lock
    /// released when it ends), or the error `make` returned.
    pub fn start(make: impl FnOnce() -> Result<Desk> + Send + 'static) -> Result<(Worker, JoinHandle<()>)> {
        let (jobs, queue) = mpsc::channel::<Job>();
        let (ready, built) = mpsc::channel::<Result<()>>();
        let thread = std::thread::Builder::new().name("kioku-desk".into()).spawn(move || {
            let mut desk = match make() {
                Ok(desk) => desk,
                Err(e) => {
                    let _ = ready.send(Err(e));
                    return;
                }
            };
            let _ = ready.send(Ok(()));
            while let Ok(job) = queue.recv() {
                job(&mut desk);
            }
        })?;
        match built.recv() {
            Ok(Ok(())) => Ok((Worker { jobs }, thread)),
            Ok(Err(e)) => Err(e),
            Err(_) => Err(Error::Io(std::io::Error::other("the database thread stopped while starting"))),
        }
    }

    /// Runs `job` on the desk as `learner` (whose state the desk switches to first) and
    /// returns its result.
    pub async fn run<T: Send + 'static>(
        &self,
        learner: LearnerId,
        job: impl FnOnce(&mut Desk) -> T + Send + 'static,
    ) -> Result<T, Gone> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.jobs
            .send(Box::new(move |desk| {
                // The request may have been dropped (the client left): the work is done anyway.
                let _ = reply.send(desk.switch_to(learner).map(|()| job(desk)));
            }))
            .map_err(|_| Gone::Stopped)?;
        answer.await.map_err(|_| Gone::Stopped)?.map_err(Gone::Failed)
    }

    /// Runs `job` on the store alone, as no learner (sign-in, sessions, the class's accounts),
    /// with the server's clock.
    pub async fn run_on_store<T: Send + 'static>(
        &self,
        job: impl FnOnce(&mut crate::store::Store, chrono::DateTime<chrono::Utc>) -> T + Send + 'static,
    ) -> Result<T, Gone> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.jobs
            .send(Box::new(move |desk| {
                let now = desk.now();
                let _ = reply.send(job(&mut desk.store, now));
            }))
            .map_err(|_| Gone::Stopped)?;
        answer.await.map_err(|_| Gone::Stopped)
    }

    /// Forgets `learner`'s state on the desk (signed out).
    pub fn forget(&self, learner: LearnerId) {
        let _ = self.jobs.send(Box::new(move |desk| desk.forget(learner)));
    }
}
