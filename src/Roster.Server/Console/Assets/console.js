// Copy buttons: <button class="copy" data-copy="#id"> copies the text of the element #id. The
// outcome's words come in the page's language from the button's data-copied and data-selected,
// else from the layout's <body> (every console page has them there).
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button.copy");
  if (!button) return;
  const source = document.querySelector(button.dataset.copy);
  if (!source) return;
  const text = source.value ?? source.textContent.trim();
  // The button's own words come back afterwards, in whatever language the page speaks.
  const label = (button.dataset.label ??= button.textContent);
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = button.dataset.copied ?? document.body.dataset.copied ?? "Copied";
  } catch {
    // Without clipboard access (plain HTTP on another host), select the text for Ctrl+C.
    if (source instanceof HTMLInputElement) {
      // A masked secret cannot be copied by hand: show it, then select it.
      if (source.type === "password") source.type = "text";
      source.select();
    } else {
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    button.textContent = button.dataset.selected ?? document.body.dataset.selected ?? "Selected: press Ctrl+C";
  }
  // Screen readers hear the outcome once, politely, from the layout's live region.
  const announcer = document.getElementById("announcer");
  if (announcer) announcer.textContent = button.textContent;
  setTimeout(() => { button.textContent = label; }, 2000);
});

// Destructive buttons: <button data-confirm="Question?"> asks before the form is sent.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  const question = button?.dataset.confirm ?? event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});

// Masked secrets: <button class="reveal" data-reveal="#id"> shows or hides the field #id; the
// page may give its words in its language: data-show, data-hide.
document.addEventListener("click", (event) => {
  const button = event.target.closest("button.reveal");
  if (!button) return;
  const field = document.querySelector(button.dataset.reveal);
  if (!field) return;
  const show = field.type === "password";
  field.type = show ? "text" : "password";
  button.setAttribute("aria-pressed", String(show));
  button.textContent = show ? (button.dataset.hide ?? "Hide secret") : (button.dataset.show ?? "Show secret");
});

// The invitation link carries its token in the fragment, which never reaches a server or a log:
// hand it to the form, and take it out of the address bar and the history.
const activation = document.querySelector("input[data-fragment-token]");
if (activation && location.hash.startsWith("#token=")) {
  activation.value = decodeURIComponent(location.hash.slice("#token=".length));
  history.replaceState(null, "", location.pathname);
}

// A credential shown once comes in the answer to a POST. Pointing this history entry at the
// page's own address makes a reload ask for the page again (without the credential) instead of
// resending the form and making another one.
const shownOnce = document.querySelector("[data-shown-once]");
if (shownOnce) history.replaceState(null, "", shownOnce.dataset.shownOnce);

// A form with data-unsaved-warning keeps what was typed: leaving the page with changes not yet
// sent asks first (a link in the console says the form's sentence; a reload or a closed tab gets
// the browser's own question). Sending the form, by any of its buttons, is not leaving.
for (const form of document.querySelectorAll("form[data-unsaved-warning]")) {
  let changed = false;
  form.addEventListener("input", () => { changed = true; });
  form.addEventListener("change", () => { changed = true; });
  form.addEventListener("submit", () => { changed = false; });
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!changed || !link || link.target === "_blank") return;
    if (window.confirm(form.dataset.unsavedWarning)) changed = false;
    else event.preventDefault();
  });
  window.addEventListener("beforeunload", (event) => {
    if (!changed) return;
    event.preventDefault();
    event.returnValue = "";
  });
}
