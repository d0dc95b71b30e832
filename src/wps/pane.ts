/**
 * The task pane's entry point in WPS 表格: the pane starts on the ET host over the `Application`
 * object WPS gives its add-in pages (et-jsapi-declare: `declare const Application`, `window.Application`),
 * or, opened elsewhere, on a host that says so at every action. No office.js is loaded.
 */
import { AssessError } from '../core/errors';
import { refusingHost } from '../host/host';
import { startPane } from '../taskpane/taskpane';
import { EtHost } from './et-host';
import type { EtApplication } from './et-model';

const app = (globalThis as { Application?: EtApplication }).Application;
const host = app ? new EtHost(app) : refusingHost(new AssessError({ kind: 'layout', zh: '请在 WPS 表格中打开此任务窗格。', en: 'Open this task pane in WPS Spreadsheets.' }));
startPane(host, navigator.language);
