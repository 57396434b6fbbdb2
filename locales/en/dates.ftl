# Dates typed on the command line (plan --exam-date, break). Keys start with "dates-".
dates-ambiguous = { $what }: '{ $text }' reads two ways, { $first } (day/month) or { $second } (month/day); write the one you mean as { $first } or { $second }
