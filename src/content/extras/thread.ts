/**
 * Injected by the background on the first save on a conversation page (the content script asks,
 * src/content/index.ts): the self-thread reader (issue 3), which most saves never need and the
 * content script therefore does not carry on every page. The save waits for it.
 */
import { withSelfThread } from '../../sites/selfThread';
import { claimExtra } from '../bridge';
import { selfThreadOf } from '../thread';

const bridge = claimExtra('thread');
if (bridge) {
  const adapter = withSelfThread(bridge.adapter);
  bridge.selfThreadOf = (element) => selfThreadOf(adapter, element);
}
