import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

/**
 * A route that answers a file (PDF, CSV, XLSX, ZIP, HTML): its media types and a binary body, in the OpenAPI document.
 */
export const ApiFileResponse = (mediaTypes: string | string[], description: string) => {
  const types = typeof mediaTypes === 'string' ? [mediaTypes] : mediaTypes;
  const binary = { schema: { type: 'string' as const, format: 'binary' } };
  return applyDecorators(
    ApiProduces(...types),
    ApiOkResponse({ description, content: Object.fromEntries(types.map((type) => [type, binary])) }),
  );
};
