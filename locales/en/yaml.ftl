# The YAML parsers' commonest messages about a deck file, said plainly (src/deck/yaml_words.rs).
# Keys start with "yaml-".
yaml-mapping-values = YAML syntax: a "key: value" is not allowed here (a value that itself holds ": " must be quoted)
yaml-expected-key = YAML syntax: a field name was expected here (check the indentation)
yaml-expected-dash = YAML syntax: a list item's "-" was expected here (check the indentation)
yaml-dash-not-allowed = YAML syntax: a list item's "-" is not allowed here (check the indentation)
yaml-flow-sequence = YAML syntax: a [ ] list is not closed, or lacks a ","; quote a value that starts with [
yaml-flow-mapping = YAML syntax: a { "{ }" } mapping is not closed, or lacks a ","; quote a value that starts with {"{"}
yaml-expected-colon = YAML syntax: a ":" is missing after the field name
yaml-tab = YAML syntax: a tab cannot indent; use spaces
yaml-unclosed-quote = YAML syntax: the file ends inside a quoted value; close its quote
yaml-escape = YAML syntax: an unknown escape (\) inside double quotes; write \\ for a backslash, or use single quotes
yaml-unknown-anchor = YAML syntax: an alias (*name) refers to no anchor (&name) above it
yaml-cannot-start = YAML syntax: nothing can start with this character here (a tab; or @ or `, which YAML reserves: quote a value that starts with one)
yaml-indentation = YAML syntax: the indentation is wrong here
yaml-invalid-type = { $place }wrong kind of value: { $expected } was expected, found { $found }
yaml-missing-field = { $place }missing field `{ $field }`
yaml-duplicate-field = { $place }the field `{ $field }` is given twice
yaml-duplicate-key = { $place }a key is given twice in one mapping
yaml-unknown-value = { $place }`{ $value }` is not allowed here; allowed: { $known }
yaml-kind-string = a string
yaml-kind-sequence = a list
yaml-kind-map = a mapping
yaml-kind-boolean = true or false
yaml-kind-empty = an empty value
yaml-kind-number = a number
