/** Dialog entry (dialog.html): lists the errors of a run started from the ribbon. */
export {};
