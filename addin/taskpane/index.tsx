// The task pane's entry: renders the App into #root with the Excel host, or a host a test page provides.
import { excelActions } from '../excel/actions';
import type { HostActions } from '../../ui/host-actions';
import { mountTaskpane } from '../../ui/mount';

declare global {
  interface Window {
    /** Test hook: a page that sets this before the bundle runs gets the pane on that host, without Office.js. */
    rulesheetHost?: HostActions;
  }
}

function start(host: HostActions): void {
  const root = document.getElementById('root');
  if (root) mountTaskpane(root, host);
}

if (window.rulesheetHost) start(window.rulesheetHost);
else void Office.onReady(() => start(excelActions()));
