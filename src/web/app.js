// avtal web page: a form for the whole avtal/1 model, a live check against
// the service's /v1/check, the method guide, import and export. Everything
// displayed is set with textContent or built as DOM nodes: agreement text
// is user data and is never parsed as HTML.
import * as F from './fields.js';
import { ui } from './i18n.js';
import { initPortfolio } from './portfolio.js';

let lang = 'sv';
let doc = emptyAgreement();
let examples = [];
let schemaEnums = null; // enum values the service accepts, from its JSON Schema
let perTask = false; // compensation stated per task (tasks with different contractors) instead of for the agreement
let lastReport = null;
let portfolio = null; // the "portfölj" view (portfolio.js)
let pending = null; // the debounced check's timer, until it fires
let inFlight = 0; // checks sent and not yet shown
let sequence = 0;
const timings = [];
// For the browser tests: `busy` is true while a check is scheduled or in
// flight, so a test waits for the result of its own edit, not an earlier one.
window.__avtal = { timings, get report() { return lastReport; }, get agreement() { return agreementJson(); }, get busy() { return pending !== null || inFlight > 0; } };

const $ = id => document.getElementById(id);
const tr = key => (ui[key] ? ui[key][lang] : key);
const txt = v => (v && typeof v === 'object' && 'sv' in v ? v[lang] : v);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

function emptyAgreement() {
  return {
    schema: 'avtal/1', id: '', title: '', assessment_date: null,
    term: {}, parties: [], tasks: [],
    delegation: { delegates: [] },
    compensation: { cost_per_year: {}, allocation: { key: null, weights: null } },
    information: {}, oversight: {}, staff: {}, clauses: null,
  };
}

// ---- paths ---------------------------------------------------------------

function getAt(obj, path) {
  let cur = obj;
  for (const part of path) {
    if (cur === null || cur === undefined) return undefined;
    cur = cur[part];
  }
  return cur;
}

