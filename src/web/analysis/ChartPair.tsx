import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Count } from '../../contract/atlas.ts';
import { countText } from './figures.ts';

/**
 * How a count reads in a chart or its table: "7", "1–10", or "fewer than k" where a public count
 * is withheld.
 */
export function useCountText(k: number | null): (n: Count | undefined) => string {
  const { t } = useTranslation();
  return (n) => countText(n) ?? t('overlap.withheld', { k: k ?? 0 });
}

/**
 * Every overlap chart's block: the drawing with its one-sentence reading underneath, and beside it
 * the same figures as a table for screen readers and copying. The drawing's accessible name is the
 * reading. On a narrow screen the drawing keeps a readable size and scrolls sideways in its own
 * box, as the table does; both boxes are focusable so a keyboard can scroll them (axe
 * scrollable-region-focusable).
 */
export function ChartPair(props: {
  /** The drawing's coordinates, e.g. `0 0 600 400`. */
  viewBox: string;
  /** Its width in CSS pixels at full size. */
  width: number;
  /** The svg's class (ovl-heatmap, ovl-bars, ovl-network): what styles its text. */
  className: string;
  reading: string;
  caption: string;
  /** The svg's content. */
  drawing: ReactNode;
  /** The table's header cells. */
  head: ReactNode;
  /** The table's body rows. */
  rows: ReactNode;
  /** More tables after the first, in the same scrolling box. */
  after?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="ovl-pair">
      <figure className="ovl-figure">
        <div
          className="ovl-drawing"
          tabIndex={0}
          role="region"
          aria-label={t('overlap.chartOf', { caption: props.caption })}
        >
          <svg
            viewBox={props.viewBox}
            width={props.width}
            role="img"
            aria-label={props.reading}
            className={props.className}
          >
            {props.drawing}
          </svg>
        </div>
        <figcaption className="ovl-reading">{props.reading}</figcaption>
      </figure>
      <div className="ovl-table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
        <table className="ovl-table">
          <caption>{props.caption}</caption>
          <thead>
            <tr>{props.head}</tr>
          </thead>
          <tbody>{props.rows}</tbody>
        </table>
        {props.after}
      </div>
    </div>
  );
}
