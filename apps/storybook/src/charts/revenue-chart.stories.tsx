import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { buildChartTheme, RevenueChart, type RevenueChartProps } from '@klens/ui';
import { monthlyRevenue, revenue2025, weeklyRows, type RevenueDay, type RevenueWeekRow } from '../fixtures/revenue.js';
import { expectDrawnPoints, findLine, findTooltip, hoverPoint, tableRows } from '../play/chart-queries.js';

type Story = StoryObj<RevenueChartProps<RevenueDay>>;

const byDate = (d: RevenueDay) => d.date;
const byRevenue = (d: RevenueDay) => d.revenue;
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

const meta: Meta<RevenueChartProps<RevenueDay>> = {
  title: 'Charts/RevenueChart',
  component: RevenueChart,
  args: {
    title: 'Daily revenue, 2025',
    data: revenue2025,
    xAccessor: byDate,
    yAccessor: byRevenue,
    locale: 'en-US',
  },
  argTypes: { data: { control: false }, xAccessor: { control: false }, yAccessor: { control: false } },
};
export default meta;

export const Loading: Story = {
  args: { loading: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const busy = canvas.getByRole('status', { name: 'Loading revenue' });
    await expect(busy).toHaveAttribute('aria-busy', 'true');
    await expect(busy.getBoundingClientRect().height).toBe(320);
    await expect(canvas.queryByTestId('revenue-chart-line')).toBeNull();
    await expect(canvas.queryByRole('table')).toBeNull();
  },
};

export const Empty: Story = {
  args: { data: [] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('No revenue in this period')).toBeVisible();
    await expect(canvas.getByTestId('revenue-chart-empty').getBoundingClientRect().height).toBe(320);
    await expect(canvas.queryByTestId('revenue-chart-line')).toBeNull();
    await expect(canvas.queryByRole('img')).toBeNull();
  },
};

export const DailyFor365Days: Story = {
  name: 'Daily revenue, 365 days',
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    await expectDrawnPoints(canvasElement, 'Daily revenue, 2025', 365);
    await expect(tableRows(canvasElement)[0]).toEqual(['Jan 1, 2025', usd.format(revenue2025[0]!.revenue)]);

    await step('hovering shows the nearest point', async () => {
      await hoverPoint(canvasElement, 100);
      const tooltip = await findTooltip(canvasElement);
      await expect(tooltip).toHaveTextContent('Apr 11, 2025');
      await expect(tooltip).toHaveTextContent(usd.format(revenue2025[100]!.revenue));
      await expect(tooltip.textContent).toMatch(/\$\d{1,3}(,\d{3})*\.\d{2}$/);
      await expect(canvas.getByTestId('revenue-chart-highlight')).toBeInTheDocument();
      await userEvent.unhover(canvas.getByRole('img'));
      await waitFor(() => expect(canvas.queryByTestId('revenue-chart-tooltip')).toBeNull());
    });

    await step('arrow keys move the highlighted point', async () => {
      await userEvent.tab();
      await expect(canvas.getByRole('img')).toHaveFocus();
      await expect(await findTooltip(canvasElement)).toHaveTextContent('Jan 1, 2025');
      await userEvent.keyboard('{ArrowRight}');
      await expect(await findTooltip(canvasElement)).toHaveTextContent('Jan 2, 2025');
      await userEvent.keyboard('{End}');
      await expect(await findTooltip(canvasElement)).toHaveTextContent('Dec 31, 2025');
      await userEvent.keyboard('{Escape}');
      await expect(canvas.queryByTestId('revenue-chart-tooltip')).toBeNull();
    });
  },
};

const weeks = weeklyRows(revenue2025);

export const Weekly: Story = {
  // A different row shape: the accessors adapt API rows (local date strings, cents) to the chart.
  render: (args) => (
    <RevenueChart<RevenueWeekRow>
      title="Weekly revenue, 2025"
      data={weeks}
      xAccessor={(row) => new Date(`${row.weekStart}T00:00`)}
      yAccessor={(row) => row.totalCents / 100}
      locale={args.locale}
    />
  ),
  play: async ({ canvasElement }) => {
    await expect(weeks).toHaveLength(53);
    await expectDrawnPoints(canvasElement, 'Weekly revenue, 2025', 53);
    const rows = tableRows(canvasElement);
    await expect(rows[0]).toEqual(['Jan 1, 2025', usd.format(weeks[0]!.totalCents / 100)]);
    await expect(rows[52]?.[0]).toBe('Dec 31, 2025');
  },
};

