# Reading deck files and folders, and the authoring commands (kioku new, kioku preview).
# Keys start with "deck-".
deck-cannot-read = cannot read: { $error }
deck-not-a-file = is not a regular file (a device, pipe or socket); deck files are text files
deck-too-big = file is { $mib } MiB; deck files are limited to 10 MiB
deck-too-big-hint = split it into several decks
deck-grew = file grew past 10 MiB while being read; deck files are limited to 10 MiB
deck-utf16 = file is { $encoding } text, not UTF-8
deck-not-utf8 = file is not UTF-8 text (perhaps Shift_JIS from an older editor)
deck-convert-hint = save it as UTF-8 in your editor, or convert it: iconv -f { $encoding } -t UTF-8 '{ $file }' > converted.yaml
deck-control-character = the control character { $code } is not allowed in a YAML file
deck-control-character-hint = delete it (it is invisible in most editors; often pasted from a terminal)

## kioku new
deck-new-bad-id = '{ $id }' is not a deck id: use letters, digits, '-' and '_'
deck-new-wrote = wrote { $path } (check it with `kioku lint { $path }`)

## kioku preview
deck-preview-header = { $deck } — { $notes } { $notes ->
    [one] note
   *[other] notes
}, { $cards } { $cards ->
    [one] card
   *[other] cards
}
deck-preview-typed = (typed, check { $check })
deck-preview-typed-also = (typed, check { $check }, also { $accept })
deck-kind-basic = basic
deck-kind-reverse = reverse
deck-kind-cloze = cloze
deck-kind-typed = typed
deck-kind-choice = choice
deck-kind-truefalse = truefalse
deck-kind-order = order
