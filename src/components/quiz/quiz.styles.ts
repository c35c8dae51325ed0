import { css } from 'lit';

export const styles = css`
  legend .hint {
    display: block;
    font-weight: 400;
  }
  .tags {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  .tag.right {
    background: var(--ak-color-success-bg, #e8f4ec);
    color: var(--ak-color-success, #1e6b35);
    border-color: var(--ak-color-success, #1e6b35);
  }
  .tag.wrong {
    background: var(--ak-color-danger-bg, #fcecec);
    color: var(--ak-color-danger, #a1262b);
    border-color: var(--ak-color-danger, #a1262b);
  }
  .spot .prompt {
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .spot .hint {
    margin-top: 0;
  }
  .spot .count {
    margin-top: -0.5rem;
    color: var(--ak-color-muted, #50575e);
  }
  .feedback .tally {
    font-weight: 600;
  }
  .actions .error {
    margin: 0;
  }
`;
