import { composeConvocation } from './convocation-message';

describe('convocation message', () => {
  it('holds the objectives, the calendar in French, the expectations and the logbook', () => {
    const message = composeConvocation({
      registrationId: '0196a0c4-0000-7000-8000-000000000009',
      mail: 'claire.exemple@ac-exemple.fr',
      firstName: 'Claire',
      lastName: 'EXEMPLE',
      moduleTitle: 'Canoprof — M1 « starter »',
      themes: ['manipuler l’outil'],
      totalHours: 3,
      slots: [{ date: '2026-01-13', start: '09:00', end: '12:00', kind: 'face-to-face' }],
      place: '0750101A',
      groupNumber: '01',
    });
    expect(message).toMatchObject({
      id: '0196a0c4-0000-7000-8000-000000000009',
      to: 'claire.exemple@ac-exemple.fr',
      subject: 'Convocation — Canoprof — M1 « starter »',
    });
    expect(message.text).toContain('mardi 13 janvier 2026, 09 h 00 – 12 h 00, en présence');
    expect(message.text).toMatch(/Objectifs\n {2}- manipuler l’outil/);
    expect(message.text).toContain('Journal de bord');
    expect(message.text).toContain('Bonjour Claire EXEMPLE');
  });
});
