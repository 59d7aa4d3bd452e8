// Applies the saved light/dark choice before the app loads, so the page does not flash.
// An external file rather than an inline script: the CSP allows scripts from our origin only.
(function () {
  try {
    var saved = localStorage.getItem('mantine-color-scheme-value');
    var dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
    var scheme = saved === 'dark' || saved === 'light' ? saved : dark ? 'dark' : 'light';
    document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
  } catch {
    // storage blocked: Mantine falls back to light
  }
})();
