# デッキのファイルとフォルダの読み込み、作成用のコマンド（kioku new、kioku preview）。
# キーは "deck-" で始まる。
deck-cannot-read = 読めません: { $error }
deck-not-a-file = 通常のファイルではありません（デバイス、パイプ、ソケット）。デッキはテキストファイルです
deck-too-big = ファイルが { $mib } MiB あります。デッキのファイルは 10 MiB までです
deck-too-big-hint = いくつかのデッキに分けてください
deck-grew = 読んでいる間にファイルが 10 MiB を超えました。デッキのファイルは 10 MiB までです
deck-utf16 = ファイルが UTF-8 ではなく { $encoding } です
deck-not-utf8 = ファイルが UTF-8 ではありません（古いエディタで保存した Shift_JIS かもしれません）
deck-convert-hint = エディタで UTF-8 として保存し直すか、変換してください: iconv -f { $encoding } -t UTF-8 '{ $file }' > converted.yaml
deck-control-character = 制御文字 { $code } は YAML のファイルに書けません
deck-control-character-hint = 削除してください（たいていのエディタでは見えません。端末からの貼り付けでよく入ります）

## kioku new
deck-new-bad-id = '{ $id }' はデッキ ID に使えません。英数字と「-」「_」だけを使ってください
deck-new-wrote = { $path } を作りました（`kioku lint { $path }` で確かめられます）

## kioku preview
deck-preview-header = { $deck } — ノート { $notes } 件、カード { $cards } 枚
deck-preview-typed = （入力、check { $check }）
deck-preview-typed-also = （入力、check { $check }、ほかに { $accept } も正解）
deck-kind-basic = 基本
deck-kind-reverse = 逆向き
deck-kind-cloze = 穴埋め
deck-kind-typed = 入力
deck-kind-choice = 選択
deck-kind-truefalse = 正誤
deck-kind-order = 並べ替え
