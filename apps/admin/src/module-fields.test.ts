import type { components } from '@forma/api-client';
import { describe, expect, it } from 'vitest';
import { moduleBody, moduleFields, NEW_MODULE } from './module-fields';

type Module = components['schemas']['ModuleResponse'];

const stored: Module = {
  id: '0192f3a0-7c1e-7d2a-9b7e-1c2d3e4f5a6b',
  revision: 2,
  rowVersion: 4,
  status: 'published',
  title: 'Canoprof — M1',
  shortTitle: null,
  kind: 'module',
  category: 'pedagogical-use-1',
  modality: 'hybrid',
  targetProfiles: ['teacher', 'cpc'],
  durations: { faceToFaceHours: 1.5, distanceSynchronousHours: 0, distanceAsynchronousHours: 2 },
  maxParticipantsPerSession: 12,
  academy: 'exemple',
  createdAt: '2026-09-01T08:00:00.000Z',
  themes: ['prise en main', 'séquences'],
  trainerType: 'referent-canope',
  origin: 'canope',
  resources: [{ title: 'Guide', url: 'https://ressources.example.org/guide.pdf' }],
  pedagogicalOwner: null,
  gaia: { dispositif: '26A0750042', moduleNumber: 91807 },
  prerequisiteModuleIds: [],
  publishedAt: '2026-09-01T08:00:00.000Z',
  archivedAt: null,
};

describe('the module form’s fields', () => {
  it('fill from a module read and give back the same module as a revision’s body', () => {
    const fields = moduleFields(stored);
    expect(fields.durations.faceToFaceHours).toBe('1,5');
    expect(fields.themes).toBe('prise en main\nséquences');
    expect(moduleBody(fields)).toEqual({
      title: 'Canoprof — M1',
      shortTitle: undefined,
      kind: 'module',
      category: 'pedagogical-use-1',
      modality: 'hybrid',
      origin: 'canope',
      targetProfiles: ['teacher', 'cpc'],
      durations: { faceToFaceHours: 1.5, distanceSynchronousHours: 0, distanceAsynchronousHours: 2 },
      maxParticipantsPerSession: 12,
      themes: ['prise en main', 'séquences'],
      trainerType: 'referent-canope',
      pedagogicalOwner: undefined,
      resources: [{ title: 'Guide', url: 'https://ressources.example.org/guide.pdf' }],
      gaia: { dispositif: '26A0750042', moduleNumber: 91807 },
      status: 'published',
    });
  });

  it('leave out what was left empty: blank themes and resource lines, GAIA numbers, optional texts', () => {
    const body = moduleBody({
      ...NEW_MODULE,
      title: 'Atelier',
      themes: '  \nmessagerie \n\n',
      resources: [{ title: ' ', url: '' }],
      durations: { faceToFaceHours: '2,5', distanceSynchronousHours: '0', distanceAsynchronousHours: '' },
    });
    expect(body.themes).toEqual(['messagerie']);
    expect(body.resources).toEqual([]);
    expect(body.gaia).toBeUndefined();
    expect(body.trainerType).toBeUndefined();
    expect(body.maxParticipantsPerSession).toBeUndefined();
    // an empty hour field is sent as missing (NaN, null in JSON) for the API to name it, never as zero
    expect(body.durations.faceToFaceHours).toBe(2.5);
    expect(body.durations.distanceAsynchronousHours).toBeNaN();
  });

  it('send a half-typed GAIA pair for the API to refuse the missing half', () => {
    const body = moduleBody({ ...NEW_MODULE, gaia: { dispositif: '26A0750042', moduleNumber: '' } });
    expect(body.gaia?.dispositif).toBe('26A0750042');
    expect(body.gaia?.moduleNumber).toBeNaN();
  });
});
