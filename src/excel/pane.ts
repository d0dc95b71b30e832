/**
 * The task pane's entry point in Excel: once Office is ready, the pane starts on the Office.js host,
 * or, where this Excel lacks the ExcelApi set the pane needs (EXCEL_API), on a host that says so
 * at every action. The pane itself (src/taskpane/taskpane.ts) never asks which host it is on.
 */
import { AssessError } from '../core/errors';
import { refusingHost } from '../host/host';
import { startPane } from '../taskpane/taskpane';
import { EXCEL_API, OfficeHost } from './office-host';

const NO_EXCEL = { zh: '请在 Excel 中打开此任务窗格。', en: 'Open this task pane in Excel.' };
const OLD_EXCEL = {
  zh: `此版本的 Excel 不支持本面板所需的接口（ExcelApi ${EXCEL_API}）：请使用 Microsoft 365、Excel 2021 或更新版本、Excel 网页版或 Mac 版 Excel 16.30 以上。`,
  en: `This Excel does not support the APIs this pane needs (ExcelApi ${EXCEL_API}): use Microsoft 365, Excel 2021 or later, Excel on the web, or Excel for Mac 16.30 or later.`,
};

function officeHost(): OfficeHost | ReturnType<typeof refusingHost> {
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function') return refusingHost(new AssessError({ kind: 'layout', ...NO_EXCEL }));
  // The manifest asks for ExcelApi EXCEL_API; this guards hosts that load the pane anyway.
  const requirements = Office.context?.requirements;
  if (requirements && !requirements.isSetSupported('ExcelApi', EXCEL_API)) return refusingHost(new AssessError({ kind: 'layout', ...OLD_EXCEL }));
  return new OfficeHost();
}

/**
 * The set the functions need (manifest VersionOverrides). Excel can have ExcelApi 1.10 without it —
 * iPad, Mac 16.30–16.39, Microsoft 365 Version 1907–2007, retail perpetual Office before Version
 * 2311 (README "Supported Excel versions") — and then every ASSESS.* formula is #NAME?: the pane
 * turns off the actions that write them and says what still works.
 */
export const FUNCTIONS_RUNTIME = '1.3';

function functionsRun(): boolean {
  const requirements = Office.context?.requirements;
  return !requirements || requirements.isSetSupported('CustomFunctionsRuntime', FUNCTIONS_RUNTIME);
}

if (typeof Office !== 'undefined') Office.onReady(() => startPane(officeHost(), Office.context?.displayLanguage ?? navigator.language, { functions: functionsRun() }));
else startPane(refusingHost(new AssessError({ kind: 'layout', ...NO_EXCEL })), navigator.language);
