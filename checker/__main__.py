"""python -m checker: the healthlint command."""

from .cli import main

main()
