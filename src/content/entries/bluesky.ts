import { blueskyFeed } from '../../sites/bluesky';
import { startContentScript } from '../index';

startContentScript(blueskyFeed);
