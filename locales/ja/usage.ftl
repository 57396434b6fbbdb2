# clap の使い方の誤りを、種類から言い直す (src/cli/usage.rs)。キーは "usage-" で始まる。
usage-unknown-argument = 知らない引数「{ $arg }」があります
usage-unknown-command = 知らないコマンド「{ $command }」です
usage-value-missing = 「{ $arg }」には値が必要ですが、指定されていません
usage-value-not-allowed = 「{ $arg }」に「{ $value }」は使えません(使えるもの: { $allowed })
usage-value-invalid = 「{ $arg }」の値「{ $value }」が正しくありません: { $reason }
usage-missing-argument = 必要な引数が指定されていません: { $arg }
usage-conflict = 「{ $arg }」は「{ $prior }」と一緒には使えません
usage-unexpected-value = 余分な値「{ $value }」があります
usage-did-you-mean = ヒント: 似たものがあります:「{ $suggestion }」
usage-more-help = 詳しくは '--help' を付けて実行してください。
usage-help-default = [既定: { $value }]
usage-help-env = [環境変数: { $name }]
usage-not-whole-number = 整数ではありません
usage-not-number = 数ではありません
usage-quoted = 「{ $value }」
