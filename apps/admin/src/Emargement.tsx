// The trainer's émargement (issue 27), made for a phone in a classroom: my sessions (only those that name me), one
// half-day at a time, the whole list marked in one action, a correction asking its reason, the marks sent with an
// Idempotency-Key and kept in a queue while the network is away (sent once it returns, each at most once: the key),
// the rotating code shown as a QR code for participants' own phones, a signature drawn on this device, the sheet's
// PDF, and closing the session.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ApiRefusal, type components } from '@forma/api-client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { frenchDay } from './dates';
import { Activities } from './Activities';
import { AfterSession } from './AfterSession';
import { saveFile } from './download';
import { useLiveStream } from './live-stream';
import { MarkQueue, useMarkQueue } from './mark-queue';
import { problemText } from './problem';
import { SignaturePad } from './SignaturePad';
import { SignedSheets } from './SignedSheets';
import { SigningCode } from './SigningCode';
import { useSession } from './session';

type Sheet = components['schemas']['SessionSheet'];
type Part = Sheet['parts'][number];
type Line = Sheet['lines'][number];
type Status = 'present' | 'absent';

const PART = { whole: '', morning: 'matin', afternoon: 'après-midi' } as const;
const TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
export const partLabel = (p: Pick<Part, 'date' | 'part' | 'start' | 'end'>) =>
  `${frenchDay(p.date)}${PART[p.part] ? ` ${PART[p.part]}` : ''}${p.start ? `, ${p.start}–${p.end}` : ''}`;
const STATUS_LABEL: Record<string, string> = {
  present: 'présent(e)',
  partial: 'présence partielle',
  absent: 'absent(e)',
  excused: 'excusé(e)',
  'not-applicable': 'non concerné(e)',
};

export function Emargement() {
  const { client } = useSession();
  const mine = useQuery({
    queryKey: ['my-sessions'],
    queryFn: async () => (await client.GET('/api/v1/attendance/my-sessions')).data ?? [],
  });
  const [sessionId, setSessionId] = useState('');
  const queue = useMarkQueue();
  return (
    <section aria-labelledby="emargement-title">
      <h1 id="emargement-title">Émargement</h1>
      <QueueStatus queue={queue} />
      {mine.data && mine.data.length === 0 && <p>Aucune session ne vous nomme formateur ou formatrice.</p>}
      {mine.data && mine.data.length > 0 && (
        <Select
          label="Ma session"
          nativeSelectProps={{ value: sessionId, onChange: (e) => setSessionId(e.target.value) }}
        >
          <option value="">Choisir une session</option>
          {mine.data.map((s) => (
            <option key={s.sessionId} value={s.sessionId}>
              {`${s.title} — groupe ${s.groupNumber} — ${s.slots[0] ? frenchDay(s.slots[0].date) : 'sans date'} (${s.participants} inscrit(s))${s.closedAt ? ' — close' : ''}`}
            </option>
          ))}
        </Select>
      )}
      {sessionId && <SessionMarks key={sessionId} sessionId={sessionId} queue={queue} />}
    </section>
  );
}

function QueueStatus({ queue }: { queue: MarkQueue }) {
  return (
    <div aria-live="polite">
      {queue.pending > 0 && (
        <Alert
          severity="info"
          small
          description={`Hors ligne : ${queue.pending} envoi(s) de présences en attente, envoyé(s) dès le retour du réseau. Rien n’est perdu.`}
          className="fr-mb-2w"
        />
      )}
      {queue.delivered > 0 && (
        <Alert
          severity="success"
          small
          description={`Réseau revenu : ${queue.delivered} présence(s) gardée(s) sur cet appareil ont été envoyée(s).`}
          className="fr-mb-2w"
        />
      )}
      {queue.refused.map((r) => (
        <Alert
          key={r.key}
          severity="error"
          small
          description={`Envoi refusé au retour du réseau (${r.count} présence(s)) : ${r.reason}`}
          className="fr-mb-2w"
        />
      ))}
    </div>
  );
}

