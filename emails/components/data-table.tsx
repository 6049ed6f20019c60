import type { CSSProperties, ReactNode } from 'react';
import { colors } from './theme';

export interface DataColumn {
  header: string;
  align?: 'left' | 'right';
  /** Share of the table width, e.g. '50%'; columns without one split the rest. */
  width?: string;
}

export interface DataTableProps {
  columns: DataColumn[];
  rows: ReactNode[][];
  /** Rows under a rule at the bottom (subtotal, total). The last one is shown in bold. */
  footerRows?: ReactNode[][];
}

// A plain HTML table with inline styles: the one layout every email client renders the same.
// The `data-table` class tells the plain-text renderer to keep it as aligned columns.
export function DataTable({ columns, rows, footerRows = [] }: DataTableProps) {
  return (
    <table className="data-table" cellPadding={0} cellSpacing={0} width="100%" style={table}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th
              key={column.header}
              style={{ ...headerCell, textAlign: column.align ?? 'left', width: column.width }}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, rowIndex) => (
          <tr key={rowIndex}>
            {cells.map((cell, cellIndex) => (
              <td key={cellIndex} style={{ ...bodyCell, textAlign: columns[cellIndex]?.align ?? 'left' }}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
        {footerRows.map((cells, rowIndex) => {
          const isLast = rowIndex === footerRows.length - 1;
          return (
            <tr key={`footer-${rowIndex}`}>
              {cells.map((cell, cellIndex) => (
                <td
                  key={cellIndex}
                  style={{
                    ...footerCell(rowIndex === 0, isLast),
                    textAlign: columns[cellIndex]?.align ?? 'left',
                  }}
                >
                  {cell}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const table: CSSProperties = {
  borderCollapse: 'collapse',
  margin: '0 0 24px',
  width: '100%',
};

const headerCell: CSSProperties = {
  borderBottom: `2px solid ${colors.hairline}`,
  color: colors.muted,
  fontSize: '12px',
  fontWeight: 600,
  letterSpacing: '0.4px',
  padding: '0 8px 8px 0',
  textTransform: 'uppercase',
};

const bodyCell: CSSProperties = {
  borderBottom: `1px solid ${colors.hairline}`,
  color: colors.ink,
  fontSize: '14px',
  lineHeight: '20px',
  padding: '10px 8px 10px 0',
  verticalAlign: 'top',
};

function footerCell(isFirst: boolean, isLast: boolean): CSSProperties {
  return {
    borderTop: isFirst ? `1px solid ${colors.hairline}` : undefined,
    color: isLast ? colors.ink : colors.body,
    fontSize: '14px',
    fontWeight: isLast ? 700 : 400,
    lineHeight: '20px',
    padding: '6px 8px 6px 0',
  };
}
