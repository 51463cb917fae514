/*
 * Paginators write their counts as numbers grouped in thousands ("1-25 of 1,000,000"), as the rest of the console does.
 * PrimeFaces writes them raw, on the server for the first render and in its JavaScript at every page change or ajax
 * update: this groups whatever either wrote, as it appears, without touching the template's words.
 */
(function () {
    "use strict";

    function grouped(text) {
        return text.replace(/\d{4,}/g, function (digits) {
            return Number(digits).toLocaleString("en-US");
        });
    }

    function groupReport(report) {
        var text = grouped(report.textContent);
        if (text !== report.textContent) {
            report.textContent = text;
        }
    }

    function groupReports(root) {
        root.querySelectorAll(".ui-paginator-current").forEach(groupReport);
    }

    groupReports(document);
    new MutationObserver(function (mutations) {
        mutations.forEach(function (mutation) {
            var node = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentElement;
            if (!node) {
                return;
            }
            var report = node.closest(".ui-paginator-current");
            if (report) {
                groupReport(report);
            } else {
                groupReports(node);
            }
        });
    }).observe(document.body, {childList: true, characterData: true, subtree: true});
})();

/*
 * A form with the class console-busy-on-submit (the customers' import: a full-page upload that can take a while) is
 * sent once: a second submit while the first runs is dropped, its buttons are disabled and its .console-busy note
 * shown. Disabling waits a tick, so that the clicked button is still part of the request the browser sends. Whenever
 * the page is shown again (back, or a stopped upload's page kept by the browser), the form may be sent again.
 */
(function () {
    "use strict";

    function setBusy(form, busy) {
        if (busy) {
            form.dataset.busy = "true";
        } else {
            delete form.dataset.busy;
        }
        form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (button) {
            button.disabled = busy;
            button.classList.toggle("ui-state-disabled", busy);
        });
        form.querySelectorAll(".console-busy").forEach(function (note) {
            note.hidden = !busy;
        });
    }

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (event.defaultPrevented || !(form instanceof HTMLFormElement) || !form.classList.contains("console-busy-on-submit")) {
            return;
        }
        if (form.dataset.busy) {
            event.preventDefault();
            return;
        }
        form.dataset.busy = "true";
        setTimeout(function () {
            setBusy(form, true);
        }, 0);
    });

    window.addEventListener("pageshow", function () {
        document.querySelectorAll("form.console-busy-on-submit").forEach(function (form) {
            setBusy(form, false);
        });
    });
})();
