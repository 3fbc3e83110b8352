// The query page: YASGUI on this server's /sparql, the common prefixes preset, the example queries as buttons.
// Configuration comes from a JSON block the server wrote (no page data is inlined into script code).
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("query-config").textContent);
  if (typeof Yasgui === "undefined") { return; }  // the plain form below still works
  var endpoint = new URL(config.endpoint, window.location.href).href;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
    copyEndpointOnNewTab: true,
    populateFromUrl: false,
    persistenceId: null,
    yasqe: {
      value: config.default,
      // only completers that need no network: LOV property/class look-ups would leave the page
      autocompleters: ["prefixes", "variables"],
      prefixCcApi: null,
      persistenceId: null
    },
    yasr: { persistenceId: null }
  });
  document.getElementById("plain").hidden = true;
  var tab = yasgui.getTab();
  if (tab) { tab.setQuery(config.default); }
  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () {
      var example = config.examples[Number(button.dataset.index)];
      var current = yasgui.getTab();
      current.setQuery(example.query);
      current.query();
      document.getElementById("yasgui").scrollIntoView({ behavior: "smooth" });
    });
  });
  // the results of the query in the editor, as the endpoint's CSV (SPARQL 1.1 Query Results CSV)
  document.getElementById("query-csv").addEventListener("click", function (event) {
    var params = new URLSearchParams({ query: yasgui.getTab().getQuery(), format: "csv" });
    event.currentTarget.href = endpoint + "?" + params.toString();
  });
  window.plangraphYasgui = yasgui;
})();
