import { createAttemptKeys } from '@mosaic/build-kit';

/**
 * The idempotency keys of this app's stock writes and product creations. Kept for the app's life,
 * not a dialog's: a keeper who closes the dialog after a lost answer and saves the same change
 * again still sends the same key, so the change is made once.
 */
export const writeKeys = createAttemptKeys();

/** What identifies one write for {@link writeKeys}: its mutation and input. */
export function attemptOf(mutation: string, input: unknown): string {
  return `${mutation} ${JSON.stringify(input)}`;
}
