// Conventions and HSE (issue 27, remuneration): a school's conventions, and one followed from draft to paid — the
// plan, who signs next (the school head, then the DAFPEN, each on the digest shown), starting it, the HSE proposed for
// each formateur accompagnateur with the cap and the hours delivered beside them, each line's signed sheet, the
// end-of-plan report, service fait, the DAFPEN's validation, the payment batch (état liquidatif) and closing; the
// audit trail. A role is offered only the steps its routes allow (rights.ts); the API checks each step again.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { frenchDay, frenchMoment } from './dates';
import { saveFile } from './download';
import { type Problem, refusalText } from './problem';
import { may } from './rights';
import { ScrollableTable } from './ScrollableTable';
import { useSession } from './session';
import { OutcomeAlert, outcomeOf } from './outcome';

const ConventionForm = lazy(() => import('./ConventionForm').then((m) => ({ default: m.ConventionForm })));

type Answer = { data?: unknown; error?: unknown; response: Response };

const STATES: Record<string, string> = {
  draft: 'Brouillon',
  submitted: 'Soumise : signature du chef d’établissement attendue',
  'signed-by-head': 'Signée par l’établissement : signature de la DAFPEN attendue',
  signed: 'Signée : à démarrer',
  'in-progress': 'En cours',
  'report-submitted': 'Bilan remis : feuilles signées et service fait attendus',
  'service-fait': 'Service fait : validation de la DAFPEN attendue',
  paid: 'Mise en paiement',
  closed: 'Close',
};
const CRITERIA: Record<string, string> = {
  'device-reliability': 'Fiabilité du dispositif',
  'pedagogical-feasibility': 'Faisabilité pédagogique',
  'accompaniment-quality': 'Qualité de l’accompagnement',
  'school-effects': 'Effets dans l’établissement',
};
/** The audit trail's words (the API's stable codes) in French; an unknown one as it is. */
const AUDIT: Record<string, string> = {
  convention: 'Convention',
  signature: 'Signature',
  allocation: 'HSE',
  'plan line': 'Ligne du plan',
  report: 'Bilan de fin de plan',
  'service fait': 'Service fait',
  payment: 'Paiement',
  created: 'créée',
  submitted: 'soumise',
  'signed by head': 'signée par l’établissement',
  'signed by director': 'signée par la DAFPEN',
  started: 'plan démarré',
  allocated: 'proposées',
  'signed sheet stored': 'feuille signée déposée',
  'paper copy recorded': 'copie signée sur papier déposée',
  changed: 'modifiée',
  'changed, signatures voided': 'modifiée, signatures annulées',
  'certified by head': 'certifié par l’établissement',
  'validated by DAFPEN': 'validé par la DAFPEN',
  paid: 'mise en paiement',
  closed: 'close',
};
const auditText = (entity: string, action: string) => {
  const refused = /^refused \((\w+)\)$/.exec(action);
  return `${AUDIT[entity] ?? entity} : ${refused ? `refusées (${refused[1]})` : (AUDIT[action] ?? action)}`;
};
/** An exact decimal as the API sends it (`18.00`), written the French way (`18,00`). */
const frenchDecimal = (value: string) => value.replace('.', ',');
const hours = (minutes: number | null) => (minutes === null ? '—' : `${(minutes / 60).toFixed(2).replace('.', ',')} h`);

