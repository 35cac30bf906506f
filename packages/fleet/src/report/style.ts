/** The report page's stylesheet, inlined so that the page is one file and asks for nothing. */
export const REPORT_STYLE = `
:root {
  color-scheme: light dark;
  --text: #1b1f24; --muted: #4a525c; --page: #ffffff; --rule: #c9ced6; --link: #0b57b0;
  --passed: #11612b; --passed-bg: #e3f4e8; --failed: #a3111b; --failed-bg: #fde8ea;
  --changed: #7a4100; --changed-bg: #fff1d6; --error: #5c1a8f; --error-bg: #f1e6fb;
  font: 100%/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--text); background: var(--page);
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e8eaed; --muted: #b4bac2; --page: #14171b; --rule: #3b424b; --link: #8ab8ff;
    --passed: #8fe0a5; --passed-bg: #12301c; --failed: #ffadb3; --failed-bg: #3d1418;
    --changed: #ffd08a; --changed-bg: #3a2708; --error: #dcb8ff; --error-bg: #2c1745;
  }
}
body { margin: 0 auto; padding: 1rem; max-width: 110rem; }
a { color: var(--link); }
header p { color: var(--muted); margin: 0.25rem 0; }
/* A wide table scrolls on its own on a narrow screen, not the page. */
.scroll { overflow-x: auto; margin: 1.5rem 0; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: start; font-weight: 600; padding-bottom: 0.5rem; }
th, td { text-align: start; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
td.number { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
.status { display: inline-block; padding: 0 0.45rem; border-radius: 0.3rem; font-weight: 600; }
.status-passed { color: var(--passed); background: var(--passed-bg); }
.status-failed { color: var(--failed); background: var(--failed-bg); }
.status-changed { color: var(--changed); background: var(--changed-bg); }
.status-error { color: var(--error); background: var(--error-bg); }
.site { border-top: 2px solid var(--rule); margin-top: 2rem; }
h2 small { font-weight: normal; color: var(--muted); font-size: 1rem; }
.error { white-space: pre-wrap; color: var(--failed); }
.gates { padding-inline-start: 1.2rem; }
.accepted { font-weight: normal; color: var(--muted); }
.images { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); align-items: start; }
figure { margin: 0; }
figcaption { font-weight: 600; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--rule); }
.missing p { color: var(--muted); border: 1px dashed var(--rule); padding: 2rem 1rem; text-align: center; }
`;
