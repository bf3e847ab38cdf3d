import { hackernews } from '../../sites/hackernews';
import { startContentScript } from '../index';

startContentScript(hackernews);
