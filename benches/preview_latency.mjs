// Save → browser shows the new text, for `bigan preview`, measured in
// headless Chromium (issue 14's target: median ≤ 100 ms).
//
//   node --experimental-websocket benches/preview_latency.mjs [BIGAN] [ROUNDS]
//
// BIGAN defaults to target/release/bigan, ROUNDS to 30. Needs Node 20.10+
// (Node 22+ without the flag) and Chromium (CHROMIUM, else `chromium` on
// PATH); no npm package: Chromium is driven over its DevTools protocol.
//
// Each round saves hospital.yaml with a new speaker name (writing it in
// place, as most editors do) and takes the time from just before the write
// until the open tab shows that name in a rendered frame (the preview
// swaps the page's body in place; a MutationObserver in the page sees the
// new text, then the next animation frame is awaited). It prints each figure and
// a summary line: `preview latency: median X ms, p90 Y ms, min…max`.

import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bigan = resolve(process.argv[2] ?? join(root, "target/release/bigan"));
const rounds = Number(process.argv[3] ?? 30);
const chromium = process.env.CHROMIUM ?? "chromium";

if (typeof WebSocket === "undefined") {
  console.error("needs WebSocket: run with node --experimental-websocket (Node 20) or Node 22+");
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "bigan-latency-"));
cpSync(join(root, "profiles/hospital.yaml"), join(work, "hospital.yaml"));
cpSync(join(root, "profiles/campaigns"), join(work, "campaigns"), { recursive: true });
const original = readFileSync(join(work, "hospital.yaml"), "utf8");
const speaker = "张建华";
if (!original.includes(speaker)) throw new Error(`hospital.yaml has no ${speaker}`);

const children = [];
function cleanUp() {
  for (const c of children) {
    // Chromium runs in a process group of its own (detached): killing the
    // group stops its renderer and helper processes too, which otherwise
    // go on writing into the profile folder being removed.
    try {
      process.kill(-c.pid, "SIGKILL");
    } catch {
      c.kill("SIGKILL");
    }
  }
  // Chromium may still be writing its profile for a moment after the kill.
  try {
    rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  } catch (e) {
    console.error(`could not remove ${work}: ${e.message}`);
  }
}
process.on("exit", cleanUp);
process.on("SIGINT", () => process.exit(130));

/** The first line of `stream` that `pattern` matches, as its match. */
function firstMatch(stream, pattern, what) {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: stream });
    const timer = setTimeout(() => reject(new Error(`no ${what} within 60 s`)), 60_000);
    lines.on("line", (line) => {
      const m = line.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
  });
}

const preview = spawn(bigan, ["preview", "hospital.yaml", "--port", "0"], { cwd: work });
children.push(preview);
preview.stderr.resume();
const url = (await firstMatch(preview.stdout, /^预览地址：(\S+)/, "preview URL"))[1];

const profileDir = join(work, "chromium");
const browser = spawn(chromium, [
  "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--remote-debugging-port=0", `--user-data-dir=${profileDir}`, "about:blank",
], { detached: true });
children.push(browser);
browser.stdout.resume();
const devtools = (await firstMatch(browser.stderr, /DevTools listening on (ws:\/\/\S+)/, "DevTools"))[1];
const http = devtools.replace(/^ws:\/\/([^/]+)\/.*$/, "http://$1");
const targets = await (await fetch(`${http}/json/list`)).json();
const page = targets.find((t) => t.type === "page");

// A minimal DevTools client: calls by id, events to listeners.
const ws = new WebSocket(page.webSocketDebuggerUrl);
await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
let nextId = 1;
const pending = new Map();
const listeners = new Set();
ws.onmessage = (m) => {
  const msg = JSON.parse(m.data);
  if (msg.id && pending.has(msg.id)) {
    pending.get(msg.id)(msg);
    pending.delete(msg.id);
  } else if (msg.method) {
    for (const l of listeners) l(msg);
  }
};
function call(method, params = {}) {
  const id = nextId++;
  ws.send(JSON.stringify({ id, method, params }));
  return new Promise((resolve) => pending.set(id, resolve));
}
/** Resolves with the time of the first paint of a page holding `text`. */
function paintedWith(text) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { listeners.delete(on); reject(new Error(`no page with ${text} within 10 s`)); }, 10_000);
    const on = async (msg) => {
      if (msg.method !== "Page.lifecycleEvent" || msg.params.name !== "firstContentfulPaint") return;
      const at = performance.now();
      const r = await call("Runtime.evaluate", {
        expression: `document.body.innerText.includes(${JSON.stringify(text)})`,
        returnByValue: true,
      });
      if (r.result?.result?.value === true) {
        clearTimeout(timer);
        listeners.delete(on);
        resolve(at);
      }
    };
    listeners.add(on);
  });
}

/**
 * Resolves with the time the open page, swapped in place by the preview's
 * live script, shows `text` and has rendered the frame that holds it (a
 * MutationObserver in the page, then the next animation frame).
 */
function shownInPlace(text) {
  const expression = `new Promise((done) => {
    const has = () => document.body.innerText.includes(${JSON.stringify(text)});
    const painted = () => requestAnimationFrame(() => setTimeout(() => done(true), 0));
    if (has()) return painted();
    const seen = new MutationObserver(() => { if (has()) { seen.disconnect(); painted(); } });
    seen.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    setTimeout(() => { seen.disconnect(); done(false); }, 10000);
  })`;
  return call("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true }).then((r) => {
    if (r.result?.result?.value !== true) throw new Error(`no page with ${text} within 10 s`);
    return performance.now();
  });
}

await call("Page.enable");
await call("Runtime.enable");
await call("Page.setLifecycleEventsEnabled", { enabled: true });
const first = paintedWith(speaker);
await call("Page.navigate", { url });
await first;
// Let the live-reload stream connect.
await new Promise((r) => setTimeout(r, 500));

const times = [];
for (let i = 1; i <= rounds; i++) {
  const name = `${speaker}${"甲乙丙丁戊己庚辛壬癸"[i % 10]}${i}`;
  const shown = shownInPlace(name);
  // The observer is in place before the save.
  await new Promise((r) => setTimeout(r, 20));
  const t0 = performance.now();
  writeFileSync(join(work, "hospital.yaml"), original.replace(speaker, name));
  const t1 = await shown;
  times.push(t1 - t0);
  console.log(`round ${i}: ${(t1 - t0).toFixed(1)} ms`);
  await new Promise((r) => setTimeout(r, 200));
}

times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
const load = loadavg().map((l) => l.toFixed(2)).join(" ");
console.log(
  `preview latency: median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, ` +
  `min ${times[0].toFixed(1)} … max ${times[times.length - 1].toFixed(1)} ms ` +
  `over ${rounds} saves (load average ${load})`,
);
ws.close();
process.exit(0);
