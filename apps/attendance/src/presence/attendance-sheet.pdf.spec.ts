import { pdfText } from '@forma/testing';
import { sessionParts } from './presence.rules';
import { attendanceSheetPdf } from './attendance-sheet.pdf';

// The documents as a reader copies their text back (pdf.js): names print as typed, rows are never split.
const pages = (text: string) => text.split(/-- \d+ of \d+ --/).filter((p) => p.trim());

describe('the attendance sheet', () => {
  const names: [string, string][] = [
    ["D'ÉMARGEMENT", 'Zoé-Éloïse'],
    ['« GUILLEMETS »', 'Anaïs "Nana"'],
    ['לוי', 'נועה'],
    ['BEN YOUSSEF', 'يوسف'],
  ];
  const people = Array.from({ length: 40 }, (_, i) => ({
    lastName: i < names.length ? names[i][0] : `FICTIF${i}`,
    firstName: i < names.length ? names[i][1] : 'Camille',
    school: `École fictive ${i}`,
  }));
  const slots = [
    { date: '2027-03-16', start: '09:00', end: '17:00', kind: 'face-to-face' as const },
    ...Array.from({ length: 6 }, (_, i) => ({
      date: `2027-04-${String(i + 10).padStart(2, '0')}`,
      start: '14:00',
      end: '15:30',
      kind: 'virtual-class' as const,
    })),
  ];
  let text: string;

  beforeAll(async () => {
    const pdf = await attendanceSheetPdf({
      title: 'Module fictif',
      groupNumber: '01',
      academy: 'guyane',
      place: null,
      trainers: [{ name: 'Alice Formatrice', role: 'trainer' }],
      parts: sessionParts(slots, 120, null),
      people,
      generatedAt: new Date('2027-03-10T08:00:00Z'),
      sessionId: 's',
    });
    text = pdfText(pdf);
  });

  it('prints every name as typed, quotes, accents and right-to-left scripts included', () => {
    expect(text).toContain("D'ÉMARGEMENT Zoé-Éloïse");
    expect(text).toContain('« GUILLEMETS » Anaïs "Nana"');
    expect(text).toContain('לוי נועה');
    expect(text).toContain('يوسف');
  });

  it('never splits a row: each page holds whole rows, repeats its header, ends with the trainers’ visa', () => {
    const all = pages(text);
    // 8 parts (a day by half-day, 6 virtual classes; the follow-up is not signed on paper) over two column groups
    expect(all.length).toBeGreaterThan(2);
    for (const page of all) {
      expect(page).toContain("Feuille d'émargement");
      expect(page).toContain('Visa des formateurs');
    }
    // every person appears on exactly as many pages as there are column groups, and whole (name and school together)
    const groups = all.filter((p) => p.includes('FICTIF39 Camille')).length;
    expect(groups).toBe(2);
    for (const [i, person] of people.entries()) {
      if (i >= names.length)
        expect(
          all.filter((p) => p.includes(`${person.lastName} ${person.firstName}`) && p.includes(person.school)).length,
        ).toBe(groups);
    }
  });
});
