// What an app does on its first trade, the same steps for every client library: read the user, the account and the
// guardrails, subscribe to orderUpdated, place a market order, follow it to its fill. Each client script hands
// runScenario its own client. The mutation and the subscription are the app's own, read from examples/.
//
// The test drives it with NodeSession (answers are lines "OUT <json>"):
//   -> {"step":"queried","result":{data,errors?}}       Home (below)
//   -> {"step":"subscribed"}                           OrderUpdated (examples/orderUpdated.graphql) sent, all orders
//   <- {"op":"place","input":{...}}                    once the server holds the subscription (only it can tell)
//   -> {"step":"placed","result":{data,errors?}}       PlaceOrder (examples/placeOrder.graphql); the test then fills it
//   -> {"step":"filled","updates":[...],"report":...}  every update received, once the placed order's FILL arrived;
//                                                      report = what else the client script looked at (its cache)
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const example = (file) => readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8');
export const operations = {
  // GuardrailPolicy has no id: a normalising cache must be told to keep it inside its parent.
  home: 'query Home { me { id name } account { id accountNumber status } guardrails { maxQuantityPerOrder allowedOrderTypes } }',
  placeOrder: example('placeOrder.graphql'),
  orderUpdated: example('orderUpdated.graphql'),
};

const out = (message) => console.log(`OUT ${JSON.stringify(message)}`);

/**
 * client: {
 *   query(document, variables) / mutate(document, variables): Promise<{ data, errors? }>,
 *   subscribe(document, variables, { next(result), error(error) }): a function that stops the subscription,
 *   report(orderId): what else the script checked, e.g. what the client's cache holds for the order (optional),
 * }
 */
export async function runScenario(client) {
  const commands = createInterface({ input: process.stdin });
  out({ step: 'queried', result: await client.query(operations.home, {}) });

  const updates = [];
  let placedId = null;
  let onChange = () => {};
  let failure = null;
  const stop = client.subscribe(operations.orderUpdated, {}, {
    next: (result) => {
      if (result.errors?.length) {
        failure = new Error(`orderUpdated answered errors: ${JSON.stringify(result.errors)}`);
      } else {
        updates.push(result.data.orderUpdated);
      }
      onChange();
    },
    error: (error) => { failure = error instanceof Error ? error : new Error(JSON.stringify(error)); onChange(); },
  });
  out({ step: 'subscribed' });

  const [line] = await once(commands, 'line');
  commands.close();
  const { input } = JSON.parse(line);
  const placed = await client.mutate(operations.placeOrder, { input });
  out({ step: 'placed', result: placed });
  placedId = placed.data?.placeOrder?.order?.id ?? null;
  if (placedId === null) {
    throw new Error('placeOrder returned no order');
  }

  // The fill may have arrived before the mutation's answer did: look at what is there, then at every update.
  const filled = () => updates.some((u) => u.order.id === placedId && u.event === 'FILL');
  await new Promise((resolve, reject) => {
    onChange = () => (failure ? reject(failure) : filled() && resolve());
    onChange();
  });
  stop();
  out({ step: 'filled', updates, report: client.report ? await client.report(placedId) : null });
}
