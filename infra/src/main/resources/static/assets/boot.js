// Asks who is signed in while the page's modules are still loading: the first screen needs the answer, and asking
// only once the modules have run would put one round trip after the other. main.js takes the answer (once).
window.hotlineWhoAmI = fetch('/api/v1/me', {credentials: 'same-origin',
    headers: {'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json'}}).catch(() => null);
