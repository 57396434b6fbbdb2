# `kioku plan` (exam plans) and what the review says about them. Keys start with "plan-".
plan-no-such = there is no plan { $id } (see `kioku plan --list`)
plan-removed = removed plan { $id }
plan-none = no plans (kioku plan --exam-date YYYY-MM-DD)
plan-list-row = { $id }  exam { $date }  target { $target }%  { $scope }
plan-list-past = { $row }  (past)
plan-list-today = { $row }  (today)
plan-date-not-after = --exam-date { $date } is not after today ({ $today })
plan-target-range = --target must be from 0.50 to 0.99, not { $value }
plan-recorded = plan { $id } recorded: cards in scope are scheduled to be remembered on { $date } ({ $moved } { $moved ->
    [one] review
   *[other] reviews
} moved before it)
plan-no-upcoming = no upcoming exam (kioku plan --exam-date YYYY-MM-DD [--target 0.9] [DECK…] [--tag T])
plan-scope-all = all decks
plan-scope-tag = tag { $tag }
plan-exam-today = exam { $date } is today · target { $target }% · { $scope }
plan-scope-today = cards in scope: { $total } ({ $studied } studied, { $new } never studied)
plan-at-target-now = cards at or above { $target }% now: { $above } of { $total } ({ $share }%)
plan-good-luck = good luck! (kioku plan --remove { $id } when it is over)
plan-exam-ahead = exam { $date } in { $days } { $days ->
    [one] day
   *[other] days
} · target { $target }% · { $scope }
plan-scope = cards in scope: { $total } ({ $studied } studied, { $new } new)
plan-predicted = studied cards predicted at or above { $target }% on the day: { $above } of { $studied } ({ $share }%)
plan-new-raised = new cards: { $per_day } a day, all introduced by { $date } (the plan raises new_per_day, { $limit }, to this; review --new N still overrides it)
plan-new-limit = new cards: { $per_day } a day (new_per_day; the plan needs at least { $quota }), all introduced by { $date }
plan-no-reviews-due = no reviews due yet in the next { $days } { $days ->
    [one] day
   *[other] days
}
plan-reviews-due = reviews already due per day, the next { $days } { $days ->
    [one] day
   *[other] days
} (today first):
plan-warn-below = warning: { $n } studied { $n ->
    [one] card is
   *[other] cards are
} predicted below { $target }% on the day with the reviews scheduled now; review every day until the exam: each answer places the card's next review in its window
plan-warn-too-late = warning: { $new } new cards cannot be learned and consolidated in { $days } { $days ->
    [one] day
   *[other] days
}; study fewer cards (a deck or tag) or move the date
plan-warn-heavy = warning: { $quota } new cards a day is heavy; consider a smaller scope or a lower --target
plan-warn-peak = warning: up to { $peak } cards on a day, above reviews_per_day ({ $limit }); raise it (kioku config set reviews_per_day { $peak }) or lower the target
plan-leech-kept = leech: forgotten { $lapses } { $lapses ->
    [one] time
   *[other] times
}, so it is tagged leech; not suspended, since the exam on { $date } needs it (kioku suspend { $key } after the exam)
plan-leech-kept-screen = { $key } was forgotten { $lapses } { $lapses ->
    [one] time
   *[other] times
}: it is tagged leech, and kept (not suspended) for the exam on { $date }
plan-leech-kept-saved = (it is now a leech: tagged, and kept for the exam)
