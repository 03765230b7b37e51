"""``python -m otdesk`` is the ``otdesk`` command."""

import sys

from otdesk.cli import main

sys.exit(main())
