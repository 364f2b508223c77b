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

using Real = long double;

// State of the depth-first walk over subsets of the positive findings.
struct Walk {
  const NoisyOrNetwork* net;
  const std::vector<PositiveObservation>* pos;
  const std::vector<double>* prior;
  std::vector<int> relevant;      // causes linked to some positive finding
  std::vector<int> slot;          // cause -> position in `relevant`, or -1
  std::vector<Real> m;            // per relevant cause: prod of q over negatives and S
  Real product = 1;               // prod over relevant causes of t_d = 1 - pi + pi*m
  Real evidence = 0;              // sum over subsets of the signed terms
  std::vector<Real> numer;        // per relevant cause: signed terms with the cause on
};

inline Real T(Real prior, Real m) { return (1 - prior) + prior * m; }

void Visit(Walk& w, size_t depth, Real sign_weight) {
  if (depth == w.pos->size()) {
    // One subset S: term = sign * prod_{j in S} w_j (1-L_j) * prod_d t_d(S).
    const Real term = sign_weight * w.product;
    w.evidence += term;
    for (size_t r = 0; r < w.relevant.size(); ++r) {
      const Real p = (*w.prior)[w.relevant[r]];
      w.numer[r] += term * (p * w.m[r] / T(p, w.m[r]));
    }
    return;
  }
  // S without this finding.
  Visit(w, depth + 1, sign_weight);
  // S with it: every linked cause's m shrinks by q, and the term gains -w (1 - leak).
  const PositiveObservation& o = (*w.pos)[depth];
  const auto& parents = w.net->parents[o.finding];
  const Real saved_product = w.product;
  std::vector<Real> saved(parents.size());
  for (size_t i = 0; i < parents.size(); ++i) {
    const int r = w.slot[parents[i].first];
    const Real p = (*w.prior)[parents[i].first];
    saved[i] = w.m[r];
    const Real before = T(p, w.m[r]);
    w.m[r] *= (1 - parents[i].second);
    w.product *= T(p, w.m[r]) / before;
  }
  Visit(w, depth + 1, -sign_weight * o.weight * (1 - w.net->leak[o.finding]));
  for (size_t i = 0; i < parents.size(); ++i) w.m[w.slot[parents[i].first]] = saved[i];
  w.product = saved_product;
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
    for (const PositiveObservation& o : present_in) {
      if (o.weight <= 0 || is_present[o.finding]) continue;
      is_present[o.finding] = 1;
      present.push_back({o.finding, std::min(1.0, o.weight)});
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
    w.m.resize(w.relevant.size());
    w.numer.assign(w.relevant.size(), 0);
    for (size_t r = 0; r < w.relevant.size(); ++r) {
      w.m[r] = neg[w.relevant[r]];
      w.product *= T(prior[w.relevant[r]], w.m[r]);
    }
    Visit(w, 0, 1);

    // Causes not linked to any positive finding are independent of the positives given
    // the negatives, so their factors are the same in every term and cancel.
    Real outside = neg_leak;
    for (size_t c = 0; c < n; ++c)
      if (w.slot[c] < 0) outside *= T(prior[c], neg[c]);
    result.evidence_probability = static_cast<double>(w.evidence * outside);
    result.posterior.resize(n);
    for (size_t c = 0; c < n; ++c) {
      Real post;
      if (w.slot[c] < 0) {
        post = prior[c] * neg[c] / T(prior[c], neg[c]);
      } else {
        post = w.evidence > 0 ? w.numer[w.slot[c]] / w.evidence : prior[c];
      }
      // Rounding in the alternating sum can step outside [0, 1] by a hair.
      result.posterior[c] = static_cast<double>(std::clamp<Real>(post, 0, 1));
    }
  }
  return result;
}

}  // namespace twitchcheck
