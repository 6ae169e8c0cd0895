// The page's "portfölj" view: several agreement files (one agreement, a
// JSON array or JSON Lines each) sent together to the service's
// /v1/portfolio under their own names, and the board's annual report to the
// council on one party's avtalssamverkan (9 kap. 38 § KL) shown: the drawing
// of the cooperation, the totals, every agreement and the files that could
// not be read. The report's HTML can be downloaded as one printable file.
// Everything shown is set with textContent or built as DOM nodes; the SVG
// drawing comes from the service and is parsed as XML, never as HTML.

const t = (sv, en) => ({ sv, en });

export const portfolioTexts = {
  '#portfolio-link': t('Portfölj: flera avtal, årlig rapport', 'Portfolio: several agreements, annual report'),
  '#portfolio-heading': t('Portfölj: årlig rapport till fullmäktige', 'Portfolio: the annual report to the council'),
  '#portfolio-lead': t('Välj en kommuns eller regions alla avtal (flera JSON- eller JSON Lines-filer). Styrelsen ska årligen rapportera sin avtalssamverkan till fullmäktige (9 kap. 38 § kommunallagen).',
    'Choose all the agreements of a municipality or region (several JSON or JSON Lines files). The board must report its avtalssamverkan to the council every year (9 kap. 38 § kommunallagen).'),
  '#portfolio-files-label': t('Avtalsfiler', 'Agreement files'),
  '#portfolio-party-label': t('Part', 'Party'),
  '#portfolio-year-label': t('År', 'Year'),
  '#portfolio-year-hint': t('Tomt: det senaste bedömningsåret', 'Empty: the latest assessment year'),
  '#portfolio-run': t('Skriv rapporten', 'Write the report'),
  '#portfolio-download': t('Ladda ner rapporten (HTML)', 'Download the report (HTML)'),
  chooseFiles: t('Välj först avtalsfilerna.', 'Choose the agreement files first.'),
  chooseParty: t('Välj en part.', 'Choose a party.'),
  badYear: t('Året ska skrivas ÅÅÅÅ.', 'Write the year as YYYY.'),
  noParties: t('Inga parter hittades i filerna.', 'No parties were found in the files.'),
  filesRead: t('filer valda', 'files chosen'),
  summary: t('Sammanfattning', 'Summary'),
  item: t('Uppgift', 'Item'),
  value: t('Värde', 'Value'),
  agreements: t('Avtal', 'Agreements'),
  asContractor: t('Uppgifter som uppdragstagare', 'Tasks as contractor'),
  asPrincipal: t('Uppgifter som uppdragsgivare', 'Tasks as principal'),
  pays: t('Betalar per år', 'Pays per year'),
  receives: t('Tar emot per år', 'Receives per year'),
  ownShare: t('Egen andel per år', 'Own share per year'),
  attention: t('Att uppmärksamma', 'Needs attention'),
  agreement: t('Avtal', 'Agreement'),
  verdict: t('Resultat', 'Verdict'),
  source: t('Fil', 'File'),
  verdict_ok: t('OK', 'OK'),
  verdict_violations: t('Fel', 'Violations'),
  verdict_incomplete: t('Ofullständigt', 'Incomplete'),
  verdict_invalid: t('Ogiltigt', 'Invalid'),
  unreadable: t('Dokument som inte kunde läsas', 'Documents that could not be read'),
  failed: t('Rapporten kunde inte skrivas', 'The report could not be written'),
  serviceDown: t('Tjänsten svarar inte.', 'The service does not answer.'),
  drawing: t('Samverkan', 'Cooperation'),
};

