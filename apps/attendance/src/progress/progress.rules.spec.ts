import { progressOf } from './progress.rules';

describe('progress on monitored activities', () => {
  const activities = [
    { id: 'a1', title: 'Découvrir l’ENT', dueOn: '2027-03-20', required: true },
    { id: 'a2', title: 'Publier une ressource', dueOn: '2027-04-10', required: true },
    { id: 'a3', title: 'Forum (facultatif)', dueOn: null, required: false },
  ];

  it('says done, not done or overdue per activity, and a percentage rounded down', () => {
    const done = new Map([['a1/r1', '2027-03-18T10:00:00Z']]);
    const [p] = progressOf(activities, done, ['r1'], '2027-04-01');
    expect(p.activities.map((a) => a.state)).toEqual(['done', 'not-done', 'not-done']);
    expect(p.percentage).toBe(33);
    expect(p.requiredDone).toBe(false);
    const [late] = progressOf(activities, new Map(), ['r2'], '2027-04-11');
    expect(late.activities.map((a) => a.state)).toEqual(['overdue', 'overdue', 'not-done']);
  });

  it('counts required activities only for completion', () => {
    const done = new Map([
      ['a1/r1', 'x'],
      ['a2/r1', 'y'],
    ]);
    expect(progressOf(activities, done, ['r1'], '2027-04-11')[0]).toMatchObject({ percentage: 66, requiredDone: true });
  });

  it('is complete with no activity at all', () => {
    expect(progressOf([], new Map(), ['r1'], '2027-04-11')[0]).toMatchObject({ percentage: 100, requiredDone: true });
  });
});
