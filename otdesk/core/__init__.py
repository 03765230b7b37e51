"""The core: the consultation and its rules, the structure and vocabulary read from
templates/, deadlines and working days, dates, texts in three languages, errors.  No SQL,
no files but the templates, no Qt; it imports nothing else of OT Desk."""
