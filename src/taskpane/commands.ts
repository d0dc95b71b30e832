/* Ribbon commands page: the only command opens the task pane (ShowTaskpane in the manifest). */
Office.onReady(() => undefined);
