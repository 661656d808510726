import { RevenueChart, useBasicMetrics } from '@klens/ui';
import { useMemo } from 'react';
import { lastTwelveMonths } from './last-twelve-months.js';

const parseDay = (period: string) => new Date(`${period}T00:00:00`);

export function Dashboard() {
  const range = useMemo(() => lastTwelveMonths(new Date()), []);
  const { data, points, loading, error } = useBasicMetrics('Placed Order', { ...range, interval: 'day' });
  const currency = data?.currency ?? 'USD';
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 });
  const totals = data?.totals;

  return (
    <main className="dashboard">
      <header>
        <h1>Revenue, last 12 months</h1>
        <p className="subtitle">
          Placed Order revenue from a simulated Klaviyo account, {range.from} to {range.to}
          {data ? ` (${data.timezone})` : ''}.
        </p>
      </header>
      <section className="tiles" aria-label="Totals">
        <Tile label="Revenue" value={totals ? money.format(totals.value) : '—'} />
        <Tile label="Orders" value={totals ? totals.count.toLocaleString() : '—'} />
        <Tile label="Average order" value={totals && totals.count > 0 ? money.format(totals.value / totals.count) : '—'} />
      </section>
      <section className="panel">
        {error ? (
          <p role="alert" className="error">
            Could not load revenue: {error.message}
          </p>
        ) : (
          <RevenueChart
            title="Daily revenue, last 12 months"
            data={points}
            xAccessor={(point) => parseDay(point.period)}
            yAccessor={(point) => point.value}
            loading={loading}
            currency={currency}
            height={380}
          />
        )}
      </section>
    </main>
  );
}

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <div className="tile">
      <div className="tile-label">{label}</div>
      <div className="tile-value">{value}</div>
    </div>
  );
}
