// Everything the REST routes share: the world, stored messages, registered commands, open interactions.
import type { RegisteredCommands } from './commands.ts';
import type { FileHost } from './files.ts';
import type { MessageStore } from './messages.ts';
import type { InteractionReply } from './replies.ts';
import type { World } from './world.ts';

/** How interaction callbacks fared: Discord's one-acknowledgement and 3 s rules, counted. */
export interface AckStats {
  accepted: number;
  /** Rejected with 40060: the interaction was already acknowledged (a double reply). */
  duplicates: number;
  /** Rejected with 10062: the callback came after the interaction timed out. */
  late: number;
}

export interface FakeState {
  acks: AckStats;
  world: World;
  messages: MessageStore;
  files: FileHost;
  commands: RegisteredCommands;
  /** Open interactions by token (webhook routes know only the token). */
  replies: Map<string, InteractionReply>;
  /** Where clients connect: ws://127.0.0.1:PORT */
  gatewayUrl: () => string;
}
