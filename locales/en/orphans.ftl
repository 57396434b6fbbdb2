# kioku orphans: history whose card is gone from the decks (src/cli/orphans.rs). Keys start with
# "orphans-".
orphans-none = no orphans: every card with history is in the decks
orphans-line-note-gone = { $key }  { $n } { $n ->
    [one] review
   *[other] reviews
}  (note gone from its deck)
orphans-line-deck-absent = { $key }  { $n } { $n ->
    [one] review
   *[other] reviews
}  (deck not loaded)
orphans-summary = { $n } { $n ->
    [one] orphan
   *[other] orphans
}; their history returns if the notes come back. `--prune` deletes the history of notes gone from loaded decks
orphans-nothing-to-prune = nothing to prune: the orphans' decks are not loaded (their files may only be missing)
orphans-confirm = delete the history of { $n } { $n ->
    [one] card
   *[other] cards
}? This cannot be undone. Type yes to confirm:
orphans-pruned = deleted the history of { $n } { $n ->
    [one] card
   *[other] cards
}
