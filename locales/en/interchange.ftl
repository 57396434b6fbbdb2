# kioku import, kioku export, kioku report: messages, warnings and the column headers people
# read. CSV headers (card_key, review_time…) are for programs and stay as they are.
# Keys start with "interchange-".
interchange-cannot-write = cannot write { $path }: { $error }
interchange-wrote = wrote { $n } { $n ->
    [one] note
   *[other] notes
} to { $path }
interchange-warning = warning: { $file }: { $warning }

## import
interchange-zip = { $file } is a zip file (an Anki package?); kioku reads Anki's text export: in Anki, File → Export → Notes in Plain Text
interchange-not-utf8 = { $file } is not UTF-8 text; convert it first, e.g. iconv -f SHIFT_JIS -t UTF-8 '{ $file }' > converted.txt
interchange-bad-deck-id = '{ $id }' is not a deck id; give one with --deck
interchange-several-anki-decks = the rows come from { $n } Anki decks ({ $decks }): all are in deck '{ $id }'; export each Anki deck alone to keep them apart
interchange-would-fail-lint = { $file }: the deck would not pass `kioku lint` ({ $problem }); nothing written
interchange-nothing-imported = { $file }: no note could be imported; nothing written
interchange-imported-comment = # Imported by kioku from { $file }; check it with `kioku lint`.
interchange-too-big = { $file } makes a deck of { $size }, over the { $limit } a deck file may hold; split the file and import the parts
interchange-not-a-deck = warning: { $path } is not a deck kioku can read: its note ids cannot be kept
interchange-kept-ids = kept the ids of { $kept } notes of { $path }: { $column } by id or guid column, { $front } by the same front, { $near } by a near-identical front
interchange-kept-near = line { $line }: front changed a little, kept id '{ $id }'
interchange-new-notes = new notes (no match in { $path }): lines { $lines }
interchange-gone-notes = notes of { $path } not in this import: { $ids } (their students' history stays in the database; give a new note `renamed_from: OLD-ID` to move it)
interchange-line = line { $line }: { $error }
interchange-no-rows = no rows with content
interchange-one-column = every row has a single column: no separator was found; separate front and back with a tab or a comma (or add an Anki `#separator:` header line)
interchange-media = line { $line }: left out { $media } (kioku cannot carry media)
interchange-notetype-none = (none)
interchange-extra-fields = line { $line }: note type { $notetype } has more fields than kioku uses: only the first { $used } are kept
interchange-image-occlusion = line { $line }: skipped: note type '{ $notetype }' (image occlusion) has no kioku form
interchange-id-taken = line { $line }: id '{ $base }' is used by an earlier row: this note is '{ $id }'
interchange-skipped = line { $line }: skipped: { $reason }

## export
interchange-apkg-needs-file = an .apkg is a binary file: name it with -o, e.g. kioku export deck { $id } -o { $id }.apkg
# A true/false statement exported as a front/back note (in the deck's language, `lang:`).
interchange-true-or-false = (true or false?)
interchange-true = true
interchange-false = false

## report
interchange-report-too-big = the files come to more than { $limit } together; report on fewer students at a time
interchange-report-title = { $students } { $students ->
    [one] student
   *[other] students
} · { $cards } { $cards ->
    [one] card
   *[other] cards
}, hardest first
interchange-report-card = card
interchange-report-students = stud.
interchange-report-answers = answ.
interchange-report-lapse = lapse
interchange-report-again = again
interchange-report-recall = recall
interchange-report-md-header = | card | students | answers | lapse rate | again | recall now |
interchange-bad-separator = line { $line }: the separator { $separator } is not one Anki knows: use tab, comma, semicolon, pipe, space or colon
interchange-no-folder = there is no folder { $path }
