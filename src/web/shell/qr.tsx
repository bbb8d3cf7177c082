import { useEffect, useState } from 'react';
import type { SiteInfo } from '../../contract/setup.ts';
import { call } from '../http.ts';

let knownBase: string | undefined;
let asking: Promise<string> | undefined;

/** Where phones join: the server's PUBLIC_URL or LAN address (GET /api/site), else this page's. */
function fetchJoinBase(): Promise<string> {
  asking ??= call<SiteInfo>('GET', '/api/site').then(
    (s) => (knownBase = s.joinBase ?? location.origin),
    () => {
      asking = undefined; // ask again next time; meanwhile this page's own address
      return location.origin;
    },
  );
  return asking;
}

/** The base of join links, this page's origin until the server has said (once per page load). */
export function useJoinBase(): string {
  const [base, setBase] = useState(knownBase ?? location.origin);
  useEffect(() => {
    let live = true;
    void fetchJoinBase().then((b) => live && setBase(b));
    return () => {
      live = false;
    };
  }, []);
  return base;
}

/**
 * The join QR code, drawn here (the `qrcode` package, loaded on demand) so the console and the
 * projector need no extra request; it encodes <base>/j/<code>, which opens the phone page.
 */
export function joinUrl(code: string, base: string): string {
  return `${base}/j/${encodeURIComponent(code)}`;
}

export function JoinQr({ code, label, size }: { code: string; label: string; size: number }) {
  const base = useJoinBase();
  return <QrCode text={joinUrl(code, base)} label={label} size={size} />;
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
