import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse } from '@nestjs/swagger';

/** OpenAPI description of the PUT and PATCH bodies of `/api/configurations`. */
export const ApiSettingsEntries = () =>
  applyDecorators(
    ApiBody({
      schema: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'configurations'],
          properties: {
            name: { type: 'string' },
            configurations: {
              type: 'array',
              items: {
                type: 'object',
                required: ['name', 'value'],
                properties: { name: { type: 'string' }, value: {} },
              },
            },
          },
        },
        example: [{ name: 'core', configurations: [{ name: 'language', value: 'fr' }] }],
      },
    }),
    ApiNoContentResponse({ description: 'Stored' }),
  );
