#include "kb/kb_files.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "core/bounded_read.h"
#include "twitchcheck/env.h"

namespace twitchcheck {

YamlLimits KnowledgeYamlLimits() {
  YamlLimits l;
  l.max_depth = kMaxKnowledgeDepth;
  l.max_nodes = kMaxKnowledgeNodes;
  l.reject_duplicate_keys = true;
  return l;
}

std::string KnowledgePrefix(const std::string& dir) {
  if (dir.empty()) return "kb/";
  return dir.back() == '/' ? dir : dir + "/";
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

bool ReadKnowledgeFiles(Env* env, const std::string& dir, std::map<std::string, std::string>* files,
                        std::vector<KbIssue>* errors) {
  std::vector<std::string> entries;
  Status listed = env->ListDir(dir, &entries);
  if (listed.code() == Status::Code::kNotFound) {
    errors->push_back({dir, 0, "not a directory"});
    return false;
  }
  if (!listed.ok()) {
    errors->push_back({dir, 0, listed.message()});
    return false;
  }
  const std::vector<std::string>& names = KnowledgeFileNames();
  std::set<std::string> known(names.begin(), names.end());
  // The diary's own data (drinks' caffeine, body sites), read and validated by the diary
  // (src/diary/diary_kb.h), not by this loader.
  known.insert("diary.yaml");
  const std::string base = dir.empty() ? dir : KnowledgePrefix(dir);
  // A misspelt file name ("red_flag.yaml") would otherwise be ignored without a word.
  for (const std::string& e : entries)
    if (e.size() > 5 && e.compare(e.size() - 5, 5, ".yaml") == 0 && !known.count(e))
      errors->push_back({base + e, 0, "not a knowledge-base file (expected meta.yaml, sources.yaml, "
                                      "findings.yaml, conditions.yaml, red_flags.yaml, advice.yaml, "
                                      "context_rules.yaml, lexicon.yaml, diary.yaml)"});
  size_t total = 0;
  for (const std::string& name : names) {
    const std::string path = base + name;
    std::string text;
    const Status read = env->ReadFile(path, kMaxKnowledgeFileBytes, &text);
    if (read.code() == Status::Code::kNotFound) {
      if (!IsReaderFile(name)) errors->push_back({path, 0, "file is missing"});
      continue;
    }
    if (!read.ok()) {
      // The issue names the path already: "PATH: the file is a FIFO (named pipe), ...".
      std::string err = read.message();
      const std::string named = "file '" + path + "'";
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
