#pragma once
// Poisson regression of daily counts by iteratively reweighted least squares, with a
// heteroskedasticity- and autocorrelation-consistent (Newey-West) covariance: the rate
// ratios stay honest when the counts are overdispersed and when neighbouring days are
// alike. Internal to the diary; uses Eigen.
#include <vector>

#include <Eigen/Dense>

namespace twitchcheck {

struct PoissonFit {
  Eigen::VectorXd beta;  // log rate ratios; beta[0] the intercept
  // Covariance of beta: quasi-Poisson (Pearson dispersion, at least 1) with each
  // variance inflated by the residuals' and its regressor's day-to-day autocorrelation.
  Eigen::MatrixXd cov;
  Eigen::MatrixXd hac;   // the Newey-West sandwich, for comparison (noisy below ~200 days)
  double dispersion = 1;
  int df = 0;            // residual degrees of freedom, n - p
  bool converged = false;
};

// X: n x p design (column 0 the constant), y: counts, day: each row's day number (for the
// autocorrelation lags; rows need not be consecutive). `hac_lag` = how many days apart two
// rows may be and still have correlated scores (Bartlett weights). `ridge` adds a small
// penalty on every coefficient but the intercept, so a factor whose exposed days all had
// no episodes gets a finite, very uncertain estimate instead of minus infinity.
// Returns false when the design is degenerate (fewer rows than columns, singular matrix).
bool FitPoisson(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const std::vector<long>& day, int hac_lag,
                double ridge, PoissonFit* out);

// Newey-West's automatic lag choice, floor(4 (n / 100)^(2/9)), at least 1.
int NeweyWestLag(int n);

}  // namespace twitchcheck
