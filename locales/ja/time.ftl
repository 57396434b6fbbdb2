# 人が読む時間の単位(間隔、残り時間、かかった時間)。キーは "time-" で始まる。
# Anki 日本語版の表示(10分、4日、1.2ヶ月)に合わせる。
time-secs = { $n }秒
time-mins = { $n }分
time-hours = { $n }時間
time-days = { $n }日
time-months = { $n }ヶ月
time-years = { $n }年
time-spent-hours-mins = { $h }時間{ $m }分
time-spent-mins-secs = { $m }分{ $s }秒
time-spent-secs = { $s }秒
