import { xFeed } from '../../sites/x';
import { startContentScript } from '../index';

startContentScript(xFeed);
