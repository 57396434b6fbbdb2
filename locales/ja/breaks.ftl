# kioku break・postpone・advance: 復習の日を動かす (src/cli/breaks.rs, src/cli/postpone.rs)。
# キーは "breaks-" で始まる。
breaks-no-such = 休み { $id } はありません(`kioku break --list` で確認できます)
breaks-removed = 休み { $id } を削除しました
breaks-none = 休みは登録されていません(kioku break 開始日 終了日 で登録できます)
breaks-list-line = { $id }  { $first }〜{ $last }({ $days }日間)
breaks-needs-two-days = 休みには最初の日と最後の日が必要です: kioku break 開始日 終了日
breaks-ends-before-begin = 休みの終わり({ $last })が始まり({ $first })より前です
breaks-begins-before-today = 休みの始まり({ $first })が今日({ $today })より前です
breaks-too-long = 休みは最長1年です
breaks-covers-exam = 警告: この休みは { $exam } の試験(計画 { $plan })の直前 { $days } 日間にかかっています。その間に計画が必要とする復習は休みの前に移ります
breaks-recorded = 休み { $id } を登録しました: { $first }〜{ $last }(学習日 { $days } 日間)。復習 { $before } 件を休みの前へ、{ $after } 件を後へ移しました。休みの間は新規カードを出しません
breaks-count-too-small = kioku { $action }: N は1以上にしてください
breaks-needs-yes = kioku { $action } はカードを動かす前に確認します。標準入力が端末ではないため、--yes を付けてください
breaks-nothing-to-postpone = 先送りするものはありません: 期日の来た復習カードがありません
breaks-nothing-to-advance = 前倒しするものはありません: 後日に期日の来る復習カードがありません
breaks-postpone-preview = { $n } 枚のカードを { $shortest }〜{ $longest } 日先送りします: 復習時の想起確率の予測は平均で { $today }(今日)から { $then } に下がり、忘れるカードは約 { $forgotten } 枚増えます
breaks-advance-preview = { $n } 枚のカードを今日に前倒しします: 想起確率の予測は期日の { $due } ではなく今の { $now } なので、早めの復習は記憶をあまり強めません
breaks-confirm-postpone = 先送りしますか? yes と入力すると実行します:
breaks-confirm-advance = 前倒ししますか? yes と入力すると実行します:
breaks-postponed = { $n } 枚のカードを先送りしました
breaks-advanced = { $n } 枚のカードを前倒ししました
