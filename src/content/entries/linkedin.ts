import { linkedin } from '../../sites/linkedin';
import { startContentScript } from '../index';

startContentScript(linkedin);
