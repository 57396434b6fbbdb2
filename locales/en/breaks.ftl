# kioku break, postpone and advance: moving reviews in time (src/cli/breaks.rs,
# src/cli/postpone.rs). Keys start with "breaks-".
breaks-no-such = there is no break { $id } (see `kioku break --list`)
breaks-removed = removed break { $id }
breaks-none = no breaks (kioku break FROM TO)
breaks-list-line = { $id }  { $first } – { $last }  ({ $days } { $days ->
    [one] day
   *[other] days
})
breaks-needs-two-days = a break needs its first and last day: kioku break FROM TO
breaks-ends-before-begin = the break ends ({ $last }) before it begins ({ $first })
breaks-begins-before-today = the break begins ({ $first }) before today ({ $today })
breaks-too-long = a break may last a year at most
breaks-covers-exam = warning: the break covers some of the last { $days } days before the exam on { $exam } (plan { $plan }); reviews the plan needs then move before the break
breaks-recorded = break { $id } recorded: { $first } – { $last } ({ $days } study { $days ->
    [one] day
   *[other] days
}); { $before } { $before ->
    [one] review
   *[other] reviews
} moved before it, { $after } after it; no new cards during it
breaks-count-too-small = { $action }: N must be at least 1
breaks-needs-yes = { $action } asks before it moves cards; standard input is not a terminal, so add --yes
breaks-nothing-to-postpone = nothing to postpone: no review card is due
breaks-nothing-to-advance = nothing to advance: no review card is due later
breaks-postpone-preview = postpone { $n } { $n ->
    [one] card
   *[other] cards
} by { $shortest }–{ $longest } days: predicted recall when reviewed falls from { $today } (today) to { $then } on average; about { $forgotten } more forgotten
breaks-advance-preview = advance { $n } { $n ->
    [one] card
   *[other] cards
} to today: predicted recall is { $now } now instead of { $due } on their due days, so these early reviews strengthen memory less
breaks-confirm-postpone = postpone them? Type yes to confirm:
breaks-confirm-advance = advance them? Type yes to confirm:
breaks-postponed = postponed { $n } { $n ->
    [one] card
   *[other] cards
}
breaks-advanced = advanced { $n } { $n ->
    [one] card
   *[other] cards
}
