import { youtube } from '../../sites/youtube';
import { startContentScript } from '../index';

startContentScript(youtube);
