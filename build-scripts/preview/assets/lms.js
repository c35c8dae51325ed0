// The simulated LMS around one module: scorm-again's SCORM 2004 API on this window (the LMS
// side, as in tests/e2e/lms-harness), the module in a frame, a live table of the cmi values
// and the xAPI statements the module's xAPI adapter sends to the preview's sink. What the LMS
// stored survives a reload (sessionStorage), so saving a text file resumes where you were.
(() => {
  const settings = JSON.parse(document.getElementById('settings').textContent);
  const key = `ak-preview:${settings.storage}`;
  const saved = JSON.parse(sessionStorage.getItem(key) || 'null');
  let registration = sessionStorage.getItem(`${key}:registration`);
  if (!registration) sessionStorage.setItem(`${key}:registration`, (registration = crypto.randomUUID()));

  const api = new window.Scorm2004API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  // A relaunch after exit=suspend gets what the LMS stored, with entry=resume (as an LMS does).
  const seed = {};
  if (saved) {
    for (const [name, value] of Object.entries(saved)) {
      // (The interactions stay: an LMS keeps them for the whole attempt, and the module appends after them.)
      if (!/^cmi\.(exit|session_time|entry|total_time)$/.test(name)) seed[name] = value;
    }
    seed['cmi.entry'] = 'resume';
  }
  // What the manifest tells a real LMS, and who the learner is.
  seed['cmi.scaled_passing_score'] = String(settings.passingScore);
  seed['cmi.learner_id'] = 'forhaandsvisning';
  seed['cmi.learner_name'] = 'Træner, Forhåndsvisning';
  api.loadFromFlattenedJSON(seed);

  const calls = { Initialize: 0, Commit: 0, Terminate: 0 };
  let terminated = false;
  const store = () => {
    const cmi = api.getFlattenedCMI();
    if (terminated && cmi['cmi.exit'] !== 'suspend') sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(cmi));
  };
  const wrapped = {};
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(api)).concat(Object.keys(api))) {
    if (typeof api[name] === 'function') wrapped[name] = (...args) => api[name](...args);
  }
  const counted = (name, after) => (...args) => {
    calls[name]++;
    const result = api[name](...args);
    after?.();
    render();
    return result;
  };
  wrapped.Initialize = counted('Initialize');
  wrapped.Commit = counted('Commit', () => {
    store();
    changed.clear();
  });
  wrapped.Terminate = counted('Terminate', () => {
    terminated = true;
    store();
  });
  wrapped.SetValue = (element, value) => {
    const result = api.SetValue(element, value);
    changed.add(element);
    render();
    return result;
  };
  window.API_1484_11 = wrapped;

  // The cmi table, redrawn after each call (batched per frame); the elements set since the last commit are marked.
  const changed = new Set();
  const body = document.querySelector('#cmi tbody');
  let pending = false;
  function render() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const cmi = api.getFlattenedCMI();
      // Only the values a data model element holds (scorm-again also lists empty collections as objects).
      const rows = Object.entries(cmi).filter(([, v]) => v !== '' && v !== null && v !== undefined && typeof v !== 'object');
      body.replaceChildren(
        ...rows.map(([name, value]) => {
          const tr = document.createElement('tr');
          const th = document.createElement('th');
          th.scope = 'row';
          th.textContent = name;
          const td = document.createElement('td');
          td.textContent = String(value);
          // Set since the last Commit: marked in words, not by colour alone.
          if (changed.has(name)) {
            tr.className = 'changed';
            const tag = document.createElement('span');
            tag.className = 'tag';
            tag.textContent = 'ny';
            td.append(' ', tag);
          }
          tr.append(th, td);
          return tr;
        }),
      );
      document.getElementById('calls').textContent =
        `LMS-kald: Initialize ${calls.Initialize} · Commit ${calls.Commit} · Terminate ${calls.Terminate}`;
    });
  }

  // The xAPI statements, newest first.
  const list = document.getElementById('statements');
  // The server first replays what this registration sent before the page connected (e.g. before a reload).
  const listed = new Set();
  // One event stream per page (browsers allow few connections per host): reload.js listens on it too.
  window.akEvents = new EventSource(`/events?registration=${encodeURIComponent(registration)}`);
  window.akEvents.addEventListener('statement', (event) => {
    const { registration: of, statement } = JSON.parse(event.data);
    if (of !== registration || listed.has(statement.id)) return;
    listed.add(statement.id);
    const li = document.createElement('li');
    // Numbered in the order sent, newest first.
    li.value = listed.size;
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = describe(statement);
    const pre = document.createElement('pre');
    pre.textContent = JSON.stringify(statement, null, 2);
    details.append(summary, pre);
    li.append(details);
    list.prepend(li);
  });

  function describe(s) {
    const verb = s.verb?.display?.['da'] ?? s.verb?.display?.['en-US'] ?? s.verb?.id?.split('/').pop();
    const name = s.object?.definition?.name;
    const object = name ? (name['da'] ?? name['en-US'] ?? Object.values(name)[0]) : s.object?.id;
    const r = s.result;
    const result = r
      ? [r.score?.scaled !== undefined ? `${Math.round(r.score.scaled * 100)} %` : '', r.success === true ? 'bestået/rigtigt' : r.success === false ? 'ikke bestået/forkert' : '']
          .filter(Boolean)
          .join(', ')
      : '';
    return `${verb}: ${object}${result ? ` (${result})` : ''}`;
  }

  const frame = document.getElementById('sco');
  const launch = new URLSearchParams({
    endpoint: `${location.origin}/xapi/`,
    auth: `Basic ${btoa('preview:preview')}`,
    actor: JSON.stringify({ objectType: 'Agent', name: 'Forhåndsvisning', account: { homePage: location.origin, name: 'traener' } }),
    registration,
  });
  // "Gå til scene": a fresh attempt that the module walks to that scene (best answers on the way).
  const start = sessionStorage.getItem(`${key}:start`);
  if (start) {
    launch.set('ak-scene', start);
    sessionStorage.removeItem(`${key}:start`);
  }
  frame.src = `${settings.sco}?${launch}`;

  // Before a reload: unload the module first, so it ends its session (exit=suspend) and the LMS stores it.
  window.akBeforeReload = () => frame.remove();
  const startOver = (scene) => {
    frame.remove();
    sessionStorage.removeItem(key);
    sessionStorage.removeItem(`${key}:registration`);
    if (scene) sessionStorage.setItem(`${key}:start`, scene);
    location.reload();
  };
  document.getElementById('restart').addEventListener('click', () => startOver(null));
  document.getElementById('goto').addEventListener('submit', (event) => {
    event.preventDefault();
    startOver(document.getElementById('goto-scene').value);
  });
  render();
})();
