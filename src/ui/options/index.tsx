import { render } from 'preact';
import { uiLanguage } from '../shared/i18n';
import { OptionsPage } from './OptionsPage';

document.documentElement.lang = uiLanguage().slice(0, 2);
render(<OptionsPage />, document.getElementById('app') as HTMLElement);
