-- A level's schedule becomes a foreign key (issue 34): the database itself now refuses a level naming a schedule
-- that is gone, beside the row locks the application takes (a schedule's delete is refused while a level targets
-- it, 409 schedule_in_use). NO ACTION, not a cascade: a delete must never take levels away silently.
--
-- Before the constraint can hold, the levels that a delete racing their write left pointing at a deleted schedule
-- are deleted (they paged nobody: the schedule they named no longer resolved), and the remaining levels of their
-- policies are numbered 1..n again in their order, as every write keeps them. Portable to H2 and PostgreSQL alike:
-- the new positions are computed into a work table first, so the update never reads rows it already changed.
DELETE FROM escalation_steps
WHERE schedule_id IS NOT NULL AND schedule_id NOT IN (SELECT id FROM oncall_schedules);

CREATE TABLE escalation_step_positions AS
SELECT id, ROW_NUMBER() OVER (PARTITION BY policy_id ORDER BY position, id) AS renumbered
FROM escalation_steps;
UPDATE escalation_steps
SET position = (SELECT p.renumbered FROM escalation_step_positions p WHERE p.id = escalation_steps.id)
WHERE position <> (SELECT p.renumbered FROM escalation_step_positions p WHERE p.id = escalation_steps.id);
DROP TABLE escalation_step_positions;

-- PostgreSQL checks the constraint on a schedule's delete by looking up the levels naming it (made before the
-- constraint, so that H2 uses it for the constraint instead of making a second one).
CREATE INDEX escalation_steps_schedule_fk_index ON escalation_steps (schedule_id);
ALTER TABLE escalation_steps ADD CONSTRAINT escalation_steps_schedule_fk FOREIGN KEY (schedule_id)
    REFERENCES oncall_schedules (id);
