// One self-contained HTML page: the doctor's summary in words first, then the charts
// (Chart.js from Debian's libjs-chart.js, embedded whole). Printable on two A4 pages.
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "diary/analysis.h"
#include "diary/diary_kb.h"
#include "diary/report.h"

namespace twitchcheck {
namespace {

std::string Esc(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

// JSON inside <script>: "</" must not close the element.
std::string ScriptSafe(std::string s) {
  for (size_t at = s.find("</"); at != std::string::npos; at = s.find("</", at + 2)) s.replace(at, 2, "<\\/");
  return s;
}

const char* LagWords(int lag) { return lag == 0 ? "same day" : lag == 1 ? "day before" : "two days before"; }

const char kStyle[] = R"css(
body{font:14px/1.4 system-ui,sans-serif;margin:16px auto;max-width:1000px;color:#222}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:18px 0 6px;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{padding:2px 6px;border-bottom:1px solid #eee;text-align:left}
.flag{color:#a00;font-weight:600}.muted{color:#666;font-size:12px}.grid{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.chart{position:relative;height:220px}.chart.tall{height:320px}
@page{size:A4;margin:12mm}
@media print{body{margin:0;max-width:none;font-size:11px}.page2{break-before:page}.chart{height:180px}.chart.tall{height:260px}}
)css";

// Draws the four charts from DATA; sets body[data-charts] to how many were drawn.
const char kScript[] = R"js(
(function(){
  const D = DATA; let drawn = 0;
  Chart.defaults.animation = false; Chart.defaults.responsive = true; Chart.defaults.maintainAspectRatio = false;
  const colors = ['#1f77b4','#ff7f0e','#2ca02c','#d62728','#9467bd','#8c564b','#e377c2','#7f7f7f','#17becf'];
  function make(id, cfg){ const el = document.getElementById(id); if (!el) return; new Chart(el, cfg); drawn++; }
  make('episodes', {type:'bar', data:{labels:D.dates, datasets:[{label:'episodes per day', data:D.episodes, backgroundColor:'#d62728'}]},
    options:{plugins:{legend:{display:false}}, scales:{x:{ticks:{maxTicksLimit:12}}, y:{beginAtZero:true, title:{display:true,text:'episodes'}}}}});
  make('factors', {type:'line', data:{labels:D.dates, datasets:D.factors.map((f,i)=>({label:f.label, data:f.values,
    borderColor:colors[i%colors.length], backgroundColor:colors[i%colors.length], spanGaps:false, pointRadius:0, borderWidth:1.5, yAxisID:f.axis}))},
    options:{scales:{x:{ticks:{maxTicksLimit:12}}, mg:{position:'right', beginAtZero:true, title:{display:true,text:'caffeine mg'}},
      v:{position:'left', beginAtZero:true, title:{display:true,text:'hours, 0-10, units'}}}}});
  const maxN = Math.max(1, ...D.sites.map(s=>s.episodes));
  make('bodymap', {type:'bubble', data:{datasets:[
      {type:'line', label:'body', data:D.outline, showLine:true, pointRadius:0, borderColor:'#bbb', borderWidth:1, fill:false},
      {label:'sites', data:D.sites.map(s=>({x:s.x, y:s.y, r:4+14*Math.sqrt(s.episodes/maxN), name:s.name, n:s.episodes})),
       backgroundColor:D.sites.map(s=>s.new?'rgba(214,39,40,0.7)':'rgba(31,119,180,0.6)')}]},
    options:{plugins:{legend:{display:false}, tooltip:{callbacks:{label:c=>c.raw.name?(c.raw.name+': '+c.raw.n):''}}},
      scales:{x:{min:0,max:100,display:false}, y:{min:0,max:100,reverse:true,display:false}}}});
  if (D.assoc.length) make('forest', {type:'bar', data:{labels:D.assoc.map(a=>a.label), datasets:[
      {label:'95% interval', data:D.assoc.map(a=>[a.lo,a.hi]), backgroundColor:D.assoc.map(a=>a.verdict==='associated'?'rgba(214,39,40,0.5)':a.verdict==='protective'?'rgba(44,160,44,0.5)':'rgba(127,127,127,0.35)'), barPercentage:0.5, grouped:false},
      {label:'rate ratio', data:D.assoc.map(a=>[a.rr*0.985,a.rr*1.015]), backgroundColor:'#000', barPercentage:0.9, grouped:false}]},
    options:{indexAxis:'y', plugins:{legend:{display:false}}, scales:{x:{type:'logarithmic', title:{display:true,text:'rate ratio (1 = no difference)'}}}},
    plugins:[{id:'one', afterDatasetsDraw(c){ const x = c.scales.x.getPixelForValue(1), a = c.chartArea, g = c.ctx;
      if (x < a.left || x > a.right) return; g.save(); g.strokeStyle = '#444'; g.setLineDash([4,3]);
      g.beginPath(); g.moveTo(x, a.top); g.lineTo(x, a.bottom); g.stroke(); g.restore(); }}]});
  make('trend', {type:'bar', data:{labels:D.weeks.map(w=>w.week), datasets:[{label:'episodes per day, weekly mean', data:D.weeks.map(w=>w.days?w.episodes/w.days:0), backgroundColor:'#1f77b4'}]},
    options:{plugins:{legend:{display:false}}, scales:{y:{beginAtZero:true, title:{display:true,text:'episodes per day'}}}}});
  document.body.dataset.charts = String(drawn);
})();
)js";

}  // namespace

std::string ReportHtml(const DiaryReport& r, const DiaryKb& kb, const std::string& chart_js) {
  using json = nlohmann::ordered_json;
  json data;
  data["dates"] = r.dates;
  data["episodes"] = r.daily_episodes;
  json factors = json::array();
  for (const auto& [field, values] : r.daily_factors) {
    json vals = json::array();
    bool any = false;
    for (double v : values) {
      if (std::isnan(v)) vals.push_back(nullptr);
      else vals.push_back(v), any = true;
    }
    if (!any) continue;
    std::string label = field;
    for (char& ch : label)
      if (ch == '_') ch = ' ';
    factors.push_back({{"label", label}, {"axis", field == "caffeine_mg" ? "mg" : "v"}, {"values", std::move(vals)}});
  }
  data["factors"] = std::move(factors);
  json sites = json::array();
  for (const SiteSummary& s : r.sites) {
    const DiarySite* ks = kb.FindSite(s.site);
    sites.push_back({{"name", s.name}, {"x", ks ? ks->x : 50}, {"y", ks ? ks->y : 50}, {"episodes", s.episodes},
                     {"new", s.new_region}});
  }
  data["sites"] = std::move(sites);
  // A plain front-view outline (head, trunk, arms, legs) for the body map.
  data["outline"] = json::parse(R"([{"x":50,"y":0},{"x":56,"y":4},{"x":56,"y":12},{"x":53,"y":16},{"x":53,"y":18},
    {"x":64,"y":20},{"x":70,"y":46},{"x":66,"y":47},{"x":60,"y":28},{"x":60,"y":46},{"x":58,"y":98},{"x":52,"y":98},
    {"x":50,"y":55},{"x":48,"y":98},{"x":42,"y":98},{"x":40,"y":46},{"x":40,"y":28},{"x":34,"y":47},{"x":30,"y":46},
    {"x":36,"y":20},{"x":47,"y":18},{"x":47,"y":16},{"x":44,"y":12},{"x":44,"y":4},{"x":50,"y":0}])");
  json assoc = json::array();
  for (const Association& a : r.associations)
    if (a.tested)
      assoc.push_back({{"label", a.label + ", " + LagWords(a.lag)}, {"rr", a.rate_ratio}, {"lo", a.lo}, {"hi", a.hi},
                       {"verdict", a.verdict}});
  data["assoc"] = std::move(assoc);
  json weeks = json::array();
  for (const WeekCount& w : r.trend.per_week) weeks.push_back({{"week", w.week}, {"episodes", w.episodes}, {"days", w.days}});
  data["weeks"] = std::move(weeks);

