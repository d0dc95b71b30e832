/**
 * functions.json for WPS 表格, in the format the wpsjs scanner writes it
 * ({functions: [{name, description, parameters: [{name, description, type}], result: {type}}]},
 * wpsjs/src/vite_plugins.js), made from the metadata custom-functions-metadata generates from the
 * JSDoc of src/functions/functions.ts (the Office build's single source) and the Chinese
 * descriptions of src/functions/zh-cn.json. Types as the scanner names them: "any[][]" for a
 * range (matrix) parameter, "number", "string", "bool", "any"; "?" after an optional one.
 * Function names are the English ids: the scanner accepts only ^[a-zA-Z_][a-zA-Z0-9_]*$.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const WPS_FUNCTION_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function wpsType(entry) {
  const base = entry.type === 'boolean' ? 'bool' : entry.type ?? 'any';
  return entry.dimensionality === 'matrix' ? `${base}[][]` : base;
}

/** Office custom-functions metadata + zh-cn table → the WPS functions.json object. */
export function toWpsFunctions(office, zh) {
  const functions = office.functions.map((fn) => {
    const t = zh.functions[fn.id];
    if (!t) throw new Error(`zh-cn.json: no Chinese description for ${fn.id}`);
    if (!WPS_FUNCTION_NAME.test(fn.id)) throw new Error(`function name ${fn.id} is not accepted by WPS (${WPS_FUNCTION_NAME})`);
    return {
      name: fn.id,
      description: t.description,
      parameters: (fn.parameters ?? []).map((p) => {
        const tp = t.parameters[p.name];
        if (!tp) throw new Error(`zh-cn.json: no Chinese description for ${fn.id} parameter ${p.name}`);
        return { name: p.name, description: `${tp[0]}：${tp[1]}`, type: `${wpsType(p)}${p.optional ? '?' : ''}` };
      }),
      result: { type: wpsType(fn.result ?? {}) },
    };
  });
  return { functions };
}

/** Generates it from the sources (used by webpack.wps.config.js). */
export async function generateWpsFunctions() {
  const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');
  const generated = await generateCustomFunctionsMetadata(path.join(root, 'src/functions/functions.ts'));
  if (generated.errors.length > 0) throw new Error(`custom functions metadata: ${generated.errors.join('; ')}`);
  const zh = JSON.parse(readFileSync(path.join(root, 'src/functions/zh-cn.json'), 'utf8'));
  return toWpsFunctions(JSON.parse(generated.metadataJson), zh);
}
