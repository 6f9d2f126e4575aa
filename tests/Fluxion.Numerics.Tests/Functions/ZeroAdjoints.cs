using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// Guarded computations whose unused values have infinite partials at the guarded points (√ at 0 behind a branch or a
    /// Max, an element overwritten before it is read): their gradients there are the derivative of what the method computed,
    /// never 0 · ∞ = NaN. ZeroAdjointTests checks those points; the catalog checks them away from the guards.
    /// </summary>
    public static partial class ZeroAdjoints
    {
        /// <summary>The x of (x, y, z) normalised, or 0 for a vector shorter than 1e-12.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double GuardedNormalizeX(double x, double y, double z)
        {
            double length = Math.Sqrt(x * x + y * y + z * z);
            return length > 1e-12 ? x / length : 0.0;
        }

        /// <summary>√max(x, 0): 0 for x &lt; 0.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double SqrtOfMax(double x) => Math.Sqrt(Math.Max(x, 0.0));

        /// <summary>x over the length of (x, y) floored at 1e-9: 1e9·x near the origin.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double FlooredNormalizeX(double x, double y) => x / Math.Max(Math.Sqrt(x * x + y * y), 1e-9);

        /// <summary>√s is written to an element that x overwrites before anything reads it.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double OverwrittenElement(double s, double x)
        {
            double[] a = new double[1];
            a[0] = Math.Sqrt(s);
            a[0] = x;
            return a[0] * x;
        }

        /// <summary>ln s behind a branch that s = 0 does not take.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double GuardedLog(double s, double x)
        {
            double log = Math.Log(s);
            return s > 0.0 ? log * x : x;
        }
    }

    public static class ZeroAdjointCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(ZeroAdjoints))
        {
            {
                nameof(ZeroAdjoints.GuardedNormalizeX),
                D(U(-3, 3), U(-3, 3), U(-3, 3)).Where(p => p[0] * p[0] + p[1] * p[1] + p[2] * p[2] > 0.01),
                p =>
                {
                    double l = Math.Sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
                    return [1 / l - p[0] * p[0] / (l * l * l), -p[0] * p[1] / (l * l * l), -p[0] * p[2] / (l * l * l)];
                }
            },
            { nameof(ZeroAdjoints.SqrtOfMax), D(U(-3, 3)).Where(p => Math.Abs(p[0]) > 0.01), p => [p[0] > 0 ? 0.5 / Math.Sqrt(p[0]) : 0.0] },
            {
                nameof(ZeroAdjoints.FlooredNormalizeX),
                D(U(-3, 3), U(-3, 3)).Where(p => p[0] * p[0] + p[1] * p[1] > 0.01),
                p =>
                {
                    double l = Math.Sqrt(p[0] * p[0] + p[1] * p[1]);
                    return [1 / l - p[0] * p[0] / (l * l * l), -p[0] * p[1] / (l * l * l)];
                }
            },
            { nameof(ZeroAdjoints.OverwrittenElement), D(U(0.1, 3), U(-3, 3)), p => [0.0, 2 * p[1]] },
            { nameof(ZeroAdjoints.GuardedLog), D(U(0.1, 3), U(-3, 3)), p => [p[1] / p[0], Math.Log(p[0])] },
        };
    }
}
