// The map and timeline of the front page. Data comes from the JSON API (/api/map,
// /api/timeline) with the filters of the page URL; nothing is loaded from another host.
// Text from the store is only ever set with textContent, never parsed as HTML.
"use strict";

(function () {
  var TYPE_COLOURS = {
    ASSAULT: "#c0392b", COERCE: "#8e44ad", PROTEST: "#2980b9", MOBILIZE: "#16a085",
    THREATEN: "#d35400", SANCTION: "#7f8c8d", REQUEST: "#27ae60", ACCUSE: "#e67e22",
    CONSULT: "#2c3e50", AGREE: "#1abc9c", SUPPORT: "#3498db", RETREAT: "#95a5a6",
    AID: "#f1c40f", REJECT: "#a04000", CONCEDE: "#5d6d7e", COOPERATE: "#48c9b0",
  };
  var SPARE_COLOURS = ["#6c3483", "#b9770e", "#117864", "#922b21", "#1f618d", "#7d6608"];
  var DAY = 86400;

  function colourOf(type) {
    if (TYPE_COLOURS[type]) return TYPE_COLOURS[type];
    var hash = 0;
    for (var i = 0; i < type.length; i++) hash = (hash * 31 + type.charCodeAt(i)) >>> 0;
    return SPARE_COLOURS[hash % SPARE_COLOURS.length];
  }

  function element(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  var pageParams = new URLSearchParams(window.location.search);
  // The dates brushed on the timeline; null keeps the page's own since/until.
  var brushed = null;

  function apiQuery(withBrush) {
    var params = new URLSearchParams();
    ["since", "until", "type", "country", "bbox", "q", "unit"].forEach(function (name) {
      pageParams.getAll(name).forEach(function (value) { if (value) params.append(name, value); });
    });
    if (withBrush && brushed) {
      params.set("since", brushed.since);
      params.set("until", brushed.until);
    }
    return params.toString();
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (response) {
      if (!response.ok) {
        return response.json().then(function (body) {
          throw new Error(typeof body.detail === "string" ? body.detail : response.statusText);
        }, function () { throw new Error(response.statusText); });
      }
      return response.json();
    });
  }

  // ------------------------------------------------------------------ map

  var map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([25, 20], 2);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Country outlines: Natural Earth (world-atlas)");

  // Rings that cross the antimeridian (Russia, Fiji) jump from +180 to -180 and would draw a
  // band across the whole map: unwrap their longitudes so each ring stays continuous.
  function unwrapRing(ring) {
    for (var i = 1; i < ring.length; i++) {
      while (ring[i][0] - ring[i - 1][0] > 180) ring[i][0] -= 360;
      while (ring[i][0] - ring[i - 1][0] < -180) ring[i][0] += 360;
    }
  }

  function unwrapShapes(collection) {
    collection.features.forEach(function (feature) {
      var geometry = feature.geometry;
      if (!geometry) return;
      var polygons = geometry.type === "Polygon" ? [geometry.coordinates]
        : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
      polygons.forEach(function (polygon) { polygon.forEach(unwrapRing); });
    });
    return collection;
  }

  var countries = fetch("/static/vendor/world-atlas-2.0.2/countries-110m.json")
    .then(function (response) { return response.json(); })
    .then(function (topology) {
      var shapes = unwrapShapes(topojson.feature(topology, topology.objects.countries));
      L.geoJSON(shapes, {
        interactive: false,
        style: { color: "#8c97a8", weight: 0.7, fillColor: "#f7f5ef", fillOpacity: 1, className: "ew-country" },
      }).addTo(map);
    });

  var cluster = L.markerClusterGroup({ disableClusteringAtZoom: 6, showCoverageOnHover: false, maxClusterRadius: 45 });
  map.addLayer(cluster);
  var counter = document.getElementById("map-count");
  var firstLoad = true;

  function popupFor(point, unit) {
    var box = element("div", null, { class: "ew-popup" });
    var heading = element("h4");
    var page = unit === "incidents" ? "/incidents/" : "/events/";
    heading.appendChild(element("a", point.type + (point.place_name ? " in " + point.place_name : ""),
      { href: page + encodeURIComponent(point.id) }));
    box.appendChild(heading);
    box.appendChild(element("div", (point.date || "undated") + (point.fatalities_best != null
      ? " · " + point.fatalities_best + " killed" : "")));
    if (unit === "incidents") {
      box.appendChild(element("div", point.n_articles + " report(s)" + (point.grade ? " · " + point.grade : "")));
    } else {
      box.appendChild(element("a", point.title || point.article_id,
        { href: "/articles/" + encodeURIComponent(point.article_id) }));
    }
    return box;
  }

  function showPoints(body) {
    cluster.clearLayers();
    var markers = body.items.map(function (point) {
      var killed = point.fatalities_best || 0;
      var colour = colourOf(point.type);
      var marker = L.circleMarker([point.lat, point.lon], {
        radius: 5 + 2.5 * Math.sqrt(killed), color: colour, fillColor: colour, fillOpacity: 0.65,
        weight: 1, className: "ew-marker ew-type-" + point.type.toLowerCase(),
      });
      marker.bindPopup(function () { return popupFor(point, body.unit); });
      return marker;
    });
    cluster.addLayers(markers);
    counter.textContent = body.items.length + " located " + body.unit + " on the map" +
      (body.total > body.items.length ? " (of " + body.total + ")" : "");
    counter.setAttribute("data-count", String(body.items.length));
    if (firstLoad && markers.length) {
      map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 6, animate: false });
    }
    firstLoad = false;
  }

  function loadPoints() {
    counter.textContent = "Loading…";
    return getJSON("/api/map?" + apiQuery(true)).then(showPoints, function (error) {
      counter.textContent = "Cannot load the map: " + error.message;
      counter.setAttribute("data-count", "error");
    });
  }

  // ------------------------------------------------------------------ timeline

  var resetButton = document.getElementById("timeline-reset");

  function toDay(seconds) {
    return new Date(seconds * 1000).toISOString().slice(0, 10);
  }

  function setBrush(range) {
    brushed = range;
    var url = new URLSearchParams(pageParams);
    if (range) { url.set("since", range.since); url.set("until", range.until); }
    // Filters live in the URL so a view can be shared.
    window.history.replaceState(null, "", "?" + url.toString());
    var form = document.getElementById("filters");
    if (form) {
      form.elements.since.value = range ? range.since : (pageParams.get("since") || "");
      form.elements.until.value = range ? range.until : (pageParams.get("until") || "");
    }
    resetButton.hidden = !range;
    return loadPoints();
  }

  function drawTimeline(body) {
    var box = document.getElementById("timeline");
    var legend = document.getElementById("legend");
    body.types.forEach(function (type) {
      var item = element("span", null, { "data-type": type });
      var dot = element("i");
      dot.style.background = colourOf(type);
      item.appendChild(dot);
      item.appendChild(document.createTextNode(type));
      legend.appendChild(item);
    });
    if (!body.days.length) {
      box.appendChild(element("p", "Nothing dated matches these filters.", { class: "hint" }));
      return;
    }
    var xs = body.days.map(function (day) { return Date.parse(day + "T00:00:00Z") / 1000; });
    // Stacked bars: each series is the running total up to its type, drawn tallest first.
    var running = xs.map(function () { return 0; });
    var stacks = body.types.map(function (type) {
      running = running.map(function (sum, i) { return sum + body.series[type][i]; });
      return running.slice();
    });
    var order = body.types.map(function (_, i) { return i; }).reverse();
    var bars = uPlot.paths.bars({ size: [0.9, 40], align: 0 });
    var options = {
      width: Math.max(box.clientWidth, 320),
      height: 220,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); },
      cursor: { drag: { x: true, y: false, setScale: false } },
      legend: { show: false },
      scales: { x: { time: true, range: function (u, min, max) { return [min - DAY, max + DAY]; } },
                y: { range: function (u, min, max) { return [0, Math.max(1, max)]; } } },
      // Whole days on the x axis: counts are per day, so hours would only mislead.
      axes: [{ space: 70, incrs: [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 182 * DAY, 365 * DAY],
               values: function (u, splits) { return splits.map(toDay); } },
             { label: body.unit }],
      series: [{}].concat(order.map(function (i) {
        var colour = colourOf(body.types[i]);
        return { label: body.types[i], stroke: colour, fill: colour, paths: bars, points: { show: false } };
      })),
      hooks: {
        setSelect: [function (u) {
          if (u.select.width < 2) return;
          var from = u.posToVal(u.select.left, "x");
          var to = u.posToVal(u.select.left + u.select.width, "x");
          setBrush({ since: toDay(Math.floor(from / DAY) * DAY), until: toDay(Math.floor(to / DAY) * DAY) });
        }],
      },
    };
    var data = [xs].concat(order.map(function (i) { return stacks[i]; }));
    var plot = new uPlot(options, data, box);
    box.setAttribute("data-ready", "true");
    box.setAttribute("data-unit", body.unit);
    document.getElementById("timeline-title").textContent = body.unit === "incidents" ? "Incidents per day" : "Events per day";
    resetButton.addEventListener("click", function () {
      plot.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
      setBrush(null);
    });
  }

  var timeline = getJSON("/api/timeline?" + apiQuery(false)).then(drawTimeline, function (error) {
    document.getElementById("timeline").appendChild(element("p", "Cannot load the timeline: " + error.message));
  });

  Promise.all([countries, loadPoints(), timeline]).then(function () {
    document.getElementById("map").setAttribute("data-ready", "true");
  });
})();
