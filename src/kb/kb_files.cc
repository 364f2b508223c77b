#include "kb/kb_files.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "kb/bounded_read.h"

namespace twitchcheck {

YamlLimits KnowledgeYamlLimits() {
  YamlLimits l;
  l.max_depth = kMaxKnowledgeDepth;
  l.max_nodes = kMaxKnowledgeNodes;
  l.reject_duplicate_keys = true;
  return l;
}

const std::vector<std::string>& KnowledgeFileNames() {
  static const std::vector<std::string> names = {
      "meta.yaml",      "sources.yaml", "findings.yaml",      "conditions.yaml",
      "red_flags.yaml", "advice.yaml",  "context_rules.yaml", "lexicon.yaml"};
  return names;
}

bool IsReaderFile(const std::string& name) {
  return name == "context_rules.yaml" || name == "lexicon.yaml";
}

bool ReadKnowledgeFiles(const std::string& dir, std::map<std::string, std::string>* files,
                        std::vector<KbIssue>* errors) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    errors->push_back({dir, 0, "not a directory"});
    return false;
  }
  const std::vector<std::string>& names = KnowledgeFileNames();
  std::set<std::string> known(names.begin(), names.end());
  // The diary's own data (drinks' caffeine, body sites), read and validated by the diary
  // (src/diary/diary_kb.h), not by this loader.
  known.insert("diary.yaml");
  // A misspelt file name ("red_flag.yaml") would otherwise be ignored without a word.
  fs::directory_iterator it(dir, ec), end;
  if (ec) {
    errors->push_back({dir, 0, "cannot list the directory: " + ec.message()});
    return false;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) break;
    const fs::path p = it->path();
    if (p.extension() == ".yaml" && !known.count(p.filename().string()))
      errors->push_back({p.string(), 0, "not a knowledge-base file (expected meta.yaml, sources.yaml, "
                                        "findings.yaml, conditions.yaml, red_flags.yaml, advice.yaml, "
                                        "context_rules.yaml, lexicon.yaml, diary.yaml)"});
  }
  size_t total = 0;
  for (const std::string& name : names) {
    const std::string path = (fs::path(dir) / name).string();
    if (!fs::exists(fs::symlink_status(path, ec))) {
      if (!IsReaderFile(name)) errors->push_back({path, 0, "file is missing"});
      continue;
    }
    std::string text, err;
    if (!ReadRegularFile(path, kMaxKnowledgeFileBytes, "knowledge file", &text, &err)) {
      // The issue names the path already: "PATH: the file is a FIFO (named pipe), ...".
      const std::string named = "knowledge file '" + path + "'";
      if (err.compare(0, named.size(), named) == 0) err.replace(0, named.size(), "the file");
      errors->push_back({path, 0, err});
      continue;
    }
    total += text.size();
    if (total > kMaxKnowledgeBytes) {
      errors->push_back({path, 0, "the knowledge files together are larger than the limit of " +
                                      FormatBytes(kMaxKnowledgeBytes)});
      return true;
    }
    (*files)[name] = std::move(text);
  }
  return true;
}

bool LooksNumeric(const std::string& s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i >= s.size() || !((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) return false;
  char* end = nullptr;
  errno = 0;
  std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

void CheckNumbers(const std::string& path, const YamlNode& root, std::vector<KbIssue>* errors) {
  std::vector<YamlNode> todo = {root};
  while (!todo.empty()) {
    const YamlNode n = todo.back();
    todo.pop_back();
    if (n.IsMap()) {
      for (const auto& kv : n) {
        todo.push_back(kv.first);
        todo.push_back(kv.second);
      }
    } else if (n.IsSequence()) {
      for (const auto& x : n) todo.push_back(x);
    } else if (n.IsScalar() && LooksNumeric(n.Scalar())) {
      const double v = std::strtod(n.Scalar().c_str(), nullptr);
      if (!std::isfinite(v) || std::fabs(v) > kMaxKnowledgeNumber) {
        const std::string shown = n.Scalar().size() > 40 ? n.Scalar().substr(0, 40) + "..." : n.Scalar();
        errors->push_back({path, n.Mark().line + 1,
                           "number " + shown + " is out of range: numbers in the knowledge base lie "
                           "between -1000000 and 1000000"});
      }
    }
  }
}

}  // namespace twitchcheck
