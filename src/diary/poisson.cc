#include "diary/poisson.h"

#include <cmath>

namespace twitchcheck {

int NeweyWestLag(int n) { return std::max(1, static_cast<int>(std::floor(4 * std::pow(n / 100.0, 2.0 / 9.0)))); }

bool FitPoisson(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const std::vector<long>& day, int hac_lag,
                double ridge, PoissonFit* out) {
  const long n = X.rows(), p = X.cols();
  if (n <= p || static_cast<long>(day.size()) != n) return false;
  Eigen::VectorXd beta = Eigen::VectorXd::Zero(p);
  double mean = std::max(y.mean(), 1e-3);
  beta[0] = std::log(mean);
  Eigen::VectorXd pen = Eigen::VectorXd::Constant(p, ridge);
  pen[0] = 0;
  Eigen::MatrixXd info;
  out->converged = false;
  for (int iter = 0; iter < 50; ++iter) {
    Eigen::VectorXd eta = (X * beta).cwiseMin(30.0);
    Eigen::VectorXd mu = eta.array().exp();
    // Newton step on the penalised log likelihood: (X'WX + P) d = X'(y - mu) - P beta.
    Eigen::MatrixXd Xw = X.array().colwise() * mu.array();
    info = X.transpose() * Xw;
    info.diagonal() += pen;
    Eigen::VectorXd grad = X.transpose() * (y - mu) - pen.cwiseProduct(beta);
    Eigen::LDLT<Eigen::MatrixXd> ldlt(info);
    if (ldlt.info() != Eigen::Success || !ldlt.isPositive()) return false;
    Eigen::VectorXd step = ldlt.solve(grad);
    if (!step.allFinite()) return false;
    // Damped: a step never moves a log rate ratio by more than 2 at once.
    double biggest = step.cwiseAbs().maxCoeff();
    if (biggest > 2) step *= 2 / biggest;
    beta += step;
    if (biggest < 1e-8) {
      out->converged = true;
      break;
    }
  }
  Eigen::VectorXd mu = (X * beta).cwiseMin(30.0).array().exp();
  Eigen::MatrixXd Xw = X.array().colwise() * mu.array();
  info = X.transpose() * Xw;
  info.diagonal() += pen;
  Eigen::MatrixXd bread = info.ldlt().solve(Eigen::MatrixXd::Identity(p, p));
  // Scores u_t = x_t (y_t - mu_t) - P beta / n (the penalty's share, so they sum to zero).
  Eigen::MatrixXd U = X.array().colwise() * (y - mu).array();
  Eigen::RowVectorXd pen_share = (pen.cwiseProduct(beta) / static_cast<double>(n)).transpose();
  U.rowwise() -= pen_share;
  Eigen::MatrixXd meat = U.transpose() * U;
  for (long t = 0; t < n; ++t) {
    for (long s = t - 1; s >= 0 && day[t] - day[s] <= hac_lag; --s) {
      long gap = day[t] - day[s];
      if (gap <= 0) continue;
      double w = 1.0 - static_cast<double>(gap) / (hac_lag + 1);
      Eigen::MatrixXd c = U.row(t).transpose() * U.row(s);
      meat += w * (c + c.transpose());
    }
  }
  // Small-sample correction n / (n - p), as in the HC1 estimator.
  out->hac = bread * meat * bread * (static_cast<double>(n) / static_cast<double>(n - p));
  // Quasi-Poisson: the model's covariance scaled by the Pearson dispersion (at least 1),
  // then each coefficient's variance by the autocorrelation of the residuals times that of
  // its regressor (the variance inflation of a regression on dependent days).
  Eigen::VectorXd res = (y - mu).array() / mu.array().sqrt();
  double phi = std::max(1.0, res.squaredNorm() / static_cast<double>(n - p));
  out->dispersion = phi;
  out->cov = bread * phi;
  auto autocorr = [&](const Eigen::VectorXd& v, long gap_days) {
    double num = 0, den = v.squaredNorm();
    for (long t = 0; t < n; ++t)
      for (long s = t - 1; s >= 0 && day[t] - day[s] <= gap_days; --s)
        if (day[t] - day[s] == gap_days) num += v[t] * v[s];
    return den > 0 ? num / den : 0.0;
  };
  std::vector<double> res_ac(hac_lag + 1);
  for (int k = 1; k <= hac_lag; ++k) res_ac[k] = autocorr(res, k);
  for (long j = 1; j < p; ++j) {
    Eigen::VectorXd xc = X.col(j).array() - X.col(j).mean();
    double inflate = 1;
    for (int k = 1; k <= hac_lag; ++k)
      inflate += 2 * (1.0 - static_cast<double>(k) / (hac_lag + 1)) * res_ac[k] * autocorr(xc, k);
    inflate = std::max(1.0, inflate);
    out->cov.row(j) *= std::sqrt(inflate);
    out->cov.col(j) *= std::sqrt(inflate);
  }
  out->beta = beta;
  out->df = static_cast<int>(n - p);
  return out->cov.allFinite() && beta.allFinite();
}

}  // namespace twitchcheck
