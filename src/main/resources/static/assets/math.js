// Maths in item texts: $…$ inline and $$…$$ display TeX rendered by KaTeX, \$ a literal dollar,
// *emphasis* and **strong** as the content packs write them. Text is only ever set as text, never
// parsed as HTML, so an item cannot inject markup. Also turns a typed answer expression into TeX
// for the live preview (2x^2 + sqrt(x)/3 → 2x^{2} + \sqrt{x}/3).
(function () {
    "use strict";

    function segments(text) {
        var out = [], buffer = "", i = 0;
        while (i < text.length) {
            var c = text[i];
            if (c === "\\" && text[i + 1] === "$") { buffer += "$"; i += 2; continue; }
            if (c === "$") {
                var display = text[i + 1] === "$";
                var open = display ? 2 : 1;
                var end = findClose(text, i + open, display);
                if (end > 0) {
                    if (buffer) { out.push({ text: buffer }); buffer = ""; }
                    out.push({ tex: text.slice(i + open, end), display: display });
                    i = end + open;
                    continue;
                }
            }
            buffer += c;
            i++;
        }
        if (buffer) out.push({ text: buffer });
        return out;
    }

    function findClose(text, from, display) {
        for (var j = from; j < text.length; j++) {
            if (text[j] === "\\") { j++; continue; }
            if (text[j] === "$" && (!display || text[j + 1] === "$")) return j > from ? j : -1;
        }
        return -1;
    }

    function appendText(parent, text) {
        var pattern = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*)/g, last = 0, m;
        while ((m = pattern.exec(text)) !== null) {
            parent.appendChild(document.createTextNode(text.slice(last, m.index)));
            var strong = m[0].startsWith("**");
            var el = document.createElement(strong ? "strong" : "em");
            el.textContent = m[0].slice(strong ? 2 : 1, strong ? -2 : -1);
            parent.appendChild(el);
            last = m.index + m[0].length;
        }
        parent.appendChild(document.createTextNode(text.slice(last)));
    }

    function render(el) {
        if (el.dataset.rendered) return;
        var source = el.textContent;
        el.textContent = "";
        segments(source).forEach(function (s) {
            if (s.text !== undefined) { appendText(el, s.text); return; }
            var span = document.createElement("span");
            if (window.katex) {
                window.katex.render(s.tex, span, { displayMode: s.display, throwOnError: false });
            } else {
                span.textContent = s.tex;
            }
            el.appendChild(span);
        });
        el.dataset.rendered = "1";
    }

    function expressionToTex(typed) {
        var tex = typed.replace(/sqrt\(/g, "\\sqrt(").replace(/\*/g, " \\cdot ").replace(/pi/g, "\\pi ");
        // A function's or a power's parenthesised argument becomes a TeX group.
        var out = "", i = 0;
        while (i < tex.length) {
            if ((tex.startsWith("\\sqrt(", i)) || (tex[i] === "^" && tex[i + 1] === "(")) {
                var head = tex[i] === "^" ? "^" : "\\sqrt";
                var start = i + head.length + 1, depth = 1, j = start;
                while (j < tex.length && depth > 0) { if (tex[j] === "(") depth++; if (tex[j] === ")") depth--; j++; }
                out += head + "{" + expressionToTex(tex.slice(start, depth === 0 ? j - 1 : j)) + "}";
                i = j;
                continue;
            }
            if (tex[i] === "^") {
                var k = i + 1;
                while (k < tex.length && /[0-9.a-zA-Z]/.test(tex[k]) && (k === i + 1 || /[0-9.]/.test(tex[k]))) k++;
                out += "^{" + tex.slice(i + 1, k) + "}";
                i = k;
                continue;
            }
            out += tex[i];
            i++;
        }
        return out;
    }

    function preview(input) {
        var target = document.getElementById(input.dataset.preview);
        if (!target) return;
        if (!window.katex || !input.value.trim()) { target.textContent = input.value; return; }
        window.katex.render(expressionToTex(input.value), target, { throwOnError: false });
    }

    window.StudyLoopMath = {
        renderAll: function (root) {
            (root || document).querySelectorAll(".math").forEach(render);
            (root || document).querySelectorAll("input[data-preview]").forEach(function (input) {
                if (input.dataset.bound) return;
                input.dataset.bound = "1";
                input.addEventListener("input", function () { preview(input); });
                preview(input);
            });
        },
        expressionToTex: expressionToTex
    };
})();
