/** Where in the request a client error lies, as Klaviyo's error objects point to it. */
export type ErrorSource = { pointer: string } | { parameter: string };

/**
 * An error the simulator answers with Klaviyo's error envelope. Route code throws it; the app's
 * error handler turns it into the response, so every error has one shape.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly source?: ErrorSource,
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

/** 400 for a query parameter or header the simulator cannot use; `parameter` names it. */
export function invalidParameter(parameter: string, detail: string): ApiError {
  return new ApiError(400, 'invalid', 'Invalid input.', detail, { parameter });
}

/** 401 when the Authorization header is missing or does not use the Klaviyo-API-Key scheme. */
export function notAuthenticated(): ApiError {
  return new ApiError(
    401,
    'not_authenticated',
    'Authentication credentials were not provided.',
    'Missing or invalid authorization scheme. Please use Klaviyo-API-Key.',
    { pointer: '/data/' },
  );
}

/** 401 when the scheme is right but the key is not this account's. */
export function authenticationFailed(): ApiError {
  return new ApiError(
    401,
    'authentication_failed',
    'Incorrect authentication credentials.',
    'Incorrect authentication credentials. Check the private API key in the Authorization header.',
    { pointer: '/data/' },
  );
}

/** 404 for a path the simulator does not serve. */
export function notFound(path: string): ApiError {
  return new ApiError(404, 'not_found', 'Not found.', `No endpoint matches ${path}.`);
}

/** 405 for a known path with a method it does not accept. */
export function methodNotAllowed(method: string, path: string): ApiError {
  return new ApiError(405, 'method_not_allowed', 'Method not allowed.', `Method "${method}" is not allowed on ${path}.`);
}

/** 500 for anything unexpected; the detail never carries internals. */
export function internalError(): ApiError {
  return new ApiError(500, 'error', 'A server error occurred.', 'The simulator failed to answer this request.');
}

/** The JSON body of an error response; `id` should identify the occurrence. */
export function errorEnvelope(error: ApiError, id: string): { errors: Record<string, unknown>[] } {
  return {
    errors: [
      {
        id,
        status: error.status,
        code: error.code,
        title: error.title,
        detail: error.detail,
        source: error.source ?? { pointer: '/data/' },
        links: {},
        meta: {},
      },
    ],
  };
}
