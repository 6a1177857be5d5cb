// The real subscriptions-transport-ws client, the legacy `graphql-ws` sub-protocol that Apollo Kotlin speaks by
// default, doing everything over its one socket: queries and mutations as well as the subscription.
// Usage: node legacy-ws-client.mjs <ws-url> <jwt>
// Checks that an invalid operation reaches the client as errors, then runs app-client-scenario.mjs (its header lists
// the steps), stopping the subscription itself after the fill; `report` holds the invalid operation's outcome and
// the connection callback's error (null when the server accepted the connection).
import WebSocket from 'ws';
import { runScenario } from './app-client-scenario.mjs';

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: legacy-ws-client.mjs <ws-url> <jwt>');
  process.exit(2);
}

let connectionError = null;

// snippet:start legacy-ws
import transport from 'subscriptions-transport-ws';

const { SubscriptionClient } = transport;
const client = new SubscriptionClient(url, {
  reconnect: true,
  connectionParams: { authorization: `Bearer ${token}` },
  // A refused connection (bad token, too many sockets) arrives here as `connection_error`, before the socket closes.
  connectionCallback: (error) => { connectionError = error ?? null; },
}, WebSocket);
// snippet:end legacy-ws

// A query or a mutation: its one result (or the errors of an `error` message), then `complete`.
function once(query, variables) {
  return new Promise((resolve, reject) => {
    client.request({ query, variables }).subscribe({
      next: (value) => resolve(value),
      error: (errors) => resolve({ errors }),
      complete: () => reject(new Error('completed without a result')),
    });
  });
}

try {
  const invalid = await once('{ doesNotExist }', {});
  await runScenario({
    query: once,
    mutate: once,
    subscribe: (query, variables, sink) => {
      const subscription = client.request({ query, variables }).subscribe({
        next: sink.next,
        error: (error) => sink.error(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => sink.error(new Error('the server completed the subscription before the fill')),
      });
      return () => subscription.unsubscribe(); // sends `stop` for this operation
    },
    report: () => ({ connectionError, invalid }),
  });
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  client.close(); // sends `connection_terminate`, then closes the socket
}
