"""OT Desk: the OT consultant's desktop application."""
