# Deck diagnostics: validation, lint warnings, keyboard slips, and how a diagnostic is shown.
# Keys start with "lint-". The codes (duplicate-id, fullwidth-colon…) never change with the
# language; only messages and hints do.

## How a diagnostic is shown
lint-severity-error = error
lint-severity-warning = warning
lint-hint = hint
lint-summary = { $errors } { $errors ->
    [one] error
   *[other] errors
}, { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}
lint-nothing-changed = { $errors } { $errors ->
    [one] error
   *[other] errors
} in the decks; nothing was changed

## Validation (errors)
lint-id-hint = use letters, digits, '-' and '_' only
lint-bad-deck-id = deck id '{ $id }' is not valid
lint-bad-deck-id-hint = the deck id comes from the file name: rename the file, or add `deck: an-id` (letters, digits, '-' and '_')
lint-bad-check = check '{ $check }' is not text, date or number
lint-missing-id = note has no id
lint-missing-id-hint = add `id: a-stable-name`; the id keeps the student's progress when the note is edited
lint-bad-id = note id '{ $id }' is not valid
lint-duplicate-id = duplicate note id '{ $id }' (also used by { $first })
lint-duplicate-id-hint = each note needs its own id
lint-renamed-from-twice = renamed_from '{ $old }' is also given by { $first }
lint-renamed-from-twice-hint = the old note's history can move to one note only: keep renamed_from on that one
lint-renamed-from-present = renamed_from names '{ $old }', which is still a note of this deck
lint-renamed-from-present-hint = renamed_from is for a note whose id changed: give the old id, once the old note is gone
lint-empty-field = `{ $field }` is empty
lint-empty-entry = entry { $n } of `{ $field }` is empty
lint-duplicate-entry = '{ $value }' is listed twice in `{ $field }` (entries { $first } and { $second })
lint-no-content = note '{ $id }' has no question: no front/back, cloze, question, statement or order
lint-no-content-answer-hint = `answer` goes with `question:` or `statement:`; a front/back note uses `back:`
lint-no-content-hint = add `front:` and `back:`, or `cloze:` with {"{{"}c1::…{"}}"}, or `question:`, `statement:` or `order:`
lint-mixed-kinds = note '{ $id }' mixes kinds ({ $kinds }); a note is one kind
lint-misplaced-reverse = `reverse` applies to front/back notes only
lint-misplaced-answer = `answer` belongs to question and statement notes
lint-misplaced-answer-hint = a front/back note uses `back:`; a cloze hides its answer in {"{{"}c1::…{"}}"}
lint-missing-front = note '{ $id }' has a back but no front
lint-missing-back = note '{ $id }' has a front but no back
lint-cloze-without-deletion = cloze has no deletion
lint-cloze-without-deletion-hint = mark the hidden part as {"{{"}c1::text{"}}"}
lint-missing-question = note '{ $id }' has distractors but no question
lint-missing-answer = question '{ $id }' has no `answer`
lint-too-few-options = question '{ $id }' needs `distractors` (at least one wrong option)
lint-too-few-options-hint = or write it as front/back if it has no options
lint-answer-in-distractors = the answer '{ $answer }' is also a distractor
lint-missing-statement-answer = statement '{ $id }' needs `answer: true` or `answer: false`
lint-bad-statement-answer = a statement's answer is true or false (or yes/no, 正/誤, 正しい/誤り, はい/いいえ, ○/×), not '{ $answer }'
lint-too-few-items = order '{ $id }' needs at least two `items`, listed in the right order
lint-misplaced-check = `{ $field }` applies to front/back and cloze notes
lint-accept-without-check = `accept` needs `check:` (text, date or number)
lint-unreadable-date = '{ $value }' is not a date (write it like 2024年12月 or 2024-12-05), but the note says check: date
lint-unreadable-number = '{ $value }' is not a number (write it like 60日 or 23億ドル), but the note says check: number
lint-unreadable-answer-hint = fix the answer, or use check: text
lint-bad-renamed-from = renamed_from '{ $old }' is not a note id or deck/note-id

