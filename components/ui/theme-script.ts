// Not a client module: the root layout (a server component) inlines THEME_SCRIPT.

/** localStorage key of the person's choice; absent means "follow the system". */
export const THEME_STORAGE_KEY = 'fastdraft-theme';

/**
 * Runs in <head> before the body is painted (no flash of the wrong theme): sets `data-theme` on <html> from
 * the stored choice or `prefers-color-scheme`, and follows the system while the choice is "system". The
 * `dark-mode` class is Swagger UI's own dark theme (swagger-ui.css styles `html.dark-mode .swagger-ui`). Kept
 * as a plain string: it must not wait for any bundle.
 */
export const THEME_SCRIPT = `(function(){var k=${JSON.stringify(THEME_STORAGE_KEY)},m=window.matchMedia('(prefers-color-scheme: dark)');
function a(){var p=null;try{p=localStorage.getItem(k)}catch(e){}
var t=p==='light'||p==='dark'?p:m.matches?'dark':'light',h=document.documentElement;
h.dataset.theme=t;h.classList.toggle('dark-mode',t==='dark')}
a();m.addEventListener('change',a);window.addEventListener('storage',function(e){if(e.key===k)a()});
window.__fastdraftApplyTheme=a})();`;
