/**
 * Injected by the background when a feed page's first adapter-health check is due (the content
 * script asks, HEALTH_CHECK_DELAYS_MS after a feed page view starts): the check of issue 3, which
 * every feed page runs once or twice but need not carry from its first moment.
 */
import { send } from '../../messaging/send';
import { claimExtra } from '../bridge';
import { checkHealth } from '../health';

const bridge = claimExtra('health');
if (bridge) bridge.checkHealth = (signal) => checkHealth(bridge.adapter, signal, (report) => send('report-health', report));
