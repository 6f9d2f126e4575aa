using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// Piecewise functions as they are written in practice: losses, activations, interpolation,
    /// clipping, tax brackets, numerically stable formulas, physics regimes and a payoff.
    /// </summary>
    public static partial class BranchyModels
    {
        // Losses.

        /// <summary>Huber loss: quadratic within delta of zero, linear beyond.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Huber(double r, double delta)
        {
            double a = Math.Abs(r);
            if (a <= delta)
            {
                return 0.5 * r * r;
            }

            return delta * (a - 0.5 * delta);
        }

        /// <summary>Smooth L1 loss of a prediction against a target, with transition width beta.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SmoothL1(double prediction, double target, double beta)
        {
            double d = Math.Abs(prediction - target);
            double loss;
            if (d < beta)
                loss = 0.5 * d * d / beta;
            else
                loss = d - 0.5 * beta;
            return loss;
        }

        /// <summary>Pinball (quantile) loss of a residual at quantile tau.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Pinball(double residual, double tau) =>
            residual >= 0 ? tau * residual : (tau - 1) * residual;

        /// <summary>Squared hinge loss of a score for a label given as a bool.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SquaredHinge(double score, bool positive)
        {
            double y = positive ? 1.0 : -1.0;
            double margin = 1 - y * score;
            if (margin <= 0) return 0;
            return margin * margin;
        }

        // Activations.

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Relu(double x) => x > 0 ? x : 0.0;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LeakyRelu(double x)
        {
            if (x >= 0) return x;
            return 0.01 * x;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Elu(double x, double alpha)
        {
            if (x > 0)
            {
                return x;
            }

            return alpha * (Math.Exp(x) - 1);
        }

        /// <summary>Softplus log(1 + exp(βx)) / β, linear above a threshold (as deep-learning libraries write it).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Softplus(double x, double beta)
        {
            const double threshold = 20.0;
            if (beta * x > threshold)
            {
                return x;
            }

            return Math.Log(1 + Math.Exp(beta * x)) / beta;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double HardSigmoid(double x)
        {
            if (x <= -3)
                return 0.0;
            else if (x >= 3)
                return 1.0;
            else
                return x / 6 + 0.5;
        }

        // Numerically stable formulas.

        /// <summary>log(1 + exp(x)) without overflow: for x &gt; 0 it is x + log(1 + exp(−x)).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double StableSoftplus(double x)
        {
            if (x > 0)
            {
                return x + Math.Log(1 + Math.Exp(-x));
            }

            return Math.Log(1 + Math.Exp(x));
        }

        /// <summary>The logistic function without overflow: exp is only taken of non-positive values.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double StableSigmoid(double x)
        {
            if (x >= 0)
            {
                double z = Math.Exp(-x);
                return 1 / (1 + z);
            }
            else
            {
                double z = Math.Exp(x);
                return z / (1 + z);
            }
        }

        /// <summary>log x, continued linearly below eps so that it stays finite.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SafeLog(double x)
        {
            const double eps = 0.1;
            if (x > eps) return Math.Log(x);
            return Math.Log(eps) + (x - eps) / eps;
        }

        // Interpolation, clipping, ordering.

        /// <summary>Piecewise-linear interpolation through (0, y0), (1, y1), (2, y2), (4, y3), constant beyond the ends.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Interpolate(double x, double y0, double y1, double y2, double y3)
        {
            if (x <= 0)
                return y0;
            else if (x < 1)
                return y0 + x * (y1 - y0);
            else if (x < 2)
                return y1 + (x - 1) * (y2 - y1);
            else if (x < 4)
                return y2 + (x - 2) / 2 * (y3 - y2);
            else
                return y3;
        }

        /// <summary>The smoothstep of x between two edges, t clamped to [0, 1] with if / else if.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Smoothstep(double edge0, double edge1, double x)
        {
            double t = (x - edge0) / (edge1 - edge0);
            if (t < 0)
            {
                t = 0;
            }
            else if (t > 1)
            {
                t = 1;
            }

            return t * t * (3 - 2 * t);
        }

        /// <summary>x clamped to [lo, hi] with early returns of parameters.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ClipValue(double x, double lo, double hi)
        {
            if (x < lo) return lo;
            if (x > hi) return hi;
            return x;
        }

        /// <summary>The first component of the gradient (g, h) after clipping its norm to maxNorm.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ClipByNorm(double g, double h, double maxNorm)
        {
            double norm = Math.Sqrt(g * g + h * h);
            double scale = 1.0;
            if (norm > maxNorm)
            {
                scale = maxNorm / norm;
            }

            return g * scale;
        }

        /// <summary>The smallest of three values with two ifs that each may replace the running minimum.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Min3(double a, double b, double c)
        {
            double m = a;
            if (b < m) m = b;
            if (c < m) m = c;
            return m;
        }

        /// <summary>The largest of three values with nested ifs that return.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Max3(double a, double b, double c)
        {
            if (a >= b)
            {
                if (a >= c) return a;
                return c;
            }
            else
            {
                if (b >= c) return b;
                return c;
            }
        }

        /// <summary>A quadratic spline in the truncated-power basis: one if per knot, each adding to the sum.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double QuadraticSpline(double x, double c1, double c2, double c3)
        {
            double s = 0.5 * x * x;
            if (x > 1) s += c1 * (x - 1) * (x - 1);
            if (x > 2) s += c2 * (x - 2) * (x - 2);
            if (x > 3) s += c3 * (x - 3) * (x - 3);
            return s;
        }

        /// <summary>A function without branches of its own calling a branchy one.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double HuberOfDifference(double x, double y) => 2 * Huber(x - y, 1.0);

        // Economics and finance.

        /// <summary>Income tax (in thousands) with a 20 allowance and 20 %, 40 % and a top rate above 100.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TaxOwed(double income, double topRate)
        {
            double tax;
            if (income <= 20)
            {
                tax = 0;
            }
            else if (income <= 50)
            {
                tax = 0.2 * (income - 20);
            }
            else if (income <= 100)
            {
                tax = 6 + 0.4 * (income - 50);
            }
            else
            {
                tax = 26 + topRate * (income - 100);
            }

            return tax;
        }

        /// <summary>
        /// A knock-out call with soft edges: knocked out (paying the rebate) at or below the barrier;
        /// above it a softplus of s − k, damped smoothly to zero at the barrier.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SoftBarrierCall(double s, double k, double barrier, double rebate)
        {
            const double width = 2.0;
            if (s <= barrier) return rebate;
            double payoff = width * Math.Log(1 + Math.Exp((s - k) / width));
            double survival = 1 - Math.Exp(-(s - barrier) / width);
            return payoff * survival;
        }

        // Physics.

        /// <summary>
        /// Drag on a sphere of diameter d at speed v in three regimes of the Reynolds number: Stokes
        /// (Re &lt; 1), Schiller–Naumann (Re &lt; 1000) and Newton (constant drag coefficient 0.44).
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double DragForce(double v, double d)
        {
            const double density = 1.2;
            const double viscosity = 0.4;
            double re = density * v * d / viscosity;
            double area = Math.PI * d * d / 4;
            if (re < 1.0)
            {
                return 3 * Math.PI * viscosity * d * v;
            }
            else if (re < 1000.0)
            {
                double cd = 24.0 / re * (1 + 0.15 * Math.Pow(re, 0.687));
                return 0.5 * density * v * v * area * cd;
            }
            else
            {
                return 0.5 * density * v * v * area * 0.44;
            }
        }

        /// <summary>Hertzian contact force: zero while the gap is open, k·δ^1.5 at penetration depth δ.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double HertzContact(double gap, double stiffness)
        {
            if (gap >= 0) return 0.0;
            double depth = -gap;
            return stiffness * depth * Math.Sqrt(depth);
        }

        /// <summary>Coulomb friction regularised linearly below a stick velocity.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double Friction(double v, double normal)
        {
            const double mu = 0.3;
            const double stick = 0.05;
            if (Math.Abs(v) < stick)
            {
                return mu * normal * v / stick;
            }

            return mu * normal * Math.Sign(v);
        }
    }

    public static class BranchyModelCases
    {
        private static double Sgn(double v) => v < 0 ? -1.0 : 1.0;

        private static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

        public static IEnumerable<GradientCase> All() => new CaseList(typeof(BranchyModels))
        {
            {
                nameof(BranchyModels.Huber),
                D(U(-3, 3), U(0.5, 2)).AwayFrom(p => Math.Abs(p[0]), p => p[1])
                    .Branch("|r| <= delta", p => Math.Abs(p[0]) <= p[1]).Branch("|r| > delta", p => Math.Abs(p[0]) > p[1]),
                p =>
                {
                    var (r, delta) = (p[0], p[1]);
                    return Math.Abs(r) <= delta ? [r, 0] : [delta * Sgn(r), Math.Abs(r) - delta];
                }
            },
            {
                nameof(BranchyModels.SmoothL1),
                D(U(-3, 3), U(-3, 3), U(0.5, 2)).AwayFrom(p => Math.Abs(p[0] - p[1]), p => p[2])
                    .Branch("|d| < beta", p => Math.Abs(p[0] - p[1]) < p[2]).Branch("|d| >= beta", p => Math.Abs(p[0] - p[1]) >= p[2]),
                p =>
                {
                    var (x, y, beta) = (p[0], p[1], p[2]);
                    double d = Math.Abs(x - y);
                    return d < beta
                        ? [(x - y) / beta, -(x - y) / beta, -0.5 * d * d / (beta * beta)]
                        : [Sgn(x - y), -Sgn(x - y), -0.5];
                }
            },
            {
                nameof(BranchyModels.Pinball),
                D(U(-3, 3), U(0.05, 0.95)).AwayFrom(0, 0.0).Branch("r >= 0", p => p[0] >= 0).Branch("r < 0", p => p[0] < 0),
                p => p[0] >= 0 ? [p[1], p[0]] : [p[1] - 1, p[0]]
            },
            {
                nameof(BranchyModels.SquaredHinge),
                D(U(-3, 3), Flag).AwayFrom(p => (p[1] != 0 ? 1 : -1) * p[0], _ => 1)
                    .Branch("margin > 0", p => 1 - (p[1] != 0 ? 1 : -1) * p[0] > 0).Branch("margin <= 0", p => 1 - (p[1] != 0 ? 1 : -1) * p[0] <= 0),
                p =>
                {
                    double y = p[1] != 0 ? 1 : -1;
                    double margin = 1 - y * p[0];
                    return [margin > 0 ? -2 * margin * y : 0];
                }
            },
            {
                nameof(BranchyModels.Relu),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [p[0] > 0 ? 1 : 0]
            },
            {
                nameof(BranchyModels.LeakyRelu),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x >= 0", p => p[0] >= 0).Branch("x < 0", p => p[0] < 0),
                p => [p[0] >= 0 ? 1 : 0.01]
            },
            {
                nameof(BranchyModels.Elu),
                D(U(-3, 3), U(0.5, 2)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => p[0] > 0 ? [1, 0] : [p[1] * Math.Exp(p[0]), Math.Exp(p[0]) - 1]
            },
            {
                nameof(BranchyModels.Softplus),
                D(U(-10, 30), U(0.5, 2)).AwayFrom(p => p[1] * p[0], _ => 20)
                    .Branch("beta x > 20", p => p[1] * p[0] > 20).Branch("beta x <= 20", p => p[1] * p[0] <= 20),
                p =>
                {
                    var (x, beta) = (p[0], p[1]);
                    if (beta * x > 20)
                    {
                        return [1, 0];
                    }

                    double s = Sigmoid(beta * x);
                    double l = Math.Log(1 + Math.Exp(beta * x));
                    return [s, x * s / beta - l / (beta * beta)];
                }
            },
            {
                nameof(BranchyModels.HardSigmoid),
                D(U(-5, 5)).AwayFrom(0, -3.0, 3.0)
                    .Branch("x <= -3", p => p[0] <= -3).Branch("-3 < x < 3", p => Math.Abs(p[0]) < 3).Branch("x >= 3", p => p[0] >= 3),
                p => [Math.Abs(p[0]) < 3 ? 1.0 / 6 : 0]
            },
            {
                nameof(BranchyModels.StableSoftplus),
                D(U(-40, 40)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [Sigmoid(p[0])]
            },
            {
                nameof(BranchyModels.StableSigmoid),
                D(U(-30, 30)).AwayFrom(0, 0.0).Branch("x >= 0", p => p[0] >= 0).Branch("x < 0", p => p[0] < 0),
                p =>
                {
                    double s = Sigmoid(p[0]);
                    return [s * (1 - s)];
                }
            },
            {
                nameof(BranchyModels.SafeLog),
                D(U(-1, 3)).AwayFrom(0, 0.1).Branch("x > eps", p => p[0] > 0.1).Branch("x <= eps", p => p[0] <= 0.1),
                p => [p[0] > 0.1 ? 1 / p[0] : 10]
            },
            {
                nameof(BranchyModels.Interpolate),
                D(U(-1, 5), U(-2, 2), U(-2, 2), U(-2, 2), U(-2, 2)).AwayFrom(0, 0.0, 1.0, 2.0, 4.0)
                    .Branch("x <= 0", p => p[0] <= 0).Branch("0 < x < 1", p => p[0] > 0 && p[0] < 1)
                    .Branch("1 <= x < 2", p => p[0] >= 1 && p[0] < 2).Branch("2 <= x < 4", p => p[0] >= 2 && p[0] < 4)
                    .Branch("x >= 4", p => p[0] >= 4),
                p =>
                {
                    var (x, y0, y1, y2, y3) = (p[0], p[1], p[2], p[3], p[4]);
                    if (x <= 0)
                    {
                        return [0, 1, 0, 0, 0];
                    }

                    if (x < 1)
                    {
                        return [y1 - y0, 1 - x, x, 0, 0];
                    }

                    if (x < 2)
                    {
                        return [y2 - y1, 0, 2 - x, x - 1, 0];
                    }

                    double t = (x - 2) / 2;
                    return x < 4 ? [(y3 - y2) / 2, 0, 0, 1 - t, t] : [0, 0, 0, 0, 1];
                }
            },
            {
                nameof(BranchyModels.Smoothstep),
                D(U(-1.5, -0.5), U(0.5, 1.5), U(-2.5, 2.5))
                    .AwayFrom(p => (p[2] - p[0]) / (p[1] - p[0]), _ => 0).AwayFrom(p => (p[2] - p[0]) / (p[1] - p[0]), _ => 1)
                    .Branch("x < edge0", p => p[2] < p[0]).Branch("edge0 <= x <= edge1", p => p[2] >= p[0] && p[2] <= p[1]).Branch("x > edge1", p => p[2] > p[1]),
                p =>
                {
                    var (e0, e1, x) = (p[0], p[1], p[2]);
                    double w = e1 - e0;
                    double t = (x - e0) / w;
                    if (t < 0 || t > 1)
                    {
                        return [0, 0, 0];
                    }

                    double ds = 6 * t * (1 - t);
                    return [ds * (x - e1) / (w * w), -ds * (x - e0) / (w * w), ds / w];
                }
            },
            {
                nameof(BranchyModels.ClipValue),
                D(U(-3, 3), U(-2, 0), U(0, 2)).AwayFrom(p => p[0], p => p[1]).AwayFrom(p => p[0], p => p[2])
                    .Branch("x < lo", p => p[0] < p[1]).Branch("x > hi", p => p[0] > p[2]).Branch("lo <= x <= hi", p => p[0] >= p[1] && p[0] <= p[2]),
                p => p[0] < p[1] ? [0, 1, 0] : p[0] > p[2] ? [0, 0, 1] : [1, 0, 0]
            },
            {
                nameof(BranchyModels.ClipByNorm),
                D(U(-3, 3), U(-3, 3), U(0.5, 3)).AwayFrom(p => Math.Sqrt(p[0] * p[0] + p[1] * p[1]), p => p[2])
                    .Branch("clipped", p => Math.Sqrt(p[0] * p[0] + p[1] * p[1]) > p[2]).Branch("not clipped", p => Math.Sqrt(p[0] * p[0] + p[1] * p[1]) <= p[2]),
                p =>
                {
                    var (g, h, m) = (p[0], p[1], p[2]);
                    double n = Math.Sqrt(g * g + h * h);
                    return n > m ? [m / n * (1 - g * g / (n * n)), -g * m * h / (n * n * n), g / n] : [1, 0, 0];
                }
            },
            {
                nameof(BranchyModels.Min3),
                D(U(-3, 3), U(-3, 3), U(-3, 3)).AwayFrom(p => p[0], p => p[1]).AwayFrom(p => p[0], p => p[2]).AwayFrom(p => p[1], p => p[2])
                    .Branch("a smallest", p => p[0] <= p[1] && p[0] <= p[2]).Branch("b smallest", p => p[1] < p[0] && p[1] <= p[2])
                    .Branch("c smallest", p => p[2] < p[0] && p[2] < p[1]),
                p => p[0] <= p[1] && p[0] <= p[2] ? [1, 0, 0] : p[1] <= p[2] ? [0, 1, 0] : [0, 0, 1]
            },
            {
                nameof(BranchyModels.Max3),
                D(U(-3, 3), U(-3, 3), U(-3, 3)).AwayFrom(p => p[0], p => p[1]).AwayFrom(p => p[0], p => p[2]).AwayFrom(p => p[1], p => p[2])
                    .Branch("a largest", p => p[0] >= p[1] && p[0] >= p[2]).Branch("b largest", p => p[1] > p[0] && p[1] >= p[2])
                    .Branch("c largest", p => p[2] > p[0] && p[2] > p[1]),
                p => p[0] >= p[1] && p[0] >= p[2] ? [1, 0, 0] : p[1] >= p[2] && p[1] > p[0] ? [0, 1, 0] : [0, 0, 1]
            },
            {
                nameof(BranchyModels.QuadraticSpline),
                D(U(0, 4), U(-1, 1), U(-1, 1), U(-1, 1)).AwayFrom(0, 1.0, 2.0, 3.0)
                    .Branch("x <= 1", p => p[0] <= 1).Branch("1 < x <= 2", p => p[0] > 1 && p[0] <= 2)
                    .Branch("2 < x <= 3", p => p[0] > 2 && p[0] <= 3).Branch("x > 3", p => p[0] > 3),
                p =>
                {
                    double x = p[0];
                    double[] g = [x, 0, 0, 0];
                    for (int k = 1; k <= 3; k++)
                    {
                        if (x > k)
                        {
                            g[0] += 2 * p[k] * (x - k);
                            g[k] = (x - k) * (x - k);
                        }
                    }

                    return g;
                }
            },
            {
                nameof(BranchyModels.HuberOfDifference),
                D(U(-3, 3), U(-3, 3)).AwayFrom(p => Math.Abs(p[0] - p[1]), _ => 1)
                    .Branch("|x - y| <= 1", p => Math.Abs(p[0] - p[1]) <= 1).Branch("|x - y| > 1", p => Math.Abs(p[0] - p[1]) > 1),
                p =>
                {
                    double r = p[0] - p[1];
                    double g = Math.Abs(r) <= 1 ? 2 * r : 2 * Sgn(r);
                    return [g, -g];
                }
            },
            {
                nameof(BranchyModels.TaxOwed),
                D(U(0, 140), U(0.4, 0.6)).AwayFrom(0, 20.0, 50.0, 100.0)
                    .Branch("allowance", p => p[0] <= 20).Branch("20 %", p => p[0] > 20 && p[0] <= 50)
                    .Branch("40 %", p => p[0] > 50 && p[0] <= 100).Branch("top rate", p => p[0] > 100),
                p => p[0] <= 20 ? [0, 0] : p[0] <= 50 ? [0.2, 0] : p[0] <= 100 ? [0.4, 0] : [p[1], p[0] - 100]
            },
            {
                nameof(BranchyModels.SoftBarrierCall),
                D(U(60, 140), U(80, 120), U(70, 100), U(0, 5)).AwayFrom(p => p[0], p => p[2])
                    .Branch("knocked out", p => p[0] <= p[2]).Branch("alive", p => p[0] > p[2]),
                p =>
                {
                    var (s, k, b) = (p[0], p[1], p[2]);
                    if (s <= b)
                    {
                        return [0, 0, 0, 1];
                    }

                    const double w = 2.0;
                    double z = (s - k) / w;
                    double sigma = Sigmoid(z);
                    double payoff = w * Math.Log(1 + Math.Exp(z));
                    double e = Math.Exp(-(s - b) / w);
                    double survival = 1 - e;
                    return [sigma * survival + payoff * e / w, -sigma * survival, -payoff * e / w, 0];
                }
            },
            {
                // Re = 3·v·d; log-uniform speeds and diameters put about one point in seven in each outer regime.
                nameof(BranchyModels.DragForce),
                D(LogU(0.1, 1000), LogU(0.1, 10)).AwayFrom(p => 1.2 * p[0] * p[1] / 0.4, _ => 1).AwayFrom(p => 1.2 * p[0] * p[1] / 0.4, _ => 1000)
                    .Branch("Stokes", p => 3 * p[0] * p[1] < 1).Branch("intermediate", p => 3 * p[0] * p[1] >= 1 && 3 * p[0] * p[1] < 1000)
                    .Branch("Newton", p => 3 * p[0] * p[1] >= 1000),
                p =>
                {
                    var (v, d) = (p[0], p[1]);
                    const double rho = 1.2, mu = 0.4;
                    double re = rho * v * d / mu;
                    if (re < 1)
                    {
                        return [3 * Math.PI * mu * d, 3 * Math.PI * mu * v];
                    }

                    if (re < 1000)
                    {
                        // F = 3πμvd·(1 + 0.15·Re^0.687), and Re ∝ v·d.
                        double factor = 1 + 0.15 * 1.687 * Math.Pow(re, 0.687);
                        return [3 * Math.PI * mu * d * factor, 3 * Math.PI * mu * v * factor];
                    }

                    // F = 0.055·π·ρ·v²·d².
                    return [0.11 * Math.PI * rho * v * d * d, 0.11 * Math.PI * rho * v * v * d];
                }
            },
            {
                nameof(BranchyModels.HertzContact),
                D(U(-2, 1), U(0.5, 3)).AwayFrom(0, 0.0).Branch("open", p => p[0] >= 0).Branch("contact", p => p[0] < 0),
                p => p[0] >= 0 ? [0, 0] : [-1.5 * p[1] * Math.Sqrt(-p[0]), -p[0] * Math.Sqrt(-p[0])]
            },
            {
                nameof(BranchyModels.Friction),
                D(U(-0.2, 0.2), U(0.5, 3)).AwayFrom(p => Math.Abs(p[0]), _ => 0.05)
                    .Branch("stick", p => Math.Abs(p[0]) < 0.05).Branch("slip", p => Math.Abs(p[0]) >= 0.05),
                p => Math.Abs(p[0]) < 0.05 ? [0.3 * p[1] / 0.05, 0.3 * p[0] / 0.05] : [0, 0.3 * Math.Sign(p[0])]
            },
        };
    }
}
