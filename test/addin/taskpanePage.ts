/** Browser page: the real task pane entry (addin/taskpane.ts) over fake Office globals. */
import './fakeOffice';
import '../../addin/taskpane';
