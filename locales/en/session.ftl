# What the review screen says after u, s and b, the grading step after a choice, and why a review
# has nothing (more) to show (issue 20). Keys start with "session-".
session-undone = undid the answer to { $key }: it is asked again
session-suspended = suspended { $key }: out of reviews until kioku unsuspend { $key }
session-buried = buried { $key } until tomorrow
session-grade-now = now grade how well you knew it: 1-4, enter takes { $suggested }
session-next-due = the next card is due in { $time }
session-new-waiting = { $n ->
    [one] 1 new card waits
   *[other] { $n } new cards wait
}
session-held-daily = { $cards }: today's new cards are used up ({ $introduced } of new_per_day { $per_day } introduced)
session-held-daily-way = to study more now: kioku review --new N; for every day: kioku config set new_per_day N
session-held-session = { $cards }: --new { $n } were shown; run kioku review --new N with a larger N for more
session-held-backlog = { $cards } until the backlog of reviews is cleared (setting backlog_pause_new)
session-held-backlog-way = to see some anyway: kioku review --new N
session-held-break = { $cards }: today is in a break (kioku break --list); kioku review --new N shows some
