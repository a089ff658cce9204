import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ServiceError } from './service-error.js';

/**
 * C0 controls (tab, line feed and carriage return included: no field of any service is multi-line
 * text), DEL and C1 controls. PostgreSQL refuses NUL in text, so before this guard a search for
 * one was a 500; the others are never typed by a person and only hide text from whoever reads it.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Refuses text no service should store or search for, on every route: control characters and
 * invalid Unicode (lone UTF-16 surrogates, or bytes that are not UTF-8) in the query string, the
 * route parameters or anywhere in a JSON body answer `400 BAD_REQUEST` naming the field, e.g.
 * `query.q: contains control character U+0000 at 3; send printable text`.
 *
 * JSON bodies are decoded with a fatal UTF-8 decoder, because the default one turns bad bytes into
 * U+FFFD before any check could see them; `\ud800`-style escapes that pair with nothing survive
 * JSON.parse as lone surrogates and are caught by the walk over the parsed body. A query string's
 * percent-encoding is checked on the raw URL for the same reason.
 */
export function useTextGuard(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, raw, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(raw as Buffer);
    } catch {
      done(new ServiceError('BAD_REQUEST', 'body: is not valid UTF-8; send JSON encoded as UTF-8'));
      return;
    }
    parseJson(request, text, done);
  });

  app.addHook('preValidation', async (request) => {
    refuseBadEncoding(request);
    refuseBadText(request.query, 'query');
    refuseBadText(request.params, 'params');
    refuseBadText(request.body, 'body');
  });
}

/** Percent-encoding that does not decode to UTF-8 (`%FF`, `%ED%A0%80`), which Fastify keeps raw. */
function refuseBadEncoding(request: FastifyRequest): void {
  const search = request.url.split('?')[1];
  if (!search) return;
  for (const pair of search.split('&')) {
    const [name = '', value = ''] = pair.split('=');
    try {
      decodeURIComponent(value.replaceAll('+', ' '));
    } catch {
      throw new ServiceError(
        'BAD_REQUEST',
        `query.${safeName(name)}: is not valid UTF-8 percent-encoding; encode the text as UTF-8`,
      );
    }
  }
}

/** Walks strings in objects and arrays; throws on the first bad one, naming its dotted path. */
function refuseBadText(value: unknown, path: string): void {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) throw new ServiceError('BAD_REQUEST', `${path}: ${problem}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => refuseBadText(item, `${path}.${i}`));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      refuseBadText(key, `${path} key`);
      refuseBadText(item, `${path}.${key}`);
    }
  }
}

/** Why `text` is refused, or undefined when it is fine. */
export function textProblem(text: string): string | undefined {
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    return `contains an unpaired UTF-16 surrogate (U+${hex(lone[0])}) at ${lone.index}; send well-formed Unicode text`;
  }
  const control = CONTROL.exec(text);
  if (control) {
    return `contains control character U+${hex(control[0])} at ${control.index}; send printable text`;
  }
  return undefined;
}

function hex(char: string): string {
  return char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}

/** A query parameter name fit for an error message, whatever it holds. */
function safeName(name: string): string {
  try {
    const decoded = decodeURIComponent(name);
    return textProblem(decoded) ? '?' : decoded.slice(0, 40);
  } catch {
    return '?';
  }
}
