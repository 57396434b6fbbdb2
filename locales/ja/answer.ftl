# 入力した答えをどう読み、どう判定したか(判定の下の行)。キーは "answer-" で始まる。
answer-set-aside = 除いた語: { $words }
answer-read = 読み取り: { $typed } → { $read }
answer-why-negation = 理由: 答えを否定している({ $word })
answer-why-bound = 理由: 答えではなく範囲を言っている({ $word })
answer-why-second = 理由: 答えが二つある({ $word })
answer-why-correction = 理由: 言い直している({ $word })。答えは一つだけ
answer-why-ambiguous-date = 理由: 日付が二通りに読める(日/月 か 月/日 か)
answer-why-weekday = 理由: { $written } はその日付の曜日ではない
answer-why-too-long = 理由: 答えよりずっと長いため読んでいない
answer-almost-less-precise = 惜しい: 合っているが、求めたより大まか
answer-almost-typo = 惜しい: 一、二文字違う
answer-almost-kana = 惜しい: 読みをかなで書いている
answer-almost-same-reading = 惜しい: 同じ読みの別の漢字
answer-almost-head-noun = 惜しい: { $word } が足りない
answer-almost-part-of-name = 惜しい: 名前の一部だけ
answer-almost-approximate = 惜しい: 正確な数を問うているのに、おおよその数で答えている
answer-almost-qualified = 惜しい: { $word } が付くと意味が変わる
