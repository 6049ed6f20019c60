import type { CSSProperties, ReactNode } from 'react';
import { colors } from './theme';

export interface DetailRow {
  label: string;
  value: ReactNode;
}

// Label/value pairs (tracking details, payout breakdown, failed-job facts). Rows without a value
// are skipped so callers can pass optional facts directly. The `detail-list` class makes the
// plain-text part print "Label   value" columns instead of running the two together.
export function DetailList({ rows }: { rows: DetailRow[] }) {
  const visible = rows.filter((row) => row.value !== null && row.value !== undefined && row.value !== '');
  return (
    <table className="detail-list" cellPadding={0} cellSpacing={0} width="100%" style={box}>
      <tbody>
        {visible.map((row, index) => {
          const divider = index < visible.length - 1 ? { borderBottom: `1px solid ${colors.hairline}` } : {};
          return (
            <tr key={row.label}>
              <td style={{ ...labelCell, ...divider }}>{row.label}</td>
              <td style={{ ...valueCell, ...divider }}>{row.value}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const box: CSSProperties = {
  backgroundColor: colors.subtle,
  border: `1px solid ${colors.hairline}`,
  borderCollapse: 'separate',
  borderRadius: '8px',
  margin: '0 0 24px',
  padding: '4px 16px',
  width: '100%',
};

const labelCell: CSSProperties = {
  color: colors.muted,
  fontSize: '13px',
  lineHeight: '20px',
  padding: '10px 12px 10px 0',
  verticalAlign: 'top',
  width: '40%',
};

const valueCell: CSSProperties = {
  color: colors.ink,
  fontSize: '14px',
  fontWeight: 600,
  lineHeight: '20px',
  padding: '10px 0',
  textAlign: 'right',
  verticalAlign: 'top',
};
