import { describe, expect, it } from 'vitest';
import { readErrorBody, readErrorText } from './error-body.js';

describe('readErrorBody', () => {
  it('reads the REST shape', () => {
    expect(
      readErrorBody({ error: { code: 'CONFLICT', message: 'taken', requestId: 'r-1' } }),
    ).toEqual({ code: 'CONFLICT', message: 'taken', requestId: 'r-1' });
  });

  it("reads GraphQL's first error with its fields", () => {
    expect(
      readErrorBody({
        errors: [
          {
            message: 'bad quantity',
            extensions: {
              code: 'BAD_USER_INPUT',
              requestId: 'r-2',
              fields: [{ path: 'lines.0.quantity', message: 'Too small' }, { path: 3 }],
            },
          },
        ],
      }),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'bad quantity',
      requestId: 'r-2',
      fields: [{ path: 'lines.0.quantity', message: 'Too small' }],
    });
  });

  it('gives nothing for what is not an error body, and drops parts of the wrong type', () => {
    expect(readErrorBody({ data: {} })).toBeUndefined();
    expect(readErrorBody(null)).toBeUndefined();
    expect(readErrorText('<html>502</html>')).toBeUndefined();
    expect(readErrorBody({ error: { code: 7, message: '' } })).toEqual({
      code: undefined,
      message: undefined,
      requestId: undefined,
    });
  });
});
