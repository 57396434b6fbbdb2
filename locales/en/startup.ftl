# Global options and the notices of opening a collection (src/cli/mod.rs). Keys start with
# "startup-".
startup-now-invalid = --now/KIOKU_NOW: '{ $text }' is not an RFC 3339 time like 2025-05-21T09:00:00+09:00
startup-now-out-of-range = --now/KIOKU_NOW: { $now } is outside the years 1970–9000
startup-tz-unknown = --tz/KIOKU_TZ: unknown time zone '{ $name }'; use an IANA name such as Asia/Tokyo or Europe/Berlin
startup-db-folder-missing = --db: the folder { $dir } does not exist; create it first, or check the path
startup-no-data-folder = cannot find a data folder for the database (no home directory?); pass --db PATH
startup-lang-env-invalid = KIOKU_LANG: '{ $value }' is not a language kioku speaks: use ja or en (or leave it empty for the locale's)
startup-created-database = kioku: created a new database at { $path }
startup-other-decks-folder = kioku: using the decks in { $dir }, none of which the last run used; progress on the others is kept (kioku orphans). `kioku config set decks DIR` uses one folder wherever you run kioku
startup-other-decks-bundled = kioku: using the bundled decks, none of which the last run used; progress on the others is kept (kioku orphans). `kioku config set decks DIR` uses one folder wherever you run kioku
startup-read-only = kioku: { $path } is read-only, so deck changes are not saved; showing it as it is
startup-session-open = kioku: another kioku session (a review?) is using this database; deck changes will be read when it ends
startup-tz-var-invalid = kioku: warning: TZ={ $value } is not an IANA zone name (like Asia/Tokyo); using the system zone
startup-tz-unknown-system = kioku: warning: cannot tell the time zone; using UTC for study days (set --tz or KIOKU_TZ)
