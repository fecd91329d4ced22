/**
 * Where the Sheets sidebar's help links point: the user guide's HTML pages (docs/huong-dan/, as
 * the Excel release publishes them in `<release url>/huong-dan/`). The sidebar is served by
 * Google, so unlike the Excel pane it has no folder of its own: the gas build is told the release
 * URL (`npm run build:gas -- --env url=https://host/xephang/`, the same URL as the Excel release)
 * and webpack's DefinePlugin writes `<url>/huong-dan/` here. Without it, the development server's
 * address, as in the add-in's development manifest.
 */
declare const __XEPHANG_GUIDE_BASE__: string | undefined;

export const DEFAULT_GUIDE_BASE = 'https://localhost:3000/huong-dan/';

export const GUIDE_BASE: string =
  typeof __XEPHANG_GUIDE_BASE__ === 'string' ? __XEPHANG_GUIDE_BASE__ : DEFAULT_GUIDE_BASE;
