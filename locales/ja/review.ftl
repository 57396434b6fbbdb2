# 復習: 端末の画面と、パイプのプロトコルの人が読む行(キーワードは英語のまま)。
# キーは "review-" で始まる。評価の語は Anki 日本語版に合わせる(README「言語」参照)。

## 評価、カードの状態、判定
review-grade-again = もう一度
review-grade-hard = 難しい
review-grade-good = 正解
review-grade-easy = 簡単
review-state-new = 新規
review-state-learning = 学習中
review-state-review = 復習
review-state-relearning = 再学習
review-verdict-right = ✓ 正解
review-verdict-almost = ~ 惜しい
review-verdict-wrong = ✗ 不正解

## 端末の画面
review-counts = 新規 { $new } · 学習中 { $learning } · 復習 { $review }
review-keys-typing = Enter 解答 · :u 取り消し · :s 保留 · :b 延期 · :q 終了
review-keys-question = スペース 答えを表示 · u 取り消し · s 保留 · b 延期 · q 終了 · ? ヘルプ
review-keys-answer = 1-4 評価 · Enter { $grade } · u 取り消し · s 保留 · b 延期 · q 終了 · ? ヘルプ
review-hint-typed = 答えを入力して Enter(空のままなら「わからない」)
review-hint-choice = 正しい選択肢の番号を入力
review-hint-truefalse = 正しい？ 誤り？(t/f、○/×、はい/いいえ)
review-hint-order = 正しい順に番号を入力(例: 2 1 3)
review-help-title = キー操作
review-help-show-keys = スペース・Enter
review-help-show = 答えを表示
review-help-grade = 評価: { $again }、{ $hard }、{ $good }、{ $easy }
review-help-suggested-keys = Enter
review-help-suggested = 提案された評価を選ぶ
review-help-undo = 直前の解答を取り消す
review-help-suspend = このカードを保留する
review-help-bury = 明日まで延期する
review-help-quit-keys = q・Esc
review-help-quit = 終了
review-help-help = このヘルプ
review-help-typing-title = 答えを入力しているとき
review-help-typing-enter = Enter で送信。空のまま送ると「わからない」
review-help-typing-commands = 取り消し、保留、延期、終了
review-help-saved = 評価した解答はその場で保存済み。判定が出た解答は、評価せずに q、Esc、s、b で離れると提案された評価で保存される
review-help-back = ? で戻る
review-summary-title = このセッションで出す問題はもうありません
review-summary-keys = u 直前の解答を取り消す · q 終了
review-nothing-to-undo = このセッションで取り消せる解答はありません
review-saved-suggested = { $key } への解答を、提案された評価 { $n } { $grade } で保存しました
review-now-leech = (リーチになったため、タグ leech を付けて保留しました)
review-then-suspended = { $note }。そのあとカードを保留しました
review-then-buried = { $note }。そのあとカードを明日まで延期しました
review-leech = { $key } は { $n } 回忘れたため、リーチとしてタグ leech を付けて保留しました
review-unknown-command = 「{ $command }」というコマンドはありません(:u 取り消し、:s 保留、:b 延期、:q 終了)

## パイプのプロトコルの人が読む行
review-left = 残り: 新規 { $new } · 学習中 { $learning } · 復習 { $review }
review-ask-truefalse = 正しい？ 誤り？
review-ask-typed = 答えを入力
review-grade-prompt = 評価: 1 { $again } · 2 { $hard } · 3 { $good } · 4 { $easy }(空 = { $suggested })
review-not-a-grade = 「{ $text }」は評価ではありません。1〜4 を入力してください
review-piped-leech = リーチ: { $n } 回忘れたため、タグ leech を付けて保留しました(戻すには kioku unsuspend { $key })
review-piped-unknown-command = 「{ $command }」というコマンドはありません(コマンド: :u 取り消し、:s 保留、:b 延期、:q 終了)

## 答えの側
review-answer = 答え: { $answer }
review-you = あなた: { $response }
review-no-answer = (無回答)
review-diff = 差分: { $diff }
review-true = 正(○)
review-false = 誤(×)
review-order-you = { $typed }  ({ $total } 個中 { $n } 個が正しい位置)
review-not-true-false = 「{ $line }」は正誤の答えではありません。○/×、はい/いいえ、正/誤、t/f などを入力してください
review-no-option = 選択肢 { $number } はありません。1 から { $n } の番号を入力してください
review-not-an-option = 「{ $text }」は選択肢にありません。番号か、選択肢の文をそのまま入力してください
review-order-usage = 1 から { $n } の番号を正しい順に一度ずつ入力してください(例: 2 1 3)
review-order-not-number = 「{ $token }」は項目の番号ではありません。{ $usage }
review-order-no-item = 項目 { $k } はありません。{ $usage }
review-order-twice = 項目 { $k } が二度あります。{ $usage }
review-order-count = { $n } 個中 { $given } 個しかありません。{ $usage }

## 最後のカードのあとのまとめ
review-summary-answered = { $n } 枚に解答({ $time })
review-summary-retention = 今日の真の定着率: { $pct }%(復習 { $asked } 枚中 { $remembered } 枚を想起)
review-summary-left = 今日の残り: 新規 { $new } · 学習中 { $learning } · 復習 { $review }
review-summary-next-learning = 次の学習中カードは { $time }後
review-summary-nothing-left = 今日の復習は終わりました
review-summary-due-tomorrow = 明日の予定: { $n } 枚
review-summary-streak = 連続学習: { $n }日

## 積み残し(1日の上限より多い復習が期限を迎えている)
review-backlog = 積み残し: 期限切れ { $overdue } 枚 · 今日が期限 { $today } 枚
review-backlog-gone-today = 1日 { $pace } 枚のペースなら今日で片付きます
review-backlog-gone-in = 1日 { $pace } 枚のペースなら { $days } 日で片付きます
review-backlog-grows = 1日 { $pace } 枚のペースでは減りません。毎日それより多くが期限を迎えます
review-backlog-order = 忘れやすいカードから出します。片付くまで新規カードは出しません
