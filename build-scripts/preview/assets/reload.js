// Every preview page reloads when a module or organisation file is saved (the server says so).
// The LMS page first ends the module's session (akBeforeReload), so the LMS keeps its state.
(window.akEvents || new EventSource('/events')).addEventListener('reload', () => {
  if (window.akBeforeReload) window.akBeforeReload();
  location.reload();
});
