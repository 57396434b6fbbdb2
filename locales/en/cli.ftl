# The command line: global messages and (later) --help texts. Keys start with "cli-".
cli-lang-invalid = '{ $value }' is not a language kioku speaks: use ja or en
