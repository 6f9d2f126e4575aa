using System;

namespace Fluxion.Benchmarks.Functions
{
    /// <summary>
    /// The ADBench Gaussian mixture model objective: the negative log-likelihood's opposite of n points in d dimensions
    /// under K Gaussians, each given by a weight logit αₖ, a mean μₖ and the inverse of its covariance's Cholesky factor
    /// Qₖ (lower triangular, diagonal stored as logarithms), plus the Wishart prior on the Qₖ that ADBench adds:
    /// <code>
    /// E = Σᵢ logsumexpₖ(αₖ + Σⱼ qₖⱼ − ½‖Qₖ(xᵢ − μₖ)‖²) − n·logsumexp(α)
    ///   + Σₖ [½γ²(‖diag Qₖ‖² + ‖Lₖ‖²) − m·Σⱼ qₖⱼ] + constant
    /// </code>
    /// with qₖⱼ = log (Qₖ)ⱼⱼ and Lₖ the strictly lower part of Qₖ. Flat arrays, as ADBench lays them out: alphas[K],
    /// means[K·d] (row by row), icf[K·d(d+1)/2] (per component the d log-diagonal entries, then Lₖ column by column:
    /// (1,0), (2,0), …, (d−1,0), (2,1), …), x[n·d] (row by row).
    /// </summary>
    public static partial class Gmm
    {
        /// <summary>ADBench's Wishart prior parameter γ (the value in its published inputs).</summary>
        public const double WishartGamma = 1.0;

        /// <summary>ADBench's Wishart prior degrees-of-freedom parameter m (the value in its published inputs).</summary>
        public const int WishartM = 0;

        /// <summary>
        /// The primal; Fluxion generates <c>Objective_Grad(alphas, means, icf, x, dalphas, dmeans, dicf)</c>. Written in
        /// the subset Fluxion differentiates: loops, local arrays, Math.Exp, Log and Max. The two logsumexp of ADBench
        /// are written out with their max shift, and each row of Qₖ(xᵢ − μₖ) is summed into a scalar (ADBench's C++
        /// scatters the columns of Lₖ into a d-vector instead; both read the same icf layout).
        /// </summary>
        [Differentiable(nameof(alphas), nameof(means), nameof(icf))]
        public static double Objective(double[] alphas, double[] means, double[] icf, double[] x)
        {
            int k = alphas.Length;
            int d = means.Length / k;
            int n = x.Length / d;
            int icfSize = d * (d + 1) / 2;

            // The diagonal of each Qₖ and its log-determinant Σⱼ qₖⱼ, once per call.
            double[] diagonals = new double[k * d];
            double[] logDeterminants = new double[k];
            for (int c = 0; c < k; c++)
            {
                double logDeterminant = 0.0;
                for (int j = 0; j < d; j++)
                {
                    double logDiagonal = icf[c * icfSize + j];
                    diagonals[c * d + j] = Math.Exp(logDiagonal);
                    logDeterminant += logDiagonal;
                }
                logDeterminants[c] = logDeterminant;
            }

            double[] terms = new double[k];
            double total = 0.0;
            for (int s = 0; s < n; s++)
            {
                for (int c = 0; c < k; c++)
                {
                    double squares = 0.0;
                    for (int j = 0; j < d; j++)
                    {
                        // Row j of Qₖ(xᵢ − μₖ): the diagonal entry, then the entries (j, i), i < j, of column i of Lₖ.
                        double row = diagonals[c * d + j] * (x[s * d + j] - means[c * d + j]);
                        for (int i = 0; i < j; i++)
                        {
                            row += icf[c * icfSize + d + i * (2 * d - i - 1) / 2 + j - i - 1] * (x[s * d + i] - means[c * d + i]);
                        }
                        squares += row * row;
                    }
                    terms[c] = alphas[c] + logDeterminants[c] - 0.5 * squares;
                }

                double largest = terms[0];
                for (int c = 1; c < k; c++)
                {
                    largest = Math.Max(largest, terms[c]);
                }
                double shiftedSum = 0.0;
                for (int c = 0; c < k; c++)
                {
                    shiftedSum += Math.Exp(terms[c] - largest);
                }
                total += largest + Math.Log(shiftedSum);
            }

            double largestAlpha = alphas[0];
            for (int c = 1; c < k; c++)
            {
                largestAlpha = Math.Max(largestAlpha, alphas[c]);
            }
            double alphaSum = 0.0;
            for (int c = 0; c < k; c++)
            {
                alphaSum += Math.Exp(alphas[c] - largestAlpha);
            }
            double logSumAlphas = largestAlpha + Math.Log(alphaSum);

            double prior = 0.0;
            for (int c = 0; c < k; c++)
            {
                double frobenius = 0.0;
                for (int j = 0; j < d; j++)
                {
                    double diagonal = diagonals[c * d + j];
                    frobenius += diagonal * diagonal;
                }
                for (int j = d; j < icfSize; j++)
                {
                    double lower = icf[c * icfSize + j];
                    frobenius += lower * lower;
                }
                prior += 0.5 * WishartGamma * WishartGamma * frobenius - WishartM * logDeterminants[c];
            }

            return total - n * logSumAlphas + prior + Constant(n, d, k);
        }

