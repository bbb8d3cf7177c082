import './phone.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initPhoneI18n } from './i18n.ts';
import { PhoneApp } from './PhoneApp.tsx';

initPhoneI18n();

// Keeps this page's files so a reload with no network still opens it (see phone-sw.js).
if ('serviceWorker' in navigator && window.isSecureContext) {
  void navigator.serviceWorker.register('/phone-sw.js', { scope: '/' }).catch(() => undefined);
}

const root = document.getElementById('root');
if (!root) throw new Error('phone.html has no #root');
createRoot(root).render(
  <StrictMode>
    <PhoneApp />
  </StrictMode>,
);
