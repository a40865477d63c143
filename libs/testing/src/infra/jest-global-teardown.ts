/**
 * Stops the containers, or the embedded PostgreSQL, the global setup started (in local mode the broker stays up for the
 * next run).
 */
export default async function globalTeardown(): Promise<void> {
  const containers = (globalThis as { __formaContainers?: { stop(): Promise<unknown> }[] }).__formaContainers ?? [];
  await Promise.all(containers.map((c) => c.stop()));
}
