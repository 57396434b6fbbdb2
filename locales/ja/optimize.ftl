# kioku optimize: FSRS パラメータの学習と評価、目標正答率の提案 (src/cli/optimize.rs)。
# キーは "optimize-" で始まる。
optimize-source-history = あなたの復習履歴
optimize-items = { $source }: カード { $cards } 枚の復習 { $reviews } 回 → 学習データ { $items } 件(別の学習日に行った復習。タイムゾーン { $zone }、日付の切り替え { $hour }:00)
optimize-left-out = 詰め込み学習・模擬試験・手動操作の記録 { $n } 件は除きました(予定された復習ではないため。これらを含めるツールでは数値が変わります)
optimize-training = { $n } 件のデータで FSRS を学習中…
optimize-col-parameters = パラメータ
optimize-col-log-loss = 対数損失
optimize-col-rmse = RMSE(bins)
optimize-row-current-trained = 現在(以前に学習したもの)
optimize-row-current-default = 現在(FSRS-6 の既定値)
optimize-row-trained = この履歴で学習したもの
optimize-lower-is-better = (小さいほど良い。パラメータの学習に使ったのと同じデータで測定)
optimize-csv-only = 評価のみ: CSV の記録でパラメータが変わることはありません
optimize-not-better = 学習したパラメータの方が良くないため、現在のものを使い続けます
optimize-dry-run = 試し実行: 何も保存していません(--dry-run なしなら学習したパラメータを使います)
optimize-kept = 学習したパラメータを保存しました: これからのスケジュールに使います
optimize-col-retention = 目標正答率
optimize-col-workload = 新規カード1枚あたりの負担
optimize-col-work-per-remembered = 覚えたカード1枚あたりの負担
optimize-versus = (どちらも現在の { $current } との比較)
optimize-suggested-mark = ← おすすめ
optimize-suggested = おすすめ: { $retention }(覚えたカード1枚あたりの負担が最も少ない)。`kioku config set desired_retention { $retention }` で設定できます
