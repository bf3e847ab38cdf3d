import { x } from '../../sites/x';
import { startContentScript } from '../index';

startContentScript(x);
