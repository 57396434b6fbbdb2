# kioku optimize: training and evaluating FSRS parameters, suggesting a desired retention
# (src/cli/optimize.rs). Keys start with "optimize-".
optimize-source-history = your review history
optimize-items = { $source }: { $reviews } { $reviews ->
    [one] review
   *[other] reviews
} of { $cards } { $cards ->
    [one] card
   *[other] cards
} → { $items } training { $items ->
    [one] item
   *[other] items
} (reviews on a later study day, { $zone } zone, rollover { $hour }:00)
optimize-left-out = left out { $n } cram, exam and manual { $n ->
    [one] row
   *[other] rows
} (not scheduled reviews; a tool that keeps them gives other figures)
optimize-training = training FSRS on { $n } items…
optimize-col-parameters = parameters
optimize-col-log-loss = log loss
optimize-col-rmse = RMSE(bins)
optimize-row-current-trained = current (trained earlier)
optimize-row-current-default = current (FSRS-6 defaults)
optimize-row-trained = trained on this history
optimize-lower-is-better = (lower is better; measured on the same items the parameters were trained on)
optimize-csv-only = evaluation only: a CSV log never changes your parameters
optimize-not-better = the trained parameters are not better: kept the current ones
optimize-dry-run = dry run: nothing saved (without --dry-run the trained parameters would be kept)
optimize-kept = kept the trained parameters: the scheduler uses them from now on
optimize-col-retention = desired retention
optimize-col-workload = workload per new card
optimize-col-work-per-remembered = work per card remembered
optimize-versus = (both vs. your { $current })
optimize-suggested-mark = ← suggested
optimize-suggested = suggested: { $retention } — the least work per card remembered; set it with `kioku config set desired_retention { $retention }`
