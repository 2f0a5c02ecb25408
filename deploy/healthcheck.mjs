// The container's HEALTHCHECK: exits 0 when the bot's /healthz answers 200 (ready), 1 otherwise.
// Node itself rather than curl, which the slim runtime image does not have.
/* global process, console, fetch, AbortSignal -- Node 20 globals (a plain .mjs: no TypeScript types) */
const port = process.env.NEXTBEAT_HEALTH_PORT;
if (!port) {
  console.error('NEXTBEAT_HEALTH_PORT is not set: the health server is off');
  process.exit(1);
}
try {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, {
    signal: AbortSignal.timeout(4_000),
  });
  process.exit(response.status === 200 ? 0 : 1);
} catch (error) {
  console.error(`/healthz unreachable on port ${port}: ${error.message}`);
  process.exit(1);
}
