//! The export for grading (`kioku class export`): one row per student, as a spreadsheet opens it.

use crate::i18n::Lang;
use crate::safe_text::csv_cell;
use crate::tr_in;

use super::{ClassProgress, PseudonymKey};

/// The grading CSV of `progress`: UTF-8 with a byte-order mark (so Excel on Japanese Windows
/// reads it as UTF-8), a header row in `lang` (学籍番号 and 氏名 in both), then one row per
/// student: 学籍番号, 氏名, クラス, days studied, answers, time in minutes (one decimal),
/// predicted recall of the assignment on its exam date in % (one decimal; empty without an
/// assignment), mock exams taken, the latest and the best mock exam in % right (empty without
/// one). Scores are percentages rather than `7/10`, which a spreadsheet reads as a date. Text
/// cells are neutralised (a name starting with `=` is not run as a formula). With `key`, 学籍番号
/// and 氏名 are replaced by their keyed pseudonyms and the group is left out.
pub fn grading_csv(progress: &ClassProgress, lang: Lang, key: Option<&PseudonymKey>) -> Vec<u8> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut csv = csv::Writer::from_writer(&mut out);
        let header = [
            "teacher-col-id",
            "teacher-col-name",
            "teacher-col-group",
            "teacher-col-days",
            "teacher-col-reviews",
            "teacher-col-minutes",
            "teacher-col-recall",
            "teacher-col-exams",
            "teacher-col-exam-latest",
            "teacher-col-exam-best",
        ]
        .map(|k| tr_in!(lang, k));
        // Writing to a Vec fails only on a record of the wrong length, which these are not.
        let _ = csv.write_record(&header);
        let percent = |share: f64| format!("{:.1}", share * 100.0);
        for p in &progress.students {
            let s = &p.student;
            let (id, name, group) = match key {
                Some(k) => (k.pseudonym("id", &s.id), k.pseudonym("name", &s.name), String::new()),
                None => (csv_cell(&s.id).into_owned(), csv_cell(&s.name).into_owned(), csv_cell(&s.group).into_owned()),
            };
            let a = &p.activity;
            let latest = p.exams.last().map(|e| percent(e.share_right()));
            let best = p.exams.iter().map(|e| e.share_right()).max_by(f64::total_cmp).map(percent);
            let _ = csv.write_record([
                id,
                name,
                group,
                a.days_studied.to_string(),
                a.reviews.to_string(),
                format!("{:.1}", a.time_secs as f64 / 60.0),
                p.predicted_recall.map(percent).unwrap_or_default(),
                p.exams.len().to_string(),
                latest.unwrap_or_default(),
                best.unwrap_or_default(),
            ]);
        }
        let _ = csv.flush();
    }
    out
}
