// Every slash command and component handler the bot has, written out.
import type { ComponentHandler, SlashCommand } from '../command.ts';
import { moreLikeThis, recommendFromPick } from '../components/recommendComponents.ts';
import { vibeNudge } from '../components/vibeNudge.ts';
import { aboutCommand } from './about.ts';
import { journeyCommand } from './journey.ts';
import { recommendCommand } from './recommend.ts';
import { retrainCommand } from './retrain.ts';
import { similarVibeCommand } from './similarVibe.ts';

export const COMMANDS: readonly SlashCommand[] = [
  recommendCommand,
  similarVibeCommand,
  journeyCommand,
  retrainCommand,
  aboutCommand,
];

export const COMPONENTS: readonly ComponentHandler[] = [moreLikeThis, recommendFromPick, vibeNudge];
