/** Klaviyo's media type for every response, errors included. */
export const JSON_API_MEDIA_TYPE = 'application/vnd.api+json';

/** A JSON:API response with Klaviyo's content type and any extra headers. */
export function jsonApiResponse(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return jsonApiTextResponse(JSON.stringify(body), status, headers);
}

/** The same, for a body already written as JSON text or its UTF-8 bytes (large pages assembled from pieces). */
export function jsonApiTextResponse(text: string | Uint8Array<ArrayBuffer>, status: number, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': JSON_API_MEDIA_TYPE, ...headers },
  });
}

/** 204 without a body or content type: how Klaviyo answers a DELETE that succeeded. */
export function noContentResponse(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers });
}
