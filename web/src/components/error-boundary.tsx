import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

/** A screen that fails to draw says so, instead of leaving the whole page blank. */
export class ErrorBoundary extends Component<
  { children: ReactNode; resetKey: string },
  { error: Error | null; key: string }
> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { key: string }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <div className="error" role="alert">
            {t('errors.screen')}
            <div className="detail">{this.state.error?.message}</div>
          </div>
        )}
      </Translation>
    );
  }
}
