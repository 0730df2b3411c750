// A keyboard shortcut as shown on screen, e.g. <Kbd keys={['Alt', '1']} />. Inside a control whose shortcut is
// already given by aria-keyshortcuts it is decorative, so the control's name stays "Översikt", not "Översikt Alt 1".
export function Kbd({ keys, decorative = false }: { keys: readonly string[]; decorative?: boolean }) {
  return (
    <span className="kbd-combo" aria-hidden={decorative || undefined}>
      {keys.map((key, i) => (
        <span key={key}>
          {i > 0 && <span aria-hidden="true">+</span>}
          <kbd>{key}</kbd>
        </span>
      ))}
    </span>
  );
}
