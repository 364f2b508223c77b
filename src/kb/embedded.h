#pragma once
#include <string_view>
#include <vector>

namespace twitchcheck {

// One knowledge-base file compiled into the program (see cmake/embed_kb.cmake).
struct EmbeddedFile {
  std::string_view name;  // file name, e.g. "conditions.yaml"
  std::string_view text;  // whole file contents
};

// The kb/*.yaml files as they were at build time, sorted by name.
const std::vector<EmbeddedFile>& EmbeddedKnowledgeFiles();

}  // namespace twitchcheck
