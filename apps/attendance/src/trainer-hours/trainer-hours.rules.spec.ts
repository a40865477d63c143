import { trainerHours } from './trainer-hours.rules';

describe('trainer hours of a delivered session', () => {
  const slots = [
    { date: '2027-03-16', start: '09:00', end: '17:00', kind: 'face-to-face' as const },
    { date: '2027-03-30', start: '14:00', end: '15:30', kind: 'virtual-class' as const },
  ];
  const [alice, bruno] = trainerHours(slots, 180, [
    { name: 'Alice Formatrice', mail: 'alice@ac-exemple.fr', role: 'trainer' },
    { name: 'Bruno Tuteur', mail: null, role: 'tutor' },
  ]);

  it('gives a trainer every slot, face-to-face and virtual class apart (a day without its lunch hour)', () => {
    expect(alice).toMatchObject({
      faceToFaceMinutes: 420,
      virtualClassMinutes: 90,
      followUpMinutes: 0,
      dates: ['2027-03-16', '2027-03-30'],
    });
  });

  it('gives a tutor the virtual classes and the follow-up', () => {
    expect(bruno).toMatchObject({
      faceToFaceMinutes: 0,
      virtualClassMinutes: 90,
      followUpMinutes: 180,
      dates: ['2027-03-30'],
    });
  });
});
