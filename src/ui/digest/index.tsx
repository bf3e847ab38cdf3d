import { render } from 'preact';
import { uiLanguage } from '../shared/i18n';
import { DigestPage } from './DigestPage';

document.documentElement.lang = uiLanguage().slice(0, 2);
// digest.html?day=2026-03-10 opens a past day (the notification opens today's).
const day = new URLSearchParams(location.search).get('day') ?? undefined;
render(<DigestPage initialDay={day} />, document.getElementById('app') as HTMLElement);
