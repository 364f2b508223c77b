// `twitchcheck eval context FILE`: the context engine against the annotated corpus.
#include "eval/context_eval.h"

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>


namespace twitchcheck {
namespace {

struct Row {
  long long id = 0;
  std::string target, sentence;
  std::string negation, temporality, experiencer;  // expected, in our vocabulary
};

// The corpus says "not particular" where we say hypothetical, and "family member" where
// we say other (SPEC.md §5).
std::string Temporality(std::string s) { return s == "not particular" ? "hypothetical" : s; }
std::string Experiencer(std::string s) { return s == "patient" ? s : "other"; }

bool ReadRows(const std::string& path, std::vector<Row>* rows, std::string* err) {
  std::ifstream in(path);
  if (!in) {
    *err = path + ": cannot read the file";
    return false;
  }
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    auto str = [&](const char* k) -> const nlohmann::json* {
      if (j.is_discarded() || !j.is_object()) return nullptr;
      auto it = j.find(k);
      return it != j.end() && it->is_string() ? &*it : nullptr;
    };
    Row r;
    for (const char* k : {"target", "sentence", "negation", "temporality", "experiencer"}) {
      if (!str(k)) {
        *err = fmt::format("{}:{}: not valid JSON or no string field \"{}\"", path, n, k);
        return false;
      }
    }
    if (j.contains("id") && j["id"].is_number_integer()) r.id = j["id"].get<long long>();
    r.target = j["target"].get<std::string>();
    r.sentence = j["sentence"].get<std::string>();
    r.negation = j["negation"].get<std::string>();
    r.temporality = Temporality(j["temporality"].get<std::string>());
    r.experiencer = Experiencer(j["experiencer"].get<std::string>());
    rows->push_back(std::move(r));
  }
  if (rows->empty()) {
    *err = path + ": no rows";
    return false;
  }
  return true;
}

std::string Cues(const ContextAnswer& r) {
  std::string s;
  for (const std::string& c : r.cues) s += (s.empty() ? "" : ", ") + c;
  return s.empty() ? "none" : s;
}

double Pct(size_t a, size_t b) { return b ? 100.0 * a / b : 0.0; }

}  // namespace

bool EvalContextFile(const Engine& engine, const std::string& path, std::ostream& out, std::string* err) {
  std::vector<Row> rows;
  if (!ReadRows(path, &rows, err)) return false;
  if (rows.empty()) {
    *err = "'" + path + "' holds no sentence";
    return false;
  }

  std::vector<ContextAnswer> results(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) results[i] = engine.Context(rows[i].sentence, rows[i].target);

  // Speed: repeat the whole pass until a quarter of a second has gone by, for a stable rate.
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  size_t classified = 0;
  double seconds = 0;
  do {
    for (const Row& r : rows) engine.Context(r.sentence, r.target);
    classified += rows.size();
    seconds = std::chrono::duration<double>(Clock::now() - start).count();
  } while (seconds < 0.25);

  size_t neg_ok = 0, tmp_ok = 0, exp_ok = 0, tp = 0, fp = 0, fn = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    const ContextAnswer& got = results[i];
    const bool n = got.negation == r.negation, t = got.temporality == r.temporality,
               e = got.experiencer == r.experiencer;
    neg_ok += n;
    tmp_ok += t;
    exp_ok += e;
    tp += got.negation == "negated" && r.negation == "negated";
    fp += got.negation == "negated" && r.negation != "negated";
    fn += got.negation != "negated" && r.negation == "negated";
    if (n && t && e) continue;
    out << fmt::format("miss id {}: target \"{}\"\n  sentence: {}\n", r.id, r.target, r.sentence);
    if (!n) out << fmt::format("  negation: expected {}, got {}\n", r.negation, got.negation);
    if (!t) out << fmt::format("  temporality: expected {}, got {}\n", r.temporality, got.temporality);
    if (!e) out << fmt::format("  experiencer: expected {}, got {}\n", r.experiencer, got.experiencer);
    out << "  cues: " << Cues(results[i]) << "\n";
  }
  const double p = tp + fp ? static_cast<double>(tp) / (tp + fp) : 0.0;
  const double rc = tp + fn ? static_cast<double>(tp) / (tp + fn) : 0.0;
  const double f1 = p + rc > 0 ? 2 * p * rc / (p + rc) : 0.0;
  const size_t n = rows.size();
  // The last three lines are the summary (a hook shows `tail -n 3`).
  out << fmt::format("negation accuracy {:.1f}% ({}/{}); negated precision {:.3f} recall {:.3f} F1 {:.3f}\n",
                     Pct(neg_ok, n), neg_ok, n, p, rc, f1);
  out << fmt::format("temporality accuracy {:.1f}% ({}/{}); experiencer accuracy {:.1f}% ({}/{})\n",
                     Pct(tmp_ok, n), tmp_ok, n, Pct(exp_ok, n), exp_ok, n);
  out << fmt::format("speed {:.0f} sentences/s in-process ({} sentences in {:.2f} s)\n",
                     classified / seconds, classified, seconds);
  return true;
}

}  // namespace twitchcheck
