# Error messages (src/error.rs). Keys start with "errors-". Each says what is wrong, where, and
# what to do.
errors-database = database { $path }: { $message }
errors-locked = another kioku session is already using { $db } (lock file { $lock }); finish or quit it first
errors-unknown-card = no card with key '{ $key }'; keys look like deck/note-id, deck/note-id:reverse or deck/note-id:c1 (see `kioku history`)
errors-unknown-card-similar = no card with key '{ $key }'; did you mean { $similar }?
errors-stale = card { $key } changed elsewhere (another window or device) since it was shown; this answer was not saved
errors-scheduler = scheduler: { $message }
errors-file-read = cannot read { $path }: { $reason }
errors-file-write = cannot write { $path }: { $reason }
errors-file-create = cannot create { $path }: { $reason }
errors-exists = { $path } exists; choose another file, or --force to overwrite it
errors-not-regular-file = { $path } is not a regular file (a device, pipe, socket or folder); give a file
errors-too-large = { $path } is { $size }; such files are limited to { $limit }
errors-decks-folder-missing = decks folder { $path } does not exist or is not a folder
errors-decks-folder-empty = no deck files (*.yaml, *.yml) in { $path }
errors-invalid-one-of = { $name } must be { $words }, not '{ $value }'
errors-invalid-whole = { $name } must be a whole number from { $min } to { $max }, not '{ $value }'
errors-invalid-number = { $name } must be a number from { $min } to { $max }, not '{ $value }'
errors-invalid-bool = { $name } must be true or false, not '{ $value }'
errors-invalid-step = { $name }: '{ $value }' is not a step; write delays like "1m 10m" (units s, m, h, d)
errors-invalid-step-range = { $name }: '{ $value }' must be between 1s and 365d
errors-invalid-duration = { $name }: '{ $value }' is not a duration; write one like 20m or 30s (units s, m, h, d; a bare number is minutes)
errors-invalid-one-duration = { $name }: give one duration like 20m, not '{ $value }'
errors-list-separator = {", "}
errors-list-or = {" or "}
errors-unknown-setting = unknown setting '{ $key }'; known settings: { $known }
errors-unknown-deck = no deck '{ $deck }'; loaded decks: { $known }
errors-unknown-tag = no card has the tag '{ $tag }' (tags are case-sensitive); tags in the decks: { $known }
errors-csv-no-column = no `{ $column }` column (found: { $found })
errors-csv-rating = review_rating '{ $value }' is not 1-4
errors-csv-time = review_time '{ $value }' is not a time from 1970 to 9999 in epoch milliseconds or ISO-8601
errors-csv-not-review-row = not a review row from `kioku export reviews`
errors-too-few-items = only { $n } training { $n ->
    [one] item
   *[other] items
} (reviews of a card on a later day than its first); FSRS needs at least { $needed }: keep reviewing and try again
errors-decks-changed = the deck files changed while waiting for the answer; nothing was deleted; run kioku orphans again
errors-not-confirmed = not confirmed; nothing was changed
errors-error = kioku: error: { $message }
errors-grew-while-read = { $path } grew past { $limit } while being read; such files are limited to it
errors-date-short-year = { $what }: '{ $text }' has a two-digit year; write the year in full, e.g. 2027-01-20
errors-date-no-such-day = { $what }: '{ $text }' is not a day of the calendar
errors-date-no-day = { $what }: '{ $text }' names no day; write the day too, e.g. 2027-01-20
errors-date-invalid = { $what }: '{ $text }' is not a date; write e.g. 2027-01-20, 2027年1月20日 or 20 January 2027
errors-io-not-found = No such file or directory
errors-io-permission = Permission denied
errors-io-exists = File exists
errors-io-is-folder = Is a directory
errors-io-not-folder = Not a directory
errors-io-full = No space left on device
errors-io-read-only = Read-only file system
