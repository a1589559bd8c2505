// The page state is the URL: every input is mirrored in the query string under
// the command line's flag names (BRIEF §8), so a URL reproduces a result. The query's
// fields are the engine's (calc.Fields, written into contract.js at build time); the
// page adds its own parameters.

import { FIELDS, COMPARE_KINDS } from './contract.js';

// Parameters of the page only (not of the engine's query): the doctor view, the
// doctor's own status for the statut social, and what the compare panel compares
// (compare=patient|doctor|referral|custom; cols= the custom cases, see compare.js).
export const PAGE_PARAMS = new Set(['view', 'training', 'compare', 'cols']);

// kindOf reads the compare parameter: one of the engine's comparison kinds
// (calc.CompareKinds), else the patients' comparison.
export function kindOf(value) {
  return COMPARE_KINDS.includes(value) ? value : 'patient';
}

// Every parameter, in the URL's order: the query's fields, then the page's own.
export const PARAMS = [...FIELDS.map((f) => f.name).filter((n) => !PAGE_PARAMS.has(n)), ...PAGE_PARAMS];

// The yes/no parameters: the query's boolean fields (and the page's training box).
export const BOOLEANS = new Set(FIELDS.filter((f) => f.kind === 'bool').map((f) => f.name));

// Longest value kept from a URL; the engine rejects anything longer anyway.
const MAX_LEN = 200;

// readState reads the known parameters of a query string. Values are kept as
// given (a malformed value reaches the engine, which names it in its error).
export function readState(search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const name of PARAMS) {
    const v = params.get(name);
    if (v !== null && v !== '') state[name] = v.slice(0, MAX_LEN);
  }
  return state;
}

// isOn reads a boolean parameter.
export function isOn(v) {
  return v === true || v === '1' || v === 'true';
}

// present reads one parameter of the state as the URL writes it: undefined when the URL
// leaves it out (empty, or an unchecked box), '1' for a checked one.
function present(state, name) {
  const v = state[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (BOOLEANS.has(name) && (v === false || v === '0' || v === 'false')) return undefined;
  return v === true ? '1' : String(v);
}

// toSearch writes the state as a query string in a stable order, leaving out
// empty values and unchecked boxes.
export function toSearch(state) {
  const params = new URLSearchParams();
  for (const name of PARAMS) {
    const v = present(state, name);
    if (v !== undefined) params.set(name, v);
  }
  const s = params.toString();
  return s ? '?' + s : '';
}

// toQuery is the object passed to Honoraria.quote: the same names and values
// as the URL (and as the command line's flags), without the page's own.
export function toQuery(state) {
  const query = {};
  for (const name of PARAMS) {
    const v = PAGE_PARAMS.has(name) ? undefined : present(state, name);
    if (v !== undefined) query[name] = v;
  }
  return query;
}
