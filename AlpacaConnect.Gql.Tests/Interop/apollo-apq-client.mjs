// Apollo Client 4 with its persisted-queries link in default (automatic persisted queries) mode.
// Usage: node apollo-apq-client.mjs <graphql-url> <jwt>
// Runs one query twice and prints "RESULT <json>": both answers and every request that went over the wire.
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { createHash } from 'node:crypto';
import { outcome, recordingFetch } from './apollo-client-shared.mjs';

const [uri, token] = process.argv.slice(2);
if (!uri || !token) {
  console.error('usage: apollo-apq-client.mjs <graphql-url> <jwt>');
  process.exit(2);
}

const requests = [];
const client = new ApolloClient({
  cache: new InMemoryCache(),
  link: new PersistedQueryLink({ sha256: (text) => createHash('sha256').update(text).digest('hex') })
    .concat(new HttpLink({ uri, fetch: recordingFetch(requests), headers: { authorization: `Bearer ${token}` } })),
});

const query = gql`query Me { me { id } }`;
try {
  const first = outcome(await client.query({ query, fetchPolicy: 'no-cache', errorPolicy: 'all' }));
  const second = outcome(await client.query({ query, fetchPolicy: 'no-cache', errorPolicy: 'all' }));
  console.log(`RESULT ${JSON.stringify({ first, second, requests })}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  client.stop();
}
