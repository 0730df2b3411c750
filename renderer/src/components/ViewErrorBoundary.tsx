// One error boundary per view (App.tsx): a render error in a screen replaces that screen only, never the whole app.
// The frame and its menu stay, the user is told in Swedish what happened, and "Försök igen" draws the screen anew
// (its data is fetched again). What was typed is not lost: every autosaved field and the meeting's drafts are kept
// locally, encrypted, from the first keystroke (lokalLagring.ts) and saved when the screen closes (useAutosave.ts),
// so the next drawing of the screen picks them up. Moving to another view (menu, Alt+digit, back) starts afresh.
import { Component, createRef, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Identifies the view shown: a new key (another view) clears an error. */
  resetKey: string;
  /** The view's name in running text, e.g. "Mötesläget". */
  vy?: string | undefined;
}

interface State {
  error: Error | null;
  /** The resetKey the error happened under. */
  key: string;
  /** Bumped by "Försök igen" so the view mounts anew (fresh state, data fetched again). */
  forsok: number;
}

export class ViewErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey, forsok: 0 };
  private readonly rubrik = createRef<HTMLHeadingElement>();

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // Another view was chosen: the error belonged to the one left.
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For whoever reads the console; the user sees the Swedish text below, never the stack.
    console.error('Vyn kunde inte visas', error, info.componentStack);
  }

  override componentDidUpdate(_prev: Props, prevState: State): void {
    if (this.state.error && !prevState.error) this.rubrik.current?.focus();
  }

  private forsokIgen = () => this.setState((s) => ({ error: null, forsok: s.forsok + 1 }));

  override render(): ReactNode {
    const { error, forsok } = this.state;
    if (!error) return <ViewKey key={forsok}>{this.props.children}</ViewKey>;
    const vy = this.props.vy ?? 'Den här vyn';
    return (
      <div className="page">
        <section className="card vy-fel" role="alert" aria-labelledby="vy-fel-rubrik">
          <h1 id="vy-fel-rubrik" ref={this.rubrik} tabIndex={-1}>
            {vy} kunde inte visas
          </h1>
          <p>
            Ett fel i Varvet hindrade vyn från att visas. Det du har skrivit är sparat eller finns kvar på den här datorn och kommer
            tillbaka när vyn visas igen.
          </p>
          <p>Försök igen, eller välj en annan del av Varvet i menyn till vänster. Om felet kommer tillbaka: starta om Varvet.</p>
          <div className="form-actions">
            <button type="button" className="button primary" onClick={this.forsokIgen}>
              Försök igen
            </button>
          </div>
        </section>
      </div>
    );
  }
}

/** A keyed wrapper: a new key mounts the view anew. */
function ViewKey({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
