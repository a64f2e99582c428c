// Asks who is signed in, and the unit directory every screen shows units by, while the page's modules are still
// loading: the first screen needs both, and asking only once the modules have run would put one round trip after
// the other (who, then units, then the screen's data). main.js takes each answer (once); without a session both
// are refused and main.js asks again after the sign-in. The page loads it before the stylesheet: a script after a
// stylesheet waits until the stylesheet is loaded and parsed, and these two requests waited with it.
(() => {
    const ask = path => fetch(path, {credentials: 'same-origin',
        headers: {'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json'}}).catch(() => null);
    window.hotlineWhoAmI = ask('/api/v1/me');
    window.hotlineUnits = ask('/api/v1/units?inService=true');
})();