## Cloze syntax
lint-cloze-unclosed = '{"{{"}' is never closed with '{"}}"}' (write \{"{{"} for a literal brace pair)
lint-cloze-nested = a cloze deletion cannot contain '{"{"}' or another {"{{"}…{"}}"} (write \{"{{"} for a literal brace pair)
lint-cloze-number-zero = cloze number must be 1 or more, not '{ $head }'
lint-cloze-number-too-big = cloze numbers go up to { $max }, not '{ $head }'
lint-cloze-not-a-number = '{ $head }' is not a cloze number: write {"{{"}c1::text{"}}"}
lint-cloze-empty = empty cloze deletion
lint-cloze-numbers-run-out = this deletion would be number { $next }; cloze numbers go up to { $max }

## YAML
lint-yaml-syntax = YAML syntax: { $info }
lint-yaml-unknown-field = { $place }unknown field `{ $field }`, expected one of { $known }
lint-did-you-mean = did you mean `{ $field }`?
lint-tab-indent-hint = YAML indents with spaces; this line starts with a tab
lint-nested-too-deep = nested more than { $max } levels deep
lint-alias-bomb = aliases (*name) expand to more than 100,000 values or 1 MiB of text; write the values out

## Warnings
lint-no-cards = the file has no cards
lint-no-cards-hint = add notes under `cards:`
lint-retyped-boolean = `{ $field }: { $value }` is kept as the text "{ $value }", but other YAML tools read it as a boolean
lint-retyped-number = `{ $field }: { $value }` is kept as the text "{ $value }", but other YAML tools read it as a number
lint-retyped-date = `{ $field }: { $value }` is kept as the text "{ $value }", but other YAML tools read it as a date
lint-retyped-hint = quote it, "{ $value }", so every tool sees the text
lint-control-character = `{ $field }` holds the control character { $code }: terminals act on such characters (kioku shows it as { $shown })
lint-control-character-hint = delete it; text in a deck needs no control characters
lint-reading-unclosed = the reading `{ $bracket }` is never closed with `]`, so it is shown as text
lint-reading-unclosed-hint = close it: 文在寅[ムン・ジェイン]; or write \[ for a bracket that is text
lint-reading-empty = empty reading `{ $bracket }`: it is shown as text
lint-reading-empty-hint = write the reading in kana between the brackets, or remove them
lint-reading-base = the reading `{ $reading }]` belongs to `{ $base }`: a base runs back to the last space
lint-reading-base-hint = put a space before the word it reads, e.g. `{ $fixed }{ $reading }]` (the space is not shown)
lint-look-alike-options = the options '{ $first }' and '{ $second }' differ only in case, width, kana or punctuation
lint-look-alike-options-hint = students choose by number, so both work; make them easier to tell apart if that is not the point
lint-reverse-question = the front is a question, but `reverse: true` also shows it as the answer of the reverse card
lint-reverse-question-hint = write the front as a noun phrase (the thing the back names), or drop `reverse`
lint-bare-cloze = a deletion without a number ({"{{"}text{"}}"}) is numbered by position
lint-bare-cloze-hint = write {"{{"}c1::text{"}}"} so the card keys stay put when the text is edited
lint-duplicate-deck = deck id '{ $id }' is also the id of { $first }
lint-duplicate-deck-hint = give one of them another `deck:` id or file name
lint-duplicate-prompt = { $here } asks the same as { $first }
lint-duplicate-prompt-hint = students cannot tell the two cards apart; reword or merge them

## Slips of a Japanese keyboard in the YAML structure
lint-slip-colon = `{ $key }` is followed by a full-width colon, so YAML does not see a field name
lint-slip-colon-hint = replace { $char } with a half-width colon and a space: `{ $key }: `
lint-slip-indent = the line is indented with full-width spaces, which YAML does not count as indentation
lint-slip-indent-hint = replace each { $char } with two half-width spaces
lint-slip-space-after = `{ $what }` is followed by a full-width space; YAML needs a half-width one
lint-slip-space-after-hint = replace { $char } after `{ $what }` with a half-width space
lint-slip-dash = a list item starts with { $found } instead of the half-width `-`
lint-slip-dash-hint = replace { $char } with `- ` (a half-width hyphen and a space)
lint-slip-hash = a comment starts with a full-width ＃, so YAML reads the line as text
lint-slip-hash-hint = replace { $char } with a half-width `#`
lint-char-fullwidth-space = a full-width space
