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
  .reach {
    font-size: 0.875rem;
    white-space: normal;
  }
  .bar .mark {
    position: absolute;
    top: -3px;
    bottom: -3px;
    width: 2px;
    margin-left: -1px;
    background: var(--ak-color-text, #1b1f24);
  }
  .bar {
    position: relative;
    display: block;
    width: 4rem;
    height: 0.5rem;
    margin: 0.375rem 0 0 auto;
    border: 1px solid var(--ak-color-border, #6b737b);
    border-radius: 999px;
  }
  /* The bar is decoration: the table cells carry the numbers and the status in words. */
  .bar .fill {
    display: block;
    height: 100%;
    border-radius: 999px;
    background: var(--ak-color-primary, #0f5499);
  }
`;
