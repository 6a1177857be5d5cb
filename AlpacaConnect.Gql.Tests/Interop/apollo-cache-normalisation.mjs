// Apollo Client 4 with a plain InMemoryCache (no type policies: every object with __typename and id is normalised by
// default) runs the operations it is given and prints "RESULT <json>": the cache's top-level keys (Typename:id for
// each normalised object) and any operation's errors. Types named after the operations file get keyFields: false,
// the setting that keeps a type out of the normalised store, so a test can show that its check catches that.
// The file holds { possibleTypes, operations: [{ name, document }] }; possibleTypes (each interface and union with its
// members, which Apollo needs to match fragments on them) come from the schema's introspection.
// Usage: node apollo-cache-normalisation.mjs <graphql-url> <jwt> <operations.json> [Typename ...]
import { readFileSync } from 'node:fs';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { outcome } from './apollo-client-shared.mjs';

const [uri, token, file, ...unkeyed] = process.argv.slice(2);
if (!uri || !token || !file) {
  console.error('usage: apollo-cache-normalisation.mjs <graphql-url> <jwt> <operations.json> [Typename ...]');
  process.exit(2);
}

const { possibleTypes, operations } = JSON.parse(readFileSync(file, 'utf8'));
const client = new ApolloClient({
  link: new HttpLink({ uri, headers: { authorization: `Bearer ${token}` } }),
  cache: new InMemoryCache({
    possibleTypes,
    typePolicies: Object.fromEntries(unkeyed.map((name) => [name, { keyFields: false }])),
  }),
});

const errors = {};
try {
  for (const { name, document } of operations) {
    const result = outcome(await client.query({ query: gql(document), fetchPolicy: 'network-only', errorPolicy: 'all' }));
    if (result.errors || !result.data) {
      errors[name] = result.errors ?? 'no data';
    }
  }

  console.log(`RESULT ${JSON.stringify({ keys: Object.keys(client.cache.extract()), errors })}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  client.stop();
}
