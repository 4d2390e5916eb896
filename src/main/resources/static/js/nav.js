// On a narrow screen the category bar is one line that scrolls sideways: a reader on a category
// further along the bar sees it marked, not cut off at the right edge. Only the bar scrolls, never the page.
(function () {
  var current = document.querySelector('.nav [aria-current="page"]');
  if (!current) { return; }
  var bar = current.parentElement;
  var overflow = current.offsetLeft + current.offsetWidth - bar.clientWidth;
  if (overflow > 0) {
    bar.scrollLeft = overflow + (bar.clientWidth - current.offsetWidth) / 2;
  }
})();
