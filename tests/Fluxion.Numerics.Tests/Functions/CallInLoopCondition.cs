// A [Differentiable] call in a while, for or do condition: called for its value; the derivative goes through the body.
using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class CallInLoopCondition
    {
        /// <summary>GrowthUntilCap with the cap tested through a [Differentiable] call: s³ &lt; 10⁶, i.e. s &lt; 100.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double WhileConditionCalls(double x, int n)
        {
            double s = 1.0;
            int k = 0;
            while (LoopCarriedValues.Cube(s) < 1e6 && k < n)
            {
                s = s * (1 + x) + 1;
                k++;
            }

            return s;
        }

        /// <summary>Adds x until the logistic of the sum reaches 0.99, in a for loop whose condition calls Loops.Logistic.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double ForConditionCalls(double x)
        {
            double s = x;
            for (int k = 0; Loops.Logistic(s) < 0.99 && k < 100; k++)
            {
                s = s + x;
            }

            return s;
        }
    }

    public static class CallInLoopConditionCases
    {
        private static double Growth(double x, int k)
        {
            double s = 1.0;
            for (int i = 0; i < k; i++)
            {
                s = s * (1 + x) + 1;
            }

            return s;
        }

        private static double GrowthDerivative(double x, int n)
        {
            double s = 1.0;
            double ds = 0.0;
            int k = 0;
            while (k < n && s * s * s < 1e6)
            {
                ds = ds * (1 + x) + s;
                s = s * (1 + x) + 1;
                k++;
            }

            return ds;
        }

        private static Domain GrowthDomain()
        {
            Domain d = D(U(0.1, 1.5), Int(1, 30));
            for (int k = 0; k < 30; k++)
            {
                int kk = k;
                d = d.AwayFrom(p => kk < p[1] ? 3 * Math.Log(Growth(p[0], kk)) : 100.0, _ => Math.Log(1e6));
            }

            return d.Branch("stopped at the cap", p => Growth(p[0], (int)p[1]) >= 100).Branch("ran all n steps", p => Growth(p[0], (int)p[1]) < 100);
        }

        /// <summary>The sums s = x, 2x, 3x, … as the loop forms them, until the logistic reaches 0.99: their count.</summary>
        private static int Terms(double x)
        {
            double s = x;
            int terms = 1;
            for (int k = 0; 1.0 / (1.0 + Math.Exp(-s)) < 0.99 && k < 100; k++)
            {
                s = s + x;
                terms++;
            }

            return terms;
        }

        private static Domain ForDomain()
        {
            Domain d = D(U(0.3, 2));
            for (int k = 0; k < 20; k++)
            {
                int kk = k;
                d = d.AwayFrom(
                    p =>
                    {
                        double s = p[0];
                        for (int i = 0; i < kk; i++)
                        {
                            s = s + p[0];
                        }

                        return 1.0 / (1.0 + Math.Exp(-s));
                    },
                    _ => 0.99);
            }

            return d.Branch("at most 4 terms", p => Terms(p[0]) <= 4).Branch("more than 4 terms", p => Terms(p[0]) > 4);
        }

        public static IEnumerable<GradientCase> All() => new CaseList(typeof(CallInLoopCondition))
        {
            { nameof(CallInLoopCondition.WhileConditionCalls), GrowthDomain(), p => [GrowthDerivative(p[0], (int)p[1])] },
            { nameof(CallInLoopCondition.ForConditionCalls), ForDomain(), p => [Terms(p[0])] },
        };
    }
}
