import type { ReactNode } from 'react';

/** A button that opens an editing form in place; the form closes itself after saving or on Cancel. */
export function EditToggle({
  label,
  open,
  onOpen,
  children,
}: {
  label: string;
  open: boolean;
  onOpen(): void;
  children: ReactNode;
}) {
  if (open) return <>{children}</>;
  return (
    <button type="button" className="secondary" onClick={onOpen}>
      {label}
    </button>
  );
}
