import { reddit } from '../../sites/reddit';
import { startContentScript } from '../index';

startContentScript(reddit);
