# Durations in human units (intervals, time left, time spent). Keys start with "time-".
# $n is already formatted (it may be a fraction: 2.5).
time-secs = { $n }s
time-mins = { $n }m
time-hours = { $n }h
time-days = { $n }d
time-months = { $n }mo
time-years = { $n }y
# Time spent (a session, a day, in all): one format on every screen.
time-spent-hours-mins = { $h }h { $m }m
time-spent-mins-secs = { $m }m { $s }s
time-spent-secs = { $s }s
