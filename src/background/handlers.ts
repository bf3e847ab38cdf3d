/** Every message handler, by area; the type checks that each message type has exactly one. */
import { createCaptureHandlers, unavailableCapture } from './capture';
import type { BackgroundContext } from './context';
import { createDigestHandlers } from './digest';
import { createItemHandlers } from './items';
import type { Handlers } from './router';
import { createSettingsHandlers } from './settings';

export function createHandlers(context: BackgroundContext): Handlers {
  return {
    ...createItemHandlers(context),
    ...createSettingsHandlers(context),
    ...createDigestHandlers(context),
    ...createCaptureHandlers(context, context.capture ?? unavailableCapture),
  };
}
