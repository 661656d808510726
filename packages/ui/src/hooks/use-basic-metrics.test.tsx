import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, inject, it } from 'vitest';
import { KlensProvider } from '../provider/klens-provider.js';
import { useBasicMetrics } from './use-basic-metrics.js';

const serverUrl = inject('klensServerUrl');
const truth = inject('klensOctoberTruth');

/** A provider on the real server, counting the HTTP requests its link sends. */
function wrapperWith(getToken: () => string | Promise<string>) {
  const requests: Request[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    requests.push(new Request(input, init));
    return fetch(input, init);
  };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <KlensProvider serverUrl={`${serverUrl}/`} getToken={getToken} fetch={countingFetch}>
      {children}
    </KlensProvider>
  );
  return { wrapper, requests };
}

describe('useBasicMetrics through a real tRPC link', () => {
  it('loads the daily series the server computed from synced Klaviyo data', async () => {
    const { wrapper, requests } = wrapperWith(() => inject('klensToken'));
    const { result } = renderHook(() => useBasicMetrics('Placed Order', { from: '2026-10-01', to: '2026-10-31' }), { wrapper });
    expect(result.current.loading).toBe(true);
    expect(result.current.points).toEqual([]);

    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.error).toBeNull();
    expect(result.current.points).toHaveLength(31);
    for (const point of result.current.points) {
      expect(point.count, point.period).toBe(truth[point.period]?.count ?? 0);
      expect(point.value, point.period).toBeCloseTo(truth[point.period]?.value ?? 0, 6);
    }
    expect(result.current.data?.currency).toBe('USD');
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${inject('klensToken')}`);
    expect(new URL(requests[0]!.url).pathname).toBe('/trpc/metrics.timeSeries');
  });

  it('reports a refused token as UNAUTHORIZED, without retrying', async () => {
    const { wrapper, requests } = wrapperWith(async () => inject('klensForeignToken'));
    const { result } = renderHook(() => useBasicMetrics('Placed Order'), { wrapper });
    await waitFor(() => expect(result.current.error).not.toBeNull());
    expect(result.current.error).toEqual({ code: 'UNAUTHORIZED', message: expect.stringContaining('KLENS_AUTH_SECRET') });
    expect(result.current.points).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it('reports a reversed range with the server’s message', async () => {
    const { wrapper } = wrapperWith(() => inject('klensToken'));
    const { result } = renderHook(() => useBasicMetrics('Placed Order', { from: '2026-10-31', to: '2026-10-01' }), { wrapper });
    await waitFor(() => expect(result.current.error).not.toBeNull());
    expect(result.current.error).toEqual({ code: 'BAD_REQUEST', message: '`from` (2026-10-31) is after `to` (2026-10-01).' });
  });

  it('sends nothing while disabled', async () => {
    const { wrapper, requests } = wrapperWith(() => inject('klensToken'));
    const { result } = renderHook(() => useBasicMetrics('Placed Order', { enabled: false }), { wrapper });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(result.current.loading).toBe(false);
    expect(requests).toHaveLength(0);
  });

  it('asks for a token at request time, so a refreshed token is used', async () => {
    let token = inject('klensForeignToken');
    const { wrapper, requests } = wrapperWith(() => token);
    const { result } = renderHook(() => useBasicMetrics('Placed Order', { from: '2026-10-01', to: '2026-10-02' }), { wrapper });
    await waitFor(() => expect(result.current.error?.code).toBe('UNAUTHORIZED'));
    token = inject('klensToken');
    result.current.refetch();
    await waitFor(() => expect(result.current.points).toHaveLength(2));
    expect(requests.at(-1)?.headers.get('authorization')).toBe(`Bearer ${inject('klensToken')}`);
  });
});
