/**
 * Injected by the background when the keyboard command is pressed (src/background/inject.ts),
 * just before it asks the page to save: answers 'save-focused' from then on, using the pointer
 * and focus the content script has been tracking.
 */
import { withSelfThread } from '../../sites/selfThread';
import { claimExtra } from '../bridge';
import { listenForSaveCommand } from '../commands';

const bridge = claimExtra('command');
// The content script's adapter has no self-thread reader (see src/sites/selfThread.ts); this file brings it.
if (bridge) listenForSaveCommand(withSelfThread(bridge.adapter), bridge.lifetime, (id) => bridge.showSaved(id), bridge);
