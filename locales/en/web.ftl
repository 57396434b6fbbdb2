# kioku serve: the pages and the server's refusals.
web-refused-title = Refused
web-refused-host = This server answers only to its own address (127.0.0.1, localhost, or the LAN address with --lan). Open the address kioku serve printed.
web-refused-token = This page needs the address kioku serve printed (it carries token=…). If kioku serve was restarted since this tab was opened, open the new address it printed.
web-refused-origin = Refused: this request came from another site.
web-refused-csrf = Refused: the form's security token is missing or out of date. Reload the page and try again.
web-refused-too-large = Refused: the request is too large.
web-refused-slow = Refused: the request did not arrive in time.
web-error-title = Something went wrong
web-not-found-title = Not found
web-not-found = There is no such page.
web-nav-label = Main
web-nav-home = Home
web-nav-review = Review
web-skip-to-content = Skip to the card
web-home-title = Today
web-streak = Streak: { $n } { $n ->
    [one] day
   *[other] days
}
web-home-today = { $n ->
    [one] One card
   *[other] { $n } cards
} to review today.
web-home-start = Start the review
web-home-nothing = Nothing more to review today.
web-due-caption = Due today, per deck
web-due-deck = Deck
web-due-new = New
web-due-learning = Learning
web-due-review = Review
web-due-today = Today (after the daily limits)
web-review-title = Review
web-left-label = Left today
web-left-new = New { $n }
web-left-learning = Learning { $n }
web-left-review = Review { $n }
web-state-new = new
web-state-learning = learning
web-state-review = review
web-state-relearning = relearning
web-notice-saved = Saved.
web-notice-leech = Saved. This card was forgotten many times, so it is tagged leech and suspended ({ $key }).
web-notice-undone = Undone: { $key } is asked again.
web-notice-suspended = Suspended { $key } (bring it back with kioku unsuspend).
web-notice-buried = Buried { $key } until tomorrow.
web-notice-stale = That card was already answered (in another tab, or the button was pressed twice); nothing was saved twice. Here is the card on screen now.
web-notice-invalid = Not an answer for this card: { $message }
web-notice-nothing-to-undo = Nothing to undo in this session.
web-show-answer = Show answer
web-your-answer = Your answer
web-typed-hint = Enter checks it; an empty answer means "don't know".
web-check = Check
web-choose = Choose one
web-dont-know-hint = Or:
web-dont-know = Don't know
web-true-or-false = True or false?
web-true = True
web-false = False
web-order-hint = Tap the items in the right order, or put the list in order (drag an item by its handle ⠿, or move it with ↑ ↓), or type their numbers (2 1 3).
web-order-label = Order
web-order-clear = Clear
web-verdict-right = ✓ Right
web-verdict-almost = △ Almost
web-verdict-wrong = ✗ Wrong
web-mark-right = ✓ right answer
web-mark-chosen = ✗ your choice
web-answer = Answer
web-you = You
web-grade = How well did you remember?
web-rating-again = Again
web-rating-hard = Hard
web-rating-good = Good
web-rating-easy = Easy
web-undo = Undo
web-suspend = Suspend
web-bury = Bury
web-summary-title = Done for now
web-summary-answered = { $n ->
    [one] One card
   *[other] { $n } cards
} answered in { $time }
web-summary-retention = True retention today: { $percent }% ({ $remembered } of { $asked } reviews remembered)
web-summary-next-learning = The next learning card is due in { $after }; review again then.
web-summary-due-tomorrow = Due tomorrow: { $n }
web-summary-streak = Streak: { $n } { $n ->
    [one] day
   *[other] days
}
web-review-again = Review again
web-help-title = Keyboard
web-help-reveal = show the answer; on the answer, the suggested grade
web-help-grade = again, hard, good, easy (or choose option 1–4)
web-serve-started = kioku: open the address above in a browser; stop with Ctrl-C
web-serve-lan-started = kioku: serving on the network in plain HTTP: anyone on it who sees this address can use it; use a network you trust, and stop with Ctrl-C
web-serve-no-browser = kioku: could not open a browser ({ $message }); open the address above yourself
web-serve-stopped = kioku: stopped; every answer a page showed as saved is in the database
web-serve-port-busy = cannot listen on { $ip } port { $port }: { $error }; choose another with --port N, or --port 0 for any free one
web-serve-lan-not-an-address = --lan { $text }: not an IP address
web-serve-lan-every-interface = --lan { $ip }: give the address of one network interface, not { $ip } (every interface)
web-serve-lan-none = --lan: this machine has no network address (is it connected?); give one with --lan ADDR
web-nav-stats = Stats
web-stats-title = Statistics
web-stats-cards = Cards
web-stats-suspended = Suspended
web-stats-recall = Recall now: { $percent } on average; { $known } cards likely known (≥ 90 %).
web-stats-streaks = Streak: { $current } (longest { $longest })
web-stats-time = time today { $today }, in all { $total }
web-stats-forecast = Due in the next 30 days
web-stats-forecast-desc = { $total } reviews due in the next 30 days, { $today } of them today.
web-stats-forecast-bar = { $day ->
    [0] Today
    [1] Tomorrow
   *[other] In { $day } days
}: { $n }
web-stats-day = { $day ->
    [0] today
   *[other] +{ $day }
}
web-stats-retention = True retention
web-stats-retention-caption = First answer of the day on review cards remembered (young: interval under 21 days)
web-stats-today = Today
web-stats-days = { $n } days
web-stats-young = Young
web-stats-mature = Mature
web-stats-calendar = Reviews over 26 weeks
web-stats-calendar-desc = Reviews on { $days } of the last 182 days; each column is a week, the newest at the right.
web-stats-calendar-day = { $ago ->
    [0] Today
    [1] Yesterday
   *[other] { $ago } days ago
}: { $n }
web-stats-weak = Weak spots
web-stats-weak-decks = Decks by lapse rate
web-stats-weak-tags = Tags by lapse rate
web-stats-name = Name
web-stats-card-count = Cards
web-stats-lapse-rate = Lapse rate
web-stats-mean-recall = Recall now
web-stats-leeches = Leeches (suspended)
web-nav-history = History
web-nav-suspended = Suspended
web-nav-settings = Settings
web-notice-unsuspended = { $key } is back in reviews.
web-notice-settings-saved = Settings saved; the review uses them from its next card list.
web-settings-title = Settings
web-settings-language = Language
web-settings-language-auto = Automatic (the browser's)
web-settings-readings = Readings (furigana)
web-settings-readings-show = Show above the text
web-settings-readings-hide = Hide
web-settings-new-per-day = New cards per day
web-settings-reviews-per-day = Reviews per day
web-settings-retention = Desired retention
web-settings-retention-hint = The probability of recall the scheduler aims for when a card is due, 0.70–0.99 (0.9: one in ten forgotten). Higher means more reviews.
web-settings-save = Save
web-suspended-title = Suspended cards
web-suspended-none = No card is suspended.
web-unsuspend = Unsuspend
web-unsuspend-label = Unsuspend { $key }
web-history-title = History
web-history-none = No answer yet.
web-history-caption = { $n ->
    [one] The newest row
   *[other] The newest { $n } rows, newest first
}
web-history-when = When
web-history-card = Card
web-history-what = Kind, rating
web-history-interval = Interval
web-nav-exam = Exam
web-nav-cram = Cram
web-exam-title = Mock exam
web-exam-new = A new exam
web-exam-count = Questions
web-exam-time-limit = Time limit in minutes (empty: none)
web-exam-deck = Deck
web-exam-all-decks = All decks
web-exam-tag = Only cards with this tag (empty: any)
web-exam-seed = Seed, to replay a paper (empty: a new paper)
web-exam-feed-review = Make the review cards I miss due today
web-exam-start = Start the exam
web-exam-progress = Question { $n } of { $total }
web-exam-time-left = Time left
web-exam-last = Question { $n }: { $verdict }
web-exam-quit = End the exam (the questions left count wrong)
web-exam-report = Result
web-exam-score = Score { $score }/{ $questions } ({ $percent } %)
web-exam-duration = Time: { $time }
web-exam-timed-out = The time limit ran out: the questions left count wrong.
web-exam-seed-line = Seed { $seed } (replays this paper)
web-exam-by-deck = By deck
web-exam-by-tag = By tag
web-exam-name = Name
web-exam-right = Right
web-exam-asked = Asked
web-exam-fed = { $n ->
    [one] One review card you missed is
   *[other] { $n } review cards you missed are
} due today.
web-exam-misses = Missed questions
web-exam-papers = Past papers
web-exam-no-papers = No paper taken yet.
web-exam-taken = Taken
web-exam-score-head = Score
web-exam-time-head = Time
web-exam-scope = Scope
web-exam-running = An exam is in progress: answer it or end it before starting another.
web-exam-nothing = No card in scope can be asked in an exam (it needs judged cards, or categories for wrong answers).
web-cram-title = Cram
web-cram-hint = Practise cards whatever the schedule says: each answer is logged, and no card's schedule changes.
web-cram-missed = Only cards answered "again" in the last … days (empty: every card)
web-cram-limit = Stop after … answers (empty: no limit)
web-cram-start = Start cramming
web-cram-left = Left { $n }
web-cram-saved = Answered { $n }
web-cram-done = Nothing left to cram ({ $n ->
    [one] one answer
   *[other] { $n } answers
} logged).
web-cram-nothing = No card in scope (or none answered "again" in those days).
web-order-up = Move item { $n } up
web-order-down = Move item { $n } down
web-order-drag = Drag to reorder
web-order-moved = Item { $n } is now in place { $place }.
web-deck-problem = A deck file could not be read, so its cards are asked as they were before the change. Fix it and start a new session:
web-history-kind-review = review
web-history-kind-cram = cram
web-history-kind-exam = exam
web-history-kind-manual = by hand
web-serve-address-unavailable = cannot listen on { $ip }: it is not an address of this machine ({ $error }); leave --lan without an address to use the machine's own
web-nav-decks = Decks
web-decks-title = Deck files
web-decks-summary = { $files } files, { $cards } cards: { $errors } errors, { $warnings } warnings (as kioku lint finds them).
web-decks-clean = No problem found.
web-decks-error = error
web-decks-warning = warning
web-decks-hint = Fix a file and reload this page: it is checked again at each visit. A review reads changed files when it starts.
web-api-stale = card { $key } is no longer the card on screen as it was shown (answered in another tab, or sent twice); nothing was saved
web-api-stopping = kioku serve is stopping
web-api-media-type = send application/json or application/x-www-form-urlencoded
web-api-unreadable = the request could not be read: { $detail }
web-api-missing-field = missing field: { $field }
web-api-rating = rating must be 1-4 or again, hard, good, easy
web-api-not-suspended = { $key } is not suspended
web-api-no-such-plan = there is no plan { $id }
web-decks-preview = Cards of each deck
web-decks-preview-summary = { $deck }: { $cards } cards
web-decks-explanation = Explanation
web-nav-plan = Plan
web-plan-title = Exam plans
web-plan-none = No exam is planned. Record one below: kioku then spreads the new cards over the days left and places every review so that the cards are remembered on the day.
web-plan-exam = Exam on { $date } ({ $days } days left), target { $target }% recall, { $scope }
web-plan-exam-today = Exam today ({ $date }), target { $target }% recall, { $scope }
web-plan-scope = { $total } cards in scope: { $studied } studied, { $new } new.
web-plan-predicted = Predicted at { $target }% or more on the day: { $above } of { $studied } studied cards ({ $share }%), when every review until then is answered.
web-plan-at-target-now = At { $target }% or more now: { $above } of { $total } ({ $share }%). Good luck!
web-plan-new-raised = New cards: { $per_day } a day (more than your limit of { $limit }) until { $date }.
web-plan-new-limit = New cards: { $per_day } a day (the plan needs { $quota }) until { $date }.
web-plan-reviews = Reviews due each day (from today)
web-plan-no-reviews = No review is due in the next { $days } days yet.
web-plan-warn-below = { $n } studied cards are predicted below { $target }% on the day: review every day until the exam.
web-plan-warn-too-late = { $new } new cards with only { $days } days left: too few to learn them well.
web-plan-warn-heavy = { $quota } new cards a day: a heavy plan.
web-plan-warn-peak = The busiest day has { $peak } cards, above your limit of { $limit } reviews a day.
web-plan-remove = Remove plan { $id }
web-plan-removed = Plan { $id } removed.
web-plan-recorded = Plan { $id } recorded: { $moved } reviews moved before the exam.
web-plan-updated = Plan { $id } updated (the same exam day and scope was planned already): { $moved } reviews moved before the exam.
web-plan-record = Record an exam
web-plan-date = Exam date
web-plan-date-hint = 2027-01-20, 2027年1月20日 or 20 January 2027
web-plan-target = Recall wanted on the day (0.50–0.99)
web-plan-deck = Only this deck
web-plan-tag = Only cards with this tag
web-plan-all = All decks
web-plan-submit = Record the plan
web-plan-date-not-after = the exam date { $date } is not after today ({ $today })
web-plan-target-range = the target must be from 0.50 to 0.99, not { $value }
web-plan-reviews-desc = { $total } reviews due in the next { $days } days, { $today } of them today.
