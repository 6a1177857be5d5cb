// An app's urql client with Graphcache as docs/clients.md sets it up: fetchExchange for queries and mutations,
// subscriptionExchange forwarding to graphql-ws, Graphcache normalising both, with the schema and keys for the types
// that have no id. Runs app-client-scenario.mjs (its header lists the steps); `report` is the order read back through
// `order(id)` from Graphcache alone, and what Graphcache warned about (every type keyed: none).
// Usage: node urql-client.mjs <graphql-url> <jwt>
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { runScenario } from './app-client-scenario.mjs';

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: urql-client.mjs <graphql-url> <jwt>');
  process.exit(2);
}

// Browsers and React Native have a WebSocket; Node 20 does not.
globalThis.WebSocket ??= WebSocket;
// Graphcache warns through console.warn (outside production) about entities it cannot key.
const warnings = [];
console.warn = (...args) => warnings.push(args.join(' '));
// An app bundles the schema's text (or the introspection built from it) at build time.
const schemaText = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');

// snippet:start urql
import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { createClient } from 'graphql-ws';

// With the schema Graphcache matches `... on Error` in payload errors exactly instead of guessing.
const schema = introspectionFromSchema(buildSchema(schemaText));
// The types without an id (payloads, errors, MarketClock, GuardrailPolicy, ...) live inside their parent.
// Graphcache warns about any type it cannot key, so name them all.
const keys = {};
for (const type of schema.__schema.types) {
  if (type.kind === 'OBJECT' && !type.name.startsWith('__') && !type.fields.some((field) => field.name === 'id')) {
    keys[type.name] ??= () => null;
  }
}

const sockets = createClient({
  url: url.replace(/^http/, 'ws'),
  // The server reads the token from connection_init's payload: a browser cannot set headers on a WebSocket.
  connectionParams: { authorization: `Bearer ${token}` },
});

const client = new Client({
  url,
  fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
  exchanges: [
    cacheExchange({
      schema,
      keys,
      // order(id) is answered from the cache when the order is there (placed, or seen in orderUpdated).
      resolvers: { Query: { order: (_, args) => ({ __typename: 'Order', id: args.id }) } },
    }),
    fetchExchange,
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({ unsubscribe: sockets.subscribe({ ...request, query: request.query ?? '' }, sink) }),
      }),
    }),
  ],
});
// snippet:end urql

const cachedOrder = 'query CachedOrder($id: ID!) { order(id: $id) { id idempotencyKey symbol side status qty filledQty filledAvgPrice } }';

// What urql hands an app, shaped like a GraphQL response.
const outcome = ({ data, error }) => ({
  data: data ?? null,
  ...(error ? { errors: error.graphQLErrors.length > 0 ? error.graphQLErrors : [{ message: error.message }] } : {}),
});

try {
  await runScenario({
    query: async (document, variables) => outcome(await client.query(document, variables).toPromise()),
    mutate: async (document, variables) => outcome(await client.mutation(document, variables).toPromise()),
    subscribe: (document, variables, sink) => {
      const { unsubscribe } = client.subscription(document, variables).subscribe((result) => sink.next(outcome(result)));
      return unsubscribe;
    },
    report: (id) => {
      const result = client.readQuery(cachedOrder, { id }, { requestPolicy: 'cache-only' });
      return { cachedOrder: result?.data?.order ?? null, stale: result?.stale ?? null, warnings };
    },
  });
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await sockets.dispose();
}