function setAt(obj, path, value) {
  let cur = obj;
  for (let i = 0; i < path.length - 1; ++i) {
    const k = path[i];
    if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = typeof path[i + 1] === 'number' ? [] : {};
    cur = cur[k];
  }
  const last = path[path.length - 1];
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

const pointer = path => '/' + path.join('/');
const domId = path => 'f-' + path.join('-').replace(/[^A-Za-z0-9_-]/g, '_');

// ---- reading values ------------------------------------------------------

/** An amount as the service reads it (a decimal string), or an error text. */
function parseAmount(raw) {
  const s = raw.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (s === '') return { value: undefined };
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return { error: tr('errAmount') };
  return { value: s };
}
function parsePercent(raw) {
  const s = raw.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (s === '') return { value: undefined };
  if (!/^\d+(\.\d{1,6})?$/.test(s) || Number(s) > 100) return { error: tr('errPercent') };
  return { value: Number(s) };
}
function parseInt10(raw) {
  const s = raw.replace(/[\s\u00a0]/g, '');
  if (s === '') return { value: undefined };
  if (!/^\d+$/.test(s)) return { error: tr('errWhole') };
  return { value: Number(s) };
}
const inputErrors = new Map(); // pointer -> message

function noteError(path, label, message) {
  const p = pointer(path);
  if (message) inputErrors.set(p, { label, message });
  else inputErrors.delete(p);
  const field = document.getElementById(domId(path))?.closest('.field');
  if (field) {
    field.classList.toggle('field--error', !!message);
    let m = field.querySelector('.field-error');
    if (message && !m) {
      m = el('span', { class: 'field-error', id: domId(path) + '-error' });
      field.querySelector('label, legend')?.after(m);
      document.getElementById(domId(path))?.setAttribute('aria-describedby', domId(path) + '-hint ' + domId(path) + '-error');
    }
    if (m) m.textContent = message || '';
    if (!message && m) {
      m.remove();
      document.getElementById(domId(path))?.setAttribute('aria-describedby', domId(path) + '-hint');
    }
  }
}

// ---- building the form ---------------------------------------------------

function hint(path, f) {
  return el('span', { class: 'hint', id: domId(path) + '-hint' }, txt(f.hint) || '', f.cite ? el('cite', {}, ' (' + f.cite + ')') : null);
}

function enumOptions(name) {
  const list = F.enums[name] || [];
  const allowed = schemaEnums && schemaEnums[name];
  const known = allowed ? list.filter(([v]) => allowed.includes(v)) : list;
  if (allowed) for (const v of allowed) if (!known.some(([k]) => k === v)) known.push([v, { sv: v, en: v }]);
  return known;
}

const refFields = new WeakMap(); // element -> how to rebuild it when ids change

/** Rebuilds, in place, the controls that list parties or tasks, and the item headings. */
function refreshRefs() {
  for (const e of document.querySelectorAll('[data-ref]')) {
    if (e.contains(document.activeElement)) continue;
    const r = refFields.get(e);
    if (r) e.replaceWith(r());
  }
  for (const h of document.querySelectorAll('[data-heading-of]')) {
    const [kind, i] = h.getAttribute('data-heading-of').split(':');
    const item = kind === 'party' ? doc.parties[i] : doc.tasks[i];
    h.textContent = `${tr(kind)} ${Number(i) + 1}${item && (item.name || item.id) ? ': ' + (kind === 'party' ? item.name || item.id : item.id) : ''}`;
  }
}

function field(path, f, onChange) {
  const built = buildField(path, f, onChange);
  if (['party', 'parties', 'task'].includes(f.type)) {
    built.setAttribute('data-ref', f.type);
    refFields.set(built, () => field(path, f, onChange));
  }
  return built;
}

function buildField(path, f, onChange) {
  const id = domId(path);
  const value = getAt(doc, path);
  const changed = () => { onChange?.(); schedule(); };
  if (f.type === 'tri' || f.type === 'bool') {
    const current = value === true ? 'yes' : value === false ? 'no' : 'unknown';
    const choices = f.type === 'bool' ? [['yes', tr('yes')], ['no', tr('no')]] : [['yes', tr('yes')], ['no', tr('no')], ['unknown', tr('unknown')]];
    const fs = el('fieldset', { class: 'field tri', 'data-path': pointer(path), id, 'aria-describedby': id + '-hint' },
      el('legend', {}, txt(f.label)), hint(path, f));
    const opts = el('div', { class: 'options' });
    for (const [v, label] of choices) {
      const rid = id + '-' + v;
      const checked = f.type === 'bool' ? (v === 'yes' ? value === true : value !== true) : current === v;
      opts.append(el('span', { class: 'option' },
        el('input', { type: 'radio', name: id, id: rid, value: v, checked, onchange: () => {
          setAt(doc, path, v === 'yes' ? true : v === 'no' ? (f.type === 'bool' ? undefined : false) : null);
          changed();
        } }),
        el('label', { for: rid }, label)));
    }
    fs.append(opts);
    return fs;
  }
  if (f.type === 'parties') {
    const fs = el('fieldset', { class: 'field checks', 'data-path': pointer(path), id, 'aria-describedby': id + '-hint' },
      el('legend', {}, txt(f.label)), hint(path, f));
    const opts = el('div', { class: 'options' });
    const chosen = Array.isArray(value) ? value : [];
    doc.parties.forEach((p, i) => {
      if (!p.id) return;
      const cid = id + '-' + i;
      opts.append(el('span', { class: 'option' },
        el('input', { type: 'checkbox', id: cid, checked: chosen.includes(p.id), onchange: e => {
          const now = new Set(Array.isArray(getAt(doc, path)) ? getAt(doc, path) : []);
          if (e.target.checked) now.add(p.id); else now.delete(p.id);
          setAt(doc, path, doc.parties.map(q => q.id).filter(q => now.has(q)));
          changed();
        } }),
        el('label', { for: cid }, p.name || p.id)));
    });
    if (!opts.children.length) opts.append(el('span', { class: 'hint' }, tr('noPartiesYet')));
    fs.append(opts);
    return fs;
  }
  const wrap = el('div', { class: 'field', 'data-path': pointer(path) });
  wrap.append(el('label', { for: id }, txt(f.label)), hint(path, f));
  if (f.type === 'tolerance') return toleranceField(wrap, path, f, value);
  let input;
  if (f.type === 'enum' || f.type === 'party' || f.type === 'task') {
    input = el('select', { id, 'aria-describedby': id + '-hint', onchange: e => { setAt(doc, path, e.target.value === '' ? null : e.target.value); changed(); } });
    input.append(el('option', { value: '' }, tr('unknownChoice')));
    const opts = f.type === 'enum' ? enumOptions(f.options)
      : f.type === 'party' ? doc.parties.filter(p => p.id).map(p => [p.id, p.name || p.id])
      : doc.tasks.filter(x => x.id).map(x => [x.id, x.description ? x.id + ' – ' + x.description : x.id]);
    for (const [v, label] of opts) input.append(el('option', { value: v, selected: value === v }, txt(label)));
  } else {
    const type = 'text'; // dates too: a text field with the format in its hint, as GOV.UK advises
    const shown = value === null || value === undefined ? '' : String(value);
    input = el('input', { type, id, value: shown, 'aria-describedby': id + '-hint', autocomplete: 'off', spellcheck: f.type === 'text' ? null : 'false',
      inputmode: ['amount', 'percent'].includes(f.type) ? 'decimal' : f.type === 'int' ? 'numeric' : null,
      class: ['amount', 'percent', 'int'].includes(f.type) ? 'narrow' : ['title', 'name', 'description'].includes(f.key) ? 'wide' : null,
      oninput: e => {
        const raw = e.target.value;
        let r = { value: raw === '' ? undefined : raw };
        if (f.type === 'amount') r = parseAmount(raw);
        else if (f.type === 'percent') r = parsePercent(raw);
        else if (f.type === 'int') r = parseInt10(raw);
        else if (f.type === 'date') r = raw.trim() === '' ? { value: null } : /^\d{4}-\d{2}-\d{2}$/.test(raw.trim()) ? { value: raw.trim() } : { error: tr('errDate') };
        noteError(path, txt(f.label), r.error);
        if (!r.error) setAt(doc, path, f.type === 'text' ? raw : r.value);
        if (f.type === 'text' && (path.at(-1) === 'id' || path.at(-1) === 'name' || path.at(-1) === 'description')) refreshRefs();
        schedule();
      } });
    input.value = shown;
  }
  wrap.append(input);
  return wrap;
}

/** An amount in kronor, or {"percent": …} of the principals' part of the cost: a figure and its unit. */
function toleranceField(wrap, path, f, value) {
  const id = domId(path);
  const isPercent = value !== null && typeof value === 'object';
  const shown = isPercent ? String(value.percent ?? '') : value === null || value === undefined ? '' : String(value);
  const input = el('input', { type: 'text', id, value: shown, class: 'narrow', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': id + '-hint' });
  const unit = el('select', { id: id + '-unit', 'aria-describedby': id + '-hint' });
  for (const [v, label] of F.enums.tolerance_unit) unit.append(el('option', { value: v, selected: (v === 'percent') === isPercent }, txt(label)));
  const apply = () => {
    const percent = unit.value === 'percent';
    const r = percent ? parsePercent(input.value) : parseAmount(input.value);
    noteError(path, txt(f.label), r.error);
    if (!r.error) setAt(doc, path, r.value === undefined ? undefined : percent ? { percent: r.value } : r.value);
    schedule();
  };
  input.addEventListener('input', apply);
  unit.addEventListener('change', apply);
  input.value = shown;
  wrap.append(el('span', { class: 'inline' }, input, el('label', { for: id + '-unit', class: 'visually-hidden' }, tr('toleranceUnit')), unit));
  return wrap;
}

function fields(basePath, list, onChange, subject) {
  return list.filter(f => !f.only || f.only(subject ?? getAt(doc, basePath) ?? {})).map(f => field([...basePath, f.key], f, onChange));
}

function section(titleKey, hintKey, ...content) {
  const id = 'sec-' + titleKey;
  return el('fieldset', { id, class: 'section' }, el('legend', {}, tr(titleKey)), hintKey ? el('p', { class: 'hint' }, tr(hintKey)) : null, ...content);
}

function itemBlock(kind, index, title, removeLabel, onRemove, ...content) {
  const hid = `${kind}-${index}-heading`;
  return el('div', { class: 'item', role: 'group', 'aria-labelledby': hid },
    el('div', { class: 'item__header' }, el('h3', { id: hid, 'data-heading-of': `${kind}:${index}` }, title),
      el('button', { type: 'button', class: 'button button--warning', onclick: onRemove }, removeLabel)),
    ...content);
}

function renderForm(focusId) {
  const form = $('agreement-form');
  const rerender = () => { const f = document.activeElement?.id; renderForm(f); };
  const sections = [];
  sections.push(section('secAgreement', null, ...fields([], F.agreementFields), ...fields(['term'], F.termFields)));

  const parties = doc.parties.map((p, i) => itemBlock('party', i, `${tr('party')} ${i + 1}${p.name ? ': ' + p.name : ''}`,
    `${tr('remove')} ${tr('party').toLowerCase()} ${i + 1}`, () => { doc.parties.splice(i, 1); rerender(); schedule(); },
    ...fields(['parties', i], F.partyFields, rerender, p),
    el('fieldset', { class: 'subsection' }, el('legend', {}, tr('otherAwards')), el('p', { class: 'hint' }, tr('otherAwardsHint')),
      ...fields(['parties', i, 'other_direct_awards_same_kind'], F.otherAwardFields))));
  sections.push(section('secParties', 'secPartiesHint', ...parties,
    el('button', { type: 'button', class: 'button button--secondary', id: 'add-party', onclick: () => { doc.parties.push({ id: '', name: '', kind: null }); renderForm(domId(['parties', doc.parties.length - 1, 'id'])); schedule(); } }, tr('addParty'))));

  const tasks = doc.tasks.map((task, i) => itemBlock('task', i, `${tr('task')} ${i + 1}${task.id ? ': ' + task.id : ''}`,
    `${tr('remove')} ${tr('task').toLowerCase()} ${i + 1}`, () => { doc.tasks.splice(i, 1); rerender(); schedule(); },
    ...fields(['tasks', i], F.taskFields, refreshRefs),
    shareFields(['tasks', i, 'principal_shares'], task.principals || [], 'shares', rerender),
    el('fieldset', { class: 'subsection' }, el('legend', {}, tr('hamburg')), el('p', { class: 'hint' }, tr('hamburgHint')), ...fields(['tasks', i, 'hamburg'], F.hamburgFields)),
    el('fieldset', { class: 'subsection' }, el('legend', {}, tr('teckal')), el('p', { class: 'hint' }, tr('teckalHint')), ...fields(['tasks', i, 'teckal'], F.teckalFields)),
    perTask ? el('fieldset', { class: 'subsection', 'data-path': pointer(['tasks', i, 'compensation']) }, el('legend', {}, tr('taskCompensation')),
      el('p', { class: 'hint' }, tr('taskCompensationHint')), ...compensationContent(['tasks', i, 'compensation'], rerender)) : null));
  sections.push(section('secTasks', 'secTasksHint', ...tasks,
    el('button', { type: 'button', class: 'button button--secondary', id: 'add-task', onclick: () => { doc.tasks.push(newTask()); renderForm(domId(['tasks', doc.tasks.length - 1, 'id'])); schedule(); } }, tr('addTask'))));

  const delegates = (doc.delegation.delegates || []).map((d, i) => itemBlock('delegate', i, `${tr('delegate')} ${i + 1}`,
    `${tr('remove')} ${tr('delegate').toLowerCase()} ${i + 1}`, () => { doc.delegation.delegates.splice(i, 1); rerender(); schedule(); },
    ...fields(['delegation', 'delegates', i], F.delegateFields)));
  sections.push(section('secDelegation', 'secDelegationHint', ...fields(['delegation'], F.delegationFields), ...delegates,
    el('button', { type: 'button', class: 'button button--secondary', id: 'add-delegate', onclick: () => { (doc.delegation.delegates ||= []).push({}); renderForm(domId(['delegation', 'delegates', doc.delegation.delegates.length - 1, 'task'])); schedule(); } }, tr('addDelegate'))));

  const perTaskId = 'f-compensation-per-task';
  sections.push(section('secCompensation', 'secCompensationHint',
    el('p', { class: 'option' }, el('input', { type: 'checkbox', id: perTaskId, checked: perTask, 'aria-describedby': perTaskId + '-hint', onchange: e => {
      setPerTask(e.target.checked); renderForm(perTaskId); schedule();
    } }), el('label', { for: perTaskId }, tr('perTask')), ' ', el('span', { class: 'hint', id: perTaskId + '-hint' }, tr('perTaskHint'), el('cite', {}, ' (2 kap. 6 § kommunallagen)'))),
    ...(perTask ? [el('p', { class: 'hint' }, tr('perTaskWhere'))] : compensationContent(['compensation'], rerender))));

  sections.push(section('secInformation', null, ...fields(['information'], F.informationFields)));
  sections.push(section('secOversight', null, ...fields(['oversight'], F.oversightFields)));
  sections.push(section('secStaff', null, ...fields(['staff'], F.staffFields), ...fields([], F.otherFields)));
  sections.push(clauseSection());
  form.replaceChildren(...sections);
  if (focusId) document.getElementById(focusId)?.focus();
}

const SKR_CITE = 'SKR, Avtalssamverkan inom socialtjänsten (2023), kap. 2';

const newTask = () => ({ id: '', hamburg: {}, teckal: {}, ...(perTask ? { compensation: emptyCompensation() } : {}) });
const emptyCompensation = () => ({ cost_per_year: {}, allocation: { key: null, weights: null } });

/** Compensation for the whole agreement, or for each task (one object per task) when the tasks have different contractors. */
function setPerTask(on) {
  perTask = on;
  if (on) {
    for (const t of doc.tasks) t.compensation ||= structuredClone(doc.compensation || emptyCompensation());
    delete doc.compensation;
  } else {
    doc.compensation = doc.tasks.find(t => t.compensation)?.compensation || emptyCompensation();
    for (const t of doc.tasks) delete t.compensation;
  }
}

/** The fields of one compensation object (the agreement's or a task's) at `base`. */
function compensationContent(base, rerender) {
  let c = getAt(doc, base);
  if (!c || typeof c !== 'object') setAt(doc, base, c = emptyCompensation());
  c.cost_per_year ||= {};
  const allocation = c.allocation ||= { key: null, weights: null };
  return [...fields(base, F.compensationFields),
    el('fieldset', { class: 'subsection' }, el('legend', {}, tr('cost')), el('p', { class: 'hint' }, tr('costHint')), ...fields([...base, 'cost_per_year'], F.costFields)),
    el('fieldset', { class: 'subsection' }, el('legend', {}, tr('allocation')),
      field([...base, 'allocation', 'key'], { type: 'enum', options: 'allocation_key', label: { sv: 'Fördelningsnyckel', en: 'Allocation key' }, hint: { sv: 'Hur kostnaden fördelas mellan parterna.', en: 'How the cost is shared.' }, cite: SKR_CITE }, rerender),
      allocation.key && allocation.key !== 'population' ? shareFields([...base, 'allocation', 'weights'], doc.parties.map(p => p.id).filter(Boolean), 'weights', rerender) : null)];
}

function shareFields(path, ids, kind, rerender) {
  const built = buildShareFields(path, ids, kind, rerender);
  built.setAttribute('data-ref', kind);
  refFields.set(built, () => shareFields(path, kind === 'shares' ? getAt(doc, [...path.slice(0, -1), 'principals']) || [] : doc.parties.map(p => p.id).filter(Boolean), kind, rerender));
  return built;
}

function buildShareFields(path, ids, kind, rerender) {
  const map = getAt(doc, path);
  const fs = el('fieldset', { class: 'field subsection', 'data-path': pointer(path), id: domId(path) },
    el('legend', {}, tr(kind === 'shares' ? 'shares' : 'weights')),
    el('span', { class: 'hint', id: domId(path) + '-hint' }, tr(kind === 'shares' ? 'sharesHint' : 'weightsHint'), el('cite', {}, ` (${kind === 'shares' ? '5 kap. och 19 a kap. LOU' : SKR_CITE})`)));
  if (!ids.length) fs.append(el('span', { class: 'hint' }, tr('noPartiesYet')));
  for (const pid of ids) {
    const party = doc.parties.find(p => p.id === pid);
    const fpath = [...path, pid];
    const id = domId(fpath);
    const v = map && map[pid] !== undefined && map[pid] !== null ? String(map[pid]) : '';
    fs.append(el('div', { class: 'field', 'data-path': pointer(fpath) },
      el('label', { for: id }, party?.name || pid),
      el('input', { type: 'text', id, class: 'narrow', inputmode: 'decimal', value: v, oninput: e => {
        const r = parsePercent(e.target.value);
        noteError(fpath, party?.name || pid, kind === 'shares' ? r.error : (e.target.value.trim() === '' || /^\d+([.,]\d{1,6})?$/.test(e.target.value.trim()) ? null : tr('errNumber')));
        let m = getAt(doc, path);
        if (!m || typeof m !== 'object') m = {};
        const val = e.target.value.trim().replace(',', '.');
        if (val === '') delete m[pid]; else if (!Number.isNaN(Number(val))) m[pid] = Number(val);
        setAt(doc, path, Object.keys(m).length ? m : null);
        schedule();
      } })));
  }
  return fs;
}

function clauseSection() {
  const path = ['clauses'];
  const known = Array.isArray(doc.clauses);
  const fs = el('fieldset', { class: 'section field checks', id: domId(path), 'data-path': '/clauses', 'aria-describedby': domId(path) + '-hint' },
    el('legend', {}, tr('secClauses')),
    el('span', { class: 'hint', id: domId(path) + '-hint' }, tr('secClausesHint'), el('cite', {}, ' (SKR, Avtalssamverkan inom socialtjänsten (2023), kap. 2; Socialstyrelsen, Avtal och överenskommelser)')));
  const unknownId = domId(path) + '-unknown';
  fs.append(el('p', { class: 'option' }, el('input', { type: 'checkbox', id: unknownId, checked: !known, onchange: e => {
    doc.clauses = e.target.checked ? null : [];
    renderForm(unknownId); schedule();
  } }), el('label', { for: unknownId }, tr('clausesUnknown'))));
  const opts = el('div', { class: 'options' });
  for (const [v, label] of enumOptions('clause')) {
    const cid = domId(path) + '-' + v;
    opts.append(el('span', { class: 'option' }, el('input', { type: 'checkbox', id: cid, disabled: !known, checked: known && doc.clauses.includes(v), onchange: e => {
      const set = new Set(doc.clauses || []);
      if (e.target.checked) set.add(v); else set.delete(v);
      doc.clauses = enumOptions('clause').map(([k]) => k).filter(k => set.has(k));
      schedule();
    } }), el('label', { for: cid }, txt(label))));
  }
  fs.append(opts);
  return fs;
}

// ---- the agreement as the service reads it -------------------------------

/** Drops empty objects and unknown (null) leaves the reader treats as unknown anyway. */
function cleaned(value) {
  if (Array.isArray(value)) return value.map(cleaned);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const c = cleaned(v);
      if (c && typeof c === 'object' && !Array.isArray(c) && Object.keys(c).length === 0 && k !== 'principal_shares') continue;
      out[k] = c;
    }
    return out;
  }
  return value;
}

function agreementJson() {
  const a = cleaned(structuredClone(doc));
  if (a.title === '') delete a.title;
  if (a.id === '') delete a.id;
  for (const t of a.tasks || []) if (t.principal_shares === null) delete t.principal_shares;
  // A party's other direct awards: an object only when something is stated (its amount and category are required).
  for (const p of a.parties || []) {
    const o = p.other_direct_awards_same_kind;
    if (o && Object.values(o).every(v => v === null || v === undefined)) delete p.other_direct_awards_same_kind;
  }
  if (perTask) delete a.compensation;
  if (a.delegation && !(a.delegation.delegates || []).length) a.delegation.delegates = [];
  return a;
}

// ---- the check -----------------------------------------------------------

function schedule() {
  clearTimeout(pending);
  pending = setTimeout(runCheck, 250);
}

async function post(path, body, accept = 'application/json') {
  const r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: accept }, body: JSON.stringify(body) });
  return r;
}

