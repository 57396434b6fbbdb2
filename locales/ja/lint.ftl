# デッキの診断: 検証、lint の警告、日本語入力のまま打った記号、診断の表示。キーは "lint-" で始まる。
# コード（duplicate-id、fullwidth-colon など）は言語によらず同じ。変わるのはメッセージとヒントだけ。
# フィールド名（front、back など）と YAML の書き方は `…` の中に英語のまま書く。

## 診断の表示
lint-severity-error = エラー
lint-severity-warning = 警告
lint-hint = ヒント
lint-summary = エラー { $errors } 件、警告 { $warnings } 件
lint-nothing-changed = デッキにエラーが { $errors } 件あります。何も変更していません

## 検証（エラー）
lint-id-hint = 英数字と「-」「_」だけを使ってください
lint-bad-deck-id = デッキ ID「{ $id }」は使えません
lint-bad-deck-id-hint = デッキ ID はファイル名から作られます。ファイル名を変えるか、`deck: an-id` を書いてください（英数字と「-」「_」）
lint-bad-check = check「{ $check }」は text、date、number のどれでもありません
lint-missing-id = ノートに id がありません
lint-missing-id-hint = `id: a-stable-name` を書いてください。ノートを書き直しても、id があれば学習の記録が引き継がれます
lint-bad-id = ノート ID「{ $id }」は使えません
lint-duplicate-id = ノート ID「{ $id }」が重複しています（{ $first }でも使われています）
lint-duplicate-id-hint = ノートごとに別の id を付けてください
lint-renamed-from-twice = renamed_from「{ $old }」は { $first }にも書かれています
lint-renamed-from-twice-hint = 古いノートの記録を引き継げるのは一つのノートだけです。そのノートにだけ renamed_from を残してください
lint-renamed-from-present = renamed_from の「{ $old }」は、まだこのデッキにあるノートです
lint-renamed-from-present-hint = renamed_from は id を変えたノートのためのものです。古いノートを消してから、古い id を書いてください
lint-empty-field = `{ $field }` が空です
lint-empty-entry = `{ $field }` の { $n } 番目が空です
lint-duplicate-entry = 「{ $value }」が `{ $field }` に二回あります（{ $first } 番目と { $second } 番目）
lint-no-content = ノート「{ $id }」に問題がありません（front/back、cloze、question、statement、order のどれもありません）
lint-no-content-answer-hint = `answer` は `question:` か `statement:` と一緒に使います。表と裏のノートは `back:` です
lint-no-content-hint = `front:` と `back:`、{"{{"}c1::…{"}}"} の入った `cloze:`、または `question:`、`statement:`、`order:` を書いてください
lint-mixed-kinds = ノート「{ $id }」に複数の種類（{ $kinds }）が混ざっています。一つのノートは一つの種類です
lint-misplaced-reverse = `reverse` は表と裏（front/back）のノートにだけ使えます
lint-misplaced-answer = `answer` は question と statement のノートのフィールドです
lint-misplaced-answer-hint = 表と裏のノートは `back:` を使います。穴埋めは答えを {"{{"}c1::…{"}}"} の中に書きます
lint-missing-front = ノート「{ $id }」に裏（back）はありますが表（front）がありません
lint-missing-back = ノート「{ $id }」に表（front）はありますが裏（back）がありません
lint-cloze-without-deletion = 穴埋め（cloze）に隠す部分がありません
lint-cloze-without-deletion-hint = 隠す部分を {"{{"}c1::text{"}}"} のように囲んでください
lint-missing-question = ノート「{ $id }」に distractors はありますが question がありません
lint-missing-answer = 選択問題「{ $id }」に `answer` がありません
lint-too-few-options = 選択問題「{ $id }」には `distractors`（誤りの選択肢を一つ以上）が必要です
lint-too-few-options-hint = 選択肢がないなら表と裏（front/back）で書いてください
lint-answer-in-distractors = 答え「{ $answer }」が誤りの選択肢にも入っています
lint-missing-statement-answer = 正誤問題「{ $id }」には `answer: true` か `answer: false` が必要です
lint-bad-statement-answer = 正誤問題の答えは true/false、正/誤、正しい/誤り、はい/いいえ、○/× のどれかです（「{ $answer }」ではありません）
lint-too-few-items = 並べ替え問題「{ $id }」には、正しい順に並べた `items` が二つ以上必要です
lint-misplaced-check = `{ $field }` は表と裏（front/back）と穴埋め（cloze）のノートにだけ使えます
lint-accept-without-check = `accept` には `check:`（text、date、number）が必要です
lint-unreadable-date = 「{ $value }」は日付として読めません（2024年12月 や 2024-12-05 のように書いてください）が、ノートは check: date です
lint-unreadable-number = 「{ $value }」は数として読めません（60日 や 23億ドル のように書いてください）が、ノートは check: number です
lint-unreadable-answer-hint = 答えを直すか、check: text にしてください
lint-bad-renamed-from = renamed_from「{ $old }」はノート ID でも「デッキ/ノート ID」でもありません

