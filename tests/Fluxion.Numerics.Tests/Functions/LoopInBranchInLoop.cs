// A loop inside an if inside a loop: the generated code compiles without warnings.
using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class LoopInBranchInLoop
    {
        /// <summary>A branch on the counter's parity inside the loop, with an inner loop on one side and /= on the other.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ParityBranchWithInnerLoop(double x, int n)
        {
            double s = 1.0;
            for (int i = 0; i < n; i++)
            {
                if (i % 2 == 0)
                {
                    for (int j = 0; j < i; j++)
                    {
                        s += x * j;
                    }
                }
                else
                {
                    s /= 1 + x * x;
                }
            }

            return s;
        }

        /// <summary>A do loop inside an if inside a while loop.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DoInsideBranchInsideWhile(double x, int n)
        {
            double s = x;
            int i = 0;
            while (i < n)
            {
                if (i > 1)
                {
                    int j = 0;
                    do
                    {
                        s = Math.Sin(s) + x;
                        j++;
                    }
                    while (j < 2);
                }

                i++;
            }

            return s;
        }
    }

    public static class LoopInBranchInLoopCases
    {
        /// <summary>The forward derivative of ParityBranchWithInnerLoop, iteration by iteration.</summary>
        private static double ParityDerivative(double x, int n)
        {
            double s = 1.0;
            double ds = 0.0;
            for (int i = 0; i < n; i++)
            {
                if (i % 2 == 0)
                {
                    s += x * i * (i - 1) / 2.0;
                    ds += i * (i - 1) / 2.0;
                }
                else
                {
                    double q = 1 + x * x;
                    ds = ds / q - s * 2 * x / (q * q);
                    s /= q;
                }
            }

            return ds;
        }

        private static double DoInsideDerivative(double x, int n)
        {
            double s = x;
            double ds = 1.0;
            for (int i = 2; i < n; i++)
            {
                for (int j = 0; j < 2; j++)
                {
                    ds = Math.Cos(s) * ds + 1;
                    s = Math.Sin(s) + x;
                }
            }

            return ds;
        }

        public static IEnumerable<GradientCase> All() => new CaseList(typeof(LoopInBranchInLoop))
        {
            { nameof(LoopInBranchInLoop.ParityBranchWithInnerLoop), D(U(-1.5, 1.5), Int(0, 9)), p => [ParityDerivative(p[0], (int)p[1])] },
            { nameof(LoopInBranchInLoop.DoInsideBranchInsideWhile), D(U(-2, 2), Int(0, 6)), p => [DoInsideDerivative(p[0], (int)p[1])] },
        };
    }
}
