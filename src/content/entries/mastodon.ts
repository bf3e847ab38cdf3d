import { mastodonFeed } from '../../sites/mastodon';
import { startContentScript } from '../index';

startContentScript(mastodonFeed);
