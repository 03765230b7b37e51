"""The Qt desktop front end: thin widgets over the core (otdesk.storage, otdesk.domain)."""
