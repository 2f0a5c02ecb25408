// Estimating the training time left from the epochs so far; the first epoch carries warm-up
// (kernel compilation, first allocations) and alone would overstate the rest several times.

/** Seconds left after `epoch` of `epochs`, given `seconds` elapsed since training began. */
export type EpochEta = (epoch: number, epochs: number, seconds: number) => number;

/** An ETA at the pace of the epochs after the first (the first epoch's pace until there are some). */
export function createEpochEta(): EpochEta {
  let firstEpochSeconds = 0;
  return (epoch, epochs, seconds) => {
    if (epoch === 1) firstEpochSeconds = seconds;
    const perEpoch = epoch <= 1 ? seconds : (seconds - firstEpochSeconds) / (epoch - 1);
    return perEpoch * (epochs - epoch);
  };
}
