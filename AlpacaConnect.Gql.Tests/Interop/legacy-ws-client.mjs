// Follows one user's order updates with the real subscriptions-transport-ws client, the legacy `graphql-ws`
// sub-protocol that Apollo Kotlin speaks by default.
// Usage: node legacy-ws-client.mjs <ws-url> <jwt>
// Checks that an invalid operation reaches the client as errors, then subscribes to orderUpdated, collects updates
// until the first FILL, stops the subscription itself and prints one line "RESULT <json>"; exits 1 on a failure.
import transport from 'subscriptions-transport-ws';
import WebSocket from 'ws';

const { SubscriptionClient } = transport;
const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: legacy-ws-client.mjs <ws-url> <jwt>');
  process.exit(2);
}

let connectionError = null;
const client = new SubscriptionClient(url, {
  reconnect: false,
  connectionParams: { authorization: `Bearer ${token}` },
  connectionCallback: (error) => { connectionError = error ?? null; },
}, WebSocket);

const query = `subscription {
  orderUpdated { id event order { id alpacaOrderId symbol status qty filledQty } }
}`;

function invalidOperation() {
  return new Promise((resolve) => {
    client.request({ query: '{ doesNotExist }' }).subscribe({
      next: (value) => resolve({ next: value }),
      error: (errors) => resolve({ errors }),
      complete: () => resolve({ completed: true }),
    });
  });
}

function orderUpdates() {
  return new Promise((resolve, reject) => {
    const updates = [];
    const subscription = client.request({ query }).subscribe({
      next: (value) => {
        if (value.errors) {
          reject(new Error(JSON.stringify(value.errors)));
          return;
        }
        updates.push(value.data.orderUpdated);
        if (value.data.orderUpdated.event === 'FILL') {
          subscription.unsubscribe(); // sends `stop` for this operation
          resolve(updates);
        }
      },
      error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
      complete: () => reject(new Error('the server completed the subscription before the fill')),
    });
    console.log('SUBSCRIBED');
  });
}

try {
  const invalid = await invalidOperation();
  const updates = await orderUpdates();
  console.log(`RESULT ${JSON.stringify({ connectionError, invalid, updates })}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  client.close(); // sends `connection_terminate`, then closes the socket
}
