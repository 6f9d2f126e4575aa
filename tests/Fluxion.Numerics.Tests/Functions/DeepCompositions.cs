using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// Long chains: nested calls, unrolled iterations through reassignment. Their exact derivatives
    /// are carried forward by hand (forward mode, one derivative per step) in the cases below.
    /// </summary>
    public static partial class DeepCompositions
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NestedSine(double x) =>
            Math.Sin(Math.Sin(Math.Sin(Math.Sin(Math.Sin(Math.Sin(Math.Sin(Math.Sin(Math.Sin(Math.Sin(x))))))))));

        /// <summary>Eight steps of the logistic map x ← r·x·(1 − x).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LogisticMap(double x, double r)
        {
            x = r * x * (1 - x);
            x = r * x * (1 - x);
            x = r * x * (1 - x);
            x = r * x * (1 - x);
            x = r * x * (1 - x);
            x = r * x * (1 - x);
            x = r * x * (1 - x);
            x = r * x * (1 - x);
            return x;
        }

        /// <summary>Six Newton steps for √a from the guess y; the result tends to √a whatever y.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NewtonSqrt(double a, double y)
        {
            y = 0.5 * (y + a / y);
            y = 0.5 * (y + a / y);
            y = 0.5 * (y + a / y);
            y = 0.5 * (y + a / y);
            y = 0.5 * (y + a / y);
            y = 0.5 * (y + a / y);
            return y;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ExpTower(double x) => Math.Exp(Math.Exp(Math.Exp(x)));

        /// <summary>The continued fraction 1/(1 + x/(1 + x/(1 + x/(1 + x)))).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ContinuedFraction(double x) => 1 / (1 + x / (1 + x / (1 + x / (1 + x))));

        /// <summary>Five layers of tanh(w·h + b) with scalar weights, the way a deep network nests.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TanhStack(double x, double w, double b)
        {
            double h = Math.Tanh(w * x + b);
            h = Math.Tanh(w * h + b);
            h = Math.Tanh(w * h + b);
            h = Math.Tanh(w * h + b);
            h = Math.Tanh(w * h + b);
            return h;
        }

        /// <summary>A running product and sum over six terms, through compound assignment.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ProductOfShifts(double x)
        {
            double p = 1;
            p *= x + 1;
            p *= x + 2;
            p *= x + 3;
            p *= x + 4;
            p *= x + 5;
            p *= x + 6;
            return p;
        }

        /// <summary>A long mixed expression tree over three variables.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double MixedTree(double x, double y, double z) =>
            Math.Log(1 + Math.Exp(Math.Sin(x * y) - Math.Cos(y * z))) * Math.Sqrt(1 + x * x * z * z)
            + Math.Atan(x - y + z) / (2 + Math.Tanh(x * y * z));
    }

    public static class DeepCompositionCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(DeepCompositions))
        {
            {
                nameof(DeepCompositions.NestedSine),
                D(U(-3, 3)),
                p =>
                {
                    double v = p[0], dv = 1;
                    for (int k = 0; k < 10; k++)
                    {
                        dv *= Math.Cos(v);
                        v = Math.Sin(v);
                    }

                    return [dv];
                }
            },
            {
                nameof(DeepCompositions.LogisticMap),
                // r ≤ 3.4 stays before the onset of chaos: past it eight steps amplify the third
                // derivative so much that the central difference's truncation h²·|f‴|/6 exceeds 1e-6.
                D(U(0.05, 0.95), U(2.5, 3.4)),
                p =>
                {
                    double x = p[0], r = p[1], dx = 1, dr = 0;
                    for (int k = 0; k < 8; k++)
                    {
                        // x' = r·x·(1 − x): ∂x'/∂x = r·(1 − 2x), ∂x'/∂r = x·(1 − x).
                        dr = x * (1 - x) + r * (1 - 2 * x) * dr;
                        dx = r * (1 - 2 * x) * dx;
                        x = r * x * (1 - x);
                    }

                    return [dx, dr];
                },
                // dr sums eight terms of both signs, each up to ~4⁸ times its own rounding error.
                1e-10
            },
            {
                nameof(DeepCompositions.NewtonSqrt),
                D(LogU(0.1, 10), LogU(0.5, 5)),
                p =>
                {
                    double a = p[0], y = p[1], da = 0, dy = 1;
                    for (int k = 0; k < 6; k++)
                    {
                        // y' = (y + a/y)/2: ∂y'/∂y = (1 − a/y²)/2, ∂y'/∂a = 1/(2y).
                        da = 0.5 / y + 0.5 * (1 - a / (y * y)) * da;
                        dy = 0.5 * (1 - a / (y * y)) * dy;
                        y = 0.5 * (y + a / y);
                    }

                    return [da, dy];
                }
            },
            {
                nameof(DeepCompositions.ExpTower),
                D(U(-3, 0.5)),
                p =>
                {
                    double e1 = Math.Exp(p[0]);
                    double e2 = Math.Exp(e1);
                    double e3 = Math.Exp(e2);
                    return [e3 * e2 * e1];
                }
            },
            {
                nameof(DeepCompositions.ContinuedFraction),
                D(U(0, 5)),
                p =>
                {
                    // c₀ = 1 + x, c_k = 1 + x / c_{k−1}; the result is 1/c₃.
                    double x = p[0], c = 1 + x, dc = 1;
                    for (int k = 0; k < 3; k++)
                    {
                        dc = 1 / c - x * dc / (c * c);
                        c = 1 + x / c;
                    }

                    return [-dc / (c * c)];
                }
            },
            {
                nameof(DeepCompositions.TanhStack),
                D(U(-2, 2), U(-2, 2), U(-1, 1)),
                p =>
                {
                    double x = p[0], w = p[1], b = p[2];
                    double h = Math.Tanh(w * x + b);
                    double s = 1 - h * h;
                    double dx = s * w, dw = s * x, db = s;
                    for (int k = 0; k < 4; k++)
                    {
                        double hn = Math.Tanh(w * h + b);
                        double sn = 1 - hn * hn;
                        dw = sn * (h + w * dw);
                        dx = sn * w * dx;
                        db = sn * (1 + w * db);
                        h = hn;
                    }

                    return [dx, dw, db];
                }
            },
            {
                nameof(DeepCompositions.ProductOfShifts),
                D(U(-7, 1)),
                p =>
                {
                    double x = p[0], sum = 0;
                    for (int j = 1; j <= 6; j++)
                    {
                        double term = 1;
                        for (int k = 1; k <= 6; k++)
                        {
                            term *= k == j ? 1 : x + k;
                        }

                        sum += term;
                    }

                    return [sum];
                }
            },
            {
                nameof(DeepCompositions.MixedTree),
                D(U(-1.5, 1.5), U(-1.5, 1.5), U(-1.5, 1.5)),
                p =>
                {
                    double x = p[0], y = p[1], z = p[2];
                    double u = Math.Sin(x * y) - Math.Cos(y * z);
                    double sp = Math.Log(1 + Math.Exp(u));
                    double sig = 1 / (1 + Math.Exp(-u));
                    double q = Math.Sqrt(1 + x * x * z * z);
                    double t = Math.Tanh(x * y * z);
                    double den = 2 + t;
                    double at = Math.Atan(x - y + z);
                    double da = 1 / (1 + (x - y + z) * (x - y + z));
                    double dt = 1 - t * t;
                    // f = sp·q + at/den
                    double du_dx = Math.Cos(x * y) * y;
                    double du_dy = Math.Cos(x * y) * x + Math.Sin(y * z) * z;
                    double du_dz = Math.Sin(y * z) * y;
                    double dq_dx = x * z * z / q;
                    double dq_dz = x * x * z / q;
                    return
                    [
                        sig * du_dx * q + sp * dq_dx + da / den - at * dt * y * z / (den * den),
                        sig * du_dy * q - da / den - at * dt * x * z / (den * den),
                        sig * du_dz * q + sp * dq_dz + da / den - at * dt * x * y / (den * den),
                    ];
                }
            },
        };
    }
}
