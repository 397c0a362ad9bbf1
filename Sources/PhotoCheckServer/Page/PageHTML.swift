extension PageAssets {
    /// The tab's icon: a portrait frame with a tick.
    static let icon = #"""
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="3" y="2" width="26" height="28" rx="4" fill="#1565c0"/>
        <circle cx="16" cy="12" r="5" fill="#fff"/><path d="M7 27c1-6 5-9 9-9s8 3 9 9z" fill="#fff"/></svg>

        """#

    /// The page: a form and an empty results list; app.js does the rest. Relative addresses, so
    /// the page also works under a path prefix behind a proxy.
    static let html = #"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>证件照检查 · ID photo check</title>
        <link rel="icon" href="favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="app.css">
        <script src="app.js" defer></script>
        </head>
        <body>
        <header class="top">
        <h1 data-t="title">学信网证件照检查</h1>
        <button id="lang" type="button" lang="en">English</button>
        </header>
        <p class="lead" data-t="lead">按学信网(CHSI)图像采集标准逐条检查毕业证照片,告诉你哪里不合格、怎么改。</p>
        <form id="form" class="pick">
        <label id="drop" class="drop" for="files">
        <span class="big" data-t="choose">选择照片</span>
        <span class="small" data-t="chooseMore">或把照片拖到这里 · 可一次选多张 · JPEG</span>
        </label>
        <input type="file" id="files" name="photo" accept="image/jpeg,.jpg,.jpeg" multiple>
        <p class="profile" id="profilebox" hidden><label for="profile" data-t="profileLabel">照片标准</label>
        <select id="profile" name="profile"></select></p>
        </form>
        <p class="privacy" data-t="privacy">照片只在服务器的内存里检查,检查完立即丢弃:不保存、不记录,也不会发给别人。</p>
        <noscript><p class="error">这个页面需要 JavaScript。This page needs JavaScript.</p></noscript>
        <main id="results" aria-live="polite"></main>
        <footer><span data-t="footer">photocheck · 结果仅供参考,以学信网审核为准。</span></footer>
        </body>
        </html>

        """#
}
