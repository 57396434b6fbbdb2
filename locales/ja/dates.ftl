# コマンドラインで入力する日付(plan --exam-date、break)。キーは "dates-" で始まる。
dates-ambiguous = { $what }: 「{ $text }」は二通りに読めます。{ $first }(日/月)か { $second }(月/日)か。{ $first } か { $second } のように書いてください
