#include "engine/noisy_or.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace twitchcheck {
namespace {

// P(evidence, cause states) summed by brute force over all 2^n cause configurations.
struct BruteForce {
  std::vector<double> posterior;
  double evidence = 0;
};

BruteForce Enumerate(const NoisyOrNetwork& net, const std::vector<double>& prior,
                     const std::vector<int>& absent, const std::vector<PositiveObservation>& present) {
  const size_t n = net.num_causes;
  BruteForce b;
  b.posterior.assign(n, 0);
  for (unsigned config = 0; config < (1u << n); ++config) {
    double p = 1;
    for (size_t c = 0; c < n; ++c) p *= (config >> c & 1) ? prior[c] : 1 - prior[c];
    auto p_off = [&](int f) {  // P(finding f absent | config)
      double q = 1 - net.leak[f];
      for (const auto& [c, s] : net.parents[f])
        if (config >> c & 1) q *= 1 - s;
      return q;
    };
    for (int f : absent) p *= p_off(f);
    for (const PositiveObservation& o : present) p *= 1 - o.weight * p_off(o.finding);
    b.evidence += p;
    for (size_t c = 0; c < n; ++c)
      if (config >> c & 1) b.posterior[c] += p;
  }
  for (double& x : b.posterior) x /= b.evidence;
  return b;
}

NoisyOrNetwork RandomNetwork(std::mt19937& rng, size_t causes, size_t findings) {
  std::uniform_real_distribution<double> leak(0.005, 0.2), strength(0.05, 0.95), coin(0, 1);
  NoisyOrNetwork net;
  net.num_causes = causes;
  net.leak.resize(findings);
  net.parents.resize(findings);
  for (size_t f = 0; f < findings; ++f) {
    net.leak[f] = leak(rng);
    for (size_t c = 0; c < causes; ++c)
      if (coin(rng) < 0.45) net.parents[f].push_back({static_cast<int>(c), strength(rng)});
  }
  return net;
}

TEST(NoisyOrTest, MatchesBruteForceOnRandomNetworks) {
  std::mt19937 rng(20261122);
  for (int trial = 0; trial < 200; ++trial) {
    const size_t causes = 2 + trial % 7, findings = 3 + trial % 9;
    NoisyOrNetwork net = RandomNetwork(rng, causes, findings);
    std::vector<double> prior(causes);
    std::uniform_real_distribution<double> pr(0.001, 0.6), coin(0, 1);
    for (double& p : prior) p = pr(rng);
    std::vector<int> absent;
    std::vector<PositiveObservation> present;
    for (size_t f = 0; f < findings; ++f) {
      double u = coin(rng);
      if (u < 0.35) absent.push_back(static_cast<int>(f));
      else if (u < 0.7) present.push_back({static_cast<int>(f), 1.0});
      else if (u < 0.8) present.push_back({static_cast<int>(f), 0.5});  // uncertain report
    }
    InferenceResult got = Infer(net, prior, absent, present);
    BruteForce want = Enumerate(net, prior, absent, present);
    ASSERT_TRUE(got.exact);
    EXPECT_NEAR(got.evidence_probability, want.evidence, 1e-12 + 1e-9 * want.evidence) << "trial " << trial;
    for (size_t c = 0; c < causes; ++c)
      EXPECT_NEAR(got.posterior[c], want.posterior[c], 1e-9) << "trial " << trial << " cause " << c;
  }
}

TEST(NoisyOrTest, NoEvidenceGivesThePrior) {
  NoisyOrNetwork net;
  net.num_causes = 2;
  net.leak = {0.1};
  net.parents = {{{0, 0.8}, {1, 0.3}}};
  InferenceResult r = Infer(net, {0.2, 0.05}, {}, {});
  EXPECT_NEAR(r.posterior[0], 0.2, 1e-12);
  EXPECT_NEAR(r.posterior[1], 0.05, 1e-12);
}

TEST(NoisyOrTest, AbsentFindingLowersACauseThatUsuallyProducesIt) {
  // Like "no weakness" against a cause that nearly always brings weakness.
  NoisyOrNetwork net;
  net.num_causes = 1;
  net.leak = {0.02};
  net.parents = {{{0, 0.9}}};
  InferenceResult r = Infer(net, {0.1}, {0}, {});
  EXPECT_LT(r.posterior[0], 0.02);
}

TEST(NoisyOrTest, PresentFindingRaisesItsCauses) {
  NoisyOrNetwork net;
  net.num_causes = 2;
  net.leak = {0.01};
  net.parents = {{{0, 0.9}}};
  InferenceResult r = Infer(net, {0.1, 0.1}, {}, {{0, 1.0}});
  EXPECT_GT(r.posterior[0], 0.9);
  EXPECT_NEAR(r.posterior[1], 0.1, 1e-12);  // unlinked cause untouched
}

TEST(NoisyOrTest, UncertainReportMovesLessThanACertainOne) {
  NoisyOrNetwork net;
  net.num_causes = 1;
  net.leak = {0.02};
  net.parents = {{{0, 0.7}}};
  double sure = Infer(net, {0.05}, {}, {{0, 1.0}}).posterior[0];
  double maybe = Infer(net, {0.05}, {}, {{0, 0.5}}).posterior[0];
  EXPECT_GT(sure, maybe);
  EXPECT_GT(maybe, 0.05);
}

TEST(NoisyOrTest, ManyPositivesAreBoundedAndReported) {
  std::mt19937 rng(7);
  NoisyOrNetwork net = RandomNetwork(rng, 6, kMaxExactPositives + 8);
  std::vector<PositiveObservation> present;
  for (size_t f = 0; f < net.leak.size(); ++f) present.push_back({static_cast<int>(f), 1.0});
  InferenceResult r = Infer(net, std::vector<double>(6, 0.1), {}, present);
  size_t linked = 0;
  for (const auto& parents : net.parents) linked += !parents.empty();
  ASSERT_GT(linked, kMaxExactPositives);
  EXPECT_FALSE(r.exact);
  EXPECT_EQ(r.dropped.size(), linked - kMaxExactPositives);
  for (double p : r.posterior) {
    EXPECT_GE(p, 0.0);
    EXPECT_LE(p, 1.0);
  }
}

TEST(NoisyOrTest, LinkLikelihoodRatio) {
  EXPECT_NEAR(LinkLogLikelihoodRatio(0.02, 0.9, false, 1), std::log(0.1), 1e-12);
  EXPECT_NEAR(LinkLogLikelihoodRatio(0.02, 0.9, true, 1), std::log((1 - 0.98 * 0.1) / 0.02), 1e-12);
}

}  // namespace
}  // namespace twitchcheck
