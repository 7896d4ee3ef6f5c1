-- The last level an escalation may page: null for all of them; a provisional page (an alert routed to
-- `provisional_page`) stops at the level it paged first.
ALTER TABLE incident_escalations ADD COLUMN final_level INTEGER;
