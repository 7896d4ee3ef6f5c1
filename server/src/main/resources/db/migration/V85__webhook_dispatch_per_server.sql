-- Webhooks are no longer sent by one cluster-wide recurring job (whose holder's death stalled every webhook) but by
-- a dispatch loop in each server process; the old job's row would otherwise linger as an unknown task.
DELETE FROM scheduled_tasks WHERE task_name = 'webhook-delivery';