async function runCheck() {
  clearTimeout(pending);
  pending = null;
  inFlight++;
  try {
    await checkAndShow();
  } finally {
    inFlight--;
  }
}

async function checkAndShow() {
  const seq = ++sequence;
  showErrors();
  const body = agreementJson();
  const start = performance.now();
  let response, data;
  try {
    response = await post(`/v1/check?format=json&all=true&explain=true&lang=${lang}`, body);
    data = await response.json();
  } catch (e) {
    if (seq === sequence) renderResults(null, tr('serviceDown'));
    return;
  }
  timings.push(performance.now() - start);
  if (seq !== sequence) return;
  if (!response.ok) {
    lastReport = null;
    renderProblems(data);
    return;
  }
  lastReport = data;
  renderResults(data);
  loadGuide(body, seq);
}

async function loadGuide(body, seq) {
  try {
    const r = await post(`/v1/guide?format=json&lang=${lang}`, body);
    if (!r.ok || seq !== sequence) return;
    renderGuide(await r.json());
  } catch (e) { /* the guide is optional */ }
}

// ---- showing problems and results ----------------------------------------

function fieldFor(path) {
  const exact = document.querySelector(`[data-path="${CSS.escape(path)}"]`);
  if (exact) return exact;
  for (const e of document.querySelectorAll('[data-path]')) if (e.getAttribute('data-path').startsWith(path + '/')) return e;
  const parent = path.split('/').slice(0, -1).join('/');
  return parent ? fieldFor(parent) : null;
}

