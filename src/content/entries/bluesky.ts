import { bluesky } from '../../sites/bluesky';
import { startContentScript } from '../index';

startContentScript(bluesky);