const months = monthlyRevenue(revenue2025);

export const Monthly: Story = {
  args: {
    title: 'Monthly revenue, 2025',
    data: months,
    dateFormat: { month: 'long', year: 'numeric' },
  },
  play: async ({ canvasElement }) => {
    await expectDrawnPoints(canvasElement, 'Monthly revenue, 2025', 12);
    const rows = tableRows(canvasElement);
    await expect(rows.map(([date]) => date)).toEqual(
      ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].map(
        (month) => `${month} 2025`,
      ),
    );
    // A year of daily revenue sums to several million: the y axis is compact.
    const ticks = [...canvasElement.querySelectorAll('.visx-axis-left text')].map((t) => t.textContent ?? '');
    await expect(ticks.some((tick) => /^\$\d+(\.\d)?K$/.test(tick))).toBe(true);
    await expect(within(canvasElement).getAllByTestId('revenue-chart-marker')).toHaveLength(12);
    await hoverPoint(canvasElement, 5);
    await expect(await findTooltip(canvasElement)).toHaveTextContent('June 2025');
    await expect(await findTooltip(canvasElement)).toHaveTextContent(usd.format(months[5]!.revenue));
  },
};

const withRefunds: RevenueDay[] = revenue2025.slice(0, 30).map((day, i) => {
  if (i === 12) return { date: day.date, revenue: -1250.4 };
  if (i === 20) return { date: day.date, revenue: 0 };
  return day;
});

export const WithRefunds: Story = {
  args: { title: 'Net revenue with refunds', data: withRefunds },
  play: async ({ canvasElement }) => {
    await expectDrawnPoints(canvasElement, 'Net revenue with refunds', 30);
    await expect(within(canvasElement).getByTestId('revenue-chart-zero-line')).toBeInTheDocument();
    const ticks = [...canvasElement.querySelectorAll('.visx-axis-left text')].map((t) => t.textContent ?? '');
    await expect(ticks.some((tick) => /^-\$/.test(tick))).toBe(true);
    // The refund dips below zero but stays inside the plot, above the x axis.
    const line = await findLine(canvasElement);
    const axis = canvasElement.querySelector('.visx-axis-bottom .visx-axis-line') as SVGLineElement;
    await expect(line.getBoundingClientRect().bottom).toBeLessThanOrEqual(axis.getBoundingClientRect().top + 1);
    await hoverPoint(canvasElement, 12);
    await expect(await findTooltip(canvasElement)).toHaveTextContent('-$1,250.40');
    await expect(tableRows(canvasElement)[20]?.[1]).toBe('$0.00');
  },
};

export const SinglePoint: Story = {
  args: { title: 'Revenue on launch day', data: [{ date: new Date(2025, 5, 1), revenue: 1_234_567.89 }] },
  play: async ({ canvasElement }) => {
    await expectDrawnPoints(canvasElement, 'Revenue on launch day', 1);
    const canvas = within(canvasElement);
    const marker = canvas.getByTestId('revenue-chart-marker');
    await expect(Number(marker.getAttribute('cx'))).toBeGreaterThan(0);
    await expect(Number(marker.getAttribute('cy'))).toBeGreaterThanOrEqual(0);
    const ticks = [...canvasElement.querySelectorAll('.visx-axis-left text')].map((t) => t.textContent ?? '');
    await expect(ticks).toContain('$1.2M');
    await hoverPoint(canvasElement, 0);
    await expect(await findTooltip(canvasElement)).toHaveTextContent('$1,234,567.89');
  },
};

