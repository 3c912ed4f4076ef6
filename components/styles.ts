// The panel's CSS, injected into its shadow root (the page's CSS cannot reach
// in, ours cannot leak out). Light and dark follow the page, not the OS: a
// dark X timeline on a light OS still gets a dark panel.
export const PANEL_CSS = `
:host { all: initial; }
.backdrop {
  position: fixed; inset: 0; z-index: 2147483646;
  display: flex; align-items: center; justify-content: center;
  background: rgba(15, 20, 25, 0.45);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d8dee4; --soft: #f6f8fa;
  --accent: #0b6bcb; --accent-fg: #ffffff; --warn: #b26b00; --block: #c62828; --mark: #fff1b8;
}
.backdrop.dark {
  background: rgba(0, 0, 0, 0.6);
  --bg: #1e2329; --fg: #e7e9ea; --muted: #9aa4ae; --line: #38414b; --soft: #272d35;
  --accent: #4ea1ff; --accent-fg: #0b1520; --warn: #f0b44c; --block: #ff7b72; --mark: #5c4b12;
}
.panel {
  box-sizing: border-box; width: min(460px, calc(100vw - 32px)); max-height: calc(100vh - 48px); overflow: auto;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 14px;
  box-shadow: 0 12px 40px rgba(0, 0, 0, 0.25); padding: 18px 20px 14px;
}
header { display: flex; align-items: flex-start; gap: 8px; }
h2 { flex: 1; margin: 0; font-size: 18px; line-height: 1.3; font-weight: 650; }
.close { all: unset; cursor: pointer; font-size: 22px; line-height: 1; padding: 2px 8px; border-radius: 8px; color: var(--muted); }
.close:hover { background: var(--soft); }
.intro { margin: 6px 0 12px; color: var(--muted); }
.findings { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
.finding { border: 1px solid var(--line); border-left: 4px solid var(--warn); border-radius: 10px; padding: 10px 12px; background: var(--soft); }
.finding.block { border-left-color: var(--block); }
.category { margin: 0; font-size: 12px; font-weight: 650; letter-spacing: 0.02em; text-transform: uppercase; color: var(--muted); display: flex; align-items: center; gap: 6px; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: var(--warn); }
.block .dot { background: var(--block); }
.finding.info { border-left-color: var(--accent); }
.info .dot { background: var(--accent); }
.quote { margin: 6px 0; padding: 0; font-style: italic; overflow-wrap: anywhere; }
mark { background: var(--mark); color: inherit; border-radius: 3px; padding: 0 2px; font-style: normal; }
.message { margin: 4px 0 2px; font-weight: 550; }
.why { margin: 0; color: var(--muted); font-size: 14px; }
.note { margin: 10px 0 0; font-size: 14px; color: var(--muted); }
.note.stricter { margin: 0 0 10px; }
.reason { display: grid; gap: 4px; margin-top: 12px; font-size: 14px; }
.reason textarea { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 6px 8px; resize: vertical; }
.reason small { color: var(--muted); }
footer { display: flex; justify-content: flex-end; align-items: center; gap: 8px; margin-top: 16px; flex-wrap: wrap; }
button { font: inherit; cursor: pointer; border-radius: 999px; padding: 7px 16px; border: 1px solid var(--line); background: var(--bg); color: var(--fg); font-weight: 600; }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); }
button.suggestion { margin-top: 8px; padding: 5px 12px; font-size: 14px; border-color: var(--accent); color: var(--accent); background: transparent; }
button:disabled { opacity: 0.55; cursor: default; }
button:focus-visible, a:focus-visible, textarea:focus-visible, .close:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.policy { margin: 12px 0 0; font-size: 14px; }
.policy a { color: var(--accent); }
.privacy { margin: 12px 0 0; font-size: 12px; color: var(--muted); }
@media (prefers-reduced-motion: no-preference) { .panel { animation: pop 120ms ease-out; } }
@keyframes pop { from { transform: translateY(6px); opacity: 0; } to { transform: none; opacity: 1; } }
`;

// The reminder: a small card near the composer, text only, no backdrop. It
// takes no focus and holds nothing; it goes after a few seconds or on ×.
export const REMINDER_CSS = `
:host { all: initial; }
.reminder {
  position: fixed; z-index: 2147483645; box-sizing: border-box;
  width: min(380px, calc(100vw - 24px)); padding: 10px 12px 10px 14px;
  display: flex; gap: 10px; align-items: flex-start;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  background: #ffffff; color: #1b1f24; border: 1px solid #d8dee4; border-left: 4px solid #0b6bcb;
  border-radius: 10px; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
}
.reminder.dark { background: #1e2329; color: #e7e9ea; border-color: #38414b; border-left-color: #4ea1ff; }
.body { flex: 1; min-width: 0; }
.title { margin: 0 0 2px; font-size: 12px; font-weight: 650; letter-spacing: 0.02em; text-transform: uppercase; opacity: 0.7; }
.line { margin: 0; overflow-wrap: anywhere; }
.line + .line { margin-top: 4px; }
button { all: unset; cursor: pointer; font-size: 18px; line-height: 1; padding: 2px 6px; border-radius: 6px; opacity: 0.7; }
button:hover { opacity: 1; background: rgba(127, 127, 127, 0.15); }
button:focus-visible { outline: 3px solid #0b6bcb; outline-offset: 1px; }
@media (prefers-reduced-motion: no-preference) { .reminder { animation: in 140ms ease-out; } }
@keyframes in { from { transform: translateY(4px); opacity: 0; } to { transform: none; opacity: 1; } }
`;
