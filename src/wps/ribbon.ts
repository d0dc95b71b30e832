/**
 * The ribbon callbacks of the WPS add-in (ribbon.xml names them): the ASSESS tab's button opens
 * the task pane. WPS calls these as globals of the entry page (index.html), as in Kingsoft's
 * templates (wpsjs packages/@wps-jsapi/et/js/ribbon.js).
 */

/** The part of the WPS root object the ribbon uses (et-jsapi-declare: WPS.AddonRoot). */
interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
}
interface WpsRibbonRoot {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane | null | undefined;
  PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}
interface RibbonControl {
  readonly Id: string;
}

const PANE_KEY = 'assess_taskpane_id';
export const PANE_BUTTON = 'assessOpenPane';

/** The folder this page was served from, so every URL stays relative to where the add-in lives. */
export function baseUrl(location: string): string {
  const clean = location.split(/[?#]/, 1)[0];
  return clean.slice(0, clean.lastIndexOf('/') + 1);
}

function root(): WpsRibbonRoot {
  const wps = (globalThis as { wps?: WpsRibbonRoot }).wps;
  if (!wps) throw new Error('不在 WPS 中运行 / not running in WPS');
  return wps;
}

export function onAction(control: RibbonControl): boolean {
  if (control.Id !== PANE_BUTTON) return true;
  const wps = root();
  const id = Number(wps.PluginStorage.getItem(PANE_KEY));
  const existing = Number.isFinite(id) && id > 0 ? wps.GetTaskPane(id) : null;
  if (existing) {
    existing.Visible = !existing.Visible;
    return true;
  }
  const pane = wps.CreateTaskPane(`${baseUrl(String(globalThis.location))}taskpane.html`, 'ASSESS 考核');
  wps.PluginStorage.setItem(PANE_KEY, pane.ID);
  pane.Visible = true;
  return true;
}

export function getImage(control: RibbonControl): string {
  return control.Id === PANE_BUTTON ? 'assets/icon-32.png' : '';
}

Object.assign(globalThis, { OnAddinLoad: () => true, OnAction: onAction, GetImage: getImage });
