/**
 * Injected by the background with the first save from a feed page's Save button (the content
 * script asks, src/content/index.ts): the messages that save and unsave an item, and on a
 * conversation page the reader of the author's self-thread (issue 3), saved with the post as one
 * item. The content script carries neither on every page; the button shows the new state at
 * once and the first save waits for this file.
 */
import { itemKey } from '../../core/items';
import { send } from '../../messaging/send';
import { withSelfThread } from '../../sites/selfThread';
import { claimExtra } from '../bridge';
import { selfThreadOf } from '../thread';

const bridge = claimExtra('save');
if (bridge) {
  const adapter = withSelfThread(bridge.adapter);
  bridge.setSaved = (id, wanted, element, item) =>
    wanted && item
      ? send('save-item', { item, pageUrl: location.href, ...selfThreadOf(adapter, element) })
      : send('unsave-item', { key: itemKey(adapter.site, id) });
}
