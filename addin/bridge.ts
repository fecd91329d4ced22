/// <reference types="office-js" />
/**
 * The task pane's bridge to Excel: each call is one Excel.run of the host (addin/excelHost.ts).
 */
import type { HostBridge } from '../ui/bridge';
import {
  createTemplate,
  loadSetup,
  makeFormsZip,
  mergeFormFiles,
  rankWorkbook,
  reportWorkbook,
  saveSetup,
  selectCell,
  selectTable,
  type ExcelHostOptions,
  type ExcelRun,
} from './excelHost';
import { loadPreviousFile } from './excelPrevious';
import { rankPeriodFiles } from './excelPeriod';

/** Whether this Excel reads merged areas (ExcelApi 1.13); older builds skip that check. */
export function mergesSupported(): boolean {
  try {
    return Office.context.requirements.isSetSupported('ExcelApi', '1.13');
  } catch {
    return false;
  }
}

export function excelBridge(run: ExcelRun, options: ExcelHostOptions = {}): HostBridge {
  return {
    host: 'excel',
    loadSetup: () => loadSetup(run),
    saveSetup: (setup, o) => saveSetup(run, setup, o),
    rank: async () => (await rankWorkbook(run, options)).summary,
    createTemplate: (o) => createTemplate(run, o),
    selectCell: (sheet, cell) => selectCell(run, sheet, cell),
    formsFrom: 'files',
    makeForms: async () => (await makeFormsZip(run, options)).result,
    mergeForms: async (files = []) => (await mergeFormFiles(run, files, options)).result,
    previousFrom: 'files',
    loadPrevious: async (file) => (await loadPreviousFile(run, file, options)).result,
    reportDocument: async () => (await reportWorkbook(run, options)).result,
    selectTable: (sheet) => selectTable(run, sheet),
    rankPeriod: async (files, o) => (await rankPeriodFiles(run, files, o, options)).summary,
    // A chunk of its own (docx.[hash].js next to taskpane.html), loaded on the first download.
    reportDocx: async (document) => {
      const { reportDocx } = await import(/* webpackChunkName: "docx" */ '../docx');
      return reportDocx(document);
    },
  };
}
