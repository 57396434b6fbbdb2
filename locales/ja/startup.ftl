# 全体のオプションと、コレクションを開くときのお知らせ (src/cli/mod.rs)。キーは "startup-" で始まる。
startup-now-invalid = --now/KIOKU_NOW: 「{ $text }」は RFC 3339 の時刻ではありません。2025-05-21T09:00:00+09:00 のように書いてください
startup-now-out-of-range = --now/KIOKU_NOW: { $now } は 1970〜9000 年の範囲外です
startup-tz-unknown = --tz/KIOKU_TZ: タイムゾーン「{ $name }」はありません。Asia/Tokyo や Europe/Berlin のような IANA の名前を指定してください
startup-db-folder-missing = --db: フォルダ { $dir } がありません。先に作るか、パスを確かめてください
startup-no-data-folder = データベースを置くデータフォルダが見つかりません(ホームディレクトリがない?)。--db PATH で指定してください
startup-lang-env-invalid = KIOKU_LANG: 「{ $value }」には対応していません。ja か en を指定してください(空にするとロケールに従います)
startup-created-database = kioku: 新しいデータベースを作成しました: { $path }
startup-other-decks-folder = kioku: { $dir } のデッキを使います。前回の実行で使ったデッキは一つも含まれていませんが、それらの学習記録は残っています(kioku orphans)。`kioku config set decks DIR` で、どこで実行しても同じフォルダを使えます
startup-other-decks-bundled = kioku: 付属のデッキを使います。前回の実行で使ったデッキは一つも含まれていませんが、それらの学習記録は残っています(kioku orphans)。`kioku config set decks DIR` で、どこで実行しても同じフォルダを使えます
startup-read-only = kioku: { $path } は読み取り専用のため、デッキの変更は保存されません。現在の内容で表示します
startup-session-open = kioku: 別の kioku セッション(復習中?)がこのデータベースを使用中です。デッキの変更はそのセッションが終わってから読み込まれます
startup-tz-var-invalid = kioku: 警告: TZ={ $value } は IANA のタイムゾーン名(Asia/Tokyo など)ではありません。システムのタイムゾーンを使います
startup-tz-unknown-system = kioku: 警告: タイムゾーンがわかりません。学習日は UTC で数えます(--tz か KIOKU_TZ で指定してください)
