"""Configuration: the user's settings and the organisation's policy, read by the
composition roots (otdesk.ui.app, otdesk.cli) and handed down as values."""
