import { render } from 'preact';
import { App } from './App';
import { uiLanguage } from '../shared/i18n';

document.documentElement.lang = uiLanguage().slice(0, 2);
render(<App />, document.getElementById('app') as HTMLElement);
