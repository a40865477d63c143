import { assertDecidable, assertWithdrawable } from './request.rules';

describe('request workflow rules', () => {
  it('decides only a submitted request, and says what it already is', () => {
    expect(() => assertDecidable('submitted')).not.toThrow();
    expect(() => assertDecidable('refused')).toThrow(expect.objectContaining({ code: 'request_already_decided', message: 'Cette demande est déjà refusée.' }));
  });

  it('lets only its author withdraw a request, while it is submitted', () => {
    expect(() => assertWithdrawable({ status: 'submitted', createdBy: 'ien-1' }, 'ien-1')).not.toThrow();
    expect(() => assertWithdrawable({ status: 'submitted', createdBy: 'ien-1' }, 'ien-2')).toThrow(expect.objectContaining({ kind: 'forbidden', code: 'not_requester' }));
    expect(() => assertWithdrawable({ status: 'accepted', createdBy: 'ien-1' }, 'ien-1')).toThrow(expect.objectContaining({ kind: 'conflict' }));
  });
});
