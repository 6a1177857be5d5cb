// A Standard Webhooks receiver verifying with the reference npm library (standardwebhooks), as an operator's backend would.
// Usage: node webhook-receiver.mjs <statuses> <secret> [<secret> ...]
//   statuses: comma-separated answers in order, the last one repeating: 200, 500, 429@7 (with Retry-After: 7),
//   301 (with a Location), hang (never answers).
// Prints "OUT {"listening":<port>}", then one "OUT <json>" per request: its webhook-id and timestamp, the raw body,
// and for each secret (in argument order, each verified on its own, as receivers holding only that secret would)
// true or the library's error message. A line {"verify":{"body":...,"headers":{...}}} on stdin verifies that message
// with each secret and prints "OUT {"replayed":[...]}" (a test's tampered copy of a request). Exits when stdin closes.
import http from 'node:http';
import { Webhook } from 'standardwebhooks';

const [statusList, ...secrets] = process.argv.slice(2);
if (!statusList || secrets.length === 0) {
  console.error('usage: webhook-receiver.mjs <statuses> <secret> [<secret> ...]');
  process.exit(2);
}

const statuses = statusList.split(',');
const receivers = secrets.map((secret) => new Webhook(secret));
const hanging = [];
let count = 0;

const verify = (receiver, body, headers) => {
  try {
    receiver.verify(body, headers);
    return true;
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
};

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const answer = statuses[Math.min(count, statuses.length - 1)];
    count += 1;
    console.log('OUT ' + JSON.stringify({
      request: count,
      method: req.method,
      id: req.headers['webhook-id'] ?? null,
      timestamp: req.headers['webhook-timestamp'] ?? null,
      signature: req.headers['webhook-signature'] ?? null,
      contentType: req.headers['content-type'] ?? null,
      body: body.toString('utf8'),
      verified: receivers.map((receiver) => verify(receiver, body, req.headers)),
      answer,
    }));
    if (answer === 'hang') {
      hanging.push(res);
      return;
    }
    const [status, retryAfter] = answer.split('@');
    const headers = { 'content-type': 'text/plain' };
    if (retryAfter) headers['retry-after'] = retryAfter;
    if (status.startsWith('3')) headers.location = 'http://127.0.0.1:9/elsewhere';
    res.writeHead(Number(status), headers);
    res.end('ok');
  });
});

server.listen(0, '127.0.0.1', () => console.log('OUT ' + JSON.stringify({ listening: server.address().port })));
process.stdin.setEncoding('utf8');
let pending = '';
process.stdin.on('data', (data) => {
  pending += data;
  let newline;
  while ((newline = pending.indexOf('\n')) >= 0) {
    const line = pending.slice(0, newline).trim();
    pending = pending.slice(newline + 1);
    if (!line) continue;
    const { verify: message } = JSON.parse(line);
    const body = Buffer.from(message.body, 'utf8');
    console.log('OUT ' + JSON.stringify({ replayed: receivers.map((receiver) => verify(receiver, body, message.headers)) }));
  }
});
process.stdin.on('end', () => {
  hanging.forEach((res) => res.destroy());
  server.close(() => process.exit(0));
});
