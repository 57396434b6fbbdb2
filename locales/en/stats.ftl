# `kioku stats` and `kioku history`. Keys start with "stats-".
stats-cards = cards: { $new } new · { $learning } learning · { $review } review · { $relearning } relearning · { $suspended } suspended
stats-recall = recall now: { $pct }% on average; { $n } { $n ->
    [one] card
   *[other] cards
} likely known (≥ 90%)
stats-recall-none = recall now: nothing studied yet
stats-forecast-title = due in the next 30 days (today first)
stats-chart-today = today
stats-retention-title = true retention
stats-retention-today = today
stats-retention-7 = 7 days
stats-retention-30 = 30 days
stats-retention-365 = 365 days
stats-retention-young = young (< 21 d)
stats-retention-mature = mature
stats-retention-legend = (each cell: % remembered, then the number of reviews counted)
stats-calendar-title = reviews, last 26 weeks (columns are weeks, Monday on top; · none ░ ▒ ▓ █ more)
stats-streak = streak: { $n } { $n ->
    [one] day
   *[other] days
} (longest { $longest }) · time: { $today } today, { $total } in all
stats-weak-title = weak spots (lapse rate · recall now · cards)
stats-leeches-none = leeches: none
stats-leeches = leeches ({ $n }): { $keys }
stats-balancing-on = load balancing on
stats-balancing-off = load balancing off
stats-balancing-no-fuzz = load balancing off (fuzz is off)
stats-easy-days = easy days { $days }
stats-forecast-placed = forecast placed with { $how }
stats-break = break { $first } – { $last }: no new cards, reviews moved around it
stats-history-none = no reviews yet
stats-history-due = due { $due }
stats-kind-review = review
stats-kind-cram = cram
stats-kind-exam = exam
stats-kind-manual = manual
