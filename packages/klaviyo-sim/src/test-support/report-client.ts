import type { ValidateFunction } from 'ajv';
import { expect } from 'vitest';
import { createSimulatorApp } from '../http/create-simulator-app.js';
import type { KlaviyoStore } from '../store/types.js';
import { loadSpecValidators } from './openapi-schemas.js';

const HEADERS = { Authorization: 'Klaviyo-API-Key pk_test', revision: '2026-07-15', 'Content-Type': 'application/vnd.api+json' };

/** A report answer as the tests look at it. */
export interface ReportAnswer {
  status: number;
  body: any;
}

/** Posts report requests to an in-process simulator, checking them against the spec on request. */
export interface ReportClient {
  /**
   * POSTs `body` to `path`. With `request`, the body must match that spec schema; with
   * `response`, a 200 answer must match that one (the errors are shown when it does not).
   */
  post(path: string, body: unknown, request?: string, response?: string): Promise<ReportAnswer>;
  /** The validator of a spec schema, or of the shared `ClientError` response. */
  validator(name: string): ValidateFunction;
}

/** A {@link ReportClient} over `store`; the spec's validators are compiled once, when first used. */
export function reportClient(store: KlaviyoStore): ReportClient {
  const app = createSimulatorApp(store, { apiKey: 'pk_test' });
  let spec: ReturnType<typeof loadSpecValidators> | undefined;
  const validators = new Map<string, ValidateFunction>();
  const validator = (name: string) => {
    let validate = validators.get(name);
    if (!validate) {
      spec ??= loadSpecValidators();
      validators.set(name, (validate = name === 'ClientError' ? spec.response(name) : spec.schema(name)));
    }
    return validate;
  };
  return {
    validator,
    async post(path, body, request, response) {
      if (request) expect(validator(request)(body)).toBe(true);
      const answer = await app.request(`http://sim.test${path}`, { method: 'POST', headers: HEADERS, body: JSON.stringify(body) });
      const json = (await answer.json()) as any;
      if (response && answer.status === 200) {
        const validate = validator(response);
        const valid = validate(json);
        expect(validate.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
      }
      return { status: answer.status, body: json };
    },
  };
}

/** The sum of some numbers (a series' buckets, the values of some events). */
export const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
