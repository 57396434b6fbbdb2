# clap's usage errors said from their kind (src/cli/usage.rs). English keeps clap's own words;
# these are the English of the same messages, for the key check and as the fallback.
# Keys start with "usage-".
usage-unknown-argument = unexpected argument '{ $arg }'
usage-unknown-command = unrecognized subcommand '{ $command }'
usage-value-missing = a value is required for '{ $arg }' but none was supplied
usage-value-not-allowed = invalid value '{ $value }' for '{ $arg }' (possible values: { $allowed })
usage-value-invalid = invalid value '{ $value }' for '{ $arg }': { $reason }
usage-missing-argument = the following required arguments were not provided: { $arg }
usage-conflict = the argument '{ $arg }' cannot be used with '{ $prior }'
usage-unexpected-value = unexpected value '{ $value }'
usage-did-you-mean = tip: a similar one exists: '{ $suggestion }'
usage-more-help = For more information, try '--help'.
usage-help-default = [default: { $value }]
usage-help-env = [env: { $name }]
usage-not-whole-number = not a whole number
usage-not-number = not a number
usage-quoted = '{ $value }'
