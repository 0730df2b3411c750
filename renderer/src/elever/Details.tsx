// The pupil's register details: årskurs, klass, mentor and the flags that must not be missed.
import type { Elev } from '../../../shared/model';
import { arskursText } from '../../../shared/labels';
import { ElevFlags } from './Flags';

export function ElevDetails({ elev }: { elev: Elev }) {
  return (
    <dl className="facts elev-facts">
      <div>
        <dt>Årskurs</dt>
        <dd>{arskursText(elev.arskurs)}</dd>
      </div>
      <div>
        <dt>Klass</dt>
        <dd>{elev.klass ?? 'Ingen klass'}</dd>
      </div>
      <div>
        <dt>Mentor</dt>
        <dd>{elev.mentor ?? 'Ingen mentor'}</dd>
      </div>
      {elev.pseudonym ? (
        <div>
          <dt>Kod i pseudonymiserade protokoll</dt>
          <dd>{elev.pseudonym}</dd>
        </div>
      ) : null}
      <div>
        <dt>Särskilt att notera</dt>
        <dd>
          <ElevFlags elev={elev} />
        </dd>
      </div>
    </dl>
  );
}
