/**
 * Two years (730 days) of synthetic daily store revenue, deterministic: a growing level, a weekly
 * shape (weekend dip), a yearly swell towards the holidays, a few promotion spikes and lognormal
 * noise. Only used to time one automatic fit on data of the size a brand would send.
 */
export function dailyRevenue(days = 730, seed = 7): number[] {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const weekly = [1.05, 1.02, 1.0, 1.03, 1.12, 0.9, 0.88];
  return Array.from({ length: days }, (_, t) => {
    const level = 8000 * (1 + (0.25 * t) / 365);
    const yearly = 1 + 0.15 * Math.cos((2 * Math.PI * (t - 330)) / 365);
    const promotion = uniform() < 0.02 ? 1.6 : 1;
    return level * weekly[t % 7]! * yearly * promotion * Math.exp(0.08 * normal());
  });
}
