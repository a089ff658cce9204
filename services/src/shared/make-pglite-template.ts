import { TEMPLATE_PATH, writeTemplate } from './pglite-template.js';

// `pnpm build` runs this after tsc: see pglite-template.ts for why.
await writeTemplate();
process.stdout.write(`wrote ${TEMPLATE_PATH}\n`);
