#pragma once
// Exact inference in a two-layer noisy-OR Bayesian network (causes -> findings with leak),
// as in QMR-DT, by the Quickscore algorithm (Heckerman 1989): the cost is
// O(2^k * c) for k positive findings and c causes linked to them; negative findings are
// folded in at no exponential cost. Causes are independent a priori; several can hold
// at once, so posteriors do not sum to 1.
#include <cstddef>
#include <utility>
#include <vector>

namespace twitchcheck {

struct NoisyOrNetwork {
  size_t num_causes = 0;
  std::vector<double> leak;  // per finding: P(present | no cause present); 0 < leak < 1
  // per finding: (cause, strength) with strength = P(present | only this cause), < 1
  std::vector<std::vector<std::pair<int, double>>> parents;
};

// An observed finding. weight 1: reported present. weight in (0, 1): an uncertain report
// ("maybe", "I think"), modelled as virtual evidence with P(report | absent) = 1 - weight.
struct PositiveObservation {
  int finding = -1;
  double weight = 1.0;
};

struct InferenceResult {
  std::vector<double> posterior;  // per cause, P(cause present | evidence)
  double evidence_probability = 0;  // P(evidence), for tests and diagnostics
  bool exact = true;                // false when positives were dropped (see below)
  std::vector<int> dropped;         // findings left out to keep the computation bounded
};

// Most positive findings (linked to some cause) handled exactly. More than this and the
// least informative are left out and reported in InferenceResult::dropped: 2^10 subsets
// keep one assessment well under 100 microseconds and the alternating sum numerically sound
// in double (noisy_or.cc says how that was checked).
constexpr size_t kMaxExactPositives = 10;

// REQUIRES: prior.size() == net.num_causes, every prior in (0, 1); finding indices valid.
// A finding both in `absent` and `present` is a caller error; present wins.
InferenceResult Infer(const NoisyOrNetwork& net, const std::vector<double>& prior,
                      const std::vector<int>& absent,
                      const std::vector<PositiveObservation>& present);

// Log likelihood ratio that one observation contributes to one cause acting alone:
// log P(obs | cause alone) / P(obs | no cause). Exact for the network's link; 0 when the
// cause is not linked to the finding.
double LinkLogLikelihoodRatio(double leak, double strength, bool present, double weight);

}  // namespace twitchcheck
