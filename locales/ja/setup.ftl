# kioku の準備（issue 20）: デッキのフォルダ、模擬時刻、`kioku new`、lint のまとめ。
# キーは "setup-" で始まる。
setup-decks-here = kioku: { $dir } のデッキを使います（いるフォルダの decks フォルダ）。`kioku config set decks DIR` で、どこで実行しても同じフォルダを使えます
setup-now-ahead = --now { $now } は実際の時計より1日以上先で、これはあなた自身のデータベース（{ $db }）です。回答が未来の日付で記録され、今日の復習が表示されなくなります。試すには別のデータベースを使ってください（--db /tmp/try.sqlite3 または KIOKU_DB）。このデータベースで行う場合は --allow-future-now を付けてください
setup-now-before-log = kioku: 警告: --now { $now } は { $db } の最後の復習（{ $last }）より前です。これからの回答はそれより前の日付で記録され、間隔は後の方から数えられます
setup-new-repository = { $dir } には kioku 付属のデッキがあります。自分のデッキは別の場所に置いてください: `kioku config set decks DIR`（どこで実行しても使う自分のフォルダ）、または -o FILE
setup-new-wrote = { $file } を作りました（`kioku lint { $path }` で確かめられます）
setup-new-outside = デッキのフォルダ（{ $dir }）の外にあります。学習するにはそこへ移すか、--decks を使ってください
setup-new-outside-bundled = まだありません。kioku は付属のデッキを使っています
setup-new-in-decks = `kioku review { $deck }` で学習できます（デッキのフォルダは { $dir }）
setup-new-here = このフォルダで実行したときに読み込まれます（./decks）。`kioku config set decks { $dir }` で、どこで実行してもこのフォルダを使えます
setup-new-created = { $dir } を新しいデッキのフォルダとして作りました。このフォルダで実行すると、付属のデッキの代わりにここのデッキを読み込みます。`kioku config set decks { $dir }` で、どこで実行してもこのフォルダを使えます
setup-lint-summary = { $files } ファイル、カード { $cards } 枚を確認しました{ $place }: エラー { $errors } 件、警告 { $warnings } 件
setup-lint-in-dir = （{ $dir }）
setup-lint-in-bundled = （付属のデッキ）
setup-man-dir-missing = --dir: { $dir } はフォルダではありません。先に作ってください
setup-man-wrote = man ページを { $dir } に書き出しました
