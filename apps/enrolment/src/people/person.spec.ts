import { checkPerson, cleanPerson, mailKey, personChanges, splitMailexportName } from './person';

describe('people as GAIA knows them', () => {
  it('knows a person by the mail, trimmed and lower-cased', () => {
    expect(mailKey('  Claire.EXEMPLE@ac-Exemple.fr ')).toBe('claire.exemple@ac-exemple.fr');
  });

  it('splits Mailexport’s "LASTNAME Firstname", compound names included', () => {
    expect(splitMailexportName('EXEMPLE Claire')).toEqual({ lastName: 'EXEMPLE', firstName: 'Claire' });
    expect(splitMailexportName('LE FICTIF Anne-Marie')).toEqual({ lastName: 'LE FICTIF', firstName: 'Anne-Marie' });
    expect(splitMailexportName('DUPONT-ESSAI Éloïse Jeanne')).toEqual({
      lastName: 'DUPONT-ESSAI',
      firstName: 'Éloïse Jeanne',
    });
    expect(splitMailexportName('TOUT EN CAPITALES')).toEqual({ lastName: 'TOUT EN', firstName: 'CAPITALES' });
    expect(splitMailexportName('SEUL')).toEqual({ lastName: 'SEUL', firstName: '' });
  });

  it('names the first problem of a row: missing or invalid mail, missing name, invalid UAI', () => {
    const ok = cleanPerson({ mail: ' a.b@ac-exemple.fr ', lastName: ' EXEMPLE ', uai: '9730298l' });
    expect(ok.uai).toBe('9730298L');
    expect(checkPerson(ok)).toBeUndefined();
    expect(checkPerson(cleanPerson({ mail: '', lastName: 'X' }))?.code).toBe('missing_mail');
    expect(checkPerson(cleanPerson({ mail: 'pas-un-mail', lastName: 'X' }))).toMatchObject({
      code: 'invalid_mail',
      field: 'mail',
    });
    expect(checkPerson(cleanPerson({ mail: 'a@b.fr', lastName: '   ' }))).toMatchObject({
      code: 'missing_name',
      field: 'lastName',
    });
    expect(checkPerson(cleanPerson({ mail: 'a@b.fr', lastName: 'X', uai: '9730298A' }))).toMatchObject({
      code: 'invalid_uai',
      field: 'uai',
    });
  });

  it('never erases a stored field with an empty one, and reports what changed', () => {
    const stored = { mail: 'a@b.fr', lastName: 'EXEMPLE', firstName: 'Claire', grade: 'P ECOLE CN', uai: '9730298L' };
    expect(personChanges(stored, { mail: 'a@b.fr', lastName: 'EXEMPLE', grade: null, uai: '' })).toEqual({});
    expect(personChanges(stored, { mail: 'a@b.fr', lastName: 'EXEMPLE', grade: 'P ECOLE HC' })).toEqual({
      grade: { from: 'P ECOLE CN', to: 'P ECOLE HC' },
    });
  });

  it('never degrades a stored value: capitals or lost accents do not replace the written name; better writing does', () => {
    const stored = { mail: 'lea@b.fr', lastName: 'EXEMPLE', firstName: 'Léa', grade: 'P ECOLE CN' };
    expect(personChanges(stored, { mail: 'lea@b.fr', lastName: 'EXEMPLE', firstName: 'LÉA' }, 'import')).toEqual({});
    expect(personChanges(stored, { mail: 'lea@b.fr', lastName: 'EXEMPLE', firstName: 'Lea' }, 'import')).toEqual({});
    expect(personChanges(stored, { mail: 'lea@b.fr', lastName: 'Exemple', firstName: 'Léa' }, 'import')).toEqual({
      lastName: { from: 'EXEMPLE', to: 'Exemple' },
    });
    expect(personChanges(stored, { mail: 'LEA@b.fr', lastName: 'EXEMPLE', firstName: 'Léa-Marie' }, 'import')).toEqual({
      firstName: { from: 'Léa', to: 'Léa-Marie' },
    });
  });

  it('a designator fills what is empty and overwrites nothing; the person and organisers may correct', () => {
    const stored = { mail: 'lea@b.fr', lastName: 'EXEMPLE', firstName: 'Léa', grade: 'P ECOLE CN', function: null };
    const input = { mail: 'lea@b.fr', lastName: 'AUTRE', firstName: 'Léa', grade: 'P ECOLE HC', function: 'ENS' };
    expect(personChanges(stored, input, 'designator')).toEqual({ function: { from: null, to: 'ENS' } });
    expect(Object.keys(personChanges(stored, input, 'self')).sort()).toEqual(['function', 'grade', 'lastName']);
    expect(Object.keys(personChanges(stored, input, 'organiser')).sort()).toEqual(['function', 'grade', 'lastName']);
  });
});
