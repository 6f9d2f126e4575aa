// A local declared without a value before a do loop and assigned in its body, read by the condition and after the loop.
using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class DoLoopDeclaredLocal
    {
        /// <summary>Newton's cube root in a do loop, the change declared before the loop without a value and read in the condition.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CubeRootDeclaredOnly(double a)
        {
            double r = 1 + a / 3;
            double change;
            do
            {
                double next = (2 * r + a / (r * r)) / 3;
                change = next - r;
                r = next;
            }
            while (Math.Abs(change) > 1e-14 * r);

            return r;
        }

        /// <summary>A local declared without a value, assigned in a do body and read after the loop.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReadAfterDoLoop(double x, int n)
        {
            double d;
            int k = 0;
            do
            {
                d = 0.5 * x;
                x -= d;
                k++;
            }
            while (k < n);

            return x + d;
        }
    }

    public static class DoLoopDeclaredLocalCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(DoLoopDeclaredLocal))
        {
            { nameof(DoLoopDeclaredLocal.CubeRootDeclaredOnly), D(LogU(0.01, 100)), p => [1 / (3 * Math.Cbrt(p[0]) * Math.Cbrt(p[0]))], 1e-10 },
            // The body runs max(n, 1) times, halving x; the result is 2·x·0.5^max(n, 1).
            { nameof(DoLoopDeclaredLocal.ReadAfterDoLoop), D(U(-3, 3), Int(0, 6)), p => [2 * Math.Pow(0.5, Math.Max((int)p[1], 1))] },
        };
    }
}
