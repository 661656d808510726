import { expect, userEvent, within } from 'storybook/test';

/** The vertices of an SVG path made of M/L commands (what a linear-curve line produces). */
export function pathVertices(d: string): { x: number; y: number }[] {
  return [...d.matchAll(/[ML]([^MLZ]+)/g)].map((match) => {
    const [x = Number.NaN, y = Number.NaN] = (match[1] ?? '').trim().split(/[\s,]+/).map(Number);
    return { x, y };
  });
}

/** Number of drawing commands of any kind in a path's `d`: one per point for a linear line. */
export function pathCommandCount(d: string): number {
  return d.match(/[a-zA-Z]/g)?.length ?? 0;
}

/** Finds the chart's line once it has been measured and drawn. */
export async function findLine(canvasElement: HTMLElement): Promise<SVGPathElement> {
  return (await within(canvasElement).findByTestId('revenue-chart-line')) as unknown as SVGPathElement;
}

/**
 * Asserts the promise of a drawn chart: `count` points in the line (counted in the path itself,
 * not just in its attribute), no NaN, and one data-table row per point.
 */
export async function expectDrawnPoints(canvasElement: HTMLElement, title: string, count: number): Promise<void> {
  const canvas = within(canvasElement);
  const line = await findLine(canvasElement);
  const d = line.getAttribute('d') ?? '';
  await expect(line).toHaveAttribute('data-point-count', String(count));
  await expect(d).not.toMatch(/NaN|undefined/);
  await expect(pathCommandCount(d)).toBe(count);
  await expect(pathVertices(d)).toHaveLength(count);
  await expect(canvas.getByRole('img', { name: title })).toBeInTheDocument();
  const table = canvas.getByRole('table', { name: title }) as HTMLTableElement;
  await expect(table.tBodies[0]?.rows).toHaveLength(count);
}

/** Moves the pointer onto the `index`-th vertex of the line, as a mouse user would. */
export async function hoverPoint(canvasElement: HTMLElement, index: number): Promise<void> {
  const line = await findLine(canvasElement);
  const vertex = pathVertices(line.getAttribute('d') ?? '')[index];
  const matrix = line.getScreenCTM();
  if (!vertex || !matrix) throw new Error(`no vertex ${index} to hover`);
  const client = new DOMPoint(vertex.x, vertex.y).matrixTransform(matrix);
  const svg = line.ownerSVGElement as SVGSVGElement;
  await userEvent.pointer({ target: svg, coords: { clientX: client.x, clientY: client.y } });
}

/** The visible tooltip, waiting for it to appear. */
export async function findTooltip(canvasElement: HTMLElement): Promise<HTMLElement> {
  return within(canvasElement).findByTestId('revenue-chart-tooltip');
}

/** Table body cells as [date, value] pairs, for asserting formatted output. */
export function tableRows(canvasElement: HTMLElement): [string, string][] {
  const table = within(canvasElement).getByTestId('revenue-chart-table') as HTMLTableElement;
  return [...(table.tBodies[0]?.rows ?? [])].map((row) => [
    row.cells[0]?.textContent ?? '',
    row.cells[1]?.textContent ?? '',
  ]);
}
