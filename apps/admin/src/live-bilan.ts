// A bilan that updates itself (issue 27): reporting's stream for the area says when facts of the académie were
// applied, and the page asks its bilan again (live-stream.ts).
import type { FormaClient } from '@forma/api-client';
import { type LiveState, useLiveStream } from './live-stream';

export function useLiveBilan(
  client: FormaClient,
  area: { level: string; code: string } | undefined,
  onChange: () => void,
): LiveState {
  return useLiveStream(
    area && `${area.level}:${area.code}`,
    async (headers, signal) =>
      (
        await client.GET('/api/v1/reports/bilan/live', {
          params: { query: { level: (area?.level ?? 'academie') as 'academie', code: area?.code ?? '' } },
          headers,
          parseAs: 'stream',
          signal,
        })
      ).response,
    'bilan-changed',
    onChange,
  );
}