export function Conventions() {
  const { client, caller } = useSession();
  const ownSchool = caller?.level === 'school' ? caller.code : '';
  const [uai, setUai] = useState(ownSchool);
  const [typed, setTyped] = useState(ownSchool);
  const [open, setOpen] = useState<string>();
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['conventions', uai],
    enabled: !!uai,
    queryFn: async () => (await client.GET('/api/v1/conventions', { params: { query: { uai } } })).data ?? [],
  });
  return (
    <section aria-labelledby="conventions-title">
      <h1 id="conventions-title">Conventions et HSE</h1>
      {!ownSchool && (
        <form
          className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom"
          onSubmit={(e) => {
            e.preventDefault();
            const asked = typed.trim().toUpperCase();
            setUai(asked);
            setOpen(undefined);
            // the same school asked again: its list is read again (another person may have added one meanwhile)
            if (asked === uai) void list.refetch();
          }}
        >
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="UAI de l’établissement"
              nativeInputProps={{ value: typed, onChange: (e) => setTyped(e.target.value) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Button type="submit">Afficher ses conventions</Button>
          </div>
        </form>
      )}
      {list.data && (
        <>
          <p role="status">{`${list.data.length} convention(s)`}</p>
          {list.data.length > 0 && (
            <ScrollableTable
              caption="Conventions de l’établissement"
              headers={['Année', 'État', 'Créée par', 'Action']}
              data={list.data.map((c) => [
                c.schoolYear,
                STATES[c.state] ?? c.state,
                c.createdBy,
                <Button
                  key="open"
                  size="small"
                  priority="secondary"
                  nativeButtonProps={{
                    'aria-label': `Ouvrir la convention ${c.schoolYear} (${STATES[c.state] ?? c.state})`,
                  }}
                  onClick={() => setOpen(c.id)}
                >
                  Ouvrir
                </Button>,
              ])}
            />
          )}
        </>
      )}
      {uai && may(caller?.role, 'POST /api/v1/conventions') && !creating && (
        <Button className="fr-mt-2w" iconId="fr-icon-add-line" onClick={() => setCreating(true)}>
          Nouvelle convention
        </Button>
      )}
      {creating && (
        <Suspense fallback={<p role="status">Chargement…</p>}>
          <ConventionForm
            uai={uai}
            onCreated={(c) => {
              setCreating(false);
              setOpen(c.id);
              void list.refetch();
            }}
          />
        </Suspense>
      )}
      {open && <ConventionDetail key={open} id={open} onChanged={() => void list.refetch()} />}
    </section>
  );
}

function ConventionDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { client, caller } = useSession();
  const queries = useQueryClient();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const [onBehalfOf, setOnBehalfOf] = useState('');
  const [hse, setHse] = useState<Record<string, string>>({});
  const [report, setReport] = useState({ head: '', trainers: '', ratings: {} as Record<string, string> });
  const [batch, setBatch] = useState<{ id: string; totalAmount: string }>();
  const convention = useQuery({
    queryKey: ['convention', id],
    queryFn: async () => (await client.GET('/api/v1/conventions/{id}', { params: { path: { id } } })).data,
  });
  const audit = useQuery({
    queryKey: ['convention-audit', id],
    enabled: may(caller?.role, 'GET /api/v1/conventions/{id}/audit'),
    queryFn: async () => (await client.GET('/api/v1/conventions/{id}/audit', { params: { path: { id } } })).data ?? [],
  });
  const c = convention.data;
  if (!c) return null;
  const path = { params: { path: { id } } };
  const role = caller?.role;
  const head = role === 'school-head';
  const dafpen = role === 'dafpen-admin';
  /** Runs a step, says what it did or why it was refused, and reads the convention again. */
  const step = async (done: string, call: () => Promise<Answer>) => {
    setOutcome(undefined);
    const answer = await call();
    setOutcome(outcomeOf(answer, done));
    await queries.invalidateQueries({ queryKey: ['convention', id] });
    await queries.invalidateQueries({ queryKey: ['convention-audit', id] });
    onChanged();
  };
  const uploadSheet = (lineId: string, file: File) =>
    step('Feuille signée déposée.', () =>
      client.PUT('/api/v1/conventions/{id}/lines/{lineId}/sheet', {
        params: { path: { id, lineId } },
        body: file as unknown as string,
        bodySerializer: (body: unknown) => body as Blob,
        headers: { 'content-type': file.type || 'application/pdf' },
      }),
    );
  const pay = async () => {
    setOutcome(undefined);
    const answer = await client.POST('/api/v1/payment-batches', { body: { conventionIds: [id] } });
    if (answer.data) {
      setBatch(answer.data);
      setOutcome({ ok: true, text: `Mise en paiement : état liquidatif de ${answer.data.totalAmount} €.` });
    } else setOutcome({ ok: false, text: refusalText(answer.response.status, answer.error as Problem | undefined) });
    await queries.invalidateQueries({ queryKey: ['convention', id] });
    await queries.invalidateQueries({ queryKey: ['convention-audit', id] });
    onChanged();
  };
  const downloadBatch = async (batchId: string) => {
    const { data } = await client.GET('/api/v1/payment-batches/{id}/etat-liquidatif.csv', {
      params: { path: { id: batchId } },
      parseAs: 'text',
    });
    saveFile(typeof data === 'string' ? data : '', `etat-liquidatif-${batchId}.csv`, 'text/csv');
  };
  const signatures = c.signatures.filter((s) => !s.voidedAt);
  return (
    <div className="fr-mt-4w">
      <h2>{`Convention ${c.schoolYear} — ${c.schoolName ?? c.uai}`}</h2>
      <p>
        <strong>{STATES[c.state] ?? c.state}</strong>
        <br />
        <span className="fr-text--sm">
          Empreinte du contenu signé (SHA-256) : <code style={{ wordBreak: 'break-all' }}>{c.contentSha256}</code>
        </span>
      </p>
      {signatures.length > 0 && (
        <ul>
          {signatures.map((s) => (
            <li key={`${s.role}-${s.signedAt}`}>
              {`${s.role === 'head' ? 'Chef d’établissement' : 'DAFPEN'} : signé par ${s.signer}${s.onBehalfOf ? ` (${s.onBehalfOf})` : ''} le ${frenchMoment(s.signedAt)}`}
            </li>
          ))}
        </ul>
      )}
      <OutcomeAlert outcome={outcome} />
      {c.paperCopySha256 ? (
        <p className="fr-text--sm">{`Copie signée sur papier déposée (SHA-256 ${c.paperCopySha256.slice(0, 16)}…).`}</p>
      ) : (
        may(role, 'PUT /api/v1/conventions/{id}/paper-copy') &&
        ['submitted', 'signed-by-head'].includes(c.state) && (
          <Upload
            className="fr-mb-3w"
            label="Convention signée sur papier (PDF)"
            hint="Quand les signatures se sont faites hors de l’application : la copie vaut les deux signatures"
            nativeInputProps={{
              accept: '.pdf',
              onChange: (e) => {
                const file = e.target.files?.[0];
                if (file)
                  void step('Copie signée sur papier déposée.', () =>
                    client.PUT('/api/v1/conventions/{id}/paper-copy', {
                      ...path,
                      body: file as unknown as string,
                      bodySerializer: (body: unknown) => body as Blob,
                      headers: { 'content-type': file.type || 'application/pdf' },
                    }),
                  );
              },
            }}
          />
        )
      )}

      <ScrollableTable
        caption="Formateurs accompagnateurs : HSE"
        headers={[
          'Formateur',
          'Grade',
          'Heures assurées',
          'HSE proposées',
          'Plafond',
          ...(head && c.state === 'in-progress' ? ['Proposer'] : []),
        ]}
        data={c.trainers.map((t) => [
          `${t.name} (${t.mail})`,
          t.grade,
          hours(t.deliveredMinutes),
          frenchDecimal(t.allocatedHse),
          frenchDecimal(t.capHse),
          ...(head && c.state === 'in-progress'
            ? [
                <form
                  key="hse"
                  className="fr-grid-row fr-grid-row--bottom"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void step(`HSE proposées pour ${t.name}.`, () =>
                      client.POST('/api/v1/conventions/{id}/allocations', {
                        ...path,
                        body: { trainerId: t.id, hse: (hse[t.id] ?? '').replace(',', '.') },
                      }),
                    );
                  }}
                >
                  <Input
                    label={`HSE à ajouter pour ${t.name}`}
                    nativeInputProps={{
                      value: hse[t.id] ?? '',
                      inputMode: 'decimal',
                      onChange: (e) => setHse({ ...hse, [t.id]: e.target.value }),
                    }}
                  />
                  <Button type="submit" size="small">
                    Proposer
                  </Button>
                </form>,
              ]
            : []),
        ])}
      />
      <ScrollableTable
        caption="Lignes du plan"
        headers={['Date', 'Durée', 'Formateur', 'Heures constatées', 'Feuille signée']}
        data={c.lines.map((l, i) => [
          frenchDay(l.date),
          hours(l.minutes),
          l.trainerMail,
          hours(l.deliveredMinutes),
          l.sheetSha256 ? (
            `Déposée (${l.sheetSha256.slice(0, 12)}…)`
          ) : ['in-progress', 'report-submitted'].includes(c.state) &&
            may(role, 'PUT /api/v1/conventions/{id}/lines/{lineId}/sheet') ? (
            <Upload
              key="sheet"
              label={`Feuille signée de la ligne ${i + 1}`}
              hint="PDF, PNG ou JPEG"
              nativeInputProps={{
                accept: '.pdf,.png,.jpg,.jpeg',
                onChange: (e) => {
                  const file = e.target.files?.[0];
                  if (file) void uploadSheet(l.id, file);
                },
              }}
            />
          ) : (
            'À déposer'
          ),
        ])}
      />

      {head && c.state === 'in-progress' && (
        <form
          className="fr-mt-3w"
          onSubmit={(e) => {
            e.preventDefault();
            void step('Bilan de fin de plan remis.', () =>
              client.PUT('/api/v1/conventions/{id}/report', {
                ...path,
                body: {
                  headAnalysis: report.head,
                  trainersAnalysis: report.trainers,
                  criteria: Object.fromEntries(
                    Object.keys(CRITERIA).map((k) => [k, { rating: Number(report.ratings[k] ?? '3') }]),
                  ),
                },
              }),
            );
          }}
        >
          <h3>Bilan de fin de plan</h3>
          <Input
            textArea
            label="Analyse du chef d’établissement"
            nativeTextAreaProps={{
              value: report.head,
              onChange: (e) => setReport({ ...report, head: e.target.value }),
            }}
          />
          <Input
            textArea
            label="Analyse des formateurs"
            nativeTextAreaProps={{
              value: report.trainers,
              onChange: (e) => setReport({ ...report, trainers: e.target.value }),
            }}
          />
          {Object.entries(CRITERIA).map(([k, label]) => (
            <Select
              key={k}
              label={`${label} (1 à 4)`}
              nativeSelectProps={{
                value: report.ratings[k] ?? '3',
                onChange: (e) => setReport({ ...report, ratings: { ...report.ratings, [k]: e.target.value } }),
              }}
            >
              {['1', '2', '3', '4'].map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </Select>
          ))}
          <Button type="submit">Remettre le bilan</Button>
        </form>
      )}

      <div className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mt-3w">
        {c.state === 'draft' && may(role, 'POST /api/v1/conventions/{id}/submit') && (
          <Button
            onClick={() =>
              void step('Convention soumise à signature.', () => client.POST('/api/v1/conventions/{id}/submit', path))
            }
          >
            Soumettre à signature
          </Button>
        )}
        {((c.state === 'submitted' && head) || (c.state === 'signed-by-head' && dafpen)) && (
          <>
            {head && (
              <Input
                label="Signé pour le compte de (facultatif)"
                hintText="Une délégation : au nom de qui vous signez"
                nativeInputProps={{ value: onBehalfOf, onChange: (e) => setOnBehalfOf(e.target.value) }}
              />
            )}
            <Button
              onClick={() =>
                void step('Convention signée.', () =>
                  client.POST('/api/v1/conventions/{id}/signatures', {
                    ...path,
                    body: {
                      role: head ? 'head' : 'director',
                      ...(onBehalfOf.trim() && { onBehalfOf: onBehalfOf.trim() }),
                    },
                  }),
                )
              }
            >
              {`Signer la convention (empreinte ${c.contentSha256.slice(0, 12)}…)`}
            </Button>
          </>
        )}
        {c.state === 'signed' && may(role, 'POST /api/v1/conventions/{id}/start') && (
          <Button onClick={() => void step('Plan démarré.', () => client.POST('/api/v1/conventions/{id}/start', path))}>
            Démarrer le plan
          </Button>
        )}
        {c.state === 'report-submitted' && head && (
          <Button
            onClick={() =>
              void step('Service fait certifié.', () => client.POST('/api/v1/conventions/{id}/service-fait', path))
            }
          >
            Certifier le service fait
          </Button>
        )}
        {c.state === 'service-fait' && dafpen && !c.validatedAt && (
          <Button
            onClick={() =>
              void step('Service fait validé.', () => client.POST('/api/v1/conventions/{id}/validation', path))
            }
          >
            Valider le service fait
          </Button>
        )}
        {c.state === 'service-fait' && dafpen && c.validatedAt && (
          <Button onClick={() => void pay()}>Mettre en paiement (état liquidatif)</Button>
        )}
        {batch && (
          <Button priority="secondary" iconId="fr-icon-download-line" onClick={() => void downloadBatch(batch.id)}>
            Télécharger l’état liquidatif (CSV)
          </Button>
        )}
        {c.state === 'paid' && dafpen && (
          <Button
            priority="secondary"
            onClick={() => void step('Convention close.', () => client.POST('/api/v1/conventions/{id}/close', path))}
          >
            Clore la convention
          </Button>
        )}
      </div>

      {audit.data && audit.data.length > 0 && (
        <ScrollableTable
          caption="Journal de la convention"
          headers={['Quand', 'Qui', 'Quoi']}
          data={audit.data.map((a) => [frenchMoment(a.at), a.actor, auditText(a.entity, a.action)])}
        />
      )}
    </div>
  );
}
