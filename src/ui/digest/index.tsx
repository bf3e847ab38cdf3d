import { render } from 'preact';
import { uiLanguage } from '../shared/i18n';
import { DigestPage } from './DigestPage';

document.documentElement.lang = uiLanguage().slice(0, 2);
render(<DigestPage />, document.getElementById('app') as HTMLElement);
