# The teacher's view of a class (issue 16): the dashboard, the item analysis, one student's page,
# the grading export and the class commands. Keys start with "teacher-".
teacher-col-id = 学籍番号
teacher-col-name = 氏名
teacher-col-group = class
teacher-col-days = days studied
teacher-col-reviews = answers
teacher-col-minutes = minutes
teacher-col-recall = predicted recall on the exam date (%)
teacher-col-exams = mock exams
teacher-col-exam-latest = latest mock exam (% right)
teacher-col-exam-best = best mock exam (% right)
teacher-bad-key = { $path } is not a pseudonym key (64 hex digits); move it aside to make a new one (every pseudonym then changes)
teacher-assignment = Assignment: { $decks }, exam on { $date }, target { $target }% ({ $cards } { $cards ->
    [one] card
   *[other] cards
})
teacher-no-assignment = No assignment yet (kioku class assign DIR DECK… --exam-date DATE).
teacher-dashboard-title = Class
teacher-today = Today (the class's study day): { $date }
teacher-items-title = Item analysis
teacher-no-students = No students yet (kioku class add-students).
teacher-students-caption = { $n } { $n ->
    [one] student
   *[other] students
}
teacher-head-today = Today
teacher-head-week = This week
teacher-head-streak = Streak
teacher-head-recall = Predicted recall on the exam date
teacher-head-exam = Latest mock exam
teacher-removed = (removed)
teacher-cell-today = { $n } { $n ->
    [one] answer
   *[other] answers
}, { $time }
teacher-cell-week = { $days } { $days ->
    [one] day
   *[other] days
}, { $n } { $n ->
    [one] answer
   *[other] answers
}, { $time }
teacher-cell-streak = { $days } { $days ->
    [one] day
   *[other] days
}
teacher-dont-know = (don't know)
teacher-right-option = (right)
teacher-head-card = Card
teacher-head-answers = Answers
teacher-head-right = Right
teacher-head-lapses = Lapse rate
teacher-head-discrimination = Discrimination
teacher-head-options = Options chosen
teacher-discrimination-about = Discrimination: the share right of the strongest third of the class (by predicted recall of the assignment, { $third } students) minus that of the weakest third. Near 0 or below: the card does not tell them apart — check its answer and options.
teacher-discrimination-few = Discrimination is shown from { $min } students with a predicted recall (now { $ranked }).
teacher-no-answers = No answers yet.
teacher-items-caption = Cards, hardest first ({ $shown } of { $n })
teacher-tags-caption = Tags, hardest first
teacher-head-tag = Tag
teacher-head-cards = Cards
teacher-days-caption = The last { $n } study days
teacher-head-day = Day
teacher-head-time = Time
teacher-student-title = { $id } { $name }
teacher-in-all = In all: { $days } { $days ->
    [one] day
   *[other] days
}, { $n } { $n ->
    [one] answer
   *[other] answers
}, { $time }
teacher-exams-title = Mock exams
teacher-no-exams = No mock exams yet.
teacher-exam-score = { $right } of { $questions } right ({ $percent })
teacher-recent-days = Recent days
teacher-student-hardest = This student's hardest cards
teacher-home-exams = Exams ahead
teacher-home-exam = { $date } · target { $target }% · { $scope }
