// Marks sent from a classroom with a poor connection (issue 27): each batch carries an Idempotency-Key chosen when it
// is made, so that a batch sent twice (an answer lost on the way back, a retry on return) counts once. While the
// network is away, batches wait in this device's storage (never the token: it stays in memory) and leave, in order,
// when the browser says the network is back; one refused on return is kept in view with its reason.
import { type FormaClient } from '@forma/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { refusalText, type Problem } from './problem';
import { useSession } from './session';

export interface QueuedMark {
  registrationId: string;
  slotIndex: number;
  part: 'whole' | 'morning' | 'afternoon';
  status: 'present' | 'absent';
  reason?: string;
}
interface Batch {
  key: string;
  sessionId: string;
  marks: QueuedMark[];
}
export type SendResult = { kind: 'sent' } | { kind: 'queued' } | { kind: 'refused'; reason: string };
export interface MarkQueue {
  pending: number;
  /** Marks kept on the device and sent since the network came back. */
  delivered: number;
  refused: { key: string; count: number; reason: string }[];
  send: (client: FormaClient, sessionId: string, marks: QueuedMark[]) => Promise<SendResult>;
}

const STORE = 'forma.emargement.en-attente';
const load = (): Batch[] => {
  try {
    return JSON.parse(localStorage.getItem(STORE) ?? '[]') as Batch[];
  } catch {
    return [];
  }
};
const store = (batches: Batch[]) => localStorage.setItem(STORE, JSON.stringify(batches));

/** One batch sent: sent (or already, by its key), refused with the API's reason, or to try again later. */
async function post(client: FormaClient, batch: Batch): Promise<SendResult | 'later'> {
  try {
    const { error, response } = await client.POST('/api/v1/attendance/sessions/{sessionId}/marks', {
      params: { path: { sessionId: batch.sessionId }, header: { 'Idempotency-Key': batch.key } },
      body: { marks: batch.marks.map((m) => ({ ...m, provenance: 'trainer' as const })) },
    });
    if (!error) return { kind: 'sent' };
    // a session expired or a service away: the batch waits (a new sign-in, or the service's return, sends it)
    if (response.status === 401 || response.status >= 500) return 'later';
    return { kind: 'refused', reason: refusalText(response.status, error as unknown as Problem) };
  } catch {
    return 'later';
  }
}

export function useMarkQueue(): MarkQueue {
  const { client } = useSession();
  const queries = useQueryClient();
  const [pending, setPending] = useState(() => load().length);
  const [refused, setRefused] = useState<MarkQueue['refused']>([]);
  const [delivered, setDelivered] = useState(0);
  const flushing = useRef(false);

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (const batch of load()) {
        const result = await post(client, batch);
        if (result === 'later') break;
        store(load().filter((b) => b.key !== batch.key));
        if (result.kind === 'sent') setDelivered((n) => n + batch.marks.length);
        if (result.kind === 'refused')
          setRefused((r) => [...r, { key: batch.key, count: batch.marks.length, reason: result.reason }]);
      }
    } finally {
      flushing.current = false;
      setPending(load().length);
      await queries.invalidateQueries({ queryKey: ['attendance-sheet'] });
    }
  }, [client, queries]);

  useEffect(() => {
    const online = () => void flush();
    window.addEventListener('online', online);
    if (navigator.onLine && load().length) void flush();
    return () => window.removeEventListener('online', online);
  }, [flush]);

  const send = useCallback(async (to: FormaClient, sessionId: string, marks: QueuedMark[]): Promise<SendResult> => {
    const batch: Batch = { key: crypto.randomUUID(), sessionId, marks };
    const result = navigator.onLine && !load().length ? await post(to, batch) : 'later';
    if (result !== 'later') return result;
    // offline, or earlier batches still waiting: this one waits behind them, in order
    store([...load(), batch]);
    setPending(load().length);
    return { kind: 'queued' };
  }, []);

  return { pending, delivered, refused, send };
}
