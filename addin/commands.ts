/** Ribbon commands (commands.html): "Xếp hạng" runs without opening the task pane. */
export {};
