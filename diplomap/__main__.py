"""Run the command line with `python -m diplomap`."""

from diplomap.cli import main

raise SystemExit(main())
