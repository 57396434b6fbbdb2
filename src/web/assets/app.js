// kioku serve: a little progressive script over pages that work without it.
// - keyboard shortcuts: a key clicks the button whose data-keys lists it (as in the terminal:
//   space/enter, 1-4, u, s, b; ? opens the help);
// - typed answers: Enter while an input method is composing confirms the text, never submits;
// - order questions: tapping items writes their numbers in the answer field; dragging an item by
//   its handle, or its arrow buttons (keyboard, screen reader), reorders the list and writes the
//   whole order;
// - an exam's time left counts down; at zero the page is reloaded and the server ends the exam;
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
    var list = document.querySelector('ol.items');
    var live = document.getElementById('order-live');
    // The answer is now the list's order, top to bottom.
    var sync = function (moved) {
      var all = Array.prototype.slice.call(list.children);
      field.value = all.map(function (li) { return li.getAttribute('data-item'); }).join(' ');
      show();
      if (moved && live) {
        live.textContent = list.getAttribute('data-moved')
          .replace('{n}', moved.getAttribute('data-item')).replace('{place}', String(all.indexOf(moved) + 1));
      }
    };
    list.querySelectorAll('[data-move]').forEach(function (b) {
      b.parentNode.hidden = false;
      b.addEventListener('click', function () {
        var li = b.closest('li');
        if (b.getAttribute('data-move') === 'up' && li.previousElementSibling) list.insertBefore(li, li.previousElementSibling);
        else if (b.getAttribute('data-move') === 'down' && li.nextElementSibling) list.insertBefore(li.nextElementSibling, li);
        sync(li);
        b.focus();
      });
    });
    list.querySelectorAll('.handle').forEach(function (h) {
      h.hidden = false;
      h.addEventListener('pointerdown', function (e) {
        var li = h.closest('li');
        e.preventDefault();
        li.classList.add('dragging');
        // Listened for on the document: moving the item in the list releases a pointer capture.
        var move = function (ev) {
          var others = Array.prototype.slice.call(list.children).filter(function (x) { return x !== li; });
          var before = others.find(function (x) { var r = x.getBoundingClientRect(); return ev.clientY < r.top + r.height / 2; });
          if ((before || null) !== li.nextElementSibling) list.insertBefore(li, before || null);
        };
        var up = function () {
          document.removeEventListener('pointermove', move);
          document.removeEventListener('pointerup', up);
          document.removeEventListener('pointercancel', up);
          li.classList.remove('dragging');
          sync(li);
        };
        document.addEventListener('pointermove', move);
        document.addEventListener('pointerup', up);
        document.addEventListener('pointercancel', up);
      });
    });
    var clear = document.querySelector('[data-order-clear]');
    if (clear) clear.addEventListener('click', function () { field.value = ''; show(); field.focus(); });
    show();
  }

  var timer = document.getElementById('time-left');
  if (timer) {
    var end = Date.now() + parseInt(timer.getAttribute('data-seconds-left'), 10) * 1000;
    var tick = function () {
      var s = Math.max(0, Math.round((end - Date.now()) / 1000));
      timer.textContent = Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
      if (s <= 0) location.reload();
      else setTimeout(tick, 1000);
    };
    tick();
  }
})();
