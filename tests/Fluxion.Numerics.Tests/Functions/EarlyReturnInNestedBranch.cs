// A return inside a nested if or else-if, with statements after the enclosing if.
using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class NestedReturns
    {
        /// <summary>The smallest reproduction above.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReturnInInnerIf(double x, double y)
        {
            if (x > 0)
            {
                if (y > 0) return x * y;
            }

            return x + y;
        }

        /// <summary>== and != on an int parameter; the else-if returns and a return follows the chain.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ElseIfReturnThenMore(double x, int n)
        {
            if (n == 0)
            {
                return Math.Cos(x);
            }
            else if (n != 1)
            {
                return x * n;
            }

            return x * x;
        }

        /// <summary>An early return inside a nested if, with more statements after the inner and the outer if.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NestedEarlyReturnThenMore(double x, double y)
        {
            double r = x;
            if (x > 0)
            {
                if (y > 0)
                {
                    return x * y;
                }

                r = r * 2;
            }

            r = r + y;
            return r * r;
        }

        /// <summary>BranchyModels.DragForce as it is most naturally written: the Newton regime after the chain.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double DragForceTrailingReturn(double v, double d)
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

            return 0.5 * density * v * v * area * 0.44;
        }
    }

    public static class NestedReturnCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(NestedReturns))
        {
            {
                nameof(NestedReturns.ReturnInInnerIf),
                D(U(-2, 2), U(-2, 2)).AwayFrom(0, 0.0).AwayFrom(1, 0.0)
                    .Branch("x > 0, y > 0", p => p[0] > 0 && p[1] > 0).Branch("otherwise", p => p[0] <= 0 || p[1] <= 0),
                p => p[0] > 0 && p[1] > 0 ? [p[1], p[0]] : [1, 1]
            },
            {
                nameof(NestedReturns.ElseIfReturnThenMore),
                D(U(-3, 3), Int(0, 3)).Branch("n == 0", p => p[1] == 0).Branch("n == 1", p => p[1] == 1).Branch("n >= 2", p => p[1] >= 2),
                p => [p[1] == 0 ? -Math.Sin(p[0]) : p[1] != 1 ? p[1] : 2 * p[0]]
            },
            {
                nameof(NestedReturns.NestedEarlyReturnThenMore),
                D(U(-2, 2), U(-2, 2)).AwayFrom(0, 0.0).AwayFrom(1, 0.0)
                    .Branch("x > 0, y > 0", p => p[0] > 0 && p[1] > 0).Branch("x > 0, y <= 0", p => p[0] > 0 && p[1] <= 0).Branch("x <= 0", p => p[0] <= 0),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    if (x > 0 && y > 0)
                    {
                        return [y, x];
                    }

                    double r = x > 0 ? 2 * x + y : x + y;
                    return [2 * r * (x > 0 ? 2 : 1), 2 * r];
                }
            },
            {
                nameof(NestedReturns.DragForceTrailingReturn),
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
                        double factor = 1 + 0.15 * 1.687 * Math.Pow(re, 0.687);
                        return [3 * Math.PI * mu * d * factor, 3 * Math.PI * mu * v * factor];
                    }

                    return [0.11 * Math.PI * rho * v * d * d, 0.11 * Math.PI * rho * v * v * d];
                }
            },
        };
    }
}
