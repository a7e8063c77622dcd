/*
 * Gureum chat widget: one script tag puts a chat with a Gureum bot on any page.
 *
 *   <script src="https://YOUR-GUREUM/widget/chat.js" data-bot="bot_..." data-key="gur_..." async></script>
 *
 * Attributes: data-bot (required), data-key (a key with only the `chatbot` scope, since it is visible in the page;
 * give it a rate limit and quota), data-title, data-lang ("en" or "ko": the widget's own words), data-open ("true"
 * to start open), data-server (the Gureum base URL; by default where this script came from).
 * The conversation's session id is kept in the tab's sessionStorage, so a reload continues it.
 * Styles live in a shadow root and never leak into the page.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var bot = script.getAttribute("data-bot");
  var key = script.getAttribute("data-key") || "";
  var server = (script.getAttribute("data-server") || new URL(script.src, location.href).origin).replace(/\/+$/, "");
  var lang = script.getAttribute("data-lang") === "ko" ? "ko" : "en";
  var words = {
    en: {open: "Open chat", close: "Close chat", send: "Send", placeholder: "Type a message", label: "Message", error: "Could not send: "},
    ko: {open: "채팅 열기", close: "채팅 닫기", send: "보내기", placeholder: "메시지를 입력하세요", label: "메시지", error: "보내지 못했습니다: "}
  }[lang];
  var title = script.getAttribute("data-title") || "Chat";
  if (!bot) {
    console.error("Gureum chat widget: data-bot is required");
    return;
  }

  var storageKey = "gureum-chat-session:" + bot;
  var sessionId = null;
  try { sessionId = sessionStorage.getItem(storageKey); } catch (e) { /* storage may be blocked */ }
  if (!sessionId) {
    sessionId = "web-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10);
    try { sessionStorage.setItem(storageKey, sessionId); } catch (e) { /* a session per page load then */ }
  }

  var host = document.createElement("div");
  host.setAttribute("data-gureum-chat", bot);
  var root = host.attachShadow ? host.attachShadow({mode: "open"}) : host;
  root.innerHTML =
    "<style>" +
    ":host{all:initial}" +
    ".toggle{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;border:0;background:#2457d6;color:#fff;" +
    "font:24px/1 sans-serif;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.3);z-index:2147483000}" +
    ".toggle:focus-visible,.send:focus-visible,.chip:focus-visible,input:focus-visible{outline:3px solid #f5a623;outline-offset:2px}" +
    ".panel{position:fixed;right:20px;bottom:88px;width:min(360px,calc(100vw - 40px));height:min(520px,calc(100vh - 120px));display:none;" +
    "flex-direction:column;background:#fff;color:#1b1b1b;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.25);font:14px/1.4 sans-serif;" +
    "overflow:hidden;z-index:2147483000}" +
    ".panel.open{display:flex}" +
    "header{background:#2457d6;color:#fff;padding:12px 16px;font-weight:bold}" +
    ".log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px}" +
    ".msg{max-width:80%;padding:8px 12px;border-radius:12px;white-space:pre-wrap;word-wrap:break-word}" +
    ".user{align-self:flex-end;background:#2457d6;color:#fff}" +
    ".bot{align-self:flex-start;background:#eef1f7}" +
    ".error{align-self:stretch;background:#fdecea;color:#8a1c12}" +
    ".chips{display:flex;flex-wrap:wrap;gap:6px}" +
    ".chip{border:1px solid #2457d6;background:#fff;color:#2457d6;border-radius:14px;padding:4px 10px;cursor:pointer;font:inherit}" +
    "form{display:flex;gap:8px;padding:10px;border-top:1px solid #e2e5ec}" +
    "input{flex:1;padding:8px;border:1px solid #b9c0cc;border-radius:8px;font:inherit}" +
    ".send{background:#2457d6;color:#fff;border:0;border-radius:8px;padding:8px 12px;cursor:pointer;font:inherit}" +
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}" +
    "</style>" +
    "<button class='toggle' type='button' aria-expanded='false'></button>" +
    "<section class='panel' role='dialog'>" +
    "<header></header>" +
    "<div class='log' role='log' aria-live='polite'></div>" +
    "<form><label class='sr' for='gureum-chat-input'></label>" +
    "<input id='gureum-chat-input' autocomplete='off' maxlength='10000'>" +
    "<button class='send' type='submit'></button></form>" +
    "</section>";

  var toggle = root.querySelector(".toggle");
  var panel = root.querySelector(".panel");
  var log = root.querySelector(".log");
  var form = root.querySelector("form");
  var input = root.querySelector("input");
  var sendButton = root.querySelector(".send");
  root.querySelector("header").textContent = title;
  root.querySelector("label").textContent = words.label;
  panel.setAttribute("aria-label", title);
  input.placeholder = words.placeholder;
  sendButton.textContent = words.send;

  function setOpen(open) {
    panel.classList.toggle("open", open);
    toggle.setAttribute("aria-expanded", String(open));
    toggle.setAttribute("aria-label", open ? words.close : words.open);
    toggle.textContent = open ? "×" : "💬";
    if (open) input.focus();
  }

  function add(kind, text) {
    var div = document.createElement("div");
    div.className = "msg " + kind;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function chips(options) {
    if (!options || !options.length) return;
    var row = document.createElement("div");
    row.className = "chips";
    options.forEach(function (option) {
      var chip = document.createElement("button");
      chip.type = "button";
      chip.className = "chip";
      chip.textContent = option;
      chip.addEventListener("click", function () { row.remove(); send(option); });
      row.appendChild(chip);
    });
    log.appendChild(row);
    log.scrollTop = log.scrollHeight;
  }

  function send(text) {
    if (!text.trim()) return;
    add("user", text);
    sendButton.disabled = true;
    var headers = {"Content-Type": "application/json"};
    if (key) headers["X-Api-Key"] = key;
    fetch(server + "/v1/bots/" + encodeURIComponent(bot) + "/sessions/" + encodeURIComponent(sessionId) + ":message", {
      method: "POST", headers: headers, body: JSON.stringify({text: text})
    }).then(function (response) {
      return response.json().then(function (body) { return {ok: response.ok, body: body}; });
    }).then(function (r) {
      if (!r.ok) throw new Error((r.body && (r.body.detail || r.body.title)) || "HTTP error");
      add("bot", r.body.reply.text).setAttribute("data-status", r.body.status);
      chips(r.body.reply.quickReplies);
    }).catch(function (e) {
      add("error", words.error + e.message);
    }).then(function () {
      sendButton.disabled = false;
    });
  }

  toggle.addEventListener("click", function () { setOpen(!panel.classList.contains("open")); });
  panel.addEventListener("keydown", function (e) { if (e.key === "Escape") { setOpen(false); toggle.focus(); } });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value;
    input.value = "";
    send(text);
  });

  function mount() {
    document.body.appendChild(host);
    setOpen(script.getAttribute("data-open") === "true");
  }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
