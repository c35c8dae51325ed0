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
  .actions .error {
    margin: 0;
  }
`;
