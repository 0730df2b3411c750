// Steg 8: "När ni har genomfört fem-sex varv … är det dags för att reflektera över årets arbete och att planera för
// nästa läsår." The changes and the plan-vs-held comparison come from the data; the skolledning writes what still
// needs doing, saves the updated plan as a new version and records when it was checked with EHT and förstelärare.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ArsavslutVy } from '../../../shared/channels/uppfoljning';
import { ledarhandling } from '../../../shared/domain/index';
import { call, errorText } from '../api';
import { ArsavslutReflektioner } from './ArsavslutReflektioner';
import { AutosaveStatus } from '../components/AutosaveStatus';
import { ErrorAlert } from '../components/ErrorAlert';
import { Fundera } from '../components/Fundera';
import { useAutosave } from '../components/useAutosave';
import { datumMedAr } from '../format';
import { useApp } from '../store';
import { ArsPlanMotUtfall, ArsSammanstallning } from './ArsavslutData';
import { KlarKnapp } from './BekraftaKlar';

type SaveArgs = { planVersionId?: number | null; avstamdEht?: string | null; avstamdForstelarare?: string | null; status?: 'pagar' | 'klar'; bekraftat?: boolean };

function BehoverGoras({ vy }: { vy: ArsavslutVy }) {
  const autosave = useAutosave(`arsavslut.${vy.lasarId}`, (behoverGoras: string) => ({ channel: 'arsavslut:save', args: { lasarId: vy.lasarId, behoverGoras } }));
  const { register, setValue } = useForm({ defaultValues: { text: vy.behoverGoras } });
  useEffect(() => {
    setValue('text', autosave.reconcile(vy.behoverGoras, vy.uppdaterad));
    // Once, when the stored year-end has arrived.
  }, []);
  return (
    <div className="field autosave-field">
      <label htmlFor="uf-behover">Förändringar som behöver göras</label>
      <p className="hint" id="uf-behover-hint">
        Vad behöver tas bort eller läggas till till nästa läsår? Lyft blicken och titta på hela skolans utveckling.
      </p>
      <textarea
        id="uf-behover"
        rows={5}
        aria-describedby="uf-behover-hint uf-behover-state"
        {...register('text', { onChange: (e: { target: { value: string } }) => autosave.change(e.target.value), onBlur: () => void autosave.flush() })}
      />
      <AutosaveStatus id="uf-behover-state" state={autosave.state} />
    </div>
  );
}

