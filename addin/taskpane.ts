/** Task pane entry (taskpane.html): mounts the one UI on the Excel bridge. */
export {};