## 穴埋めの書き方
lint-cloze-unclosed = '{"{{"}' が '{"}}"}' で閉じられていません（波かっこそのものは \{"{{"} と書きます）
lint-cloze-nested = 穴埋めの中に '{"{"}' や別の {"{{"}…{"}}"} は書けません（波かっこそのものは \{"{{"} と書きます）
lint-cloze-number-zero = 穴埋めの番号は 1 以上です（「{ $head }」ではありません）
lint-cloze-number-too-big = 穴埋めの番号は { $max } までです（「{ $head }」ではありません）
lint-cloze-not-a-number = 「{ $head }」は穴埋めの番号ではありません。{"{{"}c1::text{"}}"} のように書いてください
lint-cloze-empty = 穴埋めの中身が空です
lint-cloze-numbers-run-out = この穴埋めは { $next } 番になります。穴埋めの番号は { $max } までです

## YAML
lint-yaml-syntax = YAML の書き方の誤り: { $info }
lint-yaml-unknown-field = { $place }不明なフィールド `{ $field }` です（使えるのは { $known }）
lint-did-you-mean = `{ $field }` のことですか？
lint-tab-indent-hint = YAML の字下げは半角スペースです。この行はタブで始まっています
lint-nested-too-deep = 入れ子が { $max } 段より深くなっています
lint-alias-bomb = エイリアス（*name）を展開すると 100,000 個または 1 MiB を超えます。値をそのまま書いてください

## 警告
lint-no-cards = このファイルにはカードがありません
lint-no-cards-hint = `cards:` の下にノートを書いてください
lint-retyped-boolean = `{ $field }: { $value }` は文字列 "{ $value }" のまま読みますが、ほかの YAML ツールは真偽値として読みます
lint-retyped-number = `{ $field }: { $value }` は文字列 "{ $value }" のまま読みますが、ほかの YAML ツールは数値として読みます
lint-retyped-date = `{ $field }: { $value }` は文字列 "{ $value }" のまま読みますが、ほかの YAML ツールは日付として読みます
lint-retyped-hint = "{ $value }" と引用符で囲めば、どのツールでも文字列になります
lint-control-character = `{ $field }` に制御文字 { $code } があります。端末はこうした文字に反応します（kioku は { $shown } と表示します）
lint-control-character-hint = 削除してください。デッキの文章に制御文字は要りません
lint-reading-unclosed = 読み `{ $bracket }` が `]` で閉じられていないため、そのまま文字として表示されます
lint-reading-unclosed-hint = 閉じてください: 文在寅[ムン・ジェイン]。文字としての角かっこは \[ と書きます
lint-reading-empty = 読み `{ $bracket }` が空のため、そのまま文字として表示されます
lint-reading-empty-hint = 角かっこの中に読みをかなで書くか、角かっこを消してください
lint-reading-base = 読み `{ $reading }]` が `{ $base }` 全体に付いています。読みの対象は直前の空白までです
lint-reading-base-hint = 読みを付ける語の前に空白を入れてください（例: `{ $fixed }{ $reading }]`。空白は表示されません）
lint-look-alike-options = 選択肢「{ $first }」と「{ $second }」は、大文字小文字・全角半角・かな・句読点しか違いません
lint-look-alike-options-hint = 番号で選ぶのでどちらも答えられますが、区別させたいのでなければ見分けやすくしてください
lint-reverse-question = 表（front）が疑問文ですが、`reverse: true` なので裏返したカードの答えとしても表示されます
lint-reverse-question-hint = 表を名詞句（裏が指すもの）で書くか、`reverse` を外してください
lint-bare-cloze = 番号のない穴埋め（{"{{"}text{"}}"}）は位置の順に番号が付きます
lint-bare-cloze-hint = {"{{"}c1::text{"}}"} と書けば、文章を直してもカードのキーが変わりません
lint-duplicate-deck = デッキ ID「{ $id }」は { $first } の ID と同じです
lint-duplicate-deck-hint = どちらかに別の `deck:` ID かファイル名を付けてください
lint-duplicate-prompt = { $here }は { $first }と同じことを聞いています
lint-duplicate-prompt-hint = 学習者には二枚のカードの区別がつきません。言い方を変えるか、一つにまとめてください

## 日本語入力のまま打った YAML の記号
lint-slip-colon = `{ $key }` の後ろが全角のコロンのため、YAML がフィールド名として読めません
lint-slip-colon-hint = { $char } を半角のコロンと半角スペースにしてください: `{ $key }: `
lint-slip-indent = 行が全角スペースで字下げされています。YAML は全角スペースを字下げとして数えません
lint-slip-indent-hint = { $char } を一つずつ半角スペース二つにしてください
lint-slip-space-after = `{ $what }` の後ろが全角スペースです。YAML では半角スペースが必要です
lint-slip-space-after-hint = `{ $what }` の後ろの { $char } を半角スペースにしてください
lint-slip-dash = リストの項目が半角の `-` ではなく { $found } で始まっています
lint-slip-dash-hint = { $char } を `- `（半角のハイフンと半角スペース）にしてください
lint-slip-hash = コメントが全角の ＃ で始まっているため、YAML はこの行を文字列として読みます
lint-slip-hash-hint = { $char } を半角の `#` にしてください
lint-char-fullwidth-space = 全角スペース
