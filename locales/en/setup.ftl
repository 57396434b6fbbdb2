# Setting kioku up (issue 20): the decks folder, simulated time, `kioku new`, lint's summary.
# Keys start with "setup-".
setup-decks-here = kioku: using the decks in { $dir } (a decks folder where you are); `kioku config set decks DIR` makes one folder yours wherever you run kioku
setup-now-ahead = --now { $now } is more than a day ahead of the real clock, and this is your own database ({ $db }): answers would be dated in the future and today would show nothing due. Try it on a scratch database (--db /tmp/try.sqlite3, or KIOKU_DB), or add --allow-future-now to use this one
setup-now-before-log = kioku: warning: --now { $now } is earlier than the last review in { $db } ({ $last }); answers now are dated before it, and intervals count from the later one
setup-new-repository = { $dir } holds kioku's bundled decks; keep your own elsewhere: `kioku config set decks DIR` (a folder of your own, used wherever you run kioku), or -o FILE
setup-new-wrote = wrote { $file } (check it with `kioku lint { $path }`)
setup-new-outside = it is outside the decks folder ({ $dir }): move it there to study it, or use --decks
setup-new-outside-bundled = none yet: kioku uses its bundled decks
setup-new-in-decks = `kioku review { $deck }` studies it (your decks folder is { $dir })
setup-new-here = kioku reads it when run from this folder (./decks); `kioku config set decks { $dir }` makes that folder yours wherever you run kioku
setup-new-created = { $dir } is a new decks folder: run from this folder, kioku now reads its decks there instead of the bundled ones; `kioku config set decks { $dir }` makes it yours wherever you run kioku
setup-lint-summary = checked { $files } { $files ->
    [one] file
   *[other] files
}, { $cards } { $cards ->
    [one] card
   *[other] cards
}{ $place }: { $errors } { $errors ->
    [one] error
   *[other] errors
}, { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}
setup-lint-in-dir = {" "}in { $dir }
setup-lint-in-bundled = {" "}in the bundled decks
setup-man-dir-missing = --dir: { $dir } is not a folder; create it first
setup-man-wrote = wrote the man pages to { $dir }
