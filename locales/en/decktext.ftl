# Text kioku writes into a deck's cards, in the language of the deck's text (its `lang`, else its
# script), not the interface's: validated decks are cached. Keys start with "decktext-".
decktext-order-instruction = Put these in the right order
