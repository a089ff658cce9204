import { safeParse, summarize } from 'valibot';
import { MosaicError, MosaicErrorCode } from '../../shared/mosaic-error.js';
import type { BusSchema } from './topic-catalogue.js';

/** What is being checked, for the error message: "event 'stock.changed'", "response of 'stock.query'". */
export type PayloadRole = 'event' | 'request' | 'response';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Parses `payload` with the topic's schema and returns a frozen copy, so no app
 * can change what another app receives. Throws `BUS_INVALID_PAYLOAD` naming the topic.
 */
export function checkPayload(
  schema: BusSchema,
  topic: string,
  role: PayloadRole,
  payload: unknown,
): unknown {
  const result = safeParse(schema, payload);
  if (!result.success) {
    const what = role === 'event' ? `event '${topic}'` : `${role} of '${topic}'`;
    throw new MosaicError(
      MosaicErrorCode.BUS_INVALID_PAYLOAD,
      `bus ${what} does not match its declared shape (see the topic catalogue in @mosaic/build-kit):\n${summarize(result.issues)}`,
    );
  }
  return deepFreeze(result.output);
}
