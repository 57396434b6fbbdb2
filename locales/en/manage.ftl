# undo, suspend/unsuspend and config. Keys start with "manage-".
manage-undone = undone { $key } ({ $grade }, { $when })
manage-suspended = suspended { $key }
manage-unsuspended = unsuspended { $key }
manage-already-suspended = { $key } was already suspended; nothing changed
manage-not-suspended = { $key } was not suspended; nothing changed
manage-config-default = (default { $default })
manage-config-invalid = INVALID: { $error }
manage-setting-desired_retention = probability of recall the scheduler aims for when a card is due, 0.70–0.99
manage-setting-new_per_day = new cards introduced per study day, all decks together, 0–9999
manage-setting-reviews_per_day = review cards shown per study day, all decks together, 0–99999
manage-setting-learning_steps = delays between first answers of a new card, e.g. "1m 10m" (units s m h d; may be empty)
manage-setting-relearning_steps = delays after a lapse before the card returns to review, e.g. "10m" (may be empty)
manage-setting-max_interval_days = longest review interval in days, 1–36500
manage-setting-rollover_hour = local hour at which a new study day begins, 0–23
manage-setting-fuzz = spread review intervals slightly so cards learned together do not stay together (true/false)
manage-setting-bury_siblings = hide other cards of a note answered today until the next study day (true/false)
manage-setting-leech_threshold = lapses after which a card is tagged leech and suspended (again every half as many more), 1–999
manage-setting-load_balance = within its fuzz range, put a review on a day with fewer reviews already due (needs fuzz; true/false)
manage-setting-easy_days = weekdays with fewer reviews: the share of a normal day's load, e.g. "sat:0.5 sun:0" (needs fuzz; empty = none)
manage-setting-backlog_pause_new = no new cards while more reviews are due than the day's limit, unless an exam plan needs them (true/false)
manage-setting-readings = readings (furigana) written 文在寅[ムン・ジェイン] in decks: show them as 文在寅(ムン・ジェイン), or hide them (show/hide)
manage-setting-new_card_order = which new cards come first: "deck" (the decks' order) or "random" (a fixed shuffle of every new card, the same on every run)
manage-setting-language = language of kioku's screens and messages unless --lang or KIOKU_LANG says otherwise: ja, en, or auto (the locale's: LANGUAGE, LC_ALL, LC_MESSAGES, LANG)
manage-setting-decks = the folder of your deck files wherever you run kioku, stored as an absolute path (--decks and KIOKU_DECKS win; empty = ./decks if present, else the bundled decks)
manage-undo-no-history = nothing to undo: there is no review history yet
manage-undo-no-review = nothing to undo: no answer has been given in a review
manage-undo-not-newest = nothing undone: the last answer ({ $key }, { $grade }, { $when }) is no longer that card's last change (it was crammed, examined, suspended or buried since)
manage-decks-unusable = decks: cannot use { $path } as the decks folder ({ $reason }); create it first, or check the path
manage-decks-not-folder = decks: { $path } is not a folder
manage-decks-not-utf8 = decks: { $path } is not valid UTF-8, which the setting cannot hold; use --decks or KIOKU_DECKS