function focusField(path) {
  const f = fieldFor(path);
  if (!f) return false;
  const target = f.matches('input, select') ? f : f.querySelector('input:checked, input, select') || f;
  target.scrollIntoView({ block: 'center' });
  target.focus();
  return true;
}

function pathLabel(path) {
  const f = fieldFor(path);
  const label = f?.querySelector('legend, label')?.textContent || f?.closest('.field')?.querySelector('label, legend')?.textContent;
  return label ? `${label} (${path})` : path;
}

function findOutLink(path) {
  const f = fieldFor(path);
  return el('a', { href: '#' + (f?.id || f?.querySelector('[id]')?.id || ''), class: 'find-out-link', 'data-target': path, onclick: e => { e.preventDefault(); focusField(path); } }, pathLabel(path));
}

function showErrors(serviceProblems = []) {
  const box = $('error-summary');
  const list = $('error-summary-list');
  list.replaceChildren();
  for (const [p, { label, message }] of inputErrors) list.append(el('li', {}, el('a', { href: '#', onclick: e => { e.preventDefault(); focusField(p); } }, `${label}: ${message}`)));
  for (const prob of serviceProblems) {
    const p = prob.path || '';
    list.append(el('li', {}, p ? el('a', { href: '#', onclick: e => { e.preventDefault(); focusField(p); } }, `${pathLabel(p)}: ${prob.message}`) : prob.message));
  }
  box.hidden = list.children.length === 0;
}

