#include "engine/model.h"

namespace twitchcheck {

Model CompileModel(const Knowledge& kb) {
  Model m;
  m.link_index.assign(kb.conditions.size(), std::vector<int>(kb.findings.size(), -1));
  for (size_t c = 0; c < kb.conditions.size(); ++c)
    for (size_t l = 0; l < kb.conditions[c].links.size(); ++l)
      m.link_index[c][kb.conditions[c].links[l].finding] = static_cast<int>(l);
  NoisyOrNetwork& net = m.network;
  net.num_causes = kb.conditions.size();
  for (const Finding& f : kb.findings) net.leak.push_back(f.leak);
  net.parents.assign(kb.findings.size(), {});
  for (size_t c = 0; c < kb.conditions.size(); ++c)
    for (const Link& l : kb.conditions[c].links)
      if (l.finding >= 0) net.parents[l.finding].push_back({static_cast<int>(c), l.strength});
  return m;
}

}  // namespace twitchcheck
