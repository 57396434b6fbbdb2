# undo、suspend/unsuspend、config。キーは "manage-" で始まる。
manage-undone = 取り消しました: { $key }({ $grade }、{ $when })
manage-suspended = 保留しました: { $key }
manage-unsuspended = 保留を解除しました: { $key }
manage-already-suspended = { $key } はすでに保留中です。何も変えていません
manage-not-suspended = { $key } は保留されていません。何も変えていません
manage-config-default = (既定値 { $default })
manage-config-invalid = 不正な値: { $error }
manage-setting-desired_retention = 期限の日に思い出せる確率の目標(0.70〜0.99)
manage-setting-new_per_day = 1学習日に出す新規カードの枚数、全デッキ合計(0〜9999)
manage-setting-reviews_per_day = 1学習日に出す復習カードの枚数、全デッキ合計(0〜99999)
manage-setting-learning_steps = 新規カードの最初の解答どうしの間隔。例 "1m 10m"(単位 s m h d、空でもよい)
manage-setting-relearning_steps = 忘れたカードが復習に戻るまでの間隔。例 "10m"(空でもよい)
manage-setting-max_interval_days = 復習間隔の最大日数(1〜36500)
manage-setting-rollover_hour = 新しい学習日が始まる時刻(地方時、0〜23)
manage-setting-fuzz = 同時に覚えたカードがいつも一緒に出ないよう、復習間隔を少しばらつかせる(true/false)
manage-setting-bury_siblings = 今日答えたノートの他のカードを次の学習日まで隠す(true/false)
manage-setting-leech_threshold = 何回忘れたらリーチとしてタグを付けて保留するか(その後は半分の回数ごと、1〜999)
manage-setting-load_balance = ファズの範囲内で、すでに予定の少ない日に復習を置く(ファズが必要、true/false)
manage-setting-easy_days = 復習を減らす曜日: 通常の日の負荷に対する割合。例 "sat:0.5 sun:0"(ファズが必要、空 = なし)
manage-setting-backlog_pause_new = 1日の上限より多い復習が期限を迎えている間は新規カードを出さない(試験計画が必要とする分は出す、true/false)
manage-setting-readings = デッキに 文在寅[ムン・ジェイン] と書いた読み(ふりがな)を 文在寅(ムン・ジェイン) と表示するか、隠すか(show/hide)
manage-setting-new_card_order = 新規カードの順: "deck"(デッキの順)か "random"(全新規カードを固定の順に混ぜる。毎回同じ)
manage-setting-language = 画面とメッセージの言語: ja、en、auto(--lang/KIOKU_LANG、なければロケールに従う)
manage-setting-decks = どこで実行しても使うデッキのフォルダ(絶対パスで保存。--decks と KIOKU_DECKS が優先。空なら ./decks があればそれ、なければ付属のデッキ)
