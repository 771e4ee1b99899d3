// dragoman: light progressive enhancement; every page works without it.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Filter forms: leave empty fields out of the URL.
  for (const form of document.querySelectorAll("form.filters")) {
    form.addEventListener("submit", () => {
      for (const field of form.querySelectorAll("input, select")) {
        if (field.name && field.value === "") field.disabled = true;
      }
    });
  }

  // Event page: open or close every field's sources at once.
  const toggle = document.querySelector("button.toggle-all");
  if (toggle) {
    toggle.addEventListener("click", () => {
      const open = toggle.dataset.open !== "true";
      for (const details of document.querySelectorAll("details.sources")) details.open = open;
      toggle.dataset.open = String(open);
      toggle.textContent = open ? "Hide every source" : "Show every source";
    });
  }

  // Document page: bring the span linked to from an event page into view.
  const focus = document.querySelector("mark.focus");
  if (focus) focus.scrollIntoView({block: "center"});
});
