# kioku import、kioku export、kioku report: メッセージ、警告、人が読む列見出し。
# CSV の見出し（card_key、review_time など）はプログラム用なので英語のまま。キーは "interchange-" で始まる。
interchange-cannot-write = { $path } に書き込めません: { $error }
interchange-wrote = { $path } にノート { $n } 件を書きました
interchange-warning = 警告: { $file }: { $warning }

## import
interchange-zip = { $file } は zip ファイル（Anki のパッケージ？）です。kioku が読むのは Anki のテキスト書き出しです: Anki で「ファイル → 書き出す → プレーンテキストのノート」
interchange-not-utf8 = { $file } は UTF-8 のテキストではありません。先に変換してください（例: iconv -f SHIFT_JIS -t UTF-8 '{ $file }' > converted.txt）
interchange-bad-deck-id = '{ $id }' はデッキ ID に使えません。--deck で指定してください
interchange-several-anki-decks = 行が { $n } 個の Anki のデッキ（{ $decks }）から来ています。すべてデッキ '{ $id }' に入れます。分けたいときは Anki のデッキを一つずつ書き出してください
interchange-would-fail-lint = { $file }: このデッキは `kioku lint` を通りません（{ $problem }）。何も書いていません
interchange-nothing-imported = { $file }: 取り込めるノートがありません。何も書いていません
interchange-imported-comment = # kioku が { $file } から取り込みました。`kioku lint` で確かめてください。
interchange-too-big = { $file } から作ると { $size } のデッキになり、デッキのファイルの上限 { $limit } を超えます。ファイルを分けて取り込んでください
interchange-not-a-deck = 警告: { $path } は kioku が読めるデッキではないため、ノート ID を引き継げません
interchange-kept-ids = { $path } のノート { $kept } 件の ID を引き継ぎました（id か guid の列で { $column } 件、同じ表面で { $front } 件、ほぼ同じ表面で { $near } 件）
interchange-kept-near = { $line } 行目: 表面が少し変わっています。ID '{ $id }' を引き継ぎました
interchange-new-notes = 新しいノート（{ $path } に対応なし）: { $lines } 行目
interchange-gone-notes = この取り込みにない { $path } のノート: { $ids }（学習者の記録はデータベースに残ります。移すには新しいノートに `renamed_from: 古いID` を書いてください）
interchange-line = { $line } 行目: { $error }
interchange-no-rows = 中身のある行がありません
interchange-one-column = どの行も列が一つだけで、区切り文字が見つかりません。表と裏をタブかコンマで区切ってください（または Anki の `#separator:` の見出し行を書いてください）
interchange-media = { $line } 行目: { $media } を除きました（kioku は画像や音声を扱えません）
interchange-notetype-none = （なし）
interchange-extra-fields = { $line } 行目: ノートタイプ { $notetype } には kioku が使うより多くのフィールドがあります。最初の { $used } 個だけを使います
interchange-image-occlusion = { $line } 行目: 飛ばしました: ノートタイプ '{ $notetype }'（画像穴埋め）は kioku で扱えません
interchange-id-taken = { $line } 行目: ID '{ $base }' は前の行で使われています。このノートは '{ $id }' にします
interchange-skipped = { $line } 行目: 飛ばしました: { $reason }

## export
interchange-apkg-needs-file = .apkg はバイナリファイルです。-o でファイル名を指定してください（例: kioku export deck { $id } -o { $id }.apkg）
# 正誤問題を表と裏のノートとして書き出すときの言葉（デッキの `lang:` の言語で）。
interchange-true-or-false = （正しいか、誤りか）
interchange-true = 正しい
interchange-false = 誤り

## report
interchange-report-too-big = ファイルの合計が { $limit } を超えています。一度に扱う学習者を減らしてください
interchange-report-title = 学習者 { $students } 人 · カード { $cards } 枚（難しい順）
interchange-report-card = カード
interchange-report-students = 人数
interchange-report-answers = 回答数
interchange-report-lapse = 忘却率
interchange-report-again = 誤答率
interchange-report-recall = 想起率
interchange-report-md-header = | カード | 学習者 | 回答数 | 忘却率 | もう一度の割合 | 現在の想起率 |
interchange-bad-separator = { $line } 行目: 区切り文字 { $separator } は Anki の区切り文字ではありません。tab、comma、semicolon、pipe、space、colon のどれかを使ってください
interchange-no-folder = フォルダ { $path } がありません
