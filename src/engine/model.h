#pragma once
// The engine's own model, compiled from the knowledge base's data: the noisy-OR network
// (findings' leaks and, per finding, the causes that produce it) and a dense table from
// (cause, finding) to the cause's link. The knowledge base holds data only; this is built
// once per engine and is immutable afterwards.
#include <vector>

#include "engine/noisy_or.h"
#include "kb/knowledge.h"

namespace twitchcheck {

struct Model {
  NoisyOrNetwork network;
  // link_index[c][f]: index into kb.conditions[c].links of the link to finding f, or -1.
  std::vector<std::vector<int>> link_index;
};

// REQUIRES: kb was loaded (every link's finding is a valid index).
Model CompileModel(const Knowledge& kb);

}  // namespace twitchcheck
