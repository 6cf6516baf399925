namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>
/// Elastic-net linear regression by cyclic coordinate descent, as scikit-learn's <c>ElasticNet</c> defines it:
/// minimise (1 / 2W) sum_i w_i (y_i - x_i b - c)^2 + alpha * l1Ratio * |b|_1 + alpha * (1 - l1Ratio) / 2 * |b|^2, on
/// standardised features and target (so alpha means the same on any scale); the result is mapped back to the
/// original units. The problem is convex, so the solution does not depend on the start or on the seed.
/// </summary>
internal static class ElasticNetSolver
{
    public const int MaxSweeps = 1000;
    public const double Tolerance = 1e-7;

    /// <returns>One weight per feature and the intercept, in the original units.</returns>
    public static (double[] Weights, double Intercept) Fit(float[][] x, double[] y, double[]? sampleWeights, double alpha, double l1Ratio, CancellationToken cancellationToken)
    {
        int n = y.Length, d = n == 0 ? 0 : x[0].Length;
        double[] w = sampleWeights ?? Enumerable.Repeat(1.0, n).ToArray();
        double total = w.Sum();
        double yMean = 0;
        for (int i = 0; i < n; i++) yMean += w[i] * y[i];
        yMean /= total;
        double yScale = Math.Sqrt(Enumerable.Range(0, n).Sum(i => w[i] * (y[i] - yMean) * (y[i] - yMean)) / total);
        if (yScale == 0) yScale = 1;

        var mean = new double[d];
        var scale = new double[d];
        for (int j = 0; j < d; j++)
        {
            double m = 0;
            for (int i = 0; i < n; i++) m += w[i] * x[i][j];
            m /= total;
            double v = 0;
            for (int i = 0; i < n; i++) v += w[i] * (x[i][j] - m) * (x[i][j] - m);
            mean[j] = m;
            scale[j] = Math.Sqrt(v / total);
        }

        // Column-major standardised features; a constant column gets no weight.
        var columns = new double[d][];
        for (int j = 0; j < d; j++)
        {
            columns[j] = new double[n];
            if (scale[j] == 0) continue;
            for (int i = 0; i < n; i++) columns[j][i] = (x[i][j] - mean[j]) / scale[j];
        }

        var residual = new double[n];
        for (int i = 0; i < n; i++) residual[i] = (y[i] - yMean) / yScale;
        var beta = new double[d];
        double l1 = alpha * l1Ratio, l2 = alpha * (1 - l1Ratio);
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double largestChange = 0, largestWeight = 0;
            for (int j = 0; j < d; j++)
            {
                if (scale[j] == 0) continue;
                double[] column = columns[j];
                double rho = 0;
                for (int i = 0; i < n; i++) rho += w[i] * column[i] * (residual[i] + (column[i] * beta[j]));
                rho /= total;
                double updated = SoftThreshold(rho, l1) / (1 + l2);
                double change = updated - beta[j];
                if (change != 0)
                {
                    for (int i = 0; i < n; i++) residual[i] -= change * column[i];
                    beta[j] = updated;
                }

                largestChange = Math.Max(largestChange, Math.Abs(change));
                largestWeight = Math.Max(largestWeight, Math.Abs(updated));
            }

            if (largestChange <= Tolerance * Math.Max(1, largestWeight)) break;
        }

        var weights = new double[d];
        double intercept = yMean;
        for (int j = 0; j < d; j++)
        {
            if (scale[j] == 0) continue;
            weights[j] = beta[j] * yScale / scale[j];
            intercept -= weights[j] * mean[j];
        }

        return (weights, intercept);
    }

    private static double SoftThreshold(double value, double threshold)
        => value > threshold ? value - threshold : value < -threshold ? value + threshold : 0;
}
