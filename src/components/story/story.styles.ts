import { css } from 'lit';

export const styles = css`
  .body {
    margin-bottom: 1.25rem;
  }
`;
