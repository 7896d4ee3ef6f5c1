package cloud.scaling.webhooks;

/** Deliveries were queued in the current transaction: the dispatcher sends them as soon as it commits. */
record WebhooksQueued() {}
