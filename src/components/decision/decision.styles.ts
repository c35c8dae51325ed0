import { css } from 'lit';

export const styles = css`
  h4 {
    font-size: 1rem;
    margin: 1rem 0 0.25rem;
  }
  .actions .error {
    margin: 0;
  }
`;