function renderProblems(data) {
  const problems = data?.problems || (data?.detail ? [{ path: '', message: data.detail }] : [{ path: '', message: tr('badInput') }]);
  showErrors(problems);
  $('results').replaceChildren(el('p', { class: 'verdict verdict--invalid' }, tr('verdictInvalid')),
    el('p', {}, tr('invalidHint')));
}

const valueText = v => tr(v === 'yes' ? 'yes' : v === 'no' ? 'no' : 'unknownValue'); // a result: «Okänt», not the answer «Vet inte»

function tree(node) {
  if (!node) return null;
  const li = el('li', {}, el('span', { class: `value value--${node.value}` }, valueText(node.value)), ' ', node.text || node.id,
    node.citation ? el('span', { class: 'finding__citation' }, ` (${node.citation})`) : null);
  for (const n of node.notes || []) li.append(el('div', { class: 'hint' }, n));
  if (node.children?.length) li.append(el('ul', {}, node.children.map(tree)));
  return li;
}

function findingBlock(f) {
  const block = el('div', { class: `finding finding--${f.status} finding--${f.severity}` },
    el('p', {}, f.message),
    el('p', { class: 'finding__citation' }, el('span', { class: 'finding__rule' }, f.rule), ' · ', f.citation));
  if (f.status === 'violated' && f.subject) {
    block.append(el('p', { class: 'find-out' }, tr('goTo') + ' ', findOutLink(f.subject)));
  }
  if (f.missing?.length) {
    block.append(el('p', { class: 'find-out' }, tr('findOut') + ' ', ...f.missing.flatMap((m, i) => [i ? ', ' : '', findOutLink(m)])));
  }
  if (f.explanation) block.append(el('details', { 'data-key': `${f.rule} ${f.subject}` }, el('summary', {}, tr('why')), el('ul', { class: 'tree' }, tree(f.explanation))));
  return block;
}

