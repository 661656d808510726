/** The last 365 days ending today (local calendar), as `YYYY-MM-DD` dates. */
export function lastTwelveMonths(today: Date): { from: string; to: string } {
  const to = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
  const from = new Date(to.getTime() - 364 * 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}
