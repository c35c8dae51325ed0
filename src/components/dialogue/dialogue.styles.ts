import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    background: var(--ak-color-bg);
  }
  .root {
    max-width: 64rem;
    margin: 0 auto;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    padding: 0.75rem 1rem;
    border-bottom: 1px solid var(--ak-color-border-subtle);
  }
  header .module {
    margin: 0;
    font-weight: 600;
    color: var(--ak-color-muted);
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .tools > button {
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
    font-size: 0.9375rem;
  }
  main {
    padding: 1.25rem 1rem 2rem;
  }
  h1 {
    font-size: clamp(1.5rem, 3.2vw, 2.5rem);
    line-height: 1.2;
    margin: 0 0 0.75rem;
  }
  .meta,
  .count,
  .hint {
    color: var(--ak-color-muted);
  }
  .count {
    margin: 0 0 0.25rem;
    font-weight: 600;
  }
  .card-list {
    padding-left: 1.5rem;
  }
  .card-list li {
    margin: 0.25rem 0;
  }
  .card-list .codes {
    color: var(--ak-color-muted);
    font-size: 0.9375rem;
    white-space: nowrap;
  }
  button.link {
    min-height: 2.75rem;
    padding: 0.25rem 0;
    border: 0;
    background: none;
    color: var(--ak-color-primary);
    font-weight: 600;
    text-align: left;
    text-decoration: underline;
  }
  button.link:hover {
    background: none;
    color: var(--ak-color-primary-hover);
  }
  /* On a shared screen the situation and questions must read from the back of the room. */
  .card .situation {
    font-size: clamp(1.125rem, 2.2vw, 1.75rem);
    line-height: 1.45;
  }
  .card .questions {
    font-size: clamp(1.0625rem, 1.9vw, 1.5rem);
    line-height: 1.4;
    padding-left: 1.75rem;
  }
  .card .questions li {
    margin: 0.5rem 0;
  }
  .areas .label,
  .legend .label {
    font-weight: 600;
  }
  .legend {
    color: var(--ak-color-muted);
    font-size: 0.9375rem;
  }
  main h2 {
    margin-top: 1.5rem;
  }
  /* On the shared screen the notes are read together, from a distance too. */
  .card .notes {
    font-size: clamp(1rem, 1.6vw, 1.375rem);
  }
  .notes {
    margin-top: 0.75rem;
    padding: 0.75rem 1rem;
    border-left: 4px solid var(--ak-color-primary);
    background: var(--ak-color-surface);
    border-radius: 0 var(--ak-radius) var(--ak-radius) 0;
  }
  .notes[hidden] {
    display: none;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-top: 1.5rem;
    padding-top: 1rem;
    border-top: 1px solid var(--ak-color-border-subtle);
  }
  .pager .next {
    margin-left: auto;
  }
  .print {
    display: none;
  }
  @media (min-width: 40rem) {
    header,
    main {
      padding-left: 1.5rem;
      padding-right: 1.5rem;
    }
  }
  @media print {
    .screen {
      display: none;
    }
    /* Each card and each page of notes must fit its page. */
    .print {
      display: block;
      font-size: 11pt;
      line-height: 1.4;
    }
    .print p,
    .print ul,
    .print ol {
      margin: 0 0 6pt;
    }
    .printed-card,
    .printed-notes {
      break-before: page;
      border: 1.5pt solid var(--ak-color-text);
      border-radius: 8pt;
      padding: 14pt 16pt;
    }
    .printed-card h2,
    .printed-notes h2 {
      font-size: 18pt;
      margin: 0 0 8pt;
    }
    /* The card is handed round and read at the table: large type. */
    .printed-card .situation {
      font-size: 14pt;
    }
    .printed-card .questions {
      font-size: 13pt;
    }
    .printed-card h3 {
      font-size: 12pt;
      margin: 10pt 0 4pt;
    }
    .printed-notes .notes {
      border-left-width: 3pt;
    }
    .footer {
      margin-top: 12pt;
      font-size: 9pt;
      color: var(--ak-color-muted);
    }
  }
`;
