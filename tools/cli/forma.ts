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
import { components, exportBilan, formaClient, importParticipants } from '@forma/api-client';
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
import { ROLES, SCOPE_LEVELS } from '@forma/auth';
import { SERVICE_MANIFEST } from '@forma/platform';
import { SingleBar } from 'cli-progress';
import { Argument, Command, Option } from 'commander';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { Kafka, logLevel } from 'kafkajs';
import { demo, whereToLook } from './demo';
import { inFrench } from './french';

/** An import job's states, as the CLI says them. */
const STATES: Record<string, string> = { running: 'en cours', completed: 'terminé', failed: 'échoué' };

const GATEWAY = process.env.FORMA_GATEWAY_URL ?? 'http://127.0.0.1:3000';

export type OutboxStatus = components['schemas']['OutboxStatus'];

export interface Status {
  gateway: { url: string; up: boolean; detail: unknown };
  consumers: { group: string; topics: TopicLag[] }[];
  /** Each service's outbox, through the gateway (the operator role's route); null: no token, or refused. */
  outboxes: OutboxStatus[] | null;
  /** Why the outboxes are not shown. */
  outboxesRefused?: string;
  deadLetters: { topic: string; messages: number }[];
}

/** The services' outboxes, through the gateway's operator route (`GET /api/v1/operations/outboxes`). */
export async function outboxes(
  gateway: string,
  token: string | undefined,
): Promise<{ outboxes: OutboxStatus[] | null; refused?: string }> {
  if (!token) return { outboxes: null, refused: 'un jeton du rôle operator est nécessaire (--token ou FORMA_TOKEN)' };
  try {
    const { data, error, response } = await formaClient(gateway, token).GET('/api/v1/operations/outboxes');
    if (data) return { outboxes: data.outboxes };
    return { outboxes: null, refused: `refusé (${response.status}) : ${JSON.stringify(error)}` };
  } catch (error) {
    return { outboxes: null, refused: `la passerelle ne répond pas (${(error as Error).message})` };
  }
}

/** What `forma status` reports: read-only calls to the gateway and to Kafka's admin API. */
export async function status(
  gateway: string,
  kafka: Kafka,
  token: string | undefined,
  instance = process.env.FORMA_INSTANCE,
): Promise<Status> {
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
  const outbox = await outboxes(gateway, token);
  return {
    gateway: { url: gateway, ...health },
    consumers,
    outboxes: outbox.outboxes,
    ...(outbox.refused ? { outboxesRefused: outbox.refused } : {}),
    deadLetters: await deadLetterCounts(kafka),
  };
}

