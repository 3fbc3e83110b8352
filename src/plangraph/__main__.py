"""Run the command line: ``python -m plangraph``."""
from .cli import main

main()
