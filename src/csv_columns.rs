//! Finding a CSV file's columns by header name — one rule for every reader of review logs
//! (`optimize --from-csv`, `report`): names compared without regard to ASCII case, so a log
//! saved by a spreadsheet that capitalised its header still reads.

use crate::error::{CsvProblem, Error};
use crate::Result;

/// The header of a CSV file, and the file's name for messages.
pub struct Columns {
    headers: Vec<String>,
    file: String,
}

impl Columns {
    /// Reads the header of `csv` (`file` names it in messages).
    pub fn read<R: std::io::Read>(csv: &mut csv::Reader<R>, file: &str) -> Result<Columns> {
        let headers = csv.headers().map_err(|e| row_error(file, None, &e))?;
        Ok(Columns { headers: headers.iter().map(str::to_string).collect(), file: file.to_string() })
    }

    /// The index of column `name`, if the file has it.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h.eq_ignore_ascii_case(name))
    }

    /// The index of column `name`; `Error::Csv` (`NoColumn`, listing the header) without it.
    pub fn need(&self, name: &str) -> Result<usize> {
        self.find(name).ok_or_else(|| Error::Csv {
            file: self.file.clone(),
            line: None,
            problem: CsvProblem::NoColumn { column: name.to_string(), found: self.headers.clone() },
        })
    }
}

/// `Error::Csv` for what the CSV reader could not read (at 1-based `line`, when in a row).
pub fn row_error(file: &str, line: Option<u64>, e: &csv::Error) -> Error {
    Error::Csv { file: file.to_string(), line, problem: CsvProblem::Unreadable(e.to_string()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_found_by_name_whatever_their_case_and_a_missing_one_is_named() {
        let mut csv = csv::Reader::from_reader("Card_ID,review_RATING\n1,3\n".as_bytes());
        let columns = Columns::read(&mut csv, "log.csv").unwrap();
        assert_eq!((columns.find("card_id"), columns.need("review_rating").unwrap()), (Some(0), 1));
        match columns.need("review_time") {
            Err(Error::Csv { file, line: None, problem: CsvProblem::NoColumn { column, found } }) => {
                assert_eq!((file.as_str(), column.as_str()), ("log.csv", "review_time"));
                assert_eq!(found, ["Card_ID", "review_RATING"]);
            }
            other => panic!("{other:?}"),
        }
    }
}
