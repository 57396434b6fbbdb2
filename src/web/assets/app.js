// kioku serve: a little progressive script over pages that work without it.
// - keyboard shortcuts: a key clicks the button whose data-keys lists it (as in the terminal:
//   space/enter, 1-4, u, s, b; ? opens the help);
// - typed answers: Enter while an input method is composing confirms the text, never submits;
// - order questions: tapping items writes their numbers in the answer field;
// - a form is sent once (the server refuses a repeat anyway).
'use strict';
(function () {
  function keyName(e) {
    if (e.key === ' ') return 'space';
    if (e.key === 'Enter') return 'enter';
    return e.key.length === 1 ? e.key.toLowerCase() : e.key;
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
    var key = keyName(e);
    if (key === '?') {
      var help = document.getElementById('help');
      if (help) { help.open = !help.open; e.preventDefault(); }
      return;
    }
    var buttons = document.querySelectorAll('[data-keys]');
    for (var i = 0; i < buttons.length; i++) {
      var keys = buttons[i].getAttribute('data-keys').split(' ');
      if (keys.indexOf(key) >= 0 && !buttons[i].disabled) {
        e.preventDefault();
        buttons[i].click();
        return;
      }
    }
  });

  document.querySelectorAll('input[data-ime]').forEach(function (input) {
    var composing = false;
    input.addEventListener('compositionstart', function () { composing = true; });
    input.addEventListener('compositionend', function () { composing = false; });
    input.addEventListener('keydown', function (e) {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      // 229: the key event of an input method (Safari sends compositionend first).
      if (e.isComposing || composing || e.keyCode === 229) return;
      if (input.form) input.form.requestSubmit();
    });
  });

  document.querySelectorAll('form').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (form.getAttribute('data-sent')) { e.preventDefault(); return; }
      form.setAttribute('data-sent', '1');
    });
  });

  var field = document.querySelector('[data-order-field]');
  if (field) {
    var items = document.querySelectorAll('[data-order]');
    var show = function () {
      var chosen = field.value.split(/[\s,]+/).filter(function (s) { return s !== ''; });
      items.forEach(function (b) {
        var at = chosen.indexOf(b.getAttribute('data-order'));
        b.querySelector('.place').textContent = at >= 0 ? '→ ' + (at + 1) : '';
        b.classList.toggle('chosen', at >= 0);
        b.setAttribute('aria-pressed', at >= 0 ? 'true' : 'false');
      });
    };
    items.forEach(function (b) {
      b.addEventListener('click', function () {
        var n = b.getAttribute('data-order');
        var chosen = field.value.split(/[\s,]+/).filter(function (s) { return s !== ''; });
        var at = chosen.indexOf(n);
        if (at >= 0) chosen.splice(at, 1); else chosen.push(n);
        field.value = chosen.join(' ');
        show();
      });
    });
    field.addEventListener('input', show);
    var clear = document.querySelector('[data-order-clear]');
    if (clear) clear.addEventListener('click', function () { field.value = ''; show(); field.focus(); });
    show();
  }
})();
