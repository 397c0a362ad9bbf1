extension PageAssets {
    /// The page's script: uploads each chosen photo to api/check one after another (waiting and
    /// retrying when the server says it is busy), shows each result, switches zh/en, and offers the
    /// fixed photo when the server can fix. A selector offers the server's profiles (api/rules
    /// lists them); each photo is checked and fixed under the one chosen when it was added. Builds every element with the DOM (no innerHTML of
    /// server text), so a file name or a message can never become markup.
    static let script = #"""
        "use strict";
        (function () {
          var T = {
            zh: {
              title: "学信网证件照检查", other: "English",
              lead: "按学信网(CHSI)图像采集标准逐条检查毕业证照片,告诉你哪里不合格、怎么改。",
              choose: "选择照片", chooseMore: "或把照片拖到这里 · 可一次选多张 · JPEG",
              privacy: "照片只在服务器的内存里检查,检查完立即丢弃:不保存、不记录,也不会发给别人。",
              footer: "photocheck · 结果仅供参考,以学信网审核为准。",
              pass: "合格", warn: "警告", fail: "不合格", error: "无法读取", wait: "检查中…",
              leadPass: "这张照片符合标准,可以上传。", leadWarn: "可以上传,但请看看下面的警告。",
              leadFail: "这张照片不符合标准:按下面的提示修改或重拍。", leadError: "这个文件不能作为照片读取。",
              todo: "需要修改", eye: "请自己对照确认(程序无法判断)", passed: "已通过的项目", legend: "图例:标注图上的线和颜色",
              fix: "下载修正后的照片", fixing: "正在修正…", fixedTitle: "修正后的照片:", fixRefused: "无法自动修正:",
              fixAgain: "修正后重新检查:", busy: "服务器正忙,稍后自动重试…", failed: "检查失败:", network: "连接服务器失败,请检查网络后重试。",
              bytes: "字节", original: "原图", checking: "正在检查", annotated: "标注图:人脸、轮廓和标准范围线",
              profileLabel: "照片标准"
            },
            en: {
              title: "CHSI ID photo check", other: "中文",
              lead: "Checks a graduation photo against the CHSI (学信网) standard, clause by clause, and says what to change.",
              choose: "Choose photos", chooseMore: "or drop them here · several at once · JPEG",
              privacy: "Photos are checked in the server's memory and dropped at once: never stored, never logged, never passed on.",
              footer: "photocheck · for guidance; CHSI's own review decides.",
              pass: "pass", warn: "warning", fail: "fail", error: "unreadable", wait: "checking…",
              leadPass: "This photo meets the standard: upload it.", leadWarn: "It can be uploaded, but read the warnings below.",
              leadFail: "This photo does not meet the standard: change or retake it as the hints say.", leadError: "This file cannot be read as a photo.",
              todo: "What to change", eye: "Confirm by eye (the program cannot judge these)", passed: "Checks passed", legend: "Legend: the marks on the picture",
              fix: "Download the fixed photo", fixing: "Fixing…", fixedTitle: "The fixed photo:", fixRefused: "Cannot be fixed automatically:",
              fixAgain: "Re-check of the fixed photo:", busy: "The server is busy; retrying shortly…", failed: "The check failed: ", network: "Could not reach the server; check the connection and try again.",
              bytes: "bytes", original: "original", checking: "checking", annotated: "annotated picture: face, outline and the standard's guide lines",
              profileLabel: "Photo standard"
            }
          };
          var lang = "zh";
          try { var saved = window.localStorage.getItem("photocheck.lang"); if (saved === "en" || saved === "zh") { lang = saved; } } catch (e) {}
          var rules = null;
          // The profile photos are checked under: null until api/rules has listed them (then the
          // server's own unless another was chosen before).
          var profile = null;
          var profiles = [];
          var results = [];
          var queue = [];
          var running = false;

          function t(key) { return T[lang][key]; }
          function loc(value) { return value ? (value[lang] || value.en || "") : ""; }
          function el(tag, cls, text) {
            var node = document.createElement(tag);
            if (cls) { node.className = cls; }
            if (text !== undefined && text !== null) { node.textContent = text; }
            return node;
          }
          function title(check) {
            if (rules) { for (var i = 0; i < rules.checks.length; i++) { if (rules.checks[i].check === check) { return loc(rules.checks[i].title); } } }
            return check;
          }

          function applyLanguage() {
            document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
            document.title = lang === "zh" ? "证件照检查 · photocheck" : "ID photo check · photocheck";
            var nodes = document.querySelectorAll("[data-t]");
            for (var i = 0; i < nodes.length; i++) { nodes[i].textContent = t(nodes[i].getAttribute("data-t")); }
            var button = document.getElementById("lang");
            button.textContent = t("other");
            button.lang = lang === "zh" ? "en" : "zh-CN";
            fillProfiles();
            renderAll();
          }

          function fillProfiles() {
            var select = document.getElementById("profile");
            while (select.firstChild) { select.removeChild(select.firstChild); }
            profiles.forEach(function (p) {
              var option = el("option", null, loc(p.title) + " · " + p.name);
              option.value = p.name;
              option.selected = p.name === profile;
              select.appendChild(option);
            });
            document.getElementById("profilebox").hidden = profiles.length < 2;
          }

          function loadRules(name) {
            return fetch("api/rules" + (name ? "?profile=" + encodeURIComponent(name) : "")).then(function (r) { return r.json(); }).then(function (doc) {
              if (!doc || !doc.checks) { return; }
              rules = doc;
              profile = doc.profile;
              if (doc.profiles) { profiles = doc.profiles; }
              fillProfiles();
              renderAll();
            }, function () {});
          }

          function renderAll() {
            var list = document.getElementById("results");
            while (list.firstChild) { list.removeChild(list.firstChild); }
            for (var i = 0; i < results.length; i++) { list.appendChild(render(results[i])); }
          }

          function legend() {
            var ul = el("ul", "legend");
            if (!rules) { return ul; }
            rules.legend.forEach(function (item) {
              var li = el("li");
              var sw = el("span", "sw k-" + item.kind);
              sw.style.setProperty("--c", item.colour);
              li.appendChild(sw);
              li.appendChild(document.createTextNode(item[lang]));
              ul.appendChild(li);
            });
            return ul;
          }

          function findingItem(f) {
            var li = el("li");
            var st = el("span", "st st-" + f.status, t(f.status));
            li.appendChild(st);
            li.appendChild(el("span", "ctitle", title(f.check)));
            li.appendChild(el("span", "msg", loc(f.message)));
            if (f.hint) { li.appendChild(el("span", "hint", "→ " + loc(f.hint))); }
            return li;
          }

          function render(r) {
            var card = el("section", "card");
            card.setAttribute("data-file", r.name);
            var h = el("h2", "name");
            var verdict = r.doc ? r.doc.photos[0].verdict : (r.problem ? "error" : "wait");
            var badge = el("span", "badge b-" + verdict, r.problem && !r.doc ? t("error") : t(verdict));
            badge.setAttribute("data-verdict", verdict);
            h.appendChild(badge);
            h.appendChild(el("span", "fname", r.name));
            card.appendChild(h);
            if (!r.doc && !r.problem) {
              var p = el("p", "meta");
              p.appendChild(el("span", "spinner"));
              p.appendChild(document.createTextNode(" " + (r.busy ? t("busy") : t("checking"))));
              card.appendChild(p);
              return card;
            }
            if (r.problem) {
              card.appendChild(el("p", "error", loc(r.problem)));
              return card;
            }
            var photo = r.doc.photos[0];
            var meta = [];
            if (photo.width && photo.height) { meta.push(photo.width + "×" + photo.height); }
            meta.push(Math.round(r.size / 1024) + " KB");
            if (r.profile && profiles.length > 1) { meta.push(r.profile); }
            card.appendChild(el("p", "meta", meta.join(" · ")));
            var leads = { pass: "leadPass", warn: "leadWarn", fail: "leadFail", error: "leadError" };
            card.appendChild(el("p", "verdict-line", t(leads[verdict])));
            if (photo.error) { card.appendChild(el("p", "error", loc(photo.error))); }
            // The fix button first: a student with a failing photo sees it without scrolling.
            if (rules && rules.server && rules.server.fix && verdict !== "error" && verdict !== "pass") {
              var actions = el("div", "actions");
              var button = el("button", "btn fix", r.fixing ? t("fixing") : t("fix"));
              button.type = "button";
              button.disabled = !!r.fixing;
              button.addEventListener("click", function () { fix(r); });
              actions.appendChild(button);
              card.appendChild(actions);
            }
            if (r.fix) { card.appendChild(renderFix(r)); }
            var body = el("div", "body");
            var pic = el("div", "pic");
            if (r.doc.annotated_picture) {
              var img = el("img");
              img.src = r.doc.annotated_picture;
              img.alt = t("annotated");
              pic.appendChild(img);
              var d = el("details", "legendbox");
              d.appendChild(el("summary", null, t("legend")));
              d.appendChild(legend());
              pic.appendChild(d);
            }
            body.appendChild(pic);
            var text = el("div", "findings");
            var flagged = photo.findings.filter(function (f) { return f.status === "fail"; })
              .concat(photo.findings.filter(function (f) { return f.status === "warn"; }));
            if (flagged.length) {
              text.appendChild(el("h3", null, t("todo")));
              var ol = el("ol", "todo");
              flagged.forEach(function (f) { ol.appendChild(findingItem(f)); });
              text.appendChild(ol);
            }
            var manual = photo.findings.filter(function (f) { return f.status === "manual"; });
            if (manual.length && verdict !== "error") {
              text.appendChild(el("h3", null, t("eye")));
              var ul = el("ul", "eye");
              manual.forEach(function (f, i) {
                var li = el("li");
                var box = el("input");
                box.type = "checkbox";
                box.id = "eye-" + r.id + "-" + i;
                box.checked = !!r.ticked[f.check];
                box.addEventListener("change", function () { r.ticked[f.check] = box.checked; });
                var label = el("label");
                label.htmlFor = box.id;
                label.appendChild(el("span", "ctitle", title(f.check)));
                label.appendChild(el("span", "msg", loc(f.hint || f.message)));
                li.appendChild(box);
                li.appendChild(label);
                ul.appendChild(li);
              });
              text.appendChild(ul);
            }
            var passed = photo.findings.filter(function (f) { return f.status === "pass"; });
            if (passed.length) {
              var det = el("details");
              det.appendChild(el("summary", null, t("passed") + " (" + passed.length + ")"));
              var pl = el("ul", "passed");
              passed.forEach(function (f) { pl.appendChild(el("li", null, title(f.check) + ":" + loc(f.message))); });
              det.appendChild(pl);
              text.appendChild(det);
            }
            body.appendChild(text);
            card.appendChild(body);
            return card;
          }

          function renderFix(r) {
            var box = el("div", "fixresult");
            if (r.fix.problem) {
              box.appendChild(el("p", "error", t("failed") + loc(r.fix.problem)));
              return box;
            }
            var doc = r.fix.doc;
            if (doc.fixed_photo) {
              var img = el("img");
              img.src = "data:image/jpeg;base64," + doc.fixed_photo;
              img.alt = t("fixedTitle");
              box.appendChild(img);
            }
            if (!doc.fixed_photo && doc.refusal) { box.appendChild(el("p", "error", t("fixRefused") + " " + loc(doc.refusal))); }
            if (doc.fixed_photo) { box.appendChild(el("p", null, t("fixedTitle") + " " + (doc.file_name || ""))); }
            if (doc.retake) { box.appendChild(el("p", "hint", loc(doc.retake))); }
            if (doc.report && doc.report.photos && doc.report.photos[0]) {
              var v = doc.report.photos[0].verdict;
              var line = el("p");
              line.appendChild(document.createTextNode(t("fixAgain") + " "));
              var b = el("span", "badge b-" + v, t(v));
              b.setAttribute("data-fix-verdict", v);
              line.appendChild(b);
              box.appendChild(line);
              // What cropping cannot change is said once by `retake`; framing and file problems that
              // remain after the fix are listed.
              var still = doc.report.photos[0].findings.filter(function (f) {
                return (f.status === "fail" || f.status === "warn") && /^(file|framing)\./.test(f.check);
              });
              if (still.length) {
                var ol = el("ol", "todo");
                still.forEach(function (f) { ol.appendChild(findingItem(f)); });
                box.appendChild(ol);
              }
            }
            return box;
          }

          function post(path, file, name, onBusy) {
            var tries = 0;
            function attempt() {
              var form = new FormData();
              if (name) { form.append("profile", name); }
              form.append("photo", file, file.name);
              return fetch(path, { method: "POST", body: form, credentials: "same-origin" }).then(function (response) {
                if (response.status === 503 && tries < 20) {
                  tries += 1;
                  var wait = parseInt(response.headers.get("Retry-After") || "1", 10);
                  if (onBusy) { onBusy(); }
                  return new Promise(function (resolve) { setTimeout(resolve, Math.max(1, wait) * 1000); }).then(attempt);
                }
                return response.json().then(function (body) { return { status: response.status, body: body }; });
              });
            }
            return attempt();
          }

          function pump() {
            if (running || !queue.length) { return; }
            running = true;
            var r = queue.shift();
            post("api/check", r.file, r.profile, function () { r.busy = true; renderAll(); }).then(function (answer) {
              if (answer.body && answer.body.photos) { r.doc = answer.body; } else { r.problem = answer.body && answer.body.error ? answer.body.error : { zh: "HTTP " + answer.status, en: "HTTP " + answer.status }; }
            }, function () {
              r.problem = { zh: T.zh.network, en: T.en.network };
            }).then(function () {
              r.busy = false;
              running = false;
              renderAll();
              pump();
            });
          }

          function fix(r) {
            r.fixing = true;
            renderAll();
            post("api/fix", r.file, r.profile).then(function (answer) {
              if (answer.body && answer.body.report) {
                r.fix = { doc: answer.body };
                if (answer.body.fixed_photo) { download(answer.body.fixed_photo, answer.body.file_name || fixedName(r.name)); }
              } else {
                r.fix = { problem: answer.body && answer.body.error ? answer.body.error : { zh: "HTTP " + answer.status, en: "HTTP " + answer.status } };
              }
            }, function () {
              r.fix = { problem: { zh: T.zh.network, en: T.en.network } };
            }).then(function () {
              r.fixing = false;
              renderAll();
            });
          }

          function fixedName(name) { return name.replace(/\.(jpe?g)$/i, "") + "-fixed.jpg"; }

          function download(base64, name) {
            var raw = atob(base64);
            var bytes = new Uint8Array(raw.length);
            for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
            var url = URL.createObjectURL(new Blob([bytes], { type: "image/jpeg" }));
            var a = el("a");
            a.href = url;
            a.download = name;
            document.body.appendChild(a);
            a.click();
            document.body.removeChild(a);
            setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
          }

          var nextID = 0;
          function add(files) {
            var batch = [];
            for (var i = 0; i < files.length; i++) {
              var r = { id: nextID++, file: files[i], name: files[i].name, size: files[i].size, ticked: {}, profile: profile };
              batch.push(r);
              queue.push(r);
            }
            // The newest choice on top, in the order it was chosen.
            results = batch.concat(results);
            renderAll();
            pump();
          }

          document.addEventListener("DOMContentLoaded", function () {
            var input = document.getElementById("files");
            var drop = document.getElementById("drop");
            input.addEventListener("change", function () { add(input.files); input.value = ""; });
            ["dragenter", "dragover"].forEach(function (name) {
              drop.addEventListener(name, function (e) { e.preventDefault(); drop.classList.add("over"); });
            });
            ["dragleave", "drop"].forEach(function (name) {
              drop.addEventListener(name, function (e) { e.preventDefault(); drop.classList.remove("over"); });
            });
            drop.addEventListener("drop", function (e) { if (e.dataTransfer && e.dataTransfer.files) { add(e.dataTransfer.files); } });
            document.getElementById("lang").addEventListener("click", function () {
              lang = lang === "zh" ? "en" : "zh";
              try { window.localStorage.setItem("photocheck.lang", lang); } catch (e) {}
              applyLanguage();
            });
            document.getElementById("profile").addEventListener("change", function (e) {
              var name = e.target.value;
              try { window.localStorage.setItem("photocheck.profile", name); } catch (err) {}
              loadRules(name);
            });
            var saved = null;
            try { saved = window.localStorage.getItem("photocheck.profile"); } catch (e) {}
            loadRules(null).then(function () {
              if (saved && saved !== profile && profiles.some(function (p) { return p.name === saved; })) { loadRules(saved); }
            });
            applyLanguage();
          });
        })();

        """#
}
