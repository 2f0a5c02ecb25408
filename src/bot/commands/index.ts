// Every slash command and component handler the bot has, written out.
import type { ComponentHandler, SlashCommand } from '../command.ts';
import { forgetConfirm } from '../components/forgetConfirm.ts';
import { nextPage, pickFromList } from '../components/listComponents.ts';
import { rateMenu } from '../components/rateMenu.ts';
import { moreLikeThis, recommendFromPick } from '../components/recommendComponents.ts';
import { takeAway } from '../components/takeAway.ts';
import { vibeChainNudge, vibeNudge } from '../components/vibeNudge.ts';
import { aboutCommand } from './about.ts';
import { forgetMeCommand } from './forgetMe.ts';
import { forYouCommand } from './forYou.ts';
import { journeyCommand } from './journey.ts';
import { recommendCommand } from './recommend.ts';
import { retrainCommand } from './retrain.ts';
import { similarVibeCommand } from './similarVibe.ts';

export const COMMANDS: readonly SlashCommand[] = [
  recommendCommand,
  similarVibeCommand,
  journeyCommand,
  forYouCommand,
  forgetMeCommand,
  retrainCommand,
  aboutCommand,
];

export const COMPONENTS: readonly ComponentHandler[] = [
  moreLikeThis,
  recommendFromPick,
  vibeNudge,
  vibeChainNudge,
  nextPage,
  pickFromList,
  rateMenu,
  takeAway,
  forgetConfirm,
];
