#pragma once
// The knowledge base's files on disk: which they are, how they are read (bounded, regular
// files only) and the limits every copy of the knowledge base must keep (docs/limits.md).
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "kb/knowledge.h"
#include "kb/yaml.h"
#include "twitchcheck/env.h"

namespace twitchcheck {

inline constexpr size_t kMaxKnowledgeFileBytes = size_t{8} << 20;   // each file
inline constexpr size_t kMaxKnowledgeBytes = size_t{32} << 20;      // all files together
inline constexpr int kMaxKnowledgeDepth = 32;                       // YAML nesting
inline constexpr size_t kMaxKnowledgeNodes = 1'000'000;             // YAML values per file
// Every number written in a knowledge file, whatever it means: the reader converts some to
// whole numbers, and nothing the knowledge base counts or measures comes near this.
inline constexpr double kMaxKnowledgeNumber = 1'000'000;
inline constexpr size_t kMaxFindings = 100'000;
inline constexpr size_t kMaxConditions = 2'000;
// The engine keeps a dense condition x finding table (Knowledge::link_index).
inline constexpr size_t kMaxConditionFindingPairs = 20'000'000;

// The options every knowledge file is parsed with.
YamlLimits KnowledgeYamlLimits();

// What messages put before a knowledge file's name: "DIR/" for a copy in DIR (a slash is not
// doubled), "kb/" for the built-in copy (dir empty), where it was compiled from.
std::string KnowledgePrefix(const std::string& dir);

// The files a knowledge base consists of, in the order they are read.
const std::vector<std::string>& KnowledgeFileNames();

// The text reader's own files (context_rules.yaml, lexicon.yaml): optional for loading
// (the reader, not the loader, needs them), checked when present.
bool IsReaderFile(const std::string& name);

// Reads, through `env`, each of KnowledgeFileNames() from `dir` into (*files)[name], each a regular file
// within kMaxKnowledgeFileBytes and all within kMaxKnowledgeBytes. Problems (a missing,
// unreadable or non-regular file, a limit passed, an unknown *.yaml file) are appended to
// *errors with the file's path as the user gave it. Returns false when `dir` is not a
// readable directory.
bool ReadKnowledgeFiles(Env* env, const std::string& dir, std::map<std::string, std::string>* files,
                        std::vector<KbIssue>* errors);

// True when `s` is written as a number (decimal, exponent or hexadecimal; not "nan" or
// "inf", which are words): what DecodeYaml might convert.
bool LooksNumeric(const std::string& s);

// Appends an issue for every unquoted number in the document at `root` that is not finite
// or lies outside +-kMaxKnowledgeNumber, at its own line. Walks without recursion.
void CheckNumbers(const std::string& path, const YamlNode& root, std::vector<KbIssue>* errors);

}  // namespace twitchcheck
