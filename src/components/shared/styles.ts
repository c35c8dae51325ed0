/**
 * Styles every ak- element shares: box model, text, focus ring, buttons, fieldsets,
 * feedback boxes and reduced motion. Brand colours are CSS custom properties, set with
 * defaults on `ak-player` and `ak-dialogue` (`brand` below) and inherited through shadow roots;
 * each `var()` here repeats the default so an element also works on its own.
 */
import { css } from 'lit';

/** The brand's defaults, set on the outermost elements (ak-player, ak-dialogue); organisations override them there or on any ancestor. */
export const brand = css`
  :host {
    --ak-color-primary: #0f5499;
    --ak-color-primary-hover: #0b3f73;
    --ak-color-primary-text: #ffffff;
    --ak-color-focus: #0b3f73;
    --ak-color-link: #0f5499;
    --ak-color-text: #1f2328;
    --ak-color-muted: #50575e;
    --ak-color-bg: #ffffff;
    --ak-color-surface: #f4f6f8;
    --ak-color-selected: #eef4fa;
    --ak-color-border: #6b737b;
    --ak-color-border-subtle: #d0d5da;
    --ak-color-success: #1e6b35;
    --ak-color-success-bg: #e8f4ec;
    --ak-color-danger: #a1262b;
    --ak-color-danger-bg: #fcecec;
    --ak-color-warning-bg: #fff7e0;
    --ak-color-warning-text: #5c3c00;
    --ak-radius: 6px;
  }
`;

/** The Dansk / English switch of the player and the dialogue tool (a group of aria-pressed buttons). */
export const languageSwitch = css`
  .language {
    display: flex;
    gap: 0.25rem;
  }
  .language button {
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
    font-size: 0.9375rem;
  }
  .language button[aria-pressed='true'] {
    background: var(--ak-color-primary);
    color: var(--ak-color-primary-text);
  }
`;

export const base = css`
  :host {
    display: block;
    color: var(--ak-color-text, #1f2328);
    font-family: var(--ak-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    line-height: 1.5;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2 {
    font-size: 1.375rem;
    line-height: 1.25;
    margin: 0 0 1rem;
  }
  h3 {
    font-size: 1.125rem;
    margin: 0 0 0.5rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  a {
    color: var(--ak-color-link, #0f5499);
  }
  img {
    max-width: 100%;
    height: auto;
  }
  :focus-visible {
    outline: 3px solid var(--ak-color-focus, #0b3f73);
    outline-offset: 2px;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--ak-color-focus, #0b3f73);
  }
  .body > :last-child {
    margin-bottom: 0;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border-radius: var(--ak-radius, 6px);
    border: 2px solid var(--ak-color-primary, #0f5499);
    background: var(--ak-color-primary, #0f5499);
    color: var(--ak-color-primary-text, #fff);
    font-weight: 600;
    cursor: pointer;
  }
  button:hover {
    background: var(--ak-color-primary-hover, #0b3f73);
    border-color: var(--ak-color-primary-hover, #0b3f73);
  }
  button.secondary {
    background: var(--ak-color-bg, #fff);
    color: var(--ak-color-primary, #0f5499);
  }
  button.secondary:hover {
    background: var(--ak-color-surface, #f4f6f8);
  }
  fieldset {
    border: 0;
    margin: 0 0 1rem;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.75rem;
  }
  .choices {
    display: grid;
    gap: 0.5rem;
  }
  .choice {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
    padding: 0.75rem;
    border: 1px solid var(--ak-color-border, #6b737b);
    border-radius: var(--ak-radius, 6px);
    background: var(--ak-color-bg, #fff);
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--ak-color-primary, #0f5499);
    box-shadow: inset 0 0 0 1px var(--ak-color-primary, #0f5499);
    background: var(--ak-color-selected, #eef4fa);
  }
  .choice input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.125rem 0 0;
    accent-color: var(--ak-color-primary, #0f5499);
  }
  .choice-text > :last-child {
    margin-bottom: 0;
  }
  fieldset:disabled .choice {
    cursor: default;
  }
  .tag {
    display: inline-block;
    margin-top: 0.25rem;
    padding: 0 0.5rem;
    border-radius: 999px;
    font-size: 0.875rem;
    font-weight: 600;
    background: var(--ak-color-surface, #f4f6f8);
    color: var(--ak-color-text, #1f2328);
    border: 1px solid var(--ak-color-border, #6b737b);
  }
  .error {
    color: var(--ak-color-danger, #a1262b);
    font-weight: 600;
  }
  .feedback {
    margin-top: 1rem;
    padding: 1rem;
    border-radius: var(--ak-radius, 6px);
    border-left: 6px solid var(--ak-color-danger, #a1262b);
    background: var(--ak-color-danger-bg, #fcecec);
    animation: ak-appear 0.2s ease-out;
  }
  .feedback.good {
    border-left-color: var(--ak-color-success, #1e6b35);
    background: var(--ak-color-success-bg, #e8f4ec);
  }
  .feedback > :last-child,
  .feedback .body > :last-child {
    margin-bottom: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  .hint {
    color: var(--ak-color-muted, #50575e);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @keyframes ak-appear {
    from {
      opacity: 0;
      transform: translateY(0.25rem);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