function NyPlan({ vy, save }: { vy: ArsavslutVy; save(args: SaveArgs, text?: string): Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<{ skapadAv: string }>({ defaultValues: { skapadAv: '' } });
  const sparaVersion = handleSubmit(async ({ skapadAv }) => {
    setError(null);
    try {
      const v = await call('plan:sparaVersion', { skapadAv, orsak: `Uppdaterad vid årsavslutet ${vy.lasarNamn} inför nästa läsår.`, baslinje: false });
      await save({ planVersionId: v.id }, `Planen är sparad som version ${v.nummer} och kopplad till årsavslutet.`);
    } catch (e) {
      setError(errorText(e));
    }
  });
  const vald = vy.planversioner.find((v) => v.id === vy.planVersionId);
  return (
    <section className="section" aria-labelledby="uf-ny-plan">
      <h2 id="uf-ny-plan">Uppdatera planen och stäm av den</h2>
      <p className="muted">Uppdatera planen under Förberedelse → Steg 3, spara den sedan här som en ny version och stäm av den med EHT och förstelärarna.</p>
      <div className="uf-rad">
        <div className="field">
          <label htmlFor="uf-planversion">Planversion för nästa läsår</label>
          <select
            id="uf-planversion"
            value={vy.planVersionId ?? ''}
            onChange={(e) => void save({ planVersionId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">Ingen vald</option>
            {vy.planversioner.map((v) => (
              <option key={v.id} value={v.id}>
                {`Version ${v.nummer}${v.isBaseline ? ' (baslinje)' : ''} – ${datumMedAr(v.skapad.slice(0, 10))}`}
              </option>
            ))}
          </select>
        </div>
        <form className="uf-inline-form" onSubmit={sparaVersion} aria-label="Spara planen som ny version">
          <div className="field">
            <label htmlFor="uf-skapad-av">Vem sparar</label>
            <input id="uf-skapad-av" type="text" {...register('skapadAv', { required: true })} />
          </div>
          <button type="submit" className="button" disabled={formState.isSubmitting}>
            Spara planen som ny version
          </button>
        </form>
      </div>
      {vald && <p>{`Vald: version ${vald.nummer}. ${vald.orsak}`}</p>}
      <div className="uf-rad">
        <div className="field">
          <label htmlFor="uf-avst-eht">Avstämd med EHT</label>
          <input id="uf-avst-eht" type="date" defaultValue={vy.avstamdEht ?? ''} onChange={(e) => void save({ avstamdEht: e.target.value || null })} />
        </div>
        <div className="field">
          <label htmlFor="uf-avst-fl">Avstämd med förstelärarna</label>
          <input id="uf-avst-fl" type="date" defaultValue={vy.avstamdForstelarare ?? ''} onChange={(e) => void save({ avstamdForstelarare: e.target.value || null })} />
        </div>
      </div>
      <ErrorAlert message={error} />
    </section>
  );
}

export function ArsavslutPanel() {
  const announce = useApp((s) => s.announce);
  const [vy, setVy] = useState<ArsavslutVy | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('arsavslut:get', { lasarId: null })
      .then(setVy)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);

  const save = async (args: SaveArgs, text?: string) => {
    if (!vy) return;
    setError(null);
    try {
      setVy(await call('arsavslut:save', { lasarId: vy.lasarId, ...args }));
      if (text) announce(text);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <>
      <p className="lead">{ledarhandling(8).ingress}</p>
      <ul className="muted">
        <li>Efter samtliga varv sammanfattas vilka förändringar som har gjorts och behöver göras.</li>
        <li>Gå tillbaka till den ursprungliga planen och se om ni följde planeringen.</li>
        <li>Lyft blicken och titta på hela skolans utveckling.</li>
        <li>Uppdatera er plan och stäm av den med EHT och förstelärare.</li>
      </ul>
      <ErrorAlert message={error} title="Årsavslutet kunde inte visas" />
      {vy && (
        <>
          <ArsSammanstallning s={vy.sammanstallning} />
          <ArsPlanMotUtfall p={vy.planMotUtfall} />
          <ArsavslutReflektioner
            lasarId={vy.lasarId}
            dokumenterat={{
              5: vy.sammanstallning.dialogPlaner.length > 0 ? `${vy.sammanstallning.dialogPlaner.length} resultatdialoger dokumenterade i mallen – se Årets resultatdialoger ovan.` : null,
              7: vy.sammanstallning.avstamningar.some((a) => a.anteckningar.trim() !== '') ? 'Anteckningarna från avstämningarna står under Avstämningarna ovan.' : null,
            }}
          />
          <section className="section" aria-labelledby="uf-behover-rubrik">
            <h2 id="uf-behover-rubrik">Det som behöver göras</h2>
            <BehoverGoras key={vy.lasarId} vy={vy} />
          </section>
          <NyPlan vy={vy} save={save} />
          <div className="form-actions">
            {vy.status === 'klar' ? (
              <>
                <span className="tag uf-tag-klar">Årsavslutet är klart</span>
                <button type="button" className="button" onClick={() => void save({ status: 'pagar' }, 'Årsavslutet är öppnat igen.')}>
                  Öppna igen
                </button>
              </>
            ) : (
              <KlarKnapp
                etikett="Markera årsavslutet som klart"
                ofardigt={vy.ofardigt}
                onKlar={(bekraftat) => void save({ status: 'klar', bekraftat }, `Årsavslutet för läsåret ${vy.lasarNamn} är klart.`)}
              />
            )}
          </div>
        </>
      )}
      <Fundera steg={8} />
    </>
  );
}
