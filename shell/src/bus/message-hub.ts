import { createMessageHub } from '@mosaic/build-kit';

/** The page's one message hub: each mounted app gets its own scope of it. */
export const messageHub = createMessageHub();

/** The shell's own voice on the bus (session.changed, answering nav.request). */
export const shellBus = messageHub.scope('shell');
