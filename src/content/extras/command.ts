/**
 * Injected by the background when the keyboard command is pressed (src/background/inject.ts),
 * just before it asks the page to save: answers 'save-focused' from then on, using the pointer
 * and focus the content script has been tracking.
 */
import { claimExtra } from '../bridge';
import { listenForSaveCommand } from '../commands';

const bridge = claimExtra('command');
if (bridge) listenForSaveCommand(bridge.adapter, bridge.lifetime, (id) => bridge.showSaved(id), bridge);
