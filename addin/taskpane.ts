/// <reference types="office-js" />
/** Task pane entry (taskpane.html): mounts the one UI on the Excel bridge. */
import { mountApp } from '../ui/app';
import { excelBridge, mergesSupported } from './bridge';
import type { ExcelRun } from './excelHost';

Office.onReady(() => {
  const root = document.getElementById('app');
  if (!root) return;
  mountApp(
    root,
    excelBridge(Excel.run as unknown as ExcelRun, { mergesSupported: mergesSupported() }),
  );
});
