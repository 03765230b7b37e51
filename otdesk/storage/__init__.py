"""Storage: the encrypted vault, its keys, and the consultation repository (no Qt)."""
