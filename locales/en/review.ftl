# The review: the terminal screen and the piped protocol's lines for people (never its keywords).
# Keys start with "review-".

## Grades, card states, verdicts
review-grade-again = again
review-grade-hard = hard
review-grade-good = good
review-grade-easy = easy
review-state-new = new
review-state-learning = learning
review-state-review = review
review-state-relearning = relearning
review-verdict-right = ✓ right
review-verdict-almost = ~ almost
review-verdict-wrong = ✗ wrong

## The terminal screen
review-counts = new { $new } · learning { $learning } · review { $review }
review-keys-typing = enter answer · :u undo · :s suspend · :b bury · :q quit
review-keys-question = space show answer · u undo · s suspend · b bury · q quit · ? help
review-keys-answer = 1-4 grade · enter { $grade } · u undo · s suspend · b bury · q quit · ? help
review-hint-typed = type the answer, then enter (empty = don't know)
review-hint-choice = type the number of the right option
review-hint-truefalse = true or false? (t/f, ○/×, はい/いいえ)
review-hint-order = type the numbers in the right order, e.g. 2 1 3
review-help-title = keys
review-help-show-keys = space or enter
review-help-show = show the answer
review-help-grade = grade: { $again }, { $hard }, { $good }, { $easy }
review-help-suggested-keys = enter
review-help-suggested = take the suggested grade
review-help-undo = undo the last answer
review-help-suspend = suspend this card
review-help-bury = bury it until tomorrow
review-help-quit-keys = q or Esc
review-help-quit = quit
review-help-help = this help
review-help-typing-title = when typing an answer
review-help-typing-enter = enter submits; an empty answer means "don't know"
review-help-typing-commands = undo, suspend, bury, quit
review-help-saved = every graded answer is already saved; an answer judged on screen is saved with its suggested grade when you leave it with q, Esc, s or b
review-help-back = press ? to go back
review-summary-title = nothing more to ask in this session
review-summary-keys = u undo the last answer · q quit
review-nothing-to-undo = nothing to undo in this session
review-saved-suggested = your answer to { $key } was saved with the suggested grade, { $n } { $grade }
review-now-leech = (it is now a leech: tagged and suspended)
review-then-suspended = { $note }; then suspended the card
review-then-buried = { $note }; then buried the card until tomorrow
review-leech = { $key } was forgotten { $n } { $n ->
    [one] time
   *[other] times
}: it is tagged leech and suspended
review-unknown-command = unknown command '{ $command }' (:u undo, :s suspend, :b bury, :q quit)

## The piped protocol's lines for people
review-left = left: { $new } new · { $learning } learning · { $review } review
review-ask-truefalse = true or false?
review-ask-typed = type the answer
review-grade-prompt = grade: 1 { $again } · 2 { $hard } · 3 { $good } · 4 { $easy } (empty = { $suggested })
review-not-a-grade = '{ $text }' is not a grade; type 1-4 or again, hard, good, easy
# Byte-stable (tests/golden.rs pins it): "times" even for one.
review-piped-leech = leech: forgotten { $n } times, so it is tagged leech and suspended (kioku unsuspend { $key })
review-piped-unknown-command = unknown command '{ $command }' (commands: :u undo, :s suspend, :b bury, :q quit)

## The answer side
review-answer = answer: { $answer }
review-you = you: { $response }
review-no-answer = (no answer)
review-diff = diff: { $diff }
review-true = true (正)
review-false = false (誤)
review-order-you = { $typed }  ({ $n }/{ $total } in place)
review-not-true-false = '{ $line }' is not true or false; type t/f, true/false, y/n, yes/no, ○/×, はい/いいえ or 正/誤
review-no-option = there is no option { $number }; type a number from 1 to { $n }
review-not-an-option = '{ $text }' is not one of the options; type its number or its exact text
review-order-usage = type the numbers 1 to { $n } in the right order, each once, e.g. '2 1 3'
review-order-not-number = '{ $token }' is not an item number; { $usage }
review-order-no-item = there is no item { $k }; { $usage }
review-order-twice = item { $k } appears twice; { $usage }
review-order-count = { $given } of { $n } items given; { $usage }

## The summary after the last card
review-summary-answered = { $n } { $n ->
    [one] card
   *[other] cards
} answered in { $time }
review-summary-retention = true retention today: { $pct }% ({ $remembered } of { $asked } reviews remembered)
review-summary-left = left today: { $new } new · { $learning } learning · { $review } review
review-summary-next-learning = the next learning card is due in { $time }
review-summary-nothing-left = nothing more to review today
review-summary-due-tomorrow = due tomorrow: { $n }
review-summary-streak = streak: { $n } { $n ->
    [one] day
   *[other] days
}

## A backlog (more reviews due than the day's limit)
review-backlog = backlog: { $overdue } overdue · { $today } due today
review-backlog-gone-today = at { $pace } reviews a day it is gone today
review-backlog-gone-in = at { $pace } reviews a day it is gone in { $days } days
review-backlog-grows = at { $pace } reviews a day it does not shrink: more fall due each day
review-backlog-order = the cards you are most likely to forget come first; new cards wait until it is cleared
