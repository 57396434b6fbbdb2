# Durations in human units (intervals, time left, time spent). Keys start with "time-".
# $n is already formatted (it may be a fraction: 2.5).
time-secs = { $n }s
time-mins = { $n }m
time-hours = { $n }h
time-days = { $n }d
time-months = { $n }mo
time-years = { $n }y
# Time spent in a session.
time-spent-min-sec = { $min } min { $sec } s
time-spent-sec = { $sec } s
