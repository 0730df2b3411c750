// A backend or save error in Swedish, announced at once. Renders nothing when there is no error.
interface ErrorAlertProps {
  message: string | null;
  title?: string;
}

export function ErrorAlert({ message, title = 'Det gick inte att spara' }: ErrorAlertProps) {
  // The alert region exists before its text, so screen readers announce the text when it appears.
  return (
    <div role="alert" className={message ? 'alert' : 'alert empty'}>
      {message && (
        <>
          <p className="alert-title">{title}</p>
          <p>{message}</p>
        </>
      )}
    </div>
  );
}
