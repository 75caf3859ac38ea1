"""One module per ``python -m analysis`` subcommand (see :mod:`analysis.cli`)."""
