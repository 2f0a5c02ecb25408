// Where, if anywhere, the bot token shows up in what a test captured: logs, replies, process output.
import type { TestBot } from '../bot/botHarness.ts';

/** Names of the captured texts that contain `token` (empty when it leaked nowhere). */
export function placesWithToken(token: string, texts: Record<string, string>): string[] {
  return Object.entries(texts)
    .filter(([, text]) => text.includes(token))
    .map(([name]) => name);
}

/** Everything a test bot produced except the Authorization header Discord needs: logs and bodies. */
export function capturedOutput(t: TestBot): Record<string, string> {
  const texts: Record<string, string> = { logs: t.logs() };
  t.discord.requests.forEach((request, i) => {
    texts[`request ${i} ${request.method} ${request.path}`] = JSON.stringify({
      path: request.path,
      query: request.query,
      body: request.body,
      files: request.files.map((file) => file.data.toString('latin1')),
    });
  });
  return texts;
}
