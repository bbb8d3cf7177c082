import { useEffect, useState } from 'react';

/**
 * The join QR code, drawn here (the `qrcode` package, loaded on demand) so the console and the
 * projector need no extra request; it encodes <origin>/j/<code>, which opens the phone page.
 */
export function joinUrl(code: string): string {
  return `${location.origin}/j/${encodeURIComponent(code)}`;
}

export function JoinQr({ code, label, size }: { code: string; label: string; size: number }) {
  return <QrCode text={joinUrl(code)} label={label} size={size} />;
}

/** Any text as a QR code image (also the second factor's otpauth:// URI). */
export function QrCode({ text, label, size }: { text: string; label: string; size: number }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode').then((q) =>
      q.default
        .toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
        .then((s) => live && setSvg(s)),
    );
    return () => {
      live = false;
    };
  }, [text]);
  if (!svg) return <div className="qr" style={{ width: size, height: size }} aria-hidden="true" />;
  return (
    <img
      className="qr"
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      width={size}
      height={size}
      alt={label}
    />
  );
}
