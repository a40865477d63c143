/** The PostgreSQL NOTIFY channel on which a committed outbox write wakes the relay. */
export const OUTBOX_CHANNEL = 'forma_outbox';
