# Mock exams (`kioku exam`): the terminal screen and the piped protocol's lines for people.
# Keys start with "exam-".
exam-label = exam
exam-score-label = score
exam-score = score { $score }/{ $questions }
exam-time-limit = { $n } { $n ->
    [one] question
   *[other] questions
} · time limit { $time }
exam-progress = question { $n }/{ $total }
exam-progress-timed = question { $n }/{ $total } · { $time } left
exam-keys-typing = enter answer · esc or :q end the exam (the rest count as wrong)
exam-keys-answer = enter next question · esc end the exam
exam-keys-report = any key closes (the paper is saved; kioku exam --history lists past papers)
exam-hint-typed = type the answer, then enter (empty = don't know)
exam-hint-choice = type the number of the right option, then enter
exam-hint-truefalse = true or false? (t/f, ○/×, はい/いいえ), then enter
exam-hint-order = type the numbers in the right order, e.g. 2 1 3, then enter
exam-time-up = time is up: the remaining questions count as wrong
exam-no-undo = there is no undo in an exam
exam-not-available = { $command } is not available in an exam; answer, or :q to end it
exam-over = the exam is over
exam-cannot-judge = this question cannot be judged; answer anything to go on
exam-report-time = time: { $time }
exam-report-by-deck = by deck: { $parts }
exam-report-by-tag = by tag: { $parts }
exam-report-fed = { $n } missed review { $n ->
    [one] card
   *[other] cards
} made due today
exam-only-drawn = kioku: only { $n } { $n ->
    [one] question
   *[other] questions
} can be drawn from this scope (one per note, judged forms)
exam-after-screen = score { $score }/{ $questions } (seed { $seed })
exam-history-none = no exams yet (kioku exam)
exam-history-taken = taken
exam-history-score = score
exam-history-time = time
exam-history-seed = seed
exam-history-scope = scope
exam-count-too-small = --count must be at least 1
exam-none-askable = no card in scope can be asked in an exam (it needs judged cards, or categories for distractors)
