// Snowflake ids shaped like Discord's: milliseconds since the Discord epoch, then a counter.
const discordEpoch = 1_420_070_400_000n;
let counter = 0n;

/** A fresh, increasing snowflake id as Discord would mint it. */
export function nextSnowflake(): string {
  counter = (counter + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - discordEpoch) << 22n) | counter).toString();
}

/** The creation time encoded in a snowflake, as an ISO timestamp. */
export function snowflakeTime(id: string): string {
  return new Date(Number((BigInt(id) >> 22n) + discordEpoch)).toISOString();
}
