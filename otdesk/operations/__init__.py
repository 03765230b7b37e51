"""What a user means to do, as one operation each: above storage and the summary,
below the UI.  No Qt: the desktop app runs these on its storage worker, the
command line runs them directly."""
