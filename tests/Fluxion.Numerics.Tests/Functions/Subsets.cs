using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>[Differentiable(nameof(...))] limits the outputs to the named parameters, in parameter order.</summary>
    public static partial class Subsets
    {
        [Differentiable(nameof(x), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double FirstOnly(double x, double y) => x * y + y * y;

        [Differentiable(nameof(y), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SecondOnly(double x, double y) => Math.Sin(x) * y * y;

        /// <summary>Named out of order: the outputs still follow the parameters (da, then dc).</summary>
        [Differentiable(nameof(c), nameof(a), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NamedOutOfOrder(double a, double b, double c) => a * b * c + a;

        [Differentiable(nameof(w), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double WithIntParameter(double w, double x, int n) => w * x * n;

        /// <summary>The rate k is a fixed parameter, only the time t is differentiated.</summary>
        [Differentiable(nameof(t), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Decay(double t, double k) => Math.Exp(-k * t);

        /// <summary>All parameters named explicitly: the same as no names.</summary>
        [Differentiable(nameof(x), nameof(y), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double AllNamed(double x, double y) => x / (1 + y * y);

        /// <summary>The excluded parameter goes to an ordinary (not differentiable) method: a constant.</summary>
        [Differentiable(nameof(x), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ExcludedIntoOrdinaryMethod(double x, double k) => x * Helpers.Cube(k);

        /// <summary>A local computed from the excluded parameter goes to an ordinary method.</summary>
        [Differentiable(nameof(x), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ExcludedLocalIntoOrdinaryMethod(double x, double k)
        {
            double kk = k * 2;
            return x * Helpers.Cube(kk);
        }

        /// <summary>The excluded parameter is reassigned in the body.</summary>
        [Differentiable(nameof(x), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ExcludedReassigned(double x, double scale)
        {
            scale = scale * scale + 1;
            return Math.Log(scale * x * x + 1);
        }
    }

    public static class SubsetCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Subsets))
        {
            { nameof(Subsets.FirstOnly), D(U(-5, 5), U(-5, 5)), p => [p[1]] },
            { nameof(Subsets.SecondOnly), D(U(-5, 5), U(-5, 5)), p => [2 * p[1] * Math.Sin(p[0])] },
            { nameof(Subsets.NamedOutOfOrder), D(U(-5, 5), U(-5, 5), U(-5, 5)), p => [p[1] * p[2] + 1, p[0] * p[1]] },
            { nameof(Subsets.WithIntParameter), D(U(-5, 5), U(-5, 5), Int(-5, 5)), p => [p[1] * p[2]] },
            { nameof(Subsets.Decay), D(U(0, 5), U(0.1, 3)), p => [-p[1] * Math.Exp(-p[1] * p[0])] },
            { nameof(Subsets.ExcludedIntoOrdinaryMethod), D(U(-5, 5), U(-2, 2)), p => [p[1] * p[1] * p[1]] },
            { nameof(Subsets.ExcludedLocalIntoOrdinaryMethod), D(U(-5, 5), U(-2, 2)), p => [8 * p[1] * p[1] * p[1]] },
            { nameof(Subsets.AllNamed), D(U(-5, 5), U(-5, 5)), p => [1 / (1 + p[1] * p[1]), -2 * p[0] * p[1] / ((1 + p[1] * p[1]) * (1 + p[1] * p[1]))] },
            {
                nameof(Subsets.ExcludedReassigned),
                D(U(-5, 5), U(-3, 3)),
                p =>
                {
                    double s = p[1] * p[1] + 1;
                    return [2 * s * p[0] / (s * p[0] * p[0] + 1)];
                }
            },
        };
    }
}
