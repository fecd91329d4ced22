/* global window, document, navigator, Office */
/**
 * The add-in's loader, the first script of every page after Office.js (webpack.config.js writes
 * the pages). ES5 ONLY, no build step, so that it runs in the old webviews some Office builds
 * on Windows still use: Internet Explorer 11 ("Trident") and Edge Legacy ("EdgeHTML"), see
 * https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins
 * (ASCII only, too). The bundles are ES2020 (`?.`, `??`) and do not even parse there: without this file
 * the task pane stays blank and the ribbon button does nothing. `test/build/addin-bundle.test.ts`
 * parses the built copy as ES5.
 *
 * Its script element carries data-role (taskpane | commands | dialog) and data-main (the
 * page's bundles, space-separated). On a modern engine it writes one deferred <script> per
 * bundle right after itself, so the bundles load exactly as if the page listed them. On an old
 * engine it loads nothing and, as Microsoft recommends ("Support older Microsoft webviews and
 * Office versions", https://learn.microsoft.com/office/dev/add-ins/develop/support-ie-11),
 * fails gracefully: the task pane and the dialog show why and what to use instead; the ribbon
 * command opens the dialog with that message (Trident has no notification to show) and completes
 * its event when the dialog closes.
 *
 * The old engine is recognised without eval (the Content-Security-Policy forbids it): Trident
 * by document.documentMode, EdgeHTML by "Edge/" in its user agent (WebView2 says "Edg/"), and
 * anything else too old by a syntax probe (legacyProbe.js, loaded just before this file, sets
 * window.xephangSyntax only if the engine parses `?.` and `??`) and by the ES2019/ES2020
 * built-ins the bundles use. The Vietnamese text is vi.legacy from shared/i18n/vi.ts, put in
 * place of the marker on the last line by the build.
 */
(function (text) {
  'use strict';

  // This element: the last script parsed so far (IE11 has no document.currentScript).
  var scripts = document.getElementsByTagName('script');
  var self = scripts[scripts.length - 1];
  var role = self.getAttribute('data-role') || '';
  var main = (self.getAttribute('data-main') || '').split(' ');

  function modern() {
    if (document.documentMode) return false;
    if (/\bEdge\/\d/.test(navigator.userAgent)) return false;
    if (window.xephangSyntax !== true) return false;
    return (
      typeof Object.fromEntries === 'function' &&
      typeof Array.prototype.flatMap === 'function' &&
      typeof String.prototype.matchAll === 'function' &&
      typeof Promise === 'function' &&
      typeof Promise.allSettled === 'function' &&
      typeof Promise.prototype['finally'] === 'function'
    );
  }

  function escapeAttr(value) {
    return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  }

  if (modern()) {
    for (var i = 0; i < main.length; i++) {
      if (main[i]) {
        // Parser-inserted and deferred: run in order once the page is parsed, as before.
        document.write('<script defer src="' + escapeAttr(main[i]) + '"></scr' + 'ipt>');
      }
    }
    return;
  }

  window.xephangLegacy = true;

  function element(tag, content) {
    var node = document.createElement(tag);
    if (content) node.appendChild(document.createTextNode(content));
    return node;
  }

  /** The message, in #app (or the body). `onClose`, if given, adds a close button. */
  function showMessage(onClose) {
    var root = document.getElementById('app') || document.body;
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = element('div');
    box.setAttribute('data-legacy', 'true');
    box.setAttribute('role', 'alert');
    box.style.padding = '12px 16px';
    box.style.fontFamily = "'Segoe UI', Arial, sans-serif";
    box.style.lineHeight = '1.45';
    box.appendChild(element('h1', text.title)).style.fontSize = '18px';
    box.appendChild(element('p', text.reason));
    box.appendChild(element('p', text.alternatives));
    var list = element('ul');
    list.appendChild(element('li', text.web));
    list.appendChild(element('li', text.sheets));
    list.appendChild(element('li', text.cli));
    box.appendChild(list);
    box.appendChild(element('p', text.upgrade));
    if (onClose) {
      var close = element('button', text.close);
      close.type = 'button';
      close.onclick = onClose;
      box.appendChild(close);
    }
    root.appendChild(box);
  }

  function whenParsed(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
    else fn();
  }

  /** Office.js must be told the page is ready, or it reports the add-in as not loaded. */
  function onOfficeReady(fn) {
    if (typeof Office === 'undefined') return;
    if (typeof Office.onReady === 'function') Office.onReady(fn);
    else Office.initialize = fn;
  }

  /** The ribbon's rank button: the dialog page (this loader again) shows the message. */
  function rank(event) {
    var finished = false;
    function done() {
      if (finished) return;
      finished = true;
      event.completed();
    }
    try {
      var url = window.location.href.replace(/[^/?#]*([?#].*)?$/, 'dialog.html');
      Office.context.ui.displayDialogAsync(url, { height: 50, width: 40 }, function (result) {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          done();
          return;
        }
        var dialog = result.value;
        // The message's own button, then the dialog window's close box.
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, function () {
          dialog.close();
          done();
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
      });
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 needs the binding
    } catch (e) {
      done();
    }
  }

  if (role === 'commands') {
    window.rank = rank;
    onOfficeReady(function () {
      if (Office.actions && typeof Office.actions.associate === 'function') {
        Office.actions.associate('rank', rank);
      }
    });
  } else if (role === 'dialog') {
    onOfficeReady(function () {});
    whenParsed(function () {
      showMessage(function () {
        try {
          Office.context.ui.messageParent(JSON.stringify({ kind: 'close' }));
          // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 needs the binding
        } catch (e) {
          window.close();
        }
      });
    });
  } else {
    onOfficeReady(function () {});
    whenParsed(function () {
      showMessage(null);
    });
  }
})(/* vi.legacy */ {});
