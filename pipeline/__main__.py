"""`python -m pipeline` runs the hush command."""

from .cli import main

main()
