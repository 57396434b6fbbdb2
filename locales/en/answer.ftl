# How a typed answer was read and judged (lines under the verdict). Keys start with "answer-".
answer-set-aside = set aside: { $words }
answer-read = read: { $typed } → { $read }
answer-why-negation = why: it negates the answer ({ $word })
answer-why-bound = why: it bounds the answer instead of giving it ({ $word })
answer-why-second = why: it gives two answers ({ $word })
answer-why-correction = why: it corrects itself ({ $word }); only one answer counts
answer-why-ambiguous-date = why: the date reads two ways (day/month or month/day)
answer-why-weekday = why: { $written } is not that date's weekday
answer-why-too-long = why: far longer than the answer; not read
answer-almost-less-precise = almost: right, but less precise than asked
answer-almost-typo = almost: a letter or two off
answer-almost-kana = almost: the reading, written in kana
answer-almost-same-reading = almost: a kanji of the same reading
answer-almost-head-noun = almost: { $word } is missing
answer-almost-part-of-name = almost: only part of the name
answer-almost-approximate = almost: an approximate number where the exact one is asked
answer-almost-qualified = almost: { $word } changes what the term says
