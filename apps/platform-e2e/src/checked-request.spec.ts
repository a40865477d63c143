import { checkAnswer } from './checked-request';

// The e2e suites' answer check, on answers made up here: each way an answer can stray from its document fails.
const json = (status: number, body: unknown) => ({ status, type: 'application/json', body });
const close = '/api/v1/attendance/sessions/0b9ad1f0-5d62-4c4e-9a55-8a4f6d6f4c1a/close';
const closed = { sessionId: '0b9ad1f0-5d62-4c4e-9a55-8a4f6d6f4c1a', closedAt: '2026-12-05T08:00:00.000Z' };

describe('checkAnswer (every e2e answer against docs/openapi)', () => {
  it('passes an answer of the documented status and shape, with or without a trailing slash (Express routes both)', () => {
    expect(() => checkAnswer('post', close, json(200, closed))).not.toThrow();
    expect(() => checkAnswer('post', `${close}/`, json(200, closed))).not.toThrow();
  });

  it('fails a body missing a documented field, or of another type', () => {
    expect(() => checkAnswer('post', close, json(200, { sessionId: closed.sessionId }))).toThrow(
      /must have required property 'closedAt'/,
    );
    expect(() => checkAnswer('post', close, json(200, { ...closed, closedAt: 3 }))).toThrow(/must be string/);
  });

  it('fails a body with a field its type does not declare', () => {
    expect(() => checkAnswer('post', close, json(200, { ...closed, extra: 1 }))).toThrow(
      /must NOT have additional properties/,
    );
  });

  it('fails a success status the operation does not list, and a route no document has', () => {
    expect(() => checkAnswer('post', close, json(201, closed))).toThrow(/does not list/);
    expect(() => checkAnswer('get', '/api/v1/nowhere', json(200, {}))).toThrow(/no OpenAPI document has it/);
  });

  it('leaves errors (problem+json) and files alone', () => {
    expect(() => checkAnswer('post', close, json(409, { code: 'session_closed' }))).not.toThrow();
    const pdf = { status: 200, type: 'application/pdf', body: Buffer.from('%PDF') };
    expect(() => checkAnswer('get', `${close.replace('/close', '')}/sheet.pdf`, pdf)).not.toThrow();
  });
});
