/**
 * Formats an instant the way Klaviyo writes datetimes: UTC, whole seconds, explicit `+00:00`
 * offset (`2022-11-08T01:23:45+00:00`).
 */
export function formatKlaviyoDateTime(instant: Date | number): string {
  const iso = new Date(typeof instant === 'number' ? instant : instant.getTime()).toISOString();
  return `${iso.slice(0, 19)}+00:00`;
}
