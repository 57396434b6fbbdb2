# 詰め込み学習(`kioku cram`): 端末の画面と、パイプのプロトコルの人が読む行。キーは "cram-" で始まる。
cram-label = 詰め込み
cram-left = 残り { $n } 枚
cram-keys-typing = Enter 解答 · :u 取り消し · Esc・:q 終了
cram-keys-question = スペース 答えを表示 · u 取り消し · q 終了
cram-keys-answer = 1-4 評価 · Enter { $grade } · u 取り消し · q 終了 — 詰め込み学習では予定は変わりません
cram-grade-prompt = { $prompt }。詰め込み学習では予定は変わりません
cram-undone = 取り消しました: { $key }
cram-saved = 保存しました: { $key } { $grade }
cram-not-available = { $command } は詰め込み学習では使えません(:u 取り消し、:q 終了)
cram-grade-first = 先にカードを評価してください(1-4)。終えるには :q
cram-nothing = 詰め込み学習中のカードはありません
cram-after-screen = { $n } 回の解答を保存しました(詰め込み学習では予定は変わりません)
cram-none-missed = 最近 { $days } 日間に「もう一度」と答えたカードはありません
cram-none-in-scope = 対象のカードがありません
