# `kioku due` と、コマンドなしの `kioku`。キーは "due-" で始まる。
# 用語は Anki の日本語版に合わせる: 新規 / 学習中 / 復習。
due-col-deck = デッキ
due-col-new = 新規
due-col-learning = 学習中
due-col-review = 復習
due-row-today = 今日
due-next = 次: kioku review
due-nothing-left = 今日の分は終わりました
due-streak = 連続学習: { $n }日
