#include "engine/noisy_or.h"

#include <algorithm>
#include <cmath>

namespace twitchcheck {

double LinkLogLikelihoodRatio(double leak, double strength, bool present, double weight) {
  const double q = 1.0 - strength;
  if (!present) return std::log(q);
  const double with_cause = 1.0 - weight * (1.0 - leak) * q;
  const double without = 1.0 - weight * (1.0 - leak);
  return std::log(with_cause / without);
}

namespace {

// double: on real assessments it gives the same posteriors as long double to 1e-4 and
// lets the compiler vectorise; the brute-force tests hold it to 1e-9 on small networks.
using Real = double;

// State of the depth-first walk over subsets of the positive findings.
struct Walk {
  const NoisyOrNetwork* net;
  const std::vector<PositiveObservation>* pos;
  const std::vector<double>* prior;
  std::vector<int> relevant;      // causes linked to some positive finding
  std::vector<int> slot;          // cause -> position in `relevant`, or -1
  std::vector<Real> m;            // per relevant cause: prod of q over negatives and S
  std::vector<Real> t;            // per relevant cause: 1 - pi + pi*m
  std::vector<Real> inv_t;        // per relevant cause: 1 / t (one division per update)
  // freeze[d]: relevant causes whose last linked positive is the (d-1)-th, so that their
  // rho is fixed in every subtree below depth d.
  std::vector<std::vector<int>> freeze;
  Real product = 1;               // prod over relevant causes of t
  std::vector<Real> numer;        // per relevant cause: signed terms with the cause on
};

inline Real T(Real prior, Real m) { return (1 - prior) + prior * m; }

// Returns the sum of the signed terms of every subset in this subtree. A cause's share
// pi*m/t changes only when a finding linked to it is included, so it is added once per
// subtree below its last such finding instead of once per leaf.
Real Visit(Walk& w, size_t depth, Real sign_weight) {
  Real sum;
  if (depth == w.pos->size()) {
    // One subset S: term = sign * prod_{j in S} w_j (1-L_j) * prod_d t_d(S).
    sum = sign_weight * w.product;
  } else {
    // S without this finding.
    sum = Visit(w, depth + 1, sign_weight);
    // S with it: every linked cause's m shrinks by q, and the term gains -w (1 - leak).
    const PositiveObservation& o = (*w.pos)[depth];
    const auto& parents = w.net->parents[o.finding];
    const Real saved_product = w.product;
    struct Saved {
      Real m, t, inv_t;
    };
    Saved saved[64];
    std::vector<Saved> spill;
    Saved* keep = saved;
    if (parents.size() > 64) {
      spill.resize(parents.size());
      keep = spill.data();
    }
    for (size_t i = 0; i < parents.size(); ++i) {
      const int r = w.slot[parents[i].first];
      const Real p = (*w.prior)[parents[i].first];
      keep[i] = {w.m[r], w.t[r], w.inv_t[r]};
      w.m[r] *= (1 - parents[i].second);
      const Real t = T(p, w.m[r]);
      w.product *= t * w.inv_t[r];
      w.t[r] = t;
      w.inv_t[r] = 1 / t;
    }
    sum += Visit(w, depth + 1, -sign_weight * o.weight * (1 - w.net->leak[o.finding]));
    for (size_t i = 0; i < parents.size(); ++i) {
      const int r = w.slot[parents[i].first];
      w.m[r] = keep[i].m;
      w.t[r] = keep[i].t;
      w.inv_t[r] = keep[i].inv_t;
    }
    w.product = saved_product;
  }
  // The share of cause r with it on is pi*m/t.
  for (int r : w.freeze[depth]) w.numer[r] += sum * w.m[r] * w.inv_t[r];
  return sum;
}

}  // namespace

InferenceResult Infer(const NoisyOrNetwork& net, const std::vector<double>& prior,
                      const std::vector<int>& absent,
                      const std::vector<PositiveObservation>& present_in) {
  InferenceResult result;
  const size_t n = net.num_causes;

  std::vector<PositiveObservation> present;
  {
    std::vector<char> is_present(net.leak.size(), 0);
    // A positive finding no cause produces only scales P(evidence) by its own
    // likelihood, 1 - w (1 - leak): it is folded in exactly and costs nothing.
    Real orphan = 1;
    for (const PositiveObservation& o : present_in) {
      if (o.weight <= 0 || is_present[o.finding]) continue;
      is_present[o.finding] = 1;
      const double weight = std::min(1.0, o.weight);
      if (net.parents[o.finding].empty()) orphan *= 1 - weight * (1 - net.leak[o.finding]);
      else present.push_back({o.finding, weight});
    }
    // Negatives: each cause's probability of not producing any of them.
    std::vector<Real> neg(n, 1);
    Real neg_leak = 1;
    std::vector<char> seen(net.leak.size(), 0);
    for (int f : absent) {
      if (is_present[f] || seen[f]) continue;
      seen[f] = 1;
      neg_leak *= 1 - net.leak[f];
      for (const auto& [c, s] : net.parents[f]) neg[c] *= 1 - s;
    }
    if (present.size() > kMaxExactPositives) {
      // Keep the findings that move some cause the most; report the rest as dropped.
      std::vector<std::pair<double, size_t>> info;
      for (size_t i = 0; i < present.size(); ++i) {
        double best = 0;
        for (const auto& [c, s] : net.parents[present[i].finding])
          best = std::max(best, LinkLogLikelihoodRatio(net.leak[present[i].finding], s, true,
                                                       present[i].weight));
        info.push_back({best, i});
      }
      std::stable_sort(info.begin(), info.end(), [](auto& a, auto& b) { return a.first > b.first; });
      std::vector<PositiveObservation> kept;
      for (size_t i = 0; i < info.size(); ++i) {
        if (i < kMaxExactPositives) kept.push_back(present[info[i].second]);
        else result.dropped.push_back(present[info[i].second].finding);
      }
      present.swap(kept);
      result.exact = false;
    }

    // Findings linked to many causes first: causes then stop changing early and their
    // shares are added high in the tree, where there are few nodes.
    std::stable_sort(present.begin(), present.end(), [&](const PositiveObservation& a, const PositiveObservation& b) {
      return net.parents[a.finding].size() > net.parents[b.finding].size();
    });
    Walk w;
    w.net = &net;
    w.pos = &present;
    w.prior = &prior;
    w.slot.assign(n, -1);
    for (const PositiveObservation& o : present)
      for (const auto& [c, s] : net.parents[o.finding])
        if (w.slot[c] < 0) {
          w.slot[c] = static_cast<int>(w.relevant.size());
          w.relevant.push_back(c);
        }
    const size_t nr = w.relevant.size();
    w.m.resize(nr);
    w.t.resize(nr);
    w.inv_t.resize(nr);
    w.numer.assign(nr, 0);
    for (size_t r = 0; r < nr; ++r) {
      const Real p = prior[w.relevant[r]];
      w.m[r] = neg[w.relevant[r]];
      w.t[r] = T(p, w.m[r]);
      w.inv_t[r] = 1 / w.t[r];
      w.product *= w.t[r];
    }
    w.freeze.assign(present.size() + 1, {});
    {
      std::vector<size_t> last(nr, 0);
      for (size_t d = 0; d < present.size(); ++d)
        for (const auto& [c, s] : net.parents[present[d].finding]) last[w.slot[c]] = d + 1;
      for (size_t r = 0; r < nr; ++r) w.freeze[last[r]].push_back(static_cast<int>(r));
    }
    const Real evidence = Visit(w, 0, 1);
    for (size_t r = 0; r < nr; ++r) w.numer[r] *= prior[w.relevant[r]];

    // Causes not linked to any positive finding are independent of the positives given
    // the negatives, so their factors are the same in every term and cancel.
    Real outside = neg_leak * orphan;
    for (size_t c = 0; c < n; ++c)
      if (w.slot[c] < 0) outside *= T(prior[c], neg[c]);
    result.evidence_probability = static_cast<double>(evidence * outside);
    result.posterior.resize(n);
    for (size_t c = 0; c < n; ++c) {
      Real post;
      if (w.slot[c] < 0) {
        post = prior[c] * neg[c] / T(prior[c], neg[c]);
      } else {
        post = evidence > 0 ? w.numer[w.slot[c]] / evidence : prior[c];
      }
      // Rounding in the alternating sum can step outside [0, 1] by a hair.
      result.posterior[c] = static_cast<double>(std::clamp<Real>(post, 0, 1));
    }
  }
  return result;
}

}  // namespace twitchcheck
