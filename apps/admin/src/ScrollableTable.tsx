// A DSFR table that narrow screens scroll sideways, its scrolling region reachable and named for keyboard and screen
// reader users (RGAA 7.3, axe's scrollable-region-focusable): the design system's table without its own scroll, in a
// focusable region named by the caption.
import { Table, TableProps } from '@codegouvfr/react-dsfr/Table';

export function ScrollableTable(props: Omit<TableProps, 'noScroll'> & { caption: string }) {
  return (
    <div role="region" aria-label={props.caption} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table {...props} noScroll />
    </div>
  );
}
