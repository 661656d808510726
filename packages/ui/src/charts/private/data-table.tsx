import type { ReactElement } from 'react';
import { visuallyHidden } from './visually-hidden.js';

/** One row of a {@link DataTable}: the first cell is the row header. */
export type DataTableRow = { readonly key: string; readonly cells: readonly [string, string] };

type DataTableProps = {
  readonly caption: string;
  readonly headers: readonly [string, string];
  readonly rows: readonly DataTableRow[];
  readonly testId: string;
};

/** The screen-reader fallback of a chart: a visually hidden two-column table of its points. */
export function DataTable({ caption, headers, rows, testId }: DataTableProps): ReactElement {
  return (
    <table data-testid={testId} style={visuallyHidden}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{headers[0]}</th>
          <th scope="col">{headers[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.cells[0]}</th>
            <td>{row.cells[1]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
