//! Opening files a command reads whole (`import`, `report`, `optimize --from-csv`): only regular
//! files, and never more than a cap, so `kioku report /dev/zero` or a file that keeps growing
//! ends with a clear error instead of eating the machine's memory.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::error::FileAction;
use crate::{Error, Result};

const MIB: u64 = 1024 * 1024;
/// `kioku import`: as much as a deck file may hold (the deck it writes must load).
pub const IMPORT_MAX_BYTES: u64 = crate::deck::load::MAX_FILE_BYTES;
/// One review log for `report` or `optimize --from-csv` (about 800,000 reviews).
pub const LOG_MAX_BYTES: u64 = 64 * MIB;
/// All the logs of one `report` together.
pub const REPORT_TOTAL_MAX_BYTES: u64 = 256 * MIB;

pub use crate::error::mib;

/// Opens `path` for reading at most `max_bytes`: a regular file (not a device, pipe, socket or
/// folder) no larger than that. Reading past the cap (a file that grew) fails with an
/// `InvalidData` error naming the file and the cap. Returns the reader and the file's size.
pub fn open(path: &Path, max_bytes: u64) -> Result<(Capped<File>, u64)> {
    let name = path.display().to_string();
    let file = File::open(path).map_err(Error::file(path, FileAction::Read))?;
    // The opened file's own metadata: what is checked is what is read.
    let meta = file.metadata().map_err(Error::file(path, FileAction::Read))?;
    if !meta.is_file() {
        return Err(Error::NotRegularFile { path: path.to_path_buf() });
    }
    if meta.len() > max_bytes {
        return Err(Error::TooLarge { path: path.to_path_buf(), size_bytes: meta.len(), limit_bytes: max_bytes });
    }
    Ok((Capped { inner: file, left: max_bytes, name, max_bytes }, meta.len()))
}

/// Reads `path` whole (see [`open`]).
pub fn read(path: &Path, max_bytes: u64) -> Result<Vec<u8>> {
    let (mut reader, size) = open(path, max_bytes)?;
    let mut bytes = Vec::with_capacity(size as usize);
    reader.read_to_end(&mut bytes).map_err(Error::file(path, FileAction::Read))?;
    Ok(bytes)
}

/// A reader that fails once more than `max_bytes` have been read.
pub struct Capped<R> {
    inner: R,
    left: u64,
    name: String,
    max_bytes: u64,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        // Ask for one byte more than is left, to tell "exactly at the cap" from "past it".
        let want = buf.len().min(usize::try_from(self.left.saturating_add(1)).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        if n as u64 > self.left {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                crate::tr!("errors-grew-while-read", path = self.name.as_str(), limit = mib(self.max_bytes)),
            ));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_at_the_cap() {
        let mut capped = Capped { inner: &[7u8; 10][..], left: 10, name: "f".into(), max_bytes: 10 };
        let mut out = Vec::new();
        assert_eq!(capped.read_to_end(&mut out).unwrap(), 10);
        let mut capped = Capped { inner: &[7u8; 11][..], left: 10, name: "f".into(), max_bytes: 10 };
        let err = capped.read_to_end(&mut Vec::new()).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
        assert_eq!(mib(64 * MIB), "64 MiB");
        assert_eq!(mib(10 * MIB + 1), "11 MiB");
    }
}
