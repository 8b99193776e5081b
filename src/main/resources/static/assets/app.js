// The pages' behaviour: the CSRF header on htmx requests, one idempotency key per answer, maths and
// charts after each swap, the service worker and what it says about answers queued offline.
(function () {
    "use strict";

    function csrf() {
        var token = document.querySelector("meta[name=csrf-token]");
        var header = document.querySelector("meta[name=csrf-header]");
        return token && header ? { header: header.content, token: token.content } : null;
    }

    // A fresh key for each answer form as it appears: a retried or replayed answer keeps its key,
    // so the server records it once (API.md, "Practice").
    function keyAnswers(root) {
        root.querySelectorAll("input[name=idempotencyKey]").forEach(function (input) {
            if (!input.value) input.value = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
        });
        root.querySelectorAll("input[name=elapsedStart]").forEach(function (input) {
            if (!input.value) input.value = String(Date.now());
        });
    }

    // Long skill names would squeeze a phone's chart to nothing: the axis shows their start, the
    // tooltip and the table beside the chart the whole name.
    function shortLabel(value) {
        var label = this.getLabelForValue(value);
        return label.length > 24 ? label.slice(0, 23) + "…" : label;
    }

    var palette = ["#1e3a8a", "#93c5fd", "#b45309", "#166534"];

    function charts(root) {
        if (!window.Chart) return;
        root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
            if (canvas.dataset.drawn) return;
            canvas.dataset.drawn = "1";
            var spec = JSON.parse(canvas.dataset.chart);
            spec.datasets.forEach(function (d, i) {
                d.backgroundColor = d.backgroundColor || palette[i % palette.length];
                d.borderColor = d.borderColor || palette[i % palette.length];
                // A filled series is the top of an interval band: a pale wash down to the series before.
                if (d.fill) { d.backgroundColor = "rgba(147, 197, 253, 0.35)"; d.borderColor = palette[1]; }
                d.fill = d.fill || false;
            });
            new window.Chart(canvas, {
                type: spec.type || "bar",
                data: { labels: spec.labels, datasets: spec.datasets },
                options: {
                    indexAxis: spec.horizontal ? "y" : "x",
                    responsive: true, maintainAspectRatio: false, animation: false,
                    scales: spec.horizontal
                        ? { x: { min: 0, max: 100 }, y: { ticks: { callback: shortLabel } } }
                        : spec.type === "line"
                            ? { y: { min: 0, max: 100 } }
                            : { y: { beginAtZero: true, ticks: { precision: 0 } } },
                    plugins: { legend: { position: "bottom" } }
                }
            });
        });
    }

    function elapsed(root) {
        root.querySelectorAll("form[data-answer]").forEach(function (form) {
            if (form.dataset.bound) return;
            form.dataset.bound = "1";
            form.addEventListener("submit", function () {
                var start = form.querySelector("input[name=elapsedStart]");
                var ms = form.querySelector("input[name=elapsedMs]");
                if (start && ms && start.value) ms.value = String(Math.min(Date.now() - Number(start.value), 86400000));
            });
        });
    }

    // An exam's clock: counts down to the deadline the server set, and hands the exam in at zero
    // (the server ends it at the deadline whatever the page does).
    function timers(root) {
        root.querySelectorAll("[data-deadline]").forEach(function (el) {
            if (el.dataset.ticking) return;
            el.dataset.ticking = "1";
            var deadline = Date.parse(el.dataset.deadline), sent = false;
            function tick() {
                var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
                var s = left % 60;
                el.textContent = Math.floor(left / 60) + ":" + (s < 10 ? "0" : "") + s;
                if (left === 0 && !sent) {
                    sent = true;
                    var finish = document.getElementById("finish-form");
                    if (finish) finish.submit();
                }
            }
            tick();
            setInterval(tick, 1000);
        });
    }

    function enhance(root) {
        timers(root);
        keyAnswers(root);
        elapsed(root);
        if (window.StudyLoopMath) window.StudyLoopMath.renderAll(root);
        charts(root);
    }

    function showOnline() {
        var banner = document.getElementById("offline-banner");
        if (banner) banner.hidden = navigator.onLine;
        if (navigator.onLine && navigator.serviceWorker && navigator.serviceWorker.controller) {
            navigator.serviceWorker.controller.postMessage("flush");
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        enhance(document);
        showOnline();
        window.addEventListener("online", showOnline);
        window.addEventListener("offline", showOnline);
        if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(function () {});
        document.body.addEventListener("htmx:configRequest", function (event) {
            var c = csrf();
            if (c) event.detail.headers[c.header] = c.token;
        });
        document.body.addEventListener("htmx:afterSwap", function (event) {
            enhance(event.detail.target);
            var focus = event.detail.target.querySelector("[data-focus]");
            if (focus) focus.focus();
        });
        document.body.addEventListener("htmx:afterRequest", function (event) {
            var xhr = event.detail.xhr;
            if (xhr && xhr.getResponseHeader("X-StudyLoop-Queued")) {
                var note = document.getElementById("queued-message");
                var form = event.detail.elt;
                if (note && form) form.after(note.content.cloneNode(true));
            }
        });
    });
})();
