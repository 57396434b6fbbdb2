# コマンドライン: 全体のメッセージと --help の文。キーは "cli-" で始まる。
cli-lang-invalid = 「{ $value }」は kioku の使える言語ではありません。ja か en を指定してください
