# Advice for a teacher writing a deck (kioku lint): slips that load but do not mean what was
# meant, and hints for the field names and YAML mistakes a newcomer makes. Keys start with
# "authoring-"; the lint codes (bracket-reading, answer-number…) never change with the language.

## How lint names a note, as a teacher counts: from 1, with the line it starts on
authoring-card = card { $n } (line { $line })
authoring-in-card = { $card }: { $rest }

## Readings written in other brackets
authoring-bracket-reading = `{ $written }` looks like a reading, but readings are written in square brackets: as it is, it is plain text, shown as written and expected in a typed answer
authoring-bracket-reading-hint = write it as { $fixed }

## A choice answer written as the option's number
authoring-answer-number = `answer: { $answer }` is the text of the right option, not its number: students would see "{ $answer }" as an option beside { $options }
authoring-answer-number-meant = did you mean `answer: { $meant }` (the { $n ->
    [1] 1st
    [2] 2nd
    [3] 3rd
   *[other] { $n }th
} distractor)? `answer` holds the right option's text and `distractors` only the wrong ones: write { $meant } in `answer` and take it out of `distractors`
authoring-answer-number-hint = write the right option's text in `answer`; `distractors` holds only the wrong options

## Field names and YAML slips
authoring-options-hint = did you mean `distractors`? It lists the wrong options only; the right one goes in `answer`, not in the list
authoring-flow-list-hint = an item of `{ $key }` holds a bracket, which ends a list written as [a, b]: quote each item ("金文洙[キム・ムンス]"), or write the items one a line under `{ $key }:`, each after "- "
authoring-quote-colon-hint = the value holds ": ", which YAML reads as a new field: quote the whole value, { $key }: "{ $value }"

## Exams
authoring-few-distractors = { $card } ({ $key }) has { $found } wrong { $found ->
    [one] answer
   *[other] answers
} of category '{ $category }' for exams (2 are needed to ask it as a choice)
authoring-few-distractors-hint = add cards of this category, or give the card another `category`; without, exams ask it typed or leave it out
authoring-few-distractors-check = { $card } ({ $key }) has { $found } wrong { $found ->
    [one] answer
   *[other] answers
} among the answers of `check: { $category }` cards for exams (2 are needed to ask it as a choice)
authoring-few-distractors-check-hint = add more `check: { $category }` cards, or give the card a `category` shared by cards with answers of its kind; without, exams ask it typed or leave it out
authoring-card-key = { $card }, { $key }
authoring-quoted = "{ $text }"

## kioku plan: the same exam recorded again
authoring-plan-updated = plan { $id } updated (it was already recorded for this exam day and scope): cards in scope are scheduled to be remembered on { $date } ({ $moved } { $moved ->
    [one] review
   *[other] reviews
} moved before it)

## Which decks folder a command used (said when a card key is not found)
authoring-decks-given = kioku: the decks were read from { $dir } (--decks or KIOKU_DECKS)
authoring-decks-setting = kioku: the decks were read from { $dir } (the decks setting: kioku config get decks)
authoring-decks-here = kioku: the decks were read from { $dir }, a decks folder where you are, in place of the bundled decks; run kioku elsewhere, or pass --decks DIR
authoring-decks-bundled = kioku: the decks were the bundled ones (no --decks, no decks setting, no decks folder where you are)
