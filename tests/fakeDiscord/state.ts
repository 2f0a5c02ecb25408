// Everything the REST routes share: the world, stored messages, registered commands, open interactions.
import type { RegisteredCommands } from './commands.ts';
import type { FileHost } from './files.ts';
import type { MessageStore } from './messages.ts';
import type { InteractionReply } from './replies.ts';
import type { World } from './world.ts';

export interface FakeState {
  world: World;
  messages: MessageStore;
  files: FileHost;
  commands: RegisteredCommands;
  /** Open interactions by token (webhook routes know only the token). */
  replies: Map<string, InteractionReply>;
  /** Where clients connect: ws://127.0.0.1:PORT */
  gatewayUrl: () => string;
}
