"""`python -m ceasefire` is the `ceasefire` command."""

from ceasefire.cli import main

main()
