import { mastodon } from '../../sites/mastodon';
import { startContentScript } from '../index';

startContentScript(mastodon);
