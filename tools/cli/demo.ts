// `forma demo`: the demo académie's school year run through the gateway (libs/demo), a progress bar per stage, the
// bilan files written to a folder, and where to look printed at the end. The waits follow the consumers' committed
// offsets (Kafka's admin API): a slow machine is waited for, a stopped platform is reported.
import { DEMO_STAGES, demoAcademy, demoCalendar, DemoOutcome, runDemo } from '@forma/demo';
import { EVENT_DEFINITIONS } from '@forma/contracts';
import { consumerLags } from '@forma/messaging';
import { SERVICE_MANIFEST } from '@forma/platform';
import { MultiBar, Presets, SingleBar } from 'cli-progress';
import { Kafka } from 'kafkajs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface DemoCommand {
  gateway: string;
  academy: string;
  today: string;
  out: string;
  /** Bars on a terminal; plain lines otherwise (CI logs, a test). */
  bars: boolean;
}

/** What the consumers have committed so far, as one string that changes while they work. */
export function consumersProgress(kafka: Kafka, instance = process.env.FORMA_INSTANCE): () => Promise<string> {
  const groups = SERVICE_MANIFEST.filter((s) => s.name !== 'gateway').map(
    (s) => `forma-${s.name}${instance ? `-${instance}` : ''}`,
  );
  const topics = [...new Set(EVENT_DEFINITIONS.map((d) => d.topic))].sort();
  return async () => {
    const lags = await consumerLags(kafka, groups, topics);
    return JSON.stringify([...lags].map(([group, topics]) => [group, topics.map((t) => t.committed)]));
  };
}

export async function demo(command: DemoCommand, kafka: Kafka): Promise<DemoOutcome> {
  const academy = demoAcademy(command.academy, demoCalendar(command.today).schoolYear);
  const out = resolve(command.out);
  await mkdir(out, { recursive: true });
  const bars = command.bars
    ? new MultiBar(
        { format: ' {bar} {stage} {seconds}', hideCursor: true, clearOnComplete: false },
        Presets.shades_grey,
      )
    : undefined;
  const stageBars = new Map<string, SingleBar>();
  const t0 = Date.now();
  const outcome = await runDemo({
    gateway: command.gateway,
    academy,
    today: command.today,
    progress: consumersProgress(kafka),
    write: (name, bytes) => writeFile(join(out, name), bytes),
    onStage: (stage, state, seconds) => {
      const index = DEMO_STAGES.indexOf(stage) + 1;
      const label = `${index}/${DEMO_STAGES.length} ${stage}`;
      if (!bars) {
        if (state === 'done') console.log(`[démo] ${label} : ${seconds?.toFixed(1)} s`);
        return;
      }
      if (state === 'start') stageBars.set(stage, bars.create(1, 0, { stage: label, seconds: '…' }));
      else stageBars.get(stage)?.update(1, { stage: label, seconds: `${seconds?.toFixed(1)} s` });
    },
  }).finally(() => bars?.stop());
  console.log(
    `[démo] l’académie « ${command.academy} » (fictive) a vécu l’année ${academy.schoolYear} en ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  return outcome;
}

/** Where to look once the demo has run: printed by `forma demo` and `npm start`. */
export function whereToLook(command: DemoCommand, outcome: DemoOutcome): string {
  const g = command.gateway;
  const who = [
    `--role dafpen-admin --academy ${command.academy}`,
    `--role ien --academy ${command.academy} --level district --code ${command.academy}-14-nord`,
    `--role trainer --academy ${command.academy} --mail demo.formatrice.alix@ac-demo.example`,
    `--role participant --academy ${command.academy} --mail demo.personne1@ac-demo.example`,
  ];
  return [
    `Forma : l’application ${g}/ (connexion de démonstration), l’API ${g}/api/v1, documentée sur ${g}/docs`,
    `Les bilans académique et de la circonscription ${command.academy}-14-nord (PDF, XLSX, CSV) : ${resolve(command.out)}`,
    ...outcome.files.map((f) => `  ${f}`),
    'Un jeton de démonstration par rôle (émetteur de développement) :',
    ...who.map((w) => `  npm run -s forma -- token ${w}`),
    `  par exemple : curl -H "authorization: Bearer $(npm run -s forma -- token ${who[0]})" "${g}/api/v1/reports/bilan?level=academie&code=${command.academy}"`,
    'L’état de la plateforme (retards, outbox, lettres mortes) :',
    `  FORMA_TOKEN=$(npm run -s forma -- token --role operator --academy ${command.academy}) npm run -s forma -- status`,
  ].join('\n');
}
