"""Entry script of the frozen bundle: the same as the ``otdesk`` console script."""

import sys

from otdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
