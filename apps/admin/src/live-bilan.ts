// A bilan that updates itself (issue 27): reporting's event stream for the area (Server-Sent Events through the
// gateway, the same rights and scope as the bilan) says when facts of the académie were applied, and the page asks
// its bilan again. The stream is read with fetch (the token goes in a header, which EventSource cannot send) and
// parsed by eventsource-parser; a dropped stream is opened again where it stopped (Last-Event-ID), and a change
// missed meanwhile is told at once.
import type { FormaClient } from '@forma/api-client';
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { useEffect, useState } from 'react';

export type LiveState = 'off' | 'connecting' | 'live';
const RETRY_MS = 2000;

export function useLiveBilan(
  client: FormaClient,
  area: { level: string; code: string } | undefined,
  onChange: () => void,
): LiveState {
  const [state, setState] = useState<LiveState>('off');
  const level = area?.level;
  const code = area?.code;
  useEffect(() => {
    if (!level || !code) return setState('off');
    const abort = new AbortController();
    let lastEventId: string | undefined;
    const pause = () => new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    void (async () => {
      while (!abort.signal.aborted) {
        setState('connecting');
        try {
          const { response } = await client.GET('/api/v1/reports/bilan/live', {
            params: { query: { level: level as 'academie', code } },
            headers: lastEventId ? { 'Last-Event-ID': lastEventId } : {},
            parseAs: 'stream',
            signal: abort.signal,
          });
          if (!response.ok || !response.body) throw new Error(`flux refusé (${response.status})`);
          setState('live');
          const reader = response.body
            .pipeThrough(new TextDecoderStream())
            .pipeThrough(new EventSourceParserStream())
            .getReader();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            if (value.id) lastEventId = value.id;
            if (value.event === 'bilan-changed') onChange();
          }
        } catch {
          // dropped, refused or the page left: tried again unless the page left
        }
        if (abort.signal.aborted) return;
        await pause();
      }
    })();
    return () => {
      abort.abort();
      setState('off');
    };
    // onChange is the page's (a new function each render): the stream is opened again only for another area
  }, [client, level, code]);
  return state;
}