function SessionMarks({ sessionId, queue }: { sessionId: string; queue: MarkQueue }) {
  const { client } = useSession();
  const queries = useQueryClient();
  const sheet = useQuery({
    queryKey: ['attendance-sheet', sessionId],
    queryFn: async () =>
      (await client.GET('/api/v1/attendance/sessions/{sessionId}', { params: { path: { sessionId } } })).data,
  });
  // the sheet follows the marks and signatures recorded elsewhere (a participant's phone, another trainer) at once
  useLiveStream(
    sessionId,
    async (headers, signal) =>
      (
        await client.GET('/api/v1/attendance/sessions/{sessionId}/live', {
          params: { path: { sessionId } },
          headers,
          parseAs: 'stream',
          signal,
        })
      ).response,
    'presence-changed',
    () => void queries.invalidateQueries({ queryKey: ['attendance-sheet', sessionId] }),
  );
  const parts = (sheet.data?.parts ?? []).filter((p) => p.modality !== 'follow-up');
  const [chosen, setChosen] = useState(0);
  const part = parts[chosen];
  const [draft, setDraft] = useState<Record<string, Status>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ severity: 'success' | 'error' | 'info'; text: string }>();
  const [showCode, setShowCode] = useState(false);
  const [signing, setSigning] = useState<Line>();
  // what was kept on the device is said sent by the queue once the network is back: this page's word gives way
  useEffect(() => {
    if (queue.pending === 0) setOutcome((o) => (o?.severity === 'info' ? undefined : o));
  }, [queue.pending]);
  if (!sheet.data || !part)
    return sheet.isError ? <Alert severity="error" small description="Session introuvable." /> : null;
  const closed = !!sheet.data.closedAt;
  const lines = sheet.data.lines.filter((l) => l.state === 'confirmed');
  const current = (l: Line) => l.marks.find((m) => m.slotIndex === part.slotIndex && m.part === part.part);
  const signed = (l: Line) => l.signatures.find((s) => s.slotIndex === part.slotIndex && s.part === part.part);
  const changed = lines.filter((l) => draft[l.registrationId] && draft[l.registrationId] !== current(l)?.status);
  const missingReason = changed.filter((l) => current(l) && !reasons[l.registrationId]?.trim());
  const refresh = () => queries.invalidateQueries({ queryKey: ['attendance-sheet', sessionId] });

  const save = async () => {
    setOutcome(undefined);
    const marks = changed.map((l) => ({
      registrationId: l.registrationId,
      slotIndex: part.slotIndex,
      part: part.part,
      status: draft[l.registrationId],
      ...(current(l) ? { reason: reasons[l.registrationId].trim() } : {}),
    }));
    const result = await queue.send(client, sessionId, marks);
    if (result.kind === 'queued') {
      setOutcome({
        severity: 'info',
        text: `${marks.length} présence(s) gardée(s) sur cet appareil : envoi au retour du réseau.`,
      });
    } else if (result.kind === 'refused') {
      setOutcome({ severity: 'error', text: result.reason });
      return;
    } else {
      setOutcome({ severity: 'success', text: `${marks.length} présence(s) enregistrée(s).` });
    }
    setDraft({});
    setReasons({});
    await refresh();
  };

  const closeSession = async () => {
    const { error, response } = await client.POST('/api/v1/attendance/sessions/{sessionId}/close', {
      params: { path: { sessionId } },
    });
    setOutcome(
      error
        ? { severity: 'error', text: problemText(new ApiRefusal(response.status, error as ApiRefusal['problem'])) }
        : { severity: 'success', text: 'Session close : ses présences sont verrouillées.' },
    );
    await refresh();
  };

  const downloadSheet = async () => {
    const { data } = await client.GET('/api/v1/attendance/sessions/{sessionId}/sheet.pdf', {
      params: { path: { sessionId } },
      parseAs: 'blob',
    });
    if (data) saveFile(data as Blob, `emargement-${sessionId}.pdf`, 'application/pdf');
  };

  return (
    <div className="fr-mt-3w">
      <h2>{`${sheet.data.title} — groupe ${sheet.data.groupNumber}`}</h2>
      {sheet.data.place && <p>{sheet.data.place}</p>}
      {closed && (
        <Alert
          severity="info"
          small
          description="Session close : ses présences sont verrouillées. La DAFPEN peut la rouvrir, avec un motif."
        />
      )}
      <RadioButtons
        legend="Demi-journée"
        options={parts.map((p, i) => ({
          label: partLabel(p),
          nativeInputProps: {
            checked: i === chosen,
            onChange: () => {
              setChosen(i);
              setDraft({});
              setReasons({});
              setShowCode(false);
            },
          },
        }))}
      />
      {!closed && (
        <div className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
          <Button
            iconId="fr-icon-checkbox-circle-line"
            priority="secondary"
            onClick={() =>
              setDraft(
                Object.fromEntries(
                  lines.filter((l) => current(l)?.status !== 'present').map((l) => [l.registrationId, 'present']),
                ),
              )
            }
          >
            Tous présents
          </Button>
          <Button iconId="fr-icon-qr-code-line" priority="secondary" onClick={() => setShowCode(!showCode)}>
            {showCode ? 'Masquer le code de signature' : 'Afficher le code de signature'}
          </Button>
        </div>
      )}
      {showCode && !closed && <SigningCode sessionId={sessionId} part={part} />}
      <ul className="fr-raw-list" aria-label={`Participants — ${partLabel(part)}`}>
        {lines.map((l) => {
          const mark = current(l);
          const signature = signed(l);
          const status = draft[l.registrationId] ?? mark?.status;
          const name = `${l.lastName} ${l.firstName}`;
          return (
            <li key={l.registrationId} className="fr-py-2w" style={{ borderBottom: '1px solid #ddd' }}>
              <p className="fr-mb-1w">
                <strong>{name}</strong>
                {l.schoolName && <span className="fr-text--sm"> — {l.schoolName}</span>}
                <br />
                <span className="fr-text--sm">
                  {mark ? `Enregistré : ${STATUS_LABEL[mark.status] ?? mark.status}` : 'Pas encore marqué'}
                  {signature &&
                    ` — signé (${signature.method === 'code' ? 'code scanné' : 'signature tracée'}) à ${TIME.format(new Date(signature.signedAt))}`}
                </span>
              </p>
              {!closed && (
                <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                  {(['present', 'absent'] as const).map((s) => (
                    <Button
                      key={s}
                      priority={status === s ? 'primary' : 'secondary'}
                      nativeButtonProps={{
                        'aria-pressed': status === s,
                        'aria-label': `${name} : ${s === 'present' ? 'présent(e)' : 'absent(e)'}`,
                      }}
                      onClick={() => setDraft({ ...draft, [l.registrationId]: s })}
                    >
                      {s === 'present' ? 'Présent' : 'Absent'}
                    </Button>
                  ))}
                  {!signature && (
                    <Button
                      priority="tertiary"
                      nativeButtonProps={{ 'aria-label': `Faire signer ${name} sur cet appareil` }}
                      onClick={() => setSigning(l)}
                    >
                      Faire signer
                    </Button>
                  )}
                </div>
              )}
              {mark && draft[l.registrationId] && draft[l.registrationId] !== mark.status && (
                <Input
                  label={`Motif de la correction pour ${name}`}
                  state={reasons[l.registrationId]?.trim() ? 'default' : 'error'}
                  stateRelatedMessage="Une correction demande son motif."
                  nativeInputProps={{
                    value: reasons[l.registrationId] ?? '',
                    onChange: (e) => setReasons({ ...reasons, [l.registrationId]: e.target.value }),
                  }}
                />
              )}
              {signing?.registrationId === l.registrationId && (
                <SignaturePad
                  sessionId={sessionId}
                  part={part}
                  registrationId={l.registrationId}
                  name={name}
                  onDone={(text) => {
                    setSigning(undefined);
                    setOutcome({ severity: 'success', text });
                    void refresh();
                  }}
                  onCancel={() => setSigning(undefined)}
                />
              )}
            </li>
          );
        })}
      </ul>
      <div aria-live="polite">
        {outcome && <Alert severity={outcome.severity} small description={outcome.text} className="fr-mb-2w" />}
      </div>
      <div className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        {!closed && (
          <Button disabled={!changed.length || missingReason.length > 0} onClick={() => void save()}>
            {`Enregistrer les présences (${changed.length})`}
          </Button>
        )}
        <Button priority="secondary" iconId="fr-icon-download-line" onClick={() => void downloadSheet()}>
          Feuille d’émargement (PDF)
        </Button>
        {!closed && (
          <Button priority="tertiary" onClick={() => void closeSession()}>
            Clore la session
          </Button>
        )}
      </div>
      <SignedSheets sessionId={sessionId} />
      <Activities sessionId={sessionId} />
      <AfterSession
        sessionId={sessionId}
        names={new Map(lines.map((l) => [l.registrationId, `${l.lastName} ${l.firstName}`]))}
      />
    </div>
  );
}
