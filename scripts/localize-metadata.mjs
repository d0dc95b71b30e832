/**
 * Builds the zh-CN custom-functions metadata from the English metadata (generated from the
 * JSDoc) and the translation table src/functions/zh-cn.json. Ids stay; names, descriptions and
 * parameter names are translated. Fails loudly when a function or parameter has no translation.
 */
export function localizeMetadata(english, table) {
  const functions = english.functions.map((fn) => {
    const t = table.functions[fn.id];
    if (!t) throw new Error(`zh-cn.json: no translation for function ${fn.id}`);
    const parameters = (fn.parameters ?? []).map((p) => {
      const tp = t.parameters[p.name];
      if (!tp) throw new Error(`zh-cn.json: no translation for ${fn.id} parameter ${p.name}`);
      return { ...p, name: tp[0], description: tp[1] };
    });
    const out = { ...fn, name: t.name, description: t.description, parameters };
    if (fn.result) out.result = { ...fn.result };
    return out;
  });
  const extra = Object.keys(table.functions).filter((id) => !english.functions.some((fn) => fn.id === id));
  if (extra.length > 0) throw new Error(`zh-cn.json: translations for unknown functions ${extra.join(', ')}`);
  return { ...english, functions };
}
