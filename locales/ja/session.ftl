# 復習画面で u・s・b のあとに出す言葉、選択問題のあとの評価の段階、復習するものがない理由(issue 20)。
# キーは "session-" で始まる。
session-undone = { $key } の回答を取り消しました。もう一度出題します
session-suspended = { $key } を保留にしました。kioku unsuspend { $key } で戻すまで出題しません
session-buried = { $key } を明日まで延期しました
session-grade-now = どのくらい覚えていたか評価してください: 1-4、Enter で「{ $suggested }」
session-next-due = 次のカードの期日まで { $time }
session-new-waiting = 新規カード { $n } 枚が待っています
session-held-daily = { $cards }。今日の新規カードは使い切りました(new_per_day { $per_day } 枚のうち { $introduced } 枚を導入済み)
session-held-daily-way = 今すぐもっと学ぶには kioku review --new N、毎日増やすには kioku config set new_per_day N
session-held-session = { $cards }。--new { $n } の分は出題しました。もっと学ぶには N を大きくして kioku review --new N
session-held-backlog = { $cards }。復習の滞りが片付くまで新規カードは出しません(設定 backlog_pause_new)
session-held-backlog-way = それでも学ぶには kioku review --new N
session-held-break = { $cards }。今日は休み(kioku break --list)です。kioku review --new N で出題できます
