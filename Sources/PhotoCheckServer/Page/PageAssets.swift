/// The page, compiled into the binary: `html`, `script` (app.js) and `style` (app.css). Nothing
/// is read from disk at run time and nothing is loaded from elsewhere (no CDN, no web fonts).
enum PageAssets {}
