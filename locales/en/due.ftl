# `kioku due` and `kioku` with no command. Keys start with "due-".
due-col-deck = deck
due-col-new = new
due-col-learning = learning
due-col-review = review
due-row-today = today
due-next = next: kioku review
due-nothing-left = nothing left for today
due-streak = streak: { $n } { $n ->
    [one] day
   *[other] days
}
