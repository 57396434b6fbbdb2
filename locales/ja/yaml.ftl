# デッキファイルについての YAML パーサーのよくあるメッセージを、わかりやすく (src/deck/yaml_words.rs)。
# キーは "yaml-" で始まる。
yaml-mapping-values = YAML の書き方の誤り: この位置に「キー: 値」は書けません(値の中に「: 」があるときは、値全体を引用符で囲んでください)
yaml-expected-key = YAML の書き方の誤り: ここにはフィールド名が来るはずです(字下げを確かめてください)
yaml-expected-dash = YAML の書き方の誤り: ここにはリストの「-」が来るはずです(字下げを確かめてください)
yaml-dash-not-allowed = YAML の書き方の誤り: この位置にリストの「-」は書けません(字下げを確かめてください)
yaml-flow-sequence = YAML の書き方の誤り: [ ] のリストが閉じていないか、「,」がありません。[ で始まる値は引用符で囲んでください
yaml-flow-mapping = YAML の書き方の誤り: { "{ }" } が閉じていないか、「,」がありません。{"{"} で始まる値は引用符で囲んでください
yaml-expected-colon = YAML の書き方の誤り: フィールド名のあとの「:」がありません
yaml-tab = YAML の書き方の誤り: 字下げにタブは使えません。空白を使ってください
yaml-unclosed-quote = YAML の書き方の誤り: 引用符が閉じられないままファイルが終わっています
yaml-escape = YAML の書き方の誤り: 二重引用符の中に使えないエスケープ(\)があります。バックスラッシュは \\ と書くか、一重引用符を使ってください
yaml-unknown-anchor = YAML の書き方の誤り: エイリアス(*名前)の指すアンカー(&名前)が、それより前にありません
yaml-cannot-start = YAML の書き方の誤り: ここではこの文字で始めることはできません(タブ。または YAML が予約している @ や `: それで始まる値は引用符で囲んでください)
yaml-indentation = YAML の書き方の誤り: ここの字下げが正しくありません
yaml-invalid-type = { $place }値の種類が違います: { $expected }を書くところに{ $found }があります
yaml-missing-field = { $place }フィールド `{ $field }` がありません
yaml-duplicate-field = { $place }フィールド `{ $field }` が二度書かれています
yaml-duplicate-key = { $place }一つのマッピングに同じキーが二度書かれています
yaml-unknown-value = { $place }`{ $value }` はここでは使えません。使えるもの: { $known }
yaml-kind-string = 文字列
yaml-kind-sequence = リスト
yaml-kind-map = マッピング
yaml-kind-boolean = true か false
yaml-kind-empty = 空の値
yaml-kind-number = 数