function group(titleKey, list) {
  if (!list.length) return null;
  return el('section', { class: 'group' }, el('h3', {}, `${tr(titleKey)} (${list.length})`), ...list.map(findingBlock));
}

function money(amount) {
  const [kr, ore] = String(amount).split('.');
  const grouped = kr.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'sv' ? '\u00a0' : ',');
  return lang === 'sv' ? `${grouped}${ore && ore !== '00' ? ',' + ore : ''}\u00a0kr` : `SEK ${grouped}${ore && ore !== '00' ? '.' + ore : ''}`;
}

function partyName(id) {
  const p = doc.parties.find(q => q.id === id);
  return p?.name || id;
}

function allocationBlock(lines) {
  if (!lines?.length) return null;
  const table = el('table', {}, el('caption', {}, tr('allocationCaption')),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, tr('party')), el('th', { scope: 'col', class: 'num' }, tr('amountPerYear')))),
    el('tbody', {}, lines.map(l => el('tr', {}, el('th', { scope: 'row' }, partyName(l.party) + (l.own_share ? ` (${tr('ownShare')})` : '')), el('td', { class: 'num' }, money(l.amount))))));
  const max = Math.max(...lines.map(l => Number(l.amount)), 1);
  const rowH = 26, labelW = 170, barW = 260, height = lines.length * rowH + 8;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('viewBox', `0 0 ${labelW + barW + 120} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', tr('chartLabel'));
  lines.forEach((l, i) => {
    const y = 4 + i * rowH;
    const name = document.createElementNS(ns, 'text');
    name.setAttribute('x', '0'); name.setAttribute('y', String(y + 16));
    name.textContent = partyName(l.party);
    const bar = document.createElementNS(ns, 'rect');
    bar.setAttribute('x', String(labelW)); bar.setAttribute('y', String(y + 3));
    bar.setAttribute('height', '16'); bar.setAttribute('width', String(Math.max(1, Math.round(barW * Number(l.amount) / max))));
    bar.setAttribute('fill', l.own_share ? 'var(--bar-own)' : 'var(--bar)');
    const amount = document.createElementNS(ns, 'text');
    amount.setAttribute('x', String(labelW + barW + 6)); amount.setAttribute('y', String(y + 16));
    amount.textContent = money(l.amount);
    svg.append(name, bar, amount);
  });
  return el('section', { class: 'allocation' }, el('h3', {}, tr('allocation')), svg, table);
}

/** A value the check bounds: «x», «x – y», or «minst x» when a fact leaves the high end open (null). */
const range = (low, high, show) => high === null ? `${tr('atLeast')} ${show(low)}` : String(high) === String(low) ? show(low) : `${show(low)} – ${show(high)}`;

function procurementBlock(list) {
  if (!list?.length) return null;
  return el('section', { class: 'procurement' }, el('h3', {}, tr('procurement')), ...list.map(p => {
    const part = el('div', { class: 'procurement-task', 'data-task': p.task },
      el('h4', {}, `${p.task}: ${tr('outcome_' + p.outcome) || p.outcome}`));
    const table = el('table', {}, el('caption', { class: 'visually-hidden' }, `${tr('exceptions')} ${p.task}`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, tr('exception')), el('th', { scope: 'col' }, tr('answer')))),
      el('tbody', {}, (p.exceptions || []).map(x => el('tr', { 'data-exception': x.id }, el('th', { scope: 'row' }, x.explanation?.text || x.id),
        el('td', {}, el('span', { class: `value value--${x.value}` }, valueText(x.value)))))));
    part.append(table);
    if (p.direct_award?.length) {
      part.append(el('table', { class: 'direct-award' }, el('caption', {}, tr('directAward')),
        el('thead', {}, el('tr', {}, ...['principal', 'value', 'period', 'limit', 'within'].map(k => el('th', { scope: 'col' }, tr('da_' + k))))),
        el('tbody', {}, p.direct_award.map(d => el('tr', { 'data-principal': d.principal }, el('th', { scope: 'row' }, partyName(d.principal)),
          el('td', { class: 'num' }, range(d.value_low, d.value_high, money)), el('td', { class: 'num' }, range(d.months_low, d.months_high, String)),
          el('td', { class: 'num' }, d.limit ? money(d.limit.amount) + (d.limit.inclusive ? '' : '\u00a0*') : tr('noLimit')),
          el('td', {}, el('span', { class: `value value--${d.within}` }, valueText(d.within))))))));
      const sources = [...new Set(p.direct_award.filter(d => d.limit).map(d => d.limit.source))];
      if (p.direct_award.some(d => d.limit && !d.limit.inclusive)) part.append(el('p', { class: 'hint' }, `* ${tr('exclusive')}`));
      if (sources.length) part.append(el('p', { class: 'hint' }, `${tr('source')}: ${sources.join('; ')}`));
    }
    for (const x of p.exceptions || []) if (x.explanation) part.append(el('details', { 'data-key': `${p.task} ${x.id}` }, el('summary', {}, `${tr('why')}: ${x.explanation.text || x.id}`), el('ul', { class: 'tree' }, tree(x.explanation))));
    for (const n of p.notes || []) part.append(el('p', { class: 'hint' }, n));
    return part;
  }));
}

function renderResults(report, error) {
  const out = $('results');
  if (!report) {
    out.replaceChildren(el('p', { class: 'verdict verdict--pending' }, error || tr('waiting')));
    return;
  }
  const f = report.findings || [];
  // The explanations the user opened stay open as the result updates.
  const opened = new Set([...out.querySelectorAll('details[data-key]')].filter(d => d.open).map(d => d.dataset.key));
  const errorViolated = f.filter(x => x.severity === 'error' && x.status === 'violated');
  const errorUndetermined = f.filter(x => x.severity === 'error' && x.status === 'undetermined');
  const deviations = f.filter(x => x.severity === 'warning' && x.status === 'violated');
  const guidanceUndetermined = f.filter(x => x.severity === 'warning' && x.status === 'undetermined');
  const info = f.filter(x => x.severity === 'info');
  out.replaceChildren(...[
    el('p', { class: `verdict verdict--${report.verdict}`, id: 'verdict', 'data-verdict': report.verdict }, tr('verdict_' + report.verdict)),
    group('groupErrors', errorViolated), group('groupUndetermined', errorUndetermined), group('groupGuidance', deviations),
    group('groupGuidanceUndetermined', guidanceUndetermined), group('groupInfo', info),
    procurementBlock(report.procurement), allocationBlock(report.allocation),
    report.receipt ? el('p', { class: 'hint receipt' }, `${tr('receipt')}: avtal ${report.receipt.avtal} · ${tr('rules')} ${report.receipt.rules}`) : null,
  ].filter(Boolean));
  for (const d of out.querySelectorAll('details[data-key]')) if (opened.has(d.dataset.key)) d.open = true;
}

/** The method guide (avtal-guide/1): each step with its progress, the parts of step 2A, each item and the facts to find out. */
function renderGuide(g) {
  const box = $('guide');
  const steps = g.steps || [];
  const items = steps.flatMap(s => s.items || []);
  const done = items.filter(i => i.status === 'done').length;
  const item = i => el('li', { 'data-item': i.id },
    el('span', { class: `status status--${i.status}` }, tr('status_' + i.status)), ' ', i.text,
    i.source === 'check' ? el('span', { class: 'hint' }, ' ' + tr('fromCheck')) : null,
    i.missing?.length ? el('p', { class: 'find-out' }, tr('findOut') + ' ', ...i.missing.flatMap((m, k) => [k ? ', ' : '', findOutLink(m)])) : null);
  const next = steps.find(s => s.code === g.next);
  const wasOpen = new Map([...box.querySelectorAll('details[data-step]')].map(d => [d.dataset.step, d.open]));
  box.replaceChildren(
    el('p', { class: 'guide-progress', id: 'guide-progress' }, `${done} ${tr('of')} ${items.length} ${tr('itemsDone')}`),
    el('progress', { max: items.length, value: done, 'aria-labelledby': 'guide-progress' }),
    el('p', { class: 'guide-next' }, next ? `${tr('nextStep')} ${next.code} ${next.title}` : tr('allDone')),
    ...steps.map(s => {
      const own = (s.items || []).filter(i => i.status === 'done').length;
      const parts = s.parts || [];
      const list = parts.length
        ? parts.map(p => el('div', { class: 'guide-part' }, el('h4', {}, `${p.title} – ${tr('status_' + p.status).toLowerCase()}`),
          el('ul', {}, s.items.filter(i => i.part === p.part).map(item))))
        : [el('ul', {}, (s.items || []).map(item))];
      return el('details', { class: `guide-step guide-step--${s.status}`, 'data-step': s.code, open: wasOpen.get(s.code) ?? s.code === g.next },
        el('summary', {}, `${s.code} ${s.title} – ${tr('status_' + s.status).toLowerCase()} (${own}/${(s.items || []).length})`), ...list);
    }),
    g.source ? el('p', { class: 'hint' }, `${tr('source')}: ${g.source}`) : null);
}

// ---- import, export ------------------------------------------------------

function load(json) {
  const base = emptyAgreement();
  doc = Object.assign(base, structuredClone(json));
  doc.term ||= {}; doc.parties ||= []; doc.tasks ||= []; doc.delegation ||= {}; doc.delegation.delegates ||= [];
  perTask = !json.compensation && doc.tasks.some(t => t.compensation);
  if (perTask) delete doc.compensation;
  for (const c of perTask ? doc.tasks.map(t => t.compensation ||= emptyCompensation()) : [doc.compensation ||= emptyCompensation()]) {
    c.cost_per_year ||= {}; c.allocation ||= { key: null, weights: null };
  }
  doc.information ||= {}; doc.oversight ||= {}; doc.staff ||= {};
  for (const t of doc.tasks) { t.hamburg ||= {}; t.teckal ||= {}; }
  inputErrors.clear();
  renderForm();
  runCheck();
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function memo() {
  const r = await post(`/v1/check?format=markdown&lang=${lang}`, agreementJson(), 'text/markdown');
  return r.ok ? r.text() : null;
}

function status(message) { $('toolbar-status').textContent = message; }

function applyLanguage() {
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll('[id]')) if (ui['#' + e.id]) e.textContent = ui['#' + e.id][lang];
  $('lang-switch').textContent = lang === 'sv' ? 'English' : 'Svenska';
  $('lang-switch').setAttribute('lang', lang === 'sv' ? 'en' : 'sv');
  fillExamples();
  renderForm();
  runCheck();
  if (portfolio) portfolio.applyLanguage();
}

function fillExamples() {
  const select = $('example-select');
  select.replaceChildren(...examples.map(x => el('option', { value: x.file }, x.title)));
}

async function init() {
  try {
    const s = await (await fetch('/v1/schema/agreement')).json();
    schemaEnums = enumsFromSchema(s);
  } catch (e) { schemaEnums = null; }
  try { examples = await (await fetch('/examples/index.json')).json(); } catch (e) { examples = []; }
  if (!schemaEnums) { F.enums.clause = F.enums.clause.filter(([v]) => v !== 'take_back'); }
  $('lang-switch').addEventListener('click', () => { lang = lang === 'sv' ? 'en' : 'sv'; applyLanguage(); });
  $('example-load').addEventListener('click', async () => {
    const file = $('example-select').value;
    if (!file) return;
    load(await (await fetch('/examples/' + encodeURIComponent(file))).json());
    status(tr('loaded') + ' ' + file);
  });
  $('file-open').addEventListener('change', async e => {
    const file = e.target.files[0];
    if (!file) return;
    try { load(JSON.parse(await file.text())); status(tr('loaded') + ' ' + file.name); } catch (err) { status(tr('notJson')); }
    e.target.value = '';
  });
  $('new-agreement').addEventListener('click', () => { load(emptyAgreement()); status(tr('newDone')); });
  $('save-json').addEventListener('click', () => download((doc.id || 'avtal') + '.json', 'application/json', JSON.stringify(agreementJson(), null, 2) + '\n'));
  $('copy-memo').addEventListener('click', async () => {
    const m = await memo();
    if (m === null) { status(tr('memoFailed')); return; }
    try { await navigator.clipboard.writeText(m); status(tr('copied')); } catch (e) { download((doc.id || 'avtal') + '.md', 'text/markdown', m); status(tr('downloaded')); }
  });
  $('download-memo').addEventListener('click', async () => {
    const m = await memo();
    if (m === null) status(tr('memoFailed')); else { download((doc.id || 'avtal') + '.md', 'text/markdown', m); status(tr('downloaded')); }
  });
  $('print').addEventListener('click', () => window.print());
  portfolio = initPortfolio({ el, lang: () => lang });
  applyLanguage();
}

/** The enumerations of the service's JSON Schema, by the form's names. */
function enumsFromSchema(schema) {
  const found = {};
  const walk = (node, key) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node.enum) && key) found[key] = node.enum.filter(v => v !== null);
    for (const [k, v] of Object.entries(node)) walk(v, k === 'items' || k === 'properties' || k === '$defs' ? key : k);
  };
  walk(schema, null);
  const map = { decision_body: 'decision_body', kind: 'kind', nature: 'nature', area: 'area', category: 'category', onward_delegation: 'onward', to: 'delegate_to', matter: 'matter', arrangement: 'arrangement', key: 'allocation_key', clauses: 'clause' };
  const out = {};
  for (const [k, name] of Object.entries(map)) if (found[k]) out[name] = found[k];
  return Object.keys(out).length ? out : null;
}

init();
