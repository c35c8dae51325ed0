import { css } from 'lit';

export const styles = css`
  .body {
    margin-bottom: 1rem;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  textarea {
    display: block;
    width: 100%;
    min-height: 8rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: inherit;
    background: var(--ak-color-bg, #fff);
    border: 1px solid var(--ak-color-border, #6b737b);
    border-radius: var(--ak-radius, 6px);
    resize: vertical;
  }
  .hint {
    margin-top: 0.5rem;
    font-size: 0.9375rem;
  }
`;
