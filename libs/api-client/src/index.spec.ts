import { formaClient } from './index';

// The client calls the gateway's documented paths with the caller's bearer token, and hands back typed bodies.
describe('formaClient', () => {
  it('calls a documented route with its parameters and the bearer token', async () => {
    const calls: Request[] = [];
    const fetch = async (request: Request) => {
      calls.push(request);
      return new Response(JSON.stringify({ sessionId: 's1', closedAt: '2027-07-05T10:00:00.000Z' }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    const client = formaClient('http://gateway.test', 'jeton', fetch as typeof globalThis.fetch);
    const { data } = await client.POST('/api/v1/attendance/sessions/{sessionId}/close', {
      params: { path: { sessionId: 's1' } },
    });
    expect(data?.closedAt).toBe('2027-07-05T10:00:00.000Z');
    expect([calls[0].method, calls[0].url, calls[0].headers.get('authorization')]).toEqual([
      'POST',
      'http://gateway.test/api/v1/attendance/sessions/s1/close',
      'Bearer jeton',
    ]);
  });
});
