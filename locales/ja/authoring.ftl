# デッキを書く先生への助言（kioku lint）。キーは "authoring-" で始まります。
# lint のコード（bracket-reading、answer-number など）は言語で変わりません。

## カードの呼び方：先生が数えるとおり 1 から、始まる行とともに
authoring-card = { $n } 枚目（{ $line } 行目）
authoring-in-card = { $card }：{ $rest }

## ほかの括弧で書かれた読み仮名
authoring-bracket-reading = 「{ $written }」は読み仮名のようですが、読み仮名は半角の角括弧 [ ] で書きます。このままでは本文の一部として書かれたとおりに表示され、入力問題では括弧ごと入力しないと正解になりません
authoring-bracket-reading-hint = 「{ $fixed }」と書いてください

## 選択肢の番号で書かれた答え
authoring-answer-number = 「answer: { $answer }」は正しい選択肢の番号ではなく、その文字列として読まれます。学習者には { $options } と並んで「{ $answer }」という選択肢が表示されます
authoring-answer-number-meant = 「answer: { $meant }」（distractors の { $n } 番目）のことですか？ `answer` には正しい選択肢の文字列を、`distractors` には誤りの選択肢だけを書きます。「{ $meant }」を `answer` に書き、`distractors` から外してください
authoring-answer-number-hint = `answer` には正しい選択肢の文字列を書いてください。`distractors` には誤りの選択肢だけを書きます

## フィールド名と YAML の書き誤り
authoring-options-hint = `distractors` のことですか？ ここには誤りの選択肢だけを並べます。正解は一覧に入れず `answer` に書きます
authoring-flow-list-hint = `{ $key }` の項目に角括弧があり、[a, b] の形の一覧がそこで終わってしまいます。各項目を "金文洙[キム・ムンス]" のように引用符で囲むか、`{ $key }:` の下に一行に一つずつ「- 」に続けて書いてください
authoring-quote-colon-hint = 値に「: 」があり、YAML は新しいフィールドとして読みます。値全体を引用符で囲んでください：{ $key }: "{ $value }"

## 模擬試験
authoring-few-distractors = { $card }（{ $key }）には、試験で使えるカテゴリ「{ $category }」の誤答が { $found } 個しかありません（選択問題にするには 2 個必要です）
authoring-few-distractors-hint = このカテゴリのカードを増やすか、カードに別の `category` を付けてください。このままでは試験で入力問題として出るか、出題されません
authoring-few-distractors-check = { $card }({ $key })には、試験で使える `check: { $category }` の答えの誤答が { $found } 個しかありません(選択問題にするには 2 個必要です)
authoring-few-distractors-check-hint = `check: { $category }` のカードを増やすか、カードに `category` を付けて同じ種類の答えのカードとまとめてください。このままでは試験で入力問題として出るか、出題されません
authoring-card-key = { $card }「{ $key }」
authoring-quoted = 「{ $text }」

## kioku plan：同じ試験をもう一度記録したとき
authoring-plan-updated = 計画 { $id } を更新しました（同じ試験日と範囲の計画がすでにあります）: 範囲内のカードは { $date } に覚えているよう予定されます(復習 { $moved } 件を試験前に移動)

## コマンドが使ったデッキのフォルダ（カードのキーが見つからないときに表示）
authoring-decks-given = kioku: デッキは { $dir } から読みました（--decks または KIOKU_DECKS）
authoring-decks-setting = kioku: デッキは { $dir } から読みました（decks の設定：kioku config get decks）
authoring-decks-here = kioku: デッキは { $dir } から読みました。今いるフォルダの decks フォルダで、付属のデッキの代わりに使われます。別のフォルダで実行するか、--decks DIR を指定してください
authoring-decks-bundled = kioku: デッキは付属のものを使いました（--decks も decks の設定もなく、今いるフォルダに decks フォルダもありません）
