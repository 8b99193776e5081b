// The tutor page: a message is posted with the page's CSRF token and the reply read as server-sent
// events (docs/tutor.md, "Streaming"): chunks shown as they arrive, a reset clears them, done gives
// the whole reply with its sources, hint level and engine, and a question set's items with a
// "Start quiz" button. Text is only ever set as text.
(function () {
    "use strict";

    function csrf() {
        var token = document.querySelector("meta[name=csrf-token]");
        var header = document.querySelector("meta[name=csrf-header]");
        return token && header ? { header: header.content, token: token.content } : null;
    }

    function turn(list, cls, speaker, text) {
        var li = document.createElement("li");
        li.className = "turn " + cls;
        var who = document.createElement("strong");
        who.textContent = speaker;
        var p = document.createElement("p");
        p.className = "math";
        p.textContent = text;
        li.appendChild(who);
        li.appendChild(p);
        list.appendChild(li);
        return p;
    }

    function finish(form, li, body, reply) {
        var d = form.dataset;
        body.textContent = reply.reply;
        var meta = document.createElement("p");
        meta.className = "muted meta";
        var engine = document.createElement("span");
        engine.textContent = reply.engine === "LLM" ? d.engineLlm : d.engineFallback;
        meta.appendChild(engine);
        if (reply.hintLevel > 0 && reply.hintsAvailable > 0) {
            var hint = document.createElement("span");
            hint.textContent = d.hintLevel.replace("{0}", reply.hintLevel).replace("{1}", reply.hintsAvailable);
            meta.appendChild(hint);
        }
        li.appendChild(meta);
        if (reply.citations && reply.citations.length) {
            var ul = document.createElement("ul");
            ul.className = "citations";
            ul.setAttribute("aria-label", d.sources);
            reply.citations.forEach(function (c) {
                var item = document.createElement("li");
                var kind = { LESSON: d.kindLesson, ITEM: d.kindItem, SOLUTION: d.kindSolution }[c.kind] || c.kind;
                item.appendChild(document.createTextNode(kind + ": "));
                // A lesson is linked to its page (catalog's /lessons/{id}); items and solutions are not pages.
                var title = document.createElement(c.kind === "LESSON" ? "a" : "span");
                if (c.kind === "LESSON") title.href = "/lessons/" + encodeURIComponent(c.id);
                title.className = "math";
                title.textContent = c.title;
                item.appendChild(title);
                ul.appendChild(item);
            });
            li.appendChild(ul);
        }
        if (reply.items && reply.items.length && reply.practice) questionSet(form, li, reply);
        if (window.StudyLoopMath) window.StudyLoopMath.renderAll(li);
    }

    // A question set: its items (stems and choices, typeset like the rest) and a form that starts
    // them as a quiz through the practice pages, as the page renders it after a reload.
    function questionSet(form, li, reply) {
        var d = form.dataset;
        var set = document.createElement("div");
        set.className = "question-set";
        var list = document.createElement("ol");
        list.className = "set-items";
        list.setAttribute("aria-label", d.questionSet);
        reply.items.forEach(function (q) {
            var item = document.createElement("li");
            item.setAttribute("data-item", q.itemId);
            var stem = document.createElement("p");
            stem.className = "math";
            stem.textContent = q.stem;
            item.appendChild(stem);
            if (q.choices && q.choices.length) {
                var choices = document.createElement("ul");
                choices.className = "set-choices";
                q.choices.forEach(function (c) {
                    var choice = document.createElement("li");
                    choice.className = "math";
                    choice.textContent = c.text;
                    choices.appendChild(choice);
                });
                item.appendChild(choices);
            }
            list.appendChild(item);
        });
        set.appendChild(list);
        var start = document.createElement("form");
        start.method = "post";
        start.action = "/practice/sessions";
        start.className = "start-quiz";
        var token = form.querySelector("input[name=_csrf]");
        if (token) start.appendChild(hidden("_csrf", token.value));
        start.appendChild(hidden("mode", "QUIZ"));
        reply.practice.itemIds.forEach(function (id) { start.appendChild(hidden("itemId", id)); });
        var button = document.createElement("button");
        button.type = "submit";
        button.textContent = d.startQuiz;
        start.appendChild(button);
        set.appendChild(start);
        li.appendChild(set);
    }

    function hidden(name, value) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        return input;
    }

    // One "event: name\ndata: json" block of the stream.
    function parse(block) {
        var name = "message", data = "";
        block.split("\n").forEach(function (line) {
            if (line.startsWith("event:")) name = line.slice(6).trim();
            else if (line.startsWith("data:")) data += line.slice(5).replace(/^ /, "");
        });
        return { name: name, data: data ? JSON.parse(data) : {} };
    }

    async function send(form) {
        var d = form.dataset, box = form.querySelector("textarea"), button = form.querySelector("button");
        var list = document.getElementById("turns"), problem = document.getElementById("tutor-problem");
        var text = box.value.trim();
        if (!text) return;
        problem.hidden = true;
        button.disabled = true;
        var headers = { "Accept": "text/event-stream", "Content-Type": "application/x-www-form-urlencoded" };
        var c = csrf();
        if (c) headers[c.header] = c.token;
        try {
            var response = await fetch(d.stream, { method: "POST", headers: headers, body: new URLSearchParams({ text: text }) });
            if (!response.ok) {
                problem.textContent = response.status === 409 ? d.refused : d.failed;
                problem.hidden = false;
                return;
            }
            box.value = "";
            var mine = turn(list, "student", d.you, text);
            if (window.StudyLoopMath) window.StudyLoopMath.renderAll(mine.parentNode);
            var body = turn(list, "tutor", d.tutor, "");
            list.setAttribute("aria-busy", "true");
            var reader = response.body.getReader(), decoder = new TextDecoder(), buffer = "";
            for (;;) {
                var part = await reader.read();
                if (part.done) break;
                buffer += decoder.decode(part.value, { stream: true }).replace(/\r\n/g, "\n");
                var end;
                while ((end = buffer.indexOf("\n\n")) >= 0) {
                    var event = parse(buffer.slice(0, end));
                    buffer = buffer.slice(end + 2);
                    if (event.name === "chunk") body.textContent += event.data.text;
                    else if (event.name === "reset") body.textContent = "";
                    else if (event.name === "done") finish(form, body.parentNode, body, event.data);
                    else if (event.name === "error") {
                        problem.textContent = event.data.status === 409 ? d.refused : event.data.detail || d.failed;
                        problem.hidden = false;
                    }
                }
            }
        } catch (e) {
            problem.textContent = d.failed;
            problem.hidden = false;
        } finally {
            list.removeAttribute("aria-busy");
            button.disabled = false;
            box.focus();
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        var form = document.getElementById("message-form");
        if (!form) return;
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            send(form);
        });
        form.querySelector("textarea").addEventListener("keydown", function (event) {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                send(form);
            }
        });
    });
})();
