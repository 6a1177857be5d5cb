// Drives the server with the real graphql-sse client (distinct connections mode), the transport a web or mobile team
// picks where WebSockets are not an option. Usage: node graphql-sse-client.mjs <graphql-url> <jwt>
// Runs the Viewer query, subscribes to orderUpdated, then waits for one line on stdin, {"input": <PlaceOrderInput>},
// places that order through the same client and collects the order's updates until its FILL. Each step prints a line
// OUT {"step": ...} (query, subscribed, mutation, updates), or OUT {"step": "failed", ...} and exits 1.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const [graphqlUrl, token] = process.argv.slice(2);
if (!graphqlUrl || !token) {
  console.error('usage: graphql-sse-client.mjs <graphql-url> <jwt>');
  process.exit(2);
}

// snippet:start graphql-sse
import { createClient } from 'graphql-sse';

const client = createClient({
  // The GraphQL endpoint itself: the client asks it for `Accept: text/event-stream`.
  url: graphqlUrl,
  // A function, so every request (and every reconnection) sends the token the app holds by then.
  headers: () => ({ Authorization: `Bearer ${token}` }),
});
// snippet:end graphql-sse

const out = (value) => console.log(`OUT ${JSON.stringify(value)}`);
const example = (name) => readFileSync(new URL(`../../examples/${name}.graphql`, import.meta.url), 'utf8');

// The client retries a lost or refused connection by itself; here that would hide a server fault, so it fails the run.
const noRetries = (reject) => ({
  connecting: (reconnecting) => reconnecting && reject(new Error('the client reconnected')),
});

// Runs one operation to its `complete`, with every result it sent.
function run(request) {
  return new Promise((resolve, reject) => {
    const results = [];
    client.subscribe(request, { next: (value) => results.push(value), error: reject, complete: () => resolve(results) }, noRetries(reject));
  });
}

// Follows the user's orders until a FILL, then stops the subscription from the client's side.
function orderUpdatesUntilFill() {
  return new Promise((resolve, reject) => {
    const updates = [];
    const stop = client.subscribe(
      { query: example('orderUpdated'), operationName: 'OrderUpdated', variables: { orderId: null } },
      {
        next: (value) => {
          if (value.errors) {
            reject(new Error(JSON.stringify(value.errors)));
            return;
          }
          updates.push(value.data.orderUpdated);
          if (value.data.orderUpdated.event === 'FILL') {
            stop();
            resolve(updates);
          }
        },
        error: reject,
        complete: () => reject(new Error('the subscription completed before the fill')),
      },
      { ...noRetries(reject), connected: () => out({ step: 'subscribed' }) },
    );
  });
}

const input = createInterface({ input: process.stdin });
const lines = input[Symbol.asyncIterator]();
try {
  out({ step: 'query', results: await run({ query: example('viewer'), operationName: 'Viewer' }) });
  const filled = orderUpdatesUntilFill();
  filled.catch(() => {}); // handled when awaited below; meanwhile a failure must not end the process unreported
  const { value } = await lines.next();
  const { input: order } = JSON.parse(value);
  out({ step: 'mutation', results: await run({ query: example('placeOrder'), operationName: 'PlaceOrder', variables: { input: order } }) });
  out({ step: 'updates', updates: await filled });
} catch (error) {
  out({ step: 'failed', error: String(error?.stack ?? error) });
  process.exitCode = 1;
} finally {
  input.close();
  client.dispose();
}