/** The view: `h.el` builds DOM nodes, `h.lang()` is the page's language. */
export function initPortfolio(h) {
  const $ = id => document.getElementById(id);
  const tr = key => portfolioTexts[key][h.lang()];
  let files = []; // [{ source, text }]
  let last = null; // { report, svg } of the last report shown

  const status = message => { $('portfolio-status').textContent = message; };

  /** The parties named in the files that can be read here (the service reads them all again). */
  function parties() {
    const found = new Map();
    for (const f of files) {
      const docs = [];
      try {
        const v = JSON.parse(f.text);
        docs.push(...(Array.isArray(v) ? v : [v]));
      } catch (e) {
        for (const line of f.text.split('\n')) { try { if (line.trim()) docs.push(JSON.parse(line)); } catch (err) { /* the service names it */ } }
      }
      for (const d of docs) for (const p of (d && Array.isArray(d.parties) ? d.parties : [])) if (p && p.id && !found.has(p.id)) found.set(p.id, p.name || p.id);
    }
    return [...found].sort((a, b) => a[1].localeCompare(b[1], 'sv'));
  }

  function fillParties() {
    const select = $('portfolio-party');
    const keep = select.value;
    const list = parties();
    select.replaceChildren(...list.map(([id, name]) => h.el('option', { value: id }, `${name} (${id})`)));
    if (list.some(([id]) => id === keep)) select.value = keep;
    status(files.length ? `${files.length} ${tr('filesRead')}${list.length ? '' : ' – ' + tr('noParties')}` : '');
  }

  function query(format) {
    const year = $('portfolio-year').value.trim();
    let q = `/v1/portfolio?party=${encodeURIComponent($('portfolio-party').value)}&format=${format}&lang=${h.lang()}`;
    if (year) q += `&year=${encodeURIComponent(year)}`;
    return q;
  }

  /** The request, or an error text. */
  async function request(format) {
    if (!files.length) return { error: tr('chooseFiles') };
    if (!$('portfolio-party').value) return { error: tr('chooseParty') };
    if ($('portfolio-year').value.trim() && !/^\d{4}$/.test($('portfolio-year').value.trim())) return { error: tr('badYear') };
    try {
      const r = await fetch(query(format), {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ documents: files }),
      });
      return { response: r };
    } catch (e) {
      return { error: tr('serviceDown') };
    }
  }

  const money = s => {
    const [kr, ore] = String(s).split('.');
    const grouped = kr.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
    return (h.lang() === 'sv' ? `${grouped},${ore}` : `${grouped.replace(/\u00a0/g, ',')}.${ore}`) + ' kr';
  };

  function table(caption, head, rows, numeric = []) {
    return h.el('table', { class: 'portfolio-table' },
      h.el('caption', { text: caption }),
      h.el('thead', {}, h.el('tr', {}, head.map((x, i) => h.el('th', { scope: 'col', class: numeric[i] ? 'n' : null, text: x })))),
      h.el('tbody', {}, rows.map(r => h.el('tr', {}, r.map((x, i) => h.el(i ? 'td' : 'th', { scope: i ? null : 'row', class: numeric[i] ? 'n' : null, text: x }))))));
  }

  function drawing(svgText) {
    const svg = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
    if (!svg || svg.nodeName !== 'svg') return null;
    const node = document.importNode(svg, true);
    node.removeAttribute('width');
    node.removeAttribute('height');
    node.setAttribute('class', 'portfolio-drawing');
    return h.el('figure', { class: 'portfolio-figure' }, node);
  }

  function render() {
    const out = $('portfolio-result');
    if (!last) { out.replaceChildren(); return; }
    const { report, svg } = last;
    const tt = report.totals;
    const parts = [h.el('h3', { id: 'portfolio-report-heading', text: `${report.party.name || report.party.id} ${report.year}` })];
    const figure = svg ? drawing(svg) : null;
    if (figure) parts.push(h.el('h4', { text: tr('drawing') }), figure);
    parts.push(table(tr('summary'), [tr('item'), tr('value')], [
      [tr('agreements'), String(tt.agreements)], [tr('asContractor'), String(tt.tasks_as_contractor)], [tr('asPrincipal'), String(tt.tasks_as_principal)],
      [tr('pays'), money(tt.pays)], [tr('receives'), money(tt.receives)], [tr('ownShare'), money(tt.own_share)], [tr('attention'), String(tt.attention)],
    ], [false, true]));
    parts.push(table(tr('agreements'), [tr('agreement'), tr('verdict'), tr('source')],
      report.agreements.map(a => [a.title || a.id, tr('verdict_' + a.verdict), a.source])));
    if (report.unreadable.length) {
      parts.push(h.el('div', { class: 'error-summary', role: 'alert', id: 'portfolio-unreadable' },
        h.el('h4', { class: 'error-summary__title', text: tr('unreadable') }),
        h.el('ul', { class: 'error-summary__list' }, report.unreadable.flatMap(u => u.problems.map(p => h.el('li', { text: `${u.source}: ${p.path}: ${p.message}` }))))));
    }
    out.replaceChildren(...parts);
  }

  function failure(problem) {
    const items = (problem.errors || []).flatMap(e => (e.problems || []).map(p => `${e.source}: ${p.path}: ${p.message}`));
    $('portfolio-result').replaceChildren(h.el('div', { class: 'error-summary', role: 'alert', id: 'portfolio-failed' },
      h.el('h4', { class: 'error-summary__title', text: tr('failed') }),
      h.el('p', { text: problem.detail || '' }),
      items.length ? h.el('ul', { class: 'error-summary__list' }, items.map(x => h.el('li', { text: x }))) : null));
  }

  async function run() {
    const j = await request('json');
    if (j.error) { status(j.error); return; }
    const data = await j.response.json();
    if (!j.response.ok) { last = null; failure(data); return; }
    const s = await request('svg');
    last = { report: data, svg: s.response && s.response.ok ? await s.response.text() : null };
    status('');
    render();
  }

  async function downloadHtml() {
    const r = await request('html');
    if (r.error) { status(r.error); return; }
    if (!r.response.ok) { failure(await r.response.json()); return; }
    const url = URL.createObjectURL(new Blob([await r.response.text()], { type: 'text/html' }));
    const a = h.el('a', { href: url, download: `avtalssamverkan-${$('portfolio-party').value}.html` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  $('portfolio-files').addEventListener('change', async e => {
    files = await Promise.all([...e.target.files].map(async f => ({ source: f.name, text: await f.text() })));
    files.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    last = null;
    render();
    fillParties();
  });
  $('portfolio-run').addEventListener('click', run);
  $('portfolio-download').addEventListener('click', downloadHtml);

  /** Called when the page's language changes: the texts, and the report again in that language. */
  return {
    applyLanguage() {
      for (const [key, v] of Object.entries(portfolioTexts)) if (key.startsWith('#') && $(key.slice(1))) $(key.slice(1)).textContent = v[h.lang()];
      if (last) run(); else fillParties();
    },
  };
}
