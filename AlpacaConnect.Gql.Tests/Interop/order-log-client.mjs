// An app's order screen with the real graphql-ws client, driven by the test one command per stdin line:
//   {"cmd":"subscribe","name":"s1","after":null|"<update id>"}  opens a socket and subscribes to orderUpdated(after:)
//   {"cmd":"disconnect"}                                        closes the socket, as a phone losing its network
// Each update is printed as `OUT {"sub":<name>,"update":{...}}`; errors as `OUT {"sub":<name>,"error":...}`.
// Usage: node order-log-client.mjs <ws-url> <jwt>
import { createInterface } from 'node:readline';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: order-log-client.mjs <ws-url> <jwt>');
  process.exit(2);
}

const out = (value) => console.log(`OUT ${JSON.stringify(value)}`);
const query = `subscription($after: ID) {
  orderUpdated(after: $after) { id event order { id status filledQty } }
}`;
let client = null;

async function handle(command) {
  switch (command.cmd) {
    case 'subscribe': {
      client ??= createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
      client.subscribe({ query, variables: { after: command.after ?? null } }, {
        next: (value) => out(value.errors ? { sub: command.name, error: value.errors } : { sub: command.name, update: value.data.orderUpdated }),
        error: (error) => out({ sub: command.name, error: String(error?.message ?? error?.reason ?? error) }),
        complete: () => out({ sub: command.name, complete: true }),
      });
      out({ subscribing: command.name });
      break;
    }
    case 'disconnect':
      await client?.dispose();
      client = null;
      out({ disconnected: true });
      break;
    default:
      out({ unknown: command.cmd });
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim()) await handle(JSON.parse(line));
}
await client?.dispose();
