// The peer of `avtal serve` in bench/serve.sh: the service a municipal
// developer would otherwise write in Node.js — an `http` server that reads
// an agreement (avtal/1 JSON) and decides, per task, whether an advertised
// procurement is needed, with json-rules-engine rules for the same four
// exceptions avtal resolves (exercise of authority, direct award under the
// dated limit, the Hamburg cooperation, Teckal). It does less than avtal
// (no validation of the document, no other rules, no explanations), so the
// comparison favours it.
//
//   node server.js PORT THRESHOLDS.json   (the table from `avtal thresholds --format json`)
'use strict';
const http = require('http');
const fs = require('fs');
const { Engine } = require('json-rules-engine');

const port = Number(process.argv[2] || 0);
const table = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));

function limitFor(category, date) {
  for (const row of table.rows) {
    if (row.parameter !== 'direct_award_limit' || row.category !== category) continue;
    if (date < row.valid_from || (row.valid_to && date > row.valid_to)) continue;
    return { amount: Number(row.amount), inclusive: row.inclusive !== false };
  }
  return null;
}

// Months counted for the contract value: the fixed term with extensions;
// at least 48 months until further notice or when no term is stated.
function countedMonths(term) {
  if (!term || term.months == null) return 48;
  const fixed = term.months + (term.extension_months || 0);
  return term.until_further_notice === false ? fixed : Math.max(fixed, 48);
}

const engine = new Engine([], { allowUndefinedFacts: true });
engine.addRule({
  name: 'exception.public_authority',
  conditions: { all: [{ fact: 'nature', operator: 'equal', value: 'exercise_of_authority' }] },
  event: { type: 'exception', params: { id: 'exception.public_authority' } },
});
engine.addRule({
  name: 'exception.direct_award',
  conditions: { all: [{ fact: 'withinDirectAwardLimit', operator: 'equal', value: true }] },
  event: { type: 'exception', params: { id: 'exception.direct_award' } },
});
engine.addRule({
  name: 'exception.hamburg',
  conditions: {
    all: [
      { fact: 'hamburg', path: '$.establishes_cooperation', operator: 'equal', value: true },
      { fact: 'hamburg', path: '$.common_objectives', operator: 'equal', value: true },
      { fact: 'hamburg', path: '$.public_interest_only', operator: 'equal', value: true },
      { fact: 'hamburg', path: '$.open_market_share_percent', operator: 'lessThan', value: 20 },
    ],
  },
  event: { type: 'exception', params: { id: 'exception.hamburg' } },
});
engine.addRule({
  name: 'exception.teckal',
  conditions: {
    all: [
      { fact: 'teckal', path: '$.controlled_entity', operator: 'equal', value: true },
      { fact: 'teckal', path: '$.essential_activity_for_controllers', operator: 'equal', value: true },
    ],
  },
  event: { type: 'exception', params: { id: 'exception.teckal' } },
});

async function decide(agreement) {
  const date = agreement.assessment_date;
  const months = countedMonths(agreement.term);
  const results = [];
  for (const task of agreement.tasks || []) {
    const limit = date ? limitFor(task.category, date) : null;
    const value = task.annual_value == null ? null : (task.annual_value * months) / 12;
    const within = limit && value != null ? (limit.inclusive ? value <= limit.amount : value < limit.amount) : false;
    const facts = { nature: task.nature, withinDirectAwardLimit: within, hamburg: task.hamburg || {}, teckal: task.teckal || {} };
    const { events } = await engine.run(facts);
    const exceptions = events.map((e) => e.params.id);
    results.push({ task: task.id, outcome: exceptions.length ? 'exempt' : 'required', exceptions });
  }
  return { agreement: agreement.id, procurement: results };
}

const server = http.createServer((req, res) => {
  // The HTTP-only row of bench/serve.sh: an answer with no work behind it.
  if (req.method === 'GET' && req.url === '/healthz') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok\n');
    return;
  }
  if (req.method !== 'POST' || req.url.split('?')[0] !== '/v1/check') {
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end('{"status":404}');
    return;
  }
  const chunks = [];
  let size = 0;
  req.on('data', (c) => {
    size += c.length;
    if (size > 1 << 20) req.destroy();
    else chunks.push(c);
  });
  req.on('end', () => {
    let agreement;
    try {
      agreement = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch (e) {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: e.message }));
      return;
    }
    decide(agreement).then(
      (out) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(out));
      },
      (e) => {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: String(e) }));
      });
  });
});
server.keepAliveTimeout = 60000;
server.listen(port, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}/`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