        /// <summary>
        /// The terms that depend on no parameter: −n·d/2·log 2π and −K times the Wishart normaliser
        /// C = n′d(log γ − ½ log 2) − log Γ_d(n′/2), n′ = d + m + 1, as in ADBench.
        /// </summary>
        public static double Constant(int n, int d, int k)
        {
            int degrees = d + WishartM + 1;
            double multivariateLogGamma = 0.25 * d * (d - 1) * Math.Log(Math.PI);
            for (int j = 1; j <= d; j++)
            {
                multivariateLogGamma += LogGamma(0.5 * degrees + 0.5 * (1 - j));
            }
            double normaliser = degrees * d * (Math.Log(WishartGamma) - 0.5 * Math.Log(2.0)) - multivariateLogGamma;
            return -0.5 * n * d * Math.Log(2.0 * Math.PI) - k * normaliser;
        }

        /// <summary>log Γ(z) for z &gt; 0 (Lanczos, g = 7, nine terms; relative error below 1e-15 here). .NET has no lgamma.</summary>
        public static double LogGamma(double z)
        {
            if (z < 0.5)
            {
                // Reflection: Γ(z)Γ(1 − z) = π / sin(πz).
                return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * z))) - LogGamma(1.0 - z);
            }

            ReadOnlySpan<double> coefficients =
            [
                0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
                12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
            ];
            z -= 1.0;
            double series = coefficients[0];
            for (int i = 1; i < coefficients.Length; i++)
            {
                series += coefficients[i] / (z + i);
            }
            double t = z + 7.5;
            return 0.5 * Math.Log(2.0 * Math.PI) + (z + 0.5) * Math.Log(t) - t + Math.Log(series);
        }

        /// <summary>The length of the scratch array <see cref="HandGradient"/> needs: 2·K·d + 2·K + d.</summary>
        public static int ScratchLength(int k, int d) => 2 * k * d + 2 * k + d;

        /// <summary>
        /// Hand-written gradient, one pass over the points. Once per call: the diagonals e^(qₖⱼ) and log-determinants.
        /// For each point: forward for every component, keeping vₖ = Qₖ(xᵢ − μₖ) (computed column by column over the
        /// contiguous Lₖ, as ADBench does) and e^(tₖ − max); the point's logsumexp; then backward for each component
        /// with wₖ = e^(tₖ − lse) = ∂/∂tₖ: ∂αₖ += wₖ, ∂vₖ = −wₖvₖ, and from it the diagonal, Lₖ and μₖ partials.
        /// Then −n·softmax(α) and the prior's γ²·Qₖⱼⱼ² − m and γ²·Lₖ. Nothing allocated: <paramref name="scratch"/>
        /// (<see cref="ScratchLength"/> elements) is the caller's.
        /// </summary>
        public static double HandGradient(double[] alphas, double[] means, double[] icf, double[] x,
            Span<double> dalphas, Span<double> dmeans, Span<double> dicf, double[] scratch)
        {
            int k = alphas.Length;
            int d = means.Length / k;
            int n = x.Length / d;
            int icfSize = d * (d + 1) / 2;
            // Fill, not Clear: on AVX-512, Clear leaves state that slows every later Math call (docs/benchmarks.md).
            dalphas.Fill(0.0);
            dmeans.Fill(0.0);
            dicf.Fill(0.0);
            Span<double> diagonals = scratch.AsSpan(0, k * d);
            Span<double> projected = scratch.AsSpan(k * d, k * d);
            Span<double> logDeterminants = scratch.AsSpan(2 * k * d, k);
            Span<double> exponentials = scratch.AsSpan(2 * k * d + k, k);
            Span<double> centered = scratch.AsSpan(2 * k * d + 2 * k, d);

            for (int c = 0; c < k; c++)
            {
                double logDeterminant = 0.0;
                for (int j = 0; j < d; j++)
                {
                    double logDiagonal = icf[c * icfSize + j];
                    diagonals[c * d + j] = Math.Exp(logDiagonal);
                    logDeterminant += logDiagonal;
                }
                logDeterminants[c] = logDeterminant;
            }

            double total = 0.0;
            for (int s = 0; s < n; s++)
            {
                ReadOnlySpan<double> point = x.AsSpan(s * d, d);
                double largest = double.NegativeInfinity;
                for (int c = 0; c < k; c++)
                {
                    ReadOnlySpan<double> lowerEntries = icf.AsSpan(c * icfSize + d, icfSize - d);
                    ReadOnlySpan<double> mean = means.AsSpan(c * d, d);
                    ReadOnlySpan<double> diagonal = diagonals.Slice(c * d, d);
                    Span<double> v = projected.Slice(c * d, d);
                    for (int j = 0; j < d; j++)
                    {
                        centered[j] = point[j] - mean[j];
                        v[j] = diagonal[j] * centered[j];
                    }
                    int lower = 0;
                    for (int i = 0; i < d; i++)
                    {
                        double ci = centered[i];
                        for (int j = i + 1; j < d; j++)
                        {
                            v[j] += lowerEntries[lower++] * ci;
                        }
                    }
                    double squares = 0.0;
                    for (int j = 0; j < d; j++)
                    {
                        squares += v[j] * v[j];
                    }
                    double term = alphas[c] + logDeterminants[c] - 0.5 * squares;
                    exponentials[c] = term;
                    largest = Math.Max(largest, term);
                }
                double shiftedSum = 0.0;
                for (int c = 0; c < k; c++)
                {
                    double shifted = Math.Exp(exponentials[c] - largest);
                    exponentials[c] = shifted;
                    shiftedSum += shifted;
                }
                total += largest + Math.Log(shiftedSum);

                double inverseSum = 1.0 / shiftedSum;
                for (int c = 0; c < k; c++)
                {
                    double weight = exponentials[c] * inverseSum;
                    dalphas[c] += weight;
                    ReadOnlySpan<double> lowerEntries = icf.AsSpan(c * icfSize + d, icfSize - d);
                    ReadOnlySpan<double> mean = means.AsSpan(c * d, d);
                    ReadOnlySpan<double> diagonal = diagonals.Slice(c * d, d);
                    ReadOnlySpan<double> v = projected.Slice(c * d, d);
                    Span<double> dlogDiagonal = dicf.Slice(c * icfSize, d);
                    Span<double> dlower = dicf.Slice(c * icfSize + d, icfSize - d);
                    Span<double> dmean = dmeans.Slice(c * d, d);
                    // ∂tₖ/∂vⱼ = −vⱼ, so ∂vⱼ = −wₖvⱼ; ∂qₖⱼ gets wₖ from the log-determinant and ∂vⱼ·e^(qₖⱼ)·(xᵢ − μₖ)ⱼ.
                    for (int j = 0; j < d; j++)
                    {
                        centered[j] = point[j] - mean[j];
                        dlogDiagonal[j] += weight * (1.0 - v[j] * diagonal[j] * centered[j]);
                    }
                    int lower = 0;
                    for (int i = 0; i < d; i++)
                    {
                        double ci = centered[i];
                        double dcentered = diagonal[i] * v[i];
                        for (int j = i + 1; j < d; j++)
                        {
                            dlower[lower] -= weight * v[j] * ci;
                            dcentered += lowerEntries[lower] * v[j];
                            lower++;
                        }
                        dmean[i] += weight * dcentered;
                    }
                }
            }

            double largestAlpha = double.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                largestAlpha = Math.Max(largestAlpha, alphas[c]);
            }
            double alphaSum = 0.0;
            for (int c = 0; c < k; c++)
            {
                alphaSum += Math.Exp(alphas[c] - largestAlpha);
            }
            double logSumAlphas = largestAlpha + Math.Log(alphaSum);
            for (int c = 0; c < k; c++)
            {
                dalphas[c] -= n * Math.Exp(alphas[c] - logSumAlphas);
            }

            const double gammaSquared = WishartGamma * WishartGamma;
            double prior = 0.0;
            for (int c = 0; c < k; c++)
            {
                double frobenius = 0.0;
                for (int j = 0; j < d; j++)
                {
                    double diagonal = diagonals[c * d + j];
                    frobenius += diagonal * diagonal;
                    dicf[c * icfSize + j] += gammaSquared * diagonal * diagonal - WishartM;
                }
                for (int j = d; j < icfSize; j++)
                {
                    double lower = icf[c * icfSize + j];
                    frobenius += lower * lower;
                    dicf[c * icfSize + j] += gammaSquared * lower;
                }
                prior += 0.5 * gammaSquared * frobenius - WishartM * logDeterminants[c];
            }

            return total - n * logSumAlphas + prior + Constant(n, d, k);
        }
    }
}
