import { css } from 'lit';

export const styles = css`
  figure {
    margin: 0 0 1.25rem;
    border: 1px solid var(--ak-color-border, #6b737b);
    border-radius: var(--ak-radius, 6px);
    background: var(--ak-color-bg, #fff);
  }
  .caption {
    border-radius: var(--ak-radius, 6px) var(--ak-radius, 6px) 0 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
    padding: 0.5rem 0.75rem;
    background: var(--ak-color-surface, #f4f6f8);
    border-bottom: 1px solid var(--ak-color-border-subtle, #d0d5da);
    font-size: 0.875rem;
    color: var(--ak-color-muted, #50575e);
  }
  .caption strong {
    color: var(--ak-color-text, #1f2328);
  }
  .icon {
    fill: currentColor;
    flex: none;
  }
  dl {
    margin: 0;
    padding: 0.5rem 0.75rem;
  }
  dl > div {
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.5rem;
  }
  dt {
    font-weight: 600;
    min-width: 4.5rem;
  }
  dt::after {
    content: ':';
  }
  dd {
    margin: 0;
    flex: 1 1 10rem;
    min-width: 0;
  }
  .headers {
    border-bottom: 1px solid var(--ak-color-border-subtle, #d0d5da);
  }
  .subject {
    font-weight: 600;
  }
  .email .body {
    padding: 0.75rem;
  }
  .attachment {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-top: 1px solid var(--ak-color-border-subtle, #d0d5da);
  }
  .file {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }
  .lines {
    list-style: none;
    margin: 0;
    padding: 0.75rem;
    display: grid;
    gap: 0.75rem;
  }
  .line > .text > :last-child {
    margin-bottom: 0;
  }
  .who {
    display: block;
    font-weight: 600;
    font-size: 0.875rem;
  }
  .chat .line,
  .sms .line {
    max-width: 85%;
    padding: 0.5rem 0.75rem;
    border-radius: 1rem 1rem 1rem 0.25rem;
    background: var(--ak-color-bubble, #e6eef7);
    justify-self: start;
  }
  .chat .line.b,
  .sms .line.b {
    border-radius: 1rem 1rem 0.25rem 1rem;
    background: var(--ak-color-surface, #f4f6f8);
    justify-self: end;
  }
  .phone .caption {
    background: var(--ak-color-call, #2d3a46);
    color: #fff;
  }
  .phone .caption strong {
    color: #fff;
  }
  .phone .line,
  .counter .line {
    padding-left: 0.75rem;
    border-left: 3px solid var(--ak-color-border-subtle, #d0d5da);
  }
  .phone .line.b,
  .counter .line.b {
    border-left-color: var(--ak-color-primary, #0f5499);
  }
  .screen .titlebar {
    background: var(--ak-color-screen-bar, #e6eef7);
    color: var(--ak-color-text, #1f2328);
  }
  .fields > div {
    padding: 0.375rem 0;
    border-bottom: 1px solid var(--ak-color-border-subtle, #d0d5da);
  }
  .fields > div:last-child {
    border-bottom: 0;
  }
  .note {
    margin: 0 0.75rem 0.75rem;
    padding: 0.5rem 0.75rem;
    background: var(--ak-color-warning-bg, #fff7e0);
    border-radius: var(--ak-radius, 6px);
  }
  .note > div > :last-child {
    margin-bottom: 0;
  }

  /* Spot the signs: every piece looks the same until the learner marks it. */
  button.sign {
    display: inline;
    min-height: 0;
    margin: 0;
    padding: 0 0.2em;
    font: inherit;
    color: inherit;
    text-align: inherit;
    background: var(--ak-color-bg, #fff);
    border: 1px dashed var(--ak-color-border, #6b737b);
    border-radius: 3px;
    overflow-wrap: anywhere;
  }
  button.sign:hover {
    background: var(--ak-color-surface, #f4f6f8);
    border-color: var(--ak-color-primary, #0f5499);
  }
  button.sign[aria-pressed='true'] {
    background: var(--ak-color-mark-bg, #fff1b8);
    border: 2px solid var(--ak-color-mark, #6b4f00);
  }
  /* The check mark shows the state to the eye; aria-pressed tells screen readers. */
  button.sign[aria-pressed='true']::before {
    content: '✓ ';
    content: '✓ ' / '';
    font-weight: 700;
  }
  /* A box like the button it was, so each verdict stays with its piece when lines wrap. */
  mark.sign {
    display: inline-block;
    max-width: 100%;
    margin: 0.125rem 0;
    color: inherit;
    background: none;
    padding: 0 0.2em;
    border-radius: 3px;
    overflow-wrap: anywhere;
  }
  mark.sign.found {
    border: 2px solid var(--ak-color-success, #1e6b35);
  }
  mark.sign.missed {
    border: 2px dashed var(--ak-color-mark, #6b4f00);
  }
  mark.sign.wrong {
    border: 2px solid var(--ak-color-danger, #a1262b);
  }
  mark.sign .tag {
    margin-top: 0;
    font-size: 0.8125rem;
  }
  mark.found .tag {
    background: var(--ak-color-success-bg, #e8f4ec);
    color: var(--ak-color-success, #1e6b35);
    border-color: var(--ak-color-success, #1e6b35);
  }
  mark.missed .tag {
    background: var(--ak-color-mark-bg, #fff1b8);
    color: var(--ak-color-mark, #6b4f00);
    border-color: var(--ak-color-mark, #6b4f00);
  }
  mark.wrong .tag {
    background: var(--ak-color-danger-bg, #fcecec);
    color: var(--ak-color-danger, #a1262b);
    border-color: var(--ak-color-danger, #a1262b);
  }
`;
