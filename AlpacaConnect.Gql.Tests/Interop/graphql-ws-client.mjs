// Drives the server with the real graphql-ws client (the one the mobile app uses).
// Usage: node graphql-ws-client.mjs <ws-url> <jwt>
// Prints one line "RESULT <json>" with what each check observed; exits 1 on an unexpected failure.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: graphql-ws-client.mjs <ws-url> <jwt>');
  process.exit(2);
}

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { authorization: `Bearer ${token}` },
  retryAttempts: 0,
});

// Collects every event of one operation until it completes or errors.
function run(payload) {
  return new Promise((resolve) => {
    const events = [];
    client.subscribe(payload, {
      next: (value) => events.push({ next: value }),
      error: (error) => resolve({ events, error: Array.isArray(error) ? error : String(error?.reason ?? error) }),
      complete: () => resolve({ events, completed: true }),
    });
  });
}

try {
  const result = {
    query: await run({ query: '{ __typename }' }),
    signedIn: await run({ query: 'query Me { me { id } }', operationName: 'Me' }),
    subscription: await run({ query: 'subscription ($n: Int!) { ticks(count: $n) }', variables: { n: 5 } }),
    invalid: await run({ query: '{ doesNotExist }' }),
    mutation: await run({ query: 'mutation { anything }' }),
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await client.dispose();
}
