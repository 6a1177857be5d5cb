// Runs the graphql-http server audit suite against a running server.
// Usage: node graphql-http-audit.mjs <graphql-url>
// Prints one line per audit and a summary; exits 1 when any audit warns or errors.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: graphql-http-audit.mjs <graphql-url>');
  process.exit(2);
}

const results = [];
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  results.push(await audit.fn());
}

const count = (status) => results.filter((r) => r.status === status).length;
for (const r of results) {
  console.log(`${r.status.padEnd(6)} ${r.id} ${r.name}${r.status === 'ok' ? '' : ` -- ${r.reason}`}`);
}
console.log(`SUMMARY total=${results.length} ok=${count('ok')} notice=${count('notice')} warn=${count('warn')} error=${count('error')}`);
process.exit(count('warn') + count('error') === 0 ? 0 : 1);
