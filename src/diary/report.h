#pragma once
// The diary report in its three forms: JSON (SPEC.md §8), a compact terminal summary with
// sparklines, and one self-contained HTML page (charts drawn by Chart.js, embedded) that
// doubles as the summary to bring to a doctor.
#include <string>
#include <vector>

namespace twitchcheck {

class DiaryKb;
struct DiaryReport;

std::string ReportJson(const DiaryReport& r, const std::string& knowledge_version);
std::string ReportText(const DiaryReport& r);

// `chart_js` is the text of Chart.js (Debian's libjs-chart.js, chart.min.js), embedded as is.
std::string ReportHtml(const DiaryReport& r, const DiaryKb& kb, const std::string& chart_js);

// Where Debian installs Chart.js; $TWITCHCHECK_CHARTJS overrides it.
std::string ChartJsPath();

// "▁▂▃▅▇" of the values, scaled to their maximum (empty for no values).
std::string Sparkline(const std::vector<int>& values);

}  // namespace twitchcheck
