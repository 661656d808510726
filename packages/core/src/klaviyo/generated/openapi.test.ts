import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

const SPEC = new URL('../../../../klaviyo-sim/spec/openapi-subset.json', import.meta.url);
const GENERATED = fileURLToPath(new URL('./openapi.ts', import.meta.url));

describe('generated Klaviyo types', () => {
  it('match what openapi-typescript makes of the spec today (run `pnpm --filter @klens/core generate:klaviyo-types` if not)', async () => {
    // The same call the CLI makes (see the generate:klaviyo-types script): header comment plus the printed AST.
    // Defaults stay optional: a request may leave out `interval` or `page_size`.
    const fresh = COMMENT_HEADER + astToString(await openapiTS(SPEC, { defaultNonNullable: false }));
    const committed = readFileSync(GENERATED, 'utf8');
    expect(committed.length).toBeGreaterThan(100_000);
    expect(committed === fresh).toBe(true);
  });
});