function print(s: Status): void {
  console.log(`passerelle ${s.gateway.url} : ${s.gateway.up ? 'en service' : 'HORS SERVICE'}`);
  for (const c of s.consumers) {
    const behind = c.topics.filter((t) => t.lag > 0);
    console.log(
      `${c.group} : ${behind.length ? behind.map((t) => `${t.topic} ${t.lag} en retard`).join(', ') : 'à jour'}`,
    );
  }
  if (!s.outboxes) console.log(`outbox : non lues, ${s.outboxesRefused}`);
  for (const o of s.outboxes ?? [])
    console.log(
      `outbox ${o.service} : ${
        o.backlog === null
          ? 'ne répond pas'
          : `${o.backlog} en attente${o.backlog ? `, la plus ancienne depuis ${o.oldestSeconds} s` : ''}`
      }${o.up || o.backlog === null ? '' : ' (relais HORS SERVICE)'}`,
    );
  const dead = s.deadLetters.filter((d) => d.messages > 0);
  console.log(`lettres mortes : ${dead.length ? dead.map((d) => `${d.topic} ${d.messages}`).join(', ') : 'aucune'}`);
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
  const cli = inFrench(new Command('forma'))
    .description('Forma, pour ses exploitants : état, lettres mortes, jetons, imports, bilans, démo')
    .showHelpAfterError();
  cli
    .command('status')
    .description(
      'l’état de la passerelle, le retard de chaque groupe de consommateurs par topic, l’attente de chaque outbox ' +
        '(jeton du rôle operator), le nombre de lettres mortes par topic',
    )
    .option('--gateway <url>', 'la passerelle', GATEWAY)
    .option('--token <jeton>', 'un jeton du rôle operator, pour les outbox (par défaut : FORMA_TOKEN)')
    .option('--json', 'en JSON, pour un script')
    .action(async (options: { gateway: string; json?: boolean; token?: string }) => {
      const kafka = new Kafka({ ...kafkaConfig('forma-cli'), logLevel: logLevel.NOTHING });
      const s = await status(options.gateway, kafka, options.token ?? process.env.FORMA_TOKEN);
      if (options.json) console.log(JSON.stringify(s, null, 2));
      else print(s);
      process.exitCode = s.gateway.up ? 0 : 1;
    });
  cli
    .command('token')
    .description('un jeton de développement (seulement avec l’émetteur de développement : AUTH_DEV_ISSUER_ENABLED)')
    .addOption(new Option('--role <rôle>', 'le rôle').choices(ROLES).makeOptionMandatory())
    .requiredOption('--academy <académie>', 'l’académie, par exemple normandie')
    .addOption(new Option('--level <niveau>', 'le niveau du périmètre').choices(SCOPE_LEVELS).default('academie'))
    .option('--code <code>', 'le code du périmètre (par défaut : l’académie)')
    .option('--mail <adresse>', 'l’adresse de la personne (formateurs, participants)')
    .option('--gateway <url>', 'la passerelle', GATEWAY)
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
          console.error(`refusé (${answer.status}) : ${body.detail ?? 'pas d’émetteur de développement ici'}`);
          process.exitCode = 1;
          return;
        }
        console.log(body.accessToken);
      },
    );
  const kafka = () => new Kafka({ ...kafkaConfig('forma-cli'), logLevel: logLevel.NOTHING });
  const dlq = cli
    .command('dlq')
    .description('les lettres mortes : l’événement qu’un consommateur n’a pas pu appliquer, pourquoi, et sa relance');
  dlq
    .command('list')
    .description('chaque lettre : son identifiant, l’événement, le groupe qui l’a refusé et pourquoi')
    .option('--topic <topic>', 'un seul topic de lettres mortes (<topic>.dlq)')
    .option('--all', 'aussi les lettres déjà relancées ou écartées, avec la décision')
    .option('--json', 'en JSON, pour un script')
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
    .description('une lettre en entier (identifiant comme listé : <topic>.dlq/<partition>/<offset>)')
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
    .description(
      'renvoie une lettre sur son topic une fois sa cause corrigée (les inbox n’appliquent un événement qu’une fois)',
    )
    .action(async (id: string) => {
      if (!(await replayDeadLetter(kafka(), id))) {
        console.error(`no letter ${id}`);
        process.exitCode = 1;
        return;
      }
      console.log(`relancée : ${id}`);
    });
  dlq
    .command('discard <id>')
    .description('écarte une lettre pour de bon, avec sa raison (elle reste sur son topic ; list --all la montre)')
    .requiredOption('--reason <raison>', 'pourquoi elle n’est pas relancée')
    .action(async (id: string, o: { reason: string }) => {
      if (!(await discardDeadLetter(kafka(), id, o.reason))) {
        console.error(`no letter ${id}`);
        process.exitCode = 1;
        return;
      }
      console.log(`écartée : ${id}`);
    });
  const asAdmin = (o: { gateway: string; token?: string }) => {
    const token = o.token ?? process.env.FORMA_TOKEN;
    if (!token) throw new Error('un jeton est nécessaire : --token, ou FORMA_TOKEN (forma token --role … en donne un)');
    return formaClient(o.gateway, token);
  };
  const bar = (label: string) =>
    process.stderr.isTTY ? new SingleBar({ format: ` {bar} {percentage} % ${label} {value}/{total}` }) : undefined;
  cli
    .command('bilan')
    .description('un bilan écrit dans un fichier, par la tâche d’export (sa progression affichée)')
    .addOption(
      new Option('--level <niveau>', 'le niveau')
        .choices(['academie', 'department', 'district', 'school', 'canope-dt', 'module', 'dispositif'])
        .makeOptionMandatory(),
    )
    .requiredOption('--code <code>', 'le code (académie, département, circonscription, UAI, DT, module…)')
    .option('--as-of <jour>', 'tel qu’il était ce jour-là (AAAA-MM-JJ)')
    .option('--school-year <année>', 'une année scolaire (2026-2027)')
    .addOption(new Option('--format <format>', 'le format du fichier').choices(['pdf', 'xlsx', 'csv']).default('pdf'))
    .requiredOption('-o, --out <fichier>', 'où l’écrire')
    .option('--token <jeton>', 'le jeton de l’appelant (par défaut : FORMA_TOKEN)')
    .option('--gateway <url>', 'la passerelle', GATEWAY)
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
      console.log(`${o.out} : ${bytes.length} octets`);
    });
  cli
    .command('import')
    .description('un fichier de participants importé (extraction GAIA, Mailexport, tableur), suivi jusqu’au bout')
    .addArgument(new Argument('<type>', 'le type de fichier').choices(['gaia', 'mailexport', 'spreadsheet']))
    .argument('<fichier>', 'le fichier, tel qu’exporté')
    .option('--session <id>', 'la session où inscrire (Mailexport, tableur)')
    .option('--rejections <fichier>', 'où écrire les lignes refusées (CSV)', 'rejets.csv')
    .option('--token <jeton>', 'le jeton de l’appelant (par défaut : FORMA_TOKEN)')
    .option('--gateway <url>', 'la passerelle', GATEWAY)
    .action(async (kind: string, file: string, o: ImportOptions) => {
      const { job, rejections } = await importParticipants(
        asAdmin(o),
        new Uint8Array(await readFile(file)),
        { format: kind as 'gaia', sessionId: o.session, fileName: file.split('/').pop() },
        (j) => process.stderr.isTTY && process.stderr.write(`\r${j.rowsRead} lignes lues`),
      );
      if (rejections) await writeFile(o.rejections, rejections);
      console.log(
        `${STATES[job.state] ?? job.state} : ${job.accepted} acceptée(s), ${job.rejected} refusée(s)` +
          (rejections ? ` (${o.rejections})` : ''),
      );
      process.exitCode = job.state === 'completed' ? 0 : 1;
    });
  cli
    .command('rebuild')
    .description('reconstruit reporting depuis le journal des événements (les services qu’il lit restent en service)')
    .addArgument(new Argument('<service>', 'le service').choices(['reporting']))
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
    .option('--gateway <url>', 'la passerelle', GATEWAY)
    .option(
      '--academy <code>',
      'l’académie (un vrai code, pour son calendrier scolaire ; ses données sont fictives)',
      'normandie',
    )
    .option(
      '--today <jour>',
      'le jour de la plateforme, AAAA-MM-JJ (par défaut : celui de FORMA_CLOCK, ou aujourd’hui)',
      (process.env.FORMA_CLOCK ?? new Date().toISOString()).slice(0, 10),
    )
    .option('-o, --out <dossier>', 'où écrire les fichiers des bilans', 'output/demo')
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
