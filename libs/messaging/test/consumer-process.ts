// Runs the counter service's consumer as its own process, so a test can SIGKILL it in the middle of a batch.
// Env: TEST_DB_URL, TEST_GROUP, TEST_TOPIC. Prints one JSON line of progress every 100 ms.
import 'reflect-metadata';
import { counterEvents, startCounterService } from './counter-service';

async function main() {
  const events = counterEvents(process.env.TEST_TOPIC!);
  const service = await startCounterService({
    url: process.env.TEST_DB_URL!,
    groupId: process.env.TEST_GROUP!,
    definitions: [events.incremented, events.bulk],
    relay: false,
    // Commit rarely, so a kill always leaves handled-but-uncommitted messages to be delivered again.
    server: { commitThreshold: 100000, commitIntervalMs: 600000, sessionTimeoutMs: 6000 },
  });
  setInterval(() => {
    process.stdout.write(`${JSON.stringify({ duplicatesSkipped: service.server!.duplicatesSkipped })}\n`);
  }, 100);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
