// GET over node:http for the benchmark's scripts: the status and the body as text, read as bytes
// and decoded once (what a careful client does; fetch adds web streams on top).
import http from 'node:http';

/** A GET that sends these headers, through `agent` (keep-alive) when one is given. */
export function createHttpGet(headers, agent) {
  return (url) =>
    new Promise((resolve, reject) => {
      http
        .get(url, { headers, ...(agent ? { agent } : {}) }, (response) => {
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        })
        .on('error', reject);
    });
}
