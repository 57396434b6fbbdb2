# kioku orphans: デッキからなくなったカードの学習記録 (src/cli/orphans.rs)。キーは "orphans-" で始まる。
orphans-none = 孤立した記録はありません: 学習記録のあるカードはすべてデッキにあります
orphans-line-note-gone = { $key }  復習 { $n } 回(ノートがデッキから削除済み)
orphans-line-deck-absent = { $key }  復習 { $n } 回(デッキが読み込まれていません)
orphans-summary = 孤立した記録 { $n } 件。ノートが戻れば学習記録も戻ります。`--prune` で、読み込まれたデッキから消えたノートの学習記録を削除できます
orphans-nothing-to-prune = 削除するものはありません: 孤立した記録のデッキは読み込まれていません(ファイルがないだけかもしれません)
orphans-confirm = { $n } 枚のカードの学習記録を削除しますか? 元に戻せません。yes と入力すると削除します:
orphans-pruned = { $n } 枚のカードの学習記録を削除しました
