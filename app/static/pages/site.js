// article-facts pages: small enhancements over pages that work without scripts.
// Facts <-> passages on the article page, one-key decisions in the review queue,
// "tick all" for bulk decisions, and empty filters left out of the URL.
"use strict";

function segmentsOf(id) {
  return Array.from(document.querySelectorAll('mark.seg[data-f~="' + id + '"]'));
}

function showPassage(id) {
  document.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
  var marks = segmentsOf(id);
  if (!marks.length) return false;
  marks.forEach(function (m) { m.classList.add("current"); });
  var first = document.getElementById("passage-" + id) || marks[0];
  first.scrollIntoView({ block: "center" });
  first.focus({ preventScroll: true });
  return true;
}

function showFact(id) {
  document.querySelectorAll(".fact-item.current").forEach(function (f) { f.classList.remove("current"); });
  var item = document.getElementById("fact-" + id);
  if (!item) return false;
  item.classList.add("current");
  item.scrollIntoView({ block: "center" });
  item.focus({ preventScroll: true });
  return true;
}

function onArticleClick(event) {
  var link = event.target.closest("a.to-passage, a.backref");
  if (link) {
    var done = link.classList.contains("backref") ? showFact(link.dataset.back) : showPassage(link.dataset.fact);
    if (done) {
      event.preventDefault();
      history.replaceState(null, "", link.getAttribute("href"));
    }
    return;
  }
  var mark = event.target.closest("mark.seg[data-f]");
  if (mark) showFact(mark.dataset.f.split(" ")[0]);  // a passage leads back to its fact
}

function typing(target) {
  return target.closest("input, textarea, select, [contenteditable]") !== null;
}

function onReviewKey(event) {
  if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
  var key = event.key.toLowerCase();
  var control = document.querySelector('[data-key="' + key + '"]');
  if (!control) return;
  event.preventDefault();
  if (key === "e") {
    var details = document.getElementById("correct");
    details.open = true;
    var field = details.querySelector("textarea, input");
    if (field) field.focus();
    return;
  }
  control.click();
}

function dropEmptyFilters(event) {
  var form = event.target;
  if (!form.classList.contains("filters")) return;
  Array.from(form.elements).forEach(function (field) {
    if (field.name && field.value === "") field.disabled = true;  // not sent
  });
}

document.addEventListener("DOMContentLoaded", function () {
  var page = document.body.dataset.page;
  if (page === "article") {
    document.addEventListener("click", onArticleClick);
    if (location.hash.indexOf("#passage-") === 0) showPassage(location.hash.slice(9));
  }
  if (page === "review") document.addEventListener("keydown", onReviewKey);
  document.addEventListener("submit", dropEmptyFilters);
  var tickAll = document.querySelector("button.tick-all");
  if (tickAll) {
    tickAll.hidden = false;
    tickAll.addEventListener("click", function () {
      document.querySelectorAll('input[name="fact"][form="bulk"]').forEach(function (box) { box.checked = true; });
    });
  }
});
