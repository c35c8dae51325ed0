import { css } from 'lit';

export const styles = css`
  .intro {
    margin-bottom: 1rem;
  }
  .score {
    margin-bottom: 1.25rem;
    padding: 1rem;
    border-radius: var(--ak-radius, 6px);
    border-left: 6px solid var(--ak-color-danger, #a1262b);
    background: var(--ak-color-danger-bg, #fcecec);
  }
  .score.passed {
    border-left-color: var(--ak-color-success, #1e6b35);
    background: var(--ak-color-success-bg, #e8f4ec);
  }
  .total {
    font-size: 1.25rem;
  }
  .total strong {
    font-size: 1.75rem;
  }
  .status {
    margin: 0;
    font-weight: 600;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin-bottom: 1.25rem;
    /* Words break only when one does not fit its line (the base style's "anywhere" would let
       the table shrink columns mid-word at 320 px). */
    overflow-wrap: break-word;
  }
  caption {
    text-align: left;
    font-weight: 600;
    margin-bottom: 0.5rem;
  }
  th,
  td {
    padding: 0.5rem 0.375rem;
    border-bottom: 1px solid var(--ak-color-border-subtle, #d0d5da);
    text-align: left;
    vertical-align: top;
  }
  tbody th {
    font-weight: 400;
  }
  .num {
    text-align: right;
    white-space: nowrap;
  }
  .advice {
    margin-bottom: 1.25rem;
  }
  .advice h3 {
    margin-bottom: 0.5rem;
  }
  .advice h4 {
    margin: 1rem 0 0.25rem;
  }
  .read-more {
    margin: 0.5rem 0 0;
  }
  .detail {
    font-size: 0.875rem;
    white-space: normal;
  }
  /* The chart: a label above each bar at narrow widths, beside it from 36rem. */
  .chart {
    margin: 0 0 1.25rem;
  }
  figcaption {
    font-weight: 600;
    margin-bottom: 0.5rem;
  }
  .row {
    display: grid;
    grid-template-columns: 1fr auto;
    grid-template-areas: 'label value' 'track track';
    gap: 0.125rem 0.5rem;
    margin-bottom: 0.625rem;
  }
  @media (min-width: 36rem) {
    .row {
      grid-template-columns: 14rem 1fr 3.5rem;
      grid-template-areas: 'label track value';
      align-items: center;
    }
  }
  .label {
    grid-area: label;
  }
  .value {
    grid-area: value;
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .track {
    grid-area: track;
    position: relative;
    display: block;
    height: 0.875rem;
    border: 1px solid var(--ak-color-border, #6b737b);
    border-radius: 3px;
  }
  .fill {
    display: block;
    height: 100%;
    background: var(--ak-color-primary, #0f5499);
  }
  /* The target: a line that stands out above and below the bar, not a colour alone. */
  .mark {
    position: absolute;
    top: -4px;
    bottom: -4px;
    width: 3px;
    margin-left: -1.5px;
    background: var(--ak-color-text, #1b1f24);
  }
  .legend {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    font-size: 0.875rem;
    margin: 0.25rem 0 0;
  }
  .key-bar {
    display: inline-block;
    width: 1.25rem;
    height: 0.75rem;
    background: var(--ak-color-primary, #0f5499);
  }
  .key-mark {
    display: inline-block;
    width: 3px;
    height: 1.125rem;
    margin: 0 0.25rem;
    background: var(--ak-color-text, #1b1f24);
  }
  .all-reached {
    font-weight: 600;
    margin-bottom: 1.25rem;
  }
`;
