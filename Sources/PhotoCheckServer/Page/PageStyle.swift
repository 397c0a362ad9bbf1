extension PageAssets {
    /// The page's style: system fonts only, one column on a phone, picture beside the findings on
    /// a wide screen.
    static let style = #"""
        :root{--fg:#1d2329;--muted:#5b6670;--line:#d9dee3;--bg:#f6f7f9;--card:#fff;--pass:#1e8e3e;--warn:#b26a00;--fail:#c62828;--error:#6a1b9a;--accent:#1565c0}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0 auto;max-width:1040px;padding:12px 14px 40px;font:15px/1.55 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg)}
        .top{display:flex;align-items:center;justify-content:space-between;gap:8px}
        h1{font-size:21px;margin:6px 0}
        h2{font-size:16px;margin:14px 0 6px}
        #lang{font:inherit;font-size:14px;padding:6px 12px;border:1px solid var(--line);border-radius:16px;background:var(--card);color:var(--accent);cursor:pointer;white-space:nowrap}
        .lead{margin:4px 0 12px;color:var(--muted)}
        .pick input[type=file]{position:absolute;width:1px;height:1px;opacity:0}
        .drop{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:4px;min-height:120px;padding:16px;border:2px dashed #9fb3c8;border-radius:12px;background:var(--card);cursor:pointer;text-align:center}
        .drop .big{font-size:18px;font-weight:600;color:#fff;background:var(--accent);padding:10px 26px;border-radius:22px}
        .drop .small{color:var(--muted);font-size:13px}
        .drop.over{border-color:var(--accent);background:#eaf2fc}
        .pick input:focus-visible+.drop,.drop:focus-within{outline:3px solid #90caf9}
        .profile{margin:10px 0 0;display:flex;flex-wrap:wrap;gap:8px;align-items:center;font-size:14px}
        .profile select{font:inherit;font-size:14px;padding:5px 8px;border:1px solid var(--line);border-radius:8px;background:var(--card);max-width:100%}
        .privacy{font-size:13px;color:var(--muted);margin:8px 0 14px;padding:6px 10px;border-left:3px solid var(--pass);background:#eef6f0;border-radius:0 6px 6px 0}
        .card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:12px 14px;margin:0 0 14px}
        .card h2.name{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin:0 0 4px;font-size:16px;word-break:break-all}
        .badge{display:inline-block;padding:2px 10px;border-radius:12px;color:#fff;font-size:14px;font-weight:600;white-space:nowrap}
        .b-pass{background:var(--pass)}.b-warn{background:var(--warn)}.b-fail{background:var(--fail)}.b-error{background:var(--error)}.b-wait{background:#78909c}
        .meta{color:var(--muted);font-size:13px;margin:0 0 6px}
        .verdict-line{margin:4px 0 8px;font-weight:600}
        .body{display:grid;grid-template-columns:1fr;gap:12px}
        @media (min-width:760px){.body{grid-template-columns:minmax(240px,360px) 1fr}}
        .pic img{display:block;width:100%;max-width:360px;height:auto;border:1px solid var(--line);border-radius:6px;margin:0 auto}
        details{margin:6px 0}
        summary{cursor:pointer;color:var(--accent)}
        ul.legend{list-style:none;padding:0;margin:6px 0;font-size:12px;color:var(--muted)}
        ul.legend li{margin:2px 0}
        .sw{display:inline-block;width:18px;height:12px;margin-right:6px;vertical-align:middle;background:var(--c)}
        .sw.k-band{background:linear-gradient(90deg,var(--c) 25%,#777 25% 75%,var(--c) 75%);opacity:.8}
        .sw.k-line{height:3px;margin:0 6px 3px 0}
        .sw.k-dash{width:3px;height:14px;margin:0 13px 0 2px;background:repeating-linear-gradient(var(--c) 0 3px,transparent 3px 6px)}
        .sw.k-dot{width:8px;height:8px;border-radius:50%;margin:0 10px 0 4px}
        .sw.k-box{background:transparent;border:2px solid var(--c);outline:1px solid #999}
        ol.todo{padding-left:22px;margin:4px 0}
        ol.todo li{margin:0 0 10px}
        .st{font-size:12px;font-weight:600;padding:0 6px;border-radius:8px;color:#fff;margin-right:4px;vertical-align:1px}
        .st-fail{background:var(--fail)}.st-warn{background:var(--warn)}
        .ctitle{font-weight:600}
        .msg{display:block}
        .hint{display:block;color:#0d47a1}
        ul.eye{list-style:none;padding:0;margin:4px 0}
        ul.eye li{margin:0 0 8px;display:flex;gap:8px;align-items:flex-start}
        ul.eye input{margin-top:4px;width:18px;height:18px;flex:none}
        ul.passed{padding-left:20px;margin:4px 0;font-size:13px;color:var(--muted)}
        .error{color:var(--fail);font-weight:600}
        .actions{margin:4px 0 10px;display:flex;flex-wrap:wrap;gap:8px;align-items:center}
        .btn{font:inherit;font-weight:600;padding:9px 16px;border-radius:20px;border:0;background:var(--accent);color:#fff;cursor:pointer}
        .btn[disabled]{background:#90a4ae;cursor:default}
        .fixresult{margin:8px 0;padding:8px 10px;border-radius:8px;background:#f1f5f9;overflow:hidden}.fixresult p{margin:4px 0}
        .fixresult img{max-width:120px;float:right;margin:0 0 6px 10px;border:1px solid var(--line)}
        .spinner{display:inline-block;width:14px;height:14px;border:2px solid #b0bec5;border-top-color:var(--accent);border-radius:50%;animation:spin 1s linear infinite;vertical-align:-2px}
        @keyframes spin{to{transform:rotate(360deg)}}
        footer{margin-top:24px;font-size:12px;color:var(--muted);text-align:center}

        """#
}
