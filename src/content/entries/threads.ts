import { threads } from '../../sites/threads';
import { startContentScript } from '../index';

startContentScript(threads);
