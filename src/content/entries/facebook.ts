import { facebook } from '../../sites/facebook';
import { startContentScript } from '../index';

startContentScript(facebook);
