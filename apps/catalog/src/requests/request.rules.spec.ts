import { Identity, Role } from '@forma/auth';
import { assertDecidable, assertReadable, assertWithdrawable } from './request.rules';

describe('request workflow rules', () => {
  it('decides only a submitted request, and says what it already is', () => {
    expect(() => assertDecidable('submitted')).not.toThrow();
    expect(() => assertDecidable('refused')).toThrow(
      expect.objectContaining({ code: 'request_already_decided', message: 'Cette demande est déjà refusée.' }),
    );
  });

  it('lets only its author withdraw a request, while it is submitted', () => {
    expect(() => assertWithdrawable({ status: 'submitted', createdBy: 'ien-1' }, 'ien-1')).not.toThrow();
    expect(() => assertWithdrawable({ status: 'submitted', createdBy: 'ien-1' }, 'ien-2')).toThrow(
      expect.objectContaining({ kind: 'forbidden', code: 'not_requester' }),
    );
    expect(() => assertWithdrawable({ status: 'accepted', createdBy: 'ien-1' }, 'ien-1')).toThrow(
      expect.objectContaining({ kind: 'conflict' }),
    );
  });

  it('is read by its author and the organisers of its académie only', () => {
    const request = { id: 'r', academy: 'guyane', createdBy: 'head-1' };
    const as = (sub: string, role: Role, academy = 'guyane'): Identity => ({
      sub,
      roles: [role],
      scope: { level: 'academie', code: academy, academy },
    });
    expect(() => assertReadable(request, as('head-1', 'school-head'))).not.toThrow();
    expect(() => assertReadable(request, as('admin', 'dafpen-admin'))).not.toThrow();
    expect(() => assertReadable(request, as('ien', 'ien'))).not.toThrow();
    expect(() => assertReadable(request, as('head-2', 'school-head'))).toThrow(
      expect.objectContaining({ code: 'request_not_found' }),
    );
    expect(() => assertReadable(request, as('trainer', 'trainer'))).toThrow(
      expect.objectContaining({ code: 'request_not_found' }),
    );
    expect(() => assertReadable(request, as('admin', 'dafpen-admin', 'toulouse'))).toThrow(
      expect.objectContaining({ code: 'request_not_found' }),
    );
  });
});
