//# allFunctionsCalledOnLoad
// combobox.js: an editable combobox with a list of suggestions (WAI-ARIA APG "combobox
// with list autocomplete"): the text field keeps focus; ArrowDown/ArrowUp move through the
// suggestions (aria-activedescendant), Enter takes the active one, Escape closes the list,
// Tab leaves the field as usual. A status region says how many suggestions there are.
// The person may also type anything: what the text means is the form's business.

import { h } from "./dom.js";

export class Combobox {
  #input;
  #list;
  #status;
  #options = [];
  #active = -1;
  #words;
  #suggest;
  #onPick;
  #onFocus;
  #quiet = false;

  /**
   * input: the text field (labelled by the form); id: prefix of the list's ids; words; suggest(text) -> options
   * ({id, text, detail}); onPick(option): the person took one; onFocus(): first focus (to load data).
   */
  constructor({ input, id, words, suggest, onPick, onFocus }) {
    this.#input = input;
    this.#words = words;
    this.#suggest = suggest;
    this.#onPick = onPick;
    this.#onFocus = onFocus;
    this.#list = h("ul", { class: "rw-listbox", id: `${id}-list`, role: "listbox", "aria-label": words.t("suggestions"), hidden: true });
    this.#status = h("span", { class: "rw-sr", role: "status" });
    Object.assign(input, { autocomplete: "off", spellcheck: false });
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.#list.id);
    this.el = h("div", { class: "rw-combo" }, input, this.#list, this.#status);
    input.addEventListener("focus", () => this.#onFocus?.());
    input.addEventListener("input", () => this.#quiet || this.refresh(true));
    input.addEventListener("keydown", (e) => this.#key(e));
    input.addEventListener("blur", () => this.close());
    // Pointer: pick without taking focus from the field.
    this.#list.addEventListener("mousedown", (e) => e.preventDefault());
    this.#list.addEventListener("click", (e) => {
      const li = e.target.closest("[role=option]");
      if (li) this.#pick(Number(li.dataset.i));
    });
  }

  get open() {
    return !this.#list.hidden;
  }

  /** Recomputes the suggestions for the current text; `show` opens the list when the field has focus. */
  refresh(show = this.open) {
    const text = this.#input.value.trim();
    this.#options = text ? this.#suggest(this.#input.value) : [];
    this.#active = -1;
    this.#list.replaceChildren(
      ...this.#options.map((o, i) =>
        h("li", { id: `${this.#list.id}-${i}`, role: "option", "aria-selected": "false", "data-i": i, class: "rw-option" }, h("span", { text: o.text }), o.detail ? h("span", { class: "rw-option-detail", text: ` ${o.detail}` }) : null)));
    const focused = this.#input.getRootNode().activeElement === this.#input;
    if (show && focused && this.#options.length) this.#show();
    else this.close();
    this.#announce(text && focused);
  }

  #announce(on) {
    const n = this.#options.length;
    const s = !on ? "" : n === 0 ? this.#words.t("comboNone") : n === 1 ? this.#words.t("comboCount1") : this.#words.t("comboCount", { n });
    if (this.#status.textContent !== s) this.#status.textContent = s;
  }

  #show() {
    this.#list.hidden = false;
    this.#input.setAttribute("aria-expanded", "true");
  }

  close() {
    this.#list.hidden = true;
    this.#input.setAttribute("aria-expanded", "false");
    this.#move(-1);
  }

  #move(i) {
    const items = this.#list.children;
    if (this.#active >= 0 && items[this.#active]) items[this.#active].setAttribute("aria-selected", "false");
    this.#active = i;
    if (i >= 0 && items[i]) {
      items[i].setAttribute("aria-selected", "true");
      this.#input.setAttribute("aria-activedescendant", items[i].id);
      items[i].scrollIntoView?.({ block: "nearest" });
    } else this.#input.removeAttribute("aria-activedescendant");
  }

  #key(e) {
    const n = this.#options.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!this.open) {
        this.refresh(true);
        if (!this.open) return;
        if (e.altKey) return;
        this.#move(e.key === "ArrowDown" ? 0 : n - 1);
        return;
      }
      const step = e.key === "ArrowDown" ? 1 : -1;
      this.#move(this.#active < 0 ? (step > 0 ? 0 : n - 1) : (this.#active + step + n) % n);
    } else if (e.key === "Enter") {
      if (this.open && this.#active >= 0) {
        e.preventDefault();
        this.#pick(this.#active);
      }
    } else if (e.key === "Escape") {
      if (this.open) {
        e.preventDefault();
        e.stopPropagation();
        this.close();
      }
    }
  }

  #pick(i) {
    const o = this.#options[i];
    if (!o) return;
    this.#input.value = o.text;
    this.close();
    this.#announce(false);
    this.#onPick?.(o);
    this.#quiet = true; // an answer changed; the list stays closed
    this.#input.dispatchEvent(new Event("input", { bubbles: true }));
    this.#quiet = false;
  }
}
