import {
  assertEditable,
  assertPlanLine,
  assertServiceFait,
  assertSignatureOrder,
  canonicalContent,
} from './convention.rules';

const line = {
  kind: 'face-to-face' as const,
  date: '2027-01-12',
  minutes: 120,
  audience: 'Professeurs',
  modality: null,
  headcount: 12,
  trainerMail: 'a@ac-exemple.fr',
  sessionId: null,
};
const trainer = { name: 'Alice', mail: 'a@ac-exemple.fr', grade: 'certifie', engaged: true };

describe('convention rules', () => {
  it('takes the head’s signature first, then the director’s; out of order is refused', () => {
    expect(() => assertSignatureOrder('submitted', 'head')).not.toThrow();
    expect(() => assertSignatureOrder('submitted', 'director')).toThrow(
      expect.objectContaining({ code: 'signature_out_of_order' }),
    );
    expect(() => assertSignatureOrder('signed-by-head', 'director')).not.toThrow();
    expect(() => assertSignatureOrder('draft', 'head')).toThrow(
      expect.objectContaining({ code: 'signature_out_of_order' }),
    );
  });

  it('signs a content whatever the order it was typed in, and a different one when anything changes', () => {
    const a = canonicalContent({
      uai: '9730298L',
      schoolYear: '2026-2027',
      lines: [line, { ...line, date: '2027-02-02' }],
      trainers: [trainer, { ...trainer, mail: 'b@ac-exemple.fr' }],
    });
    const b = canonicalContent({
      uai: '9730298L',
      schoolYear: '2026-2027',
      lines: [{ ...line, date: '2027-02-02' }, line],
      trainers: [{ ...trainer, mail: 'b@ac-exemple.fr' }, trainer],
    });
    expect(a).toBe(b);
    expect(
      canonicalContent({
        uai: '9730298L',
        schoolYear: '2026-2027',
        lines: [{ ...line, minutes: 121 }],
        trainers: [trainer],
      }),
    ).not.toBe(canonicalContent({ uai: '9730298L', schoolYear: '2026-2027', lines: [line], trainers: [trainer] }));
  });

  it('checks a plan line: online needs CV or suivi, its trainer must be on the convention', () => {
    expect(() => assertPlanLine({ ...line, kind: 'online' }, ['a@ac-exemple.fr'], 'lines[0]')).toThrow(
      expect.objectContaining({ code: 'modality_required' }),
    );
    expect(() => assertPlanLine({ ...line, trainerMail: 'x@ac-exemple.fr' }, ['a@ac-exemple.fr'], 'lines[1]')).toThrow(
      expect.objectContaining({
        code: 'trainer_not_on_convention',
        errors: [expect.objectContaining({ field: 'lines[1].trainerMail' })],
      }),
    );
  });

  it('locks the plan once the report is in, and certifies service fait only with every sheet signed', () => {
    expect(() => assertEditable('in-progress')).not.toThrow();
    expect(() => assertEditable('report-submitted')).toThrow(expect.objectContaining({ code: 'convention_locked' }));
    expect(() =>
      assertServiceFait('report-submitted', [
        { position: 0, sheetSha256: 'x' },
        { position: 1, sheetSha256: null },
      ]),
    ).toThrow(expect.objectContaining({ code: 'sheets_not_signed', message: expect.stringContaining('lignes 2') }));
    expect(() => assertServiceFait('in-progress', [])).toThrow(expect.objectContaining({ code: 'wrong_state' }));
  });
});
