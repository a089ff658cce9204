import { readFileSync } from 'node:fs';

/** The apps' trusted documents as the BFF's build collected them (dist/app/graphql). */
export function trustedDocument(operationName: string): { id: string; text: string } {
  const { documents } = JSON.parse(
    readFileSync(new URL('../dist/app/graphql/trusted_documents.json', import.meta.url), 'utf8'),
  ) as { documents: { id: string; operationName: string; text: string }[] };
  const found = documents.find((d) => d.operationName === operationName);
  if (!found) throw new Error(`no trusted document named ${operationName}: run pnpm build`);
  return found;
}
