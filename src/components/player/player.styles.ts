import { css } from 'lit';

export const styles = css`
  :host {
    background: var(--ak-color-bg);
  }
  .root {
    max-width: 48rem;
    margin: 0 auto;
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
    color: var(--ak-color-muted, #50575e);
    font-size: 0.9375rem;
  }
  .brand img {
    max-height: 2.5rem;
    max-width: 10rem;
    width: auto;
  }
  header {
    padding: 0.75rem 1rem;
    border-bottom: 1px solid var(--ak-color-border-subtle);
  }
  .notice p {
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    border-radius: var(--ak-radius);
    background: var(--ak-color-warning-bg);
    color: var(--ak-color-warning-text);
    font-weight: 600;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
  h1 {
    flex: 1 1 12rem;
    margin: 0;
    font-size: 1.125rem;
    line-height: 1.3;
  }
  .progress {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin-top: 0.5rem;
    font-size: 0.9375rem;
    color: var(--ak-color-muted);
  }
  .step {
    flex: none;
  }
  progress {
    flex: 1 1 auto;
    min-width: 0;
    height: 0.625rem;
    appearance: none;
    border: 1px solid var(--ak-color-border);
    border-radius: 999px;
    background: var(--ak-color-surface);
    overflow: hidden;
  }
  progress::-webkit-progress-bar {
    background: var(--ak-color-surface);
  }
  progress::-webkit-progress-value {
    background: var(--ak-color-primary);
    transition: width 0.3s;
  }
  progress::-moz-progress-bar {
    background: var(--ak-color-primary);
  }
  main {
    padding: 1.25rem 1rem;
  }
  nav {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    padding: 1rem;
    border-top: 1px solid var(--ak-color-border-subtle);
  }
  nav .next {
    margin-left: auto;
  }
  nav .next[aria-disabled='true'] {
    background: var(--ak-color-surface);
    border-color: var(--ak-color-border);
    color: var(--ak-color-muted);
    cursor: not-allowed;
  }
  nav .hint {
    flex: 1 0 100%;
    margin: 0;
    text-align: right;
  }
  @media (min-width: 40rem) {
    header,
    main,
    nav {
      padding-left: 1.5rem;
      padding-right: 1.5rem;
    }
  }
`;
