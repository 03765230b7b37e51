-- OT Desk schema, version 4: how a delivery was made.
-- 'app' (the desktop app's Print / Save as PDF) or 'cli' (otdesk summary); every
-- delivery before this migration came from the app.
ALTER TABLE deliveries ADD COLUMN via TEXT NOT NULL DEFAULT 'app';
