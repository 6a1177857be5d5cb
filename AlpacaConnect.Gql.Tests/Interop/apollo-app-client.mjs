// An app's Apollo Client 4 as docs/clients.md sets it up: queries and mutations over HTTP, subscriptions over
// graphql-ws (GraphQLWsLink), one normalised InMemoryCache. Runs app-client-scenario.mjs (its header lists the steps);
// `report` is the cache's own entry for the order (Order:<id>) and the order read back through `order(id)` from the
// cache alone.
// Usage: node apollo-app-client.mjs <graphql-url> <jwt>
import { gql } from '@apollo/client';
import WebSocket from 'ws';
import { outcome } from './apollo-client-shared.mjs';
import { runScenario } from './app-client-scenario.mjs';

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: apollo-app-client.mjs <graphql-url> <jwt>');
  process.exit(2);
}

// Browsers and React Native have a WebSocket; Node 20 does not.
globalThis.WebSocket ??= WebSocket;

// snippet:start apollo
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';

const httpLink = new HttpLink({ uri: url, headers: { authorization: `Bearer ${token}` } });
// The server reads the token from connection_init's payload: a browser cannot set headers on a WebSocket.
const wsLink = new GraphQLWsLink(createClient({
  url: url.replace(/^http/, 'ws'),
  connectionParams: { authorization: `Bearer ${token}` },
}));

const client = new ApolloClient({
  link: ApolloLink.split(({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION, wsLink, httpLink),
  cache: new InMemoryCache({
    typePolicies: {
      // order(id) is answered from the cache when the order is there (placed, or seen in orderUpdated).
      Query: {
        fields: {
          order: { read: (existing, { args, toReference }) => existing ?? toReference({ __typename: 'Order', id: args.id }) },
        },
      },
    },
  }),
});
// snippet:end apollo

const cachedOrder = gql`query CachedOrder($id: ID!) { order(id: $id) { id idempotencyKey symbol side status qty filledQty filledAvgPrice } }`;

try {
  await runScenario({
    query: async (document, variables) => outcome(await client.query({ query: gql(document), variables, errorPolicy: 'all' })),
    mutate: async (document, variables) => outcome(await client.mutate({ mutation: gql(document), variables, errorPolicy: 'all' })),
    subscribe: (document, variables, sink) => {
      const subscription = client.subscribe({ query: gql(document), variables }).subscribe({
        next: (result) => sink.next(outcome(result)),
        error: sink.error,
      });
      return () => subscription.unsubscribe();
    },
    report: (id) => ({
      cacheEntry: client.cache.extract()[`Order:${id}`] ?? null,
      cachedOrder: client.readQuery({ query: cachedOrder, variables: { id } })?.order ?? null,
    }),
  });
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  client.stop();
  await wsLink.client.dispose();
}
