// A page that updates itself (issue 27): a service's event stream (Server-Sent Events through the gateway, with the
// same rights and scope as the route it mirrors) says when to read that route again. The stream is read with fetch
// (the token goes in a header, which EventSource cannot send) and parsed by eventsource-parser; a dropped stream is
// opened again where it stopped (Last-Event-ID), and a change missed meanwhile is told at once.
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { useEffect, useState } from 'react';

export type LiveState = 'off' | 'connecting' | 'live';
/** Opens the stream: the typed client's call, with the headers given (Last-Event-ID) and the page's signal. */
export type OpenStream = (headers: Record<string, string>, signal: AbortSignal) => Promise<Response>;
const RETRY_MS = 2000;

/** Follows the stream opened by `open` while `key` is set; `onChange` on each `event`. */
export function useLiveStream(
  key: string | undefined,
  open: OpenStream,
  event: string,
  onChange: () => void,
): LiveState {
  const [state, setState] = useState<LiveState>('off');
  useEffect(() => {
    if (!key) return setState('off');
    const abort = new AbortController();
    let lastEventId: string | undefined;
    const pause = () => new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    void (async () => {
      while (!abort.signal.aborted) {
        setState('connecting');
        try {
          const response = await open(lastEventId ? { 'Last-Event-ID': lastEventId } : {}, abort.signal);
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
            if (value.event === event) onChange();
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
    // open and onChange are the page's (new functions each render): the stream is opened again only for another key
  }, [key, event]);
  return state;
}
