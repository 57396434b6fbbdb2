# Cram (`kioku cram`): the terminal screen and the piped protocol's lines for people.
# Keys start with "cram-".
cram-label = cram
cram-left = { $n } left
cram-keys-typing = enter answer · :u undo · esc or :q quit
cram-keys-question = space show answer · u undo · q quit
cram-keys-answer = 1-4 grade · enter { $grade } · u undo · q quit — cram changes no schedule
cram-grade-prompt = { $prompt }; cram changes no schedule
cram-undone = undone: { $key }
cram-saved = saved: { $key } { $grade }
cram-not-available = { $command } is not available in cram (:u undo, :q quit)
cram-grade-first = grade the card first (1-4), or :q to quit
cram-nothing = no card is being crammed
cram-after-screen = { $n } { $n ->
    [one] answer
   *[other] answers
} saved (cram changes no schedule)
cram-none-missed = no card was answered "again" in the last { $days ->
    [one] day
   *[other] { $days } days
}
cram-none-in-scope = no card in scope
