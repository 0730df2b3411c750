// What shows before a school is open: starting, a missing or stale access key, or a backend that cannot start.
import { useApp } from '../store';
import { BackupGateRestore } from '../backup/GateRestore';
import { useFocusOnMount } from '../components/useFocusOnMount';

type Kind = 'starting' | 'no-token' | 'invalid-token' | 'failed';

interface GatePageProps {
  kind: Kind;
  message?: string;
  /** The database is damaged: offer the backups right here (issue 8). */
  corrupt?: boolean;
}

const TITLES: Record<Kind, string> = {
  starting: 'Varvet startar…',
  'no-token': 'Åtkomstnyckel saknas',
  'invalid-token': 'Åtkomstnyckeln gäller inte längre',
  failed: 'Varvet kunde inte starta',
};

function GateText({ kind, message }: GatePageProps) {
  switch (kind) {
    case 'starting':
      return <p>Öppnar skolans data.</p>;
    case 'no-token':
      return (
        <p>
          Öppna Varvet via adressen som skrevs ut när det startade (den innehåller din åtkomstnyckel). Adressen
          börjar med <code>http://127.0.0.1:</code> och slutar med <code>#token=</code> följt av nyckeln.
        </p>
      );
    case 'invalid-token':
      return (
        <p>
          Varvet har startats om sedan sidan öppnades och har fått en ny åtkomstnyckel. Öppna Varvet via adressen som
          skrevs ut när det startade (den innehåller din åtkomstnyckel).
        </p>
      );
    case 'failed':
      return <p>{message}</p>;
  }
}

export function GatePage(props: GatePageProps) {
  const start = useApp((s) => s.start);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  return (
    <main className="gate" aria-busy={props.kind === 'starting'}>
      <div className="gate-card">
        <p className="brand" aria-hidden="true">
          Varvet
        </p>
        <h1 ref={headingRef} tabIndex={-1}>
          {props.corrupt ? 'Databasen är skadad' : TITLES[props.kind]}
        </h1>
        <div role={props.kind === 'starting' ? 'status' : 'alert'}>
          <GateText {...props} />
        </div>
        {props.kind === 'failed' && props.corrupt && <BackupGateRestore onRestored={() => void start()} />}
        {props.kind === 'failed' && (
          <button type="button" className="button primary" onClick={() => void start()}>
            Försök igen
          </button>
        )}
      </div>
    </main>
  );
}
