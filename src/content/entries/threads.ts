import { threadsFeed } from '../../sites/threads';
import { startContentScript } from '../index';

startContentScript(threadsFeed);
