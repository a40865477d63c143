// `forma`, the operator's CLI (issue 25, first commands): talks to the gateway through the typed client generated from
// docs/openapi (@forma/api-client) and to Kafka through its admin API; it never writes a database.
//   npm run forma -- status [--json]          the gateway's health, each consumer group's lag per topic, DLQ counts
//   npm run forma -- token --role dafpen-admin --academy guyane [--level district --code 973-ouest] [--mail m]
//   npm run forma -- dlq list [--topic t] [--all] [--json] | dlq show <id> | dlq replay <id>
//   npm run forma -- dlq discard <id> --reason r
//   npm run forma -- demo [--academy normandie] [--today 2027-06-30] [-o output/demo]
//   npm run forma -- bilan --level academie --code normandie --format pdf -o bilan.pdf   (FORMA_TOKEN or --token)
//   npm run forma -- import mailexport file.csv --session <id> [--rejections rejets.csv]
//   npm run forma -- rebuild reporting
// Exit codes: 0 done; 1 something is down or refused; 2 a wrong command line (commander's).
import 'reflect-metadata';
import { exportBilan, formaClient, importParticipants } from '@forma/api-client';
import { EVENT_DEFINITIONS } from '@forma/contracts';
import {
  consumerLags,
  deadLetterCounts,
  discardDeadLetter,
  kafkaConfig,
  listDeadLetters,
  replayDeadLetter,
  showDeadLetter,
  TopicLag,
} from '@forma/messaging';
import { SERVICE_MANIFEST } from '@forma/platform';
import { SingleBar } from 'cli-progress';
import { Argument, Command, Option } from 'commander';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { Kafka, logLevel } from 'kafkajs';
import { demo, whereToLook } from './demo';

const GATEWAY = process.env.FORMA_GATEWAY_URL ?? 'http://127.0.0.1:3000';

export interface OutboxStatus {
  service: string;
  up: boolean;
  /** Events waiting to be sent, and how long the oldest has waited (null: the service did not say). */
  backlog: number | null;
  oldestSeconds: number | null;
}

export interface Status {
  gateway: { url: string; up: boolean; detail: unknown };
  consumers: { group: string; topics: TopicLag[] }[];
  outboxes: OutboxStatus[];
  deadLetters: { topic: string; messages: number }[];
}

/**
 * Each service's outbox, from its own /health (its address: <SERVICE>_URL, as the gateway is given it, or its port of
 * the manifest on this machine).
 */
