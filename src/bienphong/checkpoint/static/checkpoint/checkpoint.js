// Keyboard-first checkpoint: Enter checks a complete MRZ (a keyboard-wedge scanner may type
// line breaks between the lines), Ctrl+Enter always checks; after a check single keys decide.
(function () {
  const MRZ_LENGTHS = [72, 88, 90];
  const mrz = () => document.getElementById("id_mrz");

  function complete(text) {
    const n = text.replace(/\s/g, "").length;
    return MRZ_LENGTHS.includes(n) || n > 90;
  }

  function next() {
    const field = mrz();
    document.getElementById("check-form").reset();
    document.getElementById("result").innerHTML = "";
    field.focus();
  }

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (target && target.id === "id_mrz" && event.key === "Enter") {
      if (event.ctrlKey || complete(target.value)) {
        event.preventDefault();
        document.getElementById("check-form").requestSubmit();
      }
      return;
    }
    const typing = target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === "n" || key === "escape") { event.preventDefault(); next(); return; }
    const button = document.querySelector(`#decide-form button[data-key="${key}"]`);
    if (!button) return;
    event.preventDefault();
    // The result may have been swapped in a moment ago: make sure htmx has bound it.
    htmx.process(document.getElementById("decide-form"));
    if ((key === "r" || key === "s") && !document.getElementById("id_reason_code").value) {
      document.getElementById("id_reason_code").focus();
      return;
    }
    if (!button.disabled) button.click();
  });

  document.body.addEventListener("htmx:afterSwap", (event) => {
    if (event.detail.target.id !== "result") return;
    if (document.querySelector("[data-testid=recorded]")) {
      document.getElementById("check-form").reset();
      mrz().focus();
    } else {
      document.getElementById("result").focus();
    }
  });
})();
