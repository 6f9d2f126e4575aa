using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// Local arrays inside [Differentiable] methods, the way numerical code uses them: buffers filled
    /// and read back (softmax, shifted copies, hidden activations reused for every sample), recurrences
    /// written element by element (prefix sums and products, filters, discounted returns, ODE states
    /// overwritten each step), solvers with work arrays (Thomas, Jacobi, Gauss–Seidel, power iteration,
    /// Gram–Schmidt), sorting a copy, int[] permutations, arrays written in both branches of an if and
    /// declared after an early return, compound updates (+=, -=, *=, /=, ++). Each has an exact gradient
    /// derived by hand (a closed form, or backpropagation / forward sensitivities written in plain C#)
    /// in <see cref="LocalArrayCases"/>.
    /// </summary>
    public static partial class LocalArrays
    {
        /// <summary>−log softmax(logits)[label], the probabilities normalised in place in a local array.</summary>
        [Differentiable(nameof(logits), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SoftmaxBufferCrossEntropy(double[] logits, int label)
        {
            int n = logits.Length;
            double[] p = new double[n];
            double m = logits[0];
            for (int i = 1; i < n; i++)
            {
                if (logits[i] > m)
                {
                    m = logits[i];
                }
            }

            double sum = 0.0;
            for (int i = 0; i < n; i++)
            {
                p[i] = Math.Exp(logits[i] - m);
                sum += p[i];
            }

            for (int i = 0; i < p.Length; i++)
            {
                p[i] /= sum;
            }

            return -Math.Log(p[label]);
        }

        /// <summary>The smooth maximum t·log Σ exp(xᵢ/t), the shifted and scaled copy (xᵢ − max)/t stored first.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SmoothMaximum(double[] x, double temperature)
        {
            int n = x.Length;
            double[] z = new double[n];
            double m = x[0];
            for (int i = 1; i < n; i++)
            {
                m = Math.Max(m, x[i]);
            }

            for (int i = 0; i < n; i++)
            {
                z[i] = (x[i] - m) / temperature;
            }

            double s = 0.0;
            for (int i = 0; i < z.Length; i++)
            {
                s += Math.Exp(z[i]);
            }

            return m + temperature * Math.Log(s);
        }

        /// <summary>
        /// The course network: inputs → sigmoid hidden layer → one sigmoid output, mean cross-entropy
        /// plus (λ/2m)·Σθ² without the bias columns. Θ1 is hidden × (inputs + 1) and Θ2 1 × (hidden + 1),
        /// flat, column 0 the bias. The hidden activations a⁽²⁾ (bias unit first) live in one local array
        /// overwritten for every sample.
        /// </summary>
        [Differentiable(nameof(theta1), nameof(theta2), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double OneHiddenLayerNetwork(double[] theta1, double[] theta2, double[] features, double[] labels, double lambda)
        {
            int hidden = theta2.Length - 1;
            int inputs = theta1.Length / hidden - 1;
            int m = labels.Length;
            double[] a2 = new double[hidden + 1];
            a2[0] = 1.0;
            double cost = 0.0;
            for (int s = 0; s < m; s++)
            {
                for (int h = 0; h < hidden; h++)
                {
                    double z = theta1[h * (inputs + 1)];
                    for (int k = 0; k < inputs; k++)
                    {
                        z += theta1[h * (inputs + 1) + k + 1] * features[s * inputs + k];
                    }

                    a2[h + 1] = 1.0 / (1.0 + Math.Exp(-z));
                }

                double z3 = 0.0;
                for (int h = 0; h < a2.Length; h++)
                {
                    z3 += theta2[h] * a2[h];
                }

                double a3 = 1.0 / (1.0 + Math.Exp(-z3));
                double y = labels[s];
                cost -= y * Math.Log(a3) + (1.0 - y) * Math.Log(1.0 - a3);
            }

            double squares = 0.0;
            for (int h = 0; h < hidden; h++)
            {
                for (int k = 1; k <= inputs; k++)
                {
                    squares += theta1[h * (inputs + 1) + k] * theta1[h * (inputs + 1) + k];
                }

                squares += theta2[h + 1] * theta2[h + 1];
            }

            return cost / m + lambda / (2.0 * m) * squares;
        }

        /// <summary>
        /// Regression with two tanh hidden layers and a linear output, mean squared error. Each layer's
        /// activations go into its own local array, both overwritten for every sample.
        /// </summary>
        [Differentiable(nameof(w1), nameof(b1), nameof(w2), nameof(b2), nameof(w3), nameof(b3), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TwoHiddenLayerRegression(double[] w1, double[] b1, double[] w2, double[] b2, double[] w3, double b3, double[] features, double[] targets)
        {
            int n1 = b1.Length;
            int n2 = b2.Length;
            int inputs = w1.Length / n1;
            int m = targets.Length;
            double[] h1 = new double[n1];
            double[] h2 = new double[n2];
            double loss = 0.0;
            for (int s = 0; s < m; s++)
            {
                for (int j = 0; j < n1; j++)
                {
                    double z = b1[j];
                    for (int k = 0; k < inputs; k++)
                    {
                        z += w1[j * inputs + k] * features[s * inputs + k];
                    }

                    h1[j] = Math.Tanh(z);
                }

                for (int j = 0; j < n2; j++)
                {
                    double z = b2[j];
                    for (int k = 0; k < n1; k++)
                    {
                        z += w2[j * n1 + k] * h1[k];
                    }

                    h2[j] = Math.Tanh(z);
                }

                double output = b3;
                for (int j = 0; j < n2; j++)
                {
                    output += w3[j] * h2[j];
                }

                double r = output - targets[s];
                loss += r * r;
            }

            return loss / m;
        }

        /// <summary>A random walk built by cumulative sums of the steps, squared distance to a target path.</summary>
        [Differentiable(nameof(steps), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double RandomWalkTracking(double[] steps, ReadOnlySpan<double> target)
        {
            int n = steps.Length;
            double[] path = new double[n];
            path[0] = steps[0];
            for (int i = 1; i < n; i++)
            {
                path[i] = path[i - 1] + steps[i];
            }

            double e = 0.0;
            for (int i = 0; i < n; i++)
            {
                double d = path[i] - target[i];
                e += d * d;
            }

            return e;
        }

        /// <summary>
        /// Expected lifetime Σₜ Sₜ of a discrete survival curve Sₜ = Πₖ≤ₜ (1 − qₖ), the hazards qₖ =
        /// σ(logitₖ) stored in one local array and the prefix products built with *= in another.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ExpectedLifetime(double[] hazardLogits)
        {
            int n = hazardLogits.Length;
            double[] hazard = new double[n];
            for (int i = 0; i < n; i++)
            {
                hazard[i] = 1.0 / (1.0 + Math.Exp(-hazardLogits[i]));
            }

            double[] survival = new double[n];
            survival[0] = 1.0 - hazard[0];
            for (int t = 1; t < n; t++)
            {
                survival[t] = survival[t - 1];
                survival[t] *= 1.0 - hazard[t];
            }

            double life = 0.0;
            for (int t = 0; t < survival.Length; t++)
            {
                life += survival[t];
            }

            return life;
        }

        /// <summary>An exponential moving average (a first-order IIR filter) written into a buffer, then its mean squared error to a target.</summary>
        [Differentiable(nameof(x), nameof(alpha), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double FilteredTrackingError(double[] x, double alpha, ReadOnlySpan<double> target)
        {
            int n = x.Length;
            double[] y = new double[n];
            y[0] = x[0];
            for (int t = 1; t < n; t++)
            {
                y[t] = alpha * x[t] + (1.0 - alpha) * y[t - 1];
            }

            double e = 0.0;
            for (int t = 0; t < n; t++)
            {
                double d = y[t] - target[t];
                e += d * d;
            }

            return e / n;
        }

        /// <summary>
        /// w·x where x solves the tridiagonal system (lower, diag, upper)·x = rhs by the Thomas algorithm,
        /// with local c′, d′ and x arrays; lower[0] and upper[n−1] are outside the matrix.
        /// </summary>
        [Differentiable(nameof(lower), nameof(diag), nameof(upper), nameof(rhs), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TridiagonalSolve(double[] lower, double[] diag, double[] upper, double[] rhs, double[] weights)
        {
            int n = diag.Length;
            double[] cp = new double[n];
            double[] dp = new double[n];
            double[] x = new double[n];
            cp[0] = upper[0] / diag[0];
            dp[0] = rhs[0] / diag[0];
            for (int i = 1; i < n; i++)
            {
                double denominator = diag[i] - lower[i] * cp[i - 1];
                if (i < n - 1)
                {
                    cp[i] = upper[i] / denominator;
                }

                dp[i] = (rhs[i] - lower[i] * dp[i - 1]) / denominator;
            }

            x[n - 1] = dp[n - 1];
            for (int i = n - 2; i >= 0; i--)
            {
                x[i] = dp[i] - cp[i] * x[i + 1];
            }

            double s = 0.0;
            for (int i = 0; i < n; i++)
            {
                s += weights[i] * x[i];
            }

            return s;
        }

        /// <summary>
        /// Lotka–Volterra u′ = au − buv, v′ = −cv + duv by explicit Euler, the state in a two-entry local
        /// array updated in place each step; squared error of the final state to an observation.
        /// </summary>
        [Differentiable(nameof(rates), nameof(initial), nameof(h), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LotkaVolterraEuler(double[] rates, double[] initial, double h, int steps, double[] observed)
        {
            double[] y = new double[] { initial[0], initial[1] };
            for (int k = 0; k < steps; k++)
            {
                double prey = y[0];
                double predator = y[1];
                y[0] += h * (rates[0] * prey - rates[1] * prey * predator);
                y[1] += h * (-rates[2] * predator + rates[3] * prey * predator);
            }

            double e0 = y[0] - observed[0];
            double e1 = y[1] - observed[1];
            return e0 * e0 + e1 * e1;
        }

        /// <summary>
        /// A damped pendulum θ″ = −g·sin θ − γθ′ by Heun's method (RK2), state and both stages in local
        /// arrays; the energy ½θ′² + g(1 − cos θ) at the end. Only double (and int) parameters.
        /// </summary>
        [Differentiable(nameof(angle), nameof(velocity), nameof(g), nameof(damping), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PendulumHeunEnergy(double angle, double velocity, double g, double damping, double h, int steps)
        {
            double[] state = { angle, velocity };
            double[] k1 = new double[2];
            double[] k2 = new double[2];
            for (int s = 0; s < steps; s++)
            {
                k1[0] = state[1];
                k1[1] = -g * Math.Sin(state[0]) - damping * state[1];
                double predictedAngle = state[0] + h * k1[0];
                double predictedVelocity = state[1] + h * k1[1];
                k2[0] = predictedVelocity;
                k2[1] = -g * Math.Sin(predictedAngle) - damping * predictedVelocity;
                for (int i = 0; i < state.Length; i++)
                {
                    state[i] += 0.5 * h * (k1[i] + k2[i]);
                }
            }

            return 0.5 * state[1] * state[1] + g * (1.0 - Math.Cos(state[0]));
        }

        /// <summary>
        /// Π (t − rootᵢ): the coefficients of the monic polynomial built root by root in a local array
        /// (in place, highest first), then evaluated at t by Horner.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PolynomialFromRoots(double[] roots, double t)
        {
            int n = roots.Length;
            double[] c = new double[n + 1];
            c[0] = 1.0;
            for (int r = 0; r < n; r++)
            {
                for (int k = r + 1; k >= 1; k--)
                {
                    c[k] = c[k - 1] - roots[r] * c[k];
                }

                c[0] *= -roots[r];
            }

            double v = 0.0;
            for (int k = c.Length - 1; k >= 0; k--)
            {
                v = v * t + c[k];
            }

            return v;
        }

        /// <summary>The ordered weighted average Σ wᵢ·x₍ᵢ₎: a copy of x bubble-sorted in a local array.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double OrderedWeightedAverage(double[] x, double[] w)
        {
            int n = x.Length;
            double[] sorted = new double[n];
            for (int i = 0; i < n; i++)
            {
                sorted[i] = x[i];
            }

            for (int pass = 0; pass < n - 1; pass++)
            {
                for (int j = 0; j + 1 < n - pass; j++)
                {
                    if (sorted[j] > sorted[j + 1])
                    {
                        double swap = sorted[j];
                        sorted[j] = sorted[j + 1];
                        sorted[j + 1] = swap;
                    }
                }
            }

            double s = 0.0;
            for (int i = 0; i < n; i++)
            {
                s += w[i] * sorted[i];
            }

            return s;
        }

        /// <summary>uᵀQu for u = x/‖x‖ normalised into a local array, Q flat n × n (not symmetric).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NormalisedQuadraticForm(double[] x, double[] q)
        {
            int n = x.Length;
            double norm = 0.0;
            for (int i = 0; i < n; i++)
            {
                norm += x[i] * x[i];
            }

            norm = Math.Sqrt(norm);
            double[] u = new double[n];
            for (int i = 0; i < n; i++)
            {
                u[i] = x[i] / norm;
            }

            double s = 0.0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    s += u[i] * q[i * n + j] * u[j];
                }
            }

            return s;
        }

        /// <summary>The top score minus the mean score, scores wᵢ·tanh xᵢ in a local array, the top found by an int argmax.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TopScoreMargin(double[] x, double[] w)
        {
            int n = x.Length;
            double[] score = new double[n];
            for (int i = 0; i < n; i++)
            {
                score[i] = w[i] * Math.Tanh(x[i]);
            }

            int best = 0;
            for (int i = 1; i < n; i++)
            {
                if (score[i] > score[best])
                {
                    best = i;
                }
            }

            double mean = 0.0;
            for (int i = 0; i < n; i++)
            {
                mean += score[i];
            }

            mean /= n;
            return score[best] - mean;
        }

        /// <summary>Horner over the coefficients in a rotated order, the permutation a local int[] that indexes the parameter array.</summary>
        [Differentiable(nameof(p), nameof(t), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double RotatedHorner(double[] p, double t, int shift)
        {
            int n = p.Length;
            int[] order = new int[n];
            for (int i = 0; i < n; i++)
            {
                order[i] = (i + shift) % n;
            }

            double v = 0.0;
            for (int k = 0; k < order.Length; k++)
            {
                v = v * t + p[order[k]];
            }

            return v;
        }

        /// <summary>
        /// Σ (xᵢ − 2xᵢ₊₁ + xᵢ₊₂)² + λx₀², the second differences in a local array declared after an early
        /// return for signals too short to have any.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CurvaturePenalty(double[] x, double lambda)
        {
            int n = x.Length;
            if (n < 3)
            {
                return lambda * x[0] * x[0];
            }

            double[] second = new double[n - 2];
            for (int i = 0; i < second.Length; i++)
            {
                second[i] = x[i] - 2.0 * x[i + 1] + x[i + 2];
            }

            double s = 0.0;
            for (int i = 0; i < n - 2; i++)
            {
                s += second[i] * second[i];
            }

            return s + lambda * x[0] * x[0];
        }

        /// <summary>log(1 + Σ huberᵢ): the per-entry Huber losses written into a local array by either branch of an if.</summary>
        [Differentiable(nameof(prediction), nameof(delta), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LogHuberLoss(double[] prediction, ReadOnlySpan<double> target, double delta)
        {
            int n = prediction.Length;
            double[] loss = new double[n];
            for (int i = 0; i < n; i++)
            {
                double r = prediction[i] - target[i];
                if (Math.Abs(r) <= delta)
                {
                    loss[i] = 0.5 * r * r;
                }
                else
                {
                    loss[i] = delta * (Math.Abs(r) - 0.5 * delta);
                }
            }

            double total = 0.0;
            for (int i = 0; i < n; i++)
            {
                total += loss[i];
            }

            return Math.Log(1.0 + total);
        }

        /// <summary>
        /// w·x after a fixed number of Jacobi sweeps for a·x = b (a flat n × n, diagonally dominant) from
        /// x = 0: the iterate and the next one in two local arrays, copied back after each sweep.
        /// </summary>
        [Differentiable(nameof(a), nameof(b), nameof(w), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double JacobiSweeps(double[] a, double[] b, double[] w, int sweeps)
        {
            int n = b.Length;
            double[] x = new double[n];
            double[] next = new double[n];
            for (int sweep = 0; sweep < sweeps; sweep++)
            {
                for (int i = 0; i < n; i++)
                {
                    double s = b[i];
                    for (int j = 0; j < n; j++)
                    {
                        if (j != i)
                        {
                            s -= a[i * n + j] * x[j];
                        }
                    }

                    next[i] = s / a[i * n + i];
                }

                for (int i = 0; i < n; i++)
                {
                    x[i] = next[i];
                }
            }

            double v = 0.0;
            for (int i = 0; i < n; i++)
            {
                v += w[i] * x[i];
            }

            return v;
        }

        /// <summary>
        /// w·x after a fixed number of Gauss–Seidel sweeps for a·x = b from x = 0, in place: each entry
        /// corrected by x[i] += residualᵢ / aᵢᵢ.
        /// </summary>
        [Differentiable(nameof(b), nameof(w), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double GaussSeidelSweeps(double[] a, double[] b, double[] w, int sweeps)
        {
            int n = b.Length;
            double[] x = new double[n];
            for (int sweep = 0; sweep < sweeps; sweep++)
            {
                for (int i = 0; i < n; i++)
                {
                    double residual = b[i];
                    for (int j = 0; j < n; j++)
                    {
                        residual -= a[i * n + j] * x[j];
                    }

                    x[i] += residual / a[i * n + i];
                }
            }

            double v = 0.0;
            for (int i = 0; i < n; i++)
            {
                v += w[i] * x[i];
            }

            return v;
        }

        /// <summary>
        /// The Rayleigh quotient vᵀAv after a few steps of power iteration from a start vector, v and Av in
        /// local arrays, v renormalised each step.
        /// </summary>
        [Differentiable(nameof(a), nameof(start), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PowerIterationRayleigh(double[] a, double[] start, int iterations)
        {
            int n = start.Length;
            double[] v = new double[n];
            double[] av = new double[n];
            double norm = 0.0;
            for (int i = 0; i < n; i++)
            {
                norm += start[i] * start[i];
            }

            norm = Math.Sqrt(norm);
            for (int i = 0; i < n; i++)
            {
                v[i] = start[i] / norm;
            }

            for (int it = 0; it < iterations; it++)
            {
                norm = 0.0;
                for (int i = 0; i < n; i++)
                {
                    av[i] = 0.0;
                    for (int j = 0; j < n; j++)
                    {
                        av[i] += a[i * n + j] * v[j];
                    }

                    norm += av[i] * av[i];
                }

                norm = Math.Sqrt(norm);
                for (int i = 0; i < n; i++)
                {
                    v[i] = av[i] / norm;
                }
            }

            double r = 0.0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    r += v[i] * a[i * n + j] * v[j];
                }
            }

            return r;
        }

        /// <summary>
        /// ‖Py‖², P the projection onto span(a, b): a and b orthonormalised by Gram–Schmidt into two
        /// local arrays (-= for the projection, *= for the scaling).
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ProjectedEnergy(double[] a, double[] b, double[] y)
        {
            int n = y.Length;
            double[] q1 = new double[n];
            double[] q2 = new double[n];
            double na = 0.0;
            for (int i = 0; i < n; i++)
            {
                q1[i] = a[i];
                na += a[i] * a[i];
            }

            na = Math.Sqrt(na);
            for (int i = 0; i < n; i++)
            {
                q1[i] *= 1.0 / na;
            }

            double projection = 0.0;
            for (int i = 0; i < n; i++)
            {
                projection += q1[i] * b[i];
            }

            double nb = 0.0;
            for (int i = 0; i < n; i++)
            {
                q2[i] = b[i];
                q2[i] -= projection * q1[i];
                nb += q2[i] * q2[i];
            }

            nb = Math.Sqrt(nb);
            for (int i = 0; i < n; i++)
            {
                q2[i] *= 1.0 / nb;
            }

            double c1 = 0.0;
            double c2 = 0.0;
            for (int i = 0; i < n; i++)
            {
                c1 += q1[i] * y[i];
                c2 += q2[i] * y[i];
            }

            return c1 * c1 + c2 * c2;
        }

        /// <summary>A Bézier curve at t by de Casteljau: the control points copied into a local array and combined in place, level by level.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DeCasteljau(double[] control, double t)
        {
            int n = control.Length;
            double[] b = new double[n];
            for (int i = 0; i < n; i++)
            {
                b[i] = control[i];
            }

            for (int r = 1; r < n; r++)
            {
                for (int i = 0; i < n - r; i++)
                {
                    b[i] = (1.0 - t) * b[i] + t * b[i + 1];
                }
            }

            return b[0];
        }

        /// <summary>
        /// The compactness area/perimeter² of a triangle, its vertices put into two local arrays by
        /// initialisers; shoelace area and edge lengths in one loop with wrap-around indices.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TriangleCompactness(double x0, double y0, double x1, double y1, double x2, double y2)
        {
            double[] px = { x0, x1, x2 };
            double[] py = { y0, y1, y2 };
            double area = 0.0;
            double perimeter = 0.0;
            for (int i = 0; i < px.Length; i++)
            {
                int j = (i + 1) % 3;
                area += 0.5 * (px[i] * py[j] - px[j] * py[i]);
                double ex = px[j] - px[i];
                double ey = py[j] - py[i];
                perimeter += Math.Sqrt(ex * ex + ey * ey);
            }

            return area / (perimeter * perimeter);
        }

        /// <summary>A valid 1-D convolution into a local output buffer (accumulated with +=), mean squared error to a target.</summary>
        [Differentiable(nameof(signal), nameof(kernel), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConvolutionFit(ReadOnlySpan<double> signal, double[] kernel, double[] target)
        {
            int m = signal.Length - kernel.Length + 1;
            double[] output = new double[m];
            for (int i = 0; i < m; i++)
            {
                for (int k = 0; k < kernel.Length; k++)
                {
                    output[i] += kernel[k] * signal[i + k];
                }
            }

            double e = 0.0;
            for (int i = 0; i < output.Length; i++)
            {
                double r = output[i] - target[i];
                e += r * r;
            }

            return e / m;
        }

        /// <summary>Negative log-likelihood of observed counts under add-one smoothed expected counts exp(θᵢ) + 1 (the ++ on a local array element).</summary>
        [Differentiable(nameof(logCounts), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SmoothedCountLikelihood(double[] logCounts, double[] observed)
        {
            int n = logCounts.Length;
            double[] counts = new double[n];
            double total = 0.0;
            for (int i = 0; i < n; i++)
            {
                counts[i] = Math.Exp(logCounts[i]);
                counts[i]++;
                total += counts[i];
            }

            double nll = 0.0;
            for (int i = 0; i < n; i++)
            {
                nll -= observed[i] * Math.Log(counts[i] / total);
            }

            return nll;
        }

        /// <summary>½Σ(Vₜ − Gₜ)², the discounted returns Gₜ = rₜ + γGₜ₊₁ written into a local array from the end backwards.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DiscountedReturnError(double[] rewards, double[] values, double gamma)
        {
            int n = rewards.Length;
            double[] returns = new double[n];
            returns[n - 1] = rewards[n - 1];
            for (int t = n - 2; t >= 0; t--)
            {
                returns[t] = rewards[t] + gamma * returns[t + 1];
            }

            double e = 0.0;
            for (int t = 0; t < n; t++)
            {
                double d = values[t] - returns[t];
                e += d * d;
            }

            return 0.5 * e;
        }

        /// <summary>
        /// One query attending over n key/value rows of width d (flat n × d): the scaled dot-product
        /// scores and their softmax in one local array, the attended vector in another; squared error to a target.
        /// </summary>
        [Differentiable(nameof(query), nameof(keys), nameof(values), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SingleQueryAttention(double[] query, double[] keys, double[] values, double[] target)
        {
            int d = query.Length;
            int n = keys.Length / d;
            double scale = 1.0 / Math.Sqrt(d);
            double[] weight = new double[n];
            double largest = double.NegativeInfinity;
            for (int i = 0; i < n; i++)
            {
                double s = 0.0;
                for (int k = 0; k < d; k++)
                {
                    s += query[k] * keys[i * d + k];
                }

                weight[i] = s * scale;
                largest = Math.Max(largest, weight[i]);
            }

            double sum = 0.0;
            for (int i = 0; i < n; i++)
            {
                weight[i] = Math.Exp(weight[i] - largest);
                sum += weight[i];
            }

            double[] attended = new double[d];
            for (int i = 0; i < n; i++)
            {
                for (int k = 0; k < d; k++)
                {
                    attended[k] += weight[i] / sum * values[i * d + k];
                }
            }

            double e = 0.0;
            for (int k = 0; k < d; k++)
            {
                double r = attended[k] - target[k];
                e += r * r;
            }

            return e;
        }

        /// <summary>Layer normalisation x̂ = (x − μ)/√(σ² + ε) into a local array, then γ⊙x̂ + β, squared error to a target.</summary>
        [Differentiable(nameof(x), nameof(gain), nameof(bias), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LayerNormFit(double[] x, double[] gain, double[] bias, double[] target)
        {
            int n = x.Length;
            double mean = 0.0;
            for (int i = 0; i < n; i++)
            {
                mean += x[i];
            }

            mean /= n;
            double variance = 0.0;
            for (int i = 0; i < n; i++)
            {
                variance += (x[i] - mean) * (x[i] - mean);
            }

            variance /= n;
            double sd = Math.Sqrt(variance + 1e-5);
            double[] normalised = new double[n];
            for (int i = 0; i < n; i++)
            {
                normalised[i] = (x[i] - mean) / sd;
            }

            double e = 0.0;
            for (int i = 0; i < n; i++)
            {
                double r = gain[i] * normalised[i] + bias[i] - target[i];
                e += r * r;
            }

            return e;
        }

        /// <summary>
        /// The values above a threshold compacted into a local buffer (written at a count that only some
        /// iterations advance), squared, then a position-weighted mean of the kept ones.
        /// </summary>
        [Differentiable(nameof(x), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CompactedWeightedMean(double[] x, double threshold)
        {
            int n = x.Length;
            double[] kept = new double[n];
            int count = 0;
            for (int i = 0; i < n; i++)
            {
                if (x[i] > threshold)
                {
                    kept[count] = x[i] * x[i];
                    count++;
                }
            }

            if (count == 0)
            {
                return 0.0;
            }

            double s = 0.0;
            for (int k = 0; k < count; k++)
            {
                s += kept[k] * (k + 1);
            }

            return s / count;
        }

        /// <summary>
        /// The piecewise-linear CDF of softmax(logWeights) on n equal cells of [0, 1], tabulated in a local
        /// array of n + 1 cumulative values, read at the cell (int)Math.Floor(t·n) and the next one.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double InterpolatedCumulative(double[] logWeights, double t)
        {
            int n = logWeights.Length;
            double total = 0.0;
            for (int i = 0; i < n; i++)
            {
                total += Math.Exp(logWeights[i]);
            }

            double[] table = new double[n + 1];
            for (int i = 0; i < n; i++)
            {
                table[i + 1] = table[i] + Math.Exp(logWeights[i]) / total;
            }

            double position = t * n;
            int cell = (int)Math.Floor(position);
            double frac = position - cell;
            return (1.0 - frac) * table[cell] + frac * table[cell + 1];
        }

        /// <summary>
        /// The soft minimum of the compactness of a mesh's triangles: each one's quality from a call to
        /// <see cref="TriangleCompactness"/> (itself using local arrays) stored in a local array.
        /// </summary>
        [Differentiable(nameof(vertices), Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double MeshSoftMinQuality(double[] vertices, int[] triangles, double sharpness)
        {
            int count = triangles.Length / 3;
            double[] quality = new double[count];
            for (int t = 0; t < count; t++)
            {
                int a = triangles[3 * t];
                int b = triangles[3 * t + 1];
                int c = triangles[3 * t + 2];
                quality[t] = TriangleCompactness(vertices[2 * a], vertices[2 * a + 1], vertices[2 * b], vertices[2 * b + 1], vertices[2 * c], vertices[2 * c + 1]);
            }

            double m = quality[0];
            for (int t = 1; t < count; t++)
            {
                m = Math.Min(m, quality[t]);
            }

            double sum = 0.0;
            for (int t = 0; t < count; t++)
            {
                sum += Math.Exp(-sharpness * (quality[t] - m));
            }

            return m - Math.Log(sum) / sharpness;
        }

        /// <summary>
        /// <see cref="FirstPassageTime"/> with the answer returned from inside the loop that fills the
        /// levels, reading the level just written; extrapolated from the last step if none reaches it.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double FirstPassageEarlyReturn(double[] increments, double threshold)
        {
            int n = increments.Length;
            double[] level = new double[n];
            for (int i = 0; i < n; i++)
            {
                level[i] = (i == 0 ? 0.0 : level[i - 1]) + increments[i];
                if (level[i] >= threshold)
                {
                    return i + (threshold - level[i]) / increments[i];
                }
            }

            return n - 1 + (threshold - level[n - 1]) / increments[n - 1];
        }

        /// <summary>
        /// log Z of a hidden Markov model by the forward algorithm in log space (unnormalised log
        /// probabilities): α and the next α in two local arrays, α overwritten at every time step.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double HmmForwardLogLikelihood(double[] logInitial, double[] logTransition, double[] logEmission)
        {
            int states = logInitial.Length;
            int steps = logEmission.Length / states;
            double[] alpha = new double[states];
            double[] next = new double[states];
            for (int s = 0; s < states; s++)
            {
                alpha[s] = logInitial[s] + logEmission[s];
            }

            for (int t = 1; t < steps; t++)
            {
                for (int j = 0; j < states; j++)
                {
                    double m = double.NegativeInfinity;
                    for (int i = 0; i < states; i++)
                    {
                        m = Math.Max(m, alpha[i] + logTransition[i * states + j]);
                    }

                    double sum = 0.0;
                    for (int i = 0; i < states; i++)
                    {
                        sum += Math.Exp(alpha[i] + logTransition[i * states + j] - m);
                    }

                    next[j] = m + Math.Log(sum) + logEmission[t * states + j];
                }

                for (int j = 0; j < states; j++)
                {
                    alpha[j] = next[j];
                }
            }

            double top = alpha[0];
            for (int s = 1; s < states; s++)
            {
                top = Math.Max(top, alpha[s]);
            }

            double total = 0.0;
            for (int s = 0; s < states; s++)
            {
                total += Math.Exp(alpha[s] - top);
            }

            return top + Math.Log(total);
        }

        /// <summary>
        /// The log marginal likelihood of a Gaussian process with an RBF kernel: the kernel matrix, its
        /// Cholesky factor (flat n × n) and the whitened targets L⁻¹y in three local arrays.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double GaussianProcessEvidence(double[] x, double[] y, double lengthscale, double variance, double noise)
        {
            int n = x.Length;
            double[] k = new double[n * n];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double d = x[i] - x[j];
                    k[i * n + j] = variance * Math.Exp(-d * d / (2.0 * lengthscale * lengthscale));
                }

                k[i * n + i] += noise;
            }

            double[] l = new double[n * n];
            for (int j = 0; j < n; j++)
            {
                double s = k[j * n + j];
                for (int p = 0; p < j; p++)
                {
                    s -= l[j * n + p] * l[j * n + p];
                }

                l[j * n + j] = Math.Sqrt(s);
                for (int i = j + 1; i < n; i++)
                {
                    double t = k[i * n + j];
                    for (int p = 0; p < j; p++)
                    {
                        t -= l[i * n + p] * l[j * n + p];
                    }

                    l[i * n + j] = t / l[j * n + j];
                }
            }

            double[] z = new double[n];
            double fit = 0.0;
            double logDet = 0.0;
            for (int i = 0; i < n; i++)
            {
                double s = y[i];
                for (int p = 0; p < i; p++)
                {
                    s -= l[i * n + p] * z[p];
                }

                z[i] = s / l[i * n + i];
                fit += z[i] * z[i];
                logDet += Math.Log(l[i * n + i]);
            }

            return -0.5 * fit - logDet - 0.5 * n * Math.Log(2.0 * Math.PI);
        }

        /// <summary>Σ wᵢ·yᵢ after a few Newton steps yᵢ ← ½(yᵢ + aᵢ/yᵢ) for √aᵢ, each element read and overwritten in place.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NewtonSquareRoots(double[] a, double[] w, int iterations)
        {
            int n = a.Length;
            double[] y = new double[n];
            for (int i = 0; i < n; i++)
            {
                y[i] = a[i];
            }

            for (int it = 0; it < iterations; it++)
            {
                for (int i = 0; i < n; i++)
                {
                    y[i] = 0.5 * (y[i] + a[i] / y[i]);
                }
            }

            double s = 0.0;
            for (int i = 0; i < n; i++)
            {
                s += w[i] * y[i];
            }

            return s;
        }

        /// <summary>Σ wᵢ(1 + rᵢ/N)ᴺ for N = 2ᵏ, the power taken by squaring each element in place k times (g[i] *= g[i]).</summary>
        [Differentiable(nameof(rates), nameof(w), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CompoundGrowth(double[] rates, double[] w, int doublings)
        {
            int n = rates.Length;
            double periods = Math.Pow(2.0, doublings);
            double[] growth = new double[n];
            for (int i = 0; i < n; i++)
            {
                growth[i] = 1.0 + rates[i] / periods;
            }

            for (int d = 0; d < doublings; d++)
            {
                for (int i = 0; i < n; i++)
                {
                    growth[i] *= growth[i];
                }
            }

            double s = 0.0;
            for (int i = 0; i < n; i++)
            {
                s += w[i] * growth[i];
            }

            return s;
        }

        /// <summary>
        /// Σ_b (S_b² + S_b) over bins S_b = Σ_{bin(i) = b} wᵢxᵢ: the bin of each entry computed from passive
        /// positions into a local int[], then scattered with += into a local array at that index.
        /// </summary>
        [Differentiable(nameof(x), nameof(w), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double BinnedEnergy(double[] x, double[] w, ReadOnlySpan<double> positions, int binCount)
        {
            int n = x.Length;
            int[] bin = new int[n];
            for (int i = 0; i < n; i++)
            {
                bin[i] = Math.Min(binCount - 1, (int)(positions[i] * binCount));
            }

            double[] sums = new double[binCount];
            for (int i = 0; i < n; i++)
            {
                sums[bin[i]] += w[i] * x[i];
            }

            double e = 0.0;
            for (int b = 0; b < sums.Length; b++)
            {
                e += sums[b] * sums[b] + sums[b];
            }

            return e;
        }

        /// <summary>
        /// A left rotation by shift done in place by three reversals (swaps in while loops), then
        /// c·r + Σ (rᵢ₊₁ − rᵢ)².
        /// </summary>
        [Differentiable(nameof(x), nameof(c), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double RotatedByReversals(double[] x, double[] c, int shift)
        {
            int n = x.Length;
            int k = shift % n;
            double[] r = new double[n];
            for (int i = 0; i < n; i++)
            {
                r[i] = x[i];
            }

            int lo = 0;
            int hi = k - 1;
            while (lo < hi)
            {
                double t = r[lo];
                r[lo] = r[hi];
                r[hi] = t;
                lo++;
                hi--;
            }

            lo = k;
            hi = n - 1;
            while (lo < hi)
            {
                double t = r[lo];
                r[lo] = r[hi];
                r[hi] = t;
                lo++;
                hi--;
            }

            lo = 0;
            hi = n - 1;
            while (lo < hi)
            {
                double t = r[lo];
                r[lo] = r[hi];
                r[hi] = t;
                lo++;
                hi--;
            }

            double s = 0.0;
            for (int i = 0; i < n; i++)
            {
                s += c[i] * r[i];
            }

            for (int i = 0; i + 1 < n; i++)
            {
                double d = r[i + 1] - r[i];
                s += d * d;
            }

            return s;
        }

        /// <summary>
        /// The heat equation uₜ = u_xx by the method of lines and explicit Euler (zero boundaries), the
        /// state and the next state in local arrays; squared error to a target profile.
        /// </summary>
        [Differentiable(nameof(initial), nameof(diffusion), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double HeatEquationFit(double[] initial, double diffusion, int steps, double[] target)
        {
            int n = initial.Length;
            double[] u = new double[n];
            double[] next = new double[n];
            for (int i = 0; i < n; i++)
            {
                u[i] = initial[i];
            }

            for (int step = 0; step < steps; step++)
            {
                for (int i = 0; i < n; i++)
                {
                    double left = i > 0 ? u[i - 1] : 0.0;
                    double right = i < n - 1 ? u[i + 1] : 0.0;
                    next[i] = u[i] + diffusion * (left - 2.0 * u[i] + right);
                }

                for (int i = 0; i < n; i++)
                {
                    u[i] = next[i];
                }
            }

            double e = 0.0;
            for (int i = 0; i < n; i++)
            {
                double d = u[i] - target[i];
                e += d * d;
            }

            return e;
        }

        /// <summary>
        /// Poisson regression through a ReLU hidden layer (Math.Max into a local array reused for every
        /// sample), the rate softplus(η) by a call to another [Differentiable] method; mean negative log-likelihood.
        /// </summary>
        [Differentiable(nameof(w1), nameof(b1), nameof(w2), nameof(b2), Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double ReluPoissonRegression(double[] w1, double[] b1, double[] w2, double b2, double[] features, double[] counts)
        {
            int hidden = b1.Length;
            int inputs = w1.Length / hidden;
            int m = counts.Length;
            double[] h = new double[hidden];
            double nll = 0.0;
            for (int s = 0; s < m; s++)
            {
                for (int j = 0; j < hidden; j++)
                {
                    double z = b1[j];
                    for (int k = 0; k < inputs; k++)
                    {
                        z += w1[j * inputs + k] * features[s * inputs + k];
                    }

                    h[j] = Math.Max(0.0, z);
                }

                double eta = b2;
                for (int j = 0; j < hidden; j++)
                {
                    eta += w2[j] * h[j];
                }

                double rate = Arrays.Softplus(eta);
                nll += rate - counts[s] * Math.Log(rate);
            }

            return nll / m;
        }

        /// <summary>
        /// The (interpolated) time a random walk with positive steps first reaches a threshold: the levels
        /// in a local array, scanned by a while loop whose condition reads it; extrapolated past the end.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double FirstPassageTime(double[] increments, double threshold)
        {
            int n = increments.Length;
            double[] level = new double[n];
            level[0] = increments[0];
            for (int i = 1; i < n; i++)
            {
                level[i] = level[i - 1] + increments[i];
            }

            int k = 0;
            while (k < n - 1 && level[k] < threshold)
            {
                k++;
            }

            double before = k == 0 ? 0.0 : level[k - 1];
            return k - 1 + (threshold - before) / increments[k];
        }
    }

    /// <summary>
    /// The local-array cases. Every exact gradient is derived by hand and computed in plain C#, never
    /// through generated code: closed forms where there is one, otherwise backpropagation, an adjoint
    /// solve or forward sensitivities written out for the method's own algorithm.
    /// </summary>
    public static class LocalArrayCases
    {
        private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

        private static double Dot(double[] a, double[] b) => a.Select((v, i) => v * b[i]).Sum();

        private static double Binomial(int n, int k)
        {
            double c = 1.0;
            for (int i = 1; i <= k; i++)
            {
                c = c * (n - k + i) / i;
            }

            return c;
        }

        /// <summary>A random permutation of 0 … n−1 (Fisher–Yates).</summary>
        private static int[] Shuffle(SplitMix64 rng, int n)
        {
            int[] p = Enumerable.Range(0, n).ToArray();
            for (int i = n - 1; i > 0; i--)
            {
                int j = rng.Int(0, i);
                (p[i], p[j]) = (p[j], p[i]);
            }

            return p;
        }

        /// <summary>n values at least 0.2 apart in random order: no ties for a sort to hesitate over.</summary>
        private static double[] DistinctValues(SplitMix64 rng, int n)
        {
            int[] rank = Shuffle(rng, n);
            return rank.Select(r => 0.5 * r - 1.5 + rng.Uniform(-0.15, 0.15)).ToArray();
        }

        /// <summary>A flat n × n matrix, strictly diagonally dominant by a margin, diagonal entries of either sign.</summary>
        private static double[] DominantMatrix(SplitMix64 rng, int n)
        {
            var a = new double[n * n];
            for (int i = 0; i < n; i++)
            {
                double off = 0.0;
                for (int j = 0; j < n; j++)
                {
                    if (j != i)
                    {
                        a[i * n + j] = rng.Uniform(-1, 1);
                        off += Math.Abs(a[i * n + j]);
                    }
                }

                a[i * n + i] = (rng.Bool() ? 1.0 : -1.0) * (off + rng.Uniform(0.5, 2.0));
            }

            return a;
        }

        /// <summary>Solves the dense system m·x = r by Gaussian elimination with partial pivoting.</summary>
        private static double[] DenseSolve(double[,] m, double[] r)
        {
            int n = r.Length;
            var a = (double[,])m.Clone();
            var b = (double[])r.Clone();
            for (int col = 0; col < n; col++)
            {
                int pivot = col;
                for (int row = col + 1; row < n; row++)
                {
                    if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                    {
                        pivot = row;
                    }
                }

                for (int k = 0; k < n; k++)
                {
                    (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
                }

                (b[col], b[pivot]) = (b[pivot], b[col]);
                for (int row = col + 1; row < n; row++)
                {
                    double f = a[row, col] / a[col, col];
                    for (int k = col; k < n; k++)
                    {
                        a[row, k] -= f * a[col, k];
                    }

                    b[row] -= f * b[col];
                }
            }

            var x = new double[n];
            for (int row = n - 1; row >= 0; row--)
            {
                double s = b[row];
                for (int k = row + 1; k < n; k++)
                {
                    s -= a[row, k] * x[k];
                }

                x[row] = s / a[row, row];
            }

            return x;
        }

        /// <summary>∂/∂logits of −log softmax = softmax − onehot(label).</summary>
        private static object[] SoftmaxCrossEntropyGradient(double[] logits, int label)
        {
            double sum = logits.Sum(Math.Exp);
            return [logits.Select((z, i) => Math.Exp(z) / sum - (i == label ? 1.0 : 0.0)).ToArray()];
        }

        /// <summary>f = t·log S, S = Σ e^(xᵢ/t): ∂f/∂xᵢ = pᵢ = e^(xᵢ/t)/S, ∂f/∂t = log S − Σ pᵢxᵢ/t.</summary>
        private static object[] SmoothMaximumGradient(double[] x, double t)
        {
            double s = x.Sum(v => Math.Exp(v / t));
            double[] p = x.Select(v => Math.Exp(v / t) / s).ToArray();
            return [p, Math.Log(s) - Dot(p, x) / t];
        }

        /// <summary>
        /// The course's backpropagation: δ⁽³⁾ = a⁽³⁾ − y, δ⁽²⁾ = Θ⁽²⁾ᵀδ⁽³⁾ ⊙ a⁽²⁾(1 − a⁽²⁾) (bias unit dropped),
        /// Δ⁽ˡ⁾ += δ⁽ˡ⁺¹⁾a⁽ˡ⁾ᵀ, D = Δ/m + (λ/m)Θ off the bias column.
        /// </summary>
        private static object[] OneHiddenLayerBackprop(double[] theta1, double[] theta2, double[] features, double[] labels, double lambda)
        {
            int hidden = theta2.Length - 1;
            int inputs = theta1.Length / hidden - 1;
            int m = labels.Length;
            var delta1 = new double[theta1.Length];
            var delta2 = new double[theta2.Length];
            for (int s = 0; s < m; s++)
            {
                var a1 = new double[inputs + 1];
                a1[0] = 1.0;
                for (int k = 0; k < inputs; k++)
                {
                    a1[k + 1] = features[s * inputs + k];
                }

                var a2 = new double[hidden + 1];
                a2[0] = 1.0;
                for (int h = 0; h < hidden; h++)
                {
                    double z = 0.0;
                    for (int k = 0; k <= inputs; k++)
                    {
                        z += theta1[h * (inputs + 1) + k] * a1[k];
                    }

                    a2[h + 1] = Sigmoid(z);
                }

                double a3 = Sigmoid(Dot(theta2, a2));
                double d3 = a3 - labels[s];
                for (int h = 0; h <= hidden; h++)
                {
                    delta2[h] += d3 * a2[h];
                }

                for (int h = 0; h < hidden; h++)
                {
                    double d2 = theta2[h + 1] * d3 * a2[h + 1] * (1.0 - a2[h + 1]);
                    for (int k = 0; k <= inputs; k++)
                    {
                        delta1[h * (inputs + 1) + k] += d2 * a1[k];
                    }
                }
            }

            double[] g1 = delta1.Select((d, i) => d / m + (i % (inputs + 1) == 0 ? 0.0 : lambda / m * theta1[i])).ToArray();
            double[] g2 = delta2.Select((d, i) => d / m + (i == 0 ? 0.0 : lambda / m * theta2[i])).ToArray();
            return [g1, g2];
        }

        /// <summary>Backpropagation through two tanh layers: δ⁽ˡ⁾ = W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾ ⊙ (1 − h⁽ˡ⁾²).</summary>
        private static object[] TwoHiddenLayerBackprop(double[] w1, double[] b1, double[] w2, double[] b2, double[] w3, double b3, double[] features, double[] targets)
        {
            int n1 = b1.Length;
            int n2 = b2.Length;
            int inputs = w1.Length / n1;
            int m = targets.Length;
            var dw1 = new double[w1.Length];
            var db1 = new double[n1];
            var dw2 = new double[w2.Length];
            var db2 = new double[n2];
            var dw3 = new double[n2];
            double db3 = 0.0;
            for (int s = 0; s < m; s++)
            {
                var h1 = new double[n1];
                for (int j = 0; j < n1; j++)
                {
                    double z = b1[j];
                    for (int k = 0; k < inputs; k++)
                    {
                        z += w1[j * inputs + k] * features[s * inputs + k];
                    }

                    h1[j] = Math.Tanh(z);
                }

                var h2 = new double[n2];
                for (int j = 0; j < n2; j++)
                {
                    double z = b2[j];
                    for (int k = 0; k < n1; k++)
                    {
                        z += w2[j * n1 + k] * h1[k];
                    }

                    h2[j] = Math.Tanh(z);
                }

                double output = b3 + Dot(w3, h2);
                double g = 2.0 * (output - targets[s]) / m;
                db3 += g;
                var d2 = new double[n2];
                for (int j = 0; j < n2; j++)
                {
                    dw3[j] += g * h2[j];
                    d2[j] = g * w3[j] * (1.0 - h2[j] * h2[j]);
                    db2[j] += d2[j];
                    for (int k = 0; k < n1; k++)
                    {
                        dw2[j * n1 + k] += d2[j] * h1[k];
                    }
                }

                for (int k = 0; k < n1; k++)
                {
                    double d1 = 0.0;
                    for (int j = 0; j < n2; j++)
                    {
                        d1 += d2[j] * w2[j * n1 + k];
                    }

                    d1 *= 1.0 - h1[k] * h1[k];
                    db1[k] += d1;
                    for (int i = 0; i < inputs; i++)
                    {
                        dw1[k * inputs + i] += d1 * features[s * inputs + i];
                    }
                }
            }

            return [dw1, db1, dw2, db2, dw3, db3];
        }

        /// <summary>pathᵢ = Σⱼ≤ᵢ stepⱼ, so ∂/∂stepⱼ = Σᵢ≥ⱼ 2(pathᵢ − targetᵢ).</summary>
        private static object[] RandomWalkGradient(double[] steps, double[] target)
        {
            int n = steps.Length;
            var g = new double[n];
            for (int j = 0; j < n; j++)
            {
                for (int i = j; i < n; i++)
                {
                    double path = steps.Take(i + 1).Sum();
                    g[j] += 2.0 * (path - target[i]);
                }
            }

            return [g];
        }

        /// <summary>∂Sₜ/∂logitⱼ = −Sₜ·qⱼ for j ≤ t (since ∂log(1 − σ(z))/∂z = −σ(z)), so ∂/∂logitⱼ = −qⱼ·Σₜ≥ⱼ Sₜ.</summary>
        private static object[] ExpectedLifetimeGradient(double[] logits)
        {
            int n = logits.Length;
            double[] q = logits.Select(Sigmoid).ToArray();
            var survival = new double[n];
            for (int t = 0; t < n; t++)
            {
                survival[t] = 1.0;
                for (int k = 0; k <= t; k++)
                {
                    survival[t] *= 1.0 - q[k];
                }
            }

            return [Enumerable.Range(0, n).Select(j => -q[j] * survival.Skip(j).Sum()).ToArray()];
        }

        /// <summary>
        /// The filter in closed form: yₜ = (1 − α)ᵗx₀ + Σ₁≤ₛ≤ₜ α(1 − α)ᵗ⁻ˢxₛ, differentiated term by term in
        /// xₛ and α, weighted by ∂E/∂yₜ = 2(yₜ − targetₜ)/n.
        /// </summary>
        private static object[] FilterGradient(double[] x, double alpha, double[] target)
        {
            int n = x.Length;
            double beta = 1.0 - alpha;
            var dx = new double[n];
            double dalpha = 0.0;
            for (int t = 0; t < n; t++)
            {
                double y = Math.Pow(beta, t) * x[0];
                double dy = t == 0 ? 0.0 : -t * Math.Pow(beta, t - 1) * x[0];
                for (int s = 1; s <= t; s++)
                {
                    y += alpha * Math.Pow(beta, t - s) * x[s];
                    dy += (Math.Pow(beta, t - s) - (t - s == 0 ? 0.0 : alpha * (t - s) * Math.Pow(beta, t - s - 1))) * x[s];
                }

                double g = 2.0 * (y - target[t]) / n;
                dx[0] += g * Math.Pow(beta, t);
                for (int s = 1; s <= t; s++)
                {
                    dx[s] += g * alpha * Math.Pow(beta, t - s);
                }

                dalpha += g * dy;
            }

            return [dx, dalpha];
        }

        /// <summary>
        /// The adjoint method on the dense matrix: x = A⁻¹rhs and λ = A⁻ᵀw by Gaussian elimination, then
        /// ∂(w·x)/∂rhs = λ and ∂(w·x)/∂Aᵢⱼ = −λᵢxⱼ for the three diagonals.
        /// </summary>
        private static object[] TridiagonalGradient(double[] lower, double[] diag, double[] upper, double[] rhs, double[] weights)
        {
            int n = diag.Length;
            var a = new double[n, n];
            var at = new double[n, n];
            for (int i = 0; i < n; i++)
            {
                a[i, i] = diag[i];
                if (i > 0)
                {
                    a[i, i - 1] = lower[i];
                }

                if (i < n - 1)
                {
                    a[i, i + 1] = upper[i];
                }
            }

            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    at[i, j] = a[j, i];
                }
            }

            double[] x = DenseSolve(a, rhs);
            double[] lambda = DenseSolve(at, weights);
            double[] dlower = Enumerable.Range(0, n).Select(i => i > 0 ? -lambda[i] * x[i - 1] : 0.0).ToArray();
            double[] ddiag = Enumerable.Range(0, n).Select(i => -lambda[i] * x[i]).ToArray();
            double[] dupper = Enumerable.Range(0, n).Select(i => i < n - 1 ? -lambda[i] * x[i + 1] : 0.0).ToArray();
            return [dlower, ddiag, dupper, lambda];
        }

        /// <summary>
        /// Forward sensitivities of explicit Euler: Sₖ₊₁ = Sₖ + h(J(yₖ)Sₖ + ∂f/∂θ) for the rates and the
        /// initial state, plus f(yₖ) in the h column; then ∂L/∂p = 2(y − observed)ᵀS.
        /// </summary>
        private static object[] LotkaVolterraGradient(double[] rates, double[] initial, double h, int steps, double[] observed)
        {
            double a = rates[0], b = rates[1], c = rates[2], d = rates[3];
            double u = initial[0], v = initial[1];
            var sens = new double[2, 7];
            sens[0, 4] = 1.0;
            sens[1, 5] = 1.0;
            for (int k = 0; k < steps; k++)
            {
                double[] f = [a * u - b * u * v, -c * v + d * u * v];
                double[,] jac = { { a - b * v, -b * u }, { d * v, -c + d * u } };
                double[,] ftheta = { { u, -u * v, 0.0, 0.0 }, { 0.0, 0.0, -v, u * v } };
                var next = new double[2, 7];
                for (int r = 0; r < 2; r++)
                {
                    for (int col = 0; col < 7; col++)
                    {
                        double js = jac[r, 0] * sens[0, col] + jac[r, 1] * sens[1, col];
                        next[r, col] = sens[r, col] + h * (js + (col < 4 ? ftheta[r, col] : 0.0)) + (col == 6 ? f[r] : 0.0);
                    }
                }

                sens = next;
                u += h * f[0];
                v += h * f[1];
            }

            double e0 = 2.0 * (u - observed[0]);
            double e1 = 2.0 * (v - observed[1]);
            double[] g = Enumerable.Range(0, 7).Select(col => e0 * sens[0, col] + e1 * sens[1, col]).ToArray();
            return [g.Take(4).ToArray(), g.Skip(4).Take(2).ToArray(), g[6]];
        }

        /// <summary>
        /// Forward sensitivities of Heun's method in (angle, velocity, g, damping): each stage's S
        /// propagated by the Jacobian [[0, 1], [−g·cos θ, −γ]] plus ∂f/∂(g, γ) = (0, −sin θ), (0, −ω).
        /// </summary>
        private static object[] PendulumGradient(double angle, double velocity, double g, double damping, double h, int steps)
        {
            double theta = angle, omega = velocity;
            var sens = new double[2, 4];
            sens[0, 0] = 1.0;
            sens[1, 1] = 1.0;
            for (int s = 0; s < steps; s++)
            {
                double k10 = omega;
                double k11 = -g * Math.Sin(theta) - damping * omega;
                var sk1 = new double[2, 4];
                for (int c = 0; c < 4; c++)
                {
                    sk1[0, c] = sens[1, c];
                    sk1[1, c] = -g * Math.Cos(theta) * sens[0, c] - damping * sens[1, c] + (c == 2 ? -Math.Sin(theta) : 0.0) + (c == 3 ? -omega : 0.0);
                }

                double thetaP = theta + h * k10;
                double omegaP = omega + h * k11;
                var sk2 = new double[2, 4];
                for (int c = 0; c < 4; c++)
                {
                    double sp0 = sens[0, c] + h * sk1[0, c];
                    double sp1 = sens[1, c] + h * sk1[1, c];
                    sk2[0, c] = sp1;
                    sk2[1, c] = -g * Math.Cos(thetaP) * sp0 - damping * sp1 + (c == 2 ? -Math.Sin(thetaP) : 0.0) + (c == 3 ? -omegaP : 0.0);
                }

                double k20 = omegaP;
                double k21 = -g * Math.Sin(thetaP) - damping * omegaP;
                for (int r = 0; r < 2; r++)
                {
                    for (int c = 0; c < 4; c++)
                    {
                        sens[r, c] += 0.5 * h * (sk1[r, c] + sk2[r, c]);
                    }
                }

                theta += 0.5 * h * (k10 + k20);
                omega += 0.5 * h * (k11 + k21);
            }

            double[] grad = Enumerable.Range(0, 4)
                .Select(c => omega * sens[1, c] + g * Math.Sin(theta) * sens[0, c] + (c == 2 ? 1.0 - Math.Cos(theta) : 0.0))
                .ToArray();
            return [grad[0], grad[1], grad[2], grad[3]];
        }

        /// <summary>p(t) = Πⱼ(t − rⱼ): ∂p/∂rₖ = −Πⱼ≠ₖ(t − rⱼ), ∂p/∂t = Σₖ Πⱼ≠ₖ(t − rⱼ).</summary>
        private static object[] PolynomialFromRootsGradient(double[] roots, double t)
        {
            int n = roots.Length;
            double[] others = Enumerable.Range(0, n)
                .Select(k => Enumerable.Range(0, n).Where(j => j != k).Aggregate(1.0, (acc, j) => acc * (t - roots[j])))
                .ToArray();
            return [others.Select(o => -o).ToArray(), others.Sum()];
        }

        /// <summary>Piecewise linear: ∂/∂x₍ᵢ₎ = wᵢ through the sorting permutation, ∂/∂wᵢ = x₍ᵢ₎.</summary>
        private static object[] OrderedWeightedAverageGradient(double[] x, double[] w)
        {
            int[] order = Enumerable.Range(0, x.Length).OrderBy(i => x[i]).ToArray();
            var dx = new double[x.Length];
            for (int i = 0; i < order.Length; i++)
            {
                dx[order[i]] = w[i];
            }

            return [dx, order.Select(i => x[i]).ToArray()];
        }

        /// <summary>g = (Q + Qᵀ)u; ∂/∂x = (g − (uᵀg)u)/‖x‖ (the normalisation's Jacobian (I − uuᵀ)/‖x‖), ∂/∂Qᵢⱼ = uᵢuⱼ.</summary>
        private static object[] NormalisedQuadraticFormGradient(double[] x, double[] q)
        {
            int n = x.Length;
            double norm = Math.Sqrt(Dot(x, x));
            double[] u = x.Select(v => v / norm).ToArray();
            double[] g = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => (q[i * n + j] + q[j * n + i]) * u[j])).ToArray();
            double ug = Dot(u, g);
            double[] dx = Enumerable.Range(0, n).Select(i => (g[i] - ug * u[i]) / norm).ToArray();
            double[] dq = Enumerable.Range(0, n * n).Select(k => u[k / n] * u[k % n]).ToArray();
            return [dx, dq];
        }

        private static double[] Scores(double[] x, double[] w) => x.Select((v, i) => w[i] * Math.Tanh(v)).ToArray();

        /// <summary>∂/∂scoreᵢ = [i = best] − 1/n; scoreᵢ = wᵢ·tanh xᵢ.</summary>
        private static object[] TopScoreMarginGradient(double[] x, double[] w)
        {
            int n = x.Length;
            double[] s = Scores(x, w);
            int best = Array.IndexOf(s, s.Max());
            double[] ds = Enumerable.Range(0, n).Select(i => (i == best ? 1.0 : 0.0) - 1.0 / n).ToArray();
            double[] dx = Enumerable.Range(0, n).Select(i => ds[i] * w[i] * (1.0 - Math.Tanh(x[i]) * Math.Tanh(x[i]))).ToArray();
            double[] dw = Enumerable.Range(0, n).Select(i => ds[i] * Math.Tanh(x[i])).ToArray();
            return [dx, dw];
        }

        /// <summary>v = Σₖ p[(k + shift) mod n]·tⁿ⁻¹⁻ᵏ, differentiated term by term.</summary>
        private static object[] RotatedHornerGradient(double[] p, double t, int shift)
        {
            int n = p.Length;
            var dp = new double[n];
            double dt = 0.0;
            for (int k = 0; k < n; k++)
            {
                int power = n - 1 - k;
                dp[(k + shift) % n] += Math.Pow(t, power);
                if (power > 0)
                {
                    dt += p[(k + shift) % n] * power * Math.Pow(t, power - 1);
                }
            }

            return [dp, dt];
        }

        /// <summary>Dᵢ = xᵢ − 2xᵢ₊₁ + xᵢ₊₂ contributes 2Dᵢ·(1, −2, 1) to (xᵢ, xᵢ₊₁, xᵢ₊₂); λx₀² gives 2λx₀ and x₀².</summary>
        private static object[] CurvatureGradient(double[] x, double lambda)
        {
            int n = x.Length;
            var dx = new double[n];
            for (int i = 0; i + 2 < n; i++)
            {
                double d = x[i] - 2.0 * x[i + 1] + x[i + 2];
                dx[i] += 2.0 * d;
                dx[i + 1] -= 4.0 * d;
                dx[i + 2] += 2.0 * d;
            }

            dx[0] += 2.0 * lambda * x[0];
            return [dx, x[0] * x[0]];
        }

        private static object[] DrawHuber(SplitMix64 rng)
        {
            int n = rng.Int(1, 8);
            double delta = rng.Uniform(0.3, 1.5);
            double[] target = rng.Vector(n, -2, 2);
            var prediction = new double[n];
            for (int i = 0; i < n; i++)
            {
                double magnitude = rng.Bool() ? rng.Uniform(0.0, delta - 0.05) : rng.Uniform(delta + 0.05, delta + 2.0);
                prediction[i] = target[i] + (rng.Bool() ? magnitude : -magnitude);
            }

            return [prediction, target, delta];
        }

        /// <summary>ψ(r) = r inside |r| ≤ δ, δ·sign r outside; ∂huber/∂δ = |r| − δ outside, 0 inside; all over 1 + Σ huber.</summary>
        private static object[] LogHuberGradient(double[] prediction, double[] target, double delta)
        {
            int n = prediction.Length;
            double[] r = prediction.Select((p, i) => p - target[i]).ToArray();
            double total = r.Sum(v => Math.Abs(v) <= delta ? 0.5 * v * v : delta * (Math.Abs(v) - 0.5 * delta));
            double[] dp = r.Select(v => (Math.Abs(v) <= delta ? v : delta * Math.Sign(v)) / (1.0 + total)).ToArray();
            double ddelta = r.Sum(v => Math.Abs(v) <= delta ? 0.0 : Math.Abs(v) - delta) / (1.0 + total);
            return [dp, ddelta];
        }

        private static object[] DrawSolver(SplitMix64 rng)
        {
            int n = rng.Int(1, 5);
            return [DominantMatrix(rng, n), rng.Vector(n, -2, 2), rng.Vector(n, -1, 1), rng.Int(0, 8)];
        }

        /// <summary>
        /// Backpropagation through the sweeps by hand: the iterates kept, then for each sweep from the
        /// last, with ȳ the adjoint of its result, b̄ᵢ += ȳᵢ/aᵢᵢ, āᵢᵢ −= ȳᵢsᵢ/aᵢᵢ², āᵢⱼ −= (ȳᵢ/aᵢᵢ)xⱼ and
        /// x̄ⱼ = −Σᵢ≠ⱼ (ȳᵢ/aᵢᵢ)aᵢⱼ.
        /// </summary>
        private static object[] JacobiGradient(double[] a, double[] b, double[] w, int sweeps)
        {
            int n = b.Length;
            var iterates = new List<double[]> { new double[n] };
            var sums = new List<double[]>();
            for (int k = 0; k < sweeps; k++)
            {
                double[] x = iterates[k];
                var s = new double[n];
                var next = new double[n];
                for (int i = 0; i < n; i++)
                {
                    s[i] = b[i] - Enumerable.Range(0, n).Where(j => j != i).Sum(j => a[i * n + j] * x[j]);
                    next[i] = s[i] / a[i * n + i];
                }

                sums.Add(s);
                iterates.Add(next);
            }

            var da = new double[a.Length];
            var db = new double[n];
            double[] xbar = (double[])w.Clone();
            for (int k = sweeps - 1; k >= 0; k--)
            {
                var previous = new double[n];
                for (int i = 0; i < n; i++)
                {
                    double aii = a[i * n + i];
                    double g = xbar[i] / aii;
                    db[i] += g;
                    da[i * n + i] -= xbar[i] * sums[k][i] / (aii * aii);
                    for (int j = 0; j < n; j++)
                    {
                        if (j != i)
                        {
                            da[i * n + j] -= g * iterates[k][j];
                            previous[j] -= g * a[i * n + j];
                        }
                    }
                }

                xbar = previous;
            }

            return [da, db, iterates[sweeps].ToArray()];
        }

        /// <summary>Textbook Gauss–Seidel, xᵢ = (bᵢ − Σⱼ≠ᵢ aᵢⱼxⱼ)/aᵢᵢ, from x = 0.</summary>
        private static double[] GaussSeidel(double[] a, double[] b, int sweeps)
        {
            int n = b.Length;
            var x = new double[n];
            for (int k = 0; k < sweeps; k++)
            {
                for (int i = 0; i < n; i++)
                {
                    double s = b[i];
                    for (int j = 0; j < n; j++)
                    {
                        if (j != i)
                        {
                            s -= a[i * n + j] * x[j];
                        }
                    }

                    x[i] = s / a[i * n + i];
                }
            }

            return x;
        }

        /// <summary>
        /// The sweeps are linear in b: x = M·b with column j of M the sweeps applied to eⱼ (textbook
        /// Gauss–Seidel), so ∂(w·x)/∂bⱼ = w·M eⱼ; ∂/∂w = x.
        /// </summary>
        private static object[] GaussSeidelGradient(double[] a, double[] b, double[] w, int sweeps)
        {
            int n = b.Length;
            double[] db = Enumerable.Range(0, n)
                .Select(j => Dot(w, GaussSeidel(a, Enumerable.Range(0, n).Select(i => i == j ? 1.0 : 0.0).ToArray(), sweeps)))
                .ToArray();
            return [db, GaussSeidel(a, b, sweeps)];
        }

        /// <summary>
        /// The iterate is v = u/‖u‖ with u = Aᴷs (the intermediate normalisations only rescale). R = vᵀAv:
        /// ∂R/∂A = vvᵀ directly; gᵤ = ((A + Aᵀ)v − (vᵀ(A + Aᵀ)v)v)/‖u‖; through u = A·pₖ₋₁ … with
        /// pₖ = Aᵏs, ∂R/∂A += Σₖ qₖpₖᵀ with qₖ = (Aᵀ)ᴷ⁻¹⁻ᵏgᵤ, and ∂R/∂s = (Aᵀ)ᴷgᵤ.
        /// </summary>
        private static object[] PowerIterationGradient(double[] a, double[] start, int iterations)
        {
            int n = start.Length;
            double[] Mul(double[] v) => Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => a[i * n + j] * v[j])).ToArray();
            double[] MulT(double[] v) => Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => a[j * n + i] * v[j])).ToArray();
            var powers = new List<double[]> { start };
            for (int k = 0; k < iterations; k++)
            {
                powers.Add(Mul(powers[k]));
            }

            double[] u = powers[iterations];
            double nu = Math.Sqrt(Dot(u, u));
            double[] v = u.Select(e => e / nu).ToArray();
            double[] av = Mul(v);
            double[] atv = MulT(v);
            double[] gv = av.Select((e, i) => e + atv[i]).ToArray();
            double vg = Dot(v, gv);
            double[] q = gv.Select((e, i) => (e - vg * v[i]) / nu).ToArray();
            double[] da = Enumerable.Range(0, n * n).Select(k => v[k / n] * v[k % n]).ToArray();
            for (int k = iterations - 1; k >= 0; k--)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        da[i * n + j] += q[i] * powers[k][j];
                    }
                }

                q = MulT(q);
            }

            return [da, q];
        }

        /// <summary>
        /// f = yᵀPy with P = A(AᵀA)⁻¹Aᵀ, A = [a b]: c solves the 2 × 2 normal equations, r = y − Ac; then
        /// ∂f/∂y = 2Py and ∂f/∂A = 2rcᵀ (dP = (I − P)dA(AᵀA)⁻¹Aᵀ + its transpose).
        /// </summary>
        private static object[] ProjectedEnergyGradient(double[] a, double[] b, double[] y)
        {
            double aa = Dot(a, a), ab = Dot(a, b), bb = Dot(b, b), ay = Dot(a, y), by = Dot(b, y);
            double det = aa * bb - ab * ab;
            double ca = (bb * ay - ab * by) / det;
            double cb = (aa * by - ab * ay) / det;
            double[] py = a.Select((v, i) => ca * v + cb * b[i]).ToArray();
            double[] r = y.Select((v, i) => v - py[i]).ToArray();
            return [r.Select(v => 2.0 * v * ca).ToArray(), r.Select(v => 2.0 * v * cb).ToArray(), py.Select(v => 2.0 * v).ToArray()];
        }

        private static object[] DrawProjection(SplitMix64 rng)
        {
            while (true)
            {
                int n = rng.Int(2, 7);
                double[] a = rng.Vector(n, -2, 2);
                double[] b = rng.Vector(n, -2, 2);
                double[] y = rng.Vector(n, -2, 2);
                if (Math.Abs(Dot(a, b)) < 0.9 * Math.Sqrt(Dot(a, a) * Dot(b, b)) && Dot(a, a) > 0.1)
                {
                    return [a, b, y];
                }
            }
        }

        /// <summary>
        /// The Bernstein form B(t) = Σₖ C(d, k)tᵏ(1 − t)ᵈ⁻ᵏPₖ: ∂B/∂Pₖ = C(d, k)tᵏ(1 − t)ᵈ⁻ᵏ and
        /// B′(t) = d·Σₖ (Pₖ₊₁ − Pₖ)C(d − 1, k)tᵏ(1 − t)ᵈ⁻¹⁻ᵏ.
        /// </summary>
        private static object[] DeCasteljauGradient(double[] control, double t)
        {
            int d = control.Length - 1;
            double[] dc = Enumerable.Range(0, d + 1).Select(k => Binomial(d, k) * Math.Pow(t, k) * Math.Pow(1.0 - t, d - k)).ToArray();
            double dt = 0.0;
            for (int k = 0; k < d; k++)
            {
                dt += d * (control[k + 1] - control[k]) * Binomial(d - 1, k) * Math.Pow(t, k) * Math.Pow(1.0 - t, d - 1 - k);
            }

            return [dc, dt];
        }

        private static object[] DrawTriangle(SplitMix64 rng)
        {
            while (true)
            {
                double[] v = rng.Vector(6, -2, 2);
                bool apart = true;
                for (int i = 0; i < 3; i++)
                {
                    int j = (i + 1) % 3;
                    apart &= Math.Sqrt((v[2 * j] - v[2 * i]) * (v[2 * j] - v[2 * i]) + (v[2 * j + 1] - v[2 * i + 1]) * (v[2 * j + 1] - v[2 * i + 1])) > 0.3;
                }

                if (apart)
                {
                    return v.Cast<object>().ToArray();
                }
            }
        }

        /// <summary>
        /// R = A/P²: shoelace ∂A/∂xᵢ = ½(yᵢ₊₁ − yᵢ₋₁), ∂A/∂yᵢ = ½(xᵢ₋₁ − xᵢ₊₁); ∂P/∂vᵢ = the unit vectors
        /// from both neighbours to vᵢ; ∂R = ∂A/P² − 2A·∂P/P³.
        /// </summary>
        private static object[] TriangleCompactnessGradient(double[] v)
        {
            double X(int i) => v[2 * ((i + 3) % 3)];
            double Y(int i) => v[2 * ((i + 3) % 3) + 1];
            double Length(int i) => Math.Sqrt((X(i + 1) - X(i)) * (X(i + 1) - X(i)) + (Y(i + 1) - Y(i)) * (Y(i + 1) - Y(i)));
            double area = 0.0;
            double perimeter = 0.0;
            for (int i = 0; i < 3; i++)
            {
                area += 0.5 * (X(i) * Y(i + 1) - X(i + 1) * Y(i));
                perimeter += Length(i);
            }

            var g = new object[6];
            for (int i = 0; i < 3; i++)
            {
                double dax = 0.5 * (Y(i + 1) - Y(i - 1));
                double day = 0.5 * (X(i - 1) - X(i + 1));
                double dpx = (X(i) - X(i + 1)) / Length(i) + (X(i) - X(i - 1)) / Length(i - 1);
                double dpy = (Y(i) - Y(i + 1)) / Length(i) + (Y(i) - Y(i - 1)) / Length(i - 1);
                double p2 = perimeter * perimeter;
                g[2 * i] = dax / p2 - 2.0 * area * dpx / (p2 * perimeter);
                g[2 * i + 1] = day / p2 - 2.0 * area * dpy / (p2 * perimeter);
            }

            return g;
        }

        private static object[] DrawConvolution(SplitMix64 rng)
        {
            int k = rng.Int(1, 4);
            int m = rng.Int(1, 8);
            return [rng.Vector(m + k - 1, -2, 2), rng.Vector(k, -1, 1), rng.Vector(m, -2, 2)];
        }

        /// <summary>With gᵢ = 2rᵢ/m: ∂/∂kernelₖ = Σᵢ gᵢ·signalᵢ₊ₖ (a correlation), ∂/∂signalⱼ = Σᵢ₊ₖ₌ⱼ gᵢ·kernelₖ.</summary>
        private static object[] ConvolutionGradient(double[] signal, double[] kernel, double[] target)
        {
            int m = target.Length;
            var ds = new double[signal.Length];
            var dk = new double[kernel.Length];
            for (int i = 0; i < m; i++)
            {
                double output = Enumerable.Range(0, kernel.Length).Sum(k => kernel[k] * signal[i + k]);
                double g = 2.0 * (output - target[i]) / m;
                for (int k = 0; k < kernel.Length; k++)
                {
                    dk[k] += g * signal[i + k];
                    ds[i + k] += g * kernel[k];
                }
            }

            return [ds, dk];
        }

        /// <summary>cᵢ = e^θᵢ + 1, T = Σc, Y = Σy: nll = −Σyᵢlog cᵢ + Y·log T, so ∂/∂θᵢ = e^θᵢ(Y/T − yᵢ/cᵢ).</summary>
        private static object[] SmoothedCountGradient(double[] logCounts, double[] observed)
        {
            double[] c = logCounts.Select(v => Math.Exp(v) + 1.0).ToArray();
            double total = c.Sum();
            double y = observed.Sum();
            return [logCounts.Select((v, i) => Math.Exp(v) * (y / total - observed[i] / c[i])).ToArray()];
        }

        /// <summary>
        /// Gₜ = Σₖ≥ₜ γᵏ⁻ᵗrₖ and eₜ = Vₜ − Gₜ: ∂/∂Vₜ = eₜ, ∂/∂rₖ = −Σₜ≤ₖ eₜγᵏ⁻ᵗ,
        /// ∂/∂γ = −Σₜ eₜ·Σₖ>ₜ (k − t)γᵏ⁻ᵗ⁻¹rₖ.
        /// </summary>
        private static object[] DiscountedReturnGradient(double[] rewards, double[] values, double gamma)
        {
            int n = rewards.Length;
            double[] e = Enumerable.Range(0, n)
                .Select(t => values[t] - Enumerable.Range(t, n - t).Sum(k => Math.Pow(gamma, k - t) * rewards[k]))
                .ToArray();
            double[] dr = Enumerable.Range(0, n).Select(k => -Enumerable.Range(0, k + 1).Sum(t => e[t] * Math.Pow(gamma, k - t))).ToArray();
            double dgamma = 0.0;
            for (int t = 0; t < n; t++)
            {
                for (int k = t + 1; k < n; k++)
                {
                    dgamma -= e[t] * (k - t) * Math.Pow(gamma, k - t - 1) * rewards[k];
                }
            }

            return [dr, e, dgamma];
        }

        private static object[] DrawAttention(SplitMix64 rng)
        {
            int d = rng.Int(1, 4);
            int n = rng.Int(1, 5);
            return [rng.Vector(d, -1.5, 1.5), rng.Vector(n * d, -1.5, 1.5), rng.Vector(n * d, -2, 2), rng.Vector(d, -1, 1)];
        }

        /// <summary>
        /// Attention backpropagation: ō = 2(o − target), V̄ᵢ = wᵢō, w̄ᵢ = ō·Vᵢ, s̄ᵢ = wᵢ(w̄ᵢ − Σⱼwⱼw̄ⱼ) (the
        /// softmax Jacobian), q̄ = Σᵢ s̄ᵢKᵢ/√d, K̄ᵢ = s̄ᵢq/√d.
        /// </summary>
        private static object[] AttentionGradient(double[] query, double[] keys, double[] values, double[] target)
        {
            int d = query.Length;
            int n = keys.Length / d;
            double scale = 1.0 / Math.Sqrt(d);
            double[] scores = Enumerable.Range(0, n).Select(i => scale * Enumerable.Range(0, d).Sum(k => query[k] * keys[i * d + k])).ToArray();
            double z = scores.Sum(Math.Exp);
            double[] w = scores.Select(s => Math.Exp(s) / z).ToArray();
            double[] o = Enumerable.Range(0, d).Select(k => Enumerable.Range(0, n).Sum(i => w[i] * values[i * d + k])).ToArray();
            double[] obar = o.Select((v, k) => 2.0 * (v - target[k])).ToArray();
            double[] dv = Enumerable.Range(0, n * d).Select(ik => w[ik / d] * obar[ik % d]).ToArray();
            double[] wbar = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, d).Sum(k => obar[k] * values[i * d + k])).ToArray();
            double mean = Dot(w, wbar);
            double[] sbar = w.Select((wi, i) => wi * (wbar[i] - mean)).ToArray();
            double[] dq = Enumerable.Range(0, d).Select(k => scale * Enumerable.Range(0, n).Sum(i => sbar[i] * keys[i * d + k])).ToArray();
            double[] dk = Enumerable.Range(0, n * d).Select(ik => scale * sbar[ik / d] * query[ik % d]).ToArray();
            return [dq, dk, dv];
        }

        /// <summary>
        /// The layer-norm backward formula: with ḡ = ∂L/∂x̂ = 2r⊙γ, ∂L/∂x = (ḡ − mean ḡ − x̂·mean(ḡ⊙x̂))/σ;
        /// ∂L/∂γ = 2r⊙x̂, ∂L/∂β = 2r.
        /// </summary>
        private static object[] LayerNormGradient(double[] x, double[] gain, double[] bias, double[] target)
        {
            int n = x.Length;
            double mean = x.Average();
            double variance = x.Sum(v => (v - mean) * (v - mean)) / n;
            double sd = Math.Sqrt(variance + 1e-5);
            double[] xhat = x.Select(v => (v - mean) / sd).ToArray();
            double[] r = xhat.Select((v, i) => gain[i] * v + bias[i] - target[i]).ToArray();
            double[] gbar = r.Select((v, i) => 2.0 * v * gain[i]).ToArray();
            double gmean = gbar.Average();
            double gxmean = Dot(gbar, xhat) / n;
            double[] dx = Enumerable.Range(0, n).Select(i => (gbar[i] - gmean - xhat[i] * gxmean) / sd).ToArray();
            return [dx, r.Select((v, i) => 2.0 * v * xhat[i]).ToArray(), r.Select(v => 2.0 * v).ToArray()];
        }

        private static object[] DrawCompaction(SplitMix64 rng)
        {
            int n = rng.Int(1, 9);
            double threshold = rng.Uniform(-1, 1);
            double[] x = Enumerable.Range(0, n).Select(_ => threshold + (rng.Bool() ? 1.0 : -1.0) * rng.Uniform(0.05, 2.0)).ToArray();
            return [x, threshold];
        }

        /// <summary>The kept entries in order, the p-th (from 0) weighted p + 1: ∂/∂xᵢ = 2xᵢ(p + 1)/count for a kept xᵢ, else 0.</summary>
        private static object[] CompactedWeightedMeanGradient(double[] x, double threshold)
        {
            int[] kept = Enumerable.Range(0, x.Length).Where(i => x[i] > threshold).ToArray();
            var dx = new double[x.Length];
            for (int p = 0; p < kept.Length; p++)
            {
                dx[kept[p]] = 2.0 * x[kept[p]] * (p + 1) / kept.Length;
            }

            return [dx];
        }

        private static object[] DrawInterpolation(SplitMix64 rng)
        {
            int n = rng.Int(1, 8);
            return [rng.Vector(n, -2, 2), (rng.Int(0, n - 1) + rng.Uniform(0.05, 0.95)) / n];
        }

        /// <summary>
        /// With pᵢ = softmax(w)ᵢ, cell j and fraction f: F = Σᵢ₍ⱼ pᵢ + f·pⱼ = Σ cᵢpᵢ (cᵢ = 1, f, 0 before, at,
        /// after j), so ∂F/∂t = n·pⱼ and ∂F/∂wₖ = pₖ(cₖ − F) (the softmax Jacobian).
        /// </summary>
        private static object[] InterpolatedCumulativeGradient(double[] w, double t)
        {
            int n = w.Length;
            double total = w.Sum(Math.Exp);
            double[] p = w.Select(v => Math.Exp(v) / total).ToArray();
            int cell = (int)Math.Floor(t * n);
            double frac = t * n - cell;
            double[] c = Enumerable.Range(0, n).Select(i => i < cell ? 1.0 : i == cell ? frac : 0.0).ToArray();
            double f = Dot(c, p);
            return [p.Select((pk, k) => pk * (c[k] - f)).ToArray(), n * p[cell]];
        }

        private static object[] DrawMesh(SplitMix64 rng)
        {
            while (true)
            {
                int count = rng.Int(3, 6);
                double[] vertices = rng.Vector(2 * count, -2, 2);
                bool apart = true;
                for (int i = 0; i < count; i++)
                {
                    for (int j = i + 1; j < count; j++)
                    {
                        double dx = vertices[2 * i] - vertices[2 * j];
                        double dy = vertices[2 * i + 1] - vertices[2 * j + 1];
                        apart &= Math.Sqrt(dx * dx + dy * dy) > 0.3;
                    }
                }

                if (!apart)
                {
                    continue;
                }

                int triangles = rng.Int(1, 4);
                var corners = new int[3 * triangles];
                for (int t = 0; t < triangles; t++)
                {
                    int[] pick = Shuffle(rng, count);
                    corners[3 * t] = pick[0];
                    corners[3 * t + 1] = pick[1];
                    corners[3 * t + 2] = pick[2];
                }

                double[] quality = Enumerable.Range(0, triangles).Select(t => TriangleQuality(vertices, corners, t)).OrderBy(q => q).ToArray();
                if (triangles == 1 || quality[1] - quality[0] > 1e-3)
                {
                    return [vertices, corners, rng.Uniform(5, 30)];
                }
            }
        }

        private static double[] TriangleCorners(double[] vertices, int[] corners, int t) =>
            Enumerable.Range(0, 3).SelectMany(k => new[] { vertices[2 * corners[3 * t + k]], vertices[2 * corners[3 * t + k] + 1] }).ToArray();

        private static double TriangleQuality(double[] vertices, int[] corners, int t)
        {
            double[] v = TriangleCorners(vertices, corners, t);
            double area = 0.0;
            double perimeter = 0.0;
            for (int i = 0; i < 3; i++)
            {
                int j = (i + 1) % 3;
                area += 0.5 * (v[2 * i] * v[2 * j + 1] - v[2 * j] * v[2 * i + 1]);
                perimeter += Math.Sqrt((v[2 * j] - v[2 * i]) * (v[2 * j] - v[2 * i]) + (v[2 * j + 1] - v[2 * i + 1]) * (v[2 * j + 1] - v[2 * i + 1]));
            }

            return area / (perimeter * perimeter);
        }

        /// <summary>
        /// The soft minimum's weights πₜ = e^(−s·qₜ)/Σe^(−s·q) times each triangle's compactness gradient
        /// (the closed form of <see cref="TriangleCompactnessGradient"/>), added into its three vertices.
        /// </summary>
        private static object[] MeshSoftMinGradient(double[] vertices, int[] corners, double sharpness)
        {
            int count = corners.Length / 3;
            double[] quality = Enumerable.Range(0, count).Select(t => TriangleQuality(vertices, corners, t)).ToArray();
            double low = quality.Min();
            double z = quality.Sum(q => Math.Exp(-sharpness * (q - low)));
            var dv = new double[vertices.Length];
            for (int t = 0; t < count; t++)
            {
                double weight = Math.Exp(-sharpness * (quality[t] - low)) / z;
                object[] g = TriangleCompactnessGradient(TriangleCorners(vertices, corners, t));
                for (int k = 0; k < 3; k++)
                {
                    dv[2 * corners[3 * t + k]] += weight * (double)g[2 * k];
                    dv[2 * corners[3 * t + k] + 1] += weight * (double)g[2 * k + 1];
                }
            }

            return [dv];
        }

        private static object[] DrawHmm(SplitMix64 rng)
        {
            int states = rng.Int(1, 4);
            int steps = rng.Int(1, 8);
            return [rng.Vector(states, -2, 1), rng.Vector(states * states, -2, 1), rng.Vector(steps * states, -2, 1)];
        }

        /// <summary>
        /// The forward–backward algorithm in probability space: ∂log Z/∂log πₛ = α₀(s)β₀(s)/Z,
        /// ∂log Z/∂log Bₜ(s) = αₜ(s)βₜ(s)/Z (the posterior marginals), ∂log Z/∂log Aᵢⱼ = Σₜ αₜ(i)AᵢⱼBₜ₊₁(j)βₜ₊₁(j)/Z
        /// (the expected transition counts).
        /// </summary>
        private static object[] HmmGradient(double[] logInitial, double[] logTransition, double[] logEmission)
        {
            int states = logInitial.Length;
            int steps = logEmission.Length / states;
            double A(int i, int j) => Math.Exp(logTransition[i * states + j]);
            double B(int t, int s) => Math.Exp(logEmission[t * states + s]);
            var alpha = new double[steps, states];
            var beta = new double[steps, states];
            for (int s = 0; s < states; s++)
            {
                alpha[0, s] = Math.Exp(logInitial[s]) * B(0, s);
                beta[steps - 1, s] = 1.0;
            }

            for (int t = 1; t < steps; t++)
            {
                for (int j = 0; j < states; j++)
                {
                    for (int i = 0; i < states; i++)
                    {
                        alpha[t, j] += alpha[t - 1, i] * A(i, j);
                    }

                    alpha[t, j] *= B(t, j);
                }
            }

            for (int t = steps - 2; t >= 0; t--)
            {
                for (int i = 0; i < states; i++)
                {
                    for (int j = 0; j < states; j++)
                    {
                        beta[t, i] += A(i, j) * B(t + 1, j) * beta[t + 1, j];
                    }
                }
            }

            double z = Enumerable.Range(0, states).Sum(s => alpha[steps - 1, s]);
            double[] dInitial = Enumerable.Range(0, states).Select(s => alpha[0, s] * beta[0, s] / z).ToArray();
            double[] dEmission = Enumerable.Range(0, steps * states).Select(ts => alpha[ts / states, ts % states] * beta[ts / states, ts % states] / z).ToArray();
            var dTransition = new double[states * states];
            for (int t = 0; t + 1 < steps; t++)
            {
                for (int i = 0; i < states; i++)
                {
                    for (int j = 0; j < states; j++)
                    {
                        dTransition[i * states + j] += alpha[t, i] * A(i, j) * B(t + 1, j) * beta[t + 1, j] / z;
                    }
                }
            }

            return [dInitial, dTransition, dEmission];
        }

        private static object[] DrawGaussianProcess(SplitMix64 rng)
        {
            int n = rng.Int(1, 6);
            return [rng.Vector(n, -2, 2), rng.Vector(n, -2, 2), rng.Uniform(0.5, 2), rng.Uniform(0.5, 2), rng.Uniform(0.1, 0.5)];
        }

        /// <summary>
        /// ∂L/∂K = W = ½(ααᵀ − K⁻¹) with α = K⁻¹y (K⁻¹ by dense elimination), ∂L/∂y = −α, then the chain
        /// rule through Kᵢⱼ = v·exp(−(xᵢ − xⱼ)²/2ℓ²) + σ²δᵢⱼ: ∂/∂σ² = tr W, ∂/∂v = Σ WᵢⱼRᵢⱼ,
        /// ∂/∂ℓ = Σ Wᵢⱼ·vRᵢⱼ(xᵢ − xⱼ)²/ℓ³, ∂/∂xₖ = 2Σⱼ Wₖⱼ·vRₖⱼ·(−(xₖ − xⱼ)/ℓ²).
        /// </summary>
        private static object[] GaussianProcessGradient(double[] x, double[] y, double lengthscale, double variance, double noise)
        {
            int n = x.Length;
            var r = new double[n, n];
            var k = new double[n, n];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    r[i, j] = Math.Exp(-(x[i] - x[j]) * (x[i] - x[j]) / (2.0 * lengthscale * lengthscale));
                    k[i, j] = variance * r[i, j] + (i == j ? noise : 0.0);
                }
            }

            double[][] inverseColumns = Enumerable.Range(0, n).Select(j => DenseSolve(k, Enumerable.Range(0, n).Select(i => i == j ? 1.0 : 0.0).ToArray())).ToArray();
            double[] alpha = DenseSolve(k, y);
            var w = new double[n, n];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    w[i, j] = 0.5 * (alpha[i] * alpha[j] - inverseColumns[j][i]);
                }
            }

            var dx = new double[n];
            double dl = 0.0, dv = 0.0, dnoise = 0.0;
            for (int i = 0; i < n; i++)
            {
                dnoise += w[i, i];
                for (int j = 0; j < n; j++)
                {
                    double d = x[i] - x[j];
                    dv += w[i, j] * r[i, j];
                    dl += w[i, j] * variance * r[i, j] * d * d / (lengthscale * lengthscale * lengthscale);
                    dx[i] += 2.0 * w[i, j] * variance * r[i, j] * (-d / (lengthscale * lengthscale));
                }
            }

            return [dx, alpha.Select(v => -v).ToArray(), dl, dv, dnoise];
        }

        /// <summary>
        /// Newton's iteration for √a has a closed form: with s = √a and q = (s − 1)/(s + 1) (the start y₀ = a),
        /// after K steps y = s(1 + ρ)/(1 − ρ), ρ = q^(2ᴷ); differentiated in s and divided by 2s. ∂/∂w = y.
        /// </summary>
        private static object[] NewtonSquareRootGradient(double[] a, double[] w, int iterations)
        {
            double periods = Math.Pow(2.0, iterations);
            var da = new double[a.Length];
            var dw = new double[a.Length];
            for (int i = 0; i < a.Length; i++)
            {
                double s = Math.Sqrt(a[i]);
                double q = (s - 1.0) / (s + 1.0);
                double rho = Math.Pow(q, periods);
                double drho = periods * Math.Pow(q, periods - 1.0) * 2.0 / ((s + 1.0) * (s + 1.0));
                dw[i] = s * (1.0 + rho) / (1.0 - rho);
                double dyds = (1.0 + rho) / (1.0 - rho) + s * 2.0 * drho / ((1.0 - rho) * (1.0 - rho));
                da[i] = w[i] * dyds / (2.0 * s);
            }

            return [da, dw];
        }

        /// <summary>g = (1 + r/N)ᴺ: ∂g/∂r = (1 + r/N)ᴺ⁻¹.</summary>
        private static object[] CompoundGrowthGradient(double[] rates, double[] w, int doublings)
        {
            double periods = Math.Pow(2.0, doublings);
            return
            [
                rates.Select((r, i) => w[i] * Math.Pow(1.0 + r / periods, periods - 1.0)).ToArray(),
                rates.Select(r => Math.Pow(1.0 + r / periods, periods)).ToArray(),
            ];
        }

        private static object[] DrawBins(SplitMix64 rng)
        {
            int n = rng.Int(1, 10);
            return [rng.Vector(n, -2, 2), rng.Vector(n, -1, 1), rng.Vector(n, 0, 1), rng.Int(1, 4)];
        }

        /// <summary>∂E/∂S_b = 2S_b + 1, and S_b is linear: ∂/∂xᵢ = wᵢ(2S_bin(i) + 1), ∂/∂wᵢ = xᵢ(2S_bin(i) + 1).</summary>
        private static object[] BinnedEnergyGradient(double[] x, double[] w, double[] positions, int binCount)
        {
            int[] bin = positions.Select(p => Math.Min(binCount - 1, (int)(p * binCount))).ToArray();
            var sums = new double[binCount];
            for (int i = 0; i < x.Length; i++)
            {
                sums[bin[i]] += w[i] * x[i];
            }

            return
            [
                x.Select((v, i) => w[i] * (2.0 * sums[bin[i]] + 1.0)).ToArray(),
                x.Select((v, i) => v * (2.0 * sums[bin[i]] + 1.0)).ToArray(),
            ];
        }

        /// <summary>rᵢ = x₍ᵢ₊ₖ₎ mod n: ∂/∂rᵢ = cᵢ + 2(rᵢ − rᵢ₋₁) − 2(rᵢ₊₁ − rᵢ) (where they exist), sent back through the rotation; ∂/∂cᵢ = rᵢ.</summary>
        private static object[] RotatedByReversalsGradient(double[] x, double[] c, int shift)
        {
            int n = x.Length;
            int k = shift % n;
            double[] r = Enumerable.Range(0, n).Select(i => x[(i + k) % n]).ToArray();
            var dx = new double[n];
            for (int i = 0; i < n; i++)
            {
                double g = c[i];
                if (i > 0)
                {
                    g += 2.0 * (r[i] - r[i - 1]);
                }

                if (i + 1 < n)
                {
                    g -= 2.0 * (r[i + 1] - r[i]);
                }

                dx[(i + k) % n] = g;
            }

            return [dx, r];
        }

        /// <summary>
        /// The scheme is u ← Mu with M = I + rL (L the zero-boundary second-difference matrix, symmetric):
        /// ∂/∂initial = Mᴷg for g = 2(u − target), and the r-sensitivity sₖ₊₁ = Msₖ + Luₖ gives ∂/∂r = g·s.
        /// </summary>
        private static object[] HeatEquationGradient(double[] initial, double diffusion, int steps, double[] target)
        {
            int n = initial.Length;
            double[] Laplacian(double[] v) => Enumerable.Range(0, n).Select(i => (i > 0 ? v[i - 1] : 0.0) - 2.0 * v[i] + (i < n - 1 ? v[i + 1] : 0.0)).ToArray();
            double[] Step(double[] v) => Laplacian(v).Select((l, i) => v[i] + diffusion * l).ToArray();
            double[] u = (double[])initial.Clone();
            var sens = new double[n];
            for (int k = 0; k < steps; k++)
            {
                double[] lu = Laplacian(u);
                sens = Step(sens).Select((v, i) => v + lu[i]).ToArray();
                u = Step(u);
            }

            double[] g = u.Select((v, i) => 2.0 * (v - target[i])).ToArray();
            double dr = Dot(g, sens);
            for (int k = 0; k < steps; k++)
            {
                g = Step(g);
            }

            return [g, dr];
        }

        private static object[] DrawReluPoisson(SplitMix64 rng)
        {
            while (true)
            {
                int inputs = rng.Int(1, 3);
                int hidden = rng.Int(1, 4);
                int m = rng.Int(1, 6);
                double[] w1 = rng.Vector(hidden * inputs, -1, 1);
                double[] b1 = rng.Vector(hidden, -0.5, 0.5);
                double[] features = rng.Vector(m * inputs, -2, 2);
                bool awayFromKinks = true;
                for (int s = 0; s < m; s++)
                {
                    for (int j = 0; j < hidden; j++)
                    {
                        double z = b1[j] + Enumerable.Range(0, inputs).Sum(k => w1[j * inputs + k] * features[s * inputs + k]);
                        awayFromKinks &= Math.Abs(z) > 0.05;
                    }
                }

                if (awayFromKinks)
                {
                    double[] counts = Enumerable.Range(0, m).Select(_ => (double)rng.Int(0, 5)).ToArray();
                    return [w1, b1, rng.Vector(hidden, -1, 1), rng.Uniform(-0.5, 0.5), features, counts];
                }
            }
        }

        /// <summary>
        /// ∂nll/∂η = (1 − y/rate)·σ(η)/m (softplus′ = σ), then backpropagation through the ReLU layer:
        /// δⱼ = ∂nll/∂η·w2ⱼ·[zⱼ &gt; 0].
        /// </summary>
        private static object[] ReluPoissonGradient(double[] w1, double[] b1, double[] w2, double b2, double[] features, double[] counts)
        {
            int hidden = b1.Length;
            int inputs = w1.Length / hidden;
            int m = counts.Length;
            var dw1 = new double[w1.Length];
            var db1 = new double[hidden];
            var dw2 = new double[hidden];
            double db2 = 0.0;
            for (int s = 0; s < m; s++)
            {
                double[] z = Enumerable.Range(0, hidden).Select(j => b1[j] + Enumerable.Range(0, inputs).Sum(k => w1[j * inputs + k] * features[s * inputs + k])).ToArray();
                double[] h = z.Select(v => v > 0 ? v : 0.0).ToArray();
                double eta = b2 + Dot(w2, h);
                double rate = Math.Log(1.0 + Math.Exp(eta));
                double g = (1.0 - counts[s] / rate) * Sigmoid(eta) / m;
                db2 += g;
                for (int j = 0; j < hidden; j++)
                {
                    dw2[j] += g * h[j];
                    double delta = z[j] > 0 ? g * w2[j] : 0.0;
                    db1[j] += delta;
                    for (int k = 0; k < inputs; k++)
                    {
                        dw1[j * inputs + k] += delta * features[s * inputs + k];
                    }
                }
            }

            return [dw1, db1, dw2, db2];
        }

        private static object[] DrawFirstPassage(SplitMix64 rng)
        {
            while (true)
            {
                double[] increments = rng.Vector(rng.Int(1, 8), 0.2, 1.0);
                double total = increments.Sum();
                double threshold = rng.Uniform(0.0, total + 1.0);
                double level = 0.0;
                bool clear = true;
                foreach (double step in increments)
                {
                    level += step;
                    clear &= Math.Abs(level - threshold) > 0.02;
                }

                if (clear)
                {
                    return [increments, threshold];
                }
            }
        }

        /// <summary>
        /// With k the first step whose level reaches the threshold (the last step if none does) and L the
        /// level before it: t = k − 1 + (θ − L)/incₖ, so ∂t/∂θ = 1/incₖ, ∂t/∂incⱼ = −1/incₖ for j &lt; k,
        /// ∂t/∂incₖ = −(θ − L)/incₖ², and 0 after k.
        /// </summary>
        private static object[] FirstPassageGradient(double[] increments, double threshold)
        {
            int n = increments.Length;
            int k = 0;
            double before = 0.0;
            while (k < n - 1 && before + increments[k] < threshold)
            {
                before += increments[k];
                k++;
            }

            var d = new double[n];
            for (int j = 0; j < k; j++)
            {
                d[j] = -1.0 / increments[k];
            }

            d[k] = -(threshold - before) / (increments[k] * increments[k]);
            return [d, 1.0 / increments[k]];
        }

        public static IEnumerable<ArrayCase> All() => new ArrayCaseList(typeof(LocalArrays))
        {
            { nameof(LocalArrays.CompactedWeightedMean), DrawCompaction, p => CompactedWeightedMeanGradient(p.V(0), p.S(1)) },
            { nameof(LocalArrays.InterpolatedCumulative), DrawInterpolation, p => InterpolatedCumulativeGradient(p.V(0), p.S(1)) },
            { nameof(LocalArrays.MeshSoftMinQuality), DrawMesh, p => MeshSoftMinGradient(p.V(0), p.Indices(1), p.S(2)) },
            { nameof(LocalArrays.FirstPassageEarlyReturn), DrawFirstPassage, p => FirstPassageGradient(p.V(0), p.S(1)) },
            { nameof(LocalArrays.HmmForwardLogLikelihood), DrawHmm, p => HmmGradient(p.V(0), p.V(1), p.V(2)) },
            { nameof(LocalArrays.GaussianProcessEvidence), DrawGaussianProcess, p => GaussianProcessGradient(p.V(0), p.V(1), p.S(2), p.S(3), p.S(4)) },
            {
                nameof(LocalArrays.NewtonSquareRoots),
                rng =>
                {
                    int n = rng.Int(1, 8);
                    return [rng.Vector(n, 0.25, 4.0), rng.Vector(n, -1, 1), rng.Int(0, 6)];
                },
                p => NewtonSquareRootGradient(p.V(0), p.V(1), p.I(2))
            },
            {
                nameof(LocalArrays.CompoundGrowth),
                rng =>
                {
                    int n = rng.Int(1, 8);
                    return [rng.Vector(n, -0.5, 1.0), rng.Vector(n, -1, 1), rng.Int(0, 8)];
                },
                p => CompoundGrowthGradient(p.V(0), p.V(1), p.I(2))
            },
            { nameof(LocalArrays.BinnedEnergy), DrawBins, p => BinnedEnergyGradient(p.V(0), p.V(1), p.V(2), p.I(3)) },
            {
                nameof(LocalArrays.RotatedByReversals),
                rng =>
                {
                    int n = rng.Int(1, 9);
                    return [rng.Vector(n, -2, 2), rng.Vector(n, -1, 1), rng.Int(0, 12)];
                },
                p => RotatedByReversalsGradient(p.V(0), p.V(1), p.I(2))
            },
            {
                nameof(LocalArrays.HeatEquationFit),
                rng =>
                {
                    int n = rng.Int(1, 8);
                    return [rng.Vector(n, -1, 1), rng.Uniform(0.05, 0.45), rng.Int(0, 12), rng.Vector(n, -0.5, 0.5)];
                },
                p => HeatEquationGradient(p.V(0), p.S(1), p.I(2), p.V(3))
            },
            { nameof(LocalArrays.ReluPoissonRegression), DrawReluPoisson, p => ReluPoissonGradient(p.V(0), p.V(1), p.V(2), p.S(3), p.V(4), p.V(5)) },
            { nameof(LocalArrays.FirstPassageTime), DrawFirstPassage, p => FirstPassageGradient(p.V(0), p.S(1)) },
            {
                nameof(LocalArrays.SoftmaxBufferCrossEntropy),
                rng =>
                {
                    int n = rng.Int(1, 8);
                    return [rng.Vector(n, -3, 3), rng.Int(0, n - 1)];
                },
                p => SoftmaxCrossEntropyGradient(p.V(0), p.I(1))
            },
            {
                nameof(LocalArrays.SmoothMaximum),
                rng => [rng.Vector(rng.Int(1, 8), -3, 3), rng.Uniform(0.3, 2.0)],
                p => SmoothMaximumGradient(p.V(0), p.S(1))
            },
            {
                nameof(LocalArrays.OneHiddenLayerNetwork),
                rng =>
                {
                    int inputs = rng.Int(1, 3);
                    int hidden = rng.Int(1, 4);
                    int m = rng.Int(1, 10);
                    return [rng.Vector(hidden * (inputs + 1), -1, 1), rng.Vector(hidden + 1, -1, 1), rng.Vector(m * inputs, -2, 2), rng.Labels(m), rng.Uniform(0, 1)];
                },
                p => OneHiddenLayerBackprop(p.V(0), p.V(1), p.V(2), p.V(3), p.S(4))
            },
            {
                nameof(LocalArrays.TwoHiddenLayerRegression),
                rng =>
                {
                    int inputs = rng.Int(1, 3);
                    int n1 = rng.Int(1, 4);
                    int n2 = rng.Int(1, 4);
                    int m = rng.Int(1, 8);
                    return
                    [
                        rng.Vector(n1 * inputs, -1, 1), rng.Vector(n1, -0.5, 0.5), rng.Vector(n2 * n1, -1, 1), rng.Vector(n2, -0.5, 0.5),
                        rng.Vector(n2, -1, 1), rng.Uniform(-0.5, 0.5), rng.Vector(m * inputs, -2, 2), rng.Vector(m, -1, 1),
                    ];
                },
                p => TwoHiddenLayerBackprop(p.V(0), p.V(1), p.V(2), p.V(3), p.V(4), p.S(5), p.V(6), p.V(7))
            },
            {
                nameof(LocalArrays.RandomWalkTracking),
                rng =>
                {
                    int n = rng.Int(1, 10);
                    return [rng.Vector(n, -1, 1), rng.Vector(n, -2, 2)];
                },
                p => RandomWalkGradient(p.V(0), p.V(1))
            },
            {
                nameof(LocalArrays.ExpectedLifetime),
                rng => [rng.Vector(rng.Int(1, 10), -3, 2)],
                p => ExpectedLifetimeGradient(p.V(0))
            },
            {
                nameof(LocalArrays.FilteredTrackingError),
                rng =>
                {
                    int n = rng.Int(1, 10);
                    return [rng.Vector(n, -2, 2), rng.Uniform(0.05, 0.95), rng.Vector(n, -2, 2)];
                },
                p => FilterGradient(p.V(0), p.S(1), p.V(2))
            },
            {
                nameof(LocalArrays.TridiagonalSolve),
                rng =>
                {
                    int n = rng.Int(1, 8);
                    double[] diag = rng.SignedVector(n, 2.5, 4.0);
                    return [rng.Vector(n, -1, 1), diag, rng.Vector(n, -1, 1), rng.Vector(n, -2, 2), rng.Vector(n, -1, 1)];
                },
                p => TridiagonalGradient(p.V(0), p.V(1), p.V(2), p.V(3), p.V(4))
            },
            {
                nameof(LocalArrays.LotkaVolterraEuler),
                rng =>
                [
                    new[] { rng.Uniform(0.5, 1.5), rng.Uniform(0.2, 0.8), rng.Uniform(0.5, 1.5), rng.Uniform(0.2, 0.8) },
                    rng.Vector(2, 0.5, 2.0), rng.Uniform(0.01, 0.1), rng.Int(0, 30), rng.Vector(2, 0.5, 2.0),
                ],
                p => LotkaVolterraGradient(p.V(0), p.V(1), p.S(2), p.I(3), p.V(4))
            },
            {
                nameof(LocalArrays.PendulumHeunEnergy),
                rng => [rng.Uniform(-1.5, 1.5), rng.Uniform(-1, 1), rng.Uniform(5, 15), rng.Uniform(0, 0.5), rng.Uniform(0.01, 0.1), rng.Int(0, 40)],
                p => PendulumGradient(p.S(0), p.S(1), p.S(2), p.S(3), p.S(4), p.I(5))
            },
            {
                nameof(LocalArrays.PolynomialFromRoots),
                rng => [rng.Vector(rng.Int(1, 6), -1.5, 1.5), rng.Uniform(-2, 2)],
                p => PolynomialFromRootsGradient(p.V(0), p.S(1))
            },
            {
                nameof(LocalArrays.OrderedWeightedAverage),
                rng =>
                {
                    int n = rng.Int(1, 8);
                    return [DistinctValues(rng, n), rng.Vector(n, -1, 1)];
                },
                p => OrderedWeightedAverageGradient(p.V(0), p.V(1))
            },
            {
                nameof(LocalArrays.NormalisedQuadraticForm),
                rng =>
                {
                    int n = rng.Int(1, 6);
                    return [rng.SignedVector(n, 0.2, 2), rng.Vector(n * n, -1, 1)];
                },
                p => NormalisedQuadraticFormGradient(p.V(0), p.V(1))
            },
            {
                nameof(LocalArrays.TopScoreMargin),
                rng =>
                {
                    while (true)
                    {
                        int n = rng.Int(1, 8);
                        double[] x = rng.Vector(n, -2, 2);
                        double[] w = rng.Vector(n, -2, 2);
                        double[] s = Scores(x, w).OrderByDescending(v => v).ToArray();
                        if (n == 1 || s[0] - s[1] > 0.05)
                        {
                            return [x, w];
                        }
                    }
                },
                p => TopScoreMarginGradient(p.V(0), p.V(1))
            },
            {
                nameof(LocalArrays.RotatedHorner),
                rng => [rng.Vector(rng.Int(1, 8), -2, 2), rng.Uniform(-1.5, 1.5), rng.Int(0, 10)],
                p => RotatedHornerGradient(p.V(0), p.S(1), p.I(2))
            },
            {
                nameof(LocalArrays.CurvaturePenalty),
                rng => [rng.Vector(rng.Int(1, 9), -2, 2), rng.Uniform(0, 2)],
                p => CurvatureGradient(p.V(0), p.S(1))
            },
            {
                nameof(LocalArrays.LogHuberLoss),
                DrawHuber,
                p => LogHuberGradient(p.V(0), p.V(1), p.S(2))
            },
            {
                nameof(LocalArrays.JacobiSweeps),
                DrawSolver,
                p => JacobiGradient(p.V(0), p.V(1), p.V(2), p.I(3))
            },
            {
                nameof(LocalArrays.GaussSeidelSweeps),
                DrawSolver,
                p => GaussSeidelGradient(p.V(0), p.V(1), p.V(2), p.I(3))
            },
            {
                nameof(LocalArrays.PowerIterationRayleigh),
                rng =>
                {
                    int n = rng.Int(1, 5);
                    return [rng.Vector(n * n, -1, 1), rng.SignedVector(n, 0.2, 1), rng.Int(0, 6)];
                },
                p => PowerIterationGradient(p.V(0), p.V(1), p.I(2))
            },
            {
                nameof(LocalArrays.ProjectedEnergy),
                DrawProjection,
                p => ProjectedEnergyGradient(p.V(0), p.V(1), p.V(2))
            },
            {
                nameof(LocalArrays.DeCasteljau),
                rng => [rng.Vector(rng.Int(1, 7), -2, 2), rng.Uniform(-0.2, 1.2)],
                p => DeCasteljauGradient(p.V(0), p.S(1))
            },
            {
                nameof(LocalArrays.TriangleCompactness),
                DrawTriangle,
                p => TriangleCompactnessGradient(Enumerable.Range(0, 6).Select(p.S).ToArray())
            },
            {
                nameof(LocalArrays.ConvolutionFit),
                DrawConvolution,
                p => ConvolutionGradient(p.V(0), p.V(1), p.V(2))
            },
            {
                nameof(LocalArrays.SmoothedCountLikelihood),
                rng =>
                {
                    int n = rng.Int(1, 8);
                    return [rng.Vector(n, -2, 3), rng.Vector(n, 0, 5)];
                },
                p => SmoothedCountGradient(p.V(0), p.V(1))
            },
            {
                nameof(LocalArrays.DiscountedReturnError),
                rng =>
                {
                    int n = rng.Int(1, 10);
                    return [rng.Vector(n, -1, 1), rng.Vector(n, -3, 3), rng.Uniform(0.5, 0.99)];
                },
                p => DiscountedReturnGradient(p.V(0), p.V(1), p.S(2))
            },
            {
                nameof(LocalArrays.SingleQueryAttention),
                DrawAttention,
                p => AttentionGradient(p.V(0), p.V(1), p.V(2), p.V(3))
            },
            {
                nameof(LocalArrays.LayerNormFit),
                rng =>
                {
                    int n = rng.Int(1, 8);
                    return [rng.Vector(n, -2, 2), rng.Vector(n, 0.5, 1.5), rng.Vector(n, -0.5, 0.5), rng.Vector(n, -1, 1)];
                },
                p => LayerNormGradient(p.V(0), p.V(1), p.V(2), p.V(3))
            },
        };
    }
}
