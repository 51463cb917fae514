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
