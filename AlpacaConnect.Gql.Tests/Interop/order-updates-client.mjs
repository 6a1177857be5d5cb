// Follows one user's order updates with the real graphql-ws client (the one the mobile app uses).
// Usage: node order-updates-client.mjs <ws-url> <jwt>
// Subscribes to orderUpdated, collects updates until the first FILL, then completes the subscription itself and
// prints one line "RESULT <json>"; exits 1 on an unexpected failure.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: order-updates-client.mjs <ws-url> <jwt>');
  process.exit(2);
}

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { authorization: `Bearer ${token}` },
  retryAttempts: 0,
});

const query = `subscription {
  orderUpdated { id event occurredAt order { id alpacaOrderId symbol side status qty filledQty filledAvgPrice } }
}`;

try {
  const result = await new Promise((resolve, reject) => {
    const updates = [];
    let completedBy = null;
    const stop = client.subscribe({ query }, {
      next: (value) => {
        if (value.errors) {
          reject(new Error(JSON.stringify(value.errors)));
          return;
        }
        const update = value.data.orderUpdated;
        updates.push(update);
        if (update.event === 'FILL') {
          completedBy = 'client';
          stop(); // sends `complete` for this subscription
        }
      },
      error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
      complete: () => resolve({ updates, completedBy: completedBy ?? 'server' }),
    });
    console.log('SUBSCRIBED');
  });
  await client.dispose();
  console.log(`RESULT ${JSON.stringify(result)}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
  await client.dispose();
}
