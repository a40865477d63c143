import { ValidationPipe } from '@nestjs/common';
import { ProblemError } from './problem';
import { toFieldProblems } from './validation-messages';

/** Strict input validation: unknown fields and wrong types are refused, every offending field is named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const problems = toFieldProblems(errors);
      return new ProblemError(
        400,
        'validation_failed',
        `La requête est invalide : ${problems.map((p) => p.field).join(', ')}.`,
        problems,
      );
    },
  });
}
