// Fyrtårn pages: progressive enhancement only. Every form and link works without this file.
(() => {
  'use strict';

  // this script's own version (?v=…, from the contents of the static files), for the files it fetches itself
  const version = document.currentScript ? new URL(document.currentScript.src).search : '';

  const cookie = name => {
    const found = document.cookie.split('; ').find(c => c.startsWith(name + '='));
    return found ? found.substring(name.length + 1) : '';
  };
  const csrf = () => cookie('fyrtarn_csrf');
  // this tab's storage, for what was typed and not yet saved or shared (null where the browser refuses it)
  const drafts = (() => { try { return window.sessionStorage; } catch (e) { return null; } })();
  const stored = key => { try { return JSON.parse(drafts.getItem(key)); } catch (e) { return null; } };
  const store = (key, value) => {
    try {
      drafts.setItem(key, JSON.stringify(value));
    } catch (e) {
      // full, or refused: the page still works, only without the safety net
    }
  };
  // who is signed in, as the footer names them: what is kept for one person is not put back for another
  const who = () => { const me = document.querySelector('footer .who'); return me ? me.textContent : ''; };
  // what listens to a field (a preview, a counter, the texts' language) follows a change made by script
  const tell = changed => changed.forEach(f => f.dispatchEvent(new Event('input', { bubbles: true })));
  const newKey = () => (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
    : Date.now().toString(36) + '-' + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  const toLogin = () => { location.href = '/login?next=' + encodeURIComponent(location.pathname + location.search); };

  // --- Feed: a tap on a network records the share through the API, then opens the network's share dialog.
  // The same tap retried (same post, network and text) reuses its Idempotency-Key, so it records one share.
  const keys = new Map();

  async function share(form, button) {
    const network = button.value;
    const field = form.querySelector('[name="text_' + network + '"]');
    const text = field ? field.value : '';
    const attempt = form.dataset.post + ' ' + network + ' ' + text;
    if (!keys.has(attempt)) keys.set(attempt, newKey());
    // LinkedIn's and Facebook's dialogs take only the link: the text goes to the clipboard while the tap allows it
    const pasting = button.dataset.paste && text.trim() ? copy(text) : null;
    // opened while handling the tap, so that pop-up blockers allow it; pointed at the network once we know the link
    const dialog = window.open('about:blank', '_blank');
    const status = form.querySelector('.result');
    let gone = false;
    button.disabled = true;
    try {
      const response = await fetch('/api/posts/' + form.dataset.post + '/shares', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': keys.get(attempt), 'X-CSRF-Token': csrf() },
        body: JSON.stringify({ network, text })
      });
      if (response.status === 401) { if (dialog) dialog.close(); keepTexts(form); toLogin(); return; }
      if (response.status === 404) {
        // taken down, expired or no longer for my team since the page loaded: trying again would not help
        if (dialog) dialog.close();
        gone = true;
        form.querySelectorAll('button.net').forEach(b => { b.disabled = true; });
        say(status, form.dataset.gone);
        return;
      }
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const shared = await response.json();
      keys.delete(attempt);
      button.classList.add('shared');
      button.textContent = button.dataset.labelShared;
      // the text for the dialog's post: copied, or (a browser that refused) where to copy it from by hand
      const pasted = pasting ? await pasting : null;
      say(status, null, pasting ? (pasted ? button.dataset.paste : button.dataset.pasteFailed) : null, pasted === false);
      status.querySelector('.tracked').value = shared.trackedUrl;
      status.querySelector('.copy').dataset.copy = shared.text + ' ' + shared.trackedUrl;
      // from now on the card follows the clicks on my links
      const reach = form.querySelector('.reach');
      if (reach) { reach.dataset.live = reach.dataset.reach; live.refresh(reach); }
      if (dialog) {
        dialog.opener = null;
        dialog.location.href = shared.shareIntentUrl;
      } else {
        location.href = shared.shareIntentUrl;
      }
    } catch (e) {
      if (dialog) dialog.close();
      say(status, form.dataset.failed);
    } finally {
      if (!gone) button.disabled = false;
    }
  }

  // A text edited for a share that the login interrupts (the session ran out while the feed was open) comes back into
  // its card after the login, its editor open, for the same person; not into a card no longer on the page.
  const SHARE_TEXTS = 'fyrtarn.share-texts';
  function keepTexts(form) {
    const edited = [...form.querySelectorAll('textarea')].filter(t => t.value !== t.defaultValue)
      .map(t => ({ post: form.dataset.post, name: t.name, text: t.value }));
    if (drafts && edited.length) store(SHARE_TEXTS, { owner: who(), edited });
  }
  function putBackTexts() {
    if (!drafts || !document.querySelector('form.share')) return;
    const kept = stored(SHARE_TEXTS);
    drafts.removeItem(SHARE_TEXTS);
    if (kept && kept.owner === who()) {
      kept.edited.forEach(({ post, name, text }) => {
        const field = document.querySelector('form.share[data-post="' + post + '"] textarea[name="' + name + '"]');
        if (!field) return;
        field.value = text;
        field.closest('details').open = true;
        tell([field]);
      });
    }
  }

  // The card's result: the tracked link to copy and what to do with the text, or (with a problem) only what went wrong.
  function say(status, problem, pasteNote, notPasted) {
    const show = (selector, text) => {
      const element = status.querySelector(selector);
      element.hidden = !text;
      element.textContent = text || '';
    };
    status.hidden = false;
    show('.problem', problem);
    show('.pasted', problem ? null : pasteNote);
    status.querySelector('.pasted').classList.toggle('failed', !!notPasted);
    status.querySelector('label').hidden = !!problem;
    status.querySelector('.copy').hidden = !!problem;
  }

  // Puts text on the clipboard; whether it got there. Where the Clipboard API is missing, the old way, which has to
  // run within the tap: so nothing may be awaited before calling this.
  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (e) {
      const scratch = document.createElement('textarea');
      scratch.className = 'visually-hidden';
      scratch.value = text;
      document.body.append(scratch);
      scratch.select();
      try {
        return document.execCommand('copy');
      } catch (ignored) {
        return false;
      } finally {
        scratch.remove();
      }
    }
  }

  document.addEventListener('submit', event => {
    const form = event.target;
    if (!form.matches('form.share') || !window.fetch || !event.submitter) return;
    event.preventDefault();
    share(form, event.submitter);
  });

  document.addEventListener('click', async event => {
    const button = event.target.closest('button.copy');
    if (!button || !button.dataset.copy) return;
    const done = button.parentElement.querySelector('.copied');
    if (await copy(button.dataset.copy) && done) done.hidden = false;
  });

  // --- Feed and studio: a text for X counted as X counts it, as the server does (share/XText: a link 23, an emoji,
  // CJK and "…" 2), against what a share leaves it beside its link; past that, the share shortens it and the counter
  // says so. A link is known by its top-level domain (/x-tlds.txt); the counters wait for that list.
  const LINK_WEIGHT = 23;
  const WORD = /([^ \t\n\v\f\r]+)/u; // Java's \S, not JavaScript's, which also ends a word at a no-break space
  const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?';
  const WEB_LINK = new RegExp('^https?://(?:' + LABEL + '\\.)+\\p{L}{2,}(?::\\d{1,5})?(?:[/?#][\\s\\S]*)?$', 'iu');
  const LINK_LIKE = /^(?:https?:\/\/)?[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*\.(\p{L}{2,})(?:[:/?#][\s\S]*)?$/iu;
  const OPENING = /^[^\p{L}\p{N}]+/u;
  const CLOSING = /[^\p{L}\p{N}=_#/+-]+$/u;
  const EMOJI_START = /^[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}]/u;
  const graphemes = window.Intl && Intl.Segmenter ? new Intl.Segmenter() : null;
  const pointWeight = c => c <= 0x10FF || (c >= 0x2000 && c <= 0x200D) || (c >= 0x2010 && c <= 0x201F)
    || (c >= 0x2032 && c <= 0x2037) ? 1 : 2;
  const pointsWeight = s => [...s].reduce((w, ch) => w + pointWeight(ch.codePointAt(0)), 0);
  const clusterWeight = g => g.length > String.fromCodePoint(g.codePointAt(0)).length
    && (EMOJI_START.test(g) || g.indexOf('\u20E3') > 0) ? 2 : pointsWeight(g);
  const clustersWeight = s => graphemes
    ? [...graphemes.segment(s)].reduce((w, g) => w + clusterWeight(g.segment), 0) : pointsWeight(s);
  let topLevelDomains = null; // until /x-tlds.txt has come
  let domainsAsked = false;
  const wordWeight = word => {
    const start = word.includes('.') ? (word.match(OPENING) || [''])[0].length : word.length;
    const rest = word.slice(start);
    const link = rest.slice(0, rest.length - (rest.match(CLOSING) || [''])[0].length);
    const shape = link && link.match(LINK_LIKE);
    if (!shape || !topLevelDomains.has(shape[1].toLowerCase())) return clustersWeight(word);
    return clustersWeight(word.slice(0, start)) + clustersWeight(rest.slice(link.length))
      + (WEB_LINK.test(link) ? LINK_WEIGHT : Math.max(pointsWeight(link), LINK_WEIGHT));
  };
  const xLength = text => text.normalize('NFC').split(WORD)
    .reduce((w, part, i) => w + (i % 2 ? wordWeight(part) : clustersWeight(part)), 0);
  const count = field => {
    const counter = document.getElementById(field.getAttribute('aria-describedby') || '');
    if (!counter || !counter.dataset.limit || !topLevelDomains) return;
    const used = xLength(field.value);
    const over = used > Number(counter.dataset.limit);
    counter.querySelector('.n').textContent = used + ' / ' + counter.dataset.limit;
    const note = counter.querySelector('.over');
    note.textContent = over ? note.dataset.text : '';
    counter.classList.toggle('too-long', over);
    counter.hidden = false;
  };
  const countAll = () => {
    if (topLevelDomains) {
      document.querySelectorAll('textarea[aria-describedby]').forEach(count);
    } else if (!domainsAsked && document.querySelector('.x-count')) {
      domainsAsked = true;
      fetch('/x-tlds.txt' + version).then(response => response.ok ? response.text() : Promise.reject(response.status))
        .then(list => new Set(list.split('\n').filter(line => line && !line.startsWith('#'))))
        .catch(() => ({ has: () => true })) // without the list, every word shaped like a domain counts as a link
        .then(known => { topLevelDomains = known; countAll(); });
    }
  };
  countAll();

  // The first network's caption is shown under the card; keep it in step with its editor.
  document.addEventListener('input', event => {
    const field = event.target;
    if (!field.matches('form.share textarea')) return;
    const form = field.closest('form');
    if (form.querySelector('textarea') === field) form.querySelector('.caption-preview').textContent = field.value;
  });
  document.addEventListener('input', event => {
    if (event.target.matches('textarea[aria-describedby]')) count(event.target);
  });
  putBackTexts();

  // --- Feed and my points: infinite scroll. The "More posts" ("Older points") link is the fallback; near the bottom
  // what it leads to comes in by itself.
  if ('IntersectionObserver' in window) {
    const observer = new IntersectionObserver(entries => entries.forEach(async entry => {
      if (!entry.isIntersecting) return;
      const more = entry.target;
      observer.unobserve(more);
      const response = await fetch(more.dataset.cards, { credentials: 'same-origin' });
      if (response.redirected) { toLogin(); return; }
      if (!response.ok) { observer.observe(more); return; }
      const template = document.createElement('template');
      template.innerHTML = await response.text();
      more.replaceWith(template.content);
      countAll();
      watchMore();
    }), { rootMargin: '600px 0px' });
    const watchMore = () => document.querySelectorAll('a.more[data-cards]').forEach(a => observer.observe(a));
    watchMore();
  }

  // --- Feed: the topic filtered by shows in the topic bar, however far along the bar it is.
  const currentTopic = document.querySelector('.topic-bar [aria-current="true"]');
  if (currentTopic) {
    const bar = currentTopic.closest('ul');
    const past = currentTopic.getBoundingClientRect().right - bar.getBoundingClientRect().right;
    if (past > 0) bar.scrollLeft += past + 16;
  }

  // --- Studio: the preview follows the form as you type (its heading shown only once there is a title).
  const postForm = document.getElementById('post-form');
  if (postForm) {
    const preview = name => document.querySelector('[data-preview="' + name + '"]');
    postForm.addEventListener('input', event => {
      const field = event.target;
      if (['title', 'body', 'url'].includes(field.name)) preview(field.name).textContent = field.value;
      if (field.name === 'title') preview('title').hidden = !field.value;
      if (field.name === 'language') {
        // the texts are spell-checked (and the preview read) in the language as soon as it is a tag, by the rule
        // the post service takes it by (data-tag: PostRequest.LANGUAGE_TAG, which also allows blanks around it)
        const tag = field.value.trim();
        const isTag = tag !== '' && new RegExp('^(?:' + field.dataset.tag + ')$').test(field.value);
        const texts = postForm.querySelectorAll('[name="title"], [name="body"], textarea[name^="caption_"]');
        [...texts, preview('title').closest('article')].forEach(text => {
          if (isTag) text.lang = tag; else text.removeAttribute('lang');
        });
      }
      if (field.name && field.name.startsWith('caption_')) {
        const first = postForm.querySelector('textarea[name^="caption_"]');
        preview('caption').textContent = first ? first.value : '';
      }
    });
  }

  // --- Studio: what is typed into a post's form stays in this tab (sessionStorage) until the post is saved, so that a
  // save answered by the login (the session ran out while the text was written) or by an outage loses none of it. The
  // form shown again to the same person at the same version of the post (after the login, or opened again) gets it
  // back and says so, with a button that puts back the form as it came. A form the server shows unsaved (its
  // mistakes listed, or someone's save in between: data-draft-unsaved) is kept as it comes. A save that went through
  // names its form in a cookie (fyrtarn_saved) on its way to the post, and its draft is forgotten; so are all of them
  // at a log-out. Without a draft kept, the form shows what the server sent, whatever the browser remembers of it.
  const DRAFT = 'fyrtarn.draft:';
  const forget = test => {
    for (let i = drafts.length - 1; i >= 0; i--) {
      const key = drafts.key(i);
      if (key.startsWith(DRAFT) && test(key.substring(DRAFT.length))) drafts.removeItem(key);
    }
  };
  if (drafts) {
    let saved = '';
    try { saved = decodeURIComponent(cookie('fyrtarn_saved')); } catch (e) { /* not one the studio set */ }
    if (saved) {
      forget(action => action === saved);
      document.cookie = 'fyrtarn_saved=; Path=/; Max-Age=0; SameSite=Strict'
        + (location.protocol === 'https:' ? '; Secure' : '');
    }
    document.addEventListener('submit', event => {
      if (event.target.matches('form[action="/logout"]')) {
        forget(() => true);
        drafts.removeItem(SHARE_TEXTS);
      }
    });
  }
  const draftForm = document.querySelector('form[data-draft]');
  if (drafts && draftForm) {
    const key = DRAFT + draftForm.getAttribute('action');
    const version = draftForm.dataset.draft;
    const owner = who();
    const fields = () => [...draftForm.elements].filter(f => f.name && f.type !== 'hidden' && f.type !== 'submit');
    const ticks = f => f.type === 'checkbox' || f.type === 'radio';
    // each field by its name and which of that name it is, a box by its name and value
    const nth = seen => f => ticks(f) ? f.value : (seen[f.name] = (seen[f.name] || 0) + 1);
    const valuesOf = () => {
      const which = nth({});
      return fields().map(f => [f.name, which(f), ticks(f) ? f.checked : f.value]);
    };
    const keep = () => store(key, { owner, version, values: valuesOf() });
    const restore = values => {
      const changed = [];
      const which = nth({});
      fields().forEach(f => {
        const at = which(f);
        const entry = values.find(([name, stored]) => name === f.name && stored === at);
        if (!entry) return;
        const value = entry[2];
        if (ticks(f) ? f.checked !== value : f.value !== value) {
          if (ticks(f)) f.checked = value; else f.value = value;
          changed.push(f);
        }
      });
      return changed;
    };
    // the form as the server sent it: also where the browser filled it in again from its own memory of the page (the
    // way back after a save showed what was saved as still to save, and saving it again made a second post)
    const asServed = () => {
      const changed = fields().filter(f => ticks(f) ? f.checked !== f.defaultChecked : f.value !== f.defaultValue);
      if (changed.length) draftForm.reset();
      return changed;
    };
    // what the form shows: what was kept of it, or as the server sent it
    const settle = () => {
      const draft = stored(key);
      if (draftForm.hasAttribute('data-draft-unsaved')) {
        // the server shows what was just sent and not saved (with its mistakes, or over a version saved meanwhile)
        keep();
      } else if (!draft || draft.owner !== owner || draft.version !== version) {
        if (draft) drafts.removeItem(key); // someone else's, or the post has changed since: not put into this form
        tell(asServed());
      } else {
        const changed = restore(draft.values);
        tell(changed);
        if (changed.length) {
          const notice = document.querySelector('.draft-restored');
          notice.hidden = false;
          notice.querySelector('p').textContent = notice.dataset.text;
          notice.querySelector('button').addEventListener('click', () => {
            tell(asServed());
            drafts.removeItem(key);
            notice.hidden = true;
            draftForm.querySelector('[name]:not([type=hidden])').focus();
          });
        }
      }
    };
    // Chromium fills the form in from its memory of the page after the load event, just before the page is shown
    let settled = false;
    window.addEventListener('pageshow', () => {
      if (settled) {
        // back from the back/forward cache: as the server has the post now, unless something typed is kept
        if (!drafts.getItem(key)) location.reload();
        return;
      }
      settled = true;
      settle();
      draftForm.addEventListener('input', keep);
      draftForm.addEventListener('change', keep);
    });
  }

  // --- Live regions (leaderboard, chart, leaders, the feed's standing and the clicks on my links): every change
  // notice from the stream fetches each region's fragment again (at most one fetch per region at a time). Regions
  // are looked up on each notice, so cards added later (more posts, a share just made) follow too. A region with
  // data-live-after="<id>" is fetched only when the region with that id came back changed: the feed's cards follow
  // my standing, so a notice about someone else's points costs one fetch, not one per card I shared.
  const live = (() => {
    const fetching = new WeakMap(); // region → whether another fetch is due after the running one
    const last = new WeakMap(); // region → the fragment it was given last
    const started = new WeakMap(); // region with data-live-every → when its last fetch started
    const due = new WeakSet(); // such regions with a fetch waiting for its turn
    const refresh = async region => {
      // data-live-every="<ms>": at most one fetch per that time, the last notice's fetch coming at its turn
      const every = Number(region.dataset.liveEvery || 0);
      const wait = every ? (started.get(region) || 0) + every - Date.now() : 0;
      if (wait > 0) {
        if (!due.has(region)) {
          due.add(region);
          setTimeout(() => { due.delete(region); refresh(region); }, wait);
        }
        return;
      }
      if (fetching.has(region)) {
        // a notice during a fetch may be about a change that fetch missed, so another fetch follows it; a polled
        // region's fetch under way answers the same question (a page back from the back/forward cache asks twice:
        // it comes into view, and it is shown again)
        if (!region.dataset.livePoll) fetching.set(region, true);
        return;
      }
      if (every) started.set(region, Date.now());
      fetching.set(region, false);
      try {
        const response = await fetch(region.dataset.live, { credentials: 'same-origin' });
        if (response.ok && !response.redirected) {
          const html = await response.text();
          if (last.get(region) !== html) {
            last.set(region, html);
            // what the reader unfolded stays so (the feed's "2 more challenges"), by the fold's class
            const unfolded = [...region.querySelectorAll('details[open]')].map(fold => fold.className);
            region.innerHTML = html;
            region.querySelectorAll('details').forEach(fold => {
              if (fold.className && unfolded.includes(fold.className)) fold.open = true;
            });
            if (region.id) document.querySelectorAll('[data-live][data-live-after="' + region.id + '"]').forEach(refresh);
          }
        }
      } finally {
        const again = fetching.get(region);
        fetching.delete(region);
        if (again) refresh(region);
      }
    };
    const refreshAll = () => document.querySelectorAll('[data-live]:not([data-live-after]):not([data-live-poll])')
      .forEach(refresh);
    // data-live-poll="<ms>": a region no stream notice concerns (the feed's new posts), fetched instead when the page
    // comes back into view (a phone unlocked, the tab chosen again) and every that many ms while it is in view
    const polled = () => document.querySelectorAll('[data-live-poll]');
    const inView = () => document.visibilityState === 'visible';
    polled().forEach(region => setInterval(() => { if (inView()) refresh(region); }, Number(region.dataset.livePoll)));
    document.addEventListener('visibilitychange', () => { if (inView()) polled().forEach(refresh); });
    window.addEventListener('pageshow', event => { if (event.persisted) polled().forEach(refresh); });
    return { refresh, refreshAll };
  })();
  // The stream is listened to only while the page is in view: a tab left open behind others, or a phone locked on the
  // feed, would otherwise fetch its regions on every notice all day for nobody. Back in view (or back from the
  // back/forward cache, where the stream was closed on leaving), it listens again and fetches them once, since notices
  // were missed meanwhile.
  if (document.querySelector('[data-live]') && window.EventSource) {
    const listen = () => {
      const source = new EventSource('/api/leaderboard/stream');
      let opened = false;
      // after a reconnection (a phone waking up, a restart) notices may have been missed meanwhile
      source.onopen = () => { if (opened) live.refreshAll(); opened = true; };
      source.onmessage = live.refreshAll;
      return source;
    };
    const inView = () => document.visibilityState === 'visible';
    let stream = inView() ? listen() : null;
    const pause = () => { if (stream) { stream.close(); stream = null; } };
    const resume = () => { if (!stream) { stream = listen(); live.refreshAll(); } };
    window.addEventListener('pagehide', pause);
    window.addEventListener('pageshow', event => { if (event.persisted && inView()) resume(); });
    document.addEventListener('visibilitychange', () => { if (inView()) resume(); else pause(); });
  }
})();