export async function outboxes(env: NodeJS.ProcessEnv = process.env): Promise<OutboxStatus[]> {
  const services = SERVICE_MANIFEST.filter((s) => s.database);
  return Promise.all(
    services.map(async ({ name, port }) => {
      const url = env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${port}`;
      try {
        const answer = await fetch(`${url}/health`, { signal: AbortSignal.timeout(3000) });
        const body = (await answer.json()) as { details?: Record<string, Record<string, unknown>> };
        const outbox = body.details?.outbox ?? {};
        const number = (v: unknown) => (typeof v === 'number' ? v : null);
        return {
          service: name,
          up: outbox.status === 'up',
          backlog: number(outbox.backlog),
          oldestSeconds: number(outbox.oldestSeconds),
        };
      } catch {
        return { service: name, up: false, backlog: null, oldestSeconds: null };
      }
    }),
  );
}

/** What `forma status` reports: read-only calls to the gateway and to Kafka's admin API. */
export async function status(gateway: string, kafka: Kafka, instance = process.env.FORMA_INSTANCE): Promise<Status> {
  const health = await formaClient(gateway)
    .GET('/health')
    .then(({ data, error, response }) => ({ up: response.ok, detail: data ?? error }))
    .catch((error: Error) => ({ up: false, detail: error.message }));
  const topics = [...new Set(EVENT_DEFINITIONS.map((d) => d.topic))].sort();
  const groups = SERVICE_MANIFEST.filter((s) => s.name !== 'gateway').map(
    (service) => `forma-${service.name}${instance ? `-${instance}` : ''}`,
  );
  const consumers = [...(await consumerLags(kafka, groups, topics))]
    .map(([group, lags]) => ({ group, topics: lags.filter((l) => l.committed) }))
    .filter((c) => c.topics.length);
  return {
    gateway: { url: gateway, ...health },
    consumers,
    outboxes: await outboxes(),
    deadLetters: await deadLetterCounts(kafka),
  };
}

function print(s: Status): void {
  console.log(`gateway ${s.gateway.url}: ${s.gateway.up ? 'up' : 'DOWN'}`);
  for (const c of s.consumers) {
    const behind = c.topics.filter((t) => t.lag > 0);
    console.log(
      `${c.group}: ${behind.length ? behind.map((t) => `${t.topic} ${t.lag} behind`).join(', ') : 'up to date'}`,
    );
  }
  for (const o of s.outboxes)
    console.log(
      `outbox ${o.service}: ${
        o.backlog === null
          ? 'not answering'
          : `${o.backlog} waiting${o.backlog ? `, the oldest for ${o.oldestSeconds} s` : ''}`
      }${o.up || o.backlog === null ? '' : ' (relay DOWN)'}`,
    );
  const dead = s.deadLetters.filter((d) => d.messages > 0);
  console.log(`dead letters: ${dead.length ? dead.map((d) => `${d.topic} ${d.messages}`).join(', ') : 'none'}`);
}

interface BilanOptions {
  level: 'academie' | 'department' | 'district' | 'school' | 'canope-dt' | 'module' | 'dispositif';
  code: string;
  asOf?: string;
  schoolYear?: string;
  format: 'pdf' | 'xlsx' | 'csv';
  out: string;
  token?: string;
  gateway: string;
}

interface ImportOptions {
  session?: string;
  rejections: string;
  token?: string;
  gateway: string;
}

export function program(): Command {
  const cli = new Command('forma').description('Forma, for its operators').showHelpAfterError();
  cli
    .command('status')
    .description(
      'the gateway’s health, each consumer group’s lag per topic, each outbox’s backlog, each dead-letter topic’s count',
    )
    .option('--gateway <url>', 'the gateway', GATEWAY)
    .option('--json', 'as JSON, for a script')
    .action(async (options: { gateway: string; json?: boolean }) => {
      const kafka = new Kafka({ ...kafkaConfig('forma-cli'), logLevel: logLevel.NOTHING });
      const s = await status(options.gateway, kafka);
      if (options.json) console.log(JSON.stringify(s, null, 2));
      else print(s);
      process.exitCode = s.gateway.up ? 0 : 1;
    });
  cli
    .command('token')
    .description('a development token (the development issuer only: AUTH_DEV_ISSUER_ENABLED)')
    .requiredOption('--role <role>', 'dafpen-admin, ien, school-head, trainer, participant...')
    .requiredOption('--academy <academy>', 'the académie, e.g. guyane')
    .option('--level <level>', 'the scope’s level (academie, department, district, school)', 'academie')
    .option('--code <code>', 'the scope’s code (default: the académie)')
    .option('--mail <mail>', 'the person’s mail (trainers, participants)')
    .option('--gateway <url>', 'the gateway', GATEWAY)
    .action(
      async (o: { role: string; academy: string; level: string; code?: string; mail?: string; gateway: string }) => {
        // the development issuer is not in the public documents (production never mounts it): a plain call
        const answer = await fetch(`${o.gateway}/api/v1/dev/tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            sub: `cli-${o.role}`,
            roles: [o.role],
            ...(o.mail ? { mail: o.mail } : {}),
            scope: { level: o.level, code: o.code ?? o.academy, academy: o.academy },
          }),
        });
        const body = (await answer.json()) as { accessToken?: string; detail?: string };
        if (!answer.ok || !body.accessToken) {
          console.error(`refused (${answer.status}): ${body.detail ?? 'no development issuer here'}`);
          process.exitCode = 1;
          return;
        }
        console.log(body.accessToken);
      },
    );
  const kafka = () => new Kafka({ ...kafkaConfig('forma-cli'), logLevel: logLevel.NOTHING });
  const dlq = cli.command('dlq').description('the dead-letter topics: what failed, why, and its replay');
  dlq
    .command('list')
    .description('every letter: its id, the event, the consumer group that failed it and why')
    .option('--topic <topic>', 'one dead-letter topic (<topic>.dlq)')
    .option('--all', 'the letters already replayed or discarded too, with the decision')
    .option('--json', 'as JSON, for a script')
    .action(async (o: { topic?: string; json?: boolean; all?: boolean }) => {
      const letters = await listDeadLetters(kafka(), o.topic, o.all);
      if (o.json) console.log(JSON.stringify(letters, null, 2));
      else
        for (const l of letters)
          console.log(
            `${l.id}  ${l.eventType ?? '?'} ${l.eventId ?? ''}  ${l.consumerGroup}: ${l.reason} — ${l.error.split('\n')[0]}` +
              (l.decision
                ? `  [${l.decision.decision} ${l.decision.at}${l.decision.reason ? `: ${l.decision.reason}` : ''}]`
                : ''),
          );
    });
  dlq
    .command('show <id>')
    .description('one letter, whole (id as listed: <topic>.dlq/<partition>/<offset>)')
    .action(async (id: string) => {
      const letter = await showDeadLetter(kafka(), id);
      if (!letter) {
        console.error(`no letter ${id}`);
        process.exitCode = 1;
        return;
      }
      console.log(JSON.stringify(letter, null, 2));
    });
  dlq
    .command('replay <id>')
    .description('sends a letter back to its topic once its cause is put right (the inboxes apply an event once)')
    .action(async (id: string) => {
      if (!(await replayDeadLetter(kafka(), id))) {
        console.error(`no letter ${id}`);
        process.exitCode = 1;
        return;
      }
      console.log(`replayed ${id}`);
    });
  dlq
    .command('discard <id>')
    .description('sets a letter aside for good, its reason kept (the letter stays on its topic; list --all shows it)')
    .requiredOption('--reason <reason>', 'why it is not replayed')
    .action(async (id: string, o: { reason: string }) => {
      if (!(await discardDeadLetter(kafka(), id, o.reason))) {
        console.error(`no letter ${id}`);
        process.exitCode = 1;
        return;
      }
      console.log(`discarded ${id}`);
    });
  const asAdmin = (o: { gateway: string; token?: string }) => {
    const token = o.token ?? process.env.FORMA_TOKEN;
    if (!token) throw new Error('a token is needed: --token, or FORMA_TOKEN (forma token --role ... prints one)');
    return formaClient(o.gateway, token);
  };
  const bar = (label: string) =>
    process.stderr.isTTY ? new SingleBar({ format: ` {bar} {percentage} % ${label} {value}/{total}` }) : undefined;
  cli
    .command('bilan')
    .description('a bilan written to a file, through the export job (its progress shown)')
    .addOption(
      new Option('--level <level>', 'the level')
        .choices(['academie', 'department', 'district', 'school', 'canope-dt', 'module', 'dispositif'])
        .makeOptionMandatory(),
    )
    .requiredOption('--code <code>', 'the entity’s code (académie, department, district, UAI, DT, module id...)')
    .option('--as-of <day>', 'as it stood on that day (AAAA-MM-JJ)')
    .option('--school-year <year>', 'one school year (2026-2027)')
    .addOption(new Option('--format <format>', 'the file’s format').choices(['pdf', 'xlsx', 'csv']).default('pdf'))
    .requiredOption('-o, --out <file>', 'where to write it')
    .option('--token <token>', 'the caller’s token (default: FORMA_TOKEN)')
    .option('--gateway <url>', 'the gateway', GATEWAY)
    .action(async (o: BilanOptions) => {
      const progress = bar('du bilan');
      progress?.start(1, 0);
      const { bytes } = await exportBilan(
        asAdmin(o),
        { level: o.level, code: o.code, format: o.format, asOf: o.asOf, schoolYear: o.schoolYear },
        (job) => {
          progress?.setTotal(job.progress.total || 1);
          progress?.update(job.progress.done);
        },
      ).finally(() => progress?.stop());
      await writeFile(o.out, bytes);
      console.log(`${o.out}: ${bytes.length} bytes`);
    });
  cli
    .command('import')
    .description('a participants file imported (GAIA extract, Mailexport, spreadsheet), followed to its end')
    .argument('<kind>', 'gaia, mailexport or spreadsheet')
    .argument('<file>', 'the file, as exported')
    .option('--session <id>', 'the session to register into (Mailexport, spreadsheets)')
    .option('--rejections <file>', 'where the rejected lines go (CSV)', 'rejections.csv')
    .option('--token <token>', 'the caller’s token (default: FORMA_TOKEN)')
    .option('--gateway <url>', 'the gateway', GATEWAY)
    .action(async (kind: string, file: string, o: ImportOptions) => {
      if (!['gaia', 'mailexport', 'spreadsheet'].includes(kind)) throw new Error(`unknown kind ${kind}`);
      const { job, rejections } = await importParticipants(
        asAdmin(o),
        new Uint8Array(await readFile(file)),
        { format: kind as 'gaia', sessionId: o.session, fileName: file.split('/').pop() },
        (j) => process.stderr.isTTY && process.stderr.write(`\r${j.rowsRead} lignes lues`),
      );
      if (rejections) await writeFile(o.rejections, rejections);
      console.log(
        `${job.state}: ${job.accepted} accepted, ${job.rejected} rejected${rejections ? ` (${o.rejections})` : ''}`,
      );
      process.exitCode = job.state === 'completed' ? 0 : 1;
    });
  cli
    .command('rebuild')
    .description('rebuilds reporting from the event log (its own program: the services it reads stay up)')
    .addArgument(new Argument('<service>', 'the service').choices(['reporting']))
    .action((service: string) => {
      const built = spawnSync(process.execPath, ['tools/build/build.js'], { stdio: 'inherit' });
      if (built.status !== 0) {
        process.exitCode = built.status ?? 1;
        return;
      }
      const rebuilt = spawnSync(process.execPath, [`dist/apps/${service}/src/rebuild.js`], { stdio: 'inherit' });
      process.exitCode = rebuilt.status ?? 1;
    });
  cli
    .command('demo')
    .description(
      'la démo : une académie fictive vit une année scolaire à travers l’API, ses bilans écrits en PDF, XLSX et CSV',
    )
    .option('--gateway <url>', 'the gateway', GATEWAY)
    .option(
      '--academy <code>',
      'the académie (a real code, for its school calendar; its data is fictitious)',
      'normandie',
    )
    .option(
      '--today <day>',
      'the platform’s day, AAAA-MM-JJ (default: FORMA_CLOCK’s, or today)',
      (process.env.FORMA_CLOCK ?? new Date().toISOString()).slice(0, 10),
    )
    .option('-o, --out <folder>', 'where the bilan files go', 'output/demo')
    .action(async (o: { gateway: string; academy: string; today: string; out: string }) => {
      const command = { ...o, bars: process.stdout.isTTY === true };
      const outcome = await demo(command, kafka());
      console.log(whereToLook(command, outcome));
    });
  return cli;
}

if (require.main === module) {
  program()
    .parseAsync()
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
