import { IsNotEmpty, IsString, Min, validateSync, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import { toFieldProblems } from './validation-messages';

class Slot {
  @Min(1, { message: '$property : au moins 1 place' }) capacity!: number;
  @Min(0) hours!: number;
}
class Decision {
  @IsString() @IsNotEmpty({ message: '$property : motif obligatoire pour un refus' }) reason!: string;
  @ValidateNested() @Type(() => Slot) slot!: Slot;
}

describe('the French messages of a refused body', () => {
  const problems = (body: object) =>
    toFieldProblems(validateSync(plainToInstance(Decision, body))).map((p) => `${p.rule}: ${p.message}`);

  it('says what the DTO says where it says something, the rule’s French text elsewhere, each under the full path', () => {
    expect(problems({ reason: '', slot: { capacity: 0, hours: -1 } }).sort()).toEqual([
      'isNotEmpty: reason : motif obligatoire pour un refus',
      'min: slot.capacity : au moins 1 place',
      'min: slot.hours : est trop petit',
    ]);
    // never class-validator's English
    expect(problems({ slot: { capacity: 2, hours: 1 } })).toContain(
      'isString: reason : doit être une chaîne de caractères',
    );
  });
});
