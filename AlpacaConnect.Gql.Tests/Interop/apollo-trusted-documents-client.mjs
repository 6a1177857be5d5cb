// An app as Apollo documents trusted documents: Apollo Client 4 with its persisted-queries link sending the ids of
// the persisted query manifest (@apollo/persisted-query-lists), queries by GET and mutations by POST, and
// subscriptions over graphql-ws by id as well.
// Usage: node apollo-trusted-documents-client.mjs <graphql-url> <jwt> <manifest.json> <examples-folder>
// Reads one command per line on stdin and answers with lines "OUT <json>":
//   {"op":"run","id":"step","file":"viewer.graphql","variables":{...}}   -> {"id","result":{data,errors?},"requests":[...]}
//   {"op":"subscribe","id":"step","file":"...","variables":{...}}      -> {"id","subscribed":true}, later {"id","next":{...}}
//   {"op":"complete","id":"step"}                                     -> {"id","completed":true}
//   {"op":"requests","id":"x"}                                        -> {"id","requests":[...]} (all sent so far)
//   {"op":"adhoc","id":"x","query":"...","transport":"http"|"ws"}      -> {"id","result":{...}} (text, no persisted-queries link)
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { getMainDefinition } from '@apollo/client/utilities';
import { generatePersistedQueryIdsFromManifest } from '@apollo/persisted-query-lists';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { Observable } from 'rxjs';
import WebSocket from 'ws';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { outcome, recordingFetch } from './apollo-client-shared.mjs';

const [uri, token, manifestPath, examples] = process.argv.slice(2);
if (!uri || !token || !manifestPath || !examples) {
  console.error('usage: apollo-trusted-documents-client.mjs <graphql-url> <jwt> <manifest.json> <examples-folder>');
  process.exit(2);
}

const out = (message) => console.log(`OUT ${JSON.stringify(message)}`);
const requests = [];
const sockets = createClient({
  url: uri.replace(/^http/, 'ws'),
  webSocketImpl: WebSocket,
  connectionParams: { authorization: `Bearer ${token}` },
  retryAttempts: 0,
});

// Apollo's GraphQLWsLink always sends the document's text; this one honours the persisted-queries link's
// "includeQuery: false", so a subscription too is sent by id alone (and records what it sent). graphql-ws
// insists on a string 'query', so the text is an empty one.
const socketLink = new ApolloLink((operation) => new Observable((observer) => {
  const includeQuery = operation.getContext().http?.includeQuery !== false;
  const { operationName, variables, extensions } = operation;
  requests.push({ method: 'WS', operationName, sentQuery: includeQuery, hash: extensions?.persistedQuery?.sha256Hash ?? null });
  return sockets.subscribe(
    { operationName, variables, extensions, query: includeQuery ? print(operation.query) : '' },
    {
      next: (value) => observer.next(value),
      error: (error) => (Array.isArray(error) ? (observer.next({ errors: error }), observer.complete()) : observer.error(error)),
      complete: () => observer.complete(),
    });
}));

const httpLink = new HttpLink({ uri, fetch: recordingFetch(requests), headers: { authorization: `Bearer ${token}` } });
const isSubscription = ({ query }) => getMainDefinition(query).operation === 'subscription';
const transport = ApolloLink.split(isSubscription, socketLink, httpLink);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const byId = new ApolloClient({
  cache: new InMemoryCache(),
  link: new PersistedQueryLink({ ...generatePersistedQueryIdsFromManifest({ loadManifest: () => manifest }), useGETForHashedQueries: true })
    .concat(transport),
});
const adHoc = new ApolloClient({ cache: new InMemoryCache(), link: transport });
const adHocSocket = new ApolloClient({ cache: new InMemoryCache(), link: socketLink });

const subscriptions = new Map();

async function run(client, document, variables) {
  const kind = getMainDefinition(document).operation;
  const options = { variables, fetchPolicy: 'no-cache', errorPolicy: 'all' };
  return outcome(kind === 'mutation'
    ? await client.mutate({ mutation: document, ...options })
    : await client.query({ query: document, ...options }));
}

async function handle(command) {
  const document = command.file ? gql(readFileSync(join(examples, command.file), 'utf8')) : gql(command.query ?? '{ __typename }');
  const sent = requests.length;
  switch (command.op) {
    case 'run':
      out({ id: command.id, result: await run(byId, document, command.variables ?? undefined), requests: requests.slice(sent) });
      break;
    case 'adhoc':
      out({ id: command.id, result: await run(command.transport === 'ws' ? adHocSocket : adHoc, document, command.variables ?? undefined), requests: requests.slice(sent) });
      break;
    case 'subscribe':
      subscriptions.set(command.id, byId.subscribe({ query: document, variables: command.variables ?? undefined, fetchPolicy: 'no-cache', errorPolicy: 'all' })
        .subscribe({
          next: (value) => out({ id: command.id, next: outcome(value) }),
          error: (error) => out({ id: command.id, next: outcome({ error }) }),
        }));
      out({ id: command.id, subscribed: true, requests: requests.slice(sent) });
      break;
    case 'requests':
      out({ id: command.id, requests });
      break;
    case 'complete':
      subscriptions.get(command.id)?.unsubscribe();
      subscriptions.delete(command.id);
      out({ id: command.id, completed: true });
      break;
    default:
      throw new Error(`unknown op ${command.op}`);
  }
}

try {
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim().length > 0) {
      await handle(JSON.parse(line));
    }
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  subscriptions.forEach((s) => s.unsubscribe());
  byId.stop();
  adHoc.stop();
  adHocSocket.stop();
  await sockets.dispose();
}