export const NarrowContainer: Story = {
  name: 'Narrow container (320px)',
  args: { title: 'Revenue, last 90 days', data: revenue2025.slice(-90) },
  decorators: [
    (Story) => (
      <div data-testid="narrow-container" style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await expectDrawnPoints(canvasElement, 'Revenue, last 90 days', 90);
    const canvas = within(canvasElement);
    const container = canvas.getByTestId('narrow-container');
    const svg = canvas.getByRole('img');
    await expect(Number(svg.getAttribute('width'))).toBeLessThanOrEqual(320);
    await expect(svg.getBoundingClientRect().width).toBeLessThanOrEqual(320);
    await expect(container.scrollWidth).toBeLessThanOrEqual(320);
    await hoverPoint(canvasElement, 89);
    const tooltip = await findTooltip(canvasElement);
    await expect(tooltip).toHaveTextContent('Dec 31, 2025');
    // The tooltip flips to stay inside the chart instead of overflowing to the right.
    await expect(tooltip.getBoundingClientRect().right).toBeLessThanOrEqual(container.getBoundingClientRect().right + 1);
  },
};

export const WideContainer: Story = {
  name: 'Wide container (1400px), then resized',
  decorators: [
    (Story) => (
      <div data-testid="wide-container" style={{ width: 1400 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectDrawnPoints(canvasElement, 'Daily revenue, 2025', 365);
    await expect(canvas.getByRole('img')).toHaveAttribute('width', '1400');
    canvas.getByTestId('wide-container').style.width = '480px';
    await waitFor(() => expect(canvas.getByRole('img')).toHaveAttribute('width', '480'));
    await expectDrawnPoints(canvasElement, 'Daily revenue, 2025', 365);
  },
};

const euroDays: RevenueDay[] = [1234.5, 98_000, 1_250_000, 640_000.25, 0, 310_500].map((revenue, i) => ({
  date: new Date(2025, 0, 1 + i),
  revenue,
}));

export const EuroGermanLocale: Story = {
  name: 'EUR, de-DE locale',
  args: {
    title: 'Umsatz pro Tag',
    data: euroDays,
    currency: 'EUR',
    locale: 'de-DE',
    emptyMessage: 'Kein Umsatz in diesem Zeitraum',
    labels: { loading: 'Umsatz wird geladen', date: 'Datum', value: 'Umsatz' },
  },
  play: async ({ canvasElement }) => {
    await expectDrawnPoints(canvasElement, 'Umsatz pro Tag', 6);
    const rows = tableRows(canvasElement);
    await expect(rows[0]?.[0]).toBe('01.01.2025');
    await expect(rows[0]?.[1]).toMatch(/^1\.234,50\s€$/);
    await expect(rows[3]?.[1]).toMatch(/^640\.000,25\s€$/);
    const headers = within(canvasElement).getAllByRole('columnheader').map((th) => th.textContent);
    await expect(headers).toEqual(['Datum', 'Umsatz']);
    const ticks = [...canvasElement.querySelectorAll('.visx-axis-left text')].map((t) => t.textContent ?? '');
    await expect(ticks.some((tick) => /Mio\.\s€$/.test(tick))).toBe(true);
    await userEvent.tab();
    await expect(await findTooltip(canvasElement)).toHaveTextContent('01.01.2025');
  },
};

const customTheme = buildChartTheme({
  lineColor: '#e11d48',
  lineWidth: 3,
  gridColor: '#fde68a',
  fontFamily: 'Georgia, serif',
  tooltipBackground: '#7f1d1d',
});

export const CustomTheme: Story = {
  args: { title: 'Revenue, custom theme', data: revenue2025.slice(0, 60), theme: customTheme },
  decorators: [
    // A host app restyles through CSS variables alone: here, the tick labels.
    (Story) => (
      <div style={{ ['--klens-chart-axis-label' as string]: 'rgb(22, 101, 52)' }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const line = await findLine(canvasElement);
    await expect(getComputedStyle(line).stroke).toBe('rgb(225, 29, 72)');
    await expect(getComputedStyle(line).strokeWidth).toBe('3px');
    const grid = canvasElement.querySelector('.visx-rows line') as SVGLineElement;
    await expect(getComputedStyle(grid).stroke).toBe('rgb(253, 230, 138)');
    const tick = canvasElement.querySelector('.visx-axis-left text') as SVGTextElement;
    await expect(getComputedStyle(tick).fill).toBe('rgb(22, 101, 52)');
    await expect(getComputedStyle(tick).fontFamily).toBe('Georgia, serif');
    await hoverPoint(canvasElement, 10);
    await expect(getComputedStyle(await findTooltip(canvasElement)).backgroundColor).toBe('rgb(127, 29, 29)');
  },
};