  std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Twitching diary " +
                  Esc(r.first) + " to " + Esc(r.last) + "</title>\n<style>" + kStyle + "</style>\n</head><body>\n";
  h += "<h1>Twitching diary: summary for a doctor</h1>\n";
  h += fmt::format("<p class=\"muted\">{} to {} &middot; made by twitchcheck from the person's own diary entries "
                   "&middot; not a diagnosis</p>\n",
                   Esc(r.first), Esc(r.last));
  h += "<h2>How long, how often, where</h2>\n<ul>\n";
  h += fmt::format("<li>First episode to last: <b>{} days</b>; diary kept {} days ({} with a day entry).</li>\n",
                   r.episode_span_days, r.span_days, r.days_logged);
  h += fmt::format("<li><b>{}</b> episode(s) on {} of {} days ({:.1f} per day on average).</li>\n", r.episodes,
                   r.episode_days, r.span_days, r.span_days ? static_cast<double>(r.episodes) / r.span_days : 0.0);
  if (r.median_duration_s) h += fmt::format("<li>Median duration {:.0f} s.</li>\n", *r.median_duration_s);
  if (r.mean_intensity) h += fmt::format("<li>Mean intensity {:.1f} / 10.</li>\n", *r.mean_intensity);
  if (!r.sites.empty()) {
    h += "<li>Where: ";
    for (size_t i = 0; i < r.sites.size(); ++i) {
      const SiteSummary& s = r.sites[i];
      h += fmt::format("{}{} ({}&times;, {} to {}){}", i ? "; " : "", Esc(s.name), s.episodes, s.first, s.last,
                       s.new_region ? " <span class=\"flag\">new</span>" : "");
    }
    h += ".</li>\n";
  }
  if (r.trend.estimated)
    h += fmt::format("<li>Trend: &times;{:.2f} per month (95% CI {:.2f}&ndash;{:.2f}).</li>\n",
                     r.trend.rate_ratio_per_month, r.trend.lo, r.trend.hi);
  h += "<li>Tried: ";
  if (r.tried.empty()) h += "nothing recorded";
  for (size_t i = 0; i < r.tried.size(); ++i)
    h += fmt::format("{}{} ({} days)", i ? "; " : "", Esc(r.tried[i].first), r.tried[i].second);
  h += ".</li>\n</ul>\n";
  if (!r.flags.empty()) {
    h += "<h2>Worth a doctor's attention</h2>\n<ul>\n";
    for (const DiaryFlag& f : r.flags) h += "<li class=\"flag\">" + Esc(f.text) + "</li>\n";
    h += "</ul>\n";
  }
  h += "<h2>What seems to go with more episodes</h2>\n<p class=\"muted\">Rate ratio = episodes on days with the "
       "factor (or the day after) divided by days without, all factors adjusted for one another; 95% interval; q = "
       "p-value corrected for testing every factor and lag (Benjamini&ndash;Hochberg). An association is not proof "
       "of a cause.</p>\n<table><tr><th>factor</th><th>when</th><th>rate ratio (95% CI)</th><th>q</th><th>what it "
       "shows</th></tr>\n";
  for (const Association& a : r.associations) {
    if (!a.tested) continue;
    std::string v = a.verdict == "associated"   ? "<b>associated with more episodes</b>"
                    : a.verdict == "protective" ? "<b>associated with fewer episodes</b>"
                                                : "no clear evidence" +
                                                      (a.needed ? fmt::format(" (~{} more days)", *a.needed) : "");
    h += fmt::format("<tr><td>{}</td><td>{}</td><td>{:.2f} ({:.2f}&ndash;{:.2f})</td><td>{:.3g}</td><td>{}</td></tr>\n",
                     Esc(a.label), LagWords(a.lag), a.rate_ratio, a.lo, a.hi, a.q, v);
  }
  h += "</table>\n";
  std::string open;
  std::string last;
  for (const Association& a : r.associations)
    if (!a.tested && a.factor != last) {
      last = a.factor;
      open += (open.empty() ? "" : "; ") + Esc(a.label) + (a.needed ? fmt::format(" (~{} more days)", *a.needed) : "");
    }
  if (!open.empty()) h += "<p class=\"muted\">Not enough data yet: " + open + ".</p>\n";
  h += "<div class=\"page2\"><h2>Episodes per day, and the day's factors</h2>\n"
       "<div class=\"chart\"><canvas id=\"episodes\"></canvas></div>\n<div class=\"chart\"><canvas id=\"factors\">"
       "</canvas></div>\n<div class=\"grid\"><div><h2>Where (red = new area)</h2><div class=\"chart tall\"><canvas "
       "id=\"bodymap\"></canvas></div></div>\n<div><h2>Associations (log scale)</h2><div class=\"chart tall\"><canvas "
       "id=\"forest\"></canvas></div></div></div>\n<h2>Trend: episodes per day, by week</h2>\n<div class=\"chart\">"
       "<canvas id=\"trend\"></canvas></div></div>\n";
  h += "<script>\n" + chart_js + "\n</script>\n";
  h += "<script>\nconst DATA = " + ScriptSafe(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) + ";\n" + kScript + "</script>\n</body></html>\n";
  return h;
}

}  // namespace twitchcheck
