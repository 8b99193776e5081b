// StudyLoop's service worker. The shell (styles, scripts, fonts, the offline page) is cached at
// install and served cache-first; pages always come from the network, the offline page when it fails. An answer
// posted while offline is kept in IndexedDB with its idempotency key (it is in the form body) and
// sent again when the connection returns: the server records a replayed key only once.
"use strict";
var SHELL = "studyloop-shell-v1";
var SHELL_FILES = [
    "/offline", "/assets/app.css", "/assets/app.js", "/assets/math.js", "/assets/icon.svg", "/manifest.webmanifest",
    "/webjars/htmx.org/2.0.8/dist/htmx.min.js", "/webjars/katex/0.16.47/dist/katex.min.js",
    "/webjars/katex/0.16.47/dist/katex.min.css", "/webjars/chart.js/4.5.1/dist/chart.umd.min.js"
];
var ANSWER = /^\/practice\/sessions\/[^/]+\/answers$/;

self.addEventListener("install", function (event) {
    event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_FILES); }));
    self.skipWaiting();
});

self.addEventListener("activate", function (event) {
    event.waitUntil(self.clients.claim().then(flush));
});

function db() {
    return new Promise(function (resolve, reject) {
        var open = indexedDB.open("studyloop", 1);
        open.onupgradeneeded = function () { open.result.createObjectStore("answers", { autoIncrement: true }); };
        open.onsuccess = function () { resolve(open.result); };
        open.onerror = function () { reject(open.error); };
    });
}

function store(mode, work) {
    return db().then(function (d) {
        return new Promise(function (resolve, reject) {
            var tx = d.transaction("answers", mode);
            var result = work(tx.objectStore("answers"));
            tx.oncomplete = function () { resolve(result && result.result); };
            tx.onerror = function () { reject(tx.error); };
        });
    });
}

function queue(url, body, headers) {
    return store("readwrite", function (s) { return s.add({ url: url, body: body, headers: headers }); });
}

var flushing = null;
function flush() {
    if (flushing) return flushing;
    flushing = db().then(function (d) {
        return new Promise(function (resolve) {
            var entries = [];
            var cursor = d.transaction("answers").objectStore("answers").openCursor();
            cursor.onsuccess = function () {
                var c = cursor.result;
                if (c) { entries.push({ key: c.key, value: c.value }); c.continue(); } else { resolve(entries); }
            };
        });
    }).then(function (entries) {
        return entries.reduce(function (chain, entry) {
            return chain.then(function () {
                return fetch(entry.value.url, {
                    method: "POST", credentials: "same-origin", body: entry.value.body, headers: entry.value.headers
                }).then(function (response) {
                    // Sent (or refused for good, 4xx): forget it. A 5xx stays for the next try.
                    if (response.status < 500) return store("readwrite", function (s) { return s.delete(entry.key); });
                });
            });
        }, Promise.resolve());
    }).catch(function () {}).then(function () { flushing = null; });
    return flushing;
}

self.addEventListener("message", function (event) {
    if (event.data === "flush") event.waitUntil(flush());
});

self.addEventListener("sync", function (event) {
    if (event.tag === "answers") event.waitUntil(flush());
});

self.addEventListener("fetch", function (event) {
    var request = event.request;
    var url = new URL(request.url);
    if (url.origin !== self.location.origin) return;
    if (request.method === "POST" && ANSWER.test(url.pathname)) {
        event.respondWith(request.clone().text().then(function (body) {
            return fetch(request).catch(function () {
                var headers = {};
                request.headers.forEach(function (value, name) { headers[name] = value; });
                return queue(request.url, body, headers).then(function () {
                    if (self.registration.sync) self.registration.sync.register("answers").catch(function () {});
                    return new Response("", { status: 202, headers: { "HX-Reswap": "none", "X-StudyLoop-Queued": "1" } });
                });
            });
        }));
        return;
    }
    if (request.method !== "GET" || url.pathname.startsWith("/api/")) return;
    if (SHELL_FILES.indexOf(url.pathname) >= 0 || url.pathname.startsWith("/webjars/")) {
        event.respondWith(caches.match(request).then(function (hit) {
            return hit || fetch(request).then(function (response) {
                var copy = response.clone();
                caches.open(SHELL).then(function (cache) { cache.put(request, copy); });
                return response;
            });
        }));
        return;
    }
    // Pages hold learner data and are never cached (a shared device keeps none of it).
    if (request.mode === "navigate") {
        event.respondWith(fetch(request).catch(function () { return caches.match("/offline"); }));
    }
});
