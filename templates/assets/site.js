// Progressive enhancement only: every page reads and works without this file.
(function () {
  'use strict';

  var WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
  var SIZES = [['large', '大'], ['medium', '中'], ['small', '小']];
  var STORAGE_KEY = 'broadsheet.fontSize';

  // The reader's today, in the site's time zone, replacing the build date printed by the server.
  function showToday() {
    var clock = document.querySelector('[data-clock]');
    if (!clock) return;
    var parts = {};
    try {
      new Intl.DateTimeFormat('en-US', {
        timeZone: clock.getAttribute('data-timezone') || undefined,
        year: 'numeric', month: 'numeric', day: 'numeric'
      }).formatToParts(new Date()).forEach(function (p) { parts[p.type] = Number(p.value); });
    } catch (e) {
      return;
    }
    var weekday = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
    clock.textContent = parts.year + '年' + parts.month + '月' + parts.day + '日 ' + WEEKDAYS[weekday];
  }

  function readSize() {
    try { return window.localStorage.getItem(STORAGE_KEY); } catch (e) { return null; }
  }

  function saveSize(size) {
    try { window.localStorage.setItem(STORAGE_KEY, size); } catch (e) { /* private mode: not remembered */ }
  }

  function fontSizeControl() {
    var box = document.querySelector('[data-font-size-control]');
    var body = document.getElementById('article-body');
    if (!box || !body) return;
    var buttons = [];
    function apply(size) {
      SIZES.forEach(function (s) { body.classList.toggle('font-' + s[0], s[0] === size); });
      buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.value === size)); });
    }
    var label = document.createElement('span');
    label.textContent = '字号：';
    box.appendChild(label);
    SIZES.forEach(function (s) {
      var button = document.createElement('button');
      button.type = 'button';
      button.value = s[0];
      button.textContent = s[1];
      button.setAttribute('aria-label', '字号' + s[1]);
      button.addEventListener('click', function () { apply(s[0]); saveSize(s[0]); });
      buttons.push(button);
      box.appendChild(button);
    });
    var saved = readSize();
    apply(SIZES.some(function (s) { return s[0] === saved; }) ? saved : 'medium');
  }

  showToday();
  fontSizeControl();
})();
